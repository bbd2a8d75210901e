"""The timetable's edges that stay put while it scrolls: room and day headings on top, the
hours down the left.

They are plain widgets in the view's margins (QAbstractScrollArea.setViewportMargins), painted
from the view's layout and scroll position; the scene itself holds only the grid and the blocks,
so scrolling never redraws headings into the scene. They are given the scroll area they sit in
and a way to read its current layout, not the timetable view itself, so that the view imports
them and not the other way round.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from forumdesk.ui.timetable.geometry import TimetableLayout

CurrentLayout = Callable[[], TimetableLayout]  # the view's layout as it is now

HEADER_FILL = QColor("#EEF1F5")
DAY_FILL = QColor("#DDE3EB")
RULE = QColor("#C4CAD3")
MUTED_TEXT = QColor("#5A6472")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimetableView", text)


def day_heading(day: object, long: bool = True) -> str:
    """ "Thursday 25 November 2021" in the user's language (Qt knows the month forms)."""
    date = QDate(day)  # type: ignore[call-overload]
    return QLocale().toString(date, "dddd d MMMM yyyy" if long else "ddd d MMM")


class TimetableHeader(QWidget):
    """Day headings over room names and capacities; follows the view's horizontal scroll."""

    def __init__(self, view: QAbstractScrollArea, layout: CurrentLayout) -> None:
        super().__init__(view)
        self.view, self.layout_now = view, layout
        self.setAutoFillBackground(False)
        self._fonts()

    def _fonts(self) -> None:
        self.day_font = QFont(self.font())
        self.day_font.setBold(True)
        self.room_font = QFont(self.font())
        self.room_font.setBold(True)
        self.small_font = QFont(self.font())
        self.small_font.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.85))
        day = QFontMetricsF(self.day_font)
        room, small = QFontMetricsF(self.room_font), QFontMetricsF(self.small_font)
        self.day_height = round(day.height() + 8)
        self.room_height = round(room.height() + small.height() + 10)

    @property
    def full_height(self) -> int:
        return self.day_height + self.room_height

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), HEADER_FILL)
        layout = self.layout_now()
        dx = -self.view.horizontalScrollBar().value()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        day_metrics = QFontMetricsF(self.day_font)
        room_metrics = QFontMetricsF(self.room_font)
        small_metrics = QFontMetricsF(self.small_font)
        visible = QRectF(self.rect())
        for span in layout.day_spans:
            cell = QRectF(span.x + dx, 0, span.width, self.day_height)
            if not cell.intersects(visible):
                continue
            painter.fillRect(cell.adjusted(0, 0, 0, -1), DAY_FILL)
            heading = day_heading(span.day)
            if day_metrics.horizontalAdvance(heading) > cell.width() - 8:
                heading = day_heading(span.day, long=False)
            painter.setFont(self.day_font)
            painter.setPen(text)
            painter.drawText(
                cell.adjusted(4, 0, -4, 0),
                Qt.AlignmentFlag.AlignCenter,
                day_metrics.elidedText(heading, Qt.TextElideMode.ElideRight, cell.width() - 8),
            )
        for column in layout.columns:
            cell = QRectF(column.x + dx, self.day_height, column.width, self.room_height)
            if not cell.intersects(visible):
                continue
            name = column.name if column.name is not None else _tr("No room")
            painter.setFont(self.room_font)
            painter.setPen(text if column.name is not None else MUTED_TEXT)
            top = cell.top() + 4
            painter.drawText(
                QPointF(cell.left() + 5, top + room_metrics.ascent()),
                room_metrics.elidedText(name, Qt.TextElideMode.ElideRight, cell.width() - 10),
            )
            if column.capacity is not None:
                painter.setFont(self.small_font)
                painter.setPen(MUTED_TEXT)
                seats = _tr("{0} seats").format(column.capacity)
                painter.drawText(
                    QPointF(cell.left() + 5, top + room_metrics.height() + small_metrics.ascent()),
                    small_metrics.elidedText(seats, Qt.TextElideMode.ElideRight, cell.width() - 10),
                )
            painter.setPen(QPen(RULE, 1))
            painter.drawLine(
                QPointF(cell.right() - 0.5, cell.top()), QPointF(cell.right() - 0.5, cell.bottom())
            )
        painter.setPen(QPen(RULE, 1))
        bottom = self.height() - 0.5
        painter.drawLine(QPointF(0, bottom), QPointF(self.width(), bottom))
        painter.end()


class TimeRuler(QWidget):
    """Hour labels down the left; follows the view's vertical scroll."""

    def __init__(self, view: QAbstractScrollArea, layout: CurrentLayout) -> None:
        super().__init__(view)
        self.view, self.layout_now = view, layout
        metrics = QFontMetricsF(self.font())
        self.preferred_width = round(metrics.horizontalAdvance("00:00") + 14)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), HEADER_FILL)
        layout = self.layout_now()
        dy = -self.view.verticalScrollBar().value()
        metrics = QFontMetricsF(self.font())
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.85))
        small_metrics = QFontMetricsF(small)
        show_halves = layout.pixels_per_minute * 30 >= 2.5 * small_metrics.height()
        step = 30 if show_halves else 60
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for minute in range(layout.first_minute, layout.last_minute + 1, step):
            y = layout.y_for_minute(minute) + dy
            if y < -metrics.height() or y > self.height():
                continue
            label = f"{(minute // 60) % 24:02d}:{minute % 60:02d}"
            whole_hour = minute % 60 == 0
            painter.setFont(self.font() if whole_hour else small)
            painter.setPen(text if whole_hour else MUTED_TEXT)
            used = metrics if whole_hour else small_metrics
            baseline = y + used.ascent() + 1  # just under its line: the first hour shows whole
            painter.drawText(
                QPointF(self.width() - 6 - used.horizontalAdvance(label), baseline), label
            )
            painter.setPen(QPen(RULE, 1))
            if whole_hour:
                painter.drawLine(QPointF(self.width() - 4, y + 0.5), QPointF(self.width(), y + 0.5))
        painter.setPen(QPen(RULE, 1))
        painter.drawLine(QPointF(self.width() - 0.5, 0), QPointF(self.width() - 0.5, self.height()))
        painter.end()
