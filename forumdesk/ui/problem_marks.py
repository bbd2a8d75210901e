"""Problems drawn on the timetable, without the timetable knowing about them.

Two scene items sit in the timetable's scene: `ProblemOutlines` above the blocks draws, round
each block with an open problem, an outline in the look of its worst kind and a badge for each
kind (forumdesk.ui.timetable.mark_styles: each kind its colour, line and shape), reading the
blocks' positions when it paints, so outlines follow reloads, day switches, zoom and drags by
themselves; an outline is clipped to the part of its block no other block covers, so a break's
outline never runs over the text of a session drawn on it; `ClashShading` below the blocks
shades, while a session is dragged, the times at which one of its people is busy elsewhere or
unavailable. A scene event filter adds the problems to a block's tooltip and notices drags
(the view's own API has no drag signals). What to shade, and how badly, comes from
forumdesk.services.problems.busy_spans (the rules are the checker's, in
forumdesk.scheduling.busy): this module only draws it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from forumdesk.core.errors import ForumdeskError
from forumdesk.scheduling.busy import BusySpan
from forumdesk.scheduling.checker import ProblemKind, Severity
from forumdesk.services.problems import ProblemRow, busy_spans
from forumdesk.ui.context import AppContext
from forumdesk.ui.timetable.geometry import minutes_into
from forumdesk.ui.timetable.mark_styles import (
    BADGE_GAP,
    BADGE_SIZE,
    MarkStyle,
    draw_badge,
    draw_outline,
    mark_style,
)
from forumdesk.ui.timetable.session_block import SessionBlock, session_tooltip
from forumdesk.ui.timetable.timetable_page import TimetablePage

ERROR_INK = QColor("#D32F2F")
WARNING_INK = QColor("#F29900")
OUTLINE_Z = 1500.0  # above a dragged block (1000), below the drop ghost (2000)
SHADING_Z = 0.5  # under every block: shows in the free cells where a drop would land
ERROR_SHADE = QColor(211, 47, 47, 46)
WARNING_SHADE = QColor(242, 153, 0, 46)


def _ink(severity: Severity) -> QColor:
    return ERROR_INK if severity == Severity.ERROR else WARNING_INK


class ProblemOutlines(QGraphicsItem):
    """Outlines round the blocks of sessions with open problems; takes no mouse events."""

    def __init__(self, page: TimetablePage) -> None:
        super().__init__()
        self.page = page
        self.severity: dict[int, Severity] = {}  # session id -> worst open problem
        self.styles: dict[int, tuple[MarkStyle, ...]] = {}  # session id -> its kinds' looks
        self.setZValue(OUTLINE_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self._rect = QRectF()

    def set_severity(
        self,
        severity: dict[int, Severity],
        styles: dict[int, tuple[MarkStyle, ...]] | None = None,
    ) -> None:
        styles = styles if styles is not None else {}
        if severity != self.severity or styles != self.styles:
            self.severity, self.styles = severity, styles
            self.update()

    def styles_of(self, session_id: int) -> tuple[MarkStyle, ...]:
        """The looks of a session's open problems, the worst first."""
        found = self.styles.get(session_id)
        if found:
            return found
        severity = self.severity.get(session_id, Severity.WARNING)
        return (mark_style(ProblemKind.UNSCHEDULED, severity),)

    def visible_part(self, session_id: int) -> QPainterPath:
        """A block's scene rectangle less the blocks drawn over it (their text stays clear)."""
        path = QPainterPath()
        block = self.page.view.block(session_id)
        if block is None:
            return path
        rect = block.sceneBoundingRect()
        path.addRect(rect)
        for other in self.page.view.blocks():
            if other is not block and other.zValue() > block.zValue():
                covered = other.sceneBoundingRect()
                if covered.intersects(rect):
                    cut = QPainterPath()
                    cut.addRect(covered)
                    path = path.subtracted(cut)
        return path

    def fit_scene(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def outlined(self) -> dict[int, QRectF]:
        """Each outlined block's scene rectangle (what paint() draws round)."""
        found: dict[int, QRectF] = {}
        for session_id in self.severity:
            block = self.page.view.block(session_id)
            if block is not None:
                found[session_id] = block.sceneBoundingRect()
        return found

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect  # type: ignore[attr-defined]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for session_id in self.severity:
            block = self.page.view.block(session_id)
            if block is None:
                continue
            rect = block.sceneBoundingRect()
            if not rect.intersects(exposed):
                continue
            styles = self.styles_of(session_id)
            painter.save()
            painter.setClipPath(self.visible_part(session_id))
            # inside the block's own rectangle, so a moving block repaints all of it; further
            # in when selected, so the selection border stays visible
            inset = 3.75 if block.isSelected() else 1.5
            draw_outline(painter, rect.adjusted(inset, inset, -inset, -inset), styles[0])
            # a badge for each kind, in the top right corner (the block keeps its text clear
            # of them), readable also for those who do not tell the colours apart
            right, top = rect.right() - inset - 2, rect.top() + inset + 2
            for number, style in enumerate(styles):
                left = right - (number + 1) * BADGE_SIZE - number * BADGE_GAP
                draw_badge(painter, QRectF(left, top, BADGE_SIZE, BADGE_SIZE), style)
            painter.restore()


class ClashShading(QGraphicsItem):
    """Bands across each shown day at the times a dragged session's people are busy."""

    def __init__(self, page: TimetablePage) -> None:
        super().__init__()
        self.page = page
        self.spans: list[BusySpan] = []
        self.setZValue(SHADING_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self._rect = QRectF()

    def set_spans(self, spans: Sequence[BusySpan]) -> None:
        self.spans = list(spans)
        self.update()

    def fit_scene(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def band_rects(self) -> list[tuple[QRectF, BusySpan]]:
        layout = self.page.view.timetable
        bands: list[tuple[QRectF, BusySpan]] = []
        for span in self.spans:
            day_span = layout.day_span(span.starts_at.date())
            if day_span is None:
                continue
            start = minutes_into(day_span.day, span.starts_at)
            end = minutes_into(day_span.day, span.ends_at)
            top, bottom = layout.y_for_minute(start), layout.y_for_minute(end)
            bands.append((QRectF(day_span.x, top, day_span.width, bottom - top), span))
        return bands

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # spans at the same time share one band and one label, the worst colour winning
        merged: dict[tuple[float, float, float, float], tuple[Severity, list[str]]] = {}
        for rect, span in self.band_rects():
            key = (rect.x(), rect.y(), rect.width(), rect.height())
            severity, reasons = merged.get(key, (Severity.WARNING, []))
            reasons.append(span.reason)
            merged[key] = (Severity.ERROR if span.severity == Severity.ERROR else severity, reasons)
        metrics = painter.fontMetrics()
        for (x, y, width, height), (severity, reasons) in merged.items():
            rect = QRectF(x, y, width, height)
            painter.fillRect(rect, ERROR_SHADE if severity == Severity.ERROR else WARNING_SHADE)
            painter.fillRect(rect, QBrush(_ink(severity).lighter(150), Qt.BrushStyle.BDiagPattern))
            if height >= metrics.height() + 2:
                painter.setPen(_ink(severity).darker(130))
                text = metrics.elidedText(
                    "; ".join(reasons), Qt.TextElideMode.ElideRight, int(width - 8)
                )
                painter.drawText(
                    rect.adjusted(4, 1, -4, -1),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                    text,
                )


class TimetableProblemMarks(QObject):
    """Puts the outlines and the drag shading into a timetable page's scene."""

    def __init__(self, page: TimetablePage, ctx: AppContext) -> None:
        super().__init__(page)
        self.page, self.ctx = page, ctx
        self.problems: dict[int, list[ProblemRow]] = {}
        scene: QGraphicsScene = page.view.scene()
        self.outlines = ProblemOutlines(page)
        self.shading = ClashShading(page)
        for item in (self.outlines, self.shading):
            scene.addItem(item)
            item.fit_scene(scene.sceneRect())
        scene.sceneRectChanged.connect(self._on_scene_scene_rect_changed)
        scene.installEventFilter(self)
        self.dragged: int | None = None

    def set_problems(self, rows: Sequence[ProblemRow]) -> None:
        """The open problems: outline their sessions, explain them in the tooltips."""
        by_session: dict[int, list[ProblemRow]] = {}
        worst: dict[int, Severity] = {}
        for row in rows:
            if row.accepted or row.severity == Severity.INFO:
                continue
            for session_id in row.session_ids:
                by_session.setdefault(session_id, []).append(row)
                if worst.get(session_id) != Severity.ERROR:
                    worst[session_id] = row.severity
        styles: dict[int, tuple[MarkStyle, ...]] = {}
        for session_id, found in by_session.items():
            ordered = sorted(found, key=lambda r: r.severity != Severity.ERROR)  # errors first
            looks = dict.fromkeys(mark_style(r.kind, r.severity) for r in ordered)
            styles[session_id] = tuple(looks)
        self.problems = by_session
        self.outlines.set_severity(worst, styles)
        self.page.view.set_badge_room(
            {
                session_id: len(looks) * (BADGE_SIZE + BADGE_GAP) + 2
                for session_id, looks in styles.items()
            }
        )

    def tooltip(self, block: SessionBlock) -> str:
        text = session_tooltip(block.row)
        found = self.problems.get(block.session_id)
        if not found:
            return text
        lines = [
            f"<span style='color:{_ink(row.severity).name()}'>"
            f"{'⛔' if row.severity == Severity.ERROR else '⚠'} "
            f"{html.escape(row.message)}</span>"
            for row in found
        ]
        return text + "<hr>" + "<br>".join(lines)

    # --- the scene's events -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.GraphicsSceneHelp and isinstance(event, QGraphicsSceneHelpEvent):
            return self._help(event)
        if kind == QEvent.Type.GraphicsSceneMouseMove and self.dragged is None:
            grabber = self.page.view.scene().mouseGrabberItem()
            if isinstance(grabber, SessionBlock) and grabber.dragging:
                self.drag_started(grabber.session_id)
        elif (
            kind == QEvent.Type.GraphicsSceneMouseRelease
            and self.dragged is not None
            and isinstance(event, QGraphicsSceneMouseEvent)
        ):
            self.drag_ended()
        return False

    def _help(self, event: QGraphicsSceneHelpEvent) -> bool:
        for item in self.page.view.scene().items(event.scenePos()):
            if isinstance(item, SessionBlock):
                if item.session_id not in self.problems:
                    return False  # the scene's own tooltip
                QToolTip.showText(event.screenPos(), self.tooltip(item), event.widget())
                event.accept()
                return True
        return False

    def drag_started(self, session_id: int) -> None:
        """Shade where the session would clash; no database work until the next drag."""
        self.dragged = session_id
        try:
            spans = busy_spans(self.ctx.db, session_id)
        except ForumdeskError:  # deleted meanwhile: nothing to shade
            spans = []
        self.shading.set_spans(spans)

    def drag_ended(self) -> None:
        self.dragged = None
        self.shading.set_spans([])

    def _on_scene_scene_rect_changed(self, rect: QRectF) -> None:
        self.outlines.fit_scene(rect)
        self.shading.fit_scene(rect)
