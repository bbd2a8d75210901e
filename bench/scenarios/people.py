"""The People page with 50,000 people: loading it, and one keystroke in its filter box.

Load: the page's reload (the service reads every registered person and their registration, the
model takes the rows and builds its search keys, the table lays out) up to the table painted.
Filter: a key pressed in the filter box (QLineEdit -> textChanged -> model filter -> reset) up to
the table painted again, for each keystroke of typing a family name and an organisation and
deleting them again; the first letter of a word and each Backspace scan all 50,000 rows, the
letters after the first only narrow what is shown.
"""

from __future__ import annotations

import statistics
import time

from bench.measure import Measured, repeat
from bench.scenarios.qt_setup import PaintCounter, application, context, qt_notes
from bench.worker import WorkerJob

# What staff type: part of a family name, then part of an organisation's name.
TYPED_WORDS = ("иванов", "kaspi")


def _page(job: WorkerJob):  # type: ignore[no-untyped-def]
    app = application(job.workdir / "settings")
    from forumdesk.ui.people_page import PeoplePage

    ctx = context(job.path("people"))
    page = PeoplePage(ctx)
    page.resize(1600, 900)
    page.show()
    app.processEvents()
    counter = PaintCounter()
    page.table.viewport().installEventFilter(counter)
    return app, page, counter


def measure_load(job: WorkerJob) -> Measured:
    app, page, counter = _page(job)

    def action() -> None:
        page.reload()
        app.processEvents()  # the table's layout and paint

    counter.count = 0
    samples = repeat(action, job.runs, job.warmup)
    if counter.count < job.runs:
        raise RuntimeError("the table did not paint after a reload")
    return Measured(samples, notes=qt_notes([f"{page.model.total_count:,} people in the table"]))


def measure_filter(job: WorkerJob) -> Measured:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app, page, counter = _page(job)
    edit = page.filter_edit
    edit.setFocus()

    def key(code: Qt.Key, typed: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                edit, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, typed)
            )

    strokes = [
        stroke
        for word in TYPED_WORDS
        for stroke in [(Qt.Key.Key_A, letter) for letter in word]
        + [(Qt.Key.Key_Backspace, "")] * len(word)
    ]
    samples: list[float] = []
    slowest: list[float] = []
    shown: list[int] = []
    for number in range(job.warmup + job.runs):
        times = []
        for code, typed in strokes:
            counter.count = 0
            start = time.perf_counter()
            key(code, typed)
            app.processEvents()
            times.append(time.perf_counter() - start)
            if counter.count == 0:
                raise RuntimeError("a keystroke did not repaint the table")
            if typed:
                shown.append(page.model.rowCount())
        if edit.text():
            raise RuntimeError(f"the filter box kept «{edit.text()}»")
        if number >= job.warmup:
            samples.extend(times)
            slowest.append(max(times))
    total, worst = page.model.total_count, statistics.median(slowest)
    return Measured(
        samples,
        notes=qt_notes(
            [
                f"{total:,} people; typing «{'», «'.join(TYPED_WORDS)}» and deleting them: "
                f"{len(strokes)} keystrokes a run, "
                f"{max(shown):,} down to {min(shown):,} rows shown",
                f"slowest keystroke of a run (median over runs): {worst * 1000:.1f} ms",
            ]
        ),
        extra={"slowest_keystroke_median": worst},
    )
