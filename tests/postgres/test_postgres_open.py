"""The window on a PostgreSQL server: File > Open database… with a password, a wrong password,
the password in the keyring, and the other desks in the status bar."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from forumdesk.db.desks import application_name
from forumdesk.db.engine import Database
from forumdesk.db.passwords import password_key
from forumdesk.services import events
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.open_database_dialog import OpenDatabaseDialog
from tests.keyrings import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401
from tests.ui.conftest import isolated_settings, prompts  # noqa: F401
from tests.ui.prompts import ScriptedPrompts

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Login:
    url: URL  # without the password
    password: str


@pytest.fixture
def password_login(postgres_server: URL) -> Iterator[Login]:
    """A role that must give its password (scram-sha-256), owning a database of its own.

    The suite's server trusts every local login; one line for this role in pg_hba.conf, ahead
    of the others, makes the server ask it for its password.
    """
    name = f"fd_desk_{uuid.uuid4().hex[:8]}"
    password = "correct horse"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        hba = Path(conn.execute(text("SHOW hba_file")).scalar_one())
        try:
            before = hba.read_text(encoding="utf-8")
            hba.write_text(
                f"host all {name} 127.0.0.1/32 scram-sha-256\n" + before, encoding="utf-8"
            )
        except OSError as exc:  # a server of FORUMDESK_TEST_POSTGRES_URL, elsewhere
            admin.dispose()
            pytest.skip(f"cannot make the test server ask for a password: {exc}")
        conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'"))
        conn.execute(text(f"CREATE DATABASE {name} OWNER {name}"))
        conn.execute(text("SELECT pg_reload_conf()"))
    try:
        yield Login(
            URL.create(
                "postgresql+psycopg",
                username=name,
                host=postgres_server.host,
                port=postgres_server.port,
                database=name,
            ),
            password,
        )
    finally:
        hba.write_text(before, encoding="utf-8")
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_reload_conf()"))
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            conn.execute(text(f"DROP ROLE IF EXISTS {name}"))
        admin.dispose()


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    """The windows a test makes; whatever database each ends on is closed afterwards."""
    made: list[MainWindow] = []
    yield made
    for window in made:
        window.db.dispose()


def _window(
    windows: list[MainWindow],
    qtbot: QtBot,
    db: Database,
    prompts: ScriptedPrompts,  # noqa: F811
) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    return window


def _fill_server(qtbot: QtBot, login: Login, password: str, *, remember: bool | None = None):
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, OpenDatabaseDialog)
        qtbot.mouseClick(dialog.server_radio, Qt.MouseButton.LeftButton)
        assert dialog.server_radio.isChecked()
        dialog.host_edit.clear()
        qtbot.keyClicks(dialog.host_edit, login.url.host or "")
        dialog.port_spin.setValue(login.url.port or 5432)
        dialog.database_edit.clear()
        qtbot.keyClicks(dialog.database_edit, login.url.database or "")
        qtbot.keyClicks(dialog.user_edit, login.url.username or "")
        qtbot.keyClicks(dialog.password_edit, password)
        if remember is not None:
            dialog.remember_check.setChecked(remember)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return run


def _open_from_file_menu(window: MainWindow) -> None:
    action = next(a for a in window.file_menu.actions() if a.text() == "&Open database…")
    action.trigger()


def test_opening_a_server_with_the_password_typed_switches_the_window(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    password_login: Login,
    prompts: ScriptedPrompts,  # noqa: F811
    no_keyring: None,  # noqa: F811
) -> None:
    window = _window(windows, qtbot, db, prompts)
    assert window.desks_label.isHidden()  # SQLite: nobody to list
    window.database_actions.exec_dialog = _fill_server(
        qtbot, password_login, password_login.password
    )
    _open_from_file_menu(window)
    assert not prompts.warnings
    login = password_login.url
    assert window.db.url.get_backend_name() == "postgresql"
    assert window.db.url.username == login.username
    assert window.windowTitle() == (
        f"{login.username}@{login.host}:{login.port}/{login.database} — forumdesk"
    )
    assert window.pages.currentWidget() is window.welcome_page  # a new, empty database
    # it works: the demo goes in and shows
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert [e.name for e in events.list_events(window.db)] == [
        "International Anti-Counterfeiting Forum 2021"
    ]
    # remembered without the password; no keyring here, so the password is asked again
    recent = QSettings().value("databases/recent")
    assert password_login.password not in str(recent)
    assert recent[0] == login.render_as_string(hide_password=False)
    assert not window.desks_label.isHidden()


def test_a_wrong_password_is_a_plain_message_and_the_file_stays_open(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    password_login: Login,
    prompts: ScriptedPrompts,  # noqa: F811
    no_keyring: None,  # noqa: F811
) -> None:
    window = _window(windows, qtbot, db, prompts)
    window.database_actions.exec_dialog = _fill_server(qtbot, password_login, "wrong")
    _open_from_file_menu(window)
    assert window.db is db
    assert window.windowTitle() == "forum.sqlite3 — forumdesk"
    [(heading, message)] = prompts.warnings
    assert heading == "Open database"
    assert message.startswith("The database could not be opened; forum.sqlite3 stays open.")
    assert "forumdesk could not connect to the database server" in message
    assert "Check the server's address and port" in message
    assert f'password authentication failed for user "{password_login.url.username}"' in message
    assert "wrong" not in message.replace("went wrong", "")
    assert "Traceback" not in message


def test_a_remembered_password_comes_from_the_keyring(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    db_path: Path,
    password_login: Login,
    prompts: ScriptedPrompts,  # noqa: F811
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    window = _window(windows, qtbot, db, prompts)
    window.database_actions.exec_dialog = _fill_server(
        qtbot, password_login, password_login.password, remember=True
    )
    _open_from_file_menu(window)
    assert window.db.url.get_backend_name() == "postgresql"
    assert list(memory_keyring.secrets.values()) == [password_login.password]
    settings_text = "".join(
        p.read_text(encoding="utf-8") for p in Path(QSettings().fileName()).parent.rglob("*.ini")
    )
    assert password_login.password not in settings_text

    # back to the file, then to the server from Recent databases: no dialog, no password typed
    assert window.database_actions.open_recent(str(db_path))

    def no_dialog(dialog: QDialog) -> int:
        raise AssertionError("the kept password should have been used")

    window.database_actions.exec_dialog = no_dialog
    server = password_login.url.render_as_string(hide_password=False)
    assert window.database_actions.open_recent(server)
    assert window.db.url.username == password_login.url.username

    # without a kept password, Recent asks for it in the dialog, filled in
    memory_keyring.secrets.clear()
    assert window.database_actions.open_recent(str(db_path))
    asked: list[str] = []

    def type_password(dialog: QDialog) -> int:
        assert isinstance(dialog, OpenDatabaseDialog)
        assert dialog.server_radio.isChecked()
        assert dialog.user_edit.text() == password_login.url.username
        asked.append(dialog.database_edit.text())
        qtbot.keyClicks(dialog.password_edit, password_login.password)
        dialog.remember_check.setChecked(False)
        dialog.accept()
        return dialog.result()

    window.database_actions.exec_dialog = type_password
    assert window.database_actions.open_recent(server)
    assert asked == [password_login.url.database]
    assert memory_keyring.secrets == {}  # not remembered when unticked

    # a kept password the server no longer takes: the message, then the dialog to type it again
    assert window.database_actions.open_recent(str(db_path))
    memory_keyring.secrets[("forumdesk", password_key(password_login.url))] = "old one"
    asked.clear()
    prompts.shown.clear()
    assert window.database_actions.open_recent(server)
    assert asked == [password_login.url.database]
    [(_heading, message)] = prompts.warnings
    assert "password authentication failed" in message
    assert window.db.url.get_backend_name() == "postgresql"


def test_the_status_bar_shows_the_other_desks(
    qtbot: QtBot,
    windows: list[MainWindow],
    pg: Database,
    prompts: ScriptedPrompts,  # noqa: F811
) -> None:
    window = _window(windows, qtbot, pg, prompts)
    label = window.desks_label
    assert not label.isHidden()
    assert label.text() == "No other desks"
    assert label.timer.isActive()
    label.timer.setInterval(50)
    other = create_engine(
        pg.url, connect_args={"application_name": application_name("reception-2")}
    )
    stranger = create_engine(pg.url, connect_args={"application_name": "psql"})
    try:
        with other.connect(), stranger.connect():
            qtbot.waitUntil(lambda: label.text() == "Other desks: reception-2", timeout=3000)
            assert label.desks == ["reception-2"]
        other.dispose()  # the desk closes: its pooled connection goes
        qtbot.waitUntil(lambda: label.text() == "No other desks", timeout=3000)
    finally:
        other.dispose()
        stranger.dispose()
    # this desk's own connections are not listed
    with pg.reader() as session:
        name = session.execute(text("SHOW application_name")).scalar_one()
    assert name == application_name()
