"""File > Open database… and Recent databases on SQLite files; the network-share warning."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from forumdesk.config import resolve_database_url
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services import events, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.open_database_dialog import OpenDatabaseDialog
from tests.keyrings import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    """The windows a test makes; whatever database each ends on is closed afterwards."""
    made: list[MainWindow] = []
    yield made
    for window in made:
        window.db.dispose()


def _window(
    windows: list[MainWindow], qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    return window


@pytest.fixture
def second_path(tmp_path: Path) -> Path:
    """A second database file with an event of its own and two sessions."""
    path = tmp_path / "second" / "winter-forum.sqlite3"
    database = open_database(resolve_database_url(str(path)))
    try:
        event = events.create_event(database, "Winter Forum", "2027-02-01", "2027-02-02")
        for title in ("Opening", "Closing"):
            sessions.create_session(database, event.id, title)
    finally:
        database.dispose()
    return path


def _browse_and_open(qtbot: QtBot, prompts: ScriptedPrompts, path: Path) -> Callable:
    """The dialog as a user fills it: Browse… (the prompt answers `path`), then Open."""
    seen: list[OpenDatabaseDialog] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, OpenDatabaseDialog)
        seen.append(dialog)
        assert dialog.file_radio.isChecked()
        prompts.choose_files(path)
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
        assert dialog.file_edit.text() == str(path)
        assert dialog.open_button.isEnabled()
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    run.seen = seen  # type: ignore[attr-defined]
    return run


def _open_from_file_menu(window: MainWindow) -> None:
    action = next(a for a in window.file_menu.actions() if a.text() == "&Open database…")
    action.trigger()


def test_the_title_says_which_database_is_open(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    demo: DemoResult,
    db_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    window = _window(windows, qtbot, db, prompts)
    assert window.windowTitle() == f"{demo.event.name} — {db_path.name} — forumdesk"


def test_opening_a_second_file_switches_the_window_to_it(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    second_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    window = _window(windows, qtbot, db, prompts)
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)  # an undo step
    window.show_page(window.sessions_page)
    assert window.sessions_page.model.rowCount() == 17
    assert window.ctx.undo_stack.count() == 1
    switched: list[Database] = []
    window.database_changed.connect(switched.append)

    window.database_actions.exec_dialog = _browse_and_open(qtbot, prompts, second_path)
    _open_from_file_menu(window)

    assert window.db is window.ctx.db
    assert window.db.url.database == str(second_path)
    assert switched == [window.db]
    assert window.windowTitle() == "Winter Forum — winter-forum.sqlite3 — forumdesk"
    assert window.location_label.text() == f"Database: {second_path}"
    assert window.ctx.undo_stack.count() == 0  # the steps belonged to the other database
    assert [e.name for e in events.list_events(window.db)] == ["Winter Forum"]
    assert window.event_combo.count() == 1
    assert window.current_event is not None and window.current_event.name == "Winter Forum"
    shown = {
        window.sessions_page.proxy.index(r, 4).data()
        for r in range(window.sessions_page.proxy.rowCount())
    }
    assert shown == {"Opening", "Closing"}
    assert window.counts_label.text().startswith("2 sessions")
    assert not prompts.warnings
    # the first file was left as it was, the demo in it
    [demo_event] = events.list_events(db)
    assert len(sessions.list_sessions(db, demo_event.id)) == 17


def test_a_file_that_is_not_a_forumdesk_database_leaves_the_first_open(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    demo: DemoResult,
    tmp_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    window = _window(windows, qtbot, db, prompts)
    title = window.windowTitle()
    broken = tmp_path / "notes.sqlite3"
    broken.write_bytes(b"This is a letter, not a database." * 100)
    window.database_actions.exec_dialog = _browse_and_open(qtbot, prompts, broken)
    _open_from_file_menu(window)
    assert window.db is db
    assert window.windowTitle() == title
    [(heading, message)] = prompts.warnings
    assert heading == "Open database"
    assert message.startswith("The database could not be opened; forum.sqlite3 stays open.")
    assert "is not a forumdesk database, or it is damaged" in message
    assert broken.read_bytes() == b"This is a letter, not a database." * 100
    # the first database still works
    assert window.event_combo.count() == 1
    assert len(events.list_events(window.db)) == 1


def test_a_database_from_a_newer_forumdesk_is_refused_in_plain_words(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    second_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    with closing(sqlite3.connect(second_path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    window = _window(windows, qtbot, db, prompts)
    window.database_actions.exec_dialog = _browse_and_open(qtbot, prompts, second_path)
    _open_from_file_menu(window)
    assert window.db is db
    [(_heading, message)] = prompts.warnings
    assert "made by a newer version of forumdesk" in message


def test_cancelling_the_dialog_changes_nothing(
    qtbot: QtBot, windows: list[MainWindow], db: Database, prompts: ScriptedPrompts
) -> None:
    window = _window(windows, qtbot, db, prompts)
    window.database_actions.exec_dialog = lambda dialog: QDialog.DialogCode.Rejected
    _open_from_file_menu(window)
    assert window.db is db
    assert not prompts.shown


def test_a_new_file_is_created_only_when_the_user_says_so(
    qtbot: QtBot, windows: list[MainWindow], db: Database, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    window = _window(windows, qtbot, db, prompts)
    new = tmp_path / "new-forum.sqlite3"

    def type_path(dialog: QDialog) -> int:
        assert isinstance(dialog, OpenDatabaseDialog)
        qtbot.keyClicks(dialog.file_edit, str(new))
        dialog.accept()
        return dialog.result()

    window.database_actions.exec_dialog = type_path
    prompts.answer_questions(False)
    _open_from_file_menu(window)
    assert window.db is db and not new.exists()
    prompts.answer_questions(True)
    _open_from_file_menu(window)
    assert window.db.url.database == str(new) and new.is_file()
    assert window.pages.currentWidget() is window.welcome_page
    assert window.windowTitle() == "new-forum.sqlite3 — forumdesk"


def _recent_entries(window: MainWindow) -> list[tuple[str, bool]]:
    menu = window.database_actions.recent_menu
    menu.aboutToShow.emit()
    return [(a.text(), a.isEnabled()) for a in menu.actions() if a.data()]


def test_recent_databases_lists_and_reopens(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    demo: DemoResult,
    db_path: Path,
    second_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    window = _window(windows, qtbot, db, prompts)
    assert window.database_actions.recent_menu in [
        a.menu() for a in window.file_menu.actions() if a.menu()
    ]
    assert _recent_entries(window) == [("forum.sqlite3", False)]  # the one open: disabled
    window.database_actions.exec_dialog = _browse_and_open(qtbot, prompts, second_path)
    _open_from_file_menu(window)
    assert _recent_entries(window) == [("winter-forum.sqlite3", False), ("forum.sqlite3", True)]

    back = next(
        a for a in window.database_actions.recent_menu.actions() if a.text() == "forum.sqlite3"
    )
    back.trigger()
    assert window.db.url.database == str(db_path)
    assert window.current_event is not None and window.current_event.name == demo.event.name
    assert _recent_entries(window) == [("forum.sqlite3", False), ("winter-forum.sqlite3", True)]
    assert QSettings().value("databases/recent") == [str(db_path), str(second_path)]


def test_a_recent_file_that_is_gone_is_shown_disabled_and_removed_with_a_message(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    second_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    window = _window(windows, qtbot, db, prompts)
    window.database_actions.remember(resolve_database_url(str(second_path)))
    second_path.rename(second_path.with_name("moved.sqlite3"))
    assert ("winter-forum.sqlite3 (not found)", False) in _recent_entries(window)
    assert not window.database_actions.open_recent(str(second_path))
    [(_heading, message)] = prompts.warnings
    assert f"The database file {second_path} is not there any more" in message
    assert _recent_entries(window) == [("forum.sqlite3", False)]
    assert window.db is db


def test_the_recent_list_keeps_eight(
    qtbot: QtBot, windows: list[MainWindow], db: Database, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    window = _window(windows, qtbot, db, prompts)
    for n in range(12):
        (tmp_path / f"f{n}.sqlite3").write_bytes(b"")
        window.database_actions.remember(resolve_database_url(str(tmp_path / f"f{n}.sqlite3")))
    entries = _recent_entries(window)
    assert [text for text, _enabled in entries] == [f"f{n}.sqlite3" for n in range(11, 3, -1)]
    clear = window.database_actions.recent_menu.actions()[-1]
    assert clear.text() == "&Clear the list"
    clear.trigger()
    assert _recent_entries(window) == [("forum.sqlite3", False)]


def test_a_file_on_a_network_share_is_warned_about_once(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    db_path: Path,
    second_path: Path,
    prompts: ScriptedPrompts,
) -> None:
    window = _window(windows, qtbot, db, prompts)
    qtbot.waitUntil(lambda: window._painted)
    assert not prompts.warnings  # the test's own folder is on a local disk
    actions = window.database_actions
    actions.filesystem_of = lambda path: "nfs4" if path.name == "forum.sqlite3" else None
    assert actions.warn_if_network_share()
    [(heading, message)] = prompts.warnings
    assert heading == "Database on a network share"
    assert f"{db_path} is on a network share (nfs4)" in message
    assert "PostgreSQL" in message
    assert not actions.warn_if_network_share()  # once per file, remembered
    window.database_actions.exec_dialog = _browse_and_open(qtbot, prompts, second_path)
    _open_from_file_menu(window)  # a local file: no warning
    assert len(prompts.warnings) == 1
    actions.filesystem_of = lambda path: "cifs"
    window.database_actions.open_recent(str(db_path))  # the first again: warned already
    assert len(prompts.warnings) == 1
    window.database_actions.open_recent(str(second_path))
    assert len(prompts.warnings) == 2
    assert "(cifs)" in prompts.warnings[1][1]


def test_the_network_share_warning_comes_at_start_after_the_first_paint(
    qtbot: QtBot,
    windows: list[MainWindow],
    db: Database,
    db_path: Path,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        "forumdesk.ui.database_actions.network_filesystem", lambda path: "fuse.sshfs"
    )
    _window(windows, qtbot, db, prompts)
    qtbot.waitUntil(lambda: bool(prompts.warnings))
    assert "(fuse.sshfs)" in prompts.warnings[0][1]


def test_the_dialog_says_the_password_is_asked_each_time_without_a_keyring(
    qtbot: QtBot,
    windows: list[MainWindow],
    prompts: ScriptedPrompts,
    no_keyring: None,  # noqa: F811
) -> None:
    from forumdesk.db.passwords import keyring_available

    dialog = OpenDatabaseDialog(prompts, keyring_available=keyring_available())
    qtbot.addWidget(dialog)
    dialog.server_radio.setChecked(True)
    assert not dialog.remember_check.isEnabled()
    assert "asks for it each time" in dialog.keyring_note.text()
    assert not dialog.remember_password()
    assert not dialog.open_button.isEnabled()
    qtbot.keyClicks(dialog.host_edit, "fs1")
    qtbot.keyClicks(dialog.user_edit, "anna")
    qtbot.keyClicks(dialog.password_edit, "s3cret")
    assert dialog.open_button.isEnabled()
    url = dialog.database_url()
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "fs1",
        5432,
        "forumdesk",
        "anna",
        "s3cret",
    )


def test_the_dialog_offers_the_keyring_where_there_is_one(
    qtbot: QtBot,
    windows: list[MainWindow],
    prompts: ScriptedPrompts,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    from forumdesk.db.passwords import keyring_available

    dialog = OpenDatabaseDialog(prompts, keyring_available=keyring_available())
    qtbot.addWidget(dialog)
    dialog.server_radio.setChecked(True)
    assert dialog.remember_check.isEnabled() and dialog.remember_check.isChecked()
    assert dialog.remember_password()
    assert "never in a settings file" in dialog.keyring_note.text()
    dialog.file_radio.setChecked(True)
    assert not dialog.remember_password()  # a file has no password


def test_the_window_starts_without_importing_keyring(db_path: Path) -> None:
    """keyring (and its backends' probing) loads only when the Open database dialog needs it."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from forumdesk.config import resolve_database_url\n"
        "from forumdesk.db.migrate import open_database\n"
        "from forumdesk.ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"db = open_database(resolve_database_url({str(db_path)!r}))\n"
        "window = MainWindow(db)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print('keyring' in sys.modules, window.database_actions.open_action.text())\n"
        "db.dispose()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False &Open database…"


def test_the_desks_label_says_unknown_while_the_server_does_not_answer(qtbot: QtBot) -> None:
    pytest.importorskip("psycopg")
    from sqlalchemy.engine import URL

    from forumdesk.db.engine import create_database_engine
    from forumdesk.ui.context import AppContext
    from forumdesk.ui.desks_label import REFRESH_MS, RETRY_MS, DesksLabel

    nowhere = URL.create(
        "postgresql+psycopg", username="anna", host="127.0.0.1", port=1, database="forum"
    )
    database = Database(create_database_engine(nowhere))
    try:
        label = DesksLabel(AppContext(database))
        qtbot.addWidget(label)
        assert label.text() == "Other desks: unknown"
        assert label.toolTip() == "The database server does not answer."
        assert label.timer.isActive() and label.timer.interval() == RETRY_MS
        label.timer.stop()
    finally:
        database.dispose()
    assert REFRESH_MS < RETRY_MS
