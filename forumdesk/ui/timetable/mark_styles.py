"""How each kind of problem looks on the timetable, and the legend that says so.

Every kind has its own colour, line and badge shape, so a room booked twice, a person in two
places, a session without a moderator and a session during an all-rooms break can be told
apart at a glance, also by those who do not tell red from amber. The outlines
(forumdesk.ui.problem_marks), the blocks' own bars (session_block) and the legend strip below
the timetable all draw from here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from forumdesk.scheduling.model import ProblemKind, Severity


class Badge(enum.Enum):
    SQUARE = "square"
    CIRCLE = "circle"
    TRIANGLE = "triangle"
    HATCHED = "hatched"
    DIAMOND = "diamond"


@dataclass(frozen=True, slots=True, eq=False)  # one constant per look: compared by identity
class MarkStyle:
    color: QColor
    line: Qt.PenStyle
    badge: Badge
    label: str  # in English; legend_label() says it in the user's language


ROOM_TWICE = MarkStyle(
    QColor("#D32F2F"),
    Qt.PenStyle.SolidLine,
    Badge.SQUARE,
    "Room booked twice",
)
PERSON_TWICE = MarkStyle(
    QColor("#7B1FA2"),
    Qt.PenStyle.DashLine,
    Badge.CIRCLE,
    "Person in two places",
)
NO_MODERATOR = MarkStyle(
    QColor("#E65100"),
    Qt.PenStyle.DotLine,
    Badge.TRIANGLE,
    "No moderator",
)
DURING_ALL_ROOMS = MarkStyle(
    QColor("#00838F"),
    Qt.PenStyle.DashDotLine,
    Badge.HATCHED,
    "During an all-rooms break",
)
OTHER_ERROR = MarkStyle(
    QColor("#B71C1C"),
    Qt.PenStyle.SolidLine,
    Badge.DIAMOND,
    "Other problem",
)
OTHER_WARNING = MarkStyle(
    QColor("#F29900"),
    Qt.PenStyle.SolidLine,
    Badge.DIAMOND,
    "Other warning",
)

_BY_KIND = {
    ProblemKind.ROOM_DOUBLE_BOOKED: ROOM_TWICE,
    ProblemKind.PERSON_DOUBLE_BOOKED: PERSON_TWICE,
    ProblemKind.NO_MODERATOR: NO_MODERATOR,
    ProblemKind.DURING_ALL_ROOMS: DURING_ALL_ROOMS,
}
LEGEND = (ROOM_TWICE, PERSON_TWICE, NO_MODERATOR, DURING_ALL_ROOMS, OTHER_ERROR, OTHER_WARNING)
BADGE_SIZE = 10.0
BADGE_GAP = 2.0


def mark_style(kind: ProblemKind, severity: Severity) -> MarkStyle:
    """The look of a problem of this kind (the others: by how bad they are)."""
    found = _BY_KIND.get(kind)
    if found is not None:
        return found
    return OTHER_ERROR if severity == Severity.ERROR else OTHER_WARNING


def draw_badge(painter: QPainter, rect: QRectF, style: MarkStyle) -> None:
    """A small shape in the style's colour: square, circle, triangle, hatched square, diamond."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#FFFFFF"), 1.0))
    painter.setBrush(style.color)
    if style.badge == Badge.SQUARE:
        painter.drawRect(rect)
    elif style.badge == Badge.CIRCLE:
        painter.drawEllipse(rect)
    elif style.badge == Badge.TRIANGLE:
        painter.drawPolygon(
            QPolygonF(
                [rect.bottomLeft(), QPointF(rect.center().x(), rect.top()), rect.bottomRight()]
            )
        )
    elif style.badge == Badge.HATCHED:
        painter.setBrush(QColor("#FFFFFF"))
        painter.setPen(QPen(style.color, 1.5))
        painter.drawRect(rect)
        painter.fillRect(rect, QBrush(style.color, Qt.BrushStyle.BDiagPattern))
    else:
        c = rect.center()
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), rect.top()),
                    QPointF(rect.right(), c.y()),
                    QPointF(c.x(), rect.bottom()),
                    QPointF(rect.left(), c.y()),
                ]
            )
        )
    painter.restore()


def draw_outline(painter: QPainter, rect: QRectF, style: MarkStyle) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect, 3, 3)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(style.color, 2.5, style.line))
    painter.drawPath(path)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProblemMarks", text)


def legend_label(style: MarkStyle) -> str:
    """A look's name in the user's language (literals, so the catalogue finds them)."""
    labels = {
        id(ROOM_TWICE): _tr("Room booked twice"),
        id(PERSON_TWICE): _tr("Person in two places"),
        id(NO_MODERATOR): _tr("No moderator"),
        id(DURING_ALL_ROOMS): _tr("During an all-rooms break"),
        id(OTHER_ERROR): _tr("Other problem"),
        id(OTHER_WARNING): _tr("Other warning"),
    }
    return labels.get(id(style), style.label)


class _Swatch(QWidget):
    """A legend entry's picture: a short outline in the style with its badge."""

    def __init__(self, style: MarkStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = style
        self.setFixedSize(QSize(30, 16))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        draw_outline(painter, QRectF(2, 2, 26, 12), self.mark)
        draw_badge(painter, QRectF(16, 3, BADGE_SIZE, BADGE_SIZE), self.mark)
        painter.end()


class ProblemLegend(QWidget):
    """A small strip, three entries a row: what each kind of mark on the timetable means.

    Two short rows rather than one long one, so that it never makes the window wider than a
    1366-pixel screen, in Russian either.
    """

    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(_tr("What the marks on the timetable mean"))
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 2, 8, 2)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(0)
        self.entries: list[tuple[MarkStyle, QLabel]] = []
        for number, style in enumerate(LEGEND):
            row, column = divmod(number, self.COLUMNS)
            grid.addWidget(_Swatch(style, self), row, 2 * column)
            label = QLabel(legend_label(style), self)
            label.setContentsMargins(0, 0, 12, 0)
            grid.addWidget(label, row, 2 * column + 1)
            self.entries.append((style, label))
        grid.setColumnStretch(2 * self.COLUMNS, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
