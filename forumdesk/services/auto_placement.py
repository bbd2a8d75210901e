"""Placing sessions automatically: propose a placement, suggest slots, accept what staff choose.

`propose_placement` reads the event in a few bulk queries, hands plain rows to the solver
(forumdesk.scheduling.placement) and returns a `Proposal`, changing nothing; it remembers the
version of every session of the event it read. `accept_proposal` writes all or some of the
proposal as one unit of work, and refuses (ConcurrentEditError, nothing changed) when any
session of the event was changed meanwhile, since the proposal was worked out around it. It
returns where the sessions were, which `placing.place_sessions` puts back (undo).

`suggest_slots` gives the best few (room, start) for one session with a reason each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import _
from forumdesk.core.rows import Placement
from forumdesk.db.engine import Database
from forumdesk.db.journal import as_one_entry
from forumdesk.db.models import (
    Assignment,
    Event,
    Person,
    PersonUnavailability,
    ProgramSession,
    Registration,
    Room,
)
from forumdesk.scheduling import placement as solver
from forumdesk.scheduling import slots
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Unavailability,
)
from forumdesk.scheduling.placement_model import (
    DAY_ENDS,
    DAY_STARTS,
    PlacementInput,
    PlacementSettings,
    Problem,
    Spot,
)
from forumdesk.services.day_hours import with_day_hours
from forumdesk.services.placing import Left, place_sessions_in, planned_length
from forumdesk.services.problems import REGISTERED_STATUSES, UNAVAILABILITY_COLUMNS
from forumdesk.services.records import changed_meanwhile, load

Progress = solver.Progress
AUTO_PLACEMENT = "auto-placement"  # what its journal entry says it was
Cancelled = solver.Cancelled


@dataclass(frozen=True, slots=True)
class UnplacedRow:
    session_id: int
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class Proposal:
    """Where the solver would put the sessions, and what it was based on."""

    event_id: int
    spots: tuple[Spot, ...]
    unplaced: tuple[UnplacedRow, ...]
    based_on: Mapping[int, int] = field(default_factory=dict)  # every session id -> version
    labels: Mapping[int, str] = field(default_factory=dict)  # session id -> "S1 «Title»"
    room_names: Mapping[int, str] = field(default_factory=dict)
    optimal: bool = False
    cancelled: bool = False
    score: int = 0
    seconds: float = 0.0
    # the daily hours the sessions were placed in
    day_starts: dt.time = DAY_STARTS
    day_ends: dt.time = DAY_ENDS


@dataclass(frozen=True, slots=True)
class _Read:
    data: PlacementInput
    versions: dict[int, int]
    labels: dict[int, str]
    room_names: dict[int, str]


def _read(session: Session, event_id: int) -> _Read:
    """Query helper: the event as the solver reads it, in six queries whatever its size."""
    event = load(session, Event, event_id, "event")
    conn = session.connection()
    rooms = [
        CheckRoom(*row)
        for row in conn.execute(
            select(Room.id, Room.name, Room.capacity)
            .where(Room.event_id == event_id)
            .order_by(Room.position, Room.id)
        )
    ]
    sessions, versions, tracks, lengths = [], {}, {}, {}
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
            ProgramSession.version,
            ProgramSession.track_id,
            ProgramSession.planned_minutes,
        ).where(ProgramSession.event_id == event_id)
    ):
        sessions.append(CheckSession(*row[:9]))
        versions[row.id] = row.version
        tracks[row.id] = row.track_id
        lengths[row.id] = int(planned_length(row.planned_minutes).total_seconds() // 60)
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
            .where(Person.id.in_({a.person_id for a in assignments}))
        )
    ]
    periods = [
        Unavailability(*row)
        for row in conn.execute(
            select(*UNAVAILABILITY_COLUMNS).where(PersonUnavailability.event_id == event_id)
        )
    ]
    data = PlacementInput(
        tuple(sessions),
        tuple(rooms),
        tuple(assignments),
        tuple(people),
        tuple(periods),
        CheckSettings(event.first_day, event.last_day, event.changeover_minutes),
        tracks=tracks,
        lengths=lengths,
    )
    return _Read(data, versions, {s.id: s.label for s in sessions}, {r.id: r.name for r in rooms})


def read_placement_input(db: Database, event_id: int) -> PlacementInput:
    """The event as the solver reads it (for the benchmark and the tests)."""
    with db.reader() as session:
        return _read(session, event_id).data


def propose_placement(
    db: Database,
    event_id: int,
    settings: PlacementSettings | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Proposal:
    """Where the solver would put the unscheduled sessions (and the movable ones); changes
    nothing. Stops at the settings' time limit or when `cancelled()` says so, keeping the best
    placement found so far. Daily hours the settings leave out are the event's default
    (forumdesk.services.day_hours); a day that does not start before it ends is refused."""
    settings = with_day_hours(db, event_id, settings or PlacementSettings())
    with db.reader() as session:
        read = _read(session, event_id)
    result = solver.place(read.data, settings, progress=progress, cancelled=cancelled)
    return Proposal(
        event_id,
        result.spots,
        tuple(
            UnplacedRow(u.session_id, read.labels[u.session_id], u.reason) for u in result.unplaced
        ),
        read.versions,
        read.labels,
        read.room_names,
        result.optimal,
        result.cancelled,
        result.score,
        result.seconds,
        settings.day_starts or DAY_STARTS,
        settings.day_ends or DAY_ENDS,
    )


def accept_proposal(
    db: Database,
    proposal: Proposal,
    session_ids: Collection[int] | None = None,
    *,
    left_versions: Left = None,
) -> dict[int, Placement]:
    """Put the proposal's sessions (all, or those in `session_ids`) where it says, in one unit
    of work; returns where they were. Refused, changing nothing, if any session of the event
    changed since the proposal was worked out, or a session was added to the event."""
    chosen = [
        spot for spot in proposal.spots if session_ids is None or spot.session_id in session_ids
    ]
    if not chosen:
        raise ValidationError(_("No sessions of the proposal were chosen."))
    with db.transaction() as session:
        # one action, however many sessions it places: one journal entry, as an import is
        as_one_entry(session, AUTO_PLACEMENT, proposal.event_id)
        now = {
            session_id: version
            for session_id, version in session.execute(
                select(ProgramSession.id, ProgramSession.version).where(
                    ProgramSession.event_id == proposal.event_id
                )
            )
        }
        for session_id, version in now.items():
            if proposal.based_on.get(session_id) != version:
                raise changed_meanwhile("session", session.get(ProgramSession, session_id))
        for session_id in proposal.based_on.keys() - now.keys():
            load(session, ProgramSession, session_id, "session")  # raises: gone
        placements = {
            spot.session_id: Placement(spot.room_id, spot.starts_at, spot.ends_at, spot.all_rooms)
            for spot in chosen
        }
        return place_sessions_in(session, placements, proposal.based_on, left_versions)


@dataclass(frozen=True, slots=True)
class SlotRow:
    """One suggested place for a session, as staff see it."""

    room_id: int | None
    room: str  # its name ("all rooms" for a break)
    starts_at: dt.datetime
    ends_at: dt.datetime
    clean: bool
    reason: str


def suggest_slots(
    db: Database, session_id: int, count: int = 5, settings: PlacementSettings | None = None
) -> list[SlotRow]:
    """The best `count` rooms and starts for a session, every other session staying put,
    within the settings' daily hours (those left out: the event's default)."""
    with db.reader() as session:
        event_id = load(session, ProgramSession, session_id, "session").event_id
        read = _read(session, event_id)
    base = with_day_hours(db, event_id, settings or PlacementSettings())
    problem = Problem(read.data, dataclasses.replace(base, movable=frozenset({session_id})))
    everywhere = _("all rooms")
    return [
        SlotRow(
            slot.room_id,
            everywhere if slot.room_id is None else read.room_names[slot.room_id],
            slot.starts_at,
            slot.ends_at,
            slot.clean,
            slot.reason,
        )
        for slot in slots.suggest_slots(problem, session_id, count)
    ]
