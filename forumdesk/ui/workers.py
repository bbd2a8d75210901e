"""Long work (import, export) off the GUI thread, with a progress dialog and Cancel.

A job is a plain function `job(progress) -> result` that calls services (each opens its own
database session in the worker thread) and calls `progress(done, total)`, which returns False
once the user pressed Cancel. Never touch widgets inside a job (Anki's rule for its operations).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from forumdesk.core.errors import CancelledError
from forumdesk.core.progress import WAITING, Progress, waiting_message

Job = Callable[[Progress], Any]


@dataclass(frozen=True, slots=True)
class JobOutcome:
    result: Any = None
    error: BaseException | None = None
    cancelled: bool = False


class _Worker(QObject):
    """Lives in the worker thread; its signals reach the GUI thread through a _Relay."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Job, cancel: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which reports it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()


class _Relay(QObject):
    """Lives in the GUI thread, so the worker's signals arrive queued, never touching widgets
    from the worker thread (a bound method of a GUI-thread object makes the connection queued).
    """

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop, label: str) -> None:
        super().__init__()
        self.dialog, self.loop, self.label = dialog, loop, label
        self.outcome: dict[str, Any] = {}

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if done == WAITING:  # until the next report: another desk is writing (core.progress)
            self.dialog.setLabelText(waiting_message())
            self.dialog.show()  # at once: no progress is reported while the job waits
            return
        if self.dialog.labelText() != self.label:
            self.dialog.setLabelText(self.label)
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot(object)
    def success(self, result: Any) -> None:
        self.outcome["result"] = result
        self.loop.quit()

    @Slot(object)
    def failure(self, error: BaseException) -> None:
        self.outcome["error"] = error
        self.loop.quit()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    job: Job,
    *,
    dialog_created: Callable[[QProgressDialog], None] | None = None,
) -> JobOutcome:
    """Run `job` in a worker thread while a modal progress dialog shows; wait for it.

    Returns the job's result, or its exception, or cancelled=True when the user pressed
    Cancel and the job stopped (a job that ignores Cancel runs to its end).
    """
    dialog = QProgressDialog(label, QProgressDialog.tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish without a flash of a dialog
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    cancel = threading.Event()
    # Cancel is a plain flag set from the GUI thread: the worker thread is busy in the job
    # and would never process a queued slot call.
    dialog.canceled.connect(cancel.set)
    loop = QEventLoop()
    relay = _Relay(dialog, loop, label)
    worker = _Worker(job, cancel)
    thread = QThread()
    worker.moveToThread(thread)
    worker.progressed.connect(relay.progress)
    worker.succeeded.connect(relay.success)
    worker.failed.connect(relay.failure)
    thread.started.connect(worker.run)
    if dialog_created is not None:
        dialog_created(dialog)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    cancelled = cancel.is_set()
    dialog.canceled.disconnect(cancel.set)  # closing the dialog emits canceled too
    dialog.close()
    dialog.deleteLater()
    error = relay.outcome.get("error")
    if cancelled and error is not None and _is_cancellation(error):
        error = None
    return JobOutcome(relay.outcome.get("result"), error, cancelled)


def _is_cancellation(error: BaseException) -> bool:
    return isinstance(error, CancelledError)
