"""File > Open database…: an SQLite file, or a PostgreSQL server (host, port, database, user and
password). The password goes to the system's keyring when the user asks and one is available;
otherwise the dialog says it will be asked for each time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from forumdesk.config import POSTGRES_DEFAULT_PORT, resolve_database_url
from forumdesk.ui.prompts import Prompts


class OpenDatabaseDialog(QDialog):
    """Where the database is; `database_url()` is the answer (with the password typed)."""

    def __init__(
        self,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        keyring_available: bool,
        folder: str = "",
    ) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self._folder = folder
        self.setWindowTitle(self.tr("Open database"))

        self.file_radio = QRadioButton(self.tr("A database &file on this computer (SQLite)"), self)
        self.server_radio = QRadioButton(self.tr("A database &server (PostgreSQL)"), self)
        self.file_radio.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.file_radio)
        kinds.addButton(self.server_radio)

        self.file_group = QGroupBox(self)
        self.file_edit = QLineEdit(self.file_group)
        self.file_edit.setPlaceholderText("forum.sqlite3")
        self.browse_button = QPushButton(self.tr("&Browse…"), self.file_group)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        file_row = QHBoxLayout(self.file_group)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        self.server_group = QGroupBox(self)
        self.host_edit = QLineEdit(self.server_group)
        self.host_edit.setPlaceholderText("forum-server.local")
        self.port_spin = QSpinBox(self.server_group)
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(POSTGRES_DEFAULT_PORT)
        self.database_edit = QLineEdit(self.server_group)
        self.database_edit.setText("forumdesk")
        self.user_edit = QLineEdit(self.server_group)
        self.password_edit = QLineEdit(self.server_group)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(
            self.tr("&Remember the password in this computer's keyring"), self.server_group
        )
        self.keyring_note = QLabel(self.server_group)
        self.keyring_note.setWordWrap(True)
        if keyring_available:
            self.remember_check.setChecked(True)
            self.keyring_note.setText(
                self.tr("The password is kept in the system's keyring, never in a settings file.")
            )
        else:
            self.remember_check.setEnabled(False)
            self.keyring_note.setText(
                self.tr(
                    "This computer has no keyring to keep the password in, so it is not "
                    "stored: forumdesk asks for it each time."
                )
            )
        form = QFormLayout(self.server_group)
        form.addRow(self.tr("&Host:"), self.host_edit)
        form.addRow(self.tr("P&ort:"), self.port_spin)
        form.addRow(self.tr("&Database:"), self.database_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.remember_check)
        form.addRow(self.keyring_note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_radio)
        layout.addWidget(self.file_group)
        layout.addWidget(self.server_radio)
        layout.addWidget(self.server_group)
        layout.addWidget(self.buttons)

        for edit in (self.file_edit, self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(self._update_state)
        self.file_radio.toggled.connect(self._update_state)
        self._update_state()

    @property
    def open_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Open)

    def is_server(self) -> bool:
        return self.server_radio.isChecked()

    def set_server(self, url: URL) -> None:
        """Fill in a server's address (a recent database whose password is not kept)."""
        self.server_radio.setChecked(True)
        self.host_edit.setText(url.host or "")
        self.port_spin.setValue(url.port or POSTGRES_DEFAULT_PORT)
        self.database_edit.setText(url.database or "")
        self.user_edit.setText(url.username or "")
        self.password_edit.setFocus()

    def remember_password(self) -> bool:
        return (
            self.is_server() and self.remember_check.isEnabled() and self.remember_check.isChecked()
        )

    def database_url(self) -> URL:
        """The database chosen, with the password typed (raises ConfigError for a bad path)."""
        if not self.is_server():
            return resolve_database_url(self.file_edit.text().strip())
        return URL.create(
            "postgresql+psycopg",
            username=self.user_edit.text().strip(),
            password=self.password_edit.text() or None,
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            database=self.database_edit.text().strip(),
        )

    def _update_state(self) -> None:
        server = self.is_server()
        self.file_group.setEnabled(not server)
        self.server_group.setEnabled(server)
        if server:
            ready = all(
                edit.text().strip() for edit in (self.host_edit, self.database_edit, self.user_edit)
            )
        else:
            ready = bool(self.file_edit.text().strip())
        self.open_button.setEnabled(ready)

    def _on_browse_button_clicked(self) -> None:
        current = self.file_edit.text().strip()
        folder = str(Path(current).parent) if current else self._folder
        path = self.prompts.open_file(
            self,
            self.tr("Open database file"),
            folder,
            self.tr("forumdesk databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.file_edit.setText(path)
