"""What is wrong with an event's schedule: pure Python, no database, no Qt.

`find_problems` takes plain, frozen descriptions of an event's sessions, rooms, people, assignments
and unavailability periods and returns its problems: double-booked rooms and people, changeovers
too short to walk between rooms, sessions without a moderator or a room, overfull rooms, sessions
outside the event's days, people placed when they said they could not come, and moderators or
speakers who are not registered.

Times are the event's local wall-clock times (naive datetimes), like everywhere in forumdesk, and
every interval is half-open: 10:00–11:00 and 11:00–12:00 do not overlap.

Cost: with n sessions, m assignments, u unavailability periods and k reported pairs, the checker
runs in O((n + m + u) log(n + m + u) + k). Overlaps are found per room and per person by sorting
intervals by start and scanning forward only while the next start lies before the current end;
every step of that inner scan reports a pair, so no work is spent on pairs that do not overlap.

Each problem has a `key` (which problem it is: its kind and the ids involved, stable while those
exist) and a `fingerprint` (a hash of the facts that cause it: times, rooms, roles, counts). Staff
accept a problem by its key and fingerprint; the acceptance holds only while the fingerprint is
unchanged, so a problem comes back as soon as the situation behind it changes.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator

from forumdesk.db.enums import LEADING_ROLES, RegistrationStatus, Role, SessionKind
from forumdesk.scheduling.model import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Problem,
    ProblemKind,
    Severity,
    Unavailability,
    fingerprint,
    is_accepted,
    problem_order,
    span,
    when,
)

__all__ = [
    "MODERATED_KINDS",
    "PROGRAMME_ROLES",
    "ROOMLESS_KINDS",
    "CheckAssignment",
    "CheckPerson",
    "CheckRoom",
    "CheckSession",
    "CheckSettings",
    "Problem",
    "ProblemKind",
    "Severity",
    "Unavailability",
    "find_problems",
    "fingerprint",
    "is_accepted",
]

# Breaks and registration desks happen all over the venue: no room is expected for them.
ROOMLESS_KINDS = frozenset({SessionKind.BREAK, SessionKind.REGISTRATION})
# People who appear on the programme, as opposed to the audience.
PROGRAMME_ROLES = frozenset(Role) - {Role.PARTICIPANT}
# Kinds that must have someone leading them (a moderator or co-moderator). Discussions cannot
# run without one; a plenary may be chaired by a host listed as a speaker, so there it warns.
MODERATED_KINDS = {SessionKind.DISCUSSION: Severity.ERROR, SessionKind.PLENARY: Severity.WARNING}

_EPOCH = dt.datetime(2000, 1, 1)
_MICROSECOND = dt.timedelta(microseconds=1)
_MINUTE = 60_000_000  # in microseconds
# A person's part in a session is one integer, `position << 3 | role number` (see _Schedule):
# a person's list of them then sorts by time with a plain sort, and costs no tuple each.
_ROLES = tuple(Role)
_ROLE_NUMBER = {role: number for number, role in enumerate(_ROLES)}
_LEADING = frozenset(_ROLE_NUMBER[role] for role in LEADING_ROLES)
_ROLE_LABELS = {role: role.label for role in Role}


# --- the checker ------------------------------------------------------------------------------


def find_problems(
    sessions: Iterable[CheckSession],
    rooms: Iterable[CheckRoom] = (),
    assignments: Iterable[CheckAssignment] = (),
    people: Iterable[CheckPerson] = (),
    unavailability: Iterable[Unavailability] = (),
    settings: CheckSettings | None = None,
) -> list[Problem]:
    """Every problem of an event: errors first, then by kind, then by time.

    Assignments to sessions that are not given are ignored, and so are the unavailability
    periods of people who have no scheduled session.
    """
    schedule = _Schedule(sessions, rooms, assignments, people, unavailability,
                         settings or CheckSettings())
    found = [
        *schedule.room_clashes(),
        *schedule.person_problems(),
        *schedule.session_problems(),
        *schedule.registration_problems(),
    ]
    position = schedule.position
    found.sort(key=lambda p: (*problem_order(p), min(position[s] for s in p.session_ids), p.key))
    return found


class _Schedule:
    """An event's facts indexed for the rules.

    Sessions are numbered by their place in time: the scheduled ones by start (then id), then
    the unscheduled ones. Lists of session numbers therefore sort into time order as plain
    integers, and the scheduled ones of any such list come before the others.
    """

    def __init__(self, sessions: Iterable[CheckSession], rooms: Iterable[CheckRoom],
                 assignments: Iterable[CheckAssignment], people: Iterable[CheckPerson],
                 unavailability: Iterable[Unavailability], settings: CheckSettings) -> None:
        self.sessions = sorted(sessions, key=_time_order)
        self.scheduled = sum(1 for s in self.sessions if _is_scheduled(s))
        self.rooms = {r.id: r for r in rooms}
        self.people = {p.id: p for p in people}
        self.settings = settings
        # times as integers (microseconds): cheaper to compare and subtract than datetimes
        timed = self.sessions[: self.scheduled]
        self.start = [_ticks(s.starts_at) for s in timed]  # type: ignore[arg-type]
        self.end = [_ticks(s.ends_at) for s in timed]  # type: ignore[arg-type]
        self.room_of = [s.room_id for s in self.sessions]
        self.position = {s.id: n for n, s in enumerate(self.sessions)}
        self.parts: dict[int, list[int]] = defaultdict(list)  # person -> [n << 3 | role]
        self.headcount = [0] * len(self.sessions)
        self.led: set[int] = set()
        position, parts, headcount = self.position, self.parts, self.headcount
        for a in assignments:
            n = position.get(a.session_id)
            if n is None:
                continue
            role = _ROLE_NUMBER[a.role]
            parts[a.person_id].append(n << 3 | role)
            headcount[n] += 1
            if role in _LEADING:
                self.led.add(n)
        self.periods: dict[int, list[Unavailability]] = defaultdict(list)
        for period in unavailability:
            self.periods[period.person_id].append(period)
        # built on first use: only sessions with a problem pay for their text
        self._named: dict[int, str] = {}
        self._facts: dict[int, str] = {}

    def named(self, n: int) -> str:
        """A session as messages name it, with its time: "S1 «Title» (2021-11-25 13:00–14:30)"."""
        text = self._named.get(n)
        if text is None:
            session = self.sessions[n]
            text = self._named[n] = f"{session.label} ({when(session)})"
        return text

    def facts(self, n: int) -> str:
        """What a session's problems depend on: its id and times."""
        text = self._facts.get(n)
        if text is None:
            session = self.sessions[n]
            text = self._facts[n] = f"{session.id}@{session.starts_at}/{session.ends_at}"
        return text

    def room_name(self, room_id: int | None) -> str:
        room = self.rooms.get(room_id) if room_id is not None else None
        return room.name if room else f"Room #{room_id}"

    def person_name(self, person_id: int) -> str:
        person = self.people.get(person_id)
        return person.name if person else f"Person #{person_id}"

    # --- rooms --------------------------------------------------------------------------------

    def room_clashes(self) -> Iterator[Problem]:
        by_room: dict[int, list[int]] = defaultdict(list)
        for n in range(self.scheduled):  # in time order, so each room's list is sorted
            room_id = self.sessions[n].room_id
            if room_id is not None:
                by_room[room_id].append(n)
        for room_id, numbers in by_room.items():
            for i, j in _overlapping(numbers, len(numbers), 0, self.start, self.end):
                a, b = self.sessions[i].id, self.sessions[j].id
                low, high = (i, j) if a < b else (j, i)
                yield Problem(
                    ProblemKind.ROOM_DOUBLE_BOOKED, Severity.ERROR,
                    f"{self.room_name(room_id)} is booked twice: {self.named(i)} and "
                    f"{self.named(j)} overlap.",
                    (a, b), (), f"room_double_booked:{min(a, b)},{max(a, b)}",
                    fingerprint(room_id, self.facts(low), self.facts(high)),
                )

    # --- people -------------------------------------------------------------------------------

    def person_problems(self) -> Iterator[Problem]:
        gap = self.settings.changeover_minutes * _MINUTE
        limit = self.scheduled << 3
        for person_id, parts in self.parts.items():
            parts.sort()
            count = bisect_left(parts, limit)  # the scheduled ones, in time order
            if count == 0:
                continue
            if count > 1:
                for first, second in _overlapping(parts, count, 3, self.start, self.end):
                    yield self.person_clash(person_id, first, second)
                if gap > 0:
                    yield from self.changeovers(person_id, parts[:count], gap)
            if person_id in self.periods:
                yield from self.unavailable(person_id, parts[:count])

    def person_clash(self, person_id: int, first: int, second: int) -> Problem:
        (i, role_i), (j, role_j) = _split(first), _split(second)
        a, b = self.sessions[i].id, self.sessions[j].id
        both_audience = role_i == role_j == Role.PARTICIPANT
        (low, low_role), (high, high_role) = sorted(
            ((i, role_i), (j, role_j)), key=lambda part: self.sessions[part[0]].id)
        return Problem(
            ProblemKind.PERSON_DOUBLE_BOOKED, Severity.WARNING if both_audience else Severity.ERROR,
            f"{self.person_name(person_id)} is in two sessions at the same time: "
            f"{_ROLE_LABELS[role_i]} of {self.named(i)} and {_ROLE_LABELS[role_j]} of "
            f"{self.named(j)}.",
            (a, b), (person_id,), f"person_double_booked:{person_id}:{min(a, b)},{max(a, b)}",
            fingerprint(person_id, self.facts(low), low_role.value, self.facts(high),
                        high_role.value),
        )

    def unavailable(self, person_id: int, parts: list[int]) -> Iterator[Problem]:
        periods = sorted(self.periods[person_id], key=lambda p: (p.starts_at, p.id))
        bounds = [(_ticks(p.starts_at), _ticks(p.ends_at)) for p in periods]
        period_starts = [start for start, _ in bounds]
        starts = [self.start[part >> 3] for part in parts]
        # each overlapping (session, period) pair once: found from whichever of the two starts
        # first (a tie goes to the session); every step of the inner scans reports a pair
        for part, start in zip(parts, starts, strict=True):
            end = self.end[part >> 3]
            k = bisect_left(period_starts, start)
            while k < len(periods) and period_starts[k] < end:
                yield self.unavailable_problem(person_id, part, periods[k])
                k += 1
        for period, (start, end) in zip(periods, bounds, strict=True):
            k = bisect_right(starts, start)
            while k < len(parts) and starts[k] < end:
                yield self.unavailable_problem(person_id, parts[k], period)
                k += 1

    def unavailable_problem(self, person_id: int, part: int, period: Unavailability) -> Problem:
        n, role = _split(part)
        session_id = self.sessions[n].id
        note = f" ({period.note})" if period.note else ""
        return Problem(
            ProblemKind.PERSON_UNAVAILABLE,
            Severity.WARNING if role == Role.PARTICIPANT else Severity.ERROR,
            f"{self.person_name(person_id)} is {_ROLE_LABELS[role]} of {self.named(n)} but said "
            f"they are unavailable {span(period)}{note}.",
            (session_id,), (person_id,),
            f"person_unavailable:{person_id}:{session_id}:{period.id}",
            fingerprint(person_id, self.facts(n), role.value, period.id, period.starts_at,
                        period.ends_at),
        )

    def changeovers(self, person_id: int, parts: list[int], gap: int) -> Iterator[Problem]:
        # Against every earlier session ending less than `gap` before this one starts, not only
        # the one just before it: a long session may end after a short one nested inside it.
        room_of, start, end = self.room_of, self.start, self.end
        placed = [part for part in parts if room_of[part >> 3] is not None]
        by_end = sorted(placed, key=lambda part: end[part >> 3])
        ends = [end[part >> 3] for part in by_end]
        low = high = 0  # by_end[low:high] ends in (start - gap, start]; both only move forward
        for later in placed:  # in start order
            begin, room_id = start[later >> 3], room_of[later >> 3]
            while high < len(ends) and ends[high] <= begin:
                high += 1
            while low < high and ends[low] <= begin - gap:
                low += 1
            for earlier in by_end[low:high]:
                if room_of[earlier >> 3] != room_id:
                    yield self.changeover_problem(person_id, earlier, later)

    def changeover_problem(self, person_id: int, earlier: int, later: int) -> Problem:
        (i, role_i), (j, role_j) = _split(earlier), _split(later)
        a, b = self.sessions[i], self.sessions[j]
        minutes = (self.start[j] - self.end[i]) // _MINUTE
        time_left = "no time" if self.start[j] == self.end[i] else _minutes_text(minutes)
        allowed = self.settings.changeover_minutes
        return Problem(
            ProblemKind.CHANGEOVER_TOO_SHORT, Severity.WARNING,
            f"{self.person_name(person_id)} has {time_left} to get from "
            f"{self.room_name(a.room_id)} ({_ROLE_LABELS[role_i]} of {self.named(i)}) to "
            f"{self.room_name(b.room_id)} ({_ROLE_LABELS[role_j]} of {self.named(j)}); the event "
            f"allows {_minutes_text(allowed)}.",
            (a.id, b.id), (person_id,),
            f"changeover_too_short:{person_id}:{min(a.id, b.id)},{max(a.id, b.id)}",
            fingerprint(person_id, allowed, self.facts(i), role_i.value, a.room_id,
                        self.facts(j), role_j.value, b.room_id),
        )

    # --- one session at a time ----------------------------------------------------------------

    def session_problems(self) -> Iterator[Problem]:
        for n, s in enumerate(self.sessions):
            if n >= self.scheduled:
                yield Problem(ProblemKind.UNSCHEDULED, Severity.INFO,
                              f"{s.label} is not on the timetable yet.", (s.id,), (),
                              f"unscheduled:{s.id}", fingerprint(s.id))
            else:
                yield from self.outside_days(n, s)
                if s.room_id is None and s.kind not in ROOMLESS_KINDS:
                    yield Problem(ProblemKind.NO_ROOM, Severity.WARNING,
                                  f"{self.named(n)} is on the timetable but has no room.",
                                  (s.id,), (), f"no_room:{s.id}", fingerprint(s.id, s.kind))
            if s.kind in MODERATED_KINDS and n not in self.led:
                yield Problem(ProblemKind.NO_MODERATOR, MODERATED_KINDS[s.kind],
                              f"{s.label} ({s.kind.label}) has no moderator.", (s.id,), (),
                              f"no_moderator:{s.id}", fingerprint(s.id, s.kind))
            yield from self.capacity(n, s)

    def outside_days(self, n: int, s: CheckSession) -> Iterator[Problem]:
        first, last = self.settings.first_day, self.settings.last_day
        if first is None or last is None:
            return
        opens = _ticks(dt.datetime.combine(first, dt.time()))
        closes = _ticks(dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))
        if opens <= self.start[n] and self.end[n] <= closes:  # half-open: may end at midnight
            return
        where = ("before the event's first day" if self.start[n] < opens
                 else "after the event's last day")
        yield Problem(
            ProblemKind.OUTSIDE_EVENT_DAYS, Severity.ERROR,
            f"{s.label} is scheduled {when(s)}, {where} (the event runs {first.isoformat()} to "
            f"{last.isoformat()}).",
            (s.id,), (), f"outside_event_days:{s.id}",
            fingerprint(self.facts(n), first, last),
        )

    def capacity(self, n: int, s: CheckSession) -> Iterator[Problem]:
        room = self.rooms.get(s.room_id) if s.room_id is not None else None
        if room is None or room.capacity is None:
            return
        assigned, audience = self.headcount[n], s.expected_audience or 0
        if assigned > room.capacity:
            severity = Severity.ERROR
            what = f"{assigned} people are assigned to {s.label}"
        elif audience > room.capacity:
            severity = Severity.WARNING
            what = f"{s.label} expects an audience of {audience}"
        else:
            return
        yield Problem(
            ProblemKind.OVER_CAPACITY, severity,
            f"{what}, but {room.name} seats {room.capacity}.", (s.id,), (),
            f"over_capacity:{s.id}",
            fingerprint(s.id, room.id, room.capacity, assigned, audience, severity),
        )

    # --- registration -------------------------------------------------------------------------

    def registration_problems(self) -> Iterator[Problem]:
        for person_id, parts in self.parts.items():
            person = self.people.get(person_id)
            if person is None or person.registered:
                continue
            roles = [(n, role) for n, role in map(_split, sorted(parts))
                     if role in PROGRAMME_ROLES]
            if not roles:
                continue
            listing = ", ".join(f"{_ROLE_LABELS[role]} of {self.sessions[n].label}"
                                for n, role in roles)
            yield Problem(
                ProblemKind.NOT_REGISTERED, Severity.WARNING,
                f"{person.name} is {listing} but is not registered for the event"
                f"{_STATUS_NOTES.get(person.status, '')}.",
                tuple(self.sessions[n].id for n, _ in roles), (person_id,),
                f"not_registered:{person_id}",
                fingerprint(person_id, person.status,
                            *sorted(f"{self.sessions[n].id}={role.value}" for n, role in roles)),
            )


_STATUS_NOTES: dict[RegistrationStatus | None, str] = {
    RegistrationStatus.INVITED: " (only invited so far)",
    RegistrationStatus.CANCELLED: " (their registration is cancelled)",
}


def _overlapping(numbers: list[int], count: int, shift: int, start: list[int], end: list[int]
                 ) -> Iterator[tuple[int, int]]:
    """Each overlapping pair among the first `count` of start-sorted entries, exactly once.

    An entry stands for session `entry >> shift`. Scanning on from each entry stops at the first
    one starting at or after its end (intervals are half-open), so every step past the first
    reports a pair: O(count + pairs).
    """
    for i in range(count - 1):
        first = numbers[i]
        finish = end[first >> shift]
        j = i + 1
        while j < count and start[numbers[j] >> shift] < finish:
            yield first, numbers[j]
            j += 1


def _split(part: int) -> tuple[int, Role]:
    return part >> 3, _ROLES[part & 7]


def _is_scheduled(session: CheckSession) -> bool:
    return session.starts_at is not None and session.ends_at is not None


def _time_order(session: CheckSession) -> tuple[bool, dt.datetime, int]:
    if session.starts_at is not None and session.ends_at is not None:
        return (False, session.starts_at, session.id)
    return (True, _EPOCH, session.id)


def _ticks(moment: dt.datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def _minutes_text(minutes: int) -> str:
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
