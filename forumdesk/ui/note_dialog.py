"""A few lines of free text with a question above it, the question wrapped to a sensible width.

QInputDialog.getMultiLineText puts its label on one line: asked why a problem is acceptable,
with the problem's message in the question, the dialog grew 1,749 px wide.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

WIDTH_CHARS = 72  # about as wide as a paragraph reads comfortably


class NoteDialog(QDialog):
    """`label` above a plain text box; OK and Cancel."""

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.label.setBuddy(self.text_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth() * WIDTH_CHARS
        self.label.setMinimumWidth(width)  # a wrapped label's own hint is narrow
        self.text_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.resize(self.sizeHint())
        self.text_edit.setFocus()

    def text(self) -> str:
        return self.text_edit.toPlainText()
