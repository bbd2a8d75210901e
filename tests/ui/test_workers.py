"""Long work runs off the GUI thread; progress is shown; Cancel stops it and nothing is kept."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from forumdesk.core.errors import CancelledError, ValidationError
from forumdesk.db.engine import Database
from forumdesk.services import events, sessions
from forumdesk.ui.workers import run_with_progress


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
