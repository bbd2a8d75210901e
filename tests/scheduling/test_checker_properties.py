"""The checker against a brute-force oracle on random events (hypothesis).

The oracle below compares every pair of sessions, every pair of a person's sessions and every
session with every unavailability period: obviously right and quadratic. The checker's sweeps
must find exactly the same problems, with the same severities, sessions and people. Random events
are drawn on a five-minute grid over four days so that touching, nested and identical intervals,
sessions over midnight and sessions outside the event's days all come up often.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forumdesk.core.enums import LEADING_ROLES, RegistrationStatus, Role, SessionKind
from forumdesk.scheduling.checker import (
    MODERATED_KINDS,
    ROOMLESS_KINDS,
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
    is_accepted,
)

FIRST_DAY = dt.date(2021, 11, 25)
LAST_DAY = dt.date(2021, 11, 26)
GRID_START = dt.datetime(2021, 11, 24, 20, 0)  # the evening before the first day
GRID_STEPS = 4 * 24 * 12  # four days of five-minute steps
FIVE = dt.timedelta(minutes=5)
ROOMS = (CheckRoom(1, "Hall A", 3), CheckRoom(2, "Hall B", None), CheckRoom(3, "Hall C", 1))
TIME_KINDS = {
    ProblemKind.ROOM_DOUBLE_BOOKED,
    ProblemKind.PERSON_DOUBLE_BOOKED,
    ProblemKind.PERSON_UNAVAILABLE,
    ProblemKind.CHANGEOVER_TOO_SHORT,
    ProblemKind.OUTSIDE_EVENT_DAYS,
}
PEOPLE_IDS = range(100, 105)

# In a small window most of the time, so that sessions meet; sometimes anywhere on the grid.
_starts = st.one_of(st.integers(0, 60).map(lambda n: 12 * 12 + n), st.integers(0, GRID_STEPS - 40))


@st.composite
def sessions(draw: st.DrawFn, sid: int) -> CheckSession:
    kind = draw(st.sampled_from(SessionKind))
    room = draw(st.sampled_from([None, 1, 2, 3]))
    if draw(st.integers(0, 9)) == 0:
        start = end = None
    else:
        step = draw(_starts)
        start = GRID_START + step * FIVE
        end = start + draw(st.integers(1, 36)) * FIVE
    audience = draw(st.one_of(st.none(), st.integers(0, 5)))
    return CheckSession(sid, f"S{sid}", f"Session {sid}", kind, room, start, end, audience)


@dataclass
class Event:
    sessions: list[CheckSession]
    assignments: list[CheckAssignment]
    people: list[CheckPerson]
    unavailability: list[Unavailability]
    settings: CheckSettings

    def check(self) -> list[Problem]:
        return find_problems(
            self.sessions, ROOMS, self.assignments, self.people, self.unavailability, self.settings
        )


@st.composite
def events(draw: st.DrawFn) -> Event:
    count = draw(st.integers(0, 12))
    ids = draw(st.permutations(range(1, count + 1)))  # input order must not matter
    session_list = [draw(sessions(sid)) for sid in ids]
    pairs = (
        draw(
            st.lists(
                st.tuples(st.sampled_from(ids), st.sampled_from(PEOPLE_IDS)),
                unique=True,
                max_size=30,
            )
        )
        if ids
        else []
    )
    assignments = [CheckAssignment(s, p, draw(st.sampled_from(Role))) for s, p in pairs]
    statuses = [None, *RegistrationStatus]
    people = []
    for pid in PEOPLE_IDS:
        status = draw(st.sampled_from(statuses))
        registered = status in {
            RegistrationStatus.REGISTERED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.ATTENDED,
        }
        people.append(CheckPerson(pid, f"Person {pid}", None, registered, status))
    periods = []
    for number in range(draw(st.integers(0, 5))):
        start = GRID_START + draw(_starts) * FIVE
        periods.append(
            Unavailability(
                number + 1,
                draw(st.sampled_from(PEOPLE_IDS)),
                start,
                start + draw(st.integers(1, 48)) * FIVE,
            )
        )
    changeover = draw(st.sampled_from([0, 5, 10, 30]))
    return Event(
        session_list, assignments, people, periods, CheckSettings(FIRST_DAY, LAST_DAY, changeover)
    )


# --- the oracle -------------------------------------------------------------------------------

Finding = tuple[str, ProblemKind, Severity, frozenset[int], tuple[int, ...]]


def _overlap(
    a_start: dt.datetime, a_end: dt.datetime, b_start: dt.datetime, b_end: dt.datetime
) -> bool:
    return a_start < b_end and b_start < a_end


def oracle(event: Event) -> set[Finding]:
    sessions, assignments, periods = event.sessions, event.assignments, event.unavailability
    people = {p.id: p for p in event.people}
    rooms = {r.id: r for r in ROOMS}
    by_id = {s.id: s for s in sessions}
    found: set[Finding] = set()

    def add(
        key: str,
        kind: ProblemKind,
        severity: Severity,
        session_ids: Iterable[int],
        person_ids: tuple[int, ...] = (),
    ) -> None:
        found.add((key, kind, severity, frozenset(session_ids), person_ids))

    timed = [s for s in sessions if s.starts_at is not None and s.ends_at is not None]
    for a, b in itertools.combinations(timed, 2):
        if (
            a.room_id is not None
            and a.room_id == b.room_id
            and _overlap(a.starts_at, a.ends_at, b.starts_at, b.ends_at)
        ):  # type: ignore[arg-type]
            low, high = sorted((a.id, b.id))
            add(
                f"room_double_booked:{low},{high}",
                ProblemKind.ROOM_DOUBLE_BOOKED,
                Severity.ERROR,
                (a.id, b.id),
            )

    parts: dict[int, list[tuple[CheckSession, Role]]] = defaultdict(list)
    for a in assignments:
        parts[a.person_id].append((by_id[a.session_id], a.role))
    gap = dt.timedelta(minutes=event.settings.changeover_minutes)
    for person, placed in parts.items():
        on_timetable = [(s, r) for s, r in placed if s.starts_at is not None]
        for (a, ra), (b, rb) in itertools.combinations(on_timetable, 2):
            low, high = sorted((a.id, b.id))
            if _overlap(a.starts_at, a.ends_at, b.starts_at, b.ends_at):  # type: ignore[arg-type]
                severity = Severity.WARNING if ra == rb == Role.PARTICIPANT else Severity.ERROR
                add(
                    f"person_double_booked:{person}:{low},{high}",
                    ProblemKind.PERSON_DOUBLE_BOOKED,
                    severity,
                    (a.id, b.id),
                    (person,),
                )
            for first, second in ((a, b), (b, a)):
                if (
                    first.ends_at <= second.starts_at < first.ends_at + gap  # type: ignore[operator]
                    and first.room_id is not None
                    and second.room_id is not None
                    and first.room_id != second.room_id
                ):
                    add(
                        f"changeover_too_short:{person}:{low},{high}",
                        ProblemKind.CHANGEOVER_TOO_SHORT,
                        Severity.WARNING,
                        (a.id, b.id),
                        (person,),
                    )
        for (s, role), period in itertools.product(on_timetable, periods):
            if period.person_id == person and _overlap(
                s.starts_at, s.ends_at, period.starts_at, period.ends_at
            ):  # type: ignore[arg-type]
                add(
                    f"person_unavailable:{person}:{s.id}:{period.id}",
                    ProblemKind.PERSON_UNAVAILABLE,
                    Severity.WARNING if role == Role.PARTICIPANT else Severity.ERROR,
                    (s.id,),
                    (person,),
                )
        programme = [(s, r) for s, r in placed if r != Role.PARTICIPANT]
        if programme and not people[person].registered:
            add(
                f"not_registered:{person}",
                ProblemKind.NOT_REGISTERED,
                Severity.WARNING,
                [s.id for s, _ in programme],
                (person,),
            )

    opens = dt.datetime.combine(FIRST_DAY, dt.time())
    closes = dt.datetime.combine(LAST_DAY + dt.timedelta(days=1), dt.time())
    for s in sessions:
        people_in = [a for a in assignments if a.session_id == s.id]
        if s.starts_at is None:
            add(f"unscheduled:{s.id}", ProblemKind.UNSCHEDULED, Severity.INFO, (s.id,))
        else:
            if s.starts_at < opens or s.ends_at > closes:  # type: ignore[operator]
                add(
                    f"outside_event_days:{s.id}",
                    ProblemKind.OUTSIDE_EVENT_DAYS,
                    Severity.ERROR,
                    (s.id,),
                )
            if s.room_id is None and s.kind not in ROOMLESS_KINDS:
                add(f"no_room:{s.id}", ProblemKind.NO_ROOM, Severity.WARNING, (s.id,))
        if s.kind in MODERATED_KINDS and not any(a.role in LEADING_ROLES for a in people_in):
            add(f"no_moderator:{s.id}", ProblemKind.NO_MODERATOR, MODERATED_KINDS[s.kind], (s.id,))
        capacity = rooms[s.room_id].capacity if s.room_id is not None else None
        if capacity is not None:
            if len(people_in) > capacity:
                add(f"over_capacity:{s.id}", ProblemKind.OVER_CAPACITY, Severity.ERROR, (s.id,))
            elif (s.expected_audience or 0) > capacity:
                add(f"over_capacity:{s.id}", ProblemKind.OVER_CAPACITY, Severity.WARNING, (s.id,))
    return found


def _findings(problems: list[Problem]) -> set[Finding]:
    return {(p.key, p.kind, p.severity, frozenset(p.session_ids), p.person_ids) for p in problems}


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- properties -------------------------------------------------------------------------------


@SETTINGS
@given(events())
def test_the_checker_finds_exactly_what_the_oracle_finds(event: Event) -> None:
    problems = event.check()
    assert len({p.key for p in problems}) == len(problems), "a problem was reported twice"
    assert _findings(problems) == oracle(event)


@SETTINGS
@given(events())
def test_problems_are_ordered_and_name_their_sessions_in_time_order(event: Event) -> None:
    problems = event.check()
    order = [(list(Severity).index(p.severity), list(ProblemKind).index(p.kind)) for p in problems]
    assert order == sorted(order)
    starts = {s.id: s.starts_at for s in event.sessions}
    for problem in problems:
        times = [starts[s] for s in problem.session_ids if starts[s] is not None]
        assert times == sorted(times)
        assert problem.message and "None" not in problem.message


@SETTINGS
@given(events(), st.randoms(use_true_random=False), st.integers(1, 24), st.data())
def test_acceptance_round_trips_and_comes_back_when_the_facts_change(
    event: Event, shuffler: random.Random, steps: int, data: st.DataObject
) -> None:
    problems = event.check()
    accepted = {p.key: p.fingerprint for p in problems}

    # the same event, given in another order: everything stays accepted
    shuffled = Event(
        *(
            shuffler.sample(items, len(items))
            for items in (event.sessions, event.assignments, event.people, event.unavailability)
        ),
        event.settings,
    )
    again = shuffled.check()
    assert all(is_accepted(p, accepted) for p in again)
    assert {p.key for p in again} == set(accepted)

    # one session moves: what depends on its time comes back, everything else stays accepted
    timed = [s for s in event.sessions if s.starts_at is not None and s.ends_at is not None]
    if not timed:
        return
    moved = data.draw(st.sampled_from(timed))
    shift = steps * FIVE * data.draw(st.sampled_from([-1, 1]))
    changed = replace(
        event,
        sessions=[
            replace(s, starts_at=s.starts_at + shift, ends_at=s.ends_at + shift)  # type: ignore[operator]
            if s is moved
            else s
            for s in event.sessions
        ],
    )
    for problem in changed.check():
        involved = moved.id in problem.session_ids and problem.kind in TIME_KINDS
        assert is_accepted(problem, accepted) == (problem.key in accepted and not involved), problem
