"""The session editor's save: a session's fields, place and people, in one unit of work.

`save_session` writes what the editor shows (field values, room and times, and everyone in the
session with their role and place in its order) all or nothing, and returns the edit that puts
the session back as it was: undo is the same call with that edit. It refuses, changing nothing,
when the session changed since the editor read it: its version moved, or its people are no
longer those the editor started from. `add_session` creates a session with its people.

The session's version covers its people too: a save that changes only the people still moves
it, so two desks editing the same session's people cannot both win.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from forumdesk.core import text
from forumdesk.core.enums import Role
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import N_, _
from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.db.models import Assignment, Event, Person, ProgramSession
from forumdesk.services.records import apply_changes, changed_meanwhile, check_version, load
from forumdesk.services.sessions import (
    FIELD_CLEANERS,
    add_session_record,
    check_code,
    check_room,
    check_times,
    check_track,
    load_row,
    local_time,
    settle_all_rooms,
)

TIMES = ("starts_at", "ends_at")


@dataclass(frozen=True, slots=True)
class SessionPerson:
    """Someone in a session: their role and their place in the session's order."""

    person_id: int
    role: Role
    position: int


@dataclass(frozen=True, slots=True)
class SessionEdit:
    """What a save sets: field values by name (FIELD_CLEANERS' names, `starts_at`, `ends_at`)
    and, unless None, the session's people: everyone in it afterwards."""

    changes: Mapping[str, object] = field(default_factory=dict)
    people: tuple[SessionPerson, ...] | None = None


@dataclass(frozen=True, slots=True)
class SavedSession:
    """What a save did: the edit that undoes it, and the session as the save left it (its
    version and its people: what the next save of it, undo or redo, is based on)."""

    undo: SessionEdit
    version: int
    people: tuple[SessionPerson, ...]


def save_session(
    db: Database,
    session_id: int,
    edit: SessionEdit,
    *,
    expected_version: int | None,
    expected_people: Sequence[SessionPerson] | None = None,
) -> SavedSession:
    """Save a session's fields, place and people together; all of it or, on any error, nothing.

    `expected_version` and `expected_people` are the session as the caller read it; if it has
    changed since, ConcurrentEditError. People are compared as the session lists them (by
    role, then order), so renumbering alone is no change.
    """
    wanted = None if edit.people is None else _cleaned(edit.people)
    with db.transaction() as session:
        record = load(session, ProgramSession, session_id, "session")
        check_version(record, expected_version, "session")
        current = _people_of(record)
        if expected_people is not None and not _same_people(_cleaned(expected_people), current):
            raise changed_meanwhile("session", _as_last_written(record))
        previous = _apply_fields(session, record, edit.changes)
        previous_people = None
        if wanted is not None and not _same_people(wanted, current):
            _write_people(session, record, wanted)
            previous_people = current
            if not previous:  # only the people changed: the session's version moves all the same
                flag_modified(record, "title")
        session.flush()
        return SavedSession(
            SessionEdit(previous, previous_people), record.version, _people_of(record)
        )


def add_session(
    db: Database,
    event_id: int,
    changes: Mapping[str, object],
    people: Sequence[SessionPerson] = (),
) -> SessionRow:
    """Create a session of the event with its people, in one unit of work.

    `changes` holds field values as for save_session ("title" is required). Undo it with
    sessions.delete_session, whose snapshot keeps the people for restore_session.
    """
    wanted = _cleaned(people)
    with db.transaction() as session:
        record = add_session_record(session, event_id, changes)
        _write_people(session, record, wanted)
        session.flush()
        return load_row(session, record.id)


# --- inside the unit of work ------------------------------------------------------------------


def _apply_fields(
    session: Session, record: ProgramSession, changes: Mapping[str, object]
) -> dict[str, object]:
    """Set cleaned, checked field values; returns the previous values of what changed."""
    values = dict(changes)
    times = {name: values.pop(name) for name in TIMES if name in values}
    previous = apply_changes(record, values, FIELD_CLEANERS)
    settle_all_rooms(record, previous)
    if times:
        event = load(session, Event, record.event_id, "event")
        for name, value in times.items():
            local = local_time(value, event, name)
            if getattr(record, name) != local:
                previous[name] = getattr(record, name)
                setattr(record, name, local)
        check_times(record.starts_at, record.ends_at)
    if "room_id" in previous:
        check_room(session, record.event_id, record.room_id)
    if "track_id" in previous:
        check_track(session, record.event_id, record.track_id)
    if "code" in previous:
        check_code(session, record.event_id, record.code, record.id)
    return previous


def _people_of(record: ProgramSession) -> tuple[SessionPerson, ...]:
    return tuple(
        sorted(
            (SessionPerson(a.person_id, a.role, a.position) for a in record.assignments),
            key=lambda p: (p.position, p.person_id),
        )
    )


_ROLE_RANK = {role: rank for rank, role in enumerate(Role)}


def _as_listed(people: Iterable[SessionPerson]) -> list[tuple[int, Role]]:
    """Who is in the session in which role, in the order the session lists them."""
    ordered = sorted(people, key=lambda p: (_ROLE_RANK[p.role], p.position, p.person_id))
    return [(p.person_id, p.role) for p in ordered]


def _same_people(first: Iterable[SessionPerson], second: Iterable[SessionPerson]) -> bool:
    return _as_listed(first) == _as_listed(second)


def _cleaned(people: Sequence[SessionPerson]) -> tuple[SessionPerson, ...]:
    """The people with their roles checked (a role may be given by its value); each once."""
    cleaned = tuple(
        SessionPerson(p.person_id, text.vocabulary(Role, p.role, N_("role"), "role"), p.position)
        for p in people
    )
    if len({p.person_id for p in cleaned}) != len(cleaned):
        raise ValidationError(_("The same person is listed twice."))
    return cleaned


def _write_people(
    session: Session, record: ProgramSession, people: Sequence[SessionPerson]
) -> None:
    """Make the session's people exactly `people` (cleaned): remove, add, change role and place."""
    keep = {p.person_id for p in people}
    existing = {a.person_id: a for a in record.assignments}
    for person_id, gone in existing.items():
        if person_id not in keep:
            record.assignments.remove(gone)  # deleted as an orphan
    for person in people:
        assignment = existing.get(person.person_id)
        if assignment is None:
            load(session, Person, person.person_id, "person")
            record.assignments.append(
                Assignment(person_id=person.person_id, role=person.role, position=person.position)
            )
            continue
        if assignment.role != person.role:
            assignment.role = person.role
        if assignment.position != person.position:
            assignment.position = person.position


def _as_last_written(record: ProgramSession) -> Any:
    """The session named as itself but stamped as its most recently written part (its people
    may have changed while the session's own fields did not)."""
    stamps = [(record.updated_at, record.updated_by)]
    stamps += [(person.updated_at, person.updated_by) for person in record.assignments]
    known = [(at, by) for at, by in stamps if at is not None]
    at, by = max(known, key=lambda stamp: stamp[0]) if known else (None, None)
    return SimpleNamespace(
        id=record.id, code=record.code, title=record.title, updated_at=at, updated_by=by
    )
