"""File > Import attendees… and Import programme…, and the welcome page's import button.

The wizard and the readers behind it (python-calamine, the cleaners, duplicate matching) are
imported when an import is first opened, not at every start of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from forumdesk.ui.context import AppContext

if TYPE_CHECKING:
    from forumdesk.ui.import_wizard import ImportWizard


class ImportActions(QObject):
    """The import actions of one window. `exec_wizard` (how a wizard is shown: modal) is the
    seam tests replace to drive the wizard page by page."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.window = ctx, parent
        self.exec_wizard: Callable[[ImportWizard], object] = lambda wizard: wizard.exec()
        self.wizard: ImportWizard | None = None  # the last one opened
        self.import_attendees_action = QAction(self.tr("&Import attendees…"), parent)
        self.import_attendees_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_attendees_action.triggered.connect(
            lambda _checked=False: self.open_wizard("attendees")
        )
        self.import_programme_action = QAction(self.tr("Import &programme…"), parent)
        self.import_programme_action.triggered.connect(
            lambda _checked=False: self.open_wizard("programme")
        )
        # the File menu's group, in its order
        self.menu_actions = [self.import_attendees_action, self.import_programme_action]

    def welcome_button(self, parent: QWidget) -> QPushButton:
        """The welcome page's "Import an attendee list…" button."""
        button = QPushButton(self.tr("Import an attendee list…"), parent)
        button.clicked.connect(lambda _checked=False: self.open_wizard("attendees"))
        return button

    def open_wizard(self, kind: str, path: str | Path | None = None) -> ImportWizard:
        """Open the import wizard for `kind` ("attendees" or "programme") over the window."""
        from forumdesk.ui.import_wizard import ImportWizard

        self.wizard = ImportWizard(self.ctx, kind, self.window, path=path)
        self.exec_wizard(self.wizard)
        return self.wizard
