"""The side-by-side instance of issue 19, and both solvers on it.

100 one-hour sessions, 6 rooms × 3 days × 8 one-hour slots, four people per session (drawn from
a pool so that each person has about four sessions), each session with an expected audience.
forumdesk places it with its own solver (forumdesk.scheduling.placement); PyconUK's
conference-scheduler (an optional extra: `pip install conference-scheduler`, PuLP with its
bundled CBC) solves the same instance as its integer program, people's other sessions given as
each event's unavailability and the expected audience as its demand. Both answers are checked by
forumdesk's clash checker and scored by the preference both can express: seats short (expected
audience above the room's capacity), in total and at worst.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass

from forumdesk.core.enums import Role, SessionKind
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Severity,
    find_problems,
)
from forumdesk.scheduling.placement import place
from forumdesk.scheduling.placement_model import PlacementInput, PlacementSettings

FIRST_DAY = dt.date(2027, 5, 12)
DAYS, SLOTS_PER_DAY, SESSIONS, PEOPLE_PER_SESSION = 3, 8, 100, 4
CAPACITIES = (40, 60, 80, 120, 160, 250)


@dataclass(frozen=True)
class Outcome:
    seconds: float
    placed: int
    errors: int
    seats_short: int  # in total
    worst_short: int  # at worst, in one session


def instance(seed: int = 1) -> PlacementInput:
    rng = random.Random(seed)
    pool = range(1, SESSIONS * PEOPLE_PER_SESSION // 4 + 1)
    sessions, assignments = [], []
    for n in range(1, SESSIONS + 1):
        audience = rng.randint(20, 240)
        sessions.append(
            CheckSession(
                n, f"S{n}", f"Session {n}", SessionKind.WORKSHOP, expected_audience=audience
            )
        )
        for person in rng.sample(pool, PEOPLE_PER_SESSION):
            assignments.append(CheckAssignment(n, person, Role.SPEAKER))
    return PlacementInput(
        tuple(sessions),
        tuple(CheckRoom(r, f"Room {r}", c) for r, c in enumerate(CAPACITIES, start=1)),
        tuple(assignments),
        tuple(CheckPerson(p, f"Person {p}") for p in pool),
        (),
        CheckSettings(FIRST_DAY, FIRST_DAY + dt.timedelta(days=DAYS - 1), 0),
        lengths={n: 60 for n in range(1, SESSIONS + 1)},
    )


def _start(day: int, slot: int) -> dt.datetime:
    return dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time(9 + slot))


def _outcome(
    data: PlacementInput, where: dict[int, tuple[int, dt.datetime]], seconds: float
) -> Outcome:
    capacity = {r.id: r.capacity or 0 for r in data.rooms}
    sessions = []
    short = []
    for s in data.sessions:
        if s.id in where:
            room, start = where[s.id]
            s = CheckSession(
                s.id,
                s.code,
                s.title,
                s.kind,
                room,
                start,
                start + dt.timedelta(hours=1),
                s.expected_audience,
            )
            short.append(max((s.expected_audience or 0) - capacity[room], 0))
        sessions.append(s)
    problems = find_problems(sessions, data.rooms, data.assignments, data.people, (), data.settings)
    errors = sum(p.severity == Severity.ERROR for p in problems)
    return Outcome(seconds, len(where), errors, sum(short), max(short, default=0))


def run_forumdesk(data: PlacementInput, time_limit: float) -> Outcome:
    settings = PlacementSettings(
        dt.time(9), dt.time(9 + SLOTS_PER_DAY), step_minutes=60, time_limit=time_limit, seed=1
    )
    began = time.perf_counter()
    result = place(data, settings)
    seconds = time.perf_counter() - began
    where = {spot.session_id: (spot.room_id or 0, spot.starts_at) for spot in result.spots}
    return _outcome(data, where, seconds)


def run_conference_scheduler(data: PlacementInput, time_limit: float | None = None) -> Outcome:
    """PyconUK's conference-scheduler on the same instance (ImportError when not installed);
    CBC stops at `time_limit` seconds with the best it has, if given."""
    import pulp
    from conference_scheduler import scheduler
    from conference_scheduler.lp_problem import objective_functions
    from conference_scheduler.resources import Event, Slot

    rooms = list(data.rooms)
    slots = [
        Slot(
            venue=r.name,
            starts_at=_start(d, k),
            duration=60,
            capacity=r.capacity or 0,
            session=f"{d}-{k}-{r.id}",
        )
        for d in range(DAYS)
        for k in range(SLOTS_PER_DAY)
        for r in rooms
    ]
    people: dict[int, set[int]] = {}
    for a in data.assignments:
        people.setdefault(a.session_id, set()).add(a.person_id)
    events = [Event(s.code, 60, s.expected_audience or 0) for s in data.sessions]
    for i, s in enumerate(data.sessions):
        events[i].add_unavailability(
            *[
                events[j]
                for j, o in enumerate(data.sessions)
                if o.id != s.id and people[s.id] & people[o.id]
            ]
        )
    began = time.perf_counter()
    found = scheduler.solution(
        events,
        slots,
        objective_function=objective_functions.equity_capacity_demand_difference,
        solver=pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit),
    )
    seconds = time.perf_counter() - began
    room_id = {r.name: r.id for r in rooms}
    where = {data.sessions[e].id: (room_id[slots[k].venue], slots[k].starts_at) for e, k in found}
    return _outcome(data, where, seconds)
