"""Tests for forumdesk.services.agenda: an event's agenda, whole and narrowed to days and rooms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pytest

from forumdesk.core.enums import Role, Sector
from forumdesk.core.errors import NotFoundError, ValidationError
from forumdesk.core.rows import EventRow, SessionRow
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
    venue.reorder_rooms(db, event.id, [hall_a, hall_b], expected_versions=None)
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
    assignments.assign_person(db, ids["S3"], speaker, Role.SPEAKER, expected_version=None)
    assignments.assign_person(db, ids["S4"], speaker, Role.PARTICIPANT, expected_version=None)
    assignments.assign_person(db, ids["S1"], speaker, Role.MODERATOR, expected_version=None)
    assignments.assign_person(db, ids["X1"], speaker, Role.RAPPORTEUR, expected_version=None)
    return Programme(hall_a, hall_b, ids, speaker)


def codes(rows: Sequence[SessionRow]) -> list[str | None]:
    return [r.code for r in rows]


def test_the_agenda_holds_the_event_in_programme_order(
    event: EventRow, db: Database, programme: Programme
) -> None:
    """By time, then room order (no room first); unscheduled last; other events left out."""
    data = agenda.load_agenda(db, event.id)
    assert data.event == event
    assert codes(data.sessions) == ["P1", "S2", "S1", "LATE", "S3", "S4"]
    assert codes(data.scheduled) == ["P1", "S2", "S1", "LATE", "S3"]
    assert [r.id for r in data.rooms] == [programme.hall_a, programme.hall_b]


def test_a_days_agenda_holds_only_that_day(
    event: EventRow, db: Database, programme: Programme
) -> None:
    """Sessions starting that day, by time then room order; a late session stays on its day."""
    data = agenda.load_agenda(db, event.id)
    assert codes(data.sessions_on(D25)) == ["P1", "S2", "S1", "LATE"]
    assert codes(data.sessions_on(D26)) == ["S3"]
    assert data.sessions_on(D27) == []
    one_day = agenda.load_agenda(db, event.id, days=[D25])
    assert codes(one_day.scheduled) == ["P1", "S2", "S1", "LATE"]
    assert codes(one_day.sessions) == ["P1", "S2", "S1", "LATE", "S4"]  # unscheduled stay
    assert codes(agenda.load_agenda(db, event.id, days=[D26]).scheduled) == ["S3"]


def test_agenda_rows_name_rooms_moderators_and_people(
    event: EventRow, db: Database, programme: Programme
) -> None:
    s1 = next(r for r in agenda.load_agenda(db, event.id).sessions_on(D25) if r.code == "S1")
    assert (s1.room_name, s1.moderators) == ("Hall B", ("Martina Rossi",))
    assert [(link.person.display_name, link.role) for link in s1.people] == [
        ("Martina Rossi", Role.MODERATOR)
    ]
    # the version the session has (adding its moderator moved it on: people are the session's)
    stored = sessions.get_session(db, programme.ids["S1"]).version
    assert (s1.id, s1.event_id, s1.version) == (programme.ids["S1"], event.id, stored)
    assert stored == 2
    # one row type per session: the agenda's row is the one the session lists give, with people
    assert replace(s1, people=()) == sessions.get_session(db, s1.id)


def test_the_agenda_of_a_missing_event(db: Database) -> None:
    with pytest.raises(NotFoundError):
        agenda.load_agenda(db, 77)


def test_a_rooms_agenda_all_days_and_one_day(
    event: EventRow, db: Database, programme: Programme
) -> None:
    """A room's scheduled sessions in time order, with the room-less plenary everyone attends."""

    def scheduled_in(room: int, days: list[dt.date] | None = None) -> list[str | None]:
        return codes(agenda.load_agenda(db, event.id, room_ids=[room], days=days).scheduled)

    assert scheduled_in(programme.hall_a) == ["P1", "S2", "LATE", "S3"]
    assert scheduled_in(programme.hall_a, [D26]) == ["S3"]
    assert scheduled_in(programme.hall_b) == ["P1", "S1"]
    assert scheduled_in(programme.hall_b, [D26]) == []
    narrowed = agenda.load_agenda(db, event.id, room_ids=[programme.hall_b])
    assert [r.name for r in narrowed.rooms] == ["Hall B"]
    assert codes(narrowed.sessions) == ["P1", "S1"]  # S4, unscheduled, is Hall A's


def test_a_missing_room_track_or_day_is_refused(
    event: EventRow, other_event: EventRow, db: Database, programme: Programme
) -> None:
    with pytest.raises(ValidationError, match="has no room with id 404") as refused:
        agenda.load_agenda(db, event.id, room_ids=[programme.hall_a, 404])
    assert refused.value.field == "room_ids"
    elsewhere = agenda.load_agenda(db, other_event.id).rooms[0].id
    with pytest.raises(ValidationError, match=f"has no room with id {elsewhere}"):
        agenda.load_agenda(db, event.id, room_ids=[elsewhere])
    with pytest.raises(ValidationError, match="has no track with id 9") as refused:
        agenda.load_agenda(db, event.id, track_ids=[9])
    assert refused.value.field == "track_ids"
    with pytest.raises(ValidationError, match="2021-11-27 is not a day of") as refused:
        agenda.load_agenda(db, event.id, days=[D25, D27])
    assert refused.value.field == "days"


def test_a_persons_sessions_with_roles(
    event: EventRow, other_event: EventRow, db: Database, programme: Programme
) -> None:
    """A person's sessions with their roles in programme order: scheduled by time, then the
    unscheduled, each event in its own agenda."""
    in_event = agenda.load_agenda(db, event.id).roles_by_person()[programme.speaker]
    assert [(s.code, role) for s, role in in_event] == [
        ("S1", Role.MODERATOR),
        ("S3", Role.SPEAKER),
        ("S4", Role.PARTICIPANT),
    ]
    in_other = agenda.load_agenda(db, other_event.id).roles_by_person()[programme.speaker]
    assert [(s.code, role) for s, role in in_other] == [("X1", Role.RAPPORTEUR)]


def test_someone_without_sessions_is_not_in_the_agenda(
    event: EventRow, db: Database, programme: Programme
) -> None:
    nobody = people.create_person(db, "Lee", "Ben").id
    data = agenda.load_agenda(db, event.id)
    assert nobody not in data.roles_by_person()
    assert nobody not in data.people()
    assert programme.speaker in data.people()


def test_the_agenda_and_the_session_list_share_one_programme_order(
    event: EventRow, db: Database, programme: Programme
) -> None:
    """Codes read as numbers, and a session without a code after those with one, in both."""
    for code in ("S10", None, "s9"):
        sessions.create_session(
            db,
            event.id,
            f"Also at 13 {code}",
            code=code,
            room_id=programme.hall_a,
            starts_at=at(25, 13),
            ends_at=at(25, 14),
        )
    sessions.create_session(db, event.id, "Unscheduled, no code", room_id=programme.hall_a)
    listed = codes(sessions.list_sessions(db, event.id))
    assert listed == ["P1", "S2", "s9", "S10", None, "S1", "LATE", "S3", "S4", None]
    assert codes(agenda.load_agenda(db, event.id).sessions) == listed
    assert [r.title for r in sessions.list_sessions(db, event.id)][-1] == "Unscheduled, no code"


def test_people_list_their_organisations_country_and_sector_where_they_have_none(
    event: EventRow, db: Database, programme: Programme
) -> None:
    people.create_organization(db, "Минторг", country="Казахстан", sector="government")
    staff = people.create_person(db, "Ахметова", "Айгуль", organization="Минторг")
    envoy = people.create_person(
        db, "Grant", "Oliver", organization="Минторг", country="UK", sector="business"
    )
    assignments.assign_person(
        db, programme.ids["S2"], staff.id, Role.SPEAKER, expected_version=None
    )
    assignments.assign_person(
        db, programme.ids["S2"], envoy.id, Role.MODERATOR, expected_version=None
    )
    s2 = next(s for s in agenda.load_agenda(db, event.id).sessions if s.code == "S2")
    listed = {
        link.person.family_name: (link.person.listed_country, link.person.listed_sector)
        for link in s2.people
    }
    assert listed == {
        "Ахметова": ("KZ", Sector.GOVERNMENT),  # as codes, named where they are shown
        "Grant": ("GB", Sector.BUSINESS),
    }
    person = s2.people[1].person
    assert (person.country, person.sector) == (None, None)  # the person's own stay theirs
    # one row type per person: the agenda's is the directory's, with the organisation's values
    assert replace(person, organization_country=None, organization_sector=None) == (
        people.get_person(db, staff.id)
    )
    assert [link.person.with_organization() for link in s2.people] == [
        "Oliver Grant, Минторг",
        "Ахметова Айгуль, Минторг",
    ]
