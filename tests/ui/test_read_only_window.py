"""The window on a read-only database says so before an edit fails, and refuses edits in
words; an empty file is made a database only when the user says so (issue 13, items 1, 7).

The file is made read-only with its mode; as root, the test's thread sets aside the
capabilities that override file modes while the database is opened (tests/faults/processes.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from forumdesk.config import resolve_database_url
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services import events
from forumdesk.services.demo import load_demo
from forumdesk.ui.event_dialog import NewEventDialog
from forumdesk.ui.main_window import MainWindow
from tests.faults.processes import held_to_file_modes, names
from tests.ui.prompts import ScriptedPrompts


def _read_only_forum(folder: Path) -> Database:
    path = folder / "forum.sqlite3"
    database = open_database(resolve_database_url(str(path)))
    load_demo(database)
    database.dispose()
    path.chmod(0o444)
    with held_to_file_modes():
        return open_database(resolve_database_url(str(path)))


def test_the_window_says_read_only_in_its_title_and_status_bar(
    qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    folder = tmp_path / "forum"
    folder.mkdir()
    db = _read_only_forum(folder)
    assert db.read_only
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert "Anti-Counterfeiting" in window.windowTitle()
    assert "forum.sqlite3 (read-only)" in window.windowTitle()
    assert window.read_only_label.isVisible()
    assert window.read_only_label.text() == "Read-only: changes cannot be saved"
    assert window.statusBar().isAncestorOf(window.read_only_label)
    assert prompts.warnings == []  # said before any edit, not as a failure

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewEventDialog)
        dialog.name_edit.setText("Forum 2027")
        dialog.first_day_edit.setDate(QDate(2027, 5, 12))
        dialog.last_day_edit.setDate(QDate(2027, 5, 13))
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.new_event_action.trigger()

    [(_title, text)] = prompts.warnings
    assert "open read-only" in text and "nothing can be changed" in text
    assert [e.name for e in events.list_events(db)] == [
        "International Anti-Counterfeiting Forum 2021"
    ]
    window.close()
    window.db.dispose()
    assert names(folder) == ["forum.sqlite3"]  # no -wal/-shm left with mode 0444


def test_a_writable_database_shows_no_read_only_mark(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    assert "read-only" not in window.windowTitle()
    assert not window.read_only_label.isVisible()


def test_an_empty_file_is_made_a_database_only_when_the_user_says_so(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    empty = tmp_path / "new.sqlite3"
    empty.touch()
    url = resolve_database_url(str(empty))

    prompts.answer_questions(False)
    assert not window.database_actions.open_url(url)
    assert "is empty (0 bytes)" in prompts.questions[-1]
    assert "Create a new, empty forumdesk database in it?" in prompts.questions[-1]
    assert empty.read_bytes() == b"" and window.db is db

    prompts.answer_questions(True)
    assert window.database_actions.open_url(url)
    assert window.db.location == str(empty) and not window.db.read_only
    assert empty.stat().st_size > 0
    assert events.list_events(window.db) == []
    window.db.dispose()
