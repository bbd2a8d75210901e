"""Undo commands for sessions as records: create, duplicate, save from the editor, cancel,
delete."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from forumdesk.core.rows import SessionRow, SessionSnapshot
from forumdesk.services import session_editing, sessions
from forumdesk.services.session_editing import SessionPerson
from forumdesk.ui.commands.base import UpdateCommand, session_bases, session_steps
from forumdesk.ui.context import ASSIGNMENTS, SESSIONS, AppContext, ForumdeskCommand


def cancel_session(ctx: AppContext, row: SessionRow, cancelled: bool) -> UpdateCommand:
    """Cancel a session (it stays in the programme, struck through) or reinstate it."""
    text = ctx.tr("Cancel {0}") if cancelled else ctx.tr("Reinstate {0}")
    return UpdateCommand(
        ctx,
        text.format(row.label),
        sessions.update_session,
        row.id,
        {"cancelled": cancelled},
        frozenset({SESSIONS}),
        row.version,
    )


class CreateSessionCommand(ForumdeskCommand):
    """A new session with its people, in one service call; undo deletes it (people and all)."""

    topics = frozenset({SESSIONS, ASSIGNMENTS})

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        fields: Mapping[str, Any],
        people: Sequence[SessionPerson] = (),
    ) -> None:
        super().__init__(ctx, ctx.tr("New session {0}").format(fields.get("title", "")))
        self._event_id, self._fields, self._people = event_id, dict(fields), tuple(people)
        self._snapshot: SessionSnapshot | None = None
        self.created: SessionRow | None = None

    def do(self) -> None:
        if self._snapshot is None:
            self.created = session_editing.add_session(
                self.ctx.db, self._event_id, self._fields, self._people
            )
        else:  # redo after undo: the same session, same id, same people
            self.created = sessions.restore_session(self.ctx.db, self._snapshot)
            before = {self.created.id: self._snapshot.session.version}
            session_steps(self.ctx, before, {self.created.id: self.created.version})

    def undo_action(self) -> None:
        """Delete the session only as this desk left it (as created, or as this desk's own
        later steps, undone before this one, left it): one another desk changed is kept."""
        assert self.created is not None
        bases = session_bases(self.ctx, {self.created.id: self.created.version})
        self._snapshot = sessions.delete_session(
            self.ctx.db, self.created.id, expected_version=bases[self.created.id]
        )


class DuplicateSessionsCommand(ForumdeskCommand):
    """Copies of sessions with their people (Ctrl+D); undo deletes the copies, redo puts the
    same copies back (same ids)."""

    topics = frozenset({SESSIONS, ASSIGNMENTS})

    def __init__(self, ctx: AppContext, text: str, session_ids: Sequence[int]) -> None:
        super().__init__(ctx, text)
        self._ids = list(session_ids)
        self._snapshots: list[SessionSnapshot] = []
        self.created: list[SessionRow] = []

    def do(self) -> None:
        if not self._snapshots:
            self.created = sessions.duplicate_sessions(self.ctx.db, self._ids)
        else:
            self.created = sessions.restore_sessions(self.ctx.db, self._snapshots)

    def undo_action(self) -> None:
        # based on the copies as made (or put back), followed along this desk's later steps
        bases = session_bases(self.ctx, {row.id: row.version for row in self.created})
        self._snapshots = sessions.delete_sessions(
            self.ctx.db, list(bases), expected_versions=bases
        )


class SaveSessionCommand(ForumdeskCommand):
    """The session editor's OK: fields, place and people in one service call; undo is the same
    call with the edit it returned. Each call is based on the session as the last one left it
    (its version and people), so a change made elsewhere meanwhile is refused, not overwritten.
    """

    topics = frozenset({SESSIONS, ASSIGNMENTS})

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        row: SessionRow,
        edit: session_editing.SessionEdit,
        people: Sequence[SessionPerson],
    ) -> None:
        super().__init__(ctx, text)
        self.session_id, self._edit = row.id, edit
        self._version, self._people = row.version, tuple(people)  # what the editor read
        self._undo: session_editing.SessionEdit | None = None

    def do(self) -> None:
        saved = self._save(self._edit)
        self._undo = saved.undo
        if saved.undo == session_editing.SessionEdit():
            self.setObsolete(True)  # nothing changed: no undo step

    def undo_action(self) -> None:
        assert self._undo is not None
        self._save(self._undo)

    def _save(self, edit: session_editing.SessionEdit) -> session_editing.SavedSession:
        bases = session_bases(self.ctx, {self.session_id: self._version})
        saved = session_editing.save_session(
            self.ctx.db,
            self.session_id,
            edit,
            expected_version=bases.get(self.session_id),
            expected_people=self._people,
        )
        session_steps(self.ctx, bases, {self.session_id: saved.version})
        self._version, self._people = saved.version, saved.people
        return saved


class DeleteSessionsCommand(ForumdeskCommand):
    """Sessions deleted with their people; undo puts them back. The deletion is based on the
    versions the user saw (a redo: those the undo left), so a session changed meanwhile by
    another desk is not deleted."""

    topics = frozenset({SESSIONS, ASSIGNMENTS})

    def __init__(
        self,
        ctx: AppContext,
        session_ids: Sequence[int],
        text: str,
        versions: Mapping[int, int],
    ) -> None:
        super().__init__(ctx, text)
        self._ids = list(session_ids)
        self._versions: dict[int, int | None] = {i: versions.get(i) for i in self._ids}
        self._snapshots: list[SessionSnapshot] = []

    def do(self) -> None:
        bases = session_bases(self.ctx, self._versions)
        self._snapshots = sessions.delete_sessions(self.ctx.db, self._ids, expected_versions=bases)

    def undo_action(self) -> None:
        restored = sessions.restore_sessions(self.ctx.db, self._snapshots)
        left = {row.id: row.version for row in restored}
        before = {s.session.id: s.session.version for s in self._snapshots}
        session_steps(self.ctx, before, left)  # this desk's own step: deleted and put back
        self._versions.update(left)
