"""Tests for forumdesk.services.day_hours and the hours automatic placement keeps to."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from forumdesk.core.enums import Role
from forumdesk.core.errors import ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.scheduling.placement_model import PlacementSettings
from forumdesk.services import assignments, auto_placement, sessions, venue
from forumdesk.services.day_hours import check_day_hours, default_day_hours
from forumdesk.services.people import create_person

T = dt.time


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2021, 11, day, hour, minute)


def place(db: Database, event: EventRow, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    room = venue.add_room(db, event.id, f"Room {starts_at:%d%H%M}", 100)
    sessions.create_session(
        db, event.id, "Placed", room_id=room.id, starts_at=starts_at, ends_at=ends_at
    )


def test_an_event_with_nothing_placed_gets_nine_to_six(event: EventRow, db: Database) -> None:
    sessions.create_session(db, event.id, "Not placed", planned_minutes=90)
    assert default_day_hours(db, event.id) == (T(9), T(18))


def test_sessions_inside_nine_to_six_do_not_narrow_it(event: EventRow, db: Database) -> None:
    place(db, event, at(25, 10), at(25, 11))
    place(db, event, at(26, 14), at(26, 15, 30))
    assert default_day_hours(db, event.id) == (T(9), T(18))


def test_the_day_widens_to_the_earliest_start_and_latest_end_in_quarter_hours(
    event: EventRow, db: Database
) -> None:
    place(db, event, at(25, 8, 40), at(25, 10))  # opens at 08:30, the quarter before
    place(db, event, at(26, 17, 30), at(26, 19, 5))  # closes at 19:15, the quarter after
    assert default_day_hours(db, event.id) == (T(8, 30), T(19, 15))


def test_a_session_past_midnight_holds_the_day_to_its_last_quarter(
    event: EventRow, db: Database
) -> None:
    place(db, event, at(25, 22), at(26, 0, 30))
    assert default_day_hours(db, event.id) == (T(9), T(23, 45))


def test_other_events_sessions_do_not_count(event: EventRow, db: Database) -> None:
    from forumdesk.services.events import create_event

    other = create_event(db, "Other forum", "2021-11-25")
    place(db, other, at(25, 7), at(25, 21))
    assert default_day_hours(db, event.id) == (T(9), T(18))


def test_a_day_that_does_not_start_before_it_ends_is_refused() -> None:
    check_day_hours(T(8, 30), T(19))
    for starts, ends in ((T(18), T(9)), (T(10), T(10))):
        with pytest.raises(ValidationError, match="The day must start before it ends"):
            check_day_hours(starts, ends)


@pytest.fixture
def generated(event: EventRow, db: Database) -> list[int]:
    """Two rooms, a 09:00 opening, ten sessions of random length sharing six people."""
    rng = random.Random(7)
    rooms = [venue.add_room(db, event.id, f"Hall {c}", 80) for c in "AB"]
    people = [create_person(db, f"Person{n}", register_for=event.id) for n in range(6)]
    sessions.create_session(
        db, event.id, "Opening", room_id=rooms[0].id, starts_at=at(25, 9), ends_at=at(25, 10)
    )
    free = []
    for n in range(10):
        row = sessions.create_session(
            db, event.id, f"Panel {n}", planned_minutes=rng.choice([30, 45, 60, 90])
        )
        for person in rng.sample(people, 2):
            assignments.assign_person(db, row.id, person.id, Role.SPEAKER, expected_version=None)
        free.append(row.id)
    return free


def test_the_solver_never_proposes_a_session_outside_the_hours_given(
    event: EventRow, db: Database, generated: list[int]
) -> None:
    settings = PlacementSettings(day_starts=T(10), day_ends=T(15), time_limit=1.5, seed=1)
    proposal = auto_placement.propose_placement(db, event.id, settings)
    assert {spot.session_id for spot in proposal.spots} == set(generated)
    for spot in proposal.spots:
        assert T(10) <= spot.starts_at.time() and spot.ends_at.time() <= T(15), spot
        assert spot.starts_at.date() == spot.ends_at.date()


def test_without_hours_the_solver_keeps_to_the_events_own_day(
    event: EventRow, db: Database, generated: list[int]
) -> None:
    # the plenary of the second day opens at 08:00; a day this short pushes proposals to it
    room = venue.add_room(db, event.id, "Plenary", 500)
    sessions.create_session(
        db, event.id, "Plenary", room_id=room.id, starts_at=at(26, 8), ends_at=at(26, 8, 30)
    )
    proposal = auto_placement.propose_placement(
        db, event.id, PlacementSettings(day_ends=T(12), time_limit=1.5, seed=1)
    )
    assert (proposal.day_starts, proposal.day_ends) == (T(8), T(12))
    assert proposal.spots
    assert all(T(8) <= s.starts_at.time() and s.ends_at.time() <= T(12) for s in proposal.spots)
    assert min(s.starts_at.time() for s in proposal.spots) < T(9)


def test_suggested_slots_keep_to_the_hours_given(
    event: EventRow, db: Database, generated: list[int]
) -> None:
    settings = PlacementSettings(day_starts=T(13), day_ends=T(16, 30))
    found = auto_placement.suggest_slots(db, generated[0], count=6, settings=settings)
    assert found
    assert all(T(13) <= s.starts_at.time() and s.ends_at.time() <= T(16, 30) for s in found)


def test_placing_in_a_day_that_ends_before_it_starts_is_refused(
    event: EventRow, db: Database, generated: list[int]
) -> None:
    settings = PlacementSettings(day_starts=T(18), day_ends=T(9), time_limit=1)
    with pytest.raises(ValidationError):
        auto_placement.propose_placement(db, event.id, settings)
