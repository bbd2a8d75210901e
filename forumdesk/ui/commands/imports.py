"""An import as one undo step, and putting one that has just been written on the stack."""

from __future__ import annotations

from forumdesk.services import import_undo
from forumdesk.ui.commands.base import busy
from forumdesk.ui.context import (
    ALL_TOPICS,
    ASSIGNMENTS,
    PEOPLE,
    REGISTRATIONS,
    ROOMS,
    SESSIONS,
    TRACKS,
    AppContext,
    ForumdeskCommand,
)


class ImportCommand(ForumdeskCommand):
    """An import, as one undo step. It ran in the wizard's worker before the push (the first
    redo is skipped); undo and redo go through forumdesk.services.import_undo."""

    def __init__(
        self, ctx: AppContext, text: str, changes: import_undo.ImportChanges, kind: str
    ) -> None:
        super().__init__(ctx, text)
        self.topics = (
            frozenset({SESSIONS, ROOMS, TRACKS, ASSIGNMENTS, PEOPLE})
            if kind == "programme"
            else frozenset({PEOPLE, REGISTRATIONS, ASSIGNMENTS, SESSIONS})
        )
        self.changes: import_undo.ImportChanges | None = changes
        self._undone: import_undo.UndoneImport | None = None

    def do(self) -> None:
        assert self._undone is not None
        with busy():  # a large import takes a moment to put back
            self.changes, self._undone = import_undo.redo_import(self.ctx.db, self._undone), None

    def undo_action(self) -> None:
        assert self.changes is not None
        with busy():
            self._undone, self.changes = import_undo.undo_import(self.ctx.db, self.changes), None


def push_import(
    ctx: AppContext, text: str, changes: import_undo.ImportChanges, kind: str
) -> ImportCommand | None:
    """Put an import that has just been written on the undo stack (unless it changed nothing)."""
    if changes.is_empty:
        ctx.notify(ALL_TOPICS)
        return None
    command = ImportCommand(ctx, text, changes, kind)
    command.skip_next_redo = True  # done already, in the worker
    ctx.undo_stack.push(command)
    ctx.notify(command.topics)
    return command
