"""One session on the timetable: a coloured block to select, drag to a new time or room, or
stretch by its bottom edge.

A drag moves only this item (snapped to the layout's grid) and asks nothing of the database;
when the mouse is released the block goes back where it was and tells its host what was asked,
and the reload that follows the undo command puts it in its new place.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from forumdesk.core.enums import SessionKind
from forumdesk.core.rows import SessionRow
from forumdesk.ui.timetable.geometry import BlockPlace, TimetableLayout, snap
from forumdesk.ui.timetable.mark_styles import DURING_ALL_ROOMS, ROOM_TWICE

RESIZE_HANDLE = 6.0  # pixels at the bottom edge that stretch the block instead of moving it
DRAG_Z = 1000.0
NEUTRAL_SESSION = QColor("#E3E7ED")
NEUTRAL_PLENARY = QColor("#D6DEEB")
BREAK_FILL = QColor("#F2F3F5")
BREAK_HATCH = QColor("#D9DDE3")
DARK_TEXT = QColor("#1F2630")
LIGHT_TEXT = QColor("#FFFFFF")
QUIET_KINDS = frozenset({SessionKind.BREAK, SessionKind.REGISTRATION})


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionBlock", text)


@dataclass(frozen=True, slots=True)
class BlockFonts:
    """Shared by every block so a reload does not create 300 font objects."""

    regular: QFont
    bold: QFont
    small: QFont
    italic: QFont  # small italic, for moderators
    regular_metrics: QFontMetricsF
    bold_metrics: QFontMetricsF
    small_metrics: QFontMetricsF

    @classmethod
    def from_font(cls, base: QFont) -> BlockFonts:
        regular = QFont(base)
        regular.setPointSizeF(max(7.0, base.pointSizeF() * 0.9))
        bold = QFont(regular)
        bold.setBold(True)
        small = QFont(regular)
        small.setPointSizeF(max(6.5, regular.pointSizeF() * 0.88))
        italic = QFont(small)
        italic.setItalic(True)
        return cls(
            regular,
            bold,
            small,
            italic,
            QFontMetricsF(regular),
            QFontMetricsF(bold),
            QFontMetricsF(small),
        )


class BlockHost(Protocol):
    """What a block needs from the view that holds it."""

    timetable: TimetableLayout
    snap_minutes: int
    block_fonts: BlockFonts

    def block_drag_started(self, block: SessionBlock) -> None: ...

    def block_drag_ended(self, block: SessionBlock) -> None: ...

    def block_dragged_to(self, scene_point: QPointF) -> None: ...

    def block_moved(
        self, block: SessionBlock, day: object, room_id: int | None, minute: float
    ) -> None: ...

    def block_resized(self, block: SessionBlock, end_minute: float) -> None: ...

    def block_target_changed(
        self, block: SessionBlock, day: object, room_id: int | None, start: float, end: float
    ) -> None: ...

    def block_double_clicked(self, block: SessionBlock) -> None: ...


def block_fill(row: SessionRow) -> QColor:
    if row.track_color:
        color = QColor(row.track_color)
        if color.isValid():
            return color
    if row.kind in QUIET_KINDS:
        return BREAK_FILL
    return NEUTRAL_PLENARY if row.kind == SessionKind.PLENARY else NEUTRAL_SESSION


def text_color_on(fill: QColor) -> QColor:
    """Dark text on the usual pastels, white on a dark track colour someone picked."""
    luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF()
    return DARK_TEXT if luminance >= 0.55 else LIGHT_TEXT


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines`; the last line ends in "…" if text is left."""
    if max_lines <= 0 or width <= 0:
        return []
    words = text.split()
    lines: list[str] = []
    current = ""
    for number, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        if len(lines) == max_lines - 1:  # the last line allowed takes the rest, elided
            rest = " ".join([current, *words[number:]])
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            return lines
        lines.append(metrics.elidedText(current, Qt.TextElideMode.ElideRight, width))
        current = word  # (elided above only when one word is wider than the block)
    if current:
        lines.append(metrics.elidedText(current, Qt.TextElideMode.ElideRight, width))
    return lines


def time_range(row: SessionRow) -> str:
    if row.starts_at is None or row.ends_at is None:
        return ""
    return f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}"


def _clock(minute: float) -> str:
    """Minutes after midnight as a wall clock shows them (past midnight: the next day's)."""
    whole = round(minute) % (24 * 60)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def session_tooltip(row: SessionRow) -> str:
    """Rich text: everything staff ask about a block without opening it."""
    parts = [f"<b>{html.escape(row.code)}</b> " if row.code else "", html.escape(row.title)]
    lines = ["".join(parts)]
    lines.append(
        _tr("Kind: {0}").format(
            html.escape(QCoreApplication.translate("SessionKind", row.kind.label))
        )
    )
    if row.starts_at is not None:
        day = QLocale().toString(QDate(row.starts_at.date()), "ddd dd.MM.yyyy")
        lines.append(_tr("When: {0}, {1}").format(html.escape(day), time_range(row)))
    room = html.escape(row.room_name) if row.room_name else _tr("no room yet")
    if row.all_rooms:
        room = _tr("all rooms (whole venue)")
    lines.append(_tr("Room: {0}").format(room))
    if row.track_name:
        lines.append(_tr("Track: {0}").format(html.escape(row.track_name)))
    if row.moderators:
        lines.append(_tr("Moderators: {0}").format(html.escape(", ".join(row.moderators))))
    if row.expected_audience is not None:
        lines.append(_tr("Expected audience: {0}").format(row.expected_audience))
    return "<br>".join(lines)


class SessionBlock(QGraphicsItem):
    """A session's block; its position and size come from a BlockPlace of the host's layout."""

    def __init__(self, host: BlockHost, row: SessionRow, place: BlockPlace) -> None:
        super().__init__()
        self.host = host
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        # moving a cached block is a blit: the drag repaints nothing but the pixmap
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.row = row
        self.place = place
        self._width = self._height = 0.0
        self._text_key: tuple[float, float] | None = None
        self._text: list[tuple[QFont, QColor, QPointF, str]] = []
        self._press: QPointF | None = None
        self._resizing = False
        self.dragging = False
        self._cancelled = False
        self._target: tuple[object, int | None, float] | None = None
        self._target_end: float | None = None
        self._reserved_right = 0.0  # kept clear of text: problem badges are drawn there
        self._preview: str | None = None  # the time a drag would give it, shown while dragging
        self.set_row(row, place)

    # --- data -------------------------------------------------------------------------------

    @property
    def session_id(self) -> int:
        return self.row.id

    def set_row(self, row: SessionRow, place: BlockPlace) -> None:
        """Show `row` at `place` (a reload or a relayout reuses the item)."""
        # no setToolTip here: the view builds a tooltip when one is asked for, which keeps a
        # reload of 300 sessions from formatting 300 tooltips nobody reads
        self.row, self.place = row, place
        self._fill = block_fill(row)
        self._ink = text_color_on(self._fill)
        self._set_z(1.0 if place.venue_wide else 2.0)
        self._set_size(place.width, place.height)
        self.setPos(place.x, place.y)
        self._text_key = None
        self.update()

    def shown_time(self) -> str:
        """The time the block shows: where a drag would put it, else the session's own."""
        return self._preview if self._preview is not None else time_range(self.row)

    def _show_preview(self, start: float, end: float) -> None:
        text = f"{_clock(start)}–{_clock(end)}"
        if text != self._preview:
            self._preview = text
            self._text_key = None
            self.update()

    def reserve_right(self, pixels: float) -> None:
        """Keep `pixels` at the right edge free of text (for the problem badges)."""
        if pixels != self._reserved_right:
            self._reserved_right = pixels
            self._text_key = None
            self.update()

    def _set_z(self, z: float) -> None:
        if z != self.zValue():  # each change is an itemChange() round trip: skip the no-ops
            self.setZValue(z)

    def _set_size(self, width: float, height: float) -> None:
        if (width, height) != (self._width, self._height):
            self.prepareGeometryChange()
            self._width, self._height = width, height

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    # --- painting ---------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        inset = 1.25 if self.isSelected() else 0.5  # keep the border inside boundingRect
        rect = QRectF(inset, inset, self._width - 2 * inset, self._height - 2 * inset)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        path = QPainterPath()
        path.addRoundedRect(rect, 3, 3)
        painter.fillPath(path, self._fill)
        if self.row.kind in QUIET_KINDS:
            painter.fillPath(path, QBrush(BREAK_HATCH, Qt.BrushStyle.BDiagPattern))
        if self.place.overlaps:  # a room booked twice: a bar in that problem's colour
            painter.fillRect(QRectF(1, 1, 4, self._height - 2), ROOM_TWICE.color)
        elif self.place.under_all_rooms:  # during an all-rooms break: that problem's look
            bar = QRectF(1, 1, 4, self._height - 2)
            painter.fillRect(bar, QColor("#FFFFFF"))
            painter.fillRect(bar, QBrush(DURING_ALL_ROOMS.color, Qt.BrushStyle.BDiagPattern))
            painter.fillRect(QRectF(1, 1, 1.5, self._height - 2), DURING_ALL_ROOMS.color)
        if self.isSelected():
            highlight = QApplication.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 2.5))
            painter.drawPath(path)
        else:
            painter.setPen(QPen(self._fill.darker(135), 1))
            painter.drawPath(path)
        key = (self._width, self._height)
        if key != self._text_key:
            self._text = self._lay_out_text()
            self._text_key = key
        for font, color, point, text in self._text:
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(point, text)

    def _lay_out_text(self) -> list[tuple[QFont, QColor, QPointF, str]]:
        placed = self._lay_out_lines()
        if not self.row.cancelled:
            return placed
        # a cancelled session keeps its place, struck through as the printed agenda shows it
        struck: dict[int, QFont] = {}
        for font, _color, _point, _text in placed:
            if id(font) not in struck:
                copy = QFont(font)
                copy.setStrikeOut(True)
                struck[id(font)] = copy
        return [(struck[id(font)], color, point, text) for font, color, point, text in placed]

    def _lay_out_lines(self) -> list[tuple[QFont, QColor, QPointF, str]]:
        fonts = self.host.block_fonts
        left = 8.0 if self.place.overlaps or self.place.under_all_rooms else 5.0
        width = self._width - left - 4 - self._reserved_right
        regular, bold, small = fonts.regular_metrics, fonts.bold_metrics, fonts.small_metrics
        line = regular.lineSpacing()
        lines = int((self._height - 4) // line)
        if width < 12 or self._height < regular.height() * 0.8:
            return []
        muted = QColor(self._ink)
        muted.setAlphaF(0.72)
        row = self.row
        placed: list[tuple[QFont, QColor, QPointF, str]] = []
        y = 2.0 + regular.ascent()
        if lines <= 1:  # one line: code and as much of the title as fits
            x = left
            if row.code:
                code = bold.elidedText(row.code, Qt.TextElideMode.ElideRight, width)
                placed.append((fonts.bold, self._ink, QPointF(x, y), code))
                x += bold.horizontalAdvance(code + " ")
            rest = regular.elidedText(row.title, Qt.TextElideMode.ElideRight, left + width - x)
            if rest:
                placed.append((fonts.regular, self._ink, QPointF(x, y), rest))
            return placed
        moderators = ", ".join(row.moderators)
        header = 1 if row.code else 0
        footer = 1 if moderators and lines >= header + 2 else 0
        if row.code:
            code = bold.elidedText(row.code, Qt.TextElideMode.ElideRight, width)
            placed.append((fonts.bold, self._ink, QPointF(left, y), code))
            advance = bold.horizontalAdvance(code + "  ")
            when = self.shown_time()
            if advance + small.horizontalAdvance(when) <= width:
                placed.append((fonts.small, muted, QPointF(left + advance, y), when))
            y += line
        title_lines = wrap_lines(row.title, regular, width, lines - header - footer)
        for text in title_lines:
            placed.append((fonts.regular, self._ink, QPointF(left, y), text))
            y += line
        if not row.code and lines - len(title_lines) - footer >= 1:
            placed.append((fonts.small, muted, QPointF(left, y), self.shown_time()))
            y += line
        if footer:
            text = small.elidedText(moderators, Qt.TextElideMode.ElideRight, width)
            y = max(y, self._height - 4 - line + regular.ascent())
            placed.append((fonts.italic, muted, QPointF(left, y), text))
        return placed

    # --- the mouse --------------------------------------------------------------------------

    def _on_resize_edge(self, y: float) -> bool:
        return y >= self._height - RESIZE_HANDLE and self._height > 2 * RESIZE_HANDLE

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        on_edge = self._on_resize_edge(event.pos().y())
        if on_edge != self.hasCursor():  # only when it changes: hover moves come often
            if on_edge:
                self.setCursor(Qt.CursorShape.SizeVerCursor)
            else:
                self.unsetCursor()
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.hasCursor():
            self.unsetCursor()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)  # selection, as every QGraphicsView user expects
        if event.button() != Qt.MouseButton.LeftButton:
            return
        event.accept()
        self._press = event.scenePos()
        self._resizing = self._on_resize_edge(event.pos().y())
        self.dragging = self._cancelled = False
        self._target = None
        self._target_end = None

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None or self._cancelled:
            return
        delta = event.scenePos() - self._press
        if not self.dragging:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return
            self.dragging = True
            self._set_z(DRAG_Z)
            self.setCursor(
                Qt.CursorShape.SizeVerCursor if self._resizing else Qt.CursorShape.ClosedHandCursor
            )
            self.host.block_drag_started(self)
        if self._resizing:
            self._stretch(delta.y())
        else:
            self._drag(event.scenePos().x(), delta.y())
        self.host.block_dragged_to(event.scenePos())

    def _drag(self, scene_x: float, dy: float) -> None:
        layout, place = self.host.timetable, self.place
        length = place.end_minute - place.start_minute
        step = self.host.snap_minutes
        if abs(dy / layout.pixels_per_minute) < step / 2:
            # a sideways drag to another room keeps the time, even one off the grid
            minute = place.start_minute
        else:
            minute = snap(place.start_minute + dy / layout.pixels_per_minute, step)
        minute = layout.clamp_start(minute, length)
        if place.venue_wide:
            span, home_span = layout.day_span_at(scene_x), layout.day_span(place.day)
            if span is None or home_span is None:
                return
            offset = place.x - layout.span_bounds(home_span)[0]  # keep its lane offset
            x = layout.span_bounds(span)[0] + offset
            self._target = (span.day, self.row.room_id, minute)
        else:
            column = layout.column_at(scene_x)
            if column is None:
                return
            x = column.x + (place.x - layout.columns[place.first_column].x)
            self._target = (column.day, column.room_id, minute)
        self.setPos(x, layout.y_for_minute(minute))
        self._show_preview(minute, minute + length)
        day, room_id, _minute = self._target
        self.host.block_target_changed(self, day, room_id, minute, minute + length)

    def _stretch(self, dy: float) -> None:
        layout, place = self.host.timetable, self.place
        step = self.host.snap_minutes
        end = layout.clamp_end(
            place.start_minute, snap(place.end_minute + dy / layout.pixels_per_minute, step), step
        )
        self._target_end = end
        self._set_size(self._width, (end - place.start_minute) * layout.pixels_per_minute - 1)
        self._show_preview(place.start_minute, end)
        self.update()
        room_id = layout.columns[place.first_column].room_id
        self.host.block_target_changed(self, place.day, room_id, place.start_minute, end)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)  # a click without a drag selects, Ctrl+click toggles
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        was_dragging = self.dragging and not self._cancelled
        target, target_end, resizing = self._target, self._target_end, self._resizing
        self._reset_drag()
        if not was_dragging:
            return
        if resizing:
            if target_end is not None:
                self.host.block_resized(self, target_end)
        elif target is not None:
            day, room_id, minute = target
            self.host.block_moved(self, day, room_id, minute)

    def cancel_drag(self) -> bool:
        """Escape: put the block back; the rest of this drag does nothing. True if one ran."""
        if not self.dragging or self._cancelled:
            return False
        self._cancelled = True
        self._snap_back()
        self.host.block_drag_ended(self)
        return True

    def _reset_drag(self) -> None:
        was_dragging = self.dragging and not self._cancelled
        self._press = None
        self.dragging = self._cancelled = self._resizing = False
        self._target = None
        self._target_end = None
        self._snap_back()
        if was_dragging:
            self.host.block_drag_ended(self)

    def _snap_back(self) -> None:
        if self.hasCursor():
            self.unsetCursor()
        self._set_z(1.0 if self.place.venue_wide else 2.0)
        self._set_size(self.place.width, self.place.height)
        self.setPos(self.place.x, self.place.y)
        if self._preview is not None:
            self._preview = None
            self._text_key = None
        self.update()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.host.block_double_clicked(self)
            return
        super().mouseDoubleClickEvent(event)

    # --- for tests and the view -------------------------------------------------------------

    def start_minute_now(self) -> float:
        """The minute the block's top edge shows (it moves with a drag)."""
        return self.host.timetable.minute_at(self.pos().y())
