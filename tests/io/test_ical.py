"""Tests for forumdesk/io/ical.py: .ics files that parse back with the right times."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from forumdesk.core.enums import Role
from forumdesk.core.errors import StorageError
from forumdesk.db.engine import Database
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Labels
from forumdesk.io.ical import agenda_calendar, write_ics
from forumdesk.services.agenda import load_agenda
from forumdesk.services.assignments import assign_people
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import create_event
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session
from forumdesk.services.venue import add_room

UTC = dt.UTC


@pytest.fixture
def demo_data(db: Database, demo: DemoResult) -> AgendaData:
    return load_agenda(db, demo.event.id)


def _read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _by_summary(calendar: Calendar) -> dict[str, object]:
    return {str(entry.get("summary")): entry for entry in calendar.walk("VEVENT")}


def test_the_whole_event_parses_back_in_its_time_zone(
    demo_data: AgendaData, tmp_path: Path
) -> None:
    path = tmp_path / "forum.ics"
    count = write_ics(demo_data, path, app_version="9.8.7")
    calendar = _read(path)
    entries = _by_summary(calendar)
    assert count == len(calendar.walk("VEVENT")) == len(demo_data.scheduled) == 17
    opening = entries[
        "P1 · Opening Plenary: Joint Action Against Counterfeiting in the Eurasian Economic Union"
    ]
    start, end = opening.decoded("dtstart"), opening.decoded("dtend")  # type: ignore[attr-defined]
    # 10:00 in Nur-Sultan (UTC+6 in 2021) is 04:00 UTC
    assert start == dt.datetime(2021, 11, 25, 4, 0, tzinfo=UTC)
    assert end == dt.datetime(2021, 11, 25, 6, 0, tzinfo=UTC)
    assert str(start.tzinfo) == "Asia/Almaty"
    assert b"DTSTART;TZID=Asia/Almaty:20211125T100000" in path.read_bytes()
    assert [str(tz.get("tzid")) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Almaty"]
    names = [c.name for c in calendar.subcomponents]
    assert names.index("VTIMEZONE") < names.index("VEVENT")  # defined before it is used
    assert str(calendar.get("x-wr-calname")) == "International Anti-Counterfeiting Forum 2021"
    assert str(calendar.get("prodid")) == "-//forumdesk//forumdesk 9.8.7//EN"  # the caller's
    assert str(opening.get("location")) == (
        "Plenary Hall, Nur-Sultan Congress Centre, "  # type: ignore[attr-defined]
        "Nur-Sultan"
    )


def test_a_persons_calendar_holds_their_sessions_and_role(
    demo_data: AgendaData, tmp_path: Path
) -> None:
    grant = next(p for p in demo_data.people().values() if p.display_name == "Oliver Grant")
    path = tmp_path / "grant.ics"
    assert write_ics(demo_data, path, person=grant, app_version="1") == 3
    entries = _by_summary(_read(path))
    assert set(entries) == {
        "S1 · Illegal Turnover of Industrial Products: Scale, Risks and Countermeasures",
        "S5 · Counterfeit and Falsified Goods in the EAEU Market",
        "S10 · International Cooperation Against Counterfeiting",
    }
    s1 = entries["S1 · Illegal Turnover of Industrial Products: Scale, Risks and Countermeasures"]
    description = str(s1.get("description"))  # type: ignore[attr-defined]
    assert description.splitlines()[0] == "Role: Panelist"
    assert "Moderators: Ахметов Данияр Канатович" in description
    assert str(s1.get("categories").cats[0]) == "Illicit Trade & Enforcement"  # type: ignore[attr-defined]


def test_entries_keep_their_uid_from_one_export_to_the_next(demo_data: AgendaData) -> None:
    labels = Labels("en")
    first = {
        str(e.get("uid"))
        for e in agenda_calendar(demo_data, labels, app_version="1").walk("VEVENT")
    }
    again = {
        str(e.get("uid"))
        for e in agenda_calendar(demo_data, labels, app_version="1").walk("VEVENT")
    }
    assert first == again and len(first) == len(demo_data.scheduled)


def test_russian_labels_and_a_zone_with_summer_time(db: Database, tmp_path: Path) -> None:
    event = create_event(
        db, "Форум в Берлине", "2027-03-27", "2027-03-29", timezone="Europe/Berlin"
    )
    room = add_room(db, event.id, "Саал 1")
    before = create_session(
        db,
        event.id,
        "До перехода",
        code="А1",
        room_id=room.id,
        starts_at=dt.datetime(2027, 3, 27, 10),
        ends_at=dt.datetime(2027, 3, 27, 11),
    )
    after = create_session(
        db,
        event.id,
        "После перехода",
        code="А2",
        room_id=room.id,
        starts_at=dt.datetime(2027, 3, 29, 10),
        ends_at=dt.datetime(2027, 3, 29, 11),
    )
    person = create_person(db, "Иванова", "Мария", email="m@example.org")
    assign_people(db, before.id, [person.id], Role.MODERATOR, expected_version=None)
    assign_people(db, after.id, [person.id], Role.SPEAKER, expected_version=None)
    path = tmp_path / "berlin.ics"
    write_ics(load_agenda(db, event.id), path, lang="ru", app_version="1")
    entries = _by_summary(_read(path))
    winter = entries["А1 · До перехода"].decoded("dtstart")  # type: ignore[attr-defined]
    summer = entries["А2 · После перехода"].decoded("dtstart")  # type: ignore[attr-defined]
    assert winter == dt.datetime(2027, 3, 27, 9, 0, tzinfo=UTC)  # CET, UTC+1
    assert summer == dt.datetime(2027, 3, 29, 8, 0, tzinfo=UTC)  # CEST, UTC+2
    description = str(entries["А1 · До перехода"].get("description"))  # type: ignore[attr-defined]
    assert description == "Модераторы: Иванова Мария"


def test_a_failed_write_keeps_the_old_calendar(
    demo_data: AgendaData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = tmp_path / "forum.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")

    def refuse(*_args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageError, match=r"«forum\.ics» could not be written"):
        write_ics(demo_data, path, app_version="1")
    assert path.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
