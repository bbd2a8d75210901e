"""Choose a session and a role for the people selected in the People table.

The session list filters as the user types (code, title, room, track, moderators; Cyrillic and
ё/е folded like everywhere else). On OK the choice goes to `submit`, which runs the undo command;
when the service refuses (someone is already in that session) the dialog stays open so another
session can be picked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.rows import SessionRow
from forumdesk.core.text import fold, search_words
from forumdesk.core.transliteration import latin_folded
from forumdesk.ui.people_table_model import vocabulary_label

SubmitAssignment = Callable[[int, Role], bool]
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def session_when(row: SessionRow) -> str:
    """Day and time as a list shows them: "25.11 13:00–14:30", empty while unscheduled."""
    if row.starts_at and row.ends_at:
        return f"{row.starts_at:%d.%m %H:%M}–{row.ends_at:%H:%M}"
    return ""


class AssignToSessionDialog(QDialog):
    """Pick one of the event's sessions and a role for `people_count` selected people."""

    def __init__(
        self,
        sessions: Sequence[SessionRow],
        people_count: int,
        *,
        preselect: int | None = None,
        role: Role = Role.PARTICIPANT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.submit: SubmitAssignment | None = None
        # the singular spelled out: "one person" reads better than "1 people" in any language
        self.setWindowTitle(
            self.tr("Assign one person to a session")
            if people_count == 1
            else self.tr("Assign %n people to a session", "", people_count)
        )
        self.setMinimumSize(560, 420)
        self.resize(860, 480)  # titles run long: most read whole on a 1366-pixel screen

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by code, title, room, moderator…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)
        self.session_list = QTreeWidget(self)
        self.session_list.setRootIsDecorated(False)
        self.session_list.setUniformRowHeights(True)
        self.session_list.setAlternatingRowColors(True)
        self.session_list.setHeaderLabels(
            [self.tr("Code"), self.tr("Session"), self.tr("When"), self.tr("Room")]
        )
        self._keys: list[str] = []
        self._latin_keys: list[str] | None = None  # made on the first keystroke
        for row in sessions:
            if row.kind == SessionKind.BREAK:  # nobody speaks at lunch
                continue
            item = QTreeWidgetItem(
                self.session_list,
                [row.code or "", row.title, session_when(row), row.room_name or ""],
            )
            item.setData(0, SESSION_ID_ROLE, row.id)
            item.setToolTip(1, row.description or row.title)
            self._keys.append(
                fold(
                    " ".join(
                        p
                        for p in (
                            row.code,
                            row.title,
                            row.room_name,
                            row.track_name,
                            *row.moderators,
                        )
                        if p
                    )
                )
            )
        header = self.session_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # titles run long
        self.role_combo = QComboBox(self)
        for member in Role:
            self.role_combo.addItem(vocabulary_label(member), member.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))
        self.empty_label = QLabel(self.tr("No session matches the filter."), self)
        self.empty_label.setVisible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button.setText(self.tr("Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        role_label = QLabel(self.tr("&Role:"), self)
        role_label.setBuddy(self.role_combo)
        form.addRow(role_label, self.role_combo)
        sessions_label = QLabel(self.tr("&Session:"), self)
        sessions_label.setBuddy(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(sessions_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.session_list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.session_list.currentItemChanged.connect(self._on_session_list_current_changed)
        self.session_list.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        if preselect is not None:
            self.select_session(preselect)
        self._on_session_list_current_changed()
        self.filter_edit.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def session_id(self) -> int | None:
        item = self.session_list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(0, SESSION_ID_ROLE))

    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    def select_session(self, session_id: int) -> bool:
        for item in self._items():
            if item.data(0, SESSION_ID_ROLE) == session_id and not item.isHidden():
                self.session_list.setCurrentItem(item)
                return True
        return False

    def visible_session_ids(self) -> list[int]:
        return [int(item.data(0, SESSION_ID_ROLE)) for item in self._items() if not item.isHidden()]

    def _items(self) -> list[QTreeWidgetItem]:
        root = self.session_list.invisibleRootItem()
        return [root.child(n) for n in range(root.childCount())]

    def accept(self) -> None:
        session_id = self.session_id()
        if session_id is None:
            return
        if self.submit is not None and not self.submit(session_id, self.role()):
            return
        super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the filter box walk the list, so the keyboard never has to leave it.
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    def _step(self, direction: int) -> None:
        items = self._items()
        rows = [n for n, item in enumerate(items) if not item.isHidden()]
        if not rows:
            return
        current = self.session_list.indexOfTopLevelItem(self.session_list.currentItem())
        later = [n for n in rows if (n - current) * direction > 0]
        target = (
            (later[0] if direction > 0 else later[-1])
            if later
            else (rows[0] if current not in rows else current)
        )
        self.session_list.setCurrentItem(items[target])

    def _on_filter_edit_text_changed(self, filter_text: str) -> None:
        # in Latin letters on both sides: "kuznetsov" finds «Кузнецов», «Смит» finds "Smith"
        words = search_words(filter_text)
        if self._latin_keys is None:
            self._latin_keys = [f"{key} {latin_folded(key)}" for key in self._keys]
        first_visible = None
        for item, key in zip(self._items(), self._latin_keys, strict=True):
            hidden = not all(word in key for word in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.session_list.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self.session_list.setCurrentItem(first_visible)
        self.empty_label.setVisible(first_visible is None)
        self._on_session_list_current_changed()

    def _on_session_list_current_changed(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.session_id() is not None)
