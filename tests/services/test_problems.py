"""Tests for forumdesk.services.problems: checking an event and accepting problems, on real files.

The `event` fixture is in Asia/Almaty (UTC+6 in 2021), 25-26 November 2021.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from forumdesk.config import resolve_database_url
from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.core.errors import ConflictError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow, PersonRow, SessionRow
from forumdesk.db.engine import Database
from forumdesk.db.migrate import head_revision, open_database
from forumdesk.db.models import AcceptedProblem
from forumdesk.scheduling.checker import ProblemKind, Severity
from forumdesk.services import (
    assignments,
    availability,
    events,
    people,
    placing,
    problems,
    sessions,
    venue,
)
from forumdesk.services.demo import DemoResult
from tests.db.revisions import upgrade_to
from tests.services.support import assert_readable


def at(day: int, hour: int, minute: int = 0, tz: dt.tzinfo | None = None) -> dt.datetime:
    return dt.datetime(2021, 11, day, hour, minute, tzinfo=tz)


@dataclass
class Forum:
    """A small programme with one room clash and one person in two places."""

    event: EventRow
    s1: SessionRow
    s2: SessionRow
    s3: SessionRow
    aigul: PersonRow
    stefan: PersonRow


@pytest.fixture
def forum(db: Database, event: EventRow) -> Forum:
    hall_a = venue.add_room(db, event.id, "Hall A", capacity=100)
    hall_b = venue.add_room(db, event.id, "Hall B", capacity=100)
    s1 = sessions.create_session(
        db,
        event.id,
        "Illicit trade",
        code="S1",
        room_id=hall_a.id,
        starts_at=at(25, 10),
        ends_at=at(25, 11),
    )
    s2 = sessions.create_session(
        db,
        event.id,
        "E-commerce",
        code="S2",
        room_id=hall_a.id,
        starts_at=at(25, 10, 30),
        ends_at=at(25, 11, 45),
    )
    s3 = sessions.create_session(
        db,
        event.id,
        "Medicines",
        code="S3",
        room_id=hall_b.id,
        starts_at=at(25, 12),
        ends_at=at(25, 13),
    )
    aigul = people.create_person(db, "Жаксыбекова", "Айгуль", "Маратовна")
    stefan = people.create_person(db, "Brandt", "Stefan", email="s.brandt@example.org")
    assignments.register_people(
        db, event.id, [aigul.id, stefan.id], RegistrationStatus.CONFIRMED, expected_statuses=None
    )
    assignments.assign_person(db, s1.id, aigul.id, Role.MODERATOR, expected_version=None)
    assignments.assign_person(db, s2.id, aigul.id, Role.SPEAKER, expected_version=None)
    assignments.assign_person(db, s2.id, stefan.id, Role.MODERATOR, expected_version=None)
    assignments.assign_person(db, s3.id, stefan.id, Role.MODERATOR, expected_version=None)
    return Forum(event, s1, s2, s3, aigul, stefan)


def _by_kind(rows: list[problems.ProblemRow]) -> dict[ProblemKind, problems.ProblemRow]:
    found = {row.kind: row for row in rows}
    assert len(found) == len(rows), "expected one problem of each kind here"
    return found


def _stored_acceptances(db: Database) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(AcceptedProblem)) or 0)


# --- checking ---------------------------------------------------------------------------------


def test_check_reports_the_forums_problems_with_names(forum: Forum, db: Database) -> None:
    rows = problems.check_event(db, forum.event.id)
    found = _by_kind(rows)
    assert set(found) == {ProblemKind.ROOM_DOUBLE_BOOKED, ProblemKind.PERSON_DOUBLE_BOOKED}
    room, person = found[ProblemKind.ROOM_DOUBLE_BOOKED], found[ProblemKind.PERSON_DOUBLE_BOOKED]
    assert (room.severity, room.sessions, room.people) == (Severity.ERROR, ("S1", "S2"), ())
    assert room.message.startswith(
        "Hall A is booked twice: S1 «Illicit trade» (2021-11-25 10:00–11:00)"
    )
    # people are named by e-mail, or by name when they have none
    assert person.people == ("Жаксыбекова Айгуль Маратовна",)
    assert person.person_ids == (forum.aigul.id,)
    assert "moderator of S1" in person.message and "speaker of S2" in person.message
    assert not any(row.accepted for row in rows)
    assert all(row.is_open_error for row in rows)


def test_busy_spans_are_read_from_the_database_with_the_checker_s_severities(
    forum: Forum, db: Database, other_event: EventRow
) -> None:
    """What the timetable shades while S1 is dragged: S2, where its moderator speaks, and the
    time she said she cannot come; nothing from another event, nothing of S1 itself."""
    availability.add_unavailability(db, forum.event.id, forum.aigul.id, at(26, 9), at(26, 10))
    elsewhere = sessions.create_session(
        db, other_event.id, "Elsewhere", starts_at=at(25, 10), ends_at=at(25, 11)
    )
    assignments.assign_person(db, elsewhere.id, forum.aigul.id, Role.SPEAKER, expected_version=None)
    spans = problems.busy_spans(db, forum.s1.id)
    aigul = forum.aigul.display_name
    assert [(s.starts_at, s.ends_at, s.severity, s.reason) for s in spans] == [
        (at(25, 10, 30), at(25, 11, 45), Severity.ERROR, f"S2: {aigul}"),
        (at(26, 9), at(26, 10), Severity.ERROR, f"unavailable: {aigul}"),
    ]
    # the same clash is the checker's error
    assert (
        _by_kind(problems.check_event(db, forum.event.id))[
            ProblemKind.PERSON_DOUBLE_BOOKED
        ].severity
        == Severity.ERROR
    )
    # wherever S3 goes, its moderator is busy during S2 (where he moderates too)
    assert [s.reason for s in problems.busy_spans(db, forum.s3.id)] == ["S2: Stefan Brandt"]
    empty = sessions.create_session(db, forum.event.id, "No one yet")
    assert problems.busy_spans(db, empty.id) == []
    with pytest.raises(NotFoundError):
        problems.busy_spans(db, 404)


def test_check_of_an_unknown_event(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        problems.check_event(db, 42)
    assert_readable(caught.value, "event")


def test_check_reads_the_event_in_a_fixed_number_of_queries(forum: Forum, db: Database) -> None:
    """Bulk queries: ten times the sessions and people, the same number of statements."""

    def statements() -> int:
        with _counting(db) as seen:
            problems.check_event(db, forum.event.id)
        return len(seen)

    small = statements()
    room = venue.add_room(db, forum.event.id, "Hall C")
    for n in range(30):
        added = sessions.create_session(
            db,
            forum.event.id,
            f"Extra {n}",
            code=f"X{n}",
            room_id=room.id,
            starts_at=at(26, 9 + n % 8),
            ends_at=at(26, 10 + n % 8),
        )
        person = people.create_person(db, f"Guest{n}", email=f"guest{n}@example.org")
        assignments.assign_person(db, added.id, person.id, Role.SPEAKER, expected_version=None)
        availability.add_unavailability(db, forum.event.id, person.id, at(26, 9), at(26, 10))
    assert statements() == small <= 10


@contextmanager
def _counting(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", count)


def test_the_demo_forum_has_one_sensible_warning(demo: DemoResult, db: Database) -> None:
    rows = problems.check_event(db, demo.event.id)
    assert [(r.severity, r.kind, r.sessions, r.people) for r in rows] == [
        (
            Severity.WARNING,
            ProblemKind.NOT_REGISTERED,
            ("S10",),
            ("s.brandt@brandtkeller.de.example",),
        )
    ]
    assert rows[0].message == (
        "Stefan Brandt is panelist of S10 «International Cooperation Against Counterfeiting» "
        "but is not registered for the event (only invited so far)."
    )


def test_changeover_setting_and_its_undo(forum: Forum, db: Database) -> None:
    """Stefan moderates S2 in Hall A until 11:45 and S3 in Hall B from 12:00."""
    assert ProblemKind.CHANGEOVER_TOO_SHORT not in _kinds(db, forum)
    previous = events.update_event(
        db, forum.event.id, {"changeover_minutes": "16"}, expected_version=None
    )
    assert previous == {"changeover_minutes": 0}
    assert events.get_event(db, forum.event.id).changeover_minutes == 16
    [row] = [
        r
        for r in problems.check_event(db, forum.event.id)
        if r.kind == ProblemKind.CHANGEOVER_TOO_SHORT
    ]
    assert row.people == ("s.brandt@example.org",) and row.sessions == ("S2", "S3")
    assert "has 15 minutes to get from Hall A" in row.message
    assert row.message.endswith("the event allows 16 minutes.")
    events.update_event(db, forum.event.id, {"changeover_minutes": 15}, expected_version=None)
    assert ProblemKind.CHANGEOVER_TOO_SHORT not in _kinds(db, forum)
    events.update_event(db, forum.event.id, previous, expected_version=None)
    assert ProblemKind.CHANGEOVER_TOO_SHORT not in _kinds(db, forum)


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        (-5, "cannot be negative"),
        ("soon", "whole number"),
        (None, "cannot be empty"),
        (2000, "at most 1440"),
    ],
)
def test_bad_changeover_values_change_nothing(
    event: EventRow, db: Database, value: object, needle: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        events.update_event(db, event.id, {"changeover_minutes": value}, expected_version=None)
    assert_readable(caught.value, needle)
    assert events.get_event(db, event.id) == event


def _kinds(db: Database, forum: Forum) -> set[ProblemKind]:
    return {row.kind for row in problems.check_event(db, forum.event.id)}


def test_unavailability_given_in_utc_meets_local_sessions(forum: Forum, db: Database) -> None:
    """Stefan's S3 is 12:00–13:00 in Almaty, i.e. 06:00–07:00 UTC."""
    touching = availability.add_unavailability(
        db, forum.event.id, forum.stefan.id, at(25, 7, tz=dt.UTC), at(25, 9, tz=dt.UTC)
    )
    assert ProblemKind.PERSON_UNAVAILABLE not in _kinds(db, forum)
    availability.update_unavailability(
        db, touching.id, {"starts_at": at(25, 6, 59, tz=dt.UTC)}, expected_version=None
    )
    [row] = [
        r
        for r in problems.check_event(db, forum.event.id)
        if r.kind == ProblemKind.PERSON_UNAVAILABLE
    ]
    assert row.severity == Severity.ERROR
    assert "unavailable 2021-11-25 12:59–15:00" in row.message


def test_outside_the_days_uses_the_events_local_date(event: EventRow, db: Database) -> None:
    """26 Nov 19:30 UTC is 27 Nov 01:30 in Almaty; 24 Nov 20:00 UTC is 25 Nov 02:00 there."""
    late = sessions.create_session(
        db,
        event.id,
        "Night owls",
        code="N1",
        kind="workshop",
        starts_at=at(26, 19, 30, tz=dt.UTC),
        ends_at=at(26, 20, 30, tz=dt.UTC),
    )
    sessions.create_session(
        db,
        event.id,
        "Early birds",
        code="E1",
        kind="workshop",
        starts_at=at(24, 20, tz=dt.UTC),
        ends_at=at(24, 21, tz=dt.UTC),
    )
    outside = [
        r for r in problems.check_event(db, event.id) if r.kind == ProblemKind.OUTSIDE_EVENT_DAYS
    ]
    assert [r.session_ids for r in outside] == [(late.id,)]
    assert "2021-11-27 01:30–02:30, after the event's last day" in outside[0].message


def test_registration_problems_follow_the_registration(forum: Forum, db: Database) -> None:
    assignments.register_people(
        db, forum.event.id, [forum.stefan.id], RegistrationStatus.CANCELLED, expected_statuses=None
    )
    [row] = [
        r for r in problems.check_event(db, forum.event.id) if r.kind == ProblemKind.NOT_REGISTERED
    ]
    assert row.sessions == ("S2", "S3")
    assert row.message.endswith("(their registration is cancelled).")
    assignments.register_people(
        db, forum.event.id, [forum.stefan.id], RegistrationStatus.ATTENDED, expected_statuses=None
    )
    assert ProblemKind.NOT_REGISTERED not in _kinds(db, forum)


# --- accepting --------------------------------------------------------------------------------


def _room_clash(db: Database, forum: Forum) -> problems.ProblemRow:
    return _by_kind(problems.check_event(db, forum.event.id))[ProblemKind.ROOM_DOUBLE_BOOKED]


def test_acceptance_life_cycle(forum: Forum, db: Database) -> None:
    """Accepted while unchanged; back when a session moves; accepted again when it moves back."""
    clash = _room_clash(db, forum)
    assert (
        problems.accept_problem(
            db,
            forum.event.id,
            clash.key,
            clash.fingerprint,
            "  Same audience: the hall is split\n",
            expected=None,
        )
        is None
    )

    rows = _by_kind(problems.check_event(db, forum.event.id))
    accepted = rows[ProblemKind.ROOM_DOUBLE_BOOKED]
    assert accepted.accepted and not accepted.is_open_error
    assert accepted.accepted_note == "Same audience: the hall is split"
    assert accepted.accepted_at is not None
    assert abs(accepted.accepted_at - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(
        hours=1
    )
    assert not rows[ProblemKind.PERSON_DOUBLE_BOOKED].accepted  # only what was accepted

    # the situation changes: S2 now runs 10:45–12:00, so the clash is back, unaccepted
    placing.move_session(db, forum.s2.id, at(25, 10, 45), expected_version=None)
    back = _room_clash(db, forum)
    assert (back.key, back.accepted, back.accepted_note) == (clash.key, False, None)
    assert back.fingerprint != clash.fingerprint
    assert back.is_open_error

    # a change that is not behind the clash (the title) keeps the acceptance
    placing.move_session(db, forum.s2.id, at(25, 10, 30), expected_version=None)
    sessions.update_session(
        db, forum.s2.id, {"title": "E-commerce and marketplaces"}, expected_version=None
    )
    again = _room_clash(db, forum)
    assert again.accepted and again.fingerprint == clash.fingerprint


def test_accepting_what_changed_or_vanished_is_refused(forum: Forum, db: Database) -> None:
    clash = _room_clash(db, forum)
    placing.move_session(db, forum.s2.id, at(25, 10, 45), expected_version=None)
    with pytest.raises(ConflictError) as caught:
        problems.accept_problem(db, forum.event.id, clash.key, clash.fingerprint, expected=None)
    assert_readable(caught.value, "changed since it was listed")
    placing.move_session(db, forum.s2.id, at(25, 14), expected_version=None)
    with pytest.raises(NotFoundError) as caught:
        problems.accept_problem(db, forum.event.id, clash.key, clash.fingerprint, expected=None)
    assert_readable(caught.value, "no longer there")
    assert _stored_acceptances(db) == 0


def test_accept_again_unaccept_and_undo(forum: Forum, db: Database) -> None:
    clash = _room_clash(db, forum)
    problems.accept_problem(
        db, forum.event.id, clash.key, clash.fingerprint, "first", expected=None
    )
    [first] = problems.list_acceptances(db, forum.event.id)

    # accepting again replaces the note; what it returns puts the first acceptance back
    replaced = problems.accept_problem(
        db, forum.event.id, clash.key, clash.fingerprint, "second", expected=None
    )
    assert replaced == first
    assert _room_clash(db, forum).accepted_note == "second"
    assert replaced is not None
    problems.restore_acceptance(db, replaced, expected=None)
    assert _facts(problems.list_acceptances(db, forum.event.id)) == _facts([first])

    # withdrawing returns the acceptance; restoring it is the undo
    removed = problems.unaccept_problem(db, forum.event.id, clash.key, expected=None)
    assert removed is not None and _facts([removed]) == _facts([first])
    assert not _room_clash(db, forum).accepted
    assert problems.unaccept_problem(db, forum.event.id, clash.key, expected=None) is None
    problems.restore_acceptance(db, first, expected=None)
    assert _room_clash(db, forum).accepted_note == "first"
    assert _facts(problems.list_acceptances(db, forum.event.id)) == _facts([first])


def _facts(rows: list[problems.AcceptanceRow]) -> list[tuple[object, ...]]:
    return [(r.event_id, r.key, r.fingerprint, r.note, r.accepted_at) for r in rows]


def test_undo_of_withdrawing_after_another_acceptance(forum: Forum, db: Database) -> None:
    """Another acceptance was made meanwhile; undo of the withdrawal still works."""
    found = _by_kind(problems.check_event(db, forum.event.id))
    clash, person = found[ProblemKind.ROOM_DOUBLE_BOOKED], found[ProblemKind.PERSON_DOUBLE_BOOKED]
    problems.accept_problem(db, forum.event.id, clash.key, clash.fingerprint, "room", expected=None)
    removed = problems.unaccept_problem(db, forum.event.id, clash.key, expected=None)
    problems.accept_problem(
        db, forum.event.id, person.key, person.fingerprint, "person", expected=None
    )
    assert removed is not None
    assert [a.key for a in problems.list_acceptances(db, forum.event.id)] == [person.key]
    problems.restore_acceptance(db, removed, expected=None)
    assert {r.kind: r.accepted_note for r in problems.check_event(db, forum.event.id)} == {
        ProblemKind.ROOM_DOUBLE_BOOKED: "room",
        ProblemKind.PERSON_DOUBLE_BOOKED: "person",
    }


def test_several_problems_are_accepted_and_withdrawn_in_one_call(
    forum: Forum, db: Database
) -> None:
    """All or none, after one check; what each call returns is the other's undo."""
    found = _by_kind(problems.check_event(db, forum.event.id))
    clash, person = found[ProblemKind.ROOM_DOUBLE_BOOKED], found[ProblemKind.PERSON_DOUBLE_BOOKED]
    problems.accept_problem(
        db, forum.event.id, clash.key, clash.fingerprint, "earlier", expected=None
    )
    [earlier] = problems.list_acceptances(db, forum.event.id)

    with pytest.raises(ConflictError):  # the second has changed: the first is not accepted either
        problems.accept_problems(
            db,
            forum.event.id,
            [(person.key, person.fingerprint), (clash.key, "0" * 32)],
            "both",
            expected=None,
        )
    assert _facts(problems.list_acceptances(db, forum.event.id)) == _facts([earlier])

    both = [(clash.key, clash.fingerprint), (person.key, person.fingerprint)]
    previous = problems.accept_problems(db, forum.event.id, both, "both", expected=None)
    assert previous == {clash.key: earlier, person.key: None}
    assert {r.accepted_note for r in problems.check_event(db, forum.event.id)} == {"both"}
    problems.restore_acceptances(db, forum.event.id, previous, expected=None)  # undo
    assert _facts(problems.list_acceptances(db, forum.event.id)) == _facts([earlier])

    problems.accept_problems(db, forum.event.id, both, "both", expected=None)
    removed = problems.unaccept_problems(db, forum.event.id, [clash.key, person.key], expected=None)
    assert set(removed) == {clash.key, person.key} and _stored_acceptances(db) == 0
    problems.restore_acceptances(db, forum.event.id, removed, expected=None)  # undo
    assert {r.accepted_note for r in problems.check_event(db, forum.event.id)} == {"both"}


def test_stale_acceptances_are_ignored_then_forgotten(forum: Forum, db: Database) -> None:
    rows = _by_kind(problems.check_event(db, forum.event.id))
    for row in rows.values():
        problems.accept_problem(db, forum.event.id, row.key, row.fingerprint, expected=None)
    # S2 moves to 12:00–13:15 in Hall A: the room clash and Aigul's are gone, but S2 now
    # clashes with S3 for Stefan (a new, unaccepted problem)
    placing.move_session(db, forum.s2.id, at(25, 12), expected_version=None)
    current = problems.check_event(db, forum.event.id)
    assert [(r.kind, r.accepted) for r in current] == [(ProblemKind.PERSON_DOUBLE_BOOKED, False)]
    assert len(problems.list_acceptances(db, forum.event.id)) == 2

    forgotten = problems.forget_stale_acceptances(db, forum.event.id)
    assert {a.key for a in forgotten} == {r.key for r in rows.values()}
    assert problems.list_acceptances(db, forum.event.id) == []
    assert problems.check_event(db, forum.event.id) == current


def test_forgetting_keeps_acceptances_that_still_hold(forum: Forum, db: Database) -> None:
    clash = _room_clash(db, forum)
    problems.accept_problem(db, forum.event.id, clash.key, clash.fingerprint, "kept", expected=None)
    assert problems.forget_stale_acceptances(db, forum.event.id) == []
    assert _room_clash(db, forum).accepted_note == "kept"


def test_acceptances_go_with_their_event(forum: Forum, db: Database) -> None:
    clash = _room_clash(db, forum)
    problems.accept_problem(db, forum.event.id, clash.key, clash.fingerprint, expected=None)
    events.delete_event(db, forum.event.id)
    assert _stored_acceptances(db) == 0


# --- the migration ----------------------------------------------------------------------------


def test_a_database_from_before_problem_checks_keeps_its_programme(tmp_path: Path) -> None:
    """Upgrading 0001 -> 0002 adds the column in place: nothing cascades away from events."""
    path = tmp_path / "old.sqlite3"
    upgrade_to(path, "0001")
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO events (id, name, first_day, last_day, timezone, version) "
            "VALUES (1, 'Forum', '2021-11-25', '2021-11-26', 'Asia/Almaty', 1)"
        )
        conn.execute(
            "INSERT INTO rooms (id, event_id, name, position, version) "
            "VALUES (1, 1, 'Hall A', 0, 1)"
        )
        for sid in (1, 2):
            conn.execute(
                "INSERT INTO program_sessions (id, event_id, code, title, kind, room_id,"
                " starts_at, ends_at, version) VALUES (?, 1, ?, 'Talk', 'workshop', 1,"
                " '2021-11-25 10:00:00', '2021-11-25 11:00:00', 1)",
                (sid, f"S{sid}"),
            )

    db = open_database(resolve_database_url(str(path)))
    try:
        event = events.get_event(db, 1)
        assert (event.name, event.changeover_minutes) == ("Forum", 0)
        assert [r.name for r in venue.list_rooms(db, 1)] == ["Hall A"]
        assert [r.sessions for r in problems.check_event(db, 1)] == [("S1", "S2")]
        with pytest.raises(ValidationError):
            events.update_event(db, 1, {"changeover_minutes": -1}, expected_version=None)
    finally:
        db.dispose()
    with closing(sqlite3.connect(path)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="changeover_not_negative"):
            conn.execute("UPDATE events SET changeover_minutes = -1")
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]


def test_session_kinds_are_read_back_as_vocabulary(forum: Forum, db: Database) -> None:
    """A discussion without a moderator is an error; the kind comes from the database."""
    lonely = sessions.create_session(
        db, forum.event.id, "Round table", code="R1", kind=SessionKind.DISCUSSION
    )
    rows = [r for r in problems.check_event(db, forum.event.id) if lonely.id in r.session_ids]
    assert [(r.kind, r.severity) for r in rows] == [
        (ProblemKind.NO_MODERATOR, Severity.ERROR),
        (ProblemKind.UNSCHEDULED, Severity.INFO),
    ]
