"""Every edit as an undo command: `do()` calls a service, `undo_action()` its inverse."""

from __future__ import annotations

import contextlib
import datetime as dt
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.errors import ConcurrentEditError
from forumdesk.core.rows import (
    EventRow,
    PersonRow,
    PersonSnapshot,
    Placement,
    RoomRow,
    RoomSnapshot,
    SessionRow,
    SessionSnapshot,
    TrackRow,
    TrackSnapshot,
)
from forumdesk.services import (
    assignments,
    availability,
    demo,
    events,
    import_undo,
    people,
    placing,
    refusals,
    session_editing,
    sessions,
    venue,
)
from forumdesk.services.session_editing import SessionPerson
from forumdesk.ui.context import (
    ALL_TOPICS,
    ASSIGNMENTS,
    EVENT,
    EVENTS,
    PEOPLE,
    REGISTRATIONS,
    ROOMS,
    SESSIONS,
    TRACKS,
    AppContext,
    ForumdeskCommand,
)

if TYPE_CHECKING:  # the solver (OR-Tools) is loaded when placement is first asked for
    from forumdesk.services.auto_placement import Proposal

Updater = Callable[..., dict[str, object]]

# Per window: for each record (its updater and id), the versions this desk's own undoable
# changes moved it through (from -> to). An undo or redo is based on the version its own last
# action left, followed along this desk's later steps on the record (undone before it, as the
# stack unwinds); a version another desk wrote breaks the chain, and the write is refused.
_OwnSteps = dict[tuple[object, int], dict[int, int]]
_own_steps: weakref.WeakKeyDictionary[AppContext, _OwnSteps] = weakref.WeakKeyDictionary()


def _steps(ctx: AppContext, key: tuple[object, int]) -> dict[int, int]:
    return _own_steps.setdefault(ctx, {}).setdefault(key, {})


def _latest_own(steps: Mapping[int, int], version: int) -> int:
    """The version this desk's own later steps took the record to, starting from `version`."""
    while version in steps:
        version = steps[version]
    return version


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
        steps = _steps(self.ctx, (self._update, self._id))
        version = _latest_own(steps, self._version)
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


def _changed_fields(ctx: AppContext, changes: Mapping[str, object]) -> str:
    labels = _field_labels(ctx)
    return ", ".join(labels.get(field, field.replace("_", " ")) for field in changes)


def edit_event(
    ctx: AppContext, event_id: int, changes: Mapping[str, object], version: int
) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        ctx.tr("Edit event: {0}").format(_changed_fields(ctx, changes)),
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
        with _busy():
            self._changes = import_undo.redo_import(self.ctx.db, self._undone, what="demo")
            self._undone = None

    def undo_action(self) -> None:
        assert self._changes is not None
        with _busy():
            self._undone = import_undo.undo_import(self.ctx.db, self._changes, what="demo")
            self._changes = None


def edit_person(ctx: AppContext, row: PersonRow, changes: Mapping[str, object]) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        ctx.tr("Edit {0}: {1}").format(row.display_name, _changed_fields(ctx, changes)),
        people.update_person,
        row.id,
        changes,
        frozenset({PEOPLE, ASSIGNMENTS, SESSIONS}),
        row.version,
    )


def _venue_label(ctx: AppContext, row: RoomRow | TrackRow, changes: Mapping[str, object]) -> str:
    """ "Rename room Room 1 to Hall A", "Edit room Hall A: seats": what the edit changed."""
    room = isinstance(row, RoomRow)
    if set(changes) == {"name"}:
        rename = ctx.tr("Rename room {0} to {1}") if room else ctx.tr("Rename track {0} to {1}")
        return rename.format(row.name, changes["name"])
    edit = ctx.tr("Edit room {0}: {1}") if room else ctx.tr("Edit track {0}: {1}")
    return edit.format(row.name, _changed_fields(ctx, changes))


def edit_room(ctx: AppContext, row: RoomRow, changes: Mapping[str, object]) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        _venue_label(ctx, row, changes),
        venue.update_room,
        row.id,
        changes,
        frozenset({ROOMS, SESSIONS}),
        row.version,
    )


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


def edit_track(ctx: AppContext, row: TrackRow, changes: Mapping[str, object]) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        _venue_label(ctx, row, changes),
        venue.update_track,
        row.id,
        changes,
        frozenset({TRACKS, SESSIONS}),
        row.version,
    )


def _session_bases(ctx: AppContext, versions: Mapping[int, int | None]) -> dict[int, int]:
    """What a write of these sessions is based on: each known version, followed along this
    desk's own later steps on the session."""
    return {
        session_id: _latest_own(_steps(ctx, ("session", session_id)), version)
        for session_id, version in versions.items()
        if version is not None
    }


def _session_steps(ctx: AppContext, bases: Mapping[int, int], left: Mapping[int, int]) -> None:
    """Remember the versions this desk's write took the sessions from and to."""
    for session_id, version in left.items():
        base = bases.get(session_id)
        if base is not None and version != base:
            _steps(ctx, ("session", session_id))[base] = version


class _PlacingCommand(ForumdeskCommand):
    """A timetable change of some sessions; undo puts them back where they were. Each call is
    based on the versions the last one left (the first: those the user saw, where known)."""

    topics = frozenset({SESSIONS})

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        versions: Mapping[int, int | None],
        seen: SessionRow | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self._versions: dict[int, int | None] = dict(versions)
        self._previous: dict[int, Placement] = {}
        # the session as the user saw it before the first write: a refusal says what changed
        self._seen = seen

    def _write(self, call: Callable[[dict[int, int], dict[int, int]], object]) -> None:
        """Run `call(expected_versions, left_versions)` and remember what it left."""
        bases = _session_bases(self.ctx, self._versions)
        left: dict[int, int] = {}
        try:
            call(bases, left)
        except ConcurrentEditError as exc:
            seen = self._seen if self._seen is not None and self._seen.id == exc.record_id else None
            raise refusals.session_refusal(self.ctx.db, exc, seen) from exc
        self._seen = None  # from now on the session is where this command put it
        _session_steps(self.ctx, bases, left)
        self._versions.update(left)

    def undo_action(self) -> None:
        self._write(
            lambda bases, left: placing.place_sessions(
                self.ctx.db, self._previous, expected_versions=bases, left_versions=left
            )
        )


class PlaceSessionCommand(_PlacingCommand):
    """Put a session in a room and time as given; undo puts it back where it was."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        session_id: int,
        placement: Placement,
        version: int,
    ) -> None:
        super().__init__(ctx, text, {session_id: version})
        self.session_id, self.placement = session_id, placement

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = {
                self.session_id: placing.place_session(
                    self.ctx.db,
                    self.session_id,
                    self.placement,
                    expected_version=bases.get(self.session_id),
                    left_versions=left,
                )
            }

        self._write(call)


class MoveSessionCommand(_PlacingCommand):
    """A block dragged to another time or room: the service keeps its length."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        row: SessionRow,
        room_id: int | None,
        starts_at: dt.datetime,
    ) -> None:
        super().__init__(ctx, text, {row.id: row.version}, row)  # what the user saw
        self.session_id, self.room_id, self.starts_at = row.id, room_id, starts_at

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = {
                self.session_id: placing.move_session(
                    self.ctx.db,
                    self.session_id,
                    self.starts_at,
                    self.room_id,
                    keep_room=False,
                    expected_version=bases.get(self.session_id),
                    left_versions=left,
                )
            }

        self._write(call)


class ResizeSessionCommand(_PlacingCommand):
    """A block's bottom edge dragged: the session ends at another time."""

    def __init__(self, ctx: AppContext, text: str, row: SessionRow, ends_at: dt.datetime) -> None:
        super().__init__(ctx, text, {row.id: row.version}, row)
        self.session_id, self.ends_at = row.id, ends_at

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = {
                self.session_id: placing.resize_session(
                    self.ctx.db,
                    self.session_id,
                    self.ends_at,
                    expected_version=bases.get(self.session_id),
                    left_versions=left,
                )
            }

        self._write(call)


class ScheduleSessionsCommand(_PlacingCommand):
    """Sessions dropped on the timetable: into the room one after another, from `starts_at`."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        session_ids: Sequence[int],
        room_id: int | None,
        starts_at: dt.datetime,
        versions: Mapping[int, int],
    ) -> None:
        super().__init__(ctx, text, {i: versions.get(i) for i in session_ids})
        self.session_ids, self.room_id, self.starts_at = list(session_ids), room_id, starts_at

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = placing.schedule_sessions(
                self.ctx.db,
                self.session_ids,
                self.room_id,
                self.starts_at,
                expected_versions=bases,
                left_versions=left,
            )

        self._write(call)


class UnscheduleSessionsCommand(_PlacingCommand):
    """Sessions taken off the timetable (keeping their rooms, if asked)."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        session_ids: Sequence[int],
        *,
        keep_room: bool,
        versions: Mapping[int, int],
    ) -> None:
        super().__init__(ctx, text, {i: versions.get(i) for i in session_ids})
        self.session_ids, self.keep_room = list(session_ids), keep_room

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = placing.unschedule_sessions(
                self.ctx.db,
                self.session_ids,
                keep_room=self.keep_room,
                expected_versions=bases,
                left_versions=left,
            )

        self._write(call)


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
            _session_steps(self.ctx, before, {self.created.id: self.created.version})

    def undo_action(self) -> None:
        """Delete the session only as this desk left it (as created, or as this desk's own
        later steps, undone before this one, left it): one another desk changed is kept."""
        assert self.created is not None
        bases = _session_bases(self.ctx, {self.created.id: self.created.version})
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
        bases = _session_bases(self.ctx, {row.id: row.version for row in self.created})
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
        bases = _session_bases(self.ctx, {self.session_id: self._version})
        saved = session_editing.save_session(
            self.ctx.db,
            self.session_id,
            edit,
            expected_version=bases.get(self.session_id),
            expected_people=self._people,
        )
        _session_steps(self.ctx, bases, {self.session_id: saved.version})
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
        bases = _session_bases(self.ctx, self._versions)
        self._snapshots = sessions.delete_sessions(self.ctx.db, self._ids, expected_versions=bases)

    def undo_action(self) -> None:
        restored = sessions.restore_sessions(self.ctx.db, self._snapshots)
        left = {row.id: row.version for row in restored}
        before = {s.session.id: s.session.version for s in self._snapshots}
        _session_steps(self.ctx, before, left)  # this desk's own step: deleted and put back
        self._versions.update(left)


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
            steps = _steps(self.ctx, (people.update_person, self.created.id))
            steps[self._snapshot.person.version] = self.created.version

    def undo_action(self) -> None:
        """Delete the person only as this desk left them: one another desk changed is kept."""
        assert self.created is not None
        steps = _steps(self.ctx, (people.update_person, self.created.id))
        self._snapshot = people.delete_person(
            self.ctx.db, self.created.id, expected_version=_latest_own(steps, self.created.version)
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
            person_id: _latest_own(_steps(self.ctx, (people.update_person, person_id)), version)
            for person_id, version in self._versions.items()
        }
        self._snapshots = people.delete_people(self.ctx.db, self._ids, expected_versions=bases)

    def undo_action(self) -> None:
        restored = people.restore_people(self.ctx.db, self._snapshots)
        for snapshot, row in zip(self._snapshots, restored, strict=True):
            steps = _steps(self.ctx, (people.update_person, row.id))
            steps[snapshot.person.version] = self._versions[row.id] = row.version


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
        bases = _session_bases(self.ctx, self._versions)
        left: dict[int, int] = {}
        call(
            self.ctx.db,
            self.session_id,
            self.person_ids,
            expected_version=bases.get(self.session_id),
            left_versions=left,
        )
        _session_steps(self.ctx, bases, left)
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


# QUndoCommand.id() of a room or track just added: its first rename (the name typed into the
# table at once, over the placeholder) merges into it, one History entry under the real name.
NAMING_ID = 1401


class _AddVenueCommand(ForumdeskCommand):
    """A room or track added under a placeholder name; undo deletes it, redo puts it back.

    The rename that follows at once (the page opens the name for typing) is merged into this
    step: History shows one "Add room Hall A", and undo takes the room away with its name.
    """

    update: Updater

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(ctx, text)
        self.created: RoomRow | TrackRow | None = None
        self._named = False

    def id(self) -> int:
        return -1 if self._named else NAMING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            self.created is None
            or not isinstance(other, UpdateCommand)
            or other.update is not self.update
            or other.record_id != self.created.id
            or set(other.changes) != {"name"}
        ):
            return False
        self._named = True
        self.set_label(self.added_label(str(other.changes["name"])))
        return True

    def added_label(self, name: str) -> str:
        raise NotImplementedError

    def _delete_version(self) -> int | None:
        """The version the undo's delete is based on: the one this desk's steps left."""
        if self.created is None:
            return None
        steps = _steps(self.ctx, (self.update, self.created.id))
        return _latest_own(steps, self.created.version)


class AddRoomCommand(_AddVenueCommand):
    topics = frozenset({ROOMS, SESSIONS})
    update = staticmethod(venue.update_room)

    def __init__(self, ctx: AppContext, event_id: int, name: str, capacity: int | None) -> None:
        super().__init__(ctx, ctx.tr("Add room {0}").format(name))
        self._event_id, self._name, self._capacity = event_id, name, capacity
        self._snapshot: RoomSnapshot | None = None

    def added_label(self, name: str) -> str:
        return self.ctx.tr("Add room {0}").format(name)

    def do(self) -> None:
        if self._snapshot is None:
            self.created = venue.add_room(self.ctx.db, self._event_id, self._name, self._capacity)
        else:
            self.created = venue.restore_room(self.ctx.db, self._snapshot)
            steps = _steps(self.ctx, (venue.update_room, self.created.id))
            steps[self._snapshot.room.version] = self.created.version

    def undo_action(self) -> None:
        """Delete the room only as this desk left it: one another desk changed is kept."""
        assert self.created is not None
        self._snapshot = venue.delete_room(
            self.ctx.db, self.created.id, expected_version=self._delete_version()
        )


class DeleteRoomCommand(ForumdeskCommand):
    """A room deleted (its sessions lose it); undo puts it back. Based on the version the user
    saw, or the one the undo left."""

    topics = frozenset({ROOMS, SESSIONS})

    def __init__(self, ctx: AppContext, room: RoomRow) -> None:
        super().__init__(ctx, ctx.tr("Delete room {0}").format(room.name))
        self._room_id, self._version = room.id, room.version
        self._snapshot: RoomSnapshot | None = None

    def do(self) -> None:
        steps = _steps(self.ctx, (venue.update_room, self._room_id))
        self._snapshot = venue.delete_room(
            self.ctx.db, self._room_id, expected_version=_latest_own(steps, self._version)
        )

    def undo_action(self) -> None:
        assert self._snapshot is not None
        restored = venue.restore_room(self.ctx.db, self._snapshot)
        steps = _steps(self.ctx, (venue.update_room, self._room_id))
        steps[self._snapshot.room.version] = self._version = restored.version


class _ReorderVenueCommand(ForumdeskCommand):
    """The event's rooms or tracks put in another order; undo puts back the order before.
    Based on their versions the user saw (where known), then on those the last call left."""

    reorder: Callable[..., list[int]]  # venue.reorder_rooms or venue.reorder_tracks
    update: Updater  # whose own steps (for these records) the versions follow

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        ordered_ids: Sequence[int],
        versions: Mapping[int, int],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self._event_id, self._order = event_id, list(ordered_ids)
        self._versions: dict[int, int] = dict(versions)
        self._previous: list[int] = []

    def do(self) -> None:
        self._previous = self._reorder(self._order)

    def undo_action(self) -> None:
        self._reorder(self._previous)

    def _reorder(self, order: Sequence[int]) -> list[int]:
        bases = {
            record_id: _latest_own(_steps(self.ctx, (self.update, record_id)), version)
            for record_id, version in self._versions.items()
        }
        left: dict[int, int] = {}
        previous = self.reorder(
            self.ctx.db,
            self._event_id,
            order,
            expected_versions=bases,
            left_versions=left,
        )
        for record_id, version in left.items():
            base = bases.get(record_id)
            if base is not None and version != base:
                _steps(self.ctx, (self.update, record_id))[base] = version
        self._versions = left
        return previous


class ReorderRoomsCommand(_ReorderVenueCommand):
    """The event's rooms in another order (the timetable's columns follow)."""

    topics = frozenset({ROOMS, SESSIONS})
    reorder = staticmethod(venue.reorder_rooms)
    update = staticmethod(venue.update_room)

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        room_ids: Sequence[int],
        versions: Mapping[int, int],
        text: str | None = None,
    ) -> None:
        super().__init__(ctx, event_id, room_ids, versions, text or ctx.tr("Reorder rooms"))


class ReorderTracksCommand(_ReorderVenueCommand):
    """The event's tracks in another order (every list of tracks follows)."""

    topics = frozenset({TRACKS})  # no session changes: only where tracks are listed
    reorder = staticmethod(venue.reorder_tracks)
    update = staticmethod(venue.update_track)

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        track_ids: Sequence[int],
        versions: Mapping[int, int],
        text: str | None = None,
    ) -> None:
        super().__init__(ctx, event_id, track_ids, versions, text or ctx.tr("Reorder tracks"))


class AddTrackCommand(_AddVenueCommand):
    topics = frozenset({TRACKS, SESSIONS})
    update = staticmethod(venue.update_track)

    def __init__(self, ctx: AppContext, event_id: int, name: str, color: str | None) -> None:
        super().__init__(ctx, ctx.tr("Add track {0}").format(name))
        self._event_id, self._name, self._color = event_id, name, color
        self._snapshot: TrackSnapshot | None = None

    def added_label(self, name: str) -> str:
        return self.ctx.tr("Add track {0}").format(name)

    def do(self) -> None:
        if self._snapshot is None:
            self.created = venue.add_track(self.ctx.db, self._event_id, self._name, self._color)
        else:
            self.created = venue.restore_track(self.ctx.db, self._snapshot)
            steps = _steps(self.ctx, (venue.update_track, self.created.id))
            steps[self._snapshot.track.version] = self.created.version

    def undo_action(self) -> None:
        """Delete the track only as this desk left it: one another desk changed is kept."""
        assert self.created is not None
        self._snapshot = venue.delete_track(
            self.ctx.db, self.created.id, expected_version=self._delete_version()
        )


class DeleteTrackCommand(ForumdeskCommand):
    """A track deleted (its sessions lose it); undo puts it back. Based on the version the user
    saw, or the one the undo left."""

    topics = frozenset({TRACKS, SESSIONS})

    def __init__(self, ctx: AppContext, track: TrackRow) -> None:
        super().__init__(ctx, ctx.tr("Delete track {0}").format(track.name))
        self._track_id, self._version = track.id, track.version
        self._snapshot: TrackSnapshot | None = None

    def do(self) -> None:
        steps = _steps(self.ctx, (venue.update_track, self._track_id))
        self._snapshot = venue.delete_track(
            self.ctx.db, self._track_id, expected_version=_latest_own(steps, self._version)
        )

    def undo_action(self) -> None:
        assert self._snapshot is not None
        restored = venue.restore_track(self.ctx.db, self._snapshot)
        steps = _steps(self.ctx, (venue.update_track, self._track_id))
        steps[self._snapshot.track.version] = self._version = restored.version


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
        with _busy():  # a large import takes a moment to put back
            self.changes, self._undone = import_undo.redo_import(self.ctx.db, self._undone), None

    def undo_action(self) -> None:
        assert self.changes is not None
        with _busy():
            self._undone, self.changes = import_undo.undo_import(self.ctx.db, self.changes), None


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while the window cannot answer (the change runs on the GUI thread)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


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


class AcceptPlacementCommand(_PlacingCommand):
    """Automatic placement's proposal accepted (all of it, or the sessions ticked): one step.

    The first write goes through auto_placement.accept_proposal, which refuses the lot if any
    session of the event changed since the proposal was worked out; a redo after an undo puts
    the same sessions in the same places again, based on the versions the undo left.
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        proposal: Proposal,
        session_ids: Sequence[int] | None = None,
    ) -> None:
        chosen = [
            spot
            for spot in proposal.spots
            if session_ids is None or spot.session_id in set(session_ids)
        ]
        super().__init__(
            ctx, text, {s.session_id: proposal.based_on.get(s.session_id) for s in chosen}
        )
        self.proposal = proposal
        self.session_ids = [spot.session_id for spot in chosen]
        self.placements = {
            spot.session_id: Placement(spot.room_id, spot.starts_at, spot.ends_at, spot.all_rooms)
            for spot in chosen
        }
        self._first = True

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            if self._first:
                from forumdesk.services.auto_placement import accept_proposal

                self._previous = accept_proposal(
                    self.ctx.db, self.proposal, self.session_ids, left_versions=left
                )
                self._first = False
            else:
                self._previous = placing.place_sessions(
                    self.ctx.db, self.placements, expected_versions=bases, left_versions=left
                )

        self._write(call)
