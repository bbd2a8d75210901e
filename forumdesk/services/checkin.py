"""Check-in at the door: a badge's code or a picked name marks a person arrived.

The code a badge's QR holds (and a USB scanner types, ending in Enter) is

    FD1:<event id>:<person id>:<check>

`FD1` names this form (a later one can change it), the ids are the registration's (an event and
a person), and `<check>` is six letters and digits (base32) of an HMAC-SHA256 of "FD1:<event
id>:<person id>" under the event's own random secret (`events.checkin_key`): a code cannot be
made up from ids, a mistyped one is refused, and it stays the same for as long as the event
exists. Scanners sometimes change case or add spaces, so the code is read ignoring both.

An arrival is for the event's day (scope "day") or for one session ("session:<id>"); a person
is counted once per scope and day. Each scan is one small unit of work committed at once; two
desks scanning the same badge at the same moment store one arrival (the insert skips a row the
unique constraint already holds, then reads it), on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.enums import BREAK_KINDS, RegistrationStatus
from forumdesk.core.i18n import _, pgettext
from forumdesk.db.desks import DESK_OPTION, default_desk_name
from forumdesk.db.engine import Database
from forumdesk.db.models import (
    CheckIn,
    Event,
    Organization,
    Person,
    ProgramSession,
    Registration,
    Room,
    utc_now,
)
from forumdesk.io.output_files import storage_error
from forumdesk.services.records import changed_meanwhile, load

if TYPE_CHECKING:
    from forumdesk.io.csv_export import CsvFlavour

CODE_PREFIX = "FD1"
_CHECK_LENGTH = 6
_CODE = re.compile(r"^FD1:(\d{1,12}):(\d{1,12}):([A-Z2-7]{6})$")
DAY_SCOPE = "day"


class ScanOutcome(enum.Enum):
    CHECKED_IN = "checked in"  # arrived now
    ALREADY = "already"  # arrived before: `at` says when
    NOT_REGISTERED = "not registered"  # a person of the directory, not registered here
    UNKNOWN = "unknown"  # not a code of this program, a mistyped one, or a stranger's


@dataclass(frozen=True)
class ArrivingPerson:
    """Who stands at the desk, as the feedback shows them."""

    id: int
    display_name: str
    organization: str | None
    country: str | None


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    person: ArrivingPerson | None = None
    check_in_id: int | None = None
    version: int | None = None
    at: dt.datetime | None = None  # when the person arrived, in the event's local time
    desk: str | None = None  # the desk that marked it


@dataclass(frozen=True)
class Candidate:
    """A person whose name matches what was typed at the desk."""

    person: ArrivingPerson
    registered: bool
    arrived_at: dt.datetime | None  # in the scope asked about, event-local; None: not yet


@dataclass(frozen=True)
class SessionCount:
    """A session of a day: how many have arrived, against the seats of its room."""

    session_id: int
    code: str | None
    title: str
    starts_at: dt.datetime | None
    room: str | None
    seats: int | None
    arrived: int


@dataclass(frozen=True)
class AttendanceRow:
    display_name: str
    organization: str | None
    country: str | None
    email: str | None
    session_code: str | None  # None: arrived at the event (the day's check-in)
    session_title: str | None
    day: dt.date
    at: dt.datetime  # event-local
    desk: str | None


# --- codes ------------------------------------------------------------------------------------


def _check(key: str, event_id: int, person_id: int) -> str:
    digest = hmac.new(
        key.encode(), f"{CODE_PREFIX}:{event_id}:{person_id}".encode(), hashlib.sha256
    ).digest()
    return base64.b32encode(digest).decode()[:_CHECK_LENGTH]


def _code(key: str, event_id: int, person_id: int) -> str:
    return f"{CODE_PREFIX}:{event_id}:{person_id}:{_check(key, event_id, person_id)}"


def _event_key(session: Session, event: Event) -> str:
    """The event's secret; an event made before there was one gets it now (a write)."""
    if event.checkin_key is None:
        event.checkin_key = secrets.token_hex(16)
        session.flush()
    return event.checkin_key


def checkin_codes(db: Database, event_id: int, person_ids: Sequence[int]) -> dict[int, str]:
    """Each person's code for the event (what a badge's QR holds)."""
    with db.transaction() as session:
        key = _event_key(session, load(session, Event, event_id, "event"))
        return {person_id: _code(key, event_id, person_id) for person_id in person_ids}


def checkin_code(db: Database, event_id: int, person_id: int) -> str:
    return checkin_codes(db, event_id, [person_id])[person_id]


def parse_code(scanned: str) -> tuple[int, int, str] | None:
    """(event id, person id, check) of what a scanner typed, or None if it is no code."""
    squashed = "".join(scanned.split()).upper()
    found = _CODE.match(squashed)
    if found is None:
        return None
    return int(found[1]), int(found[2]), found[3]


# --- scanning and picking ---------------------------------------------------------------------


def scan(
    db: Database,
    event_id: int,
    scanned: str,
    *,
    session_id: int | None = None,
    now: dt.datetime | None = None,
) -> ScanResult:
    """Mark arrived the person whose badge code was scanned (one unit of work).

    A code of another event whose person is in the directory is NOT_REGISTERED (they may be
    registered on the spot); anything else that is not a valid code is UNKNOWN.
    """
    parsed = parse_code(scanned)
    if parsed is None:
        return ScanResult(ScanOutcome.UNKNOWN)
    code_event, person_id, check = parsed
    with db.transaction() as session:
        event = session.get(Event, code_event)
        if event is None or not hmac.compare_digest(
            _check(_event_key(session, event), code_event, person_id), check
        ):
            return ScanResult(ScanOutcome.UNKNOWN)
        return _check_in(session, event_id, person_id, session_id, now)


def check_in(
    db: Database,
    event_id: int,
    person_id: int,
    *,
    session_id: int | None = None,
    now: dt.datetime | None = None,
) -> ScanResult:
    """Mark a person arrived (picked by name, or redone after an undo); one unit of work."""
    with db.transaction() as session:
        return _check_in(session, event_id, person_id, session_id, now)


def _check_in(
    session: Session,
    event_id: int,
    person_id: int,
    session_id: int | None,
    now: dt.datetime | None,
) -> ScanResult:
    person = _arriving(session, person_id)
    if person is None:
        return ScanResult(ScanOutcome.UNKNOWN)
    event = load(session, Event, event_id, "event")
    status = session.scalar(
        select(Registration.status).where(
            Registration.event_id == event_id, Registration.person_id == person_id
        )
    )
    if status is None or status is RegistrationStatus.CANCELLED:
        return ScanResult(ScanOutcome.NOT_REGISTERED, person)
    scope, day = _scope_and_day(session, event, session_id, now)
    moment = now if now is not None else utc_now()
    values = {
        "event_id": event_id,
        "person_id": person_id,
        "session_id": session_id,
        "scope": scope,
        "day": day,
        "checked_in_at": moment,
        "version": 1,
        "updated_at": moment,
        "updated_by": _desk(session),
    }
    insert = (postgresql.insert if _dialect(session) == "postgresql" else sqlite.insert)(CheckIn)
    inserted = session.execute(
        insert.values(**values)
        .on_conflict_do_nothing(index_elements=["event_id", "person_id", "scope", "day"])
        .returning(CheckIn.id)
    ).scalar_one_or_none()
    stored = session.execute(
        select(CheckIn.id, CheckIn.version, CheckIn.checked_in_at, CheckIn.updated_by).where(
            CheckIn.event_id == event_id,
            CheckIn.person_id == person_id,
            CheckIn.scope == scope,
            CheckIn.day == day,
        )
    ).one()
    outcome = ScanOutcome.CHECKED_IN if inserted is not None else ScanOutcome.ALREADY
    return ScanResult(
        outcome,
        person,
        check_in_id=stored.id,
        version=stored.version,
        at=_local(stored.checked_in_at, event.timezone),
        desk=stored.updated_by,
    )


def _dialect(session: Session) -> str:
    return session.connection().dialect.name


def _desk(session: Session) -> str:
    desk = session.connection().get_execution_options().get(DESK_OPTION)
    return desk if isinstance(desk, str) else default_desk_name()


def _scope_and_day(
    session: Session, event: Event, session_id: int | None, now: dt.datetime | None
) -> tuple[str, dt.date]:
    today = _local(now if now is not None else utc_now(), event.timezone).date()
    if session_id is None:
        return DAY_SCOPE, today
    programme_session = load(session, ProgramSession, session_id, "session")
    if programme_session.event_id != event.id:
        raise changed_meanwhile("session", programme_session)
    day = programme_session.starts_at.date() if programme_session.starts_at else today
    return f"session:{session_id}", day


def _local(moment: dt.datetime, zone: str) -> dt.datetime:
    """A naive UTC time as the event's naive local time."""
    return moment.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def _arriving(session: Session, person_id: int) -> ArrivingPerson | None:
    found = session.execute(
        select(Person.id, Person.display_name, Organization.name, Person.country)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(Person.id == person_id)
    ).one_or_none()
    return ArrivingPerson(*found) if found is not None else None


def remove_check_in(db: Database, check_in_id: int, *, expected_version: int | None) -> None:
    """Undo a check-in: the arrival is taken back (refused if another desk changed it)."""
    with db.transaction() as session:
        record = session.get(CheckIn, check_in_id)
        if record is None:
            return
        if expected_version is not None and record.version != expected_version:
            raise changed_meanwhile("check-in", record)
        session.delete(record)


def find_arriving(
    db: Database,
    event_id: int,
    typed: str,
    *,
    session_id: int | None = None,
    now: dt.datetime | None = None,
    limit: int = 12,
) -> list[Candidate]:
    """People of the directory whose names contain every word typed, registered ones first,
    with when they arrived in the scope asked about."""
    words = text.search_words(typed)  # in Latin letters, as the search keys hold them
    if not words:
        return []
    with db.reader() as session:
        event = load(session, Event, event_id, "event")
        scope, day = _scope_and_day(session, event, session_id, now)
        registered = (
            select(Registration.person_id)
            .where(
                Registration.event_id == event_id,
                Registration.status != RegistrationStatus.CANCELLED,
            )
            .scalar_subquery()
        )
        query = select(
            Person.id,
            Person.display_name,
            Organization.name,
            Person.country,
            Person.id.in_(registered),
        ).outerjoin(Organization, Organization.id == Person.organization_id)
        for word in words:
            query = query.where(Person.search_key.contains(word, autoescape=True))
        query = query.order_by(
            Person.id.in_(registered).desc(), Person.family_name, Person.given_name
        ).limit(limit)
        found = session.execute(query).all()
        arrived = dict(
            session.execute(
                select(CheckIn.person_id, CheckIn.checked_in_at).where(
                    CheckIn.event_id == event_id,
                    CheckIn.scope == scope,
                    CheckIn.day == day,
                    CheckIn.person_id.in_([row[0] for row in found]),
                )
            ).all()
        )
        return [
            Candidate(
                ArrivingPerson(row[0], row[1], row[2], row[3]),
                bool(row[4]),
                _local(arrived[row[0]], event.timezone) if row[0] in arrived else None,
            )
            for row in found
        ]


# --- counts and attendance --------------------------------------------------------------------


def today_for(db: Database, event_id: int, now: dt.datetime | None = None) -> dt.date:
    """The event's local date now (what a day's check-in counts for)."""
    with db.reader() as session:
        event = load(session, Event, event_id, "event")
        return _local(now if now is not None else utc_now(), event.timezone).date()


def arrivals_on(db: Database, event_id: int, day: dt.date) -> tuple[int, int]:
    """(people arrived at the event on `day`, people registered)."""
    with db.reader() as session:
        arrived = session.scalar(
            select(func.count()).where(
                CheckIn.event_id == event_id, CheckIn.scope == DAY_SCOPE, CheckIn.day == day
            )
        )
        registered = session.scalar(
            select(func.count()).where(
                Registration.event_id == event_id,
                Registration.status != RegistrationStatus.CANCELLED,
            )
        )
        return int(arrived or 0), int(registered or 0)


def session_counts(db: Database, event_id: int, day: dt.date) -> list[SessionCount]:
    """The day's sessions (breaks left out) in time order, with arrivals against seats."""
    start = dt.datetime.combine(day, dt.time())
    with db.reader() as session:
        arrived = (
            select(CheckIn.session_id, func.count().label("arrived"))
            .where(CheckIn.event_id == event_id, CheckIn.session_id.is_not(None))
            .group_by(CheckIn.session_id)
            .subquery()
        )
        query = (
            select(
                ProgramSession.id,
                ProgramSession.code,
                ProgramSession.title,
                ProgramSession.starts_at,
                Room.name,
                Room.capacity,
                func.coalesce(arrived.c.arrived, 0),
            )
            .outerjoin(Room, Room.id == ProgramSession.room_id)
            .outerjoin(arrived, arrived.c.session_id == ProgramSession.id)
            .where(
                ProgramSession.event_id == event_id,
                ProgramSession.starts_at >= start,
                ProgramSession.starts_at < start + dt.timedelta(days=1),
                ProgramSession.kind.not_in(BREAK_KINDS),
            )
            .order_by(ProgramSession.starts_at, Room.position, ProgramSession.id)
        )
        return [SessionCount(*row) for row in session.execute(query)]


def attendance(
    db: Database, event_id: int, *, session_id: int | None = None
) -> list[AttendanceRow]:
    """Every arrival of the event (or of one session), in the order they came (for the
    attendance export)."""
    with db.reader() as session:
        event = load(session, Event, event_id, "event")
        query = (
            select(
                Person.display_name,
                Organization.name,
                Person.country,
                Person.email,
                ProgramSession.code,
                ProgramSession.title,
                CheckIn.day,
                CheckIn.checked_in_at,
                CheckIn.updated_by,
            )
            .join(Person, Person.id == CheckIn.person_id)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .outerjoin(ProgramSession, ProgramSession.id == CheckIn.session_id)
            .where(CheckIn.event_id == event_id)
            .order_by(CheckIn.checked_in_at, CheckIn.id)
        )
        if session_id is not None:
            query = query.where(CheckIn.session_id == session_id)
        return [
            AttendanceRow(*row[:7], _local(row[7], event.timezone), row[8])
            for row in session.execute(query)
        ]


def attendance_table(rows: Sequence[AttendanceRow]) -> tuple[list[str], list[list[object]]]:
    """Headings and cells of the attendance export, in the messages' language."""
    heads = [
        pgettext("person", "Name"),
        _("Organisation"),
        _("Country"),
        _("E-mail"),
        _("Session"),
        _("Day"),
        _("Time"),
        _("Desk"),
    ]
    cells: list[list[object]] = [
        [
            row.display_name,
            row.organization or "",
            row.country or "",
            row.email or "",
            " ".join(part for part in (row.session_code, row.session_title) if part)
            or _("the event"),
            row.day.isoformat(),
            row.at.strftime("%H:%M"),
            row.desk or "",
        ]
        for row in rows
    ]
    return heads, cells


def export_attendance(
    db: Database,
    event_id: int,
    path: Path,
    *,
    delimiter: str = ",",
    flavour: CsvFlavour = "excel",
    session_id: int | None = None,
) -> int:
    """Write the attendance list (of the event, or of one session) to `path`: a workbook for
    .xlsx, CSV otherwise; returns the number of arrivals written."""
    with db.reader() as session:
        title = load(session, Event, event_id, "event").name
    heads, rows = attendance_table(attendance(db, event_id, session_id=session_id))
    path = Path(path)
    try:
        if path.suffix.lower() == ".xlsx":
            # the writers bring openpyxl: loaded by an export, not when the window starts
            from forumdesk.io.attendance_files import write_attendance_xlsx

            return write_attendance_xlsx(path, title, heads, rows)
        from forumdesk.io.attendance_files import write_attendance_csv

        return write_attendance_csv(path, heads, rows, delimiter=delimiter, flavour=flavour)
    except OSError as exc:
        raise storage_error(exc, path) from exc
