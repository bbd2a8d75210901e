"""What the band at a drag's target says: where and when the session would land, and whether
it would clash there (forumdesk.scheduling.targets decides, from the rows shown).

The timetable view has one DragTarget for its three drags: a block moved or stretched,
sessions dragged in from the unscheduled dock (dock_drops), a span drawn across empty time
(span_drawing). It places the band (target_band draws it) and writes its text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QRectF

from forumdesk.core.rows import RoomRow, SessionRow
from forumdesk.scheduling.targets import TargetClashes, clashes_at
from forumdesk.ui.timetable.geometry import TimetableLayout, at_minute
from forumdesk.ui.timetable.target_band import BandState, TargetBand


def _tr(text: str) -> str:
    # the view's context, where these texts were first written
    return QCoreApplication.translate("TimetableView", text)


class DragTarget:
    """The band at a drag's target, shown over the rows `sessions()` and `rooms()` return."""

    def __init__(
        self,
        sessions: Callable[[], Sequence[SessionRow]],
        rooms: Callable[[], Sequence[RoomRow]],
    ) -> None:
        self._sessions, self._rooms = sessions, rooms
        self.band = TargetBand()  # the view adds it to its scene

    def hide(self) -> None:
        self.band.hide_band()

    def show_block(
        self,
        layout: TimetableLayout,
        row: SessionRow,
        venue_wide: bool,
        day: object,
        room_id: int | None,
        start: float,
        end: float,
    ) -> None:
        """A block dragged or stretched: its room's column (or its day, across the rooms)."""
        if venue_wide:
            span = layout.day_span(day)  # type: ignore[arg-type]
            if span is None:
                return
            x, width = layout.span_bounds(span)
        else:
            column = layout.room_column(day, room_id)  # type: ignore[arg-type]
            if column is None:
                return
            x, width = column.x, column.width
        rect = QRectF(
            x, layout.y_for_minute(start), width, (end - start) * layout.pixels_per_minute
        )
        self.show(rect, row.id, day, room_id, start, end, all_rooms=row.all_rooms)

    def show(
        self,
        rect: QRectF,
        session_id: int,
        day: object,
        room_id: int | None,
        start: float,
        end: float,
        *,
        all_rooms: bool,
    ) -> None:
        """The band over `rect`: the room and times, and what the session would clash with."""
        starts_at, ends_at = at_minute(day, start), at_minute(day, end)  # type: ignore[arg-type]
        found = clashes_at(
            self._sessions(), session_id, room_id, starts_at, ends_at, all_rooms=all_rooms
        )
        where = _tr("All rooms") if all_rooms else self._room_name(room_id)
        text = f"{where} · {starts_at:%H:%M}–{ends_at:%H:%M}"
        state = BandState.FREE
        if found.room:
            state = BandState.ROOM_CLASH
            text += " · " + _tr("booked: {0}").format(_names(found))
        elif found.all_rooms:
            state = BandState.DURING_ALL_ROOMS
            text += " · " + _tr("during {0}").format(_names(found))
        self.band.show_at(rect, text, state)

    def _room_name(self, room_id: int | None) -> str:
        for room in self._rooms():
            if room.id == room_id:
                return room.name
        return _tr("No room")


def _names(found: TargetClashes) -> str:
    rows = found.room or found.all_rooms
    names = [row.code or row.title for row in rows[:2]]
    return ", ".join(names) + ("…" if len(rows) > 2 else "")
