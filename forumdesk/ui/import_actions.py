"""File > Import attendees… and Import programme…, and the welcome page's import button.

The wizard and the readers behind it (python-calamine, the cleaners, duplicate matching) are
imported when an import is first opened, not at every start of the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton


def open_import_wizard(window: Any, kind: str, path: str | Path | None = None) -> Any:
    """Open the import wizard (forumdesk.ui.import_wizard) over `window`."""
    from forumdesk.ui import import_wizard

    return import_wizard.open_import_wizard(window, kind, path)


def _file_menu(window: QMainWindow) -> QMenu | None:
    for action in window.menuBar().actions():
        found = action.menu()
        if isinstance(found, QMenu) and action.text().replace("&", "") in (
                window.tr("&File").replace("&", ""), "File"):
            return found
    first = window.menuBar().actions()
    menu = first[0].menu() if first else None
    return menu if isinstance(menu, QMenu) else None


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
    menu = _file_menu(window)
    if menu is not None:
        actions = menu.actions()
        # before the separator above Quit
        anchor = next((a for a in reversed(actions) if a.isSeparator()), None)
        menu.insertActions(anchor, [attendees, programme])  # type: ignore[arg-type]
        menu.insertSeparator(anchor)  # type: ignore[arg-type]
    welcome = getattr(window, "welcome_page", None)
    if welcome is not None and welcome.layout() is not None:
        button = QPushButton(window.tr("Import an attendee list…"), welcome)
        button.setMinimumWidth(260)
        button.clicked.connect(lambda: open_import_wizard(window, "attendees"))
        layout = welcome.layout()
        layout.insertWidget(max(layout.count() - 1, 0), button, 0,
                            Qt.AlignmentFlag.AlignCenter)
        window.import_welcome_button = button
