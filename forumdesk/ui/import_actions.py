"""File > Import attendees… and Import programme…, and the welcome page's import button.

The wizard and the readers behind it (python-calamine, the cleaners, duplicate matching) are
imported when an import is first opened, not at every start of the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton


def open_import_wizard(window: Any, kind: str, path: str | Path | None = None) -> Any:
    """Open the import wizard (forumdesk.ui.import_wizard) over `window`."""
    from forumdesk.ui import import_wizard

    return import_wizard.open_import_wizard(window, kind, path)


def install(window: Any) -> None:
    """File > Import attendees… (Ctrl+I) and Import programme…, and a welcome-page button."""
    window.exec_import_wizard = lambda wizard: wizard.exec()
    attendees = QAction(window.tr("&Import attendees…"), window)
    attendees.setShortcut(QKeySequence("Ctrl+I"))
    attendees.triggered.connect(lambda _checked=False: open_import_wizard(window, "attendees"))
    programme = QAction(window.tr("Import &programme…"), window)
    programme.triggered.connect(lambda _checked=False: open_import_wizard(window, "programme"))
    window.import_attendees_action = attendees
    window.import_programme_action = programme
    window.add_file_group([attendees, programme])
    welcome = getattr(window, "welcome_page", None)
    if welcome is not None and welcome.layout() is not None:
        button = QPushButton(window.tr("Import an attendee list…"), welcome)
        button.setMinimumWidth(260)
        button.clicked.connect(lambda: open_import_wizard(window, "attendees"))
        layout = welcome.layout()
        layout.insertWidget(max(layout.count() - 1, 0), button, 0, Qt.AlignmentFlag.AlignCenter)
        window.import_welcome_button = button
