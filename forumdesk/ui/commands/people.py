"""Undo commands for people: edit, create, delete, and the periods when one cannot take
part."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from forumdesk.core.rows import PersonRow, PersonSnapshot
from forumdesk.services import availability, people
from forumdesk.ui.commands.base import UpdateCommand, changed_fields, latest_own, own_steps
from forumdesk.ui.context import (
    ASSIGNMENTS,
    PEOPLE,
    REGISTRATIONS,
    SESSIONS,
    AppContext,
    ForumdeskCommand,
)


def edit_person(ctx: AppContext, row: PersonRow, changes: Mapping[str, object]) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        ctx.tr("Edit {0}: {1}").format(row.display_name, changed_fields(ctx, changes)),
        people.update_person,
        row.id,
        changes,
        frozenset({PEOPLE, ASSIGNMENTS, SESSIONS}),
        row.version,
    )


class CreatePersonCommand(ForumdeskCommand):
    """A new person (registered for an event, if given) in one service call; undo deletes them
    with their registration, redo puts both back under the same id."""

    topics = frozenset({PEOPLE, REGISTRATIONS})

    def __init__(
        self, ctx: AppContext, fields: Mapping[str, Any], register_for: int | None = None
    ) -> None:
        super().__init__(ctx, ctx.tr("New person {0}").format(fields.get("family_name", "")))
        self._fields, self._register_for = dict(fields), register_for
        self._snapshot: PersonSnapshot | None = None
        self.created: PersonRow | None = None

    def do(self) -> None:
        if self._snapshot is None:
            self.created = people.create_person(
                self.ctx.db, register_for=self._register_for, **self._fields
            )
        else:
            self.created = people.restore_person(self.ctx.db, self._snapshot)
            steps = own_steps(self.ctx, (people.update_person, self.created.id))
            steps[self._snapshot.person.version] = self.created.version

    def undo_action(self) -> None:
        """Delete the person only as this desk left them: one another desk changed is kept."""
        assert self.created is not None
        steps = own_steps(self.ctx, (people.update_person, self.created.id))
        self._snapshot = people.delete_person(
            self.ctx.db, self.created.id, expected_version=latest_own(steps, self.created.version)
        )


class DeletePeopleCommand(ForumdeskCommand):
    """People deleted with their assignments and registrations; undo puts them back. Based on
    the versions the user saw (a redo: those the undo left)."""

    topics = frozenset({PEOPLE, ASSIGNMENTS, REGISTRATIONS, SESSIONS})

    def __init__(
        self, ctx: AppContext, person_ids: Sequence[int], text: str, versions: Mapping[int, int]
    ) -> None:
        super().__init__(ctx, text)
        self._ids = list(person_ids)
        self._versions = {i: versions[i] for i in self._ids if i in versions}
        self._snapshots: list[PersonSnapshot] = []

    def do(self) -> None:
        bases = {
            person_id: latest_own(own_steps(self.ctx, (people.update_person, person_id)), version)
            for person_id, version in self._versions.items()
        }
        self._snapshots = people.delete_people(self.ctx.db, self._ids, expected_versions=bases)

    def undo_action(self) -> None:
        restored = people.restore_people(self.ctx.db, self._snapshots)
        for snapshot, row in zip(self._snapshots, restored, strict=True):
            steps = own_steps(self.ctx, (people.update_person, row.id))
            steps[snapshot.person.version] = self._versions[row.id] = row.version


class AddUnavailabilityCommand(ForumdeskCommand):
    """Periods when a person cannot take part, added in one step (text as people write it,
    forumdesk.core.periods); undo deletes them, redo puts them back under the same ids."""

    topics = frozenset({PEOPLE})  # the problem checker compares sessions with the periods

    def __init__(
        self, ctx: AppContext, event_id: int, person_id: int, periods: str, text: str
    ) -> None:
        super().__init__(ctx, text)
        self._event_id, self._person_id, self._periods = event_id, person_id, periods
        self.added: list[availability.UnavailabilityRow] = []
        self._undone = False

    def do(self) -> None:
        if self._undone:
            self.added, self._undone = availability.restore_periods(self.ctx.db, self.added), False
        else:
            self.added = availability.add_periods(
                self.ctx.db, self._event_id, self._person_id, self._periods
            )

    def undo_action(self) -> None:
        availability.delete_periods(
            self.ctx.db,
            [row.id for row in self.added],
            expected_versions={row.id: row.version for row in self.added},
        )
        self._undone = True


class RemoveUnavailabilityCommand(ForumdeskCommand):
    """Periods deleted, based on the versions the user saw; undo puts them back."""

    topics = frozenset({PEOPLE})

    def __init__(
        self, ctx: AppContext, rows: Sequence[availability.UnavailabilityRow], text: str
    ) -> None:
        super().__init__(ctx, text)
        self._rows = list(rows)

    def do(self) -> None:
        self._rows = availability.delete_periods(
            self.ctx.db,
            [row.id for row in self._rows],
            expected_versions={row.id: row.version for row in self._rows},
        )

    def undo_action(self) -> None:
        self._rows = availability.restore_periods(self.ctx.db, self._rows)
