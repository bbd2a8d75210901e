"""Tests for forumdesk.scheduling.targets: what a dragged session would meet at its target."""

from __future__ import annotations

import datetime as dt

from forumdesk.core.enums import SessionKind
from forumdesk.core.rows import SessionRow
from forumdesk.scheduling.targets import clashes_at


def at(clock: str) -> dt.datetime:
    return dt.datetime.combine(dt.date(2021, 11, 25), dt.time.fromisoformat(clock))


def row(sid: int, start: str, end: str, room: int | None, *, all_rooms: bool = False) -> SessionRow:
    return SessionRow(
        id=sid,
        event_id=1,
        code=f"S{sid}",
        title=f"Session {sid}",
        kind=SessionKind.BREAK if all_rooms else SessionKind.DISCUSSION,
        track_id=None,
        track_name=None,
        track_color=None,
        room_id=room,
        room_name=None,
        starts_at=at(start),
        ends_at=at(end),
        description=None,
        expected_audience=None,
        version=1,
        all_rooms=all_rooms,
    )


ROWS = [
    row(1, "10:00", "11:00", 1),
    row(2, "10:30", "11:30", 2),
    row(3, "11:00", "11:30", None, all_rooms=True),
    row(9, "10:00", "11:00", 1),  # the one being dragged
]


def test_the_same_room_at_the_same_time_is_a_room_clash() -> None:
    found = clashes_at(ROWS, 9, 2, at("10:00"), at("11:00"))
    assert [r.id for r in found.room] == [2] and found.all_rooms == ()


def test_touching_or_another_room_is_no_clash_and_itself_does_not_count() -> None:
    assert not clashes_at(ROWS, 9, 1, at("09:00"), at("10:00"))
    assert not clashes_at(ROWS, 9, 3, at("10:00"), at("11:00"))
    assert not clashes_at([ROWS[3]], 9, 1, at("10:00"), at("11:00"))


def test_running_into_an_all_rooms_break_is_its_own_kind() -> None:
    found = clashes_at(ROWS, 9, 3, at("10:30"), at("11:15"))
    assert found.room == () and [r.id for r in found.all_rooms] == [3]


def test_an_all_rooms_session_meets_the_room_sessions_it_runs_over() -> None:
    found = clashes_at(ROWS, 3, None, at("10:45"), at("11:15"), all_rooms=True)
    assert found.room == () and [r.id for r in found.all_rooms] == [1, 2, 9]
