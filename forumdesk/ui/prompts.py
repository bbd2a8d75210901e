"""The window's questions to the user: file choosers, message boxes, yes/no questions, notes.

Every prompt goes through one `Prompts` object that the AppContext holds (git-cola's
cola/interaction.py is the model): widgets ask `ctx.prompts`, never QFileDialog, QMessageBox or
QInputDialog themselves, so a test hands the window a scripted subclass that records what was
asked and gives prepared answers (tests/ui/prompts.py), instead of patching Qt.

Dialogs of forumdesk's own (the session editor, the export and import dialogs) are not prompts:
tests build and drive them as widgets.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from forumdesk.ui.note_dialog import NoteDialog


class Prompts:
    """The standard dialogs, modal over `parent`; each method returns the user's answer."""

    def open_file(
        self, parent: QWidget | None, title: str, folder: str, file_filter: str
    ) -> str | None:
        """A file to read, or None when cancelled."""
        path, _selected = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
        return path or None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str, file_filter: str
    ) -> str | None:
        """A file to write (the dialog asks before replacing one), or None when cancelled."""
        path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return path or None

    def question(
        self, parent: QWidget | None, title: str, text: str, *, default: bool = False
    ) -> bool:
        """Yes or No; `default` is the answer Enter gives."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            parent,
            title,
            text,
            buttons,
            QMessageBox.StandardButton.Yes if default else QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def note(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A few lines of free text, or None when cancelled."""
        dialog = NoteDialog(parent, title, label)
        try:
            return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def line(self, parent: QWidget | None, title: str, label: str, initial: str) -> str | None:
        """One line of text, starting from `initial`, or None when cancelled."""
        text, ok = QInputDialog.getText(parent, title, label, text=initial)
        return text if ok else None

    def color(self, parent: QWidget | None, title: str, initial: QColor) -> QColor | None:
        """A colour, or None when cancelled."""
        chosen = QColorDialog.getColor(initial, parent, title)
        return chosen if chosen.isValid() else None

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        """A refusal or a failure the user can act on (the action changed nothing)."""
        QMessageBox.warning(parent, title, text)

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        """Something went wrong inside forumdesk, or it cannot start."""
        QMessageBox.critical(parent, title, text)

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)
