"""Automatic placement: put the sessions not yet on the timetable into rooms and times.

A constraint model for OR-Tools CP-SAT over the rules of forumdesk.scheduling.placement_model
(the clash checker's errors). Every free session may stay unplaced at a high price, so the solver
always has an answer: as many sessions placed as the rules allow, then the preferences:

- a room that seats the expected audience (the more seats short, the worse);
- a track kept in few rooms (its sessions in the room its other sessions use);
- sessions spread over the days (the busiest day as light as it can be);
- nobody on stage going straight from one room to another: a person's next session, if it
  starts right after the changeover, in the same room (or later, or earlier).

`place` runs the solver with a time limit, reports each better placement found through
`progress`, stops when `cancelled()` says so, and returns the best placement found so far.
Sessions it could not place come with the smallest reason forumdesk.scheduling.slots finds.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Mapping

from ortools.sat.python import cp_model

from forumdesk.core.enums import Role
from forumdesk.core.i18n import _
from forumdesk.scheduling.greedy import greedy_placement
from forumdesk.scheduling.placement_model import (
    BACK_TO_BACK_MINUTES,
    DAY,
    PlacementInput,
    PlacementResult,
    PlacementSettings,
    Problem,
    Spot,
    Unplaced,
)
from forumdesk.scheduling.slots import why_unplaceable

UNPLACED_COST = 10_000  # a session left off outweighs every preference together
# a session in a room smaller than its expected audience: this much, and one more per
# SEATS_PER_POINT seats short (forty people standing are worse than four)
AUDIENCE_COST = 5
SEATS_PER_POINT = 4
TRACK_ROOM_COST = 10  # per extra room a track uses
BUSIEST_DAY_COST = 3  # per session on the busiest day
PRESOLVE_UP_TO = 150  # sessions to place: above this, CP-SAT's presolve is skipped
BACK_TO_BACK_COST = 8  # per person going straight from one room to another

Var = cp_model.IntVar
Progress = Callable[[int, int], None]  # (sessions placed so far, sessions to place)
Cancelled = Callable[[], bool]


class _Model:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.model = cp_model.CpModel()
        self.start: dict[int, cp_model.IntVar] = {}
        self.placed: dict[int, cp_model.IntVar] = {}
        self.room: dict[int, dict[int, cp_model.IntVar]] = {}
        self.unplaceable: dict[int, str] = {}
        self.on_day: dict[int, dict[int, cp_model.IntVar]] = {}
        self.track_used: list[tuple[cp_model.IntVar, int, list[int]]] = []  # (var, room, sessions)
        self.busiest: cp_model.IntVar | None = None
        self.fixed_day_load: dict[int, int] = {}
        self.costs: list[cp_model.LinearExprT] = []
        # back to back, kept for the hint: (session, session, close, apart one way, apart the
        # other way, different rooms, penalty), and (free session, fixed session, close, before,
        # after, penalty)
        self.free_pairs: list[tuple[int, int, Var, Var, Var, Var, Var]] = []
        self.fixed_pairs: list[tuple[int, int, Var, Var, Var, Var]] = []
        self.room_index: dict[int, Var] = {}  # session -> its room's id (0 while unplaced)
        self._build()
        self._back_to_back()
        self.model.minimize(sum(self.costs))

    def _build(self) -> None:
        p, m = self.problem, self.model
        room_intervals: dict[int, list[cp_model.IntervalVar]] = defaultdict(list)
        person_intervals: dict[int, list[cp_model.IntervalVar]] = defaultdict(list)
        fixed_rooms = p.fixed_room_spans()
        everywhere = fixed_rooms.get(None, [])
        for room_id in p.rooms:
            for begin, end in [*fixed_rooms.get(room_id, []), *everywhere]:
                room_intervals[room_id].append(
                    m.new_fixed_size_interval_var(begin, end - begin, "")
                )
        day_counts: dict[int, list[cp_model.LinearExprT]] = defaultdict(list)
        track_rooms: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        track_sessions: dict[tuple[int, int], list[int]] = defaultdict(list)
        fixed_track_rooms = {
            (p.data.tracks.get(s.id), s.room_id)
            for s in p.fixed
            if s.room_id is not None and s.starts_at is not None
        }
        for s in p.fixed:
            if s.starts_at is not None and not p.across(s):
                day_counts[p.day_of(p.minutes(s.starts_at))].append(1)
        for s in sorted(p.free, key=lambda s: s.id):
            length = p.length(s)
            starts = p.starts(length)
            rooms = [] if p.across(s) else p.rooms_for(s)
            if not starts or (not p.across(s) and not rooms):
                self.unplaceable[s.id] = why_unplaceable(p, s)
                continue
            placed = m.new_bool_var(f"placed{s.id}")
            start = m.new_int_var_from_domain(cp_model.Domain.from_values(starts), f"start{s.id}")
            self.placed[s.id], self.start[s.id] = placed, start
            self.costs.append(UNPLACED_COST * (1 - placed))
            if p.across(s):
                interval = m.new_optional_fixed_size_interval_var(start, length, placed, "")
                for room_id in p.rooms:
                    room_intervals[room_id].append(interval)
            else:
                chosen = {}
                for r in rooms:
                    x = m.new_bool_var(f"room{s.id}_{r.id}")
                    chosen[r.id] = x
                    room_intervals[r.id].append(
                        m.new_optional_fixed_size_interval_var(start, length, x, "")
                    )
                    audience = s.expected_audience or 0
                    if r.capacity is not None and audience > r.capacity:
                        short = audience - r.capacity
                        self.costs.append((AUDIENCE_COST + short // SEATS_PER_POINT) * x)
                    track = p.data.tracks.get(s.id)
                    if track is not None and (track, r.id) not in fixed_track_rooms:
                        track_rooms[(track, r.id)].append(x)
                        track_sessions[(track, r.id)].append(s.id)
                m.add(sum(chosen.values()) == placed)
                self.room[s.id] = chosen
            people = p.strict_people(s)
            if people:
                held = m.new_optional_fixed_size_interval_var(start, length + p.gap, placed, "")
                for person_id in people:
                    person_intervals[person_id].append(held)
            days = sorted({p.day_of(value) for value in starts})
            on_day = self.on_day[s.id] = {}
            for day in days:
                d = on_day[day] = m.new_bool_var("")
                m.add_linear_constraint(start, day * DAY, day * DAY + DAY - 1).only_enforce_if(d)
                if not p.across(s):
                    day_counts[day].append(d)
            m.add(sum(on_day.values()) == placed)
        for intervals in room_intervals.values():
            if len(intervals) > 1:
                m.add_no_overlap(intervals)
        for person_id, intervals in person_intervals.items():
            for begin, end in p.fixed_person_spans(person_id):
                intervals.append(m.new_fixed_size_interval_var(begin, end - begin, ""))
            if len(intervals) > 1:
                m.add_no_overlap(intervals)
        for key, choices in track_rooms.items():
            used = m.new_bool_var("")
            self.track_used.append((used, key[1], track_sessions[key]))
            for x in choices:
                m.add_implication(x, used)
            self.costs.append(TRACK_ROOM_COST * used)
        if day_counts:
            busiest = self.busiest = m.new_int_var(0, len(p.data.sessions), "busiest")
            self.fixed_day_load = {
                day: sum(1 for c in counts if isinstance(c, int))
                for day, counts in day_counts.items()
            }
            for counts in day_counts.values():
                m.add(busiest >= sum(counts))
            self.costs.append(BUSIEST_DAY_COST * busiest)

    def _back_to_back(self) -> None:
        """The penalty for a person on stage going straight from one room to another: per pair
        of their sessions that end and start within the changeover and a quarter of an hour of
        each other in different rooms, weighted by the people the two sessions share."""
        p, m = self.problem, self.model
        window = p.gap + BACK_TO_BACK_MINUTES
        in_room = [s for s in self.room if self.room[s]]
        room_of = self.room_index
        for session_id in in_room:
            chosen = self.room[session_id]
            index = m.new_int_var(0, max(chosen), "")
            m.add(index == sum(room_id * x for room_id, x in chosen.items()))
            room_of[session_id] = index
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for person_id in p.strict:
            # the sessions where they are on stage: in the audience they can slip in late
            mine = sorted(
                {a.session_id for a in p.sessions_of[person_id] if a.role != Role.PARTICIPANT}
            )
            for n, first in enumerate(mine):
                for second in mine[n + 1 :]:
                    shared[(first, second)] += 1
        for (a, b), weight in sorted(shared.items()):
            if a in room_of and b in room_of:
                self._free_pair(a, b, weight, room_of)
            elif a in room_of or b in room_of:
                free, other = (a, b) if a in room_of else (b, a)
                fixed = p.sessions[other]
                if (
                    other in p.fixed_ids
                    and fixed.room_id is not None
                    and fixed.starts_at is not None
                    and not p.across(fixed)
                ):
                    self._fixed_pair(free, fixed.id, weight, window)

    def _free_pair(self, a: int, b: int, weight: int, room_of: Mapping[int, Var]) -> None:
        p, m = self.problem, self.model
        window = p.gap + BACK_TO_BACK_MINUTES
        len_a, len_b = p.length(p.sessions[a]), p.length(p.sessions[b])
        close, apart_ab, apart_ba = m.new_bool_var(""), m.new_bool_var(""), m.new_bool_var("")
        m.add(self.start[b] >= self.start[a] + len_a + window).only_enforce_if(apart_ab)
        m.add(self.start[a] >= self.start[b] + len_b + window).only_enforce_if(apart_ba)
        m.add_bool_or([apart_ab, apart_ba, close, ~self.placed[a], ~self.placed[b]])
        differ, penalty = m.new_bool_var(""), m.new_bool_var("")
        m.add(room_of[a] == room_of[b]).only_enforce_if(~differ)
        m.add_bool_or([~close, ~differ, penalty])
        self.costs.append(BACK_TO_BACK_COST * weight * penalty)
        self.free_pairs.append((a, b, close, apart_ab, apart_ba, differ, penalty))

    def _fixed_pair(self, free: int, fixed_id: int, weight: int, window: int) -> None:
        p, m = self.problem, self.model
        begin, end = p.span(p.sessions[fixed_id])
        room_id = p.sessions[fixed_id].room_id
        length = p.length(p.sessions[free])
        close, before, after = m.new_bool_var(""), m.new_bool_var(""), m.new_bool_var("")
        m.add(self.start[free] + length + window <= begin).only_enforce_if(before)
        m.add(self.start[free] >= end + window).only_enforce_if(after)
        m.add_bool_or([before, after, close, ~self.placed[free]])
        penalty = m.new_bool_var("")
        same = self.room[free].get(room_id) if room_id is not None else None
        m.add_bool_or([~close, penalty] if same is None else [~close, same, penalty])
        self.costs.append(BACK_TO_BACK_COST * weight * penalty)
        self.fixed_pairs.append((free, fixed_id, close, before, after, penalty))

    def hint(self, first: Mapping[int, tuple[int, int | None]]) -> None:
        """Start the search from a first placement (forumdesk.scheduling.greedy)."""
        m = self.model
        for session_id, placed in self.placed.items():
            where = first.get(session_id)
            m.add_hint(placed, where is not None)
            if where is None:
                continue
            start, room = where
            m.add_hint(self.start[session_id], start)
            for room_id, x in self.room.get(session_id, {}).items():
                m.add_hint(x, room_id == room)
            for day, d in self.on_day[session_id].items():
                m.add_hint(d, self.problem.day_of(start) == day)
        # the rest follows from those, but a complete hint lets the solver take it at once
        for used, room_id, sessions in self.track_used:
            m.add_hint(used, any(first.get(i, (0, None))[1] == room_id for i in sessions))
        if self.busiest is not None:
            load = dict(self.fixed_day_load)
            for session_id, (start, _room) in first.items():
                if not self.problem.across(self.problem.sessions[session_id]):
                    day = self.problem.day_of(start)
                    load[day] = load.get(day, 0) + 1
            m.add_hint(self.busiest, max(load.values(), default=0))
        self._hint_pairs(first)

    def _hint_pairs(self, first: Mapping[int, tuple[int, int | None]]) -> None:
        p, m = self.problem, self.model
        window = p.gap + BACK_TO_BACK_MINUTES
        for session_id, index in self.room_index.items():
            m.add_hint(index, (first.get(session_id) or (0, 0))[1] or 0)
        for a, b, close, apart_ab, apart_ba, differ, penalty in self.free_pairs:
            if a not in first or b not in first:
                for var in (close, apart_ab, apart_ba, differ, penalty):
                    m.add_hint(var, False)
                continue
            (start_a, room_a), (start_b, room_b) = first[a], first[b]
            ab = start_b >= start_a + p.length(p.sessions[a]) + window
            ba = start_a >= start_b + p.length(p.sessions[b]) + window
            near = not (ab or ba)
            m.add_hint(apart_ab, ab)
            m.add_hint(apart_ba, ba)
            m.add_hint(close, near)
            m.add_hint(differ, room_a != room_b)
            m.add_hint(penalty, near and room_a != room_b)
        for free, fixed_id, close, before, after, penalty in self.fixed_pairs:
            if free not in first:
                for var in (close, before, after, penalty):
                    m.add_hint(var, False)
                continue
            start, room = first[free]
            begin, end = p.span(p.sessions[fixed_id])
            is_before = start + p.length(p.sessions[free]) + window <= begin
            is_after = start >= end + window
            near = not (is_before or is_after)
            m.add_hint(before, is_before)
            m.add_hint(after, is_after)
            m.add_hint(close, near)
            m.add_hint(penalty, near and room != p.sessions[fixed_id].room_id)


class _Keeper(cp_model.CpSolverSolutionCallback):
    """Keeps the values of the best placement found so far and reports each one."""

    def __init__(self, built: _Model, progress: Progress | None, cancelled: Cancelled) -> None:
        super().__init__()
        self.built = built
        self.progress = progress
        self.cancelled = cancelled
        self.best: dict[int, tuple[int, int | None]] | None = None  # session -> (start, room)
        self.score = 0
        self.found_at: float | None = None  # when the best so far was found

    def on_solution_callback(self) -> None:
        found: dict[int, tuple[int, int | None]] = {}
        for session_id, placed in self.built.placed.items():
            if not self.value(placed):
                continue
            room = next(
                (r for r, x in self.built.room.get(session_id, {}).items() if self.value(x)), None
            )
            found[session_id] = (self.value(self.built.start[session_id]), room)
        self.best = found
        self.score = int(self.objective_value)
        self.found_at = time.perf_counter()
        if self.progress is not None:
            self.progress(len(found), len(self.built.placed) + len(self.built.unplaceable))
        if self.cancelled():
            self.stop_search()


def place(
    data: PlacementInput,
    settings: PlacementSettings | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PlacementResult:
    """Place every session without times (and the `movable` ones) by the checker's rules."""
    settings = settings or PlacementSettings()
    began = time.perf_counter()
    problem = Problem(data, settings)
    built = _Model(problem)
    first = greedy_placement(problem)
    built.hint(first)
    is_cancelled = cancelled or (lambda: False)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(settings.time_limit, 0.1)
    solver.parameters.num_workers = max(settings.workers, 1)
    solver.parameters.random_seed = settings.seed
    # On a big event (event L: 300 sessions, 15 rooms) CP-SAT's presolve alone outlasts the time
    # limit, so no placement comes out of the search at all; without it the quick first
    # placement (the hint) is the first solution at once and the search improves on it.
    solver.parameters.cp_model_presolve = len(problem.free) <= PRESOLVE_UP_TO
    keeper = _Keeper(built, progress, is_cancelled)
    done = threading.Event()

    def watch() -> None:  # Cancel must work before the first placement is found, too
        while not done.wait(0.05):
            found_at = keeper.found_at
            settled = (
                found_at is not None
                and settings.settle_seconds > 0
                and time.perf_counter() - found_at > settings.settle_seconds
            )
            if is_cancelled() or settled:
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        status = solver.solve(built.model, keeper)
    finally:
        done.set()
        watcher.join()
    # cancelled or out of time before the solver's first answer: the quick first placement
    best = (
        keeper.best
        if keeper.best is not None
        else {i: first[i] for i in first if i in built.placed}
    )
    spots = []
    for session_id, (start, room) in sorted(best.items()):
        s = problem.sessions[session_id]
        across = problem.across(s)
        spots.append(
            Spot(
                session_id,
                None if across else room,
                problem.moment(start),
                problem.moment(start + problem.length(s)),
                all_rooms=across,
            )
        )
    unplaced = [Unplaced(i, reason) for i, reason in sorted(built.unplaceable.items())]
    for session_id in sorted(set(built.placed) - set(best)):
        s = problem.sessions[session_id]
        reason = why_unplaceable(problem, s)
        if not reason:
            reason = _(
                "{session}: every room and time its people are free for is taken by the "
                "other sessions placed."
            ).format(session=s.label)
        unplaced.append(Unplaced(session_id, reason))
    return PlacementResult(
        tuple(spots),
        tuple(sorted(unplaced, key=lambda u: u.session_id)),
        optimal=status == cp_model.OPTIMAL,
        cancelled=is_cancelled(),
        score=_preference_score(keeper, built, best),
        seconds=time.perf_counter() - began,
    )


def _preference_score(keeper: _Keeper, built: _Model, best: Mapping[int, object]) -> int:
    """The objective without the price of unplaced sessions: the preferences' penalty."""
    unplaced = len(built.placed) - len(best)
    return max(keeper.score - UNPLACED_COST * unplaced, 0) if keeper.best is not None else 0
