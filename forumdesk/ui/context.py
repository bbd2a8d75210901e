"""What every view needs, passed around instead of globals (git-cola's context object).

The context holds the database, the undo stack, the current event and the prompts (the one seam
for file dialogs and message boxes, forumdesk.ui.prompts), runs undo commands and tells the
views what changed so they reload their plain rows. One user action is one command, and a
command's do() and undo_action() are one service call each: one transaction, all of it or
nothing, so there is never a half-done action to compensate for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTime, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from forumdesk.core.errors import ConcurrentEditError, ForumdeskError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.ui.i18n import capitalized
from forumdesk.ui.prompts import Prompts

if TYPE_CHECKING:
    from forumdesk.db.changes import ChangeSet

# What a change touched; views reload only what they show.
EVENT, ROOMS, TRACKS, SESSIONS, PEOPLE, ASSIGNMENTS, REGISTRATIONS = (
    "event",
    "rooms",
    "tracks",
    "sessions",
    "people",
    "assignments",
    "registrations",
)
ALL_TOPICS = frozenset({EVENT, ROOMS, TRACKS, SESSIONS, PEOPLE, ASSIGNMENTS, REGISTRATIONS})
# Events were added or removed (creating one, the demo, and their undo). The window reloads its
# list of events and shows one that exists, which reloads every view (event_changed); views
# must not read the current event on this topic alone: it may be the one just removed.
EVENTS = "events"
# Arrivals marked at the door (the Check-in page's counts follow them).
CHECK_INS = "check_ins"
# A version of the programme was published (the Changes dock lists them), and the change
# journal grew (what changed since a version). Other desks' commits only: this desk's publish
# reloads the dock itself, and its edits come with the topics of what they changed.
VERSIONS = "versions"
JOURNAL = "journal"


class AppContext(QObject):
    """The database, the undo stack, the current event and the prompts, shared by every view."""

    data_changed = Signal(frozenset)  # topics
    event_changed = Signal(object)  # EventRow | None
    session_selected = Signal(object)  # session id | None

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        # not `event`: that name is QObject.event(), which Qt calls for every event it delivers
        self.current_event: EventRow | None = None
        self.window: QWidget | None = None  # the parent of the prompts' dialogs
        self.prompts = prompts if prompts is not None else Prompts()
        # While views reload for another desk's commit: which records it changed, so that a
        # view that can patch single rows (the People page) need not reload them all.
        self.remote_changes: ChangeSet | None = None

    # --- the current event ----------------------------------------------------------------

    @property
    def event_id(self) -> int | None:
        return self.current_event.id if self.current_event else None

    def set_event(self, event: EventRow | None) -> None:
        self.current_event = event
        self.event_changed.emit(event)

    # --- running commands -----------------------------------------------------------------

    def run(self, command: ForumdeskCommand) -> bool:
        """Do `command` now and, if the service accepted it, put it on the undo stack.

        A command that found nothing to change marks itself obsolete in do(): it leaves no step.
        """
        try:
            command.do()
        except ForumdeskError as exc:
            if isinstance(exc, ConcurrentEditError):
                # the views show the record as it is now, so the edit can be made again on it
                self.notify(command.topics)
            self.report_error(command.actionText(), exc)
            return False
        if command.isObsolete():
            return True
        command.skip_next_redo = True
        topics = command.topics  # a command merged into the one before is gone after the push
        self.undo_stack.push(command)
        self.notify(topics)
        return True

    def notify(self, topics: Iterable[str]) -> None:
        self.data_changed.emit(frozenset(topics))

    def notify_remote(self, changes: ChangeSet, topics: Iterable[str]) -> None:
        """Tell the views what another desk committed; `remote_changes` says which records."""
        self.remote_changes = changes
        try:
            self.notify(topics)
        finally:
            self.remote_changes = None

    def report_error(self, title: str, error: ForumdeskError | str) -> None:
        self.prompts.warning(self.window, capitalized(title) or "forumdesk", str(error))


class ForumdeskCommand(QUndoCommand):
    """An undoable user action: `do()` and `undo_action()` each call one service function.

    The first `do()` happens in AppContext.run before the push, so a refused action never
    reaches the stack; QUndoStack's redo() after that repeats it.
    """

    topics: frozenset[str] = ALL_TOPICS

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.skip_next_redo = False
        self.done_at = dt.datetime.now()  # made just before it is done (AppContext.run)
        self.label = ""
        self.set_label(text)

    def set_label(self, label: str) -> None:
        """Say what the command changed. The History shows it after the time it was done
        ("14:02 Move S3 to Hall B"); Undo and Redo in the Edit menu and error titles without
        the time (QUndoCommand's text before a newline is text(), after it actionText())."""
        self.label = label
        at = QTime(self.done_at.hour, self.done_at.minute)
        time = QLocale().toString(at, QLocale.FormatType.ShortFormat)
        self.setText(f"{time} {capitalized(label)}\n{label}")

    def do(self) -> None:
        raise NotImplementedError

    def undo_action(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.skip_next_redo:  # the push's own redo(): already done in AppContext.run
            self.skip_next_redo = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.undo_action)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except ForumdeskError as exc:
            # The world changed under the command (another workstation, a deleted record):
            # drop it from the stack rather than leave an undo that cannot work.
            self.setObsolete(True)
            self.ctx.report_error(self.actionText(), exc)
        self.ctx.notify(self.topics)
