"""Tests for forumdesk.services.agenda: a day's, a room's and a person's agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from forumdesk.core.enums import Role
from forumdesk.core.errors import NotFoundError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import agenda, assignments, people, sessions, venue

D25, D26, D27 = dt.date(2021, 11, 25), dt.date(2021, 11, 26), dt.date(2021, 11, 27)


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2021, 11, day, hour)


@dataclass
class Programme:
    hall_a: int
    hall_b: int
    ids: dict[str, int]
    speaker: int


@pytest.fixture
def programme(event: EventRow, other_event: EventRow, db: Database) -> Programme:
    """Two days in Hall A and Hall B, a plenary, a late session, an unscheduled one."""
    hall_b = venue.add_room(db, event.id, "Hall B").id
    hall_a = venue.add_room(db, event.id, "Hall A").id
    venue.reorder_rooms(db, event.id, [hall_a, hall_b])
    elsewhere = venue.add_room(db, other_event.id, "Hall A").id

    def make(
        event_id: int,
        code: str,
        room: int | None,
        start: dt.datetime | None,
        hours: int = 1,
        kind: str = "discussion",
    ) -> int:
        end = start + dt.timedelta(hours=hours) if start else None
        return sessions.create_session(
            db,
            event_id,
            f"Session {code}",
            code=code,
            kind=kind,
            room_id=room,
            starts_at=start,
            ends_at=end,
        ).id

    ids = {
        "S1": make(event.id, "S1", hall_b, at(25, 13)),
        "S2": make(event.id, "S2", hall_a, at(25, 13)),
        "P1": make(event.id, "P1", None, at(25, 10), kind="plenary"),
        "LATE": make(event.id, "LATE", hall_a, at(25, 23), hours=2),
        "S3": make(event.id, "S3", hall_a, at(26, 10)),
        "S4": make(event.id, "S4", hall_a, None),
        "X1": make(other_event.id, "X1", elsewhere, dt.datetime(2022, 3, 1, 9)),
    }
    speaker = people.create_person(db, "Rossi", "Martina").id
    assignments.assign_person(db, ids["S3"], speaker, Role.SPEAKER)
    assignments.assign_person(db, ids["S4"], speaker, Role.PARTICIPANT)
    assignments.assign_person(db, ids["S1"], speaker, Role.MODERATOR)
    assignments.assign_person(db, ids["X1"], speaker, Role.RAPPORTEUR)
    return Programme(hall_a, hall_b, ids, speaker)


def codes(rows: list) -> list[str | None]:
    return [r.code for r in rows]


def test_day_agenda_holds_only_that_day(
    event: EventRow, db: Database, programme: Programme
) -> None:
    """Sessions starting that day, by time then room order; a late session stays on its day."""
    assert codes(agenda.day_agenda(db, event.id, D25)) == ["P1", "S2", "S1", "LATE"]
    assert codes(agenda.day_agenda(db, event.id, D26)) == ["S3"]
    assert agenda.day_agenda(db, event.id, D27) == []


def test_day_agenda_rows_name_rooms_and_moderators(
    event: EventRow, db: Database, programme: Programme
) -> None:
    s1 = next(r for r in agenda.day_agenda(db, event.id, D25) if r.code == "S1")
    assert (s1.room_name, s1.moderators) == ("Hall B", ("Martina Rossi",))


def test_day_agenda_of_missing_event(db: Database) -> None:
    with pytest.raises(NotFoundError):
        agenda.day_agenda(db, 77, D25)


def test_room_agenda_all_days_and_one_day(db: Database, programme: Programme) -> None:
    """A room's scheduled sessions in time order; unscheduled ones are left out."""
    assert codes(agenda.room_agenda(db, programme.hall_a)) == ["S2", "LATE", "S3"]
    assert codes(agenda.room_agenda(db, programme.hall_a, D26)) == ["S3"]
    assert codes(agenda.room_agenda(db, programme.hall_b)) == ["S1"]
    assert agenda.room_agenda(db, programme.hall_b, D26) == []


def test_room_agenda_of_missing_room(db: Database) -> None:
    with pytest.raises(NotFoundError):
        agenda.room_agenda(db, 404)


def test_person_agenda_with_roles(event: EventRow, db: Database, programme: Programme) -> None:
    """A person's sessions with their roles: scheduled by time, then unscheduled, all events."""
    items = agenda.person_agenda(db, programme.speaker)
    assert [(i.session.code, i.role) for i in items] == [
        ("S1", Role.MODERATOR),
        ("S3", Role.SPEAKER),
        ("X1", Role.RAPPORTEUR),
        ("S4", Role.PARTICIPANT),
    ]


def test_person_agenda_for_one_event(
    event: EventRow, other_event: EventRow, db: Database, programme: Programme
) -> None:
    in_event = agenda.person_agenda(db, programme.speaker, event.id)
    assert [i.session.code for i in in_event] == ["S1", "S3", "S4"]
    in_other = agenda.person_agenda(db, programme.speaker, other_event.id)
    assert [(i.session.code, i.role) for i in in_other] == [("X1", Role.RAPPORTEUR)]


def test_person_agenda_of_someone_without_sessions(db: Database) -> None:
    nobody = people.create_person(db, "Lee", "Ben").id
    assert agenda.person_agenda(db, nobody) == []
    with pytest.raises(NotFoundError):
        agenda.person_agenda(db, nobody + 1)
