"""What the GUI scenarios share: an offscreen QApplication with its own settings, a database
opened as the app opens it, and an AppContext showing the database's event.

The only place (with the launcher) where the benchmark imports Qt; these modules run in the
measuring processes, never in the runner.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from forumdesk.config import resolve_database_url
from forumdesk.db.migrate import open_database
from forumdesk.services.events import resolve_event


def _loses_none_references() -> bool:
    """Whether this PySide6 drops a reference to None on each call of a method returning nothing.

    PySide6 6.12.0 does on Python 3.11 (3.12 made None immortal, which hides it): after some
    thousands of such calls None's count reaches zero and the interpreter aborts with "Fatal
    Python error: none_dealloc". Painting a 300-session timetable makes that many calls.
    """
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


NONE_LEAK = _loses_none_references()
NONE_LEAK_NOTE = (
    "this PySide6 loses a reference to None on every call of a method that "
    "returns nothing (Python < 3.12): the measuring process gave None a head start "
    "so that it could finish; forumdesk itself will abort after a while"
)
if NONE_LEAK and sys.version_info < (3, 12):
    # The measurement must outlive the bug (timings are unaffected): raise None's reference
    # count, the first field of every CPython object, far beyond what any run can lose.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def qt_notes(notes: list[str]) -> list[str]:
    """A GUI scenario's notes, with the warning about None references where it applies."""
    return [*notes, NONE_LEAK_NOTE] if NONE_LEAK else notes


def application(settings_folder: Path) -> QApplication:
    app = QApplication.instance() or QApplication(["forumdesk-bench"])
    QCoreApplication.setOrganizationName("forumdesk-bench")
    QCoreApplication.setApplicationName("forumdesk-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_folder))
    assert isinstance(app, QApplication)
    return app


def context(database_path: Path) -> Any:
    """An AppContext on the database, its only event chosen (errors raise, never a dialog)."""
    from forumdesk.ui.context import AppContext
    from forumdesk.ui.prompts import Prompts

    class RaisingPrompts(Prompts):
        def warning(self, parent: object, title: str, text: str) -> None:
            raise RuntimeError(f"{title}: {text}")

    db = open_database(resolve_database_url(str(database_path)))
    ctx = AppContext(db, prompts=RaisingPrompts())
    ctx.set_event(resolve_event(db))
    return ctx


class PaintCounter(QObject):
    """Counts paint events of the widget it watches: proof that a timed step painted."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False
