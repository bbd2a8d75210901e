"""The timetable with 300 sessions on one day: laying the day out, and dragging a block.

Layout: the page's reload (rooms and sessions read through the services, the layout computed,
300 block items created and placed) up to the view painted; before each run the view is emptied,
as when the day is chosen for the first time. Drag: a block is pressed and the mouse moved over
the day in small steps, each move processed as the event loop does it; a frame is a move that
repainted the view (moves that leave the block on the same 15-minute step paint nothing). The
drag is cancelled with Escape, so nothing is saved.
"""

from __future__ import annotations

from bench.measure import Measured, repeat
from bench.scenarios.qt_setup import PaintCounter, application, context, qt_notes
from bench.worker import WorkerJob

STEPS = 90  # mouse moves per drag


def _page(job: WorkerJob):  # type: ignore[no-untyped-def]
    app = application(job.workdir / "settings")
    from forumdesk.ui.timetable.timetable_page import TimetablePage

    page = TimetablePage(context(job.path("timetable")))
    page.resize(1920, 1000)  # a full-HD office screen
    page.show()
    app.processEvents()
    if page.days:
        page.set_day(page.days[0])
        app.processEvents()
    counter = PaintCounter()
    page.view.viewport().installEventFilter(counter)
    return app, page, counter


def measure_layout(job: WorkerJob) -> Measured:
    app, page, counter = _page(job)

    def setup() -> None:
        page.view.set_data(page.days, page.rooms, [])  # no blocks: the day shown afresh
        app.processEvents()
        counter.count = 0

    def action() -> None:
        page.reload()
        app.processEvents()

    def teardown() -> None:
        if counter.count == 0:
            raise RuntimeError("the timetable did not paint after the reload")

    samples = repeat(action, job.runs, job.warmup, setup, teardown)
    view = page.view
    return Measured(
        samples,
        notes=qt_notes(
            [
                f"{len(view.blocks())} blocks in {len(view.timetable.columns)} room columns on "
                f"{page.current_day}"
            ]
        ),
    )


def measure_drag(job: WorkerJob) -> Measured:
    import time

    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QKeyEvent, QMouseEvent
    from PySide6.QtWidgets import QApplication

    app, page, counter = _page(job)
    view = page.view
    viewport = view.viewport()
    width, height = viewport.width(), viewport.height()
    # blocks in the left of the view with room to move right and down while staying in sight
    candidates = sorted(
        (
            b
            for b in view.blocks()
            if not b.place.venue_wide
            and b.place.x + b.place.width < width * 0.5
            and 40 < b.place.y < height * 0.4
        ),
        key=lambda b: (b.place.x, b.place.y),
    )
    if not candidates:
        raise RuntimeError("no block to drag in sight")
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def mouse(
        kind: QEvent.Type, point: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton
    ) -> None:
        QApplication.sendEvent(
            viewport,
            QMouseEvent(
                kind,
                QPointF(point),
                QPointF(viewport.mapToGlobal(point)),
                button,
                buttons,
                Qt.KeyboardModifier.NoModifier,
            ),
        )

    frames: list[float] = []
    for number in range(job.warmup + job.runs):
        block = candidates[(number * 7) % len(candidates)]
        start = view.mapFromScene(
            QPointF(block.place.x + block.place.width / 2, block.place.y + 12)
        )
        mouse(QEvent.Type.MouseButtonPress, start, left, left)
        app.processEvents()
        moved = False
        for step in range(1, STEPS + 1):
            # right across several rooms and down a few hours, then part of the way back
            along = step if step <= 2 * STEPS // 3 else 4 * STEPS // 3 - step
            point = start + QPoint(int(along * width * 0.4 / STEPS), int(along * 4))
            counter.count = 0
            began = time.perf_counter()
            mouse(QEvent.Type.MouseMove, point, none, left)
            app.processEvents()
            elapsed = time.perf_counter() - began
            if counter.count and number >= job.warmup:
                frames.append(elapsed)
            moved = moved or block.pos().x() != block.place.x
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                view, QKeyEvent(kind, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
            )
        mouse(QEvent.Type.MouseButtonRelease, start, left, none)
        app.processEvents()
        if not moved:
            raise RuntimeError("the dragged block did not follow the mouse")
    return Measured(
        frames,
        notes=qt_notes(
            [
                f"{len(view.blocks())} blocks on the day; {len(frames)} painted frames over "
                f"{job.runs} drags of {STEPS} mouse moves "
                "(moves that changed nothing on screen are not frames)"
            ]
        ),
    )
