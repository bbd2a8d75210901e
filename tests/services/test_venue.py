"""Tests for forumdesk.services.venue (rooms and tracks) on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from forumdesk.core.errors import ConcurrentEditError, ConflictError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import sessions, venue
from tests.services.support import assert_readable

T10, T11 = dt.datetime(2021, 11, 25, 10), dt.datetime(2021, 11, 25, 11)


# --- rooms ------------------------------------------------------------------------------------


def test_add_room_appends_in_order(event: EventRow, db: Database) -> None:
    """Rooms are added at the end of the order with their cleaned fields."""
    plenary = venue.add_room(db, event.id, " Plenary  Hall ", capacity=800, notes="Stage\n")
    hall_a = venue.add_room(db, event.id, "Hall A", capacity="120")
    rooms = venue.list_rooms(db, event.id)
    assert rooms == [plenary, hall_a]
    assert [(r.name, r.capacity, r.position) for r in rooms] == [
        ("Plenary Hall", 800, 0),
        ("Hall A", 120, 1),
    ]
    assert rooms[0].notes == "Stage"


def test_rooms_of_events_are_separate(event: EventRow, other_event: EventRow, db: Database) -> None:
    """The same room name may exist in two events; each lists only its own."""
    venue.add_room(db, event.id, "Hall A")
    other = venue.add_room(db, other_event.id, "Hall A")
    assert venue.list_rooms(db, other_event.id) == [other]
    assert other.position == 0


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"name": "hall a"}, ConflictError, "hall a"),
        ({"name": "HALL A "}, ConflictError, "HALL A"),
        ({"name": "  "}, ValidationError, "room name"),
        ({"capacity": -1}, ValidationError, "negative"),
        ({"capacity": "many"}, ValidationError, "whole number"),
    ],
)
def test_add_room_rejections(
    event: EventRow, db: Database, kwargs: dict, error: type[Exception], needle: str
) -> None:
    """Duplicate names (ignoring case), empty names and bad capacities add nothing."""
    existing = venue.add_room(db, event.id, "Hall A")
    args = {"name": "Hall B"} | kwargs
    with pytest.raises(error) as caught:
        venue.add_room(db, event.id, **args)
    assert_readable(caught.value, needle, ignore_case=True)
    assert venue.list_rooms(db, event.id) == [existing]


@pytest.mark.parametrize("duplicate", ["Зал А", "зал а", "ЗАЛ А"])
def test_add_room_refuses_cyrillic_duplicate_ignoring_case(
    event: EventRow, db: Database, duplicate: str
) -> None:
    """Russian room names are duplicates ignoring case too, with a readable message."""
    existing = venue.add_room(db, event.id, "Зал А")
    with pytest.raises(ConflictError) as caught:
        venue.add_room(db, event.id, duplicate)
    assert_readable(caught.value, duplicate, ignore_case=True)
    assert venue.list_rooms(db, event.id) == [existing]


def test_add_room_to_missing_event_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        venue.add_room(db, 42, "Hall A")
    assert_readable(caught.value, "event")


def test_update_room_and_undo(event: EventRow, db: Database) -> None:
    """update_room returns the previous values; passing them back restores the room."""
    room = venue.add_room(db, event.id, "Hall A", capacity=100)
    previous = venue.update_room(
        db, room.id, {"name": "Hall Alpha", "capacity": 150}, expected_version=room.version
    )
    assert previous == {"name": "Hall A", "capacity": 100}
    changed = venue.list_rooms(db, event.id)[0]
    assert (changed.name, changed.capacity) == ("Hall Alpha", 150)
    venue.update_room(db, room.id, previous, expected_version=None)
    restored = venue.list_rooms(db, event.id)[0]
    assert (restored.name, restored.capacity) == ("Hall A", 100)


def test_update_room_may_change_case_of_its_own_name(event: EventRow, db: Database) -> None:
    """A room is no duplicate of itself."""
    room = venue.add_room(db, event.id, "Hall a")
    venue.update_room(db, room.id, {"name": "Hall A"}, expected_version=None)
    assert venue.list_rooms(db, event.id)[0].name == "Hall A"


@pytest.mark.parametrize(
    ("changes", "error", "needle"),
    [
        ({"name": "hall b"}, ConflictError, "hall b"),
        ({"name": "Hall B"}, ConflictError, "Hall B"),
        ({"name": ""}, ValidationError, "room name"),
        ({"capacity": -5}, ValidationError, "negative"),
        ({"position": 3}, ValidationError, "position"),
    ],
)
def test_update_room_rejections_change_nothing(
    event: EventRow, db: Database, changes: dict, error: type[Exception], needle: str
) -> None:
    room = venue.add_room(db, event.id, "Hall A", capacity=100)
    other = venue.add_room(db, event.id, "Hall B")
    with pytest.raises(error) as caught:
        venue.update_room(db, room.id, {"notes": "changed", **changes}, expected_version=None)
    assert_readable(caught.value, needle, ignore_case=True)
    assert venue.list_rooms(db, event.id) == [room, other]


def test_update_room_with_stale_version_is_refused(event: EventRow, db: Database) -> None:
    """Read, edit elsewhere, then save the stale read: ConcurrentEditError, first edit kept."""
    room = venue.add_room(db, event.id, "Hall A")
    venue.update_room(db, room.id, {"capacity": 50}, expected_version=room.version)
    with pytest.raises(ConcurrentEditError):
        venue.update_room(db, room.id, {"capacity": 70}, expected_version=room.version)
    assert venue.list_rooms(db, event.id)[0].capacity == 50


def test_update_missing_room_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        venue.update_room(db, 7, {"name": "X"}, expected_version=None)
    assert_readable(caught.value, "room")


def test_reorder_rooms_and_undo(event: EventRow, db: Database) -> None:
    """reorder_rooms sets the order and returns the previous one, which restores it."""
    a, b, c = (venue.add_room(db, event.id, name) for name in ("A", "B", "C"))
    previous = venue.reorder_rooms(db, event.id, [c.id, a.id, b.id], expected_versions=None)
    assert previous == [a.id, b.id, c.id]
    assert [r.id for r in venue.list_rooms(db, event.id)] == [c.id, a.id, b.id]
    venue.reorder_rooms(db, event.id, previous, expected_versions=None)
    assert [r.id for r in venue.list_rooms(db, event.id)] == [a.id, b.id, c.id]


@pytest.mark.parametrize("wrong", ["missing", "extra", "twice"])
def test_reorder_rooms_with_wrong_set_is_refused(
    event: EventRow, other_event: EventRow, db: Database, wrong: str
) -> None:
    """The new order must list exactly the event's rooms; otherwise nothing moves."""
    a, b = venue.add_room(db, event.id, "A"), venue.add_room(db, event.id, "B")
    foreign = venue.add_room(db, other_event.id, "X")
    order = {"missing": [b.id], "extra": [b.id, a.id, foreign.id], "twice": [b.id, b.id]}[wrong]
    with pytest.raises(ValidationError) as caught:
        venue.reorder_rooms(db, event.id, order, expected_versions=None)
    assert_readable(caught.value, "once")
    assert [r.id for r in venue.list_rooms(db, event.id)] == [a.id, b.id]


def _session_in(
    db: Database,
    event: EventRow,
    room_id: int | None = None,
    track_id: int | None = None,
    title: str = "Talk",
) -> int:
    return sessions.create_session(
        db, event.id, title, room_id=room_id, track_id=track_id, starts_at=T10, ends_at=T11
    ).id


def test_delete_room_unlinks_sessions_and_restore_relinks(event: EventRow, db: Database) -> None:
    """Deleting a room keeps its sessions' times; restoring brings back id, fields, links."""
    room = venue.add_room(db, event.id, "Hall A", capacity=120, notes="Balcony")
    venue.add_room(db, event.id, "Hall B")
    session_id = _session_in(db, event, room.id)

    snapshot = venue.delete_room(db, room.id, expected_version=None)
    assert snapshot.session_ids == (session_id,)
    assert [r.name for r in venue.list_rooms(db, event.id)] == ["Hall B"]
    orphan = sessions.get_session(db, session_id)
    assert (orphan.room_id, orphan.starts_at, orphan.ends_at) == (None, T10, T11)

    restored = venue.restore_room(db, snapshot)
    assert (restored.id, restored.name, restored.capacity, restored.notes, restored.position) == (
        room.id,
        "Hall A",
        120,
        "Balcony",
        0,
    )
    assert [r.name for r in venue.list_rooms(db, event.id)] == ["Hall A", "Hall B"]
    back = sessions.get_session(db, session_id)
    assert (back.room_id, back.room_name, back.starts_at) == (room.id, "Hall A", T10)


def test_delete_room_outdates_reads_of_its_sessions(event: EventRow, db: Database) -> None:
    """Unlinking a session counts as an edit: a stale save of that session is refused."""
    room = venue.add_room(db, event.id, "Hall A")
    stale = sessions.get_session(db, _session_in(db, event, room.id))
    venue.delete_room(db, room.id, expected_version=None)
    with pytest.raises(ConcurrentEditError):
        sessions.update_session(db, stale.id, {"title": "Renamed"}, expected_version=stale.version)
    assert sessions.get_session(db, stale.id).title == "Talk"


def test_restore_room_refused_when_name_was_taken(event: EventRow, db: Database) -> None:
    """If a new room took the deleted one's name, undo is refused and nothing changes."""
    room = venue.add_room(db, event.id, "Hall A")
    session_id = _session_in(db, event, room.id)
    snapshot = venue.delete_room(db, room.id, expected_version=None)
    newcomer = venue.add_room(db, event.id, "HALL A")
    with pytest.raises(ConflictError) as caught:
        venue.restore_room(db, snapshot)
    assert_readable(caught.value, "Hall A", ignore_case=True)
    assert venue.list_rooms(db, event.id) == [newcomer]
    assert sessions.get_session(db, session_id).room_id is None


def test_a_deleted_rooms_id_is_never_reused(event: EventRow, db: Database) -> None:
    """Undo puts the room back under its own id even after newer rooms were added."""
    room = venue.add_room(db, event.id, "Hall A")
    snapshot = venue.delete_room(db, room.id, expected_version=None)
    newcomer = venue.add_room(db, event.id, "Hall B")
    assert newcomer.id != room.id
    assert venue.restore_room(db, snapshot).id == room.id
    with pytest.raises(ConflictError) as caught:  # already back: a second restore is refused
        venue.restore_room(db, snapshot)
    assert_readable(caught.value, "Hall A")
    assert {r.name for r in venue.list_rooms(db, event.id)} == {"Hall A", "Hall B"}


def test_delete_missing_room_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        venue.delete_room(db, 5, expected_version=None)


# --- tracks -----------------------------------------------------------------------------------


def test_add_track_normalises_colour(event: EventRow, db: Database) -> None:
    """'a8d5ba' is accepted and stored as '#A8D5BA'; tracks list in their order (as added)."""
    pharma = venue.add_track(db, event.id, "Pharmaceuticals", "a8d5ba")
    digital = venue.add_track(db, event.id, "Digital", "#c6ddf6")
    plain = venue.add_track(db, event.id, "Other")
    assert venue.list_tracks(db, event.id) == [pharma, digital, plain]
    assert [t.position for t in (pharma, digital, plain)] == [0, 1, 2]
    assert (pharma.color, digital.color, plain.color) == ("#A8D5BA", "#C6DDF6", None)


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"color": "#zzzzzz"}, ValidationError, "#zzzzzz"),
        ({"color": "#12345"}, ValidationError, "#RRGGBB"),
        ({"name": "pharma"}, ConflictError, "pharma"),
        ({"name": ""}, ValidationError, "track name"),
    ],
)
def test_add_track_rejections(
    event: EventRow, db: Database, kwargs: dict, error: type[Exception], needle: str
) -> None:
    existing = venue.add_track(db, event.id, "Pharma")
    args = {"name": "Digital"} | kwargs
    with pytest.raises(error) as caught:
        venue.add_track(db, event.id, **args)
    assert_readable(caught.value, needle, ignore_case=True)
    assert venue.list_tracks(db, event.id) == [existing]


def test_add_track_refuses_cyrillic_duplicate_ignoring_case(event: EventRow, db: Database) -> None:
    existing = venue.add_track(db, event.id, "Фармацевтика")
    with pytest.raises(ConflictError) as caught:
        venue.add_track(db, event.id, "ФАРМАЦЕВТИКА")
    assert_readable(caught.value, "ФАРМАЦЕВТИКА", ignore_case=True)
    assert venue.list_tracks(db, event.id) == [existing]


def test_add_track_to_missing_event_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        venue.add_track(db, 3, "Pharma")


def test_update_track_and_undo(event: EventRow, db: Database) -> None:
    track = venue.add_track(db, event.id, "Pharma", "#A8D5BA")
    previous = venue.update_track(
        db, track.id, {"name": "Medicines", "color": "ffffff"}, expected_version=track.version
    )
    assert previous == {"name": "Pharma", "color": "#A8D5BA"}
    assert [(t.name, t.color) for t in venue.list_tracks(db, event.id)] == [
        ("Medicines", "#FFFFFF")
    ]
    venue.update_track(db, track.id, previous, expected_version=None)
    assert [(t.name, t.color) for t in venue.list_tracks(db, event.id)] == [("Pharma", "#A8D5BA")]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"color": "red"}, ValidationError),
        ({"name": "DIGITAL"}, ConflictError),
        ({"name": "Digital"}, ConflictError),
        ({"event_id": 2}, ValidationError),
    ],
)
def test_update_track_rejections_change_nothing(
    event: EventRow, db: Database, changes: dict, error: type[Exception]
) -> None:
    track = venue.add_track(db, event.id, "Pharma", "#A8D5BA")
    other = venue.add_track(db, event.id, "Digital")
    with pytest.raises(error) as caught:
        venue.update_track(db, track.id, {"color": "#000000", **changes}, expected_version=None)
    assert_readable(caught.value, *changes.get("name", "").split(), ignore_case=True)
    assert venue.list_tracks(db, event.id) == [track, other]  # in the order added


def test_update_track_with_stale_version_is_refused(event: EventRow, db: Database) -> None:
    track = venue.add_track(db, event.id, "Pharma")
    venue.update_track(db, track.id, {"color": "#111111"}, expected_version=track.version)
    with pytest.raises(ConcurrentEditError):
        venue.update_track(db, track.id, {"color": "#222222"}, expected_version=track.version)
    assert venue.list_tracks(db, event.id)[0].color == "#111111"


def test_reorder_tracks_and_undo(event: EventRow, db: Database) -> None:
    """reorder_tracks sets the order every list follows and returns the previous one."""
    a, b, c = (venue.add_track(db, event.id, name) for name in ("A", "B", "C"))
    shown = {t.id: t.version for t in venue.list_tracks(db, event.id)}
    left: dict[int, int] = {}
    previous = venue.reorder_tracks(
        db, event.id, [c.id, a.id, b.id], expected_versions=shown, left_versions=left
    )
    assert previous == [a.id, b.id, c.id]
    tracks = venue.list_tracks(db, event.id)
    assert [t.id for t in tracks] == [c.id, a.id, b.id]
    assert [t.position for t in tracks] == [0, 1, 2]
    assert left == {t.id: t.version for t in tracks}  # what an undo is then based on
    venue.reorder_tracks(db, event.id, previous, expected_versions=left)
    assert [t.id for t in venue.list_tracks(db, event.id)] == [a.id, b.id, c.id]


def test_reorder_tracks_with_stale_version_is_refused(event: EventRow, db: Database) -> None:
    """Another desk renamed a track after the list was read: refused, the order unchanged."""
    a, b = venue.add_track(db, event.id, "A"), venue.add_track(db, event.id, "B")
    shown = {t.id: t.version for t in venue.list_tracks(db, event.id)}
    venue.update_track(db, a.id, {"name": "Theirs"}, expected_version=None)
    with pytest.raises(ConcurrentEditError) as caught:
        venue.reorder_tracks(db, event.id, [b.id, a.id], expected_versions=shown)
    assert_readable(caught.value, "Theirs")  # names the track another desk changed
    tracks = venue.list_tracks(db, event.id)
    assert [t.id for t in tracks] == [a.id, b.id]
    assert [t.position for t in tracks] == [0, 1]


@pytest.mark.parametrize("wrong", ["missing", "extra", "twice"])
def test_reorder_tracks_with_wrong_set_is_refused(
    event: EventRow, other_event: EventRow, db: Database, wrong: str
) -> None:
    """The new order must list exactly the event's tracks; otherwise nothing moves."""
    a, b = venue.add_track(db, event.id, "A"), venue.add_track(db, event.id, "B")
    foreign = venue.add_track(db, other_event.id, "X")
    order = {"missing": [b.id], "extra": [b.id, a.id, foreign.id], "twice": [b.id, b.id]}[wrong]
    with pytest.raises(ValidationError) as caught:
        venue.reorder_tracks(db, event.id, order, expected_versions=None)
    assert_readable(caught.value, "once")
    assert [t.id for t in venue.list_tracks(db, event.id)] == [a.id, b.id]


def test_update_missing_track_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        venue.update_track(db, 9, {"name": "X"}, expected_version=None)
    assert_readable(caught.value, "track")


def test_delete_track_unlinks_sessions_and_restore_relinks(event: EventRow, db: Database) -> None:
    track = venue.add_track(db, event.id, "Pharma", "#A8D5BA")
    session_id = _session_in(db, event, track_id=track.id)

    snapshot = venue.delete_track(db, track.id, expected_version=None)
    assert snapshot.session_ids == (session_id,)
    assert venue.list_tracks(db, event.id) == []
    orphan = sessions.get_session(db, session_id)
    assert (orphan.track_id, orphan.track_name, orphan.starts_at) == (None, None, T10)

    restored = venue.restore_track(db, snapshot)
    assert (restored.id, restored.name, restored.color) == (track.id, "Pharma", "#A8D5BA")
    back = sessions.get_session(db, session_id)
    assert (back.track_id, back.track_name, back.track_color) == (track.id, "Pharma", "#A8D5BA")


def test_restore_track_refused_when_name_was_taken(event: EventRow, db: Database) -> None:
    track = venue.add_track(db, event.id, "Pharma")
    snapshot = venue.delete_track(db, track.id, expected_version=None)
    newcomer = venue.add_track(db, event.id, "pharma")
    with pytest.raises(ConflictError):
        venue.restore_track(db, snapshot)
    assert venue.list_tracks(db, event.id) == [newcomer]


def test_delete_missing_track_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        venue.delete_track(db, 1, expected_version=None)
