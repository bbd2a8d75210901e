"""Bench-only launcher: open a window offscreen, report when it is first painted, and exit.

    python -m bench.launch_window forumdesk DB    forumdesk's own start (the same code path as
                                                  `python -m forumdesk --db DB`)
    python -m bench.launch_window bare            an empty QMainWindow: the baseline

The parent puts its time.perf_counter() into BENCH_T0 just before starting this process (the
clock is the system's monotonic clock, shared by processes), so the figure printed runs from
process start to the end of the first paint of the main window: interpreter start, imports,
opening the database, building the window and painting it. The process then ends at once with
os._exit, because closing down is not part of starting up.

Prints one JSON line: {"painted": seconds, "peak_memory_mb": ..., "title": window title}.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str]) -> None:
    started = float(os.environ.get("BENCH_T0", time.perf_counter()))
    mode = argv[0] if argv else "bare"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paint = QEvent.Type.Paint

    class FirstPaint(QObject):
        """Notices the first paint of anything inside a main window."""

        def __init__(self) -> None:
            super().__init__()
            self.window: QMainWindow | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.window is None and event.type() == paint and isinstance(watched, QWidget):
                top = watched.window()
                if isinstance(top, QMainWindow):
                    self.window = top
                    # the rest of this paint pass runs before the timer fires
                    QTimer.singleShot(0, report)
            return False

    def report() -> None:
        painted = time.perf_counter() - started
        from bench.measure import peak_rss_mb

        title = watcher.window.windowTitle() if watcher.window is not None else ""
        print(
            json.dumps(
                {"painted": painted, "peak_memory_mb": peak_rss_mb(), "title": title},
                ensure_ascii=False,
            ),
            flush=True,
        )
        os._exit(0)

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    if mode == "forumdesk":
        from forumdesk.cli import main as forumdesk_main

        forumdesk_main(["--db", argv[1]])
    else:
        window = QMainWindow()
        window.resize(1280, 800)
        window.setWindowTitle("bare")
        window.show()
        app.exec()
    print(json.dumps({"error": "the window closed before it was painted"}), flush=True)
    os._exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
