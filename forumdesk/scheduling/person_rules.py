"""The checker's rules about people: in two sessions at once, too little time to change rooms,
placed while they said they are unavailable.

Most people of a large event have none of these problems, and they are told apart in one pass
over the sorted assignment keys (see forumdesk.scheduling.index) before any per-person work: a
person can have a clash or a short changeover only if one of their sessions starts before the
previous one (in time order) ends plus the changeover time. Only those people, and people with
unavailability periods, go through the rules proper.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from forumdesk.scheduling.index import (
    MINUTE,
    ROLE_VALUES,
    ROLES,
    ScheduleIndex,
    ticks,
)
from forumdesk.scheduling.model import (
    Findings,
    Problem,
    ProblemKind,
    Severity,
    Unavailability,
    clash_severity,
    digest,
    fingerprint,
    span,
    unavailable_severity,
)

# The rules' severities by role number (the index's), worked out once from the rules themselves.
_CLASH_SEVERITY = tuple(tuple(clash_severity(a, b) for b in ROLES) for a in ROLES)
_UNAVAILABLE_SEVERITY = tuple(unavailable_severity(role) for role in ROLES)


def person_problems(index: ScheduleIndex, found: Findings) -> None:
    gap = index.settings.changeover_minutes * MINUTE
    limit = index.scheduled << 3  # parts below this are on the timetable
    periods = index.periods
    mask, person_of = index.mask, index.person_of
    seen: set[int] = set()
    for bucket, (keys, suspects) in enumerate(zip(index.keys, index.suspects, strict=True)):
        for x in range(0, len(suspects), 2):  # people who may have a clash or short changeover
            begin, end = suspects[x], suspects[x + 1]
            person_id = person_of(bucket, keys[begin])
            parts = [key & mask for key in keys[begin:end]]
            count = bisect_left(parts, limit)
            _clashes(index, person_id, parts, count, found)
            if gap > 0:
                _changeovers(index, person_id, parts[:count], gap, found)
            if person_id in periods:
                seen.add(person_id)
                _unavailable(index, person_id, parts[:count], found)
    for person_id in periods.keys() - seen:
        parts = index.parts(person_id)
        count = bisect_left(parts, limit)
        if count:
            _unavailable(index, person_id, parts[:count], found)


# --- in two places at once --------------------------------------------------------------------


def _clashes(
    index: ScheduleIndex, person_id: int, parts: list[int], count: int, found: Findings
) -> None:
    """Each overlapping pair of the first `count` (scheduled) parts, exactly once: the scan on
    from each part stops at the first one starting at or after its end (half-open)."""
    start, end = index.start, index.end
    for x in range(count - 1):
        first = parts[x]
        finish = end[first >> 3]
        y = x + 1
        while y < count and start[parts[y] >> 3] < finish:
            found.add(_clash(index, person_id, first, parts[y]), first >> 3)
            y += 1


def _clash(index: ScheduleIndex, person_id: int, first: int, second: int) -> Problem:
    i, role_i, j, role_j = first >> 3, first & 7, second >> 3, second & 7
    a, b = index.sessions[i].id, index.sessions[j].id
    low, low_role, high, high_role = (j, role_j, i, role_i) if b < a else (i, role_i, j, role_j)
    t = index.texts
    return Problem(
        ProblemKind.PERSON_DOUBLE_BOOKED,
        _CLASH_SEVERITY[role_i][role_j],
        t.person_twice.format(
            person=index.person_name(person_id),
            first=t.role_in.format(role=t.roles[role_i], session=index.named(i)),
            second=t.role_in.format(role=t.roles[role_j], session=index.named(j)),
        ),
        (a, b),
        (person_id,),
        f"person_double_booked:{person_id}:{min(a, b)},{max(a, b)}",
        digest(
            f"{person_id!s}\x1f{index.facts(low)}\x1f{ROLE_VALUES[low_role]}\x1f"
            f"{index.facts(high)}\x1f{ROLE_VALUES[high_role]}"
        ),
    )


# --- changing rooms ---------------------------------------------------------------------------


def _changeovers(
    index: ScheduleIndex, person_id: int, parts: list[int], gap: int, found: Findings
) -> None:
    # Against every earlier session ending less than `gap` before this one starts, not only
    # the one just before it: a long session may end after a short one nested inside it.
    room_of, start, end = index.room_of, index.start, index.end
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
                found.add(_changeover(index, person_id, earlier, later), min(earlier, later) >> 3)


def _changeover(index: ScheduleIndex, person_id: int, earlier: int, later: int) -> Problem:
    i, role_i, j, role_j = earlier >> 3, earlier & 7, later >> 3, later & 7
    a, b = index.sessions[i], index.sessions[j]
    left = index.start[j] - index.end[i]
    t = index.texts
    time_left = t.no_time if left == 0 else t.minutes(left // MINUTE)
    allowed = index.settings.changeover_minutes
    return Problem(
        ProblemKind.CHANGEOVER_TOO_SHORT,
        Severity.WARNING,
        t.changeover.format(
            person=index.person_name(person_id),
            time_left=time_left,
            from_room=index.room_name(a.room_id),
            to_room=index.room_name(b.room_id),
            first=t.role_in.format(role=t.roles[role_i], session=index.named(i)),
            second=t.role_in.format(role=t.roles[role_j], session=index.named(j)),
            allowed=t.minutes(allowed),
        ),
        (a.id, b.id),
        (person_id,),
        f"changeover_too_short:{person_id}:{min(a.id, b.id)},{max(a.id, b.id)}",
        digest(
            f"{person_id!s}\x1f{allowed!s}\x1f{index.facts(i)}\x1f{ROLE_VALUES[role_i]}\x1f"
            f"{a.room_id!s}\x1f{index.facts(j)}\x1f{ROLE_VALUES[role_j]}\x1f{b.room_id!s}"
        ),
    )


# --- unavailable ------------------------------------------------------------------------------


def _unavailable(index: ScheduleIndex, person_id: int, parts: list[int], found: Findings) -> None:
    periods = sorted(index.periods[person_id], key=lambda p: (p.starts_at, p.id))
    bounds = [(ticks(p.starts_at), ticks(p.ends_at)) for p in periods]
    period_starts = [start for start, _ in bounds]
    starts = [index.start[part >> 3] for part in parts]
    # each overlapping (session, period) pair once: found from whichever of the two starts
    # first (a tie goes to the session); every step of the inner scans reports a pair
    for part, start in zip(parts, starts, strict=True):
        end = index.end[part >> 3]
        k = bisect_left(period_starts, start)
        while k < len(periods) and period_starts[k] < end:
            found.add(_unavailable_problem(index, person_id, part, periods[k]), part >> 3)
            k += 1
    for period, (start, end) in zip(periods, bounds, strict=True):
        k = bisect_right(starts, start)
        while k < len(parts) and starts[k] < end:
            found.add(_unavailable_problem(index, person_id, parts[k], period), parts[k] >> 3)
            k += 1


def _unavailable_problem(
    index: ScheduleIndex, person_id: int, part: int, period: Unavailability
) -> Problem:
    n, role = part >> 3, part & 7
    session_id = index.sessions[n].id
    note = f" ({period.note})" if period.note else ""
    t = index.texts
    return Problem(
        ProblemKind.PERSON_UNAVAILABLE,
        _UNAVAILABLE_SEVERITY[role],
        t.unavailable.format(
            person=index.person_name(person_id),
            role_in=t.role_in.format(role=t.roles[role], session=index.named(n)),
            when=span(period),
            note=note,
        ),
        (session_id,),
        (person_id,),
        f"person_unavailable:{person_id}:{session_id}:{period.id}",
        fingerprint(
            person_id,
            index.facts(n),
            ROLE_VALUES[role],
            period.id,
            period.starts_at,
            period.ends_at,
        ),
    )
