"""The order sessions are listed in a programme, written once for every list and export.

Scheduled sessions first, by start time, then by the rooms' order (sessions without a room,
plenaries and breaks, before those in a room), then by code the way people read codes ("S2"
before "S10"), then by title; sessions not on the timetable yet come last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from forumdesk.core.rows import SessionRow

# a room missing from the positions handed in (deleted meanwhile) goes after every known room
_UNKNOWN_ROOM = 1_000_000
_NUMBER = re.compile(r"(\d+)")


def programme_order(session: SessionRow, room_positions: Mapping[int, int]) -> tuple[Any, ...]:
    """Sort key of `session` in a programme; `room_positions` maps room id to its position."""
    return (
        session.starts_at is None,
        session.starts_at or dt.datetime.max,
        -1 if session.room_id is None else room_positions.get(session.room_id, _UNKNOWN_ROOM),
        natural_key(session.code),
        session.title.casefold(),
    )


def natural_key(code: str | None) -> tuple[Any, ...]:
    """ "S2" before "S10", ignoring case; sessions without a code after those with one."""
    if not code:
        return (1,)
    return (
        0,
        *(
            (0, int(part)) if part.isdecimal() else (1, part.casefold())
            for part in _NUMBER.split(code)
            if part
        ),
    )
