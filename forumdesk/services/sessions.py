"""Programme sessions: create, edit, delete, list, and the checks every write of a session makes.

Putting sessions on the timetable is forumdesk.services.placing; the session editor's save (the
fields and the people together) is forumdesk.services.session_editing. Both check with the
functions here.

Times are the event's local wall-clock times. An aware datetime is converted to the event's zone;
a naive one is taken as already local. Double bookings are allowed here on purpose: staff see them
as problems on the timetable rather than being stopped mid-plan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from forumdesk.core import content_languages as langs
from forumdesk.core import text
from forumdesk.core.enums import LEADING_ROLES, SessionKind
from forumdesk.core.errors import ConflictError, ValidationError
from forumdesk.core.i18n import N_, _
from forumdesk.core.programme_order import programme_order
from forumdesk.core.rows import AssignmentRow, SessionRow, SessionSnapshot
from forumdesk.db.engine import Database
from forumdesk.db.models import Assignment, Event, Person, ProgramSession, Room, Track
from forumdesk.services.records import apply_changes, check_version, load, put_back_version

MAX_SESSION_LENGTH = dt.timedelta(hours=24)

# --- rows -------------------------------------------------------------------------------------


def session_query() -> Select:
    """Sessions with their room's name and their track's name and colour (None when unset).

    The row type is left open: SQLAlchemy 2.0 and 2.1 spell a Select's columns differently.
    """
    room, track = aliased(Room), aliased(Track)
    return (
        select(ProgramSession, room.name, track.name, track.color)
        .outerjoin(room, room.id == ProgramSession.room_id)
        .outerjoin(track, track.id == ProgramSession.track_id)
    )


def session_rows(session: Session, query: Select) -> list[SessionRow]:  # type: ignore[type-arg]
    """Run a `session_query()`-shaped query and build rows with their moderators."""
    results = session.execute(query).all()
    moderators = _moderators(session, [r[0].id for r in results])
    return [
        _row(record, room_name, track_name, track_color, moderators.get(record.id, ()))
        for record, room_name, track_name, track_color in results
    ]


def _row(
    record: ProgramSession,
    room_name: str | None,
    track_name: str | None,
    track_color: str | None,
    moderators: tuple[str, ...],
) -> SessionRow:
    return SessionRow(
        id=record.id,
        event_id=record.event_id,
        code=record.code,
        title=record.title,
        kind=record.kind,
        track_id=record.track_id,
        track_name=track_name,
        track_color=track_color,
        room_id=record.room_id,
        room_name=room_name,
        starts_at=record.starts_at,
        ends_at=record.ends_at,
        description=record.description,
        expected_audience=record.expected_audience,
        version=record.version,
        planned_minutes=record.planned_minutes,
        all_rooms=record.all_rooms,
        cancelled=record.cancelled,
        moderators=moderators,
        translations=langs.as_row(record.translations),
        updated_at=record.updated_at,
        updated_by=record.updated_by,
    )


def _moderators(session: Session, session_ids: list[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for chunk_start in range(0, len(session_ids), 500):  # stay under SQLite's variable limit
        chunk = session_ids[chunk_start : chunk_start + 500]
        query = (
            select(Assignment.session_id, Assignment.role, Assignment.position, Person.display_name)
            .join(Person, Person.id == Assignment.person_id)
            .where(Assignment.session_id.in_(chunk), Assignment.role.in_(LEADING_ROLES))
        )
        for session_id, role, position, name in session.execute(query):
            found[session_id].append((LEADING_ROLES.index(role), position, name))
    return {key: tuple(name for *_order, name in sorted(names)) for key, names in found.items()}


def load_row(session: Session, session_id: int) -> SessionRow:
    """Query helper: one session's row, or NotFoundError."""
    rows = session_rows(session, session_query().where(ProgramSession.id == session_id))
    if not rows:
        load(session, ProgramSession, session_id, "session")  # raises NotFoundError
    return rows[0]


# --- validation -------------------------------------------------------------------------------


def local_time(value: object, event: Event, field: str) -> dt.datetime | None:
    """A time as the event's wall clock shows it (an aware one converted, a naive one kept)."""
    return text.event_local_time(value, event.timezone, field)


def check_times(starts_at: dt.datetime | None, ends_at: dt.datetime | None) -> None:
    """Both times or neither; the end after the start, at most a day later."""
    if (starts_at is None) != (ends_at is None):
        raise ValidationError(_("A scheduled session needs both a start and an end time."))
    if starts_at is not None and ends_at is not None:
        if ends_at <= starts_at:
            raise ValidationError(_("A session must end after it starts."), field="ends_at")
        if ends_at - starts_at > MAX_SESSION_LENGTH:
            raise ValidationError(_("A session cannot last more than 24 hours."), field="ends_at")


def check_room(session: Session, event_id: int, room_id: int | None) -> None:
    """The room (if any) exists and is the event's."""
    if room_id is None:
        return
    with session.no_autoflush:  # before the pending change meets the foreign key
        room = load(session, Room, room_id, "room")
    if room.event_id != event_id:
        raise ValidationError(_("That room belongs to another event."), field="room_id")


def check_track(session: Session, event_id: int, track_id: int | None) -> None:
    """The track (if any) exists and is the event's."""
    if track_id is None:
        return
    with session.no_autoflush:
        track = load(session, Track, track_id, "track")
    if track.event_id != event_id:
        raise ValidationError(_("That track belongs to another event."), field="track_id")


def check_code(session: Session, event_id: int, code: str | None, own_id: int | None) -> None:
    """No other session of the event has this code (ignoring case, Cyrillic included)."""
    if code is None:
        return
    key = text.fold(code)  # in Python: SQLite's lower() leaves Cyrillic codes ("С1") alone
    query = select(ProgramSession.id, ProgramSession.code, ProgramSession.title).where(
        ProgramSession.event_id == event_id, ProgramSession.code.is_not(None)
    )
    with session.no_autoflush:  # check before the pending change hits the unique constraint
        found = session.execute(query).all()
    for other_id, other_code, title in found:
        if other_id != own_id and other_code is not None and text.fold(other_code) == key:
            raise ConflictError(
                _("The code {code} is already used by the session «{title}».").format(
                    code=code, title=title
                )
            )


def _optional_id(value: object) -> int | None:
    return None if value is None or value == "" else int(value)  # type: ignore[call-overload]


def planned_minutes(value: object) -> int | None:
    """A planned length in whole minutes: more than none, at most a day (None: not planned)."""
    minutes = text.non_negative(value, N_("planned length"), "planned_minutes")
    if minutes is not None and not 0 < minutes <= MAX_SESSION_LENGTH.total_seconds() // 60:
        raise ValidationError(
            _("A session's planned length must be between 1 minute and 24 hours."),
            field="planned_minutes",
        )
    return minutes


def settle_all_rooms(record: ProgramSession, previous: dict[str, object]) -> None:
    """An all-rooms session books no room: its room is cleared (and noted in `previous`)."""
    if record.all_rooms and record.room_id is not None:
        previous.setdefault("room_id", record.room_id)
        record.room_id = None


# How each field a caller may set is cleaned (apply_changes takes these).
FIELD_CLEANERS = {
    "code": text.clean,
    "title": lambda v: text.require(v, N_("session title"), "title"),
    "kind": lambda v: text.vocabulary(SessionKind, v, N_("session kind"), "kind"),
    "track_id": _optional_id,
    "room_id": _optional_id,
    "description": text.clean_multiline,
    "expected_audience": lambda v: text.non_negative(
        v, N_("expected audience"), "expected_audience"
    ),
    "planned_minutes": planned_minutes,
    "all_rooms": bool,
    "cancelled": bool,
    "translations": lambda v: langs.clean_translations(v, langs.SESSION_FIELDS),
}


# --- create, edit, delete ---------------------------------------------------------------------


def create_session(
    db: Database,
    event_id: int,
    title: str,
    *,
    code: str | None = None,
    kind: SessionKind | str = SessionKind.DISCUSSION,
    track_id: int | None = None,
    room_id: int | None = None,
    starts_at: dt.datetime | None = None,
    ends_at: dt.datetime | None = None,
    description: str | None = None,
    expected_audience: int | None = None,
    planned_minutes: int | None = None,
    all_rooms: bool = False,
    translations: object = None,
) -> SessionRow:
    """Create a session, scheduled or not (`all_rooms`: across the venue, in no room);
    `translations` holds its title and description in the event's other languages."""
    fields = {
        "code": code,
        "title": title,
        "kind": kind,
        "track_id": track_id,
        "room_id": room_id,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "description": description,
        "expected_audience": expected_audience,
        "planned_minutes": planned_minutes,
        "all_rooms": all_rooms,
        "translations": translations,
    }
    with db.transaction() as session:
        record = add_session_record(session, event_id, fields)
        return load_row(session, record.id)


def add_session_record(
    session: Session, event_id: int, fields: Mapping[str, object]
) -> ProgramSession:
    """Query helper: a new session of the event from field values (cleaned, checked, flushed).

    `fields` holds FIELD_CLEANERS' names and `starts_at`/`ends_at`; "title" is required.
    """
    event = load(session, Event, event_id, "event")
    values = {"kind": SessionKind.DISCUSSION, "all_rooms": False, **fields}
    times = {name: values.pop(name, None) for name in ("starts_at", "ends_at")}
    unknown = values.keys() - FIELD_CLEANERS.keys()
    if unknown:
        raise ValidationError(
            _("Cannot change {fields} here.").format(fields=", ".join(sorted(unknown)))
        )
    record = ProgramSession(
        event_id=event_id,
        **{name: clean(values.get(name)) for name, clean in FIELD_CLEANERS.items()},
    )
    record.starts_at = local_time(times["starts_at"], event, "starts_at")
    record.ends_at = local_time(times["ends_at"], event, "ends_at")
    check_times(record.starts_at, record.ends_at)
    settle_all_rooms(record, {})
    check_room(session, event_id, record.room_id)
    check_track(session, event_id, record.track_id)
    check_code(session, event_id, record.code, None)
    session.add(record)
    session.flush()
    return record


def update_session(
    db: Database,
    session_id: int,
    changes: Mapping[str, object],
    *,
    expected_version: int | None,
) -> dict[str, object]:
    """Change a session's fields (not its times); returns the previous values for undo."""
    with db.transaction() as session:
        record = load(session, ProgramSession, session_id, "session")
        check_version(record, expected_version, "session")
        previous = apply_changes(record, changes, FIELD_CLEANERS)
        settle_all_rooms(record, previous)
        if "room_id" in previous:
            check_room(session, record.event_id, record.room_id)
        if "track_id" in previous:
            check_track(session, record.event_id, record.track_id)
        if "code" in previous:
            check_code(session, record.event_id, record.code, record.id)
        return previous


def set_cancelled(
    db: Database, session_id: int, cancelled: bool, *, expected_version: int | None
) -> SessionRow:
    """Cancel a session (it stays in the programme, struck through) or take the cancellation
    back; refused (ConcurrentEditError) when the session is no longer at `expected_version`."""
    with db.transaction() as session:
        record = load(session, ProgramSession, session_id, "session")
        check_version(record, expected_version, "session")
        record.cancelled = cancelled
        session.flush()
        return load_row(session, session_id)


def delete_session(
    db: Database, session_id: int, *, expected_version: int | None
) -> SessionSnapshot:
    """Delete a session and its assignments; the snapshot lets undo put both back.

    Refused (ConcurrentEditError) when the session is no longer at `expected_version`: the
    undo of a create deletes only the session as it was created.
    """
    versions = None if expected_version is None else {session_id: expected_version}
    return delete_sessions(db, [session_id], expected_versions=versions)[0]


def delete_sessions(
    db: Database,
    session_ids: Sequence[int],
    *,
    expected_versions: Mapping[int, int] | None,
) -> list[SessionSnapshot]:
    """Delete several sessions in one unit of work (all or none); snapshots for undo.

    A session whose version is not the one in `expected_versions` (what the user saw) was
    changed since: the deletion is refused and nothing is deleted.
    """
    with db.transaction() as session:
        snapshots = []
        for session_id in dict.fromkeys(session_ids):
            row = load_row(session, session_id)
            record = load(session, ProgramSession, session_id, "session")
            if expected_versions is not None:
                check_version(record, expected_versions.get(session_id), "session")
            assignments = tuple(
                AssignmentRow(
                    session_id=a.session_id,
                    person_id=a.person_id,
                    display_name=a.person.display_name,
                    organization=None,
                    position_title=None,
                    email=a.person.email,
                    role=a.role,
                    position=a.position,
                )
                for a in record.assignments
            )
            session.delete(record)
            snapshots.append(SessionSnapshot(row, assignments))
        return snapshots


def duplicate_sessions(db: Database, session_ids: Sequence[int]) -> list[SessionRow]:
    """Copy sessions with their people, in one unit of work; the copies, in the order given.

    A copy has no code (codes are unique) and the same title, kind, track, description and
    people. A scheduled session's copy follows it in the same place (the same room, or all
    rooms), starting as it ends; an unscheduled one's stays unscheduled. Undo: delete_sessions.
    """
    with db.transaction() as session:
        copies = []
        for session_id in dict.fromkeys(session_ids):
            original = load(session, ProgramSession, session_id, "session")
            starts_at = original.ends_at
            ends_at = (
                original.ends_at + (original.ends_at - original.starts_at)
                if original.starts_at is not None and original.ends_at is not None
                else None
            )
            copy = ProgramSession(
                event_id=original.event_id,
                code=None,
                title=original.title,
                kind=original.kind,
                track_id=original.track_id,
                room_id=original.room_id,
                starts_at=starts_at if ends_at is not None else None,
                ends_at=ends_at,
                description=original.description,
                expected_audience=original.expected_audience,
                planned_minutes=original.planned_minutes,
                all_rooms=original.all_rooms,
            )
            check_times(copy.starts_at, copy.ends_at)
            session.add(copy)
            session.flush()
            for a in original.assignments:
                session.add(
                    Assignment(
                        session_id=copy.id, person_id=a.person_id, role=a.role, position=a.position
                    )
                )
            copies.append(copy.id)
        session.flush()
        return [load_row(session, copy_id) for copy_id in copies]


def restore_session(db: Database, snapshot: SessionSnapshot) -> SessionRow:
    """Undo delete_session: same id, fields, place and people (those who still exist)."""
    return restore_sessions(db, [snapshot])[0]


def restore_sessions(db: Database, snapshots: Sequence[SessionSnapshot]) -> list[SessionRow]:
    """Undo delete_sessions, in one unit of work."""
    with db.transaction() as session:
        restored = [_restore(session, snapshot) for snapshot in snapshots]
        session.flush()
        return [load_row(session, record_id) for record_id in restored]


def _restore(session: Session, snapshot: SessionSnapshot) -> int:
    row = snapshot.session
    load(session, Event, row.event_id, "event")
    if session.get(ProgramSession, row.id) is not None:
        raise ConflictError(
            _("{session} cannot be put back: it is already there.").format(session=row.label)
        )
    room_id = row.room_id if row.room_id and session.get(Room, row.room_id) else None
    track_id = row.track_id if row.track_id and session.get(Track, row.track_id) else None
    check_code(session, row.event_id, row.code, None)
    record = ProgramSession(
        id=row.id,
        event_id=row.event_id,
        code=row.code,
        title=row.title,
        kind=row.kind,
        track_id=track_id,
        room_id=room_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        description=row.description,
        expected_audience=row.expected_audience,
        planned_minutes=row.planned_minutes,
        all_rooms=row.all_rooms,
        cancelled=row.cancelled,
        translations=langs.clean_translations(row.translations, langs.SESSION_FIELDS),
    )
    session.add(record)
    put_back_version(session, record, row.version + 1)
    for a in snapshot.assignments:
        if session.get(Person, a.person_id) is not None:
            session.add(
                Assignment(
                    session_id=record.id, person_id=a.person_id, role=a.role, position=a.position
                )
            )
    return record.id


# --- queries ----------------------------------------------------------------------------------


def get_session(db: Database, session_id: int) -> SessionRow:
    with db.reader() as session:
        return load_row(session, session_id)


def last_written(db: Database, session_id: int) -> tuple[dt.datetime | None, str | None]:
    """When (UTC) and from which desk the session or its people were last written."""
    with db.reader() as session:
        stamps = [
            *session.execute(
                select(ProgramSession.updated_at, ProgramSession.updated_by).where(
                    ProgramSession.id == session_id
                )
            ),
            *session.execute(
                select(Assignment.updated_at, Assignment.updated_by).where(
                    Assignment.session_id == session_id
                )
            ),
        ]
    known = [(at, by) for at, by in stamps if at is not None]
    return max(known, key=lambda stamp: stamp[0]) if known else (None, None)


def list_sessions(
    db: Database,
    event_id: int,
    *,
    search: str | None = None,
    scheduled: bool | None = None,
) -> list[SessionRow]:
    """An event's sessions in programme order (scheduled by time and room order, then the rest).

    `search` matches code or title ignoring case, Cyrillic included.
    """
    with db.reader() as session:
        query = session_query().where(ProgramSession.event_id == event_id)
        if scheduled is True:
            query = query.where(ProgramSession.starts_at.is_not(None))
        elif scheduled is False:
            query = query.where(ProgramSession.starts_at.is_(None))
        rows = session_rows(session, query)
        order = room_order(session, event_id)
    if search and (needle := text.fold(search)):
        rows = [r for r in rows if needle in text.fold(f"{r.code or ''} {r.title}")]
    return sorted(rows, key=lambda r: programme_order(r, order))


def session_counts(db: Database, event_id: int) -> tuple[int, int]:
    """How many sessions the event has, and how many of them are not on the timetable yet."""
    with db.reader() as session:
        total, unscheduled = session.execute(
            select(func.count(), func.count().filter(ProgramSession.starts_at.is_(None))).where(
                ProgramSession.event_id == event_id
            )
        ).one()
    return int(total), int(unscheduled)


def room_order(session: Session, event_id: int) -> dict[int, int]:
    query = select(Room.id, Room.position).where(Room.event_id == event_id)
    return {room_id: position for room_id, position in session.execute(query)}


def sessions_by_ids(db: Database, session_ids: Iterable[int]) -> list[SessionRow]:
    ids = list(session_ids)
    with db.reader() as session:
        return session_rows(session, session_query().where(ProgramSession.id.in_(ids)))


def sessions_in_range(
    session: Session,
    event_id: int,
    start: dt.datetime,
    end: dt.datetime,
    room_id: int | None = None,
) -> list[SessionRow]:
    """Query helper: sessions overlapping [start, end) (half-open), for agendas."""
    query = session_query().where(
        ProgramSession.event_id == event_id,
        ProgramSession.starts_at < end,
        ProgramSession.ends_at > start,
    )
    if room_id is not None:
        query = query.where(ProgramSession.room_id == room_id)
    return session_rows(session, query)
