"""The timetable view: a QGraphicsView with one column per room, time running down.

The view only shows rows and reports what the user asked for (move, resize, schedule, open,
unschedule, create in an empty slot) through signals; the page turns those into undo commands.
While anything is dragged, a band at the target says where and when it would land and whether
it would clash there (drag_target's DragTarget writes it). The view hands its drag events to
DockDrops (dock_drops: sessions dragged in from the unscheduled dock) and its mouse on empty
time to SpanDrawing (span_drawing: a new session drawn), and turns what they return into its
signals. A reload reuses the block items by session id, so a block being released is never
deleted under the mouse.
Automatic placement's proposal is drawn over the grid by ProposalGhosts (proposal_blocks), which
the view hands the proposal and each new layout; the panel beside it is the page's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsView,
    QMenu,
    QToolTip,
    QWidget,
)

from forumdesk.core.rows import RoomRow, SessionRow
from forumdesk.ui.timetable.dock_drops import DockDrops
from forumdesk.ui.timetable.drag_target import DragTarget
from forumdesk.ui.timetable.geometry import (
    DEFAULT_SNAP_MINUTES,
    DEFAULT_ZOOM,
    MIN_COLUMN_WIDTH,
    ZOOM_LEVELS,
    Column,
    TimetableLayout,
    at_minute,
    fitting_column_width,
    snap,
)
from forumdesk.ui.timetable.proposal_blocks import GhostBlock, GhostSpot, ProposalGhosts
from forumdesk.ui.timetable.rulers import HEADER_FILL, TimeRuler, TimetableHeader
from forumdesk.ui.timetable.session_block import BlockFonts, SessionBlock, session_tooltip
from forumdesk.ui.timetable.span_drawing import SpanDrawing

GAP_FILL = QColor("#D5DAE1")
COLUMN_FILL = QColor("#FFFFFF")
OUTSIDE_FILL = QColor("#F3F5F8")
HOUR_LINE = QColor("#C9CFD8")
HALF_HOUR_LINE = QColor("#E4E7EC")
GRID_LINE = QColor("#F0F2F5")
COLUMN_LINE = QColor("#D9DDE3")


class TimetableScene(QGraphicsScene):
    """The scene, with tooltips worked out when the mouse rests on a block."""

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, SessionBlock):
                QToolTip.showText(event.screenPos(), session_tooltip(item.row), event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()


class TimetableView(QGraphicsView):
    """Blocks for the sessions of one day, or of all days side by side."""

    move_requested = Signal(int, object, object)  # session id, room id or None, start
    resize_requested = Signal(int, object)  # session id, end
    schedule_requested = Signal(int, object, object)  # session id, room id or None, start
    schedule_many_requested = Signal(list, object, object)  # session ids, room id, start
    open_requested = Signal(int)
    unschedule_requested = Signal(list)
    create_requested = Signal(object)  # a Placement: a new session's room and times
    selection_changed = Signal(list)
    zoom_changed = Signal(float)
    suggest_requested = Signal(int)  # session id: the block's "Suggest a slot…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(TimetableScene(self))
        # blocks move during drags; an index would be rebuilt for nothing with a few hundred
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.scene().selectionChanged.connect(self._on_scene_selection_changed)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.block_fonts = BlockFonts.from_font(self.font())
        self.snap_minutes = DEFAULT_SNAP_MINUTES
        self._pixels_per_minute = DEFAULT_ZOOM
        self._column_width = MIN_COLUMN_WIDTH
        self._days: list[dt.date] = []
        self._rooms: list[RoomRow] = []
        self._sessions: list[SessionRow] = []
        self._day: dt.date | None = None
        self._blocks: dict[int, SessionBlock] = {}
        self._dragging: SessionBlock | None = None
        self._badge_room: dict[int, float] = {}  # session id -> pixels its problem badges take
        # automatic placement's proposal, not yet accepted: its ghost blocks over the grid
        self.proposal = ProposalGhosts(self.scene(), self.block_fonts.regular)
        self.timetable = TimetableLayout([], [], [], pixels_per_minute=self._pixels_per_minute)

        self.header = TimetableHeader(self, lambda: self.timetable)
        self.ruler = TimeRuler(self, lambda: self.timetable)
        self.corner = QWidget(self)
        self.corner.setAutoFillBackground(True)
        corner_palette = self.corner.palette()
        corner_palette.setColor(QPalette.ColorRole.Window, HEADER_FILL)
        self.corner.setPalette(corner_palette)
        self.setViewportMargins(self.ruler.preferred_width, self.header.full_height, 0, 0)
        self.horizontalScrollBar().valueChanged.connect(self.header.update)
        self.verticalScrollBar().valueChanged.connect(self.ruler.update)

        self.drag_target = DragTarget(lambda: self._sessions, lambda: self._rooms)
        self.target_band = self.drag_target.band
        self.scene().addItem(self.target_band)
        self.dock_drops = DockDrops(
            lambda: self.timetable, self.drop_target, lambda: self._sessions, self.drag_target
        )
        self.span_drawing = SpanDrawing(
            self,
            lambda: self.timetable,
            lambda: self.snap_minutes,
            self.drop_target,
            self.drag_target,
        )

    # --- what is shown ----------------------------------------------------------------------

    def set_data(
        self, days: Sequence[dt.date], rooms: Sequence[RoomRow], sessions: Sequence[SessionRow]
    ) -> None:
        """Show these rows (the event's days, its rooms in order, its sessions)."""
        self._days = sorted(set(days))
        self._rooms = list(rooms)
        self._sessions = list(sessions)
        if self._day is not None and self._day not in self._days:
            self._day = None
        self._relayout()

    def set_day(self, day: dt.date | None) -> None:
        """One day, or None for all days side by side."""
        self._day = day if day in self._days else None
        self._relayout()

    @property
    def day(self) -> dt.date | None:
        return self._day

    @property
    def shown_days(self) -> list[dt.date]:
        return [self._day] if self._day is not None else list(self._days)

    def set_snap_minutes(self, minutes: int) -> None:
        self.snap_minutes = max(1, int(minutes))
        self.viewport().update()

    @property
    def pixels_per_minute(self) -> float:
        return self._pixels_per_minute

    def set_pixels_per_minute(self, value: float, anchor: QPoint | None = None) -> None:
        """Zoom; the time under `anchor` (viewport point; default: the middle) stays put."""
        value = min(max(value, ZOOM_LEVELS[0]), ZOOM_LEVELS[-1])
        if value == self._pixels_per_minute:
            return
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        minute = self.timetable.minute_at(self.mapToScene(anchor).y())
        self._pixels_per_minute = value
        self._relayout()
        self.verticalScrollBar().setValue(round(self.timetable.y_for_minute(minute) - anchor.y()))
        self.zoom_changed.emit(value)

    def zoom_in(self, anchor: QPoint | None = None) -> None:
        larger = [z for z in ZOOM_LEVELS if z > self._pixels_per_minute + 1e-9]
        if larger:
            self.set_pixels_per_minute(larger[0], anchor)

    def zoom_out(self, anchor: QPoint | None = None) -> None:
        smaller = [z for z in ZOOM_LEVELS if z < self._pixels_per_minute - 1e-9]
        if smaller:
            self.set_pixels_per_minute(smaller[-1], anchor)

    def reset_zoom(self) -> None:
        self.set_pixels_per_minute(DEFAULT_ZOOM)

    def block(self, session_id: int) -> SessionBlock | None:
        """The block showing a session, if it is on the shown days."""
        return self._blocks.get(session_id)

    def blocks(self) -> list[SessionBlock]:
        return list(self._blocks.values())

    # --- layout -----------------------------------------------------------------------------

    def _relayout(self) -> None:
        if self._dragging is not None:
            self._dragging.cancel_drag()
        layout = TimetableLayout(
            self.shown_days,
            self._rooms,
            self._sessions,
            pixels_per_minute=self._pixels_per_minute,
            column_width=self._column_width,
            # the clock reaches the proposal's ghosts: staff may place outside the usual day
            widen_to=[(spot.starts_at, spot.ends_at) for spot in self.proposal.spots()],
        )
        available = max(200, self.viewport().width() - 1)
        width = fitting_column_width(
            available, len(layout.columns), max(0, len(layout.day_spans) - 1)
        )
        if width != self._column_width:  # the columns changed: lay out once more to fit
            self._column_width = width
            layout = layout.scaled(column_width=width)
        self.timetable = layout
        self._sync_blocks()
        self.proposal.lay_out(self.timetable, self.shown_days)
        self.scene().setSceneRect(QRectF(0, 0, self.timetable.width, self.timetable.height))
        self.resetCachedContent()
        self.viewport().update()
        self.header.update()
        self.ruler.update()

    def _sync_blocks(self) -> None:
        rows = {row.id: row for row in self._sessions}
        places = self.timetable.blocks
        scene = self.scene()
        for session_id in [i for i in self._blocks if i not in places]:
            scene.removeItem(self._blocks.pop(session_id))
        for session_id, place in places.items():
            block = self._blocks.get(session_id)
            if block is None:
                block = SessionBlock(self, rows[session_id], place)
                self._blocks[session_id] = block
                scene.addItem(block)
            else:
                block.set_row(rows[session_id], place)
            block.reserve_right(self._badge_room.get(session_id, 0.0))

    # --- a proposal's ghost blocks (ProposalGhosts keeps them) ------------------------------

    def set_proposal(self, spots: Sequence[GhostSpot]) -> None:
        """Show where automatic placement would put sessions (an empty list: none)."""
        had = bool(self.proposal.spots())
        self.proposal.set_proposal(spots)
        if had or spots:
            self._relayout()  # the clock follows the ghosts

    def set_proposal_chosen(self, chosen: set[int]) -> None:
        """Fade the ghosts of the proposed sessions not ticked to be accepted."""
        self.proposal.set_chosen(chosen)

    def proposed(self) -> list[GhostSpot]:
        return self.proposal.spots()

    def ghosts(self) -> list[GhostBlock]:
        return self.proposal.ghosts()

    def ghost(self, session_id: int) -> GhostBlock | None:
        return self.proposal.ghost(session_id)

    def set_badge_room(self, room: dict[int, float]) -> None:
        """Keep the right edge of these blocks clear of text: their problem badges go there."""
        self._badge_room = dict(room)
        for session_id, block in self._blocks.items():
            block.reserve_right(self._badge_room.get(session_id, 0.0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        viewport = self.viewport().geometry()
        ruler_width, header_height = self.ruler.preferred_width, self.header.full_height
        self.header.setGeometry(
            viewport.left(), viewport.top() - header_height, viewport.width(), header_height
        )
        self.ruler.setGeometry(
            viewport.left() - ruler_width, viewport.top(), ruler_width, viewport.height()
        )
        self.corner.setGeometry(
            viewport.left() - ruler_width,
            viewport.top() - header_height,
            ruler_width,
            header_height,
        )
        if self._days and event.oldSize().width() != event.size().width():
            self._relayout()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        layout = self.timetable
        painter.fillRect(rect, OUTSIDE_FILL)
        if not layout.columns:
            return
        top, bottom = max(rect.top(), 0.0), min(rect.bottom(), layout.height)
        for span_number, span in enumerate(layout.day_spans):
            if span_number:
                painter.fillRect(
                    QRectF(span.x - layout.day_gap, top, layout.day_gap, bottom - top), GAP_FILL
                )
        for column in layout.columns:
            if column.right < rect.left() or column.x > rect.right():
                continue
            painter.fillRect(QRectF(column.x, top, column.width, bottom - top), COLUMN_FILL)
        first = max(layout.first_minute, int(layout.minute_at(top)) - 1)
        last = min(layout.last_minute, int(layout.minute_at(bottom)) + 1)
        step = self.snap_minutes if layout.pixels_per_minute * self.snap_minutes >= 8 else 30
        for minute in range(first - first % step, last + 1, step):
            if minute < layout.first_minute:
                continue
            y = layout.y_for_minute(minute) + 0.5
            color = (
                HOUR_LINE if minute % 60 == 0 else HALF_HOUR_LINE if minute % 30 == 0 else GRID_LINE
            )
            painter.setPen(QPen(color, 1))
            for span in layout.day_spans:
                painter.drawLine(QPointF(span.x, y), QPointF(span.x + span.width, y))
        painter.setPen(QPen(COLUMN_LINE, 1))
        for column in layout.columns:
            x = column.right - 0.5
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    # --- selection --------------------------------------------------------------------------

    def selected_session_ids(self) -> list[int]:
        chosen = [b for b in self._blocks.values() if b.isSelected()]
        chosen.sort(key=lambda b: (b.place.day, b.place.start_minute, b.place.first_column))
        return [b.session_id for b in chosen]

    def select_session(self, session_id: int) -> bool:
        """Select one block and scroll to it; False if it is not on the shown days."""
        block = self._blocks.get(session_id)
        if block is None:
            return False
        self.scene().clearSelection()
        block.setSelected(True)
        self.ensureVisible(block, 24, 24)
        return True

    def _on_scene_selection_changed(self) -> None:
        self.selection_changed.emit(self.selected_session_ids())

    # --- what blocks report (BlockHost) -----------------------------------------------------

    def block_drag_started(self, block: SessionBlock) -> None:
        self._dragging = block

    def block_dragged_to(self, scene_point: QPointF) -> None:
        """Scroll when the mouse nears an edge, so a block can travel past the visible part."""
        self.ensureVisible(scene_point.x() - 1, scene_point.y() - 1, 2, 2, 24, 24)

    def block_drag_ended(self, block: SessionBlock) -> None:
        if self._dragging is block:
            self._dragging = None
        self.drag_target.hide()

    def block_target_changed(
        self, block: SessionBlock, day: object, room_id: int | None, start: float, end: float
    ) -> None:
        """A block dragged or stretched: show where and when it would land, and any clash."""
        venue_wide = block.place.venue_wide
        self.drag_target.show_block(self.timetable, block.row, venue_wide, day, room_id, start, end)

    def block_moved(
        self, block: SessionBlock, day: object, room_id: int | None, minute: float
    ) -> None:
        place = block.place
        home = self.timetable.columns[place.first_column]
        same_place = day == place.day and (place.venue_wide or room_id == home.room_id)
        if same_place and minute == place.start_minute:
            return  # dropped where it was
        self.move_requested.emit(block.session_id, room_id, at_minute(day, minute))  # type: ignore[arg-type]

    def block_resized(self, block: SessionBlock, end_minute: float) -> None:
        if end_minute != block.place.end_minute:
            self.resize_requested.emit(block.session_id, at_minute(block.place.day, end_minute))

    def block_double_clicked(self, block: SessionBlock) -> None:
        self.open_requested.emit(block.session_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        while item is not None and not isinstance(item, SessionBlock):
            item = item.parentItem()
        if item is None:
            super().contextMenuEvent(event)
            return
        if not item.isSelected():
            self.scene().clearSelection()
            item.setSelected(True)
        self.session_menu(item.session_id).exec(event.globalPos())
        event.accept()

    def session_menu(self, session_id: int) -> QMenu:
        """A block's context menu: open it, suggest a slot for it, take it off the timetable."""
        menu = QMenu(self)
        menu.addAction(self.tr("&Open…"), lambda: self.open_requested.emit(session_id))
        menu.addAction(self.tr("&Suggest a slot…"), lambda: self.suggest_requested.emit(session_id))
        menu.addSeparator()
        menu.addAction(self.tr("&Unschedule"), lambda: self.unschedule_requested.emit([session_id]))
        return menu

    # --- keys and wheel ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._dragging is not None:
            self._dragging.cancel_drag()
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            chosen = self.selected_session_ids()
            if chosen:
                self.unschedule_requested.emit(chosen)
                event.accept()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            chosen = self.selected_session_ids()
            if len(chosen) == 1:
                self.open_requested.emit(chosen[0])
                event.accept()
                return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            anchor = event.position().toPoint()
            if event.angleDelta().y() > 0:
                self.zoom_in(anchor)
            elif event.angleDelta().y() < 0:
                self.zoom_out(anchor)
            event.accept()
            return
        super().wheelEvent(event)

    # --- drags and drawing (DockDrops, SpanDrawing; DragTarget labels the band) -------------

    def drop_target(self, viewport_point: QPoint | QPointF) -> tuple[Column, float] | None:
        """The column and snapped minute a drop at this viewport point lands on."""
        scene_point = self.mapToScene(QPointF(viewport_point).toPoint())
        column = self.timetable.column_at(scene_point.x())
        if column is None:
            return None
        minute = snap(self.timetable.minute_at(scene_point.y()), self.snap_minutes)
        return column, self.timetable.clamp_start(minute, self.snap_minutes)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dock_drops.enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dock_drops.move(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.dock_drops.leave(event)

    def dropEvent(self, event: QDropEvent) -> None:
        drop = self.dock_drops.drop(event)
        if drop is None:
            return
        if len(drop.session_ids) == 1:
            self.schedule_requested.emit(drop.session_ids[0], drop.room_id, drop.starts_at)
        else:
            self.schedule_many_requested.emit(drop.session_ids, drop.room_id, drop.starts_at)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.span_drawing.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.span_drawing.active:
            self.span_drawing.move(event)
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.span_drawing.active:
            super().mouseReleaseEvent(event)
            return
        placement = self.span_drawing.release(event)
        if placement is not None:
            self.create_requested.emit(placement)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click on empty time: a new session there, an hour long."""
        placement = self.span_drawing.double_click(event)
        if placement is None:
            super().mouseDoubleClickEvent(event)
        else:
            self.create_requested.emit(placement)
