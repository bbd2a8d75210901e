"""Who gets a badge or a table tent, what it says, and that the badge's QR checks them in
(forumdesk/services/badges.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.core.errors import NotFoundError, ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.io.badges import BadgeRole
from forumdesk.services import badges, checkin
from forumdesk.services.assignments import assign_person, register_people
from forumdesk.services.checkin import ScanOutcome
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session
from tests.pdf_pages import pdf_text, qr_texts, render_pages

START = dt.datetime(2021, 11, 25, 10, 0)


def _person(db: Database, event: EventRow | None, family: str, given: str, **fields: object) -> int:
    registered = event.id if event is not None else None
    return create_person(db, family, given, register_for=registered, **fields).id


def _session(db: Database, event: EventRow, code: str, hour: int, **fields: object) -> int:
    starts = START.replace(hour=hour)
    return create_session(
        db,
        event.id,
        f"Session {code}",
        code=code,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        **fields,  # type: ignore[arg-type]
    ).id


@pytest.fixture
def forum(db: Database, event: EventRow) -> dict[str, int]:
    people = {
        "moderator": _person(db, event, "Иванова", "Анна", organization="ФТС", country="RU"),
        "speaker": _person(db, event, "Қасымұлы", "Әсет", organization="Минюст", country="KZ"),
        "press": _person(db, event, "Smith", "John", organization="Reuters", sector="media"),
        "participant": _person(db, event, "Борисов", "Пётр"),
        "cancelled": _person(db, event, "Аброва", "Инна"),
        "outsider": _person(db, None, "Чужой", "Кто"),
    }
    register_people(
        db,
        event.id,
        [people["cancelled"]],
        RegistrationStatus.CANCELLED,
        expected_statuses={people["cancelled"]: RegistrationStatus.REGISTERED},
    )
    first = _session(db, event, "S1", 10)
    second = _session(db, event, "S2", 12)
    lunch = _session(db, event, "L", 13, kind=SessionKind.BREAK)
    assign_person(db, first, people["speaker"], Role.SPEAKER, expected_version=None)
    assign_person(db, first, people["moderator"], Role.MODERATOR, expected_version=None)
    assign_person(db, second, people["moderator"], Role.PANELIST, expected_version=None)
    assign_person(db, second, people["participant"], Role.PARTICIPANT, expected_version=None)
    assign_person(db, lunch, people["speaker"], Role.MODERATOR, expected_version=None)
    return {**people, "S1": first, "S2": second, "L": lunch}


def test_everyone_registered_gets_a_badge_with_their_most_prominent_role(
    db: Database, event: EventRow, forum: dict[str, int]
) -> None:
    found = badges.badges_for(db, event.id, lang="ru")

    by_name = {badge.name: badge for badge in found}
    assert set(by_name) == {"Иванова Анна", "Қасымұлы Әсет", "John Smith", "Борисов Пётр"}
    assert by_name["Иванова Анна"].role is BadgeRole.MODERATOR  # moderator beats panelist
    assert by_name["Қасымұлы Әсет"].role is BadgeRole.MODERATOR  # even of a break
    assert by_name["John Smith"].role is BadgeRole.PRESS  # of the media sector
    assert by_name["Борисов Пётр"].role is BadgeRole.PARTICIPANT
    assert by_name["Иванова Анна"].country == "Россия"
    assert by_name["Иванова Анна"].latin_name == "Ivanova Anna"
    assert by_name["John Smith"].latin_name == "John Smith"
    # in Russian alphabetical order, Cyrillic first
    assert [badge.name for badge in found][-1] == "John Smith"
    english = badges.badges_for(db, event.id, lang="en", role=BadgeRole.STAFF)
    assert {badge.country for badge in english} >= {"Russia", "Kazakhstan"}
    assert {badge.role for badge in english} == {BadgeRole.STAFF}


def test_a_session_s_people_or_a_selection_in_its_order(
    db: Database, event: EventRow, forum: dict[str, int]
) -> None:
    session_badges = badges.badges_for(db, event.id, session_id=forum["S2"])
    assert [badge.name for badge in session_badges] == ["Иванова Анна", "Борисов Пётр"]
    chosen = [forum["outsider"], forum["press"], forum["outsider"]]
    assert [b.name for b in badges.badges_for(db, event.id, person_ids=chosen)] == [
        "Чужой Кто",
        "John Smith",
    ]
    assert badges.session_id_for_code(db, event.id, " s2 ") == forum["S2"]
    with pytest.raises(NotFoundError):
        badges.session_id_for_code(db, event.id, "S9")


def test_each_badge_s_qr_code_read_from_the_pdf_checks_its_person_in(
    db: Database, event: EventRow, forum: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "badges.pdf"
    result = badges.export_badges(db, event.id, target, layout="card10", lang="ru")
    assert (result.count, result.pages) == (4, 1)

    decoded = qr_texts(render_pages(target, dpi=200)[0])

    expected = checkin.checkin_codes(
        db, event.id, [forum[k] for k in ("moderator", "speaker", "press", "participant")]
    )
    assert sorted(decoded) == sorted(expected.values())
    arrived = set()
    for text in decoded:
        scanned = checkin.scan(db, event.id, text)
        assert scanned.outcome is ScanOutcome.CHECKED_IN
        assert scanned.person is not None
        arrived.add(scanned.person.id)
    assert arrived == set(expected)
    assert "Қасымұлы Әсет" in pdf_text(target)


def test_a_badge_of_someone_not_registered_scans_as_not_registered(
    db: Database, event: EventRow, forum: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "badge.pdf"
    badges.export_badges(db, event.id, target, person_ids=[forum["outsider"]])
    (text,) = qr_texts(render_pages(target)[0])
    assert checkin.scan(db, event.id, text).outcome is ScanOutcome.NOT_REGISTERED


def test_nobody_chosen_is_refused_and_writes_nothing(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="Nobody"):
        badges.export_badges(db, event.id, tmp_path / "b.pdf")
    with pytest.raises(ValidationError, match="table tents"):
        badges.export_tents(db, event.id, tmp_path / "t.pdf")
    assert not list(tmp_path.glob("*.pdf"))


def test_tents_for_moderators_first_then_speakers_in_programme_order_without_breaks(
    db: Database, event: EventRow, forum: dict[str, int], tmp_path: Path
) -> None:
    tents = badges.tents_for(db, event.id)
    assert [(tent.session, tent.name) for tent in tents] == [
        ("S1 · Session S1", "Иванова Анна"),
        ("S1 · Session S1", "Қасымұлы Әсет"),
        ("S2 · Session S2", "Иванова Анна"),  # panelist; the participant gets no tent
    ]
    assert [t.name for t in badges.tents_for(db, event.id, session_id=forum["S2"])] == [
        "Иванова Анна"
    ]
    result = badges.export_tents(db, event.id, tmp_path / "tents.pdf")
    assert (result.count, result.pages) == (3, 3)
    text = pdf_text(tmp_path / "tents.pdf")
    assert text.count("Ivanova Anna") == 4  # two faces on each of her two tents
