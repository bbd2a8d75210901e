"""Long work runs off the GUI thread; progress is shown; Cancel stops it and nothing is kept."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from forumdesk.core.errors import CancelledError, ValidationError
from forumdesk.core.progress import waiting_message
from forumdesk.db.engine import Database
from forumdesk.services import events, sessions
from forumdesk.services.imports import import_attendees
from forumdesk.services.people import search_people
from forumdesk.ui.workers import run_with_progress
from tests.io.spreadsheets import ATTENDEE_HEADER, ATTENDEES, write_csv


def test_a_job_runs_in_another_thread_and_returns_its_result(qtbot: QtBot, db: Database) -> None:
    event = events.create_event(db, "Forum", "2027-05-12", timezone="Asia/Almaty")
    threads: list[int] = []
    steps: list[tuple[int, int]] = []

    def job(progress):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        for n in range(5):
            sessions.create_session(db, event.id, f"Session {n}")
            assert progress(n + 1, 5)
            steps.append((n + 1, 5))
        return "done"

    outcome = run_with_progress(None, "Work", "Working…", job)
    assert outcome.result == "done" and outcome.error is None and not outcome.cancelled
    assert threads and threads[0] != threading.get_ident()
    assert steps[-1] == (5, 5)
    assert len(sessions.list_sessions(db, event.id)) == 5


def test_cancel_stops_the_job_and_its_unit_of_work_is_rolled_back(
    qtbot: QtBot, db: Database
) -> None:
    event = events.create_event(db, "Forum", "2027-05-12", timezone="Asia/Almaty")
    started = threading.Event()
    release = threading.Event()

    def job(progress):  # type: ignore[no-untyped-def]
        from forumdesk.db.models import ProgramSession

        with db.transaction() as session:  # one unit of work, like an import
            session.add(ProgramSession(event_id=event.id, title="Half-imported"))
            session.flush()
            started.set()
            while progress(1, 10):
                release.wait(0.01)
            raise CancelledError()

    def press_cancel(dialog: QProgressDialog) -> None:
        def when_started() -> None:
            if started.is_set():  # the user presses the dialog's Cancel button
                dialog.findChild(QPushButton).click()
            else:
                QTimer.singleShot(10, when_started)

        QTimer.singleShot(10, when_started)

    outcome = run_with_progress(None, "Import", "Importing…", job, dialog_created=press_cancel)
    assert outcome.cancelled and outcome.error is None and outcome.result is None
    assert sessions.list_sessions(db, event.id) == []


def test_a_failing_job_hands_its_error_back(qtbot: QtBot) -> None:
    def job(progress):  # type: ignore[no-untyped-def]
        raise ValidationError("The file has no header row.")

    outcome = run_with_progress(None, "Import", "Importing…", job)
    assert isinstance(outcome.error, ValidationError)
    assert "header" in str(outcome.error)
    assert not outcome.cancelled


def _attendee_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "list.csv", [ATTENDEE_HEADER, *ATTENDEES])


def test_an_import_waiting_for_another_desk_says_so_then_imports(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path
) -> None:
    """Another connection holds the write lock: the dialog shows that the import waits for
    it; once the lock is free the import writes."""
    path = _attendee_file(tmp_path)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    seen: list[str] = []

    def watch(dialog: QProgressDialog) -> None:
        def when_waiting() -> None:
            if dialog.labelText() == waiting_message() and dialog.isVisible():
                seen.append(dialog.labelText())
                holder.rollback()  # the other desk's import ends
            else:
                QTimer.singleShot(20, when_waiting)

        QTimer.singleShot(20, when_waiting)

    def job(progress):  # type: ignore[no-untyped-def]
        return import_attendees(db, path, progress=progress)

    try:
        outcome = run_with_progress(None, "Import", "Importing…", job, dialog_created=watch)
    finally:
        holder.close()
    assert seen == [waiting_message()]
    assert outcome.error is None and outcome.result.written
    assert len(search_people(db)) == len(ATTENDEES)


def test_cancel_while_waiting_for_the_lock_stops_the_import(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path
) -> None:
    path = _attendee_file(tmp_path)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")

    def press_cancel_when_waiting(dialog: QProgressDialog) -> None:
        def when_waiting() -> None:
            if dialog.labelText() == waiting_message():
                dialog.findChild(QPushButton).click()
            else:
                QTimer.singleShot(20, when_waiting)

        QTimer.singleShot(20, when_waiting)

    def job(progress):  # type: ignore[no-untyped-def]
        return import_attendees(db, path, progress=progress)

    try:
        outcome = run_with_progress(
            None, "Import", "Importing…", job, dialog_created=press_cancel_when_waiting
        )
    finally:
        holder.rollback()
        holder.close()
    assert outcome.cancelled and outcome.error is None
    assert search_people(db) == []
