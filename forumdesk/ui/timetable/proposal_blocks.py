"""Ghost blocks: where automatic placement proposes to put sessions, drawn over the timetable.

A ghost is see-through with a dashed outline, so it reads as "not yet there" beside the solid
blocks of placed sessions. It takes no mouse buttons (the blocks under and around it stay
draggable) and shows whether its session is ticked to be accepted: an unticked one fades.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

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
