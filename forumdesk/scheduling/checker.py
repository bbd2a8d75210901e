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
The constant factors matter as much (an event of 500,000 assignments is checked while staff
wait), so every assignment becomes one integer and the people who can have no clash are told
apart from the others in one tight pass over those integers (see forumdesk.scheduling.index).

Each problem has a `key` (which problem it is: its kind and the ids involved, stable while those
exist) and a `fingerprint` (a hash of the facts that cause it: times, rooms, roles, counts). Staff
accept a problem by its key and fingerprint; the acceptance holds only while the fingerprint is
unchanged, so a problem comes back as soon as the situation behind it changes.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable
from operator import attrgetter
from typing import NamedTuple

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.scheduling.index import (
    ROLE_VALUES,
    ScheduleIndex,
    ticks,
)
from forumdesk.scheduling.model import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Findings,
    Problem,
    ProblemKind,
    Severity,
    Unavailability,
    digest,
    fingerprint,
    is_accepted,
    problem_rank,
    when,
)
from forumdesk.scheduling.person_rules import person_problems

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
    index = ScheduleIndex(
        sessions, rooms, assignments, people, unavailability, settings or CheckSettings()
    )
    found = Findings(index.session_bits)
    room_clashes(index, found)
    all_rooms_clashes(index, found)
    person_problems(index, found)
    session_problems(index, found)
    registration_problems(index, found)
    if len(index.position) == len(index.sessions):
        return found.in_order()
    # a session id given twice: a problem's place in time is that of the session its id names
    # last (index.position), not necessarily the one the rule saw, so it is worked out anew
    problems = sorted(found.problems, key=attrgetter("key"))
    position, shift = index.position.__getitem__, index.session_bits
    problems.sort(key=lambda p: problem_rank(p) << shift | min(map(position, p.session_ids)))
    return problems


# --- rooms ------------------------------------------------------------------------------------


def room_clashes(index: ScheduleIndex, found: Findings) -> None:
    sessions, start, end = index.sessions, index.start, index.end
    by_room: dict[int, list[int]] = {}
    for n, room_id in enumerate(index.room_of[: index.scheduled]):  # in time order: sorted
        if room_id is not None:
            by_room.setdefault(room_id, []).append(n)
    named, facts = index.named, index.facts
    room_twice = index.texts.room_twice.format
    for room_id, numbers in by_room.items():
        room_name = index.room_name(room_id)
        count = len(numbers)
        for x in range(count - 1):
            i = numbers[x]
            finish = end[i]
            y = x + 1
            while y < count and start[numbers[y]] < finish:
                j = numbers[y]
                y += 1
                a, b = sessions[i].id, sessions[j].id
                low, high = (i, j) if a < b else (j, i)
                found.add(
                    Problem(
                        ProblemKind.ROOM_DOUBLE_BOOKED,
                        Severity.ERROR,
                        room_twice(room=room_name, first=named(i), second=named(j)),
                        (a, b),
                        (),
                        f"room_double_booked:{min(a, b)},{max(a, b)}",
                        fingerprint(room_id, facts(low), facts(high)),
                    ),
                    i,
                )  # i < j: numbers ascend


def all_rooms_clashes(index: ScheduleIndex, found: Findings) -> None:
    """A session in a room while an all-rooms session (a coffee break) runs: a warning.

    Sessions are in time order and none lasts more than a day, so for each all-rooms session
    only those starting within the day before it and before its end are looked at.
    """
    sessions, start, end, scheduled = index.sessions, index.start, index.end, index.scheduled
    wide = [n for n in range(scheduled) if sessions[n].all_rooms]
    if not wide:
        return
    text = index.texts.during_all_rooms.format
    for w in wide:
        first = bisect_left(start, start[w] - _DAY_TICKS, 0, scheduled)
        last = bisect_left(start, end[w], 0, scheduled)
        for n in range(first, last):
            s = sessions[n]
            if s.all_rooms or end[n] <= start[w] or s.room_id is None:
                continue
            b = sessions[w]
            found.add(
                Problem(
                    ProblemKind.DURING_ALL_ROOMS,
                    Severity.WARNING,
                    text(
                        session=index.named(n), room=index.room_name(s.room_id), wide=index.named(w)
                    ),
                    (s.id, b.id),
                    (),
                    f"during_all_rooms:{s.id},{b.id}",
                    fingerprint(s.room_id, index.facts(n), index.facts(w)),
                ),
                min(n, w),
            )


_DAY_TICKS = ticks(dt.datetime(2000, 1, 2)) - ticks(dt.datetime(2000, 1, 1))


# --- one session at a time --------------------------------------------------------------------


def session_problems(index: ScheduleIndex, found: Findings) -> None:
    sessions, scheduled, start, end = index.sessions, index.scheduled, index.start, index.end
    t = index.texts
    days = _event_days(index.settings)
    rooms, led, headcount = index.rooms, index.led, index.headcount
    add = found.add
    for n, s in enumerate(sessions):
        if n >= scheduled:
            add(
                Problem(
                    ProblemKind.UNSCHEDULED,
                    Severity.INFO,
                    t.unscheduled.format(session=s.label),
                    (s.id,),
                    (),
                    f"unscheduled:{s.id}",
                    fingerprint(s.id),
                ),
                n,
            )
        else:
            # half-open: a session may end at midnight after the last day
            if days is not None and not (days.opens <= start[n] and end[n] <= days.closes):
                where = t.before_first_day if start[n] < days.opens else t.after_last_day
                add(
                    Problem(
                        ProblemKind.OUTSIDE_EVENT_DAYS,
                        Severity.ERROR,
                        t.outside_days.format(
                            session=s.label,
                            when=when(s),
                            where=where,
                            first_day=days.first.isoformat(),
                            last_day=days.last.isoformat(),
                        ),
                        (s.id,),
                        (),
                        f"outside_event_days:{s.id}",
                        fingerprint(index.facts(n), days.first, days.last),
                    ),
                    n,
                )
            if s.room_id is None and s.kind not in ROOMLESS_KINDS:
                add(
                    Problem(
                        ProblemKind.NO_ROOM,
                        Severity.WARNING,
                        t.no_room.format(session=index.named(n)),
                        (s.id,),
                        (),
                        f"no_room:{s.id}",
                        fingerprint(s.id, s.kind),
                    ),
                    n,
                )
        if s.kind in MODERATED_KINDS and n not in led:
            add(
                Problem(
                    ProblemKind.NO_MODERATOR,
                    MODERATED_KINDS[s.kind],
                    t.no_moderator.format(session=s.label, kind=s.kind.translated_label),
                    (s.id,),
                    (),
                    f"no_moderator:{s.id}",
                    fingerprint(s.id, s.kind),
                ),
                n,
            )
        room = rooms.get(s.room_id) if s.room_id is not None else None
        if room is None or room.capacity is None:
            continue
        assigned, audience = headcount(n), s.expected_audience or 0
        if assigned > room.capacity:
            severity = Severity.ERROR
            what = t.assigned_over(assigned, s.label)
        elif audience > room.capacity:
            severity = Severity.WARNING
            what = t.audience_over.format(session=s.label, audience=audience)
        else:
            continue
        add(
            Problem(
                ProblemKind.OVER_CAPACITY,
                severity,
                t.over_capacity.format(what=what, room=room.name, capacity=room.capacity),
                (s.id,),
                (),
                f"over_capacity:{s.id}",
                fingerprint(s.id, room.id, room.capacity, assigned, audience, severity),
            ),
            n,
        )


class _EventDays(NamedTuple):
    first: dt.date
    last: dt.date
    opens: int  # ticks of the first day's midnight
    closes: int  # ticks of the midnight after the last day


def _event_days(settings: CheckSettings) -> _EventDays | None:
    first, last = settings.first_day, settings.last_day
    if first is None or last is None:
        return None
    return _EventDays(
        first,
        last,
        ticks(dt.datetime.combine(first, dt.time())),
        ticks(dt.datetime.combine(last + dt.timedelta(days=1), dt.time())),
    )


# --- registration -----------------------------------------------------------------------------


def registration_problems(index: ScheduleIndex, found: Findings) -> None:
    """Moderators, speakers and the like who are not registered for the event."""
    sessions, unregistered = index.sessions, index.unregistered
    shift, mask, bits = index.shift, index.mask, index.bucket_bits
    t = index.texts
    roles, role_in = t.roles, t.role_in.format
    notes: dict[RegistrationStatus | None, str] = {
        RegistrationStatus.INVITED: t.only_invited,
        RegistrationStatus.CANCELLED: t.registration_cancelled,
    }
    runs: list[tuple[int, CheckPerson, list[int]]] = []
    for bucket, programme in enumerate(index.programme):
        current: list[int] | None = None
        previous = None
        for key in programme:  # by person, then in time order
            number = key >> shift
            if number != previous:  # the next person: index.person_of(bucket, key)
                previous, person_id = number, number << bits | bucket
                person = unregistered.get(person_id)
                if person is None:
                    current = None
                else:
                    current = []
                    runs.append((person_id, person, current))
            if current is not None:
                current.append(key & mask)
    for person_id, person, parts in runs:
        listing = ", ".join(
            [role_in(role=roles[part & 7], session=sessions[part >> 3].label) for part in parts]
        )
        session_ids = tuple([sessions[part >> 3].id for part in parts])
        facts = sorted([f"{sessions[part >> 3].id}={ROLE_VALUES[part & 7]}" for part in parts])
        status = "" if person.status is None else str(person.status)
        found.add(
            Problem(
                ProblemKind.NOT_REGISTERED,
                Severity.WARNING,
                t.not_registered.format(
                    person=person.name, sessions=listing, note=notes.get(person.status, "")
                ),
                session_ids,
                (person_id,),
                f"not_registered:{person_id}",
                digest("\x1f".join([str(person_id), status, *facts])),
            ),
            parts[0] >> 3,
        )  # parts ascend: in time order
