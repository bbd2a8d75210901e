"""What a session would meet where it is being dragged: pure Python, no database, no Qt.

The timetable asks this on every step of a drag, from the rows it already shows, so a clash at
the target is marked before the drop. The rules are the checker's (forumdesk.scheduling.checker):
two sessions in one room at once are a room booked twice; a session in a room while an
all-rooms session (a break) runs is a warning of its own; an all-rooms session books no room.
Intervals are half-open, as there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from forumdesk.core.rows import SessionRow


@dataclass(frozen=True, slots=True)
class TargetClashes:
    """The sessions a placement would meet: in its room, and all-rooms ones (or, for an
    all-rooms session, the room sessions it would run over)."""

    room: tuple[SessionRow, ...] = ()
    all_rooms: tuple[SessionRow, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.room or self.all_rooms)


def clashes_at(
    rows: Iterable[SessionRow],
    session_id: int,
    room_id: int | None,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    all_rooms: bool = False,
) -> TargetClashes:
    """What session `session_id` would meet placed in `room_id` (or all rooms) at these times."""
    room: list[SessionRow] = []
    wide: list[SessionRow] = []
    for row in rows:
        if row.id == session_id or row.starts_at is None or row.ends_at is None:
            continue
        if not (row.starts_at < ends_at and starts_at < row.ends_at):
            continue
        if all_rooms:
            if not row.all_rooms and row.room_id is not None:
                wide.append(row)
        elif row.all_rooms:
            wide.append(row)
        elif room_id is not None and row.room_id == room_id:
            room.append(row)
    return TargetClashes(tuple(room), tuple(wide))
