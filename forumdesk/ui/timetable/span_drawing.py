"""A new session drawn on the timetable: press on empty time and drag down (or up) to draw
its span in that room, snapped, with the band showing what it would clash with; or
double-click on empty time for one an hour long. Each ends in the Placement the view asks to
create (Shift or Ctrl with the press: the view's rubber band selects instead).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from forumdesk.core.rows import Placement
from forumdesk.ui.timetable.dock_drops import DROP_LENGTH_MINUTES, DropTarget
from forumdesk.ui.timetable.drag_target import DragTarget
from forumdesk.ui.timetable.geometry import Column, TimetableLayout, at_minute, snap
from forumdesk.ui.timetable.session_block import SessionBlock


class SpanDrawing:
    """The mouse on the empty time of `view`, over the layout `timetable()` snapped to
    `snap_minutes()`; `drop_target` says where a viewport point lands."""

    def __init__(
        self,
        view: QGraphicsView,
        timetable: Callable[[], TimetableLayout],
        snap_minutes: Callable[[], int],
        drop_target: DropTarget,
        target: DragTarget,
    ) -> None:
        self._view, self._timetable, self._snap_minutes = view, timetable, snap_minutes
        self._drop_target, self._target = drop_target, target
        # a span drawn across empty time: (column, minute pressed), and whether it has moved
        self._start: tuple[Column, float] | None = None
        self._dragged = False
        self._press = QPoint()

    @property
    def active(self) -> bool:
        """A span is being drawn: the mouse's moves and release are this drawing's."""
        return self._start is not None

    def press(self, event: QMouseEvent) -> bool:
        """Start a span if the press is on empty time (the event accepted); False otherwise."""
        if not self._creates(event):
            return False
        target = self._drop_target(event.position())
        if target is None:
            return False
        self._view.scene().clearSelection()  # a click on empty time selects nothing
        self._start = target
        self._dragged = False
        self._press = event.position().toPoint()
        event.accept()
        return True

    def move(self, event: QMouseEvent) -> None:
        event.accept()
        point = event.position().toPoint()
        if not self._dragged:
            if (point - self._press).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragged = True
        column, first, last = self._span(event.position())
        layout = self._timetable()
        rect = QRectF(
            column.x + 2,
            layout.y_for_minute(first),
            column.width - 4,
            (last - first) * layout.pixels_per_minute,
        )
        self._target.show(rect, -1, column.day, column.room_id, first, last, all_rooms=False)
        self._view.ensureVisible(QRectF(column.x, layout.y_for_minute(last) - 1, 2, 2), 24, 24)

    def release(self, event: QMouseEvent) -> Placement | None:
        """The span drawn, once the mouse has moved; None for a click that drew nothing."""
        event.accept()
        dragged = self._dragged
        column, first, last = self._span(event.position())
        self._start = None
        self._dragged = False
        self._target.hide()
        if not dragged:
            return None
        return Placement(column.room_id, at_minute(column.day, first), at_minute(column.day, last))

    def double_click(self, event: QMouseEvent) -> Placement | None:
        """A double-click on empty time (the event accepted): a new session there, an hour
        long. None (the event left alone) anywhere else."""
        if not self._creates(event):
            return None
        target = self._drop_target(event.position())
        if target is None:
            return None
        event.accept()
        column, minute = target
        start = at_minute(column.day, minute)
        return Placement(column.room_id, start, start + dt.timedelta(minutes=DROP_LENGTH_MINUTES))

    def _creates(self, event: QMouseEvent) -> bool:
        """A plain left press on empty time (Shift or Ctrl: a rubber band to select)."""
        modifiers = event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        )
        return (
            event.button() == Qt.MouseButton.LeftButton
            and not modifiers
            and bool(self._timetable().columns)
            and not self._block_under(event.position().toPoint())
        )

    def _block_under(self, viewport_point: QPoint) -> bool:
        return any(isinstance(item, SessionBlock) for item in self._view.items(viewport_point))

    def _span(self, viewport_point: QPointF) -> tuple[Column, float, float]:
        """The column pressed in and the snapped span from the press to this point."""
        assert self._start is not None
        column, pressed = self._start
        layout, step = self._timetable(), self._snap_minutes()
        scene_y = self._view.mapToScene(viewport_point.toPoint()).y()
        minute = snap(layout.minute_at(scene_y), step)
        first, last = (pressed, minute) if minute >= pressed else (minute, pressed)
        last = max(last, first + step)
        first = max(first, layout.first_minute)
        last = min(last, max(layout.last_minute, first + step))
        return column, first, last
