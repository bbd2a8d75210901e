"""An event's schedule problems, and the ones staff have accepted.

`check_event` reads the event in a few bulk queries (never one per session), hands plain rows to
the pure checker (forumdesk.scheduling.checker) and marks which problems are accepted.

Accepting a problem stores its key and fingerprint with a note. The acceptance covers the problem
only while the checker reports the same fingerprint, that is while the times, rooms, roles and
counts behind it are unchanged; when they change, the problem is shown again and the old
acceptance is simply ignored (`forget_stale_acceptances` tidies such leftovers away).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.enums import RegistrationStatus
from forumdesk.core.errors import ConflictError, NotFoundError
from forumdesk.core.i18n import _
from forumdesk.db.engine import Database
from forumdesk.db.models import (
    AcceptedProblem,
    Assignment,
    Event,
    Person,
    PersonUnavailability,
    ProgramSession,
    Registration,
    Room,
)
from forumdesk.scheduling import busy
from forumdesk.scheduling.busy import BusySpan
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Problem,
    ProblemKind,
    Severity,
    Unavailability,
    find_problems,
)
from forumdesk.services.content_languages import missing_translation_warnings
from forumdesk.services.panel_balance import one_sector_warnings
from forumdesk.services.records import changed_meanwhile, load

# problem key -> its stored acceptance (id, version) as the user saw it (None: none)
Seen = Mapping[str, tuple[int, int] | None]
Left = dict[str, tuple[int, int] | None] | None  # filled, if given, with what a write left

# Registration statuses under which a person counts as registered for the event.
REGISTERED_STATUSES = frozenset(
    {RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED}
)


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """A problem as staff see it: the checker's findings plus names and whether it is accepted."""

    kind: ProblemKind
    severity: Severity
    message: str
    session_ids: tuple[int, ...]
    person_ids: tuple[int, ...]
    key: str
    fingerprint: str
    sessions: tuple[str, ...] = ()  # codes (titles where a session has no code)
    people: tuple[str, ...] = ()  # e-mail addresses (names where a person has none)
    accepted: bool = False
    accepted_note: str | None = None
    accepted_at: dt.datetime | None = None  # UTC
    # the stored acceptance of the key (id, version), holding or stale: what a write is based on
    acceptance: tuple[int, int] | None = None

    @property
    def is_open_error(self) -> bool:
        """An error nobody has accepted: what `forumdesk check` fails on."""
        return self.severity == Severity.ERROR and not self.accepted


@dataclass(frozen=True, slots=True)
class AcceptanceRow:
    id: int
    event_id: int
    key: str
    fingerprint: str
    note: str | None
    accepted_at: dt.datetime  # UTC
    version: int


# scheduling.model.Unavailability's fields, in its order
UNAVAILABILITY_COLUMNS = (
    PersonUnavailability.id,
    PersonUnavailability.person_id,
    PersonUnavailability.starts_at,
    PersonUnavailability.ends_at,
    PersonUnavailability.note,
)


def _acceptance_row(record: AcceptedProblem) -> AcceptanceRow:
    return AcceptanceRow(
        record.id,
        record.event_id,
        record.key,
        record.fingerprint,
        record.note,
        record.accepted_at,
        record.version,
    )


# --- checking ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Facts:
    problems: list[Problem]
    session_labels: dict[int, str]
    person_labels: dict[int, str]


def _facts(session: Session, event_id: int) -> _Facts:
    """Query helper: the event's problems, read in seven queries whatever its size."""
    event = load(session, Event, event_id, "event")
    conn = session.connection()  # plain rows, no ORM bookkeeping: 20,000 assignments and more
    rooms = [
        CheckRoom(*row)
        for row in conn.execute(
            select(Room.id, Room.name, Room.capacity).where(Room.event_id == event_id)
        )
    ]
    sessions = [
        CheckSession(*row)
        for row in conn.execute(
            select(
                ProgramSession.id,
                ProgramSession.code,
                ProgramSession.title,
                ProgramSession.kind,
                ProgramSession.room_id,
                ProgramSession.starts_at,
                ProgramSession.ends_at,
                ProgramSession.expected_audience,
                ProgramSession.all_rooms,
            ).where(ProgramSession.event_id == event_id)
        )
    ]
    assignments = [
        CheckAssignment(*row)
        for row in conn.execute(
            select(Assignment.session_id, Assignment.person_id, Assignment.role)
            .join(ProgramSession, ProgramSession.id == Assignment.session_id)
            .where(ProgramSession.event_id == event_id)
        )
    ]
    people = [
        CheckPerson(person_id, name, email, status in REGISTERED_STATUSES, status)
        for person_id, name, email, status in conn.execute(
            select(Person.id, Person.display_name, Person.email, Registration.status)
            .outerjoin(
                Registration,
                and_(Registration.person_id == Person.id, Registration.event_id == event_id),
            )
            .where(
                Person.id.in_(
                    select(Assignment.person_id)
                    .join(ProgramSession, ProgramSession.id == Assignment.session_id)
                    .where(ProgramSession.event_id == event_id)
                )
            )
        )
    ]
    periods = [
        Unavailability(*row)
        for row in conn.execute(
            select(*UNAVAILABILITY_COLUMNS).where(PersonUnavailability.event_id == event_id)
        )
    ]
    settings = CheckSettings(event.first_day, event.last_day, event.changeover_minutes)
    problems = find_problems(sessions, rooms, assignments, people, periods, settings)
    if event.one_sector_warning:  # an optional rule, off unless the event asks for it
        problems += one_sector_warnings(session, event_id, {s.id: s.label for s in sessions})
    problems += missing_translation_warnings(session, event)
    return _Facts(
        problems,
        {s.id: s.code or s.title for s in sessions},
        {p.id: p.email or p.name for p in people},
    )


def _acceptances(session: Session, event_id: int) -> dict[str, AcceptedProblem]:
    query = select(AcceptedProblem).where(AcceptedProblem.event_id == event_id)
    return {record.key: record for record in session.scalars(query)}


def check_event(db: Database, event_id: int) -> list[ProblemRow]:
    """Every problem of the event (errors first), each marked accepted or not."""
    with db.reader() as session:
        facts = _facts(session, event_id)
        accepted = {
            key: _acceptance_row(record) for key, record in _acceptances(session, event_id).items()
        }
    rows = []
    for problem in facts.problems:
        record = accepted.get(problem.key)
        holds = record is not None and record.fingerprint == problem.fingerprint
        rows.append(
            ProblemRow(
                kind=problem.kind,
                severity=problem.severity,
                message=problem.message,
                session_ids=problem.session_ids,
                person_ids=problem.person_ids,
                key=problem.key,
                fingerprint=problem.fingerprint,
                sessions=tuple(facts.session_labels[s] for s in problem.session_ids),
                people=tuple(
                    facts.person_labels.get(p, f"person #{p}") for p in problem.person_ids
                ),
                accepted=holds,
                accepted_note=record.note if holds and record else None,
                accepted_at=record.accepted_at if holds and record else None,
                acceptance=(record.id, record.version) if record else None,
            )
        )
    return rows


def busy_spans(db: Database, session_id: int) -> list[BusySpan]:
    """When the session's people are in other sessions of its event or unavailable.

    What the timetable shades while the session is dragged; the rules (what counts as a clash,
    how bad it is) are the checker's, in forumdesk.scheduling.busy. Four small queries.
    """
    with db.reader() as session:
        event_id = load(session, ProgramSession, session_id, "session").event_id
        conn = session.connection()
        people = select(Assignment.person_id).where(Assignment.session_id == session_id)
        assignments = [
            CheckAssignment(*row)
            for row in conn.execute(
                select(Assignment.session_id, Assignment.person_id, Assignment.role)
                .join(ProgramSession, ProgramSession.id == Assignment.session_id)
                .where(ProgramSession.event_id == event_id, Assignment.person_id.in_(people))
            )
        ]
        others = {a.session_id for a in assignments} - {session_id}
        sessions = [
            CheckSession(
                id=row.id,
                code=row.code,
                title=row.title,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
            )
            for row in conn.execute(
                select(
                    ProgramSession.id,
                    ProgramSession.code,
                    ProgramSession.title,
                    ProgramSession.starts_at,
                    ProgramSession.ends_at,
                ).where(ProgramSession.id.in_(others), ProgramSession.starts_at.is_not(None))
            )
        ]
        names = dict(
            conn.execute(select(Person.id, Person.display_name).where(Person.id.in_(people))).all()
        )
        periods = [
            Unavailability(*row)
            for row in conn.execute(
                select(*UNAVAILABILITY_COLUMNS).where(
                    PersonUnavailability.event_id == event_id,
                    PersonUnavailability.person_id.in_(people),
                )
            )
        ]
    return busy.busy_spans(session_id, sessions, assignments, names, periods)


# --- accepting --------------------------------------------------------------------------------


def accept_problem(
    db: Database,
    event_id: int,
    key: str,
    fingerprint: str,
    note: str | None = None,
    *,
    expected: Seen | None,
) -> AcceptanceRow | None:
    """Accept a problem as it is now; returns the acceptance it replaced, if any (for undo).

    Refused when the problem is gone or has changed since it was listed (its fingerprint differs):
    staff must see what they accept.
    """
    return accept_problems(db, event_id, [(key, fingerprint)], note, expected=expected)[key]


def accept_problems(
    db: Database,
    event_id: int,
    problems: Sequence[tuple[str, str]],
    note: str | None = None,
    *,
    expected: Seen | None,
    left: Left = None,
) -> dict[str, AcceptanceRow | None]:
    """Accept several problems (key, fingerprint) with one note, all or none, after one check.

    Returns, by key, the acceptance each replaced (None: there was none): what
    restore_acceptances takes to undo it. Refused like accept_problem, and when a key's
    acceptance is not the one in `expected` (another desk accepted or withdrew it since).
    `left`, if given, is told each key's acceptance afterwards (what the undo is based on).
    """
    with db.transaction() as session:
        current = {p.key: p for p in _facts(session, event_id).problems}
        acceptances = _acceptances(session, event_id)
        previous: dict[str, AcceptanceRow | None] = {}
        for key, fingerprint in dict(problems).items():
            problem = current.get(key)
            if problem is None:
                raise NotFoundError(_("That problem is no longer there; check the schedule again."))
            if problem.fingerprint != fingerprint:
                raise ConflictError(
                    _(
                        "That problem has changed since it was listed; check the schedule again "
                        "before accepting it."
                    )
                )
            existing = acceptances.get(key)
            _check_acceptance(existing, expected, key)
            previous[key] = _acceptance_row(existing) if existing is not None else None
            record = existing or AcceptedProblem(event_id=event_id, key=key)
            record.fingerprint = fingerprint
            record.note = text.clean_multiline(note)
            record.accepted_at = _now()
            session.add(record)
            acceptances[key] = record
        _report(session, acceptances, previous, left)
        return previous


def unaccept_problem(
    db: Database, event_id: int, key: str, *, expected: Seen | None
) -> AcceptanceRow | None:
    """Withdraw the acceptance of a problem; returns it (for undo), None if there was none."""
    return unaccept_problems(db, event_id, [key], expected=expected)[key]


def unaccept_problems(
    db: Database,
    event_id: int,
    keys: Sequence[str],
    *,
    expected: Seen | None,
    left: Left = None,
) -> dict[str, AcceptanceRow | None]:
    """Withdraw the acceptances of several problems at once; by key, each one withdrawn (None:
    there was none), which restore_acceptances puts back. An acceptance that is not the one in
    `expected` (changed by another desk since) is refused, nothing withdrawn."""
    with db.transaction() as session:
        acceptances = _acceptances(session, event_id)
        removed: dict[str, AcceptanceRow | None] = {}
        for key in dict.fromkeys(keys):
            _check_acceptance(acceptances.get(key), expected, key)
            record = acceptances.pop(key, None)
            removed[key] = _acceptance_row(record) if record is not None else None
            if record is not None:
                session.delete(record)
        _report(session, acceptances, removed, left)
        return removed


def restore_acceptance(db: Database, row: AcceptanceRow, *, expected: Seen | None) -> None:
    """Undo: put an acceptance back as it was (replacing the one the undone write left)."""
    restore_acceptances(db, row.event_id, {row.key: row}, expected=expected)


def restore_acceptances(
    db: Database,
    event_id: int,
    acceptances: Mapping[str, AcceptanceRow | None],
    *,
    expected: Seen | None,
    left: Left = None,
) -> None:
    """Undo: make each key's acceptance what `acceptances` says (None: none), in one unit of
    work (what accept_problems and unaccept_problems return). `expected` is what the write
    being undone left: an acceptance another desk changed since is refused, not forced back."""
    with db.transaction() as session:
        load(session, Event, event_id, "event")
        current = _acceptances(session, event_id)
        for key in acceptances:
            existing = current.get(key)
            _check_acceptance(existing, expected, key)
            if existing is not None:
                session.delete(existing)
        session.flush()
        for key, row in acceptances.items():
            if row is None:
                continue
            # acceptances are known by their key; the row gets a fresh id
            current[key] = AcceptedProblem(
                event_id=event_id,
                key=key,
                fingerprint=row.fingerprint,
                note=row.note,
                accepted_at=row.accepted_at,
            )
            session.add(current[key])
        for key, row in acceptances.items():
            if row is None:
                current.pop(key, None)
        _report(session, current, acceptances, left)


def list_acceptances(db: Database, event_id: int) -> list[AcceptanceRow]:
    """All stored acceptances of an event, including stale ones, oldest first."""
    with db.reader() as session:
        load(session, Event, event_id, "event")
        query = (
            select(AcceptedProblem)
            .where(AcceptedProblem.event_id == event_id)
            .order_by(AcceptedProblem.accepted_at, AcceptedProblem.id)
        )
        return [_acceptance_row(record) for record in session.scalars(query)]


def forget_stale_acceptances(db: Database, event_id: int) -> list[AcceptanceRow]:
    """Delete acceptances that no longer cover a current problem; returns them (for undo).

    Stale: the problem is gone, or it is there with other facts behind it.
    """
    with db.transaction() as session:
        current = {p.key: p.fingerprint for p in _facts(session, event_id).problems}
        stale = [
            record
            for key, record in _acceptances(session, event_id).items()
            if current.get(key) != record.fingerprint
        ]
        rows = [_acceptance_row(record) for record in stale]
        for record in stale:
            session.delete(record)
        return rows


def _check_acceptance(record: AcceptedProblem | None, expected: Seen | None, key: str) -> None:
    """Refuse a write based on another acceptance of `key` than the one stored (a key missing
    from `expected` is not checked)."""
    if expected is None or key not in expected:
        return
    if (None if record is None else (record.id, record.version)) != expected[key]:
        raise changed_meanwhile("problem acceptance", record)


def _report(
    session: Session,
    acceptances: Mapping[str, AcceptedProblem],
    keys: Iterable[str],
    left: Left,
) -> None:
    """Tell the caller (if it asked) each key's acceptance after the write."""
    if left is None:
        return
    session.flush()
    for key in keys:
        record = acceptances.get(key)
        left[key] = None if record is None else (record.id, record.version)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
