"""The order sessions are listed in a programme (forumdesk.core.programme_order)."""

from __future__ import annotations

import datetime as dt

from forumdesk.core.enums import SessionKind
from forumdesk.core.programme_order import natural_key, programme_order
from forumdesk.core.rows import SessionRow


def _session(
    title: str, code: str | None = None, room_id: int | None = None, hour: int | None = None
) -> SessionRow:
    starts_at = dt.datetime(2021, 11, 25, hour) if hour is not None else None
    return SessionRow(
        id=len(title),
        event_id=1,
        code=code,
        title=title,
        kind=SessionKind.DISCUSSION,
        track_id=None,
        track_name=None,
        track_color=None,
        room_id=room_id,
        room_name=None,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=1) if starts_at else None,
        description=None,
        expected_audience=None,
        version=1,
    )


def test_codes_sort_as_people_read_them() -> None:
    codes = ["s10", "S2", None, "S1a", "A", "S1", "", "²", "Ф1"]
    # "²" is a digit to str.isdigit but no number to int(): it sorts as a letter
    assert sorted(codes, key=natural_key) == ["A", "S1", "S1a", "S2", "s10", "²", "Ф1", None, ""]


def test_programme_order_by_time_room_code_and_title() -> None:
    """By start; at one time no room first, then the rooms' order (a room not in the order
    last), then code, then title ignoring case; unscheduled last."""
    rooms = {10: 1, 20: 0}
    sessions = [
        _session("unscheduled b", "U1"),
        _session("Unscheduled a"),
        _session("later", room_id=10, hour=11),
        _session("gone room", room_id=99, hour=10),
        _session("room 10", room_id=10, hour=10),
        _session("room 20 b", "B2", room_id=20, hour=10),
        _session("room 20 a", "B10", room_id=20, hour=10),
        _session("room 20 no code", room_id=20, hour=10),
        _session("plenary", hour=10),
    ]
    ordered = sorted(sessions, key=lambda s: programme_order(s, rooms))
    assert [s.title for s in ordered] == [
        "plenary",
        "room 20 b",
        "room 20 a",
        "room 20 no code",
        "room 10",
        "gone room",
        "later",
        "unscheduled b",
        "Unscheduled a",
    ]
