"""Undo commands that tie people to the forum: assigned to a session in a role, or
registered for an event with a status."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.services import assignments
from forumdesk.ui.commands.base import session_bases, session_steps
from forumdesk.ui.context import (
    ASSIGNMENTS,
    PEOPLE,
    REGISTRATIONS,
    SESSIONS,
    AppContext,
    ForumdeskCommand,
)


class AssignPeopleCommand(ForumdeskCommand):
    """People added to a session; undo takes them out. Each call is based on the session's
    version the last one left (the first: the one the user chose it at, where known)."""

    topics = frozenset({ASSIGNMENTS, SESSIONS})

    def __init__(
        self,
        ctx: AppContext,
        session_id: int,
        person_ids: Sequence[int],
        role: Role,
        text: str,
        version: int,
    ) -> None:
        super().__init__(ctx, text)
        self.session_id, self.person_ids, self.role = session_id, list(person_ids), role
        self._versions: dict[int, int | None] = {session_id: version}

    def _write(self, call: Callable[..., object]) -> None:
        bases = session_bases(self.ctx, self._versions)
        left: dict[int, int] = {}
        call(
            self.ctx.db,
            self.session_id,
            self.person_ids,
            expected_version=bases.get(self.session_id),
            left_versions=left,
        )
        session_steps(self.ctx, bases, left)
        self._versions.update(left)

    def do(self) -> None:
        self._write(
            lambda db, sid, ids, **versions: assignments.assign_people(
                db, sid, ids, self.role, **versions
            )
        )

    def undo_action(self) -> None:
        self._write(assignments.unassign_people)


class RegisterPeopleCommand(ForumdeskCommand):
    topics = frozenset({REGISTRATIONS, PEOPLE})

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        person_ids: Sequence[int],
        status: RegistrationStatus,
        text: str,
        seen: Mapping[int, RegistrationStatus | None],
    ) -> None:
        super().__init__(ctx, text)
        self.event_id, self.person_ids, self.status = event_id, list(person_ids), status
        # each person's status as the user saw it (a redo: as the undo left it)
        self._seen = {i: seen.get(i) for i in self.person_ids}
        self._previous: dict[int, RegistrationStatus | None] = {}

    def do(self) -> None:
        self._previous = assignments.register_people(
            self.ctx.db, self.event_id, self.person_ids, self.status, expected_statuses=self._seen
        )

    def undo_action(self) -> None:
        left = {person_id: self.status for person_id in self._previous}  # what do() left
        assignments.restore_registrations(
            self.ctx.db, self.event_id, self._previous, expected_statuses=left
        )
        self._seen = dict(self._previous)
