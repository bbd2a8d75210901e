"""Automatic placement: put the sessions not yet on the timetable into rooms and times.

A constraint model for OR-Tools CP-SAT over the rules of forumdesk.scheduling.placement_model
(the clash checker's errors). Every free session may stay unplaced at a high price, so the solver
always has an answer: as many sessions placed as the rules allow, then the preferences:

- a room that seats the expected audience;
- a track kept in few rooms (its sessions in the room its other sessions use);
- sessions spread over the days (the busiest day as light as it can be).

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

from forumdesk.core.i18n import _
from forumdesk.scheduling.greedy import greedy_placement
from forumdesk.scheduling.placement_model import (
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
AUDIENCE_COST = 20  # per session in a room smaller than its expected audience
TRACK_ROOM_COST = 10  # per extra room a track uses
BUSIEST_DAY_COST = 3  # per session on the busiest day

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
        self._build()

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
                        self.costs.append(AUDIENCE_COST * x)
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
        m.minimize(sum(self.costs))

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


class _Keeper(cp_model.CpSolverSolutionCallback):
    """Keeps the values of the best placement found so far and reports each one."""

    def __init__(self, built: _Model, progress: Progress | None, cancelled: Cancelled) -> None:
        super().__init__()
        self.built = built
        self.progress = progress
        self.cancelled = cancelled
        self.best: dict[int, tuple[int, int | None]] | None = None  # session -> (start, room)
        self.score = 0

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
    keeper = _Keeper(built, progress, is_cancelled)
    done = threading.Event()

    def watch() -> None:  # Cancel must work before the first placement is found, too
        while not done.wait(0.05):
            if is_cancelled():
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
