"""Who does what: people in sessions with roles and order, and people registered at events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from forumdesk.core import text
from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.errors import ConflictError, NotFoundError, ValidationError
from forumdesk.core.i18n import N_, _
from forumdesk.core.rows import AssignmentRow, RegistrationRow
from forumdesk.db.engine import Database
from forumdesk.db.models import (
    Assignment,
    Event,
    Organization,
    Person,
    ProgramSession,
    Registration,
)
from forumdesk.services.records import changed_meanwhile, check_version, load

# person id -> the registration status the user saw (None: not registered)
Statuses = Mapping[int, RegistrationStatus | None]

# --- assignments ------------------------------------------------------------------------------


def _assignment_query():  # type: ignore[no-untyped-def]
    return (
        select(Assignment, Person.display_name, Organization.name, Person.position, Person.email)
        .join(Person, Person.id == Assignment.person_id)
        .outerjoin(Organization, Organization.id == Person.organization_id)
    )


def _assignment_row(
    a: Assignment, name: str, org: str | None, title: str | None, email: str | None
) -> AssignmentRow:
    return AssignmentRow(a.session_id, a.person_id, name, org, title, email, a.role, a.position)


def _session_label(record: ProgramSession) -> str:
    return f"{record.code} «{record.title}»" if record.code else f"«{record.title}»"


def assign_people(
    db: Database,
    session_id: int,
    person_ids: Sequence[int],
    role: Role | str,
    *,
    expected_version: int | None,
    left_versions: dict[int, int] | None = None,
) -> list[AssignmentRow]:
    """Add several people to a session with one role, after those already there.

    All or nothing: if any of them is already in the session, nobody is added and the message
    names who and in which role. The session's version covers its people: a session changed
    since `expected_version` is refused, and adding people moves the version on (told in
    `left_versions`, if given).
    """
    role = text.vocabulary(Role, role, N_("role"), "role")
    if len(set(person_ids)) != len(person_ids):
        raise ValidationError(_("The same person is listed twice."))
    if not person_ids:
        return []
    with db.transaction() as session:
        record = load(session, ProgramSession, session_id, "session")
        check_version(record, expected_version, "session")
        existing = {a.person_id: a for a in record.assignments}
        for person_id in person_ids:
            person = load(session, Person, person_id, "person")
            if person_id in existing:
                raise ConflictError(
                    _("{name} is already in {session} as {role}.").format(
                        name=person.display_name,
                        session=_session_label(record),
                        role=existing[person_id].role.translated_label,
                    )
                )
        next_position = max((a.position for a in record.assignments), default=-1) + 1
        for offset, person_id in enumerate(person_ids):
            session.add(
                Assignment(
                    session_id=session_id,
                    person_id=person_id,
                    role=role,
                    position=next_position + offset,
                )
            )
        _people_changed(session, record, left_versions)
        return _rows(session, session_id, person_ids)


def _people_changed(
    session: Session, record: ProgramSession, left_versions: dict[int, int] | None
) -> None:
    """A session's people changed: its version moves on (told in `left_versions`)."""
    flag_modified(record, "title")
    session.flush()
    if left_versions is not None:
        left_versions[record.id] = record.version


def assign_person(
    db: Database,
    session_id: int,
    person_id: int,
    role: Role | str,
    *,
    expected_version: int | None,
) -> AssignmentRow:
    return assign_people(db, session_id, [person_id], role, expected_version=expected_version)[0]


def unassign_person(
    db: Database, session_id: int, person_id: int, *, expected_version: int | None
) -> AssignmentRow:
    """Take a person out of a session; returns what they were (for undo: restore_assignment)."""
    return unassign_people(db, session_id, [person_id], expected_version=expected_version)[0]


def unassign_people(
    db: Database,
    session_id: int,
    person_ids: Sequence[int],
    *,
    expected_version: int | None,
    left_versions: dict[int, int] | None = None,
) -> list[AssignmentRow]:
    """Take several people out of a session at once; returns their rows for undo.

    A session changed since `expected_version` is refused; its version moves on.
    """
    with db.transaction() as session:
        record = load(session, ProgramSession, session_id, "session")
        check_version(record, expected_version, "session")
        wanted = list(dict.fromkeys(person_ids))
        assignments = [_load_assignment(session, session_id, p) for p in wanted]
        rows = _rows(session, session_id, wanted)
        for assignment in assignments:
            session.delete(assignment)
        _people_changed(session, record, left_versions)
        return rows


def restore_assignment(db: Database, row: AssignmentRow) -> AssignmentRow:
    """Undo unassign_person: same role and place in the order."""
    return restore_assignments(db, [row])[0]


def restore_assignments(db: Database, rows: Sequence[AssignmentRow]) -> list[AssignmentRow]:
    """Undo unassign_people, in one unit of work."""
    with db.transaction() as session:
        for row in rows:
            load(session, ProgramSession, row.session_id, "session")
            person = load(session, Person, row.person_id, "person")
            if session.get(Assignment, (row.session_id, row.person_id)) is not None:
                raise ConflictError(
                    _("{name} is already in that session.").format(name=person.display_name)
                )
            session.add(
                Assignment(
                    session_id=row.session_id,
                    person_id=row.person_id,
                    role=row.role,
                    position=row.position,
                )
            )
        session.flush()
        return [_rows(session, row.session_id, [row.person_id])[0] for row in rows]


def change_role(
    db: Database,
    session_id: int,
    person_id: int,
    role: Role | str,
    *,
    expected_version: int | None,
    left_versions: dict[int, int] | None = None,
) -> Role:
    """Give a person another role in a session; returns the previous role.

    The session's version covers its people: one changed since `expected_version` is refused.
    """
    new_role = text.vocabulary(Role, role, N_("role"), "role")
    with db.transaction() as session:
        record = load(session, ProgramSession, session_id, "session")
        check_version(record, expected_version, "session")
        assignment = _load_assignment(session, session_id, person_id)
        previous = assignment.role
        if previous != new_role:
            assignment.role = new_role
            _people_changed(session, record, left_versions)
        return previous


def reorder_people(
    db: Database,
    session_id: int,
    person_ids: Sequence[int],
    *,
    expected_version: int | None,
    left_versions: dict[int, int] | None = None,
) -> list[int]:
    """Put a session's people in this order; returns the previous order (for undo).

    A session changed since `expected_version` is refused.
    """
    with db.transaction() as session:
        record = load(session, ProgramSession, session_id, "session")
        check_version(record, expected_version, "session")
        assignments = sorted(record.assignments, key=lambda a: (a.position, a.person_id))
        previous = [a.person_id for a in assignments]
        if sorted(previous) != sorted(person_ids):
            raise ValidationError(_("The new order must list each of the session's people once."))
        by_person = {a.person_id: a for a in assignments}
        moved = False
        for position, person_id in enumerate(person_ids):
            if by_person[person_id].position != position:
                by_person[person_id].position = position
                moved = True
        if moved:
            _people_changed(session, record, left_versions)
        return previous


def session_people(db: Database, session_id: int) -> list[AssignmentRow]:
    """A session's people: leading roles first, then by their order."""
    with db.reader() as session:
        load(session, ProgramSession, session_id, "session")
        return _rows(session, session_id, None)


def _load_assignment(session: Session, session_id: int, person_id: int) -> Assignment:
    assignment = session.get(Assignment, (session_id, person_id))
    if assignment is None:
        record = load(session, ProgramSession, session_id, "session")
        person = load(session, Person, person_id, "person")
        raise NotFoundError(
            _("{name} is not in {session}.").format(
                name=person.display_name, session=_session_label(record)
            )
        )
    return assignment


_ROLE_ORDER = {role: n for n, role in enumerate(Role)}


def _rows(
    session: Session, session_id: int, person_ids: Iterable[int] | None
) -> list[AssignmentRow]:
    query = _assignment_query().where(Assignment.session_id == session_id)
    if person_ids is not None:
        wanted = list(person_ids)
        query = query.where(Assignment.person_id.in_(wanted))
        found = {row[0].person_id: _assignment_row(*row) for row in session.execute(query)}
        return [found[p] for p in wanted]
    rows = [_assignment_row(*row) for row in session.execute(query)]
    return sorted(rows, key=lambda r: (_ROLE_ORDER[r.role], r.position, r.display_name))


# --- registrations ----------------------------------------------------------------------------


def register_people(
    db: Database,
    event_id: int,
    person_ids: Sequence[int],
    status: RegistrationStatus | str = RegistrationStatus.REGISTERED,
    *,
    expected_statuses: Statuses | None,
) -> dict[int, RegistrationStatus | None]:
    """Register people for an event (or set their status if already registered).

    Returns each person's previous status (None: was not registered), which undo passes to
    restore_registrations. `expected_statuses` is each person's status as the user saw it
    (None: not registered); one changed since by another desk is refused, nothing changed.
    """
    new_status = text.vocabulary(RegistrationStatus, status, N_("registration status"), "status")
    with db.transaction() as session:
        load(session, Event, event_id, "event")
        previous: dict[int, RegistrationStatus | None] = {}
        for person_id in dict.fromkeys(person_ids):
            load(session, Person, person_id, "person")
            registration = session.get(Registration, (event_id, person_id))
            _check_status(registration, expected_statuses, person_id)
            previous[person_id] = registration.status if registration else None
            if registration is None:
                session.add(Registration(event_id=event_id, person_id=person_id, status=new_status))
            elif registration.status != new_status:
                registration.status = new_status
        return previous


def restore_registrations(
    db: Database,
    event_id: int,
    statuses: dict[int, RegistrationStatus | None],
    *,
    expected_statuses: Statuses | None,
) -> None:
    """Put registrations back as they were (None: not registered).

    `expected_statuses` is what the write being undone left; a registration another desk
    changed since is refused, not forced back.
    """
    with db.transaction() as session:
        for person_id, status in statuses.items():
            registration = session.get(Registration, (event_id, person_id))
            _check_status(registration, expected_statuses, person_id)
            if status is None:
                if registration is not None:
                    session.delete(registration)
            elif registration is None:
                session.add(Registration(event_id=event_id, person_id=person_id, status=status))
            else:
                registration.status = status


def unregister_people(
    db: Database,
    event_id: int,
    person_ids: Sequence[int],
    *,
    expected_statuses: Statuses | None,
) -> dict[int, RegistrationStatus | None]:
    """Remove registrations; returns the previous statuses for undo. A status another desk
    changed since the user saw it (`expected_statuses`) is refused."""
    with db.transaction() as session:
        previous: dict[int, RegistrationStatus | None] = {}
        for person_id in dict.fromkeys(person_ids):
            registration = session.get(Registration, (event_id, person_id))
            _check_status(registration, expected_statuses, person_id)
            previous[person_id] = registration.status if registration else None
            if registration is not None:
                session.delete(registration)
        return previous


def _check_status(
    registration: Registration | None, expected: Statuses | None, person_id: int
) -> None:
    """Refuse a registration write based on another status than the one stored (a person
    missing from `expected` is not checked)."""
    if expected is None or person_id not in expected:
        return
    status = registration.status if registration is not None else None
    if status != expected[person_id]:
        raise changed_meanwhile("registration", registration)


def event_registrations(db: Database, event_id: int) -> list[RegistrationRow]:
    with db.reader() as session:
        query = select(Registration.event_id, Registration.person_id, Registration.status).where(
            Registration.event_id == event_id
        )
        return [RegistrationRow(*row) for row in session.connection().execute(query).all()]


def registration_counts(db: Database, event_id: int) -> dict[RegistrationStatus, int]:
    with db.reader() as session:
        query = (
            select(Registration.status, func.count())
            .where(Registration.event_id == event_id)
            .group_by(Registration.status)
        )
        return {status: count for status, count in session.execute(query)}
