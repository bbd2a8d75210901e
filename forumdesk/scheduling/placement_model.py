"""What automatic placement reads and returns, and the hard rules it shares with the checker.

The rules are the clash checker's errors (forumdesk.scheduling.checker), held a little tighter so
that whatever placement passes them has no error there: no room booked twice; nobody with a part
on stage (any role but the audience's) in two places, nor without the event's changeover time
after a session; nobody with such a part placed while they said they are unavailable; no room
with fewer seats than the people assigned; inside the event's days and its daily hours; nothing
in a room while an all-rooms session (a break, a plenary across the venue) runs. The tighter part:
the changeover time is kept even between sessions in the same room, and a person with a part on
stage anywhere keeps it between all of their sessions.

Times are minutes from midnight of the event's first day (the event's wall-clock time), every
interval half-open, as in the checker. Pure Python: no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from forumdesk.core.enums import BREAK_KINDS, Role
from forumdesk.scheduling.model import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Unavailability,
)

DAY = 24 * 60  # minutes
DAY_STARTS, DAY_ENDS = dt.time(9, 0), dt.time(18, 0)  # the daily hours no one chose
# a person whose next session starts less than the changeover and this many minutes after
# their last one ends goes straight from one to the other ("back to back")
BACK_TO_BACK_MINUTES = 15


@dataclass(frozen=True, slots=True)
class PlacementSettings:
    """How the solver works: the event's daily hours, the grid of start times, its limits."""

    # the daily hours; None: 09:00 and 18:00 here (forumdesk.services.day_hours fills them in
    # from the event's sessions when staff do not choose)
    day_starts: dt.time | None = None
    day_ends: dt.time | None = None
    step_minutes: int = 15  # starts fall on this grid from the day's opening
    # seconds: with reading the event and writing the answer, a big event (300 sessions,
    # 15 rooms) is placed within the ten seconds staff are promised
    time_limit: float = 8.0
    # stop sooner when no better placement has turned up for this long (0: use all the time):
    # the last improvements are small, and staff are waiting
    settle_seconds: float = 2.0
    workers: int = 2
    seed: int = 0
    movable: frozenset[int] = frozenset()  # placed sessions the solver may move


@dataclass(frozen=True, slots=True)
class PlacementInput:
    """An event as the solver reads it: the checker's rows plus each session's track and length."""

    sessions: tuple[CheckSession, ...]
    rooms: tuple[CheckRoom, ...]
    assignments: tuple[CheckAssignment, ...]
    people: tuple[CheckPerson, ...]
    unavailability: tuple[Unavailability, ...]
    settings: CheckSettings
    tracks: Mapping[int, int | None] = field(default_factory=dict)  # session id -> track id
    lengths: Mapping[int, int] = field(default_factory=dict)  # session id -> minutes (unplaced)


@dataclass(frozen=True, slots=True)
class Spot:
    """Where one session goes: a room (None across all rooms) and times."""

    session_id: int
    room_id: int | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_rooms: bool = False


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A session the solver could not place, and the smallest reason it found."""

    session_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class PlacementResult:
    spots: tuple[Spot, ...]
    unplaced: tuple[Unplaced, ...]
    optimal: bool  # proven best (else the best found in the time given)
    cancelled: bool
    score: int  # the preferences' penalty: lower is better
    seconds: float


class Problem:
    """The event in minutes: who is in what, what is fixed, what is free to place.

    Built once and shared by the solver (forumdesk.scheduling.placement) and the slot finder
    (forumdesk.scheduling.slots), so both hold exactly the same rules.
    """

    def __init__(self, data: PlacementInput, settings: PlacementSettings) -> None:
        self.data = data
        self.settings = settings
        first = data.settings.first_day
        last = data.settings.last_day
        placed = [s.starts_at for s in data.sessions if s.starts_at is not None]
        if first is None:
            first = min(placed).date() if placed else dt.date.today()
        if last is None:
            last = max(placed).date() if placed else first
        self.first_day, self.last_day = first, last
        self.origin = dt.datetime.combine(first, dt.time())
        self.day_count = (last - first).days + 1
        opens = DAY_STARTS if settings.day_starts is None else settings.day_starts
        closes = DAY_ENDS if settings.day_ends is None else settings.day_ends
        self.opens = opens.hour * 60 + opens.minute
        self.closes = closes.hour * 60 + closes.minute
        self.gap = max(data.settings.changeover_minutes, 0)
        self.sessions = {s.id: s for s in data.sessions}
        self.rooms = {r.id: r for r in data.rooms}
        self.names = {p.id: p.name for p in data.people}
        self.free = [
            s
            for s in data.sessions
            if s.starts_at is None or s.ends_at is None or s.id in settings.movable
        ]
        free_ids = {s.id for s in self.free}
        self.fixed = [s for s in data.sessions if s.id not in free_ids]
        self.fixed_ids = {s.id for s in self.fixed}
        self.people_of: dict[int, list[CheckAssignment]] = defaultdict(list)
        self.sessions_of: dict[int, list[CheckAssignment]] = defaultdict(list)
        for a in data.assignments:
            if a.session_id in self.sessions:
                self.people_of[a.session_id].append(a)
                self.sessions_of[a.person_id].append(a)
        # people whose sessions must not touch: anyone with a part on stage somewhere
        self.strict = {
            person_id
            for person_id, links in self.sessions_of.items()
            if any(a.role != Role.PARTICIPANT for a in links)
        }
        self.periods: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for p in data.unavailability:
            self.periods[p.person_id].append((self.minutes(p.starts_at), self.minutes(p.ends_at)))

    # --- times ---

    def minutes(self, moment: dt.datetime) -> int:
        return int((moment - self.origin).total_seconds() // 60)

    def moment(self, minutes: int) -> dt.datetime:
        return self.origin + dt.timedelta(minutes=minutes)

    def length(self, s: CheckSession) -> int:
        if s.starts_at is not None and s.ends_at is not None:
            return max(self.minutes(s.ends_at) - self.minutes(s.starts_at), 1)
        return self.data.lengths.get(s.id) or 60

    def span(self, s: CheckSession) -> tuple[int, int]:
        assert s.starts_at is not None and s.ends_at is not None
        return self.minutes(s.starts_at), self.minutes(s.ends_at)

    def starts(self, length: int) -> list[int]:
        """Every start on the grid that keeps a session of this length inside a day's hours."""
        step = max(self.settings.step_minutes, 1)
        found = []
        for day in range(self.day_count):
            start = day * DAY + self.opens
            while start + length <= day * DAY + self.closes:
                found.append(start)
                start += step
        return found

    def day_of(self, start: int) -> int:
        return start // DAY

    # --- what a session needs ---

    def across(self, s: CheckSession) -> bool:
        """Whether the session goes across all rooms (breaks and registration do)."""
        return s.all_rooms or s.kind in BREAK_KINDS

    def headcount(self, s: CheckSession) -> int:
        return len(self.people_of[s.id])

    def rooms_for(self, s: CheckSession) -> list[CheckRoom]:
        """Rooms with a seat for everyone assigned (the checker's error on capacity)."""
        count = self.headcount(s)
        return [r for r in self.data.rooms if r.capacity is None or r.capacity >= count]

    def strict_people(self, s: CheckSession) -> list[int]:
        return sorted({a.person_id for a in self.people_of[s.id] if a.person_id in self.strict})

    def lead_role(self, session_id: int, person_id: int) -> Role | None:
        for a in self.people_of[session_id]:
            if a.person_id == person_id:
                return a.role
        return None

    # --- what the fixed sessions hold ---

    def fixed_room_spans(self) -> dict[int | None, list[tuple[int, int]]]:
        """Each room's booked spans (None: all rooms), merged so that overlaps already on the
        timetable (the checker reports them) do not make the problem impossible."""
        spans: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
        for s in self.fixed:
            if s.starts_at is None or s.ends_at is None:
                continue
            if self.across(s) and s.room_id is None:
                spans[None].append(self.span(s))
            elif s.room_id is not None:
                spans[s.room_id].append(self.span(s))
        return {room: merge(found) for room, found in spans.items()}

    def fixed_person_spans(self, person_id: int) -> list[tuple[int, int]]:
        """When a person is held: fixed sessions (each with the changeover after it) and the
        periods they said they are unavailable. Not merged across the gap: a free session's
        interval carries the changeover after it, so two such spans must merely not overlap."""
        found = list(self.periods.get(person_id, ()))
        for a in self.sessions_of.get(person_id, ()):
            s = self.sessions[a.session_id]
            if s.id in self.fixed_ids and s.starts_at is not None and s.ends_at is not None:
                start, end = self.span(s)
                found.append((start, end + self.gap))  # free intervals carry the gap too
        return merge(found)


def back_to_back(
    problem: Problem, where: Mapping[int, tuple[int | None, int, int]]
) -> list[tuple[int, int, int]]:
    """Each (person, earlier session, later session) where a person goes straight from the
    stage of one room to the stage of another (the audience can slip in late): the later
    session starts less than the changeover and BACK_TO_BACK_MINUTES after the earlier one
    ends. `where`: session id -> (room, start, end) in minutes, for the sessions placed (fixed
    and proposed alike); all-rooms sessions count not.
    """
    window = problem.gap + BACK_TO_BACK_MINUTES
    found = []
    for person_id in sorted(problem.strict):
        spots = sorted(
            (where[a.session_id][1], where[a.session_id][2], where[a.session_id][0], a.session_id)
            for a in problem.sessions_of[person_id]
            if a.session_id in where
            and where[a.session_id][0] is not None
            and a.role != Role.PARTICIPANT
        )
        for (_s1, end1, room1, first), (start2, _e2, room2, second) in pairwise(spots):
            if room1 != room2 and 0 <= start2 - end1 < window:
                found.append((person_id, first, second))
    return found


def placed_where(problem: Problem, spots: Iterable[Spot]) -> dict[int, tuple[int | None, int, int]]:
    """Session id -> (room, start, end) in minutes: the fixed sessions, then `spots` over them."""
    where: dict[int, tuple[int | None, int, int]] = {}
    for s in problem.fixed:
        if s.starts_at is not None and s.ends_at is not None:
            where[s.id] = (None if problem.across(s) else s.room_id, *problem.span(s))
    for spot in spots:
        where[spot.session_id] = (
            None if spot.all_rooms else spot.room_id,
            problem.minutes(spot.starts_at),
            problem.minutes(spot.ends_at),
        )
    return where


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans merged where they overlap or touch, in time order; empty ones dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)
