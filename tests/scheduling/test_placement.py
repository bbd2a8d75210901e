"""Automatic placement against the clash checker: whatever it proposes, the checker passes.

Random events are drawn with a witness: a clean timetable is drawn first (each room and each
person's hour used once, rooms big enough, unavailability away from the person's sessions), then
some of its sessions are taken off it. A placement therefore exists, and the solver must find one
that the checker (forumdesk.scheduling.checker) reports no error for.
"""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forumdesk.core.enums import Role, SessionKind
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    ProblemKind,
    Severity,
    Unavailability,
    find_problems,
)
from forumdesk.scheduling.placement import place
from forumdesk.scheduling.placement_model import (
    PlacementInput,
    PlacementSettings,
    Problem,
    Spot,
    back_to_back,
    placed_where,
)
from forumdesk.scheduling.slots import suggest_slots, why_unplaceable

FIRST_DAY = dt.date(2025, 5, 20)
HOURS = PlacementSettings(time_limit=5.0, workers=2, seed=1)


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time()) + dt.timedelta(
        hours=hour, minutes=minute
    )


def applied(data: PlacementInput, spots: tuple) -> list[CheckSession]:
    where = {spot.session_id: spot for spot in spots}
    sessions = []
    for s in data.sessions:
        spot = where.get(s.id)
        if spot is None:
            sessions.append(s)
        else:
            sessions.append(
                CheckSession(
                    s.id,
                    s.code,
                    s.title,
                    s.kind,
                    spot.room_id,
                    spot.starts_at,
                    spot.ends_at,
                    s.expected_audience,
                    spot.all_rooms,
                )
            )
    return sessions


def errors_after(data: PlacementInput, spots: tuple) -> list:
    problems = find_problems(
        applied(data, spots),
        data.rooms,
        data.assignments,
        data.people,
        data.unavailability,
        data.settings,
    )
    return [p for p in problems if p.severity == Severity.ERROR]


def witness_event(seed: int, days: int, rooms: int, sessions: int, people: int, gap: int):
    rng = random.Random(seed)
    hours = [(d, h) for d in range(days) for h in range(9, 18)]
    cells = [(d, h, r) for d, h in hours for r in range(rooms)]
    rng.shuffle(cells)
    cells = cells[:sessions]
    busy: dict[int, set[tuple[int, int]]] = {p: set() for p in range(1, people + 1)}
    assignments = []
    witness = []
    for n, (d, h, r) in enumerate(cells, start=1):
        free = [p for p in busy if (d, h) not in busy[p]]
        chosen = rng.sample(free, min(len(free), rng.randint(1, 4)))
        for k, p in enumerate(chosen):
            role = Role.MODERATOR if k == 0 else rng.choice([Role.SPEAKER, Role.PARTICIPANT])
            busy[p].add((d, h))
            assignments.append(CheckAssignment(n, p, role))
        witness.append((n, d, h, r, len(chosen)))
    kinds = {
        n: SessionKind.DISCUSSION if count else SessionKind.WORKSHOP for n, *_, count in witness
    }
    capacity = {r: 1 for r in range(rooms)}
    for _n, _d, _h, r, count in witness:
        capacity[r] = max(capacity[r], count)
    room_rows = tuple(
        CheckRoom(100 + r, f"Hall {r}", capacity[r] + rng.randint(0, 3)) for r in range(rooms)
    )
    taken_off = {n for n, *_ in witness if rng.random() < 0.6}
    session_rows = []
    for n, d, h, r, _count in witness:
        if n in taken_off:
            session_rows.append(CheckSession(n, f"S{n}", f"Session {n}", kinds[n]))
        else:
            session_rows.append(
                CheckSession(
                    n,
                    f"S{n}",
                    f"Session {n}",
                    kinds[n],
                    100 + r,
                    _at(d, h),
                    _at(d, h, 60 - gap),
                    expected_audience=rng.randint(0, 30),
                )
            )
    periods = []
    for p, taken in busy.items():
        for d, h in [(d, h) for d, h in hours if (d, h) not in taken]:
            if rng.random() < 0.15:
                periods.append(Unavailability(len(periods) + 1, p, _at(d, h), _at(d, h, 60)))
    return PlacementInput(
        tuple(session_rows),
        room_rows,
        tuple(assignments),
        tuple(CheckPerson(p, f"Person {p}") for p in busy),
        tuple(periods),
        CheckSettings(FIRST_DAY, FIRST_DAY + dt.timedelta(days=days - 1), gap),
        tracks={n: n % 3 for n in range(1, sessions + 1)},
        lengths={n: 60 - gap for n in taken_off},
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    days=st.integers(1, 3),
    rooms=st.integers(1, 4),
    sessions=st.integers(1, 18),
    people=st.integers(2, 10),
    gap=st.sampled_from([0, 10, 15]),
)
def test_a_random_event_that_has_a_placement_gets_one_the_checker_passes(
    seed: int, days: int, rooms: int, sessions: int, people: int, gap: int
) -> None:
    sessions = min(sessions, days * 9 * rooms)
    data = witness_event(seed, days, rooms, sessions, people, gap)
    assert errors_after(data, ()) == []  # the fixed part is clean to begin with
    result = place(data, HOURS)
    assert result.unplaced == ()
    free = {s.id for s in data.sessions if s.starts_at is None}
    assert {spot.session_id for spot in result.spots} == free
    assert errors_after(data, result.spots) == []
    warnings = {
        p.kind
        for p in find_problems(
            applied(data, result.spots),
            data.rooms,
            data.assignments,
            data.people,
            data.unavailability,
            data.settings,
        )
    }
    assert ProblemKind.CHANGEOVER_TOO_SHORT not in warnings
    assert ProblemKind.UNSCHEDULED not in warnings


def _witness_spots(seed: int, rooms: int, sessions: int, people: int, gap: int):
    """The placement the witness event was drawn with, for its taken-off sessions."""
    full = witness_event(seed, 1, rooms, sessions, people, gap)
    rng = random.Random(seed)
    hours = [(0, h) for h in range(9, 18)]
    cells = [(d, h, r) for d, h in hours for r in range(rooms)]
    rng.shuffle(cells)
    return {
        n: Spot(n, 100 + r, _at(d, h), _at(d, h, 60 - gap))
        for n, (d, h, r) in enumerate(cells[:sessions], start=1)
        if full.sessions[n - 1].starts_at is None
    }


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    rooms=st.integers(2, 4),
    sessions=st.integers(2, 14),
    people=st.integers(2, 6),
    gap=st.sampled_from([0, 10, 15]),
)
def test_nobody_goes_straight_between_rooms_more_often_than_in_a_known_placement(
    seed: int, rooms: int, sessions: int, people: int, gap: int
) -> None:
    """One day and no tracks or audiences, so back to back is the only preference that can
    differ: a proven-best placement has no more people going straight from one room to another
    than the placement the event was drawn with, and the checker still passes it."""
    sessions = min(sessions, 9 * rooms)
    drawn = witness_event(seed, 1, rooms, sessions, people, gap)
    data = PlacementInput(
        drawn.sessions,
        drawn.rooms,
        drawn.assignments,
        drawn.people,
        drawn.unavailability,
        drawn.settings,
        lengths=drawn.lengths,
    )
    witness = _witness_spots(seed, rooms, sessions, people, gap)
    assert errors_after(data, tuple(witness.values())) == []
    result = place(data, HOURS)
    assert result.unplaced == ()
    assert errors_after(data, result.spots) == []
    problem = Problem(data, HOURS)
    found = back_to_back(problem, placed_where(problem, result.spots))
    known = back_to_back(problem, placed_where(problem, witness.values()))
    if result.optimal:
        assert len(found) <= len(known)


def _two_rooms_after_a_talk(first_room: int) -> PlacementInput:
    """Person 1 speaks 09:00–10:00 in `first_room`; their second talk (60 min) is free, and
    both halls are free from 10:00 until 13:00."""
    return PlacementInput(
        (
            CheckSession(
                1, "S1", "Opening", SessionKind.DISCUSSION, first_room, _at(0, 9), _at(0, 10)
            ),
            CheckSession(2, "S2", "Customs", SessionKind.DISCUSSION),
        ),
        (CheckRoom(1, "Hall A", 50), CheckRoom(2, "Hall B", 50)),
        (CheckAssignment(1, 1, Role.SPEAKER), CheckAssignment(2, 1, Role.SPEAKER)),
        (CheckPerson(1, "Person 1"),),
        (),
        CheckSettings(FIRST_DAY, FIRST_DAY, 0),
        lengths={2: 60},
    )


def test_a_speakers_next_talk_right_after_stays_in_the_same_room() -> None:
    morning = PlacementSettings(dt.time(9), dt.time(11), step_minutes=60, time_limit=5, seed=1)
    for first_room in (1, 2):
        data = _two_rooms_after_a_talk(first_room)
        result = place(data, morning)
        (spot,) = result.spots
        assert (spot.room_id, spot.starts_at) == (first_room, _at(0, 10))
        problem = Problem(data, morning)
        assert back_to_back(problem, placed_where(problem, result.spots)) == []


def test_back_to_back_counts_a_change_of_room_within_the_changeover_and_a_quarter() -> None:
    data = _two_rooms_after_a_talk(1)
    problem = Problem(data, HOURS)
    straight = Spot(2, 2, _at(0, 10, 10), _at(0, 11, 10))
    assert back_to_back(problem, placed_where(problem, [straight])) == [(1, 1, 2)]
    later = Spot(2, 2, _at(0, 10, 15), _at(0, 11, 15))
    assert back_to_back(problem, placed_where(problem, [later])) == []
    same_room = Spot(2, 1, _at(0, 10), _at(0, 11))
    assert back_to_back(problem, placed_where(problem, [same_room])) == []


def _small_event(moderator_busy: bool) -> PlacementInput:
    """One day 09:00–11:00, two rooms (80 and 20 seats); S7 needs 80 seats for its 30 people
    and the big room is taken 09:00–10:00 by S1; its moderator is busy 10:00–11:00 if asked."""
    people = tuple(CheckPerson(p, f"Person {p}") for p in range(1, 31))
    assignments = [CheckAssignment(7, 1, Role.MODERATOR)] + [
        CheckAssignment(7, p, Role.PARTICIPANT) for p in range(2, 31)
    ]
    periods = (Unavailability(1, 1, _at(0, 10), _at(0, 11)),) if moderator_busy else ()
    return PlacementInput(
        (
            CheckSession(1, "S1", "Opening", SessionKind.WORKSHOP, 1, _at(0, 9), _at(0, 10)),
            CheckSession(7, "S7", "Marketplaces", SessionKind.DISCUSSION),
        ),
        (CheckRoom(1, "Hall A", 80), CheckRoom(2, "Hall B", 20)),
        tuple(assignments),
        people,
        periods,
        CheckSettings(FIRST_DAY, FIRST_DAY, 0),
        lengths={7: 60},
    )


ONE_MORNING = PlacementSettings(dt.time(9), dt.time(11), step_minutes=60, time_limit=5, seed=1)


def test_a_session_whose_moderator_is_busy_whenever_the_room_is_free_is_explained() -> None:
    data = _small_event(moderator_busy=True)
    result = place(data, ONE_MORNING)
    assert result.spots == ()
    (unplaced,) = result.unplaced
    assert unplaced.session_id == 7
    assert unplaced.reason == (
        "S7 «Marketplaces»: its moderator Person 1 is busy whenever a room with 80 seats is free."
    )


def test_the_same_session_is_placed_once_its_moderator_is_free() -> None:
    data = _small_event(moderator_busy=False)
    result = place(data, ONE_MORNING)
    assert result.unplaced == ()
    (spot,) = result.spots
    assert (spot.room_id, spot.starts_at) == (1, _at(0, 10))
    assert errors_after(data, result.spots) == []


def test_a_session_too_big_for_every_room_says_so() -> None:
    data = _small_event(moderator_busy=False)
    data = PlacementInput(
        data.sessions,
        (CheckRoom(1, "Hall A", 25), CheckRoom(2, "Hall B", 20)),
        data.assignments,
        data.people,
        (),
        data.settings,
        lengths=data.lengths,
    )
    (unplaced,) = place(data, ONE_MORNING).unplaced
    assert "30 people are assigned, and no room seats that many (the largest seats 25)" in (
        unplaced.reason
    )


def test_a_session_longer_than_the_day_says_so() -> None:
    data = _small_event(moderator_busy=False)
    data = PlacementInput(
        data.sessions,
        data.rooms,
        data.assignments,
        data.people,
        (),
        data.settings,
        lengths={7: 180},
    )
    (unplaced,) = place(data, ONE_MORNING).unplaced
    assert unplaced.reason == (
        "S7 «Marketplaces»: it lasts 180 minutes, longer than the event's day (09:00–11:00)."
    )


def test_two_sessions_for_one_free_hour_place_one_and_explain_the_other() -> None:
    data = _small_event(moderator_busy=False)
    second = CheckSession(8, "S8", "Customs", SessionKind.WORKSHOP)
    data = PlacementInput(
        (*data.sessions, second),
        (CheckRoom(1, "Hall A", 80),),
        (*data.assignments, CheckAssignment(8, 1, Role.SPEAKER)),
        data.people,
        (),
        data.settings,
        lengths={7: 60, 8: 60},
    )
    result = place(data, ONE_MORNING)
    assert len(result.spots) == 1 and len(result.unplaced) == 1
    assert "taken by the other sessions placed" in result.unplaced[0].reason
    assert errors_after(data, result.spots) == []


def test_cancel_before_anything_is_found_returns_no_placement() -> None:
    data = witness_event(3, 3, 4, 40, 10, 0)
    result = place(data, HOURS, cancelled=lambda: True)
    assert result.cancelled
    assert errors_after(data, result.spots) == []


def test_suggestions_put_a_clean_slot_first_and_name_what_others_break() -> None:
    data = _small_event(moderator_busy=True)
    problem = Problem(data, ONE_MORNING)
    slots = suggest_slots(problem, 7, count=4)
    assert slots
    assert all(not s.clean for s in slots)  # no clean place exists: each says what it breaks
    assert any("Hall A is booked then" in s.reason for s in slots)
    assert any("its moderator Person 1 is busy" in s.reason for s in slots)
    assert why_unplaceable(problem, problem.sessions[7]) != ""

    free = Problem(_small_event(moderator_busy=False), ONE_MORNING)
    best = suggest_slots(free, 7, count=3)
    assert (best[0].room_id, best[0].starts_at, best[0].clean) == (1, _at(0, 10), True)
    assert "all 30 people are free" in best[0].reason


def test_a_suggestion_names_a_speaker_coming_straight_from_another_room() -> None:
    morning = PlacementSettings(dt.time(9), dt.time(11), step_minutes=60, time_limit=5, seed=1)
    problem = Problem(_two_rooms_after_a_talk(1), morning)
    best, second = suggest_slots(problem, 2, count=2)
    assert (best.room_id, best.starts_at, best.clean) == (1, _at(0, 10), True)
    assert "comes straight" not in best.reason
    assert (second.room_id, second.clean) == (2, True)
    assert "its speaker Person 1 comes straight from Hall A" in second.reason


def test_suggestions_are_real_alternatives_not_the_same_room_a_quarter_later() -> None:
    problem = Problem(_two_rooms_after_a_talk(1), HOURS)  # 09:00-18:00 on a 15-minute grid
    found = suggest_slots(problem, 2, count=6)
    assert 2 <= len(found) <= 4  # two rooms, two a room at most
    for n, one in enumerate(found):
        for other in found[n + 1 :]:
            if one.room_id == other.room_id:
                assert one.ends_at <= other.starts_at or other.ends_at <= one.starts_at
    assert {slot.room_id for slot in found} == {1, 2}
