"""What the undo commands share: the versions this desk's own steps moved each record
through (so an undo or redo is based on what this desk left, and refused when another desk
wrote since), UpdateCommand for the edit of one record's fields, the History's names of
those fields, and the wait cursor."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forumdesk.ui.context import AppContext, ForumdeskCommand

Updater = Callable[..., dict[str, object]]

# Per window: for each record (its updater and id), the versions this desk's own undoable
# changes moved it through (from -> to). An undo or redo is based on the version its own last
# action left, followed along this desk's later steps on the record (undone before it, as the
# stack unwinds); a version another desk wrote breaks the chain, and the write is refused.
_OwnSteps = dict[tuple[object, int], dict[int, int]]
_own_steps: weakref.WeakKeyDictionary[AppContext, _OwnSteps] = weakref.WeakKeyDictionary()


def own_steps(ctx: AppContext, key: tuple[object, int]) -> dict[int, int]:
    """This window's steps on one record (from version -> to version), to read and to add to."""
    return _own_steps.setdefault(ctx, {}).setdefault(key, {})


def latest_own(steps: Mapping[int, int], version: int) -> int:
    """The version this desk's own later steps took the record to, starting from `version`."""
    while version in steps:
        version = steps[version]
    return version


# QUndoCommand.id() of a room or track just added: its first rename (the name typed into the
# table at once, over the placeholder) merges into it, one History entry under the real name.
NAMING_ID = 1401


class UpdateCommand(ForumdeskCommand):
    """Change fields of one record through an update_* service that returns previous values.

    Every call states the version it is based on: the first, the one the user saw; undo and
    redo, the one this command's last call left (as this desk's later steps moved it on), so
    that an undo of a record another desk changed since is refused instead of forced.
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        update: Updater,
        record_id: int,
        changes: Mapping[str, object],
        topics: frozenset[str],
        expected_version: int,
    ) -> None:
        super().__init__(ctx, text)
        self.topics = topics
        self._update, self._id, self._changes = update, record_id, dict(changes)
        self.update, self.record_id, self.changes = update, record_id, self._changes
        self._version = expected_version  # what the next call is based on
        self._previous: dict[str, object] = {}

    def id(self) -> int:
        # a rename may be the naming of a room or track just added (_AddVenueCommand)
        return NAMING_ID if set(self._changes) == {"name"} else -1

    def do(self) -> None:
        self._previous = self._call(self._changes)

    def undo_action(self) -> None:
        self._call(self._previous)

    def _call(self, changes: Mapping[str, object]) -> dict[str, object]:
        steps = own_steps(self.ctx, (self._update, self._id))
        version = latest_own(steps, self._version)
        previous = self._update(self.ctx.db, self._id, changes, expected_version=version)
        if previous:  # the row was written: its version moved by one
            steps[version] = version + 1
            self._version = version + 1
        else:
            self._version = version
        return previous


def _field_labels(ctx: AppContext) -> dict[str, str]:
    """The names of the fields an edit changed, as the History lists them."""
    return {
        "name": ctx.tr("name"),
        "capacity": ctx.tr("seats"),
        "notes": ctx.tr("notes"),
        "color": ctx.tr("colour"),
        "city": ctx.tr("city"),
        "venue": ctx.tr("venue"),
        "first_day": ctx.tr("first day"),
        "last_day": ctx.tr("last day"),
        "timezone": ctx.tr("time zone"),
        "organizers": ctx.tr("organisers"),
        "description": ctx.tr("description"),
        "changeover_minutes": ctx.tr("changeover time"),
        "one_sector_warning": ctx.tr("one-sector panel warning"),
    }


def changed_fields(ctx: AppContext, changes: Mapping[str, object]) -> str:
    labels = _field_labels(ctx)
    return ", ".join(labels.get(field, field.replace("_", " ")) for field in changes)


def session_bases(ctx: AppContext, versions: Mapping[int, int | None]) -> dict[int, int]:
    """What a write of these sessions is based on: each known version, followed along this
    desk's own later steps on the session."""
    return {
        session_id: latest_own(own_steps(ctx, ("session", session_id)), version)
        for session_id, version in versions.items()
        if version is not None
    }


def session_steps(ctx: AppContext, bases: Mapping[int, int], left: Mapping[int, int]) -> None:
    """Remember the versions this desk's write took the sessions from and to."""
    for session_id, version in left.items():
        base = bases.get(session_id)
        if base is not None and version != base:
            own_steps(ctx, ("session", session_id))[base] = version


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while the window cannot answer (the change runs on the GUI thread)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
