"""Ghost blocks: where automatic placement proposes to put sessions, drawn over the timetable.

A ghost is see-through with a dashed outline, so it reads as "not yet there" beside the solid
blocks of placed sessions. It takes no mouse buttons (the blocks under and around it stay
draggable) and shows whether its session is ticked to be accepted: an unticked one fades.
ProposalGhosts keeps a proposal's ghosts on the timetable's scene and in step with its layout,
so the view only hands it the spots and each new layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from forumdesk.ui.timetable.geometry import BLOCK_MARGIN, TimetableLayout, minutes_into

GHOST_Z = 800.0  # above the blocks (a proposal lands in free cells), below a dragged block
GHOST_INK = QColor(30, 90, 168)


@dataclass(frozen=True, slots=True)
class GhostSpot:
    """One proposed place, as the timetable draws it."""

    session_id: int
    room_id: int | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_rooms: bool
    code: str
    title: str
    color: str | None = None  # the session's track colour
    tooltip: str = ""


class GhostBlock(QGraphicsItem):
    """A proposed session: a translucent block with a dashed outline and its code and title."""

    def __init__(self, spot: GhostSpot, rect: QRectF, font: QFont) -> None:
        super().__init__()
        self.spot = spot
        self._rect = QRectF(rect)
        self.chosen = True
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._font = QFont(font)
        self._metrics = QFontMetricsF(self._font)
        self.setZValue(GHOST_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if spot.tooltip:
            self.setToolTip(spot.tooltip)

    @property
    def session_id(self) -> int:
        return self.spot.session_id

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self._rect.adjusted(0.5, 0.5, -0.5, -0.5)
        ink = QColor(GHOST_INK if self.chosen else QColor(120, 126, 135))
        fill = QColor(self.spot.color) if self.spot.color else QColor(ink)
        fill.setAlpha(70 if self.chosen else 25)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(fill)
        pen = QPen(ink, 1.6, Qt.PenStyle.DashLine if self.chosen else Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 3, 3)
        text_rect = rect.adjusted(4, 2, -4, -2)
        if text_rect.height() < 8 or text_rect.width() < 8:
            return
        painter.setPen(QColor(31, 38, 48) if self.chosen else QColor(110, 115, 122))
        line = self._metrics.height()
        y = text_rect.top()
        if self.spot.code:
            painter.setFont(self._bold)
            painter.drawText(
                QRectF(text_rect.left(), y, text_rect.width(), line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                QFontMetricsF(self._bold).elidedText(
                    self.spot.code, Qt.TextElideMode.ElideRight, text_rect.width()
                ),
            )
            y += line
        painter.setFont(self._font)
        room_for = QRectF(text_rect.left(), y, text_rect.width(), text_rect.bottom() - y)
        if room_for.height() >= line:
            lines = max(1, int(room_for.height() // line))
            painter.drawText(
                room_for,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                self._metrics.elidedText(
                    self.spot.title, Qt.TextElideMode.ElideRight, text_rect.width() * lines * 0.95
                ),
            )


class ProposalGhosts:
    """A proposal's ghost blocks on the timetable's scene, kept in step with its layout.

    The view hands over the spots (set_proposal), which are ticked (set_chosen), and each new
    layout (lay_out); this places, moves, fades and removes the ghosts. Spots on days not shown
    have no ghost.
    """

    def __init__(self, scene: QGraphicsScene, font: QFont) -> None:
        self._scene = scene
        self._font = font
        self._spots: list[GhostSpot] = []  # the proposal, not yet accepted
        self._ghosts: dict[int, GhostBlock] = {}
        self._unchosen: set[int] = set()  # proposed sessions unticked in the proposal's list
        self._layout: TimetableLayout | None = None
        self._days: list[dt.date] = []

    def set_proposal(self, spots: Sequence[GhostSpot]) -> None:
        """Show these spots instead of any before (an empty list: none)."""
        self._spots = list(spots)
        self._unchosen.clear()
        for ghost in self._ghosts.values():
            self._scene.removeItem(ghost)
        self._ghosts.clear()
        self._sync()

    def set_chosen(self, chosen: set[int]) -> None:
        """Fade the ghosts of the proposed sessions not ticked to be accepted."""
        self._unchosen = {spot.session_id for spot in self._spots} - chosen
        for session_id, ghost in self._ghosts.items():
            ghost.set_chosen(session_id not in self._unchosen)

    def lay_out(self, layout: TimetableLayout, days: Sequence[dt.date]) -> None:
        """Follow the timetable to a new layout showing these days."""
        self._layout = layout
        self._days = list(days)
        self._sync()

    def spots(self) -> list[GhostSpot]:
        return list(self._spots)

    def ghosts(self) -> list[GhostBlock]:
        return list(self._ghosts.values())

    def ghost(self, session_id: int) -> GhostBlock | None:
        return self._ghosts.get(session_id)

    def _rect(self, spot: GhostSpot) -> QRectF | None:
        layout = self._layout
        day = spot.starts_at.date()
        if layout is None or day not in self._days:
            return None
        if spot.all_rooms:
            span = layout.day_span(day)
            if span is None or not span.room_columns:
                return None
            left, width = layout.span_bounds(span)
        else:
            column = layout.room_column(day, spot.room_id)
            if column is None:
                return None
            left, width = column.x, column.width
        start = minutes_into(day, spot.starts_at)
        end = max(minutes_into(day, spot.ends_at), start + 1)
        return QRectF(
            left + BLOCK_MARGIN,
            layout.y_for_minute(start),
            max(4.0, width - 2 * BLOCK_MARGIN),
            max(4.0, (end - start) * layout.pixels_per_minute - 1),
        )

    def _sync(self) -> None:
        for spot in self._spots:
            rect = self._rect(spot)
            ghost = self._ghosts.get(spot.session_id)
            if rect is None:
                if ghost is not None:
                    self._scene.removeItem(self._ghosts.pop(spot.session_id))
                continue
            if ghost is None:
                ghost = GhostBlock(spot, rect, self._font)
                ghost.set_chosen(spot.session_id not in self._unchosen)
                self._ghosts[spot.session_id] = ghost
                self._scene.addItem(ghost)
            else:
                ghost.set_rect(rect)
