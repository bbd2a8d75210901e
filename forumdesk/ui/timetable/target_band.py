"""The band a drag shows at its target: where and when the session would land, and whether it
would clash there (a room booked twice, or a session during an all-rooms break).

One item serves the three drags of the timetable: a block moved or stretched, sessions dragged
in from the unscheduled list, and a span drawn across empty time to create a session. It takes
no mouse events and sits above the blocks, so its label is never hidden by the block dragged.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

BAND_Z = 1900.0  # above a dragged block (1000) and the problem outlines (1500)


class BandState(enum.Enum):
    FREE = "free"
    ROOM_CLASH = "room_clash"  # the room is booked then
    DURING_ALL_ROOMS = "during_all_rooms"  # an all-rooms session (a break) runs then


BAND_INK = {
    BandState.FREE: QColor(30, 90, 168),
    BandState.ROOM_CLASH: QColor("#C62828"),
    BandState.DURING_ALL_ROOMS: QColor("#B26A00"),
}


class TargetBand(QGraphicsItem):
    """A translucent band over the target cells with a label saying room and time."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(BAND_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setVisible(False)
        self._rect = QRectF()
        self.band = QRectF()  # the target cells; the label sits above them
        self.label = QRectF()
        self.text = ""
        self.state = BandState.FREE
        self._font = QFont()
        self._font.setBold(True)
        self._metrics = QFontMetricsF(self._font)

    def show_at(self, rect: QRectF, text: str, state: BandState = BandState.FREE) -> None:
        label_height = self._metrics.height() + 4
        # the label sits above the band, as wide as its text (a clash's names included)
        label_width = self._metrics.horizontalAdvance(text) + 10
        self.label = QRectF(rect.left(), rect.top() - label_height - 2, label_width, label_height)
        bounds = rect.united(self.label)
        if bounds != self._rect:
            self.prepareGeometryChange()
            self._rect = bounds
        self.band = QRectF(rect)
        self.text, self.state = text, state
        self.setVisible(True)
        self.update()

    def hide_band(self) -> None:
        self.setVisible(False)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        ink = BAND_INK[self.state]
        fill = QColor(ink)
        fill.setAlpha(40)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.band, fill)
        if self.state == BandState.ROOM_CLASH:
            painter.fillRect(self.band, QBrush(ink, Qt.BrushStyle.DiagCrossPattern))
        elif self.state == BandState.DURING_ALL_ROOMS:
            painter.fillRect(self.band, QBrush(ink, Qt.BrushStyle.BDiagPattern))
        style = Qt.PenStyle.SolidLine if self.state != BandState.FREE else Qt.PenStyle.DashLine
        painter.setPen(QPen(ink, 2.0, style))
        painter.drawRect(self.band.adjusted(1, 1, -1, -1))
        if not self.text:
            return
        painter.setFont(self._font)
        painter.fillRect(self.label, ink)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(
            self.label.adjusted(4, 0, -4, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.text,
        )
