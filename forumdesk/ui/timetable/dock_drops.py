"""Sessions dragged from the unscheduled dock onto the timetable: while they hover, the band
shows where they would land, one after another, and what they would clash with; a drop says
which sessions go to which room and time (the view turns that into its signals).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent

from forumdesk.core.rows import SessionRow
from forumdesk.ui.mime import SESSION_IDS_MIME, decode_ids
from forumdesk.ui.timetable.drag_target import DragTarget
from forumdesk.ui.timetable.geometry import Column, TimetableLayout, at_minute

DROP_LENGTH_MINUTES = 60  # the ghost of a session with no planned length, dragged from the dock

DropTarget = Callable[[QPoint | QPointF], tuple[Column, float] | None]


def dropped_minutes(row: SessionRow) -> float:
    """How long a session lasts once dropped: its length, or its planned length (an hour)."""
    if row.starts_at is not None and row.ends_at is not None:
        return (row.ends_at - row.starts_at).total_seconds() / 60
    return row.planned_minutes or DROP_LENGTH_MINUTES


@dataclass(frozen=True)
class Drop:
    """Sessions dropped: into this room (None: no room), one after another from `starts_at`."""

    session_ids: list[int]
    room_id: int | None
    starts_at: dt.datetime


class DockDrops:
    """The view's drag events for sessions from the dock, over the layout `timetable()`;
    `drop_target` says where a viewport point lands, `sessions()` are the rows shown."""

    def __init__(
        self,
        timetable: Callable[[], TimetableLayout],
        drop_target: DropTarget,
        sessions: Callable[[], Sequence[SessionRow]],
        target: DragTarget,
    ) -> None:
        self._timetable, self._drop_target, self._sessions = timetable, drop_target, sessions
        self._target = target
        self._rows: list[SessionRow] = []  # what is dragged in from the dock

    def accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return event.mimeData().hasFormat(SESSION_IDS_MIME) and bool(self._timetable().columns)

    def enter(self, event: QDragEnterEvent) -> None:
        if not self.accepts(event):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        ids = set(decode_ids(SESSION_IDS_MIME, event.mimeData()))
        self._rows = [row for row in self._sessions() if row.id in ids]
        self._show(event.position())

    def move(self, event: QDragMoveEvent) -> None:
        if not self.accepts(event):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self._show(event.position())

    def leave(self, event: QDragLeaveEvent) -> None:
        self._target.hide()
        event.accept()

    def drop(self, event: QDropEvent) -> Drop | None:
        """The drop the event makes, accepted; None (the event ignored) if it lands nowhere."""
        self._target.hide()
        ids = decode_ids(SESSION_IDS_MIME, event.mimeData()) if self.accepts(event) else []
        target = self._drop_target(event.position()) if ids else None
        if target is None:
            event.ignore()
            return None
        # Copy, not Move: the list view must not try to remove rows from its model
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        column, minute = target
        return Drop(list(ids), column.room_id, at_minute(column.day, minute))

    def _show(self, viewport_point: QPointF) -> None:
        target = self._drop_target(viewport_point)
        if target is None:
            self._target.hide()
            return
        column, minute = target
        rows, layout = self._rows, self._timetable()
        # as the drop will place them: their planned lengths, one after another; a break
        # across the day's rooms
        length = sum(dropped_minutes(row) for row in rows) if rows else DROP_LENGTH_MINUTES
        x, width = column.x, column.width
        span = layout.day_span(column.day)
        if rows and span is not None and all(row.is_break or row.all_rooms for row in rows):
            x, width = layout.span_bounds(span)
        rect = QRectF(
            x + 2,
            layout.y_for_minute(minute),
            width - 4,
            length * layout.pixels_per_minute,
        )
        across = bool(rows) and all(row.is_break or row.all_rooms for row in rows)
        session_id = rows[0].id if len(rows) == 1 else -1
        self._target.show(
            rect, session_id, column.day, column.room_id, minute, minute + length, all_rooms=across
        )
