"""Undo commands for events: editing one, creating one (File > New event…), loading the
demo forum."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forumdesk.core.rows import EventRow
from forumdesk.services import demo, events, import_undo
from forumdesk.ui.commands.base import UpdateCommand, busy, changed_fields
from forumdesk.ui.context import EVENT, EVENTS, SESSIONS, AppContext, ForumdeskCommand


def edit_event(
    ctx: AppContext, event_id: int, changes: Mapping[str, object], version: int
) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        ctx.tr("Edit event: {0}").format(changed_fields(ctx, changes)),
        events.update_event,
        event_id,
        changes,
        frozenset({EVENT, SESSIONS}),
        version,
    )


class CreateEventCommand(ForumdeskCommand):
    """File > New event…: undo takes the new event back (while nothing was added to it), redo
    puts it back under the same id."""

    topics = frozenset({EVENTS})  # the window reloads its events, and with them every view

    def __init__(self, ctx: AppContext, values: Mapping[str, Any]) -> None:
        super().__init__(ctx, ctx.tr("New event {0}").format(values.get("name", "")))
        self._values = dict(values)
        self.created: EventRow | None = None
        self._removed: EventRow | None = None

    def do(self) -> None:
        if self._removed is None:
            self.created = events.create_event(self.ctx.db, **self._values)
        else:
            self.created, self._removed = events.restore_event(self.ctx.db, self._removed), None

    def undo_action(self) -> None:
        assert self.created is not None
        self._removed = events.remove_new_event(self.ctx.db, self.created)


class LoadDemoCommand(ForumdeskCommand):
    """Open the demo forum: undo removes what loading added, redo puts it back under the same
    ids (forumdesk.services.import_undo, as for an import). When the demo is there already,
    loading adds nothing and leaves no step."""

    topics = frozenset({EVENTS})  # the window reloads its events, and with them every view

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(ctx, text)
        self.result: demo.DemoResult | None = None
        self._changes: import_undo.ImportChanges | None = None
        self._undone: import_undo.UndoneImport | None = None

    def do(self) -> None:
        if self._undone is None:
            self.result = demo.load_demo(self.ctx.db, undoable=True)
            self._changes = self.result.changes
            if not self.result.created:
                self.setObsolete(True)  # it was there already: nothing to undo
            return
        with busy():
            self._changes = import_undo.redo_import(self.ctx.db, self._undone, what="demo")
            self._undone = None

    def undo_action(self) -> None:
        assert self._changes is not None
        with busy():
            self._undone = import_undo.undo_import(self.ctx.db, self._changes, what="demo")
            self._changes = None
