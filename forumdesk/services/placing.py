"""Putting sessions on the timetable: schedule, unschedule, move, resize, and putting them back.

The timetable's rules live here, not in the window: a move keeps the session's length; a
session that has no time is scheduled for its planned length (an hour if it has none); sessions
dropped together go one after another; a break or registration dropped on the timetable goes
across all rooms (it books none), and an all-rooms session stays across all rooms when moved.
Each function is one unit of work (all of its sessions or none) that returns where the sessions
were before: `place_session` / `place_sessions` take that back, which is how undo works.
A caller passes the version of each session the user saw, and a session changed since is
refused (ConcurrentEditError, nothing changed). A caller that passes `left_versions` (a dict)
gets each session's version as the write left it: what its undo is based on.

Times are the event's local wall-clock times (an aware datetime is converted to the event's zone).
Double bookings are allowed on purpose: staff see them as problems on the timetable rather than
being stopped mid-plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from forumdesk.core.enums import BREAK_KINDS
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import _
from forumdesk.core.rows import Placement
from forumdesk.db.engine import Database
from forumdesk.db.journal import as_one_entry
from forumdesk.db.models import Event, ProgramSession
from forumdesk.services.records import check_version, load
from forumdesk.services.sessions import check_room, check_times, load_row, local_time

# How long a session with no time and no planned length lasts once put on the timetable.
DEFAULT_LENGTH = dt.timedelta(hours=1)
PLACE_SESSIONS = "place sessions"  # the journal entry of several sessions placed at once

Versions = Mapping[int, int]  # session id -> the version the user saw
Left = dict[int, int] | None  # filled, if given, with each session's version after the write


def place_session(
    db: Database,
    session_id: int,
    placement: Placement,
    *,
    expected_version: int | None,
    left_versions: Left = None,
) -> Placement:
    """Put a session in a room and time (any part may be None); returns where it was before."""
    with db.transaction() as session:
        record = _load(session, session_id, expected_version)
        previous = _place(session, record, placement)
        _report(session, [record], left_versions)
        return previous


def place_sessions(
    db: Database,
    placements: Mapping[int, Placement],
    *,
    expected_versions: Versions | None,
    left_versions: Left = None,
) -> dict[int, Placement]:
    """Put several sessions where `placements` says, in one unit of work; where they were."""
    with db.transaction() as session:
        return place_sessions_in(session, placements, expected_versions, left_versions)


def place_sessions_in(
    session: Session,
    placements: Mapping[int, Placement],
    expected_versions: Versions | None,
    left_versions: Left = None,
) -> dict[int, Placement]:
    """`place_sessions` inside a unit of work the caller holds (it checks more in the same one).

    Several sessions placed at once (an automatic placement, or its undo) are one action: one
    journal entry, counting them, rather than one per session."""
    if len(placements) > 1:
        first = next(iter(placements))
        event_id = session.scalar(select(ProgramSession.event_id).where(ProgramSession.id == first))
        as_one_entry(session, PLACE_SESSIONS, event_id)
    previous: dict[int, Placement] = {}
    records = []
    for session_id, placement in placements.items():
        record = _load(session, session_id, expected_versions)
        previous[session_id] = _place(session, record, placement)
        records.append(record)
    _report(session, records, left_versions)
    return previous


def schedule_session(
    db: Database,
    session_id: int,
    room_id: int | None,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    expected_version: int | None,
) -> Placement:
    """Give a session a room and times; returns the previous placement."""
    return place_session(
        db, session_id, Placement(room_id, starts_at, ends_at), expected_version=expected_version
    )


def schedule_sessions(
    db: Database,
    session_ids: Sequence[int],
    room_id: int | None,
    starts_at: dt.datetime,
    *,
    expected_versions: Versions | None,
    left_versions: Left = None,
) -> dict[int, Placement]:
    """Put sessions into a room one after another from `starts_at`; where they were before.

    Each keeps the length it has, or gets its planned length (DEFAULT_LENGTH if none) when it
    has no time. Breaks and registration, and sessions already across all rooms, go across all
    rooms rather than into `room_id`.
    """
    with db.transaction() as session:
        previous: dict[int, Placement] = {}
        records = []
        start: dt.datetime | None = None
        for session_id in dict.fromkeys(session_ids):
            record = _load(session, session_id, expected_versions)
            records.append(record)
            if start is None:
                start = local_time(starts_at, _event(session, record), "starts_at")
                assert start is not None
            end = start + _length(record)
            across = record.all_rooms or record.kind in BREAK_KINDS
            placement = Placement(None if across else room_id, start, end, all_rooms=across)
            previous[session_id] = _place(session, record, placement)
            start = end
        _report(session, records, left_versions)
        return previous


def unschedule_session(
    db: Database, session_id: int, *, expected_version: int | None, keep_room: bool = False
) -> Placement:
    """Take a session off the timetable (back to the unscheduled list)."""
    versions = None if expected_version is None else {session_id: expected_version}
    return unschedule_sessions(db, [session_id], keep_room=keep_room, expected_versions=versions)[
        session_id
    ]


def unschedule_sessions(
    db: Database,
    session_ids: Sequence[int],
    *,
    keep_room: bool = False,
    expected_versions: Versions | None,
    left_versions: Left = None,
) -> dict[int, Placement]:
    """Take sessions off the timetable (keeping their rooms, if asked); where they were."""
    with db.transaction() as session:
        previous: dict[int, Placement] = {}
        records = []
        for session_id in dict.fromkeys(session_ids):
            record = _load(session, session_id, expected_versions)
            room_id = record.room_id if keep_room else None
            placement = Placement(room_id, None, None, record.all_rooms)
            previous[session_id] = _place(session, record, placement)
            records.append(record)
        _report(session, records, left_versions)
        return previous


def move_session(
    db: Database,
    session_id: int,
    starts_at: dt.datetime,
    room_id: int | None = None,
    *,
    keep_room: bool = True,
    expected_version: int | None,
    left_versions: Left = None,
) -> Placement:
    """Move a scheduled session to a new start (and room), keeping its length.

    `room_id` None keeps the session's room unless `keep_room` is False (then: no room).
    An all-rooms session stays across all rooms. Returns where it was before.
    """
    with db.transaction() as session:
        record = _load(session, session_id, expected_version)
        if record.starts_at is None or record.ends_at is None:
            raise _not_scheduled(session, record)
        start = local_time(starts_at, _event(session, record), "starts_at")
        assert start is not None
        if (room_id is None and keep_room) or record.all_rooms:
            room_id = record.room_id
        end = start + _length(record)
        previous = _place(session, record, Placement(room_id, start, end, record.all_rooms))
        _report(session, [record], left_versions)
        return previous


def resize_session(
    db: Database,
    session_id: int,
    ends_at: dt.datetime,
    *,
    expected_version: int | None,
    left_versions: Left = None,
) -> Placement:
    """Change a scheduled session's end time; returns where it was before."""
    with db.transaction() as session:
        record = _load(session, session_id, expected_version)
        if record.starts_at is None:
            raise _not_scheduled(session, record)
        placement = Placement(record.room_id, record.starts_at, ends_at, record.all_rooms)
        previous = _place(session, record, placement)
        _report(session, [record], left_versions)
        return previous


# --- inside the unit of work ------------------------------------------------------------------


def _load(session: Session, session_id: int, expected: int | Versions | None) -> ProgramSession:
    record = load(session, ProgramSession, session_id, "session")
    version = expected.get(session_id) if isinstance(expected, Mapping) else expected
    check_version(record, version, "session")
    return record


def _report(session: Session, records: Sequence[ProgramSession], left: Left) -> None:
    """Write now and tell the caller (if it asked) each session's version afterwards."""
    if left is not None:
        session.flush()
        left.update((record.id, record.version) for record in records)


def _event(session: Session, record: ProgramSession) -> Event:
    return load(session, Event, record.event_id, "event")


def _length(record: ProgramSession) -> dt.timedelta:
    if record.starts_at is None or record.ends_at is None:
        return planned_length(record.planned_minutes)
    return record.ends_at - record.starts_at


def planned_length(minutes: int | None) -> dt.timedelta:
    """How long a session with this planned length lasts once put on the timetable."""
    return dt.timedelta(minutes=minutes) if minutes else DEFAULT_LENGTH


def _place(session: Session, record: ProgramSession, placement: Placement) -> Placement:
    """Check and set a session's room and times; returns where it was."""
    event = _event(session, record)
    previous = Placement(record.room_id, record.starts_at, record.ends_at, record.all_rooms)
    starts_at = local_time(placement.starts_at, event, "starts_at")
    ends_at = local_time(placement.ends_at, event, "ends_at")
    check_times(starts_at, ends_at)
    room_id = None if placement.all_rooms else placement.room_id  # all rooms: books none
    check_room(session, record.event_id, room_id)
    record.room_id, record.starts_at, record.ends_at = room_id, starts_at, ends_at
    record.all_rooms = placement.all_rooms
    return previous


def _not_scheduled(session: Session, record: ProgramSession) -> ValidationError:
    label = load_row(session, record.id).label
    return ValidationError(
        _("{session} is not on the timetable yet; schedule it first.").format(session=label)
    )
