"""Tests for forumdesk.services.placing: schedule, unschedule, move and resize, on real files."""

from __future__ import annotations

import datetime as dt

import pytest

from forumdesk.core.errors import ConcurrentEditError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow, Placement
from forumdesk.db.engine import Database
from forumdesk.services import placing, sessions, venue
from tests.services.support import assert_readable


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A naive event-local time in November 2021."""
    return dt.datetime(2021, 11, day, hour, minute)


# --- placing on the timetable -----------------------------------------------------------------


def test_schedule_and_place_undo(event: EventRow, db: Database) -> None:
    """schedule_session returns the old placement; placing it back unschedules again."""
    room = venue.add_room(db, event.id, "Hall A")
    row = sessions.create_session(db, event.id, "Talk")
    previous = placing.schedule_session(
        db, row.id, room.id, at(25, 10), at(25, 11), expected_version=None
    )
    assert previous == Placement(None, None, None)
    placed = sessions.get_session(db, row.id)
    assert (placed.room_id, placed.starts_at, placed.ends_at) == (room.id, at(25, 10), at(25, 11))
    assert placing.place_session(db, row.id, previous, expected_version=None) == Placement(
        room.id, at(25, 10), at(25, 11)
    )
    assert not sessions.get_session(db, row.id).is_scheduled


@pytest.mark.parametrize(
    ("placement", "error"),
    [
        (Placement(None, at(25, 11), at(25, 10)), ValidationError),
        (Placement(None, at(25, 11), None), ValidationError),
        (Placement("foreign", at(25, 10), at(25, 11)), ValidationError),
        (Placement(404, at(25, 10), at(25, 11)), NotFoundError),
    ],
)
def test_place_session_rejections_change_nothing(
    event: EventRow,
    other_event: EventRow,
    db: Database,
    placement: Placement,
    error: type[Exception],
) -> None:
    foreign = venue.add_room(db, other_event.id, "Hall X")
    if placement.room_id == "foreign":
        placement = Placement(foreign.id, placement.starts_at, placement.ends_at)
    row = sessions.create_session(db, event.id, "Talk", starts_at=at(25, 9), ends_at=at(25, 9, 30))
    with pytest.raises(error):
        placing.place_session(db, row.id, placement, expected_version=None)
    assert sessions.get_session(db, row.id) == row


def test_place_session_with_stale_version_is_refused(event: EventRow, db: Database) -> None:
    row = sessions.create_session(db, event.id, "Talk")
    placing.schedule_session(db, row.id, None, at(25, 10), at(25, 11), expected_version=None)
    with pytest.raises(ConcurrentEditError):
        placing.place_session(
            db, row.id, Placement(None, at(26, 10), at(26, 11)), expected_version=row.version
        )
    assert sessions.get_session(db, row.id).starts_at == at(25, 10)


def test_place_missing_session_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        placing.place_session(db, 8, Placement(None, None, None), expected_version=None)


def test_unschedule_forgets_or_keeps_room(event: EventRow, db: Database) -> None:
    room = venue.add_room(db, event.id, "Hall A")
    row = sessions.create_session(
        db, event.id, "Talk", room_id=room.id, starts_at=at(25, 10), ends_at=at(25, 11)
    )
    previous = placing.unschedule_session(db, row.id, keep_room=True, expected_version=None)
    assert previous == Placement(room.id, at(25, 10), at(25, 11))
    kept = sessions.get_session(db, row.id)
    assert (kept.room_id, kept.starts_at, kept.ends_at) == (room.id, None, None)
    placing.place_session(db, row.id, previous, expected_version=None)
    placing.unschedule_session(db, row.id, expected_version=None)
    assert sessions.get_session(db, row.id).room_id is None


def test_move_keeps_length_and_undo(event: EventRow, db: Database) -> None:
    """A move keeps the duration and (by default) the room; the old placement undoes it."""
    hall_a, hall_b = venue.add_room(db, event.id, "Hall A"), venue.add_room(db, event.id, "B")
    row = sessions.create_session(
        db, event.id, "Talk", room_id=hall_a.id, starts_at=at(25, 10), ends_at=at(25, 11, 30)
    )
    previous = placing.move_session(db, row.id, at(26, 14), expected_version=None)
    moved = sessions.get_session(db, row.id)
    assert (moved.room_id, moved.starts_at, moved.ends_at) == (
        hall_a.id,
        at(26, 14),
        at(26, 15, 30),
    )
    placing.move_session(db, row.id, at(26, 9), hall_b.id, expected_version=None)
    assert sessions.get_session(db, row.id).room_id == hall_b.id
    placing.move_session(db, row.id, at(26, 9), keep_room=False, expected_version=None)
    assert sessions.get_session(db, row.id).room_id is None
    placing.place_session(db, row.id, previous, expected_version=None)
    back = sessions.get_session(db, row.id)
    assert (back.room_id, back.starts_at, back.ends_at) == (hall_a.id, at(25, 10), at(25, 11, 30))


def test_move_or_resize_unscheduled_is_refused(event: EventRow, db: Database) -> None:
    """Only sessions on the timetable can be moved or resized; the message names the session."""
    row = sessions.create_session(db, event.id, "Talk", code="S3")
    for call in (
        lambda: placing.move_session(db, row.id, at(25, 10), expected_version=None),
        lambda: placing.resize_session(db, row.id, at(25, 11), expected_version=None),
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        assert_readable(caught.value, "S3 «Talk»")
    assert sessions.get_session(db, row.id) == row


def test_resize_and_refused_resize(event: EventRow, db: Database) -> None:
    row = sessions.create_session(db, event.id, "Talk", starts_at=at(25, 10), ends_at=at(25, 11))
    previous = placing.resize_session(db, row.id, at(25, 12), expected_version=None)
    assert previous.ends_at == at(25, 11)
    assert sessions.get_session(db, row.id).ends_at == at(25, 12)
    with pytest.raises(ValidationError):
        placing.resize_session(db, row.id, at(25, 9), expected_version=None)
    assert sessions.get_session(db, row.id).ends_at == at(25, 12)


def test_a_move_based_on_a_stale_version_is_refused(event: EventRow, db: Database) -> None:
    """The version the user saw goes with the move; a session changed since stays put."""
    row = sessions.create_session(db, event.id, "Talk", starts_at=at(25, 10), ends_at=at(25, 11))
    sessions.update_session(db, row.id, {"title": "Talk, renamed elsewhere"}, expected_version=None)
    for call in (
        lambda: placing.move_session(db, row.id, at(25, 14), expected_version=row.version),
        lambda: placing.resize_session(db, row.id, at(25, 12), expected_version=row.version),
    ):
        with pytest.raises(ConcurrentEditError):
            call()
    current = sessions.get_session(db, row.id)
    assert (current.starts_at, current.ends_at) == (at(25, 10), at(25, 11))
    placing.move_session(db, row.id, at(25, 14), expected_version=current.version)
    assert sessions.get_session(db, row.id).ends_at == at(25, 15)


def test_a_move_to_another_room_or_to_none_keeps_the_length(event: EventRow, db: Database) -> None:
    hall = venue.add_room(db, event.id, "Hall A")
    row = sessions.create_session(
        db, event.id, "Talk", room_id=hall.id, starts_at=at(25, 10), ends_at=at(25, 10, 45)
    )
    placing.move_session(db, row.id, at(26, 16, 15), None, keep_room=False, expected_version=None)
    moved = sessions.get_session(db, row.id)
    assert (moved.room_id, moved.starts_at, moved.ends_at) == (None, at(26, 16, 15), at(26, 17))


def test_sessions_scheduled_together_go_one_after_another(event: EventRow, db: Database) -> None:
    """Each keeps its length; one that never had a time gets an hour."""
    hall = venue.add_room(db, event.id, "Hall A")
    fresh = sessions.create_session(db, event.id, "Fresh")
    placed = sessions.create_session(
        db, event.id, "Placed", starts_at=at(26, 9), ends_at=at(26, 9, 20)
    )
    previous = placing.schedule_sessions(
        db,
        [fresh.id, placed.id],
        hall.id,
        at(25, 14),
        expected_versions={fresh.id: fresh.version, placed.id: placed.version},
    )
    assert previous == {
        fresh.id: Placement(None, None, None),
        placed.id: Placement(None, at(26, 9), at(26, 9, 20)),
    }
    rows = {r.id: r for r in sessions.sessions_by_ids(db, [fresh.id, placed.id])}
    assert (rows[fresh.id].room_id, rows[fresh.id].starts_at, rows[fresh.id].ends_at) == (
        hall.id,
        at(25, 14),
        at(25, 15),
    )
    assert (rows[placed.id].starts_at, rows[placed.id].ends_at) == (at(25, 15), at(25, 15, 20))
    assert dt.timedelta(hours=1) == placing.DEFAULT_LENGTH

    placing.place_sessions(
        db, previous, expected_versions=None
    )  # undo: both back where they were, in one call
    back = {r.id: r for r in sessions.sessions_by_ids(db, [fresh.id, placed.id])}
    assert not back[fresh.id].is_scheduled and back[fresh.id].room_id is None
    assert (back[placed.id].starts_at, back[placed.id].ends_at) == (at(26, 9), at(26, 9, 20))


def test_scheduling_several_is_all_or_nothing(event: EventRow, db: Database) -> None:
    first = sessions.create_session(db, event.id, "First")
    second = sessions.create_session(db, event.id, "Second")
    sessions.update_session(
        db, second.id, {"title": "Second, renamed elsewhere"}, expected_version=None
    )
    with pytest.raises(ConcurrentEditError):
        placing.schedule_sessions(
            db,
            [first.id, second.id],
            None,
            at(25, 10),
            expected_versions={first.id: first.version, second.id: second.version},
        )
    with pytest.raises(NotFoundError):
        placing.schedule_sessions(db, [first.id, 404], None, at(25, 10), expected_versions=None)
    with pytest.raises(ValidationError):
        placing.place_sessions(
            db,
            {
                first.id: Placement(None, at(25, 10), at(25, 11)),
                second.id: Placement(None, at(25, 12), at(25, 11)),  # ends before it starts
            },
            expected_versions=None,
        )
    assert not any(r.is_scheduled for r in sessions.sessions_by_ids(db, [first.id, second.id]))


def test_unscheduling_several_keeps_or_forgets_their_rooms(event: EventRow, db: Database) -> None:
    hall = venue.add_room(db, event.id, "Hall A")
    one, two = (
        sessions.create_session(
            db, event.id, title, room_id=hall.id, starts_at=at(25, hour), ends_at=at(25, hour + 1)
        )
        for title, hour in (("One", 10), ("Two", 12))
    )
    previous = placing.unschedule_sessions(
        db, [one.id, two.id], keep_room=True, expected_versions=None
    )
    assert previous == {
        one.id: Placement(hall.id, at(25, 10), at(25, 11)),
        two.id: Placement(hall.id, at(25, 12), at(25, 13)),
    }
    kept = sessions.sessions_by_ids(db, [one.id, two.id])
    assert {(r.room_id, r.starts_at) for r in kept} == {(hall.id, None)}
    placing.place_sessions(db, previous, expected_versions=None)
    placing.unschedule_sessions(db, [one.id, two.id], expected_versions=None)
    assert {r.room_id for r in sessions.sessions_by_ids(db, [one.id, two.id])} == {None}


def test_a_write_tells_the_versions_it_left_which_its_undo_is_based_on(
    event: EventRow, db: Database
) -> None:
    room = venue.add_room(db, event.id, "Hall A")
    row = sessions.create_session(db, event.id, "Talk")
    left: dict[int, int] = {}
    previous = placing.schedule_sessions(
        db,
        [row.id],
        room.id,
        at(25, 10),
        expected_versions={row.id: row.version},
        left_versions=left,
    )
    assert left == {row.id: sessions.get_session(db, row.id).version} and left[row.id] > row.version
    sessions.update_session(db, row.id, {"title": "Changed elsewhere"}, expected_version=None)
    with pytest.raises(ConcurrentEditError):
        placing.place_sessions(db, previous, expected_versions=left)
    assert sessions.get_session(db, row.id).starts_at == at(25, 10)
    fresh = {row.id: sessions.get_session(db, row.id).version}
    placing.place_sessions(db, previous, expected_versions=fresh)
    assert not sessions.get_session(db, row.id).is_scheduled


# --- planned lengths and all-rooms sessions (issue 14, items 4 and 5) -------------------------


def test_a_dropped_session_lasts_its_planned_length(event: EventRow, db: Database) -> None:
    room = venue.add_room(db, event.id, "Hall A")
    coffee = sessions.create_session(db, event.id, "Coffee", kind="break", planned_minutes=20)
    talk = sessions.create_session(db, event.id, "Talk", planned_minutes=90)
    plain = sessions.create_session(db, event.id, "Plain")
    placing.schedule_sessions(db, [talk.id, plain.id], room.id, at(25, 10), expected_versions=None)
    placing.schedule_sessions(db, [coffee.id], room.id, at(25, 12, 30), expected_versions=None)
    lengths = {
        row.title: row.ends_at - row.starts_at  # type: ignore[operator]
        for row in sessions.list_sessions(db, event.id)
    }
    assert lengths == {
        "Talk": dt.timedelta(minutes=90),
        "Plain": dt.timedelta(hours=1),
        "Coffee": dt.timedelta(minutes=20),
    }


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1, "long"])
def test_a_planned_length_out_of_range_is_refused(
    event: EventRow, db: Database, minutes: object
) -> None:
    with pytest.raises(ValidationError):
        sessions.create_session(db, event.id, "Talk", planned_minutes=minutes)  # type: ignore[arg-type]
    assert sessions.list_sessions(db, event.id) == []


def test_a_dropped_break_goes_across_all_rooms_and_stays_there_when_moved(
    event: EventRow, db: Database
) -> None:
    hall = venue.add_room(db, event.id, "Hall A")
    coffee = sessions.create_session(db, event.id, "Coffee", kind="break", planned_minutes=30)
    before = placing.schedule_sessions(db, [coffee.id], hall.id, at(25, 11), expected_versions=None)
    placed = sessions.get_session(db, coffee.id)
    assert (placed.all_rooms, placed.room_id) == (True, None)  # books no room, Hall A included
    placing.move_session(db, coffee.id, at(25, 15), hall.id, keep_room=False, expected_version=None)
    moved = sessions.get_session(db, coffee.id)
    assert (moved.all_rooms, moved.room_id, moved.starts_at) == (True, None, at(25, 15))
    placing.place_sessions(
        db, before, expected_versions=None
    )  # undo of the drop: off the timetable again
    assert not sessions.get_session(db, coffee.id).is_scheduled


def test_an_all_rooms_session_set_by_an_edit_gives_up_its_room(
    event: EventRow, db: Database
) -> None:
    hall = venue.add_room(db, event.id, "Hall A")
    plenary = sessions.create_session(
        db,
        event.id,
        "Opening",
        kind="plenary",
        room_id=hall.id,
        starts_at=at(25, 9),
        ends_at=at(25, 10),
    )
    previous = sessions.update_session(db, plenary.id, {"all_rooms": True}, expected_version=None)
    assert previous == {"all_rooms": False, "room_id": hall.id}
    assert (sessions.get_session(db, plenary.id).room_id) is None
    sessions.update_session(db, plenary.id, previous, expected_version=None)  # undo
    undone = sessions.get_session(db, plenary.id)
    assert (undone.all_rooms, undone.room_id) == (False, hall.id)
