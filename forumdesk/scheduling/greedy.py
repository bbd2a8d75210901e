"""A quick first placement by hand rules, which the solver then improves.

The hardest sessions first (across all rooms, then the most people on stage, the most people,
the longest), each at the first start and room that break none of the hard rules: days taken in
turn so that sessions spread, and the smallest room that seats the expected audience first. It
places most sessions of a big event in well under a second; CP-SAT (forumdesk.scheduling.
placement) starts from it as a hint, so that a good answer exists from the first moment and the
time limit goes into improving it.
"""

from __future__ import annotations

from collections import defaultdict

from forumdesk.scheduling.model import CheckSession
from forumdesk.scheduling.placement_model import DAY, Problem, overlaps

Choice = tuple[int, int | None]  # (start in minutes, room id or None across all rooms)


def greedy_placement(problem: Problem) -> dict[int, Choice]:
    """Session id -> (start, room) for every free session the rules let it place."""
    p = problem
    room_spans: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
    for room, spans in p.fixed_room_spans().items():
        room_spans[room].extend(spans)
    person_spans: dict[int, list[tuple[int, int]]] = {}
    chosen: dict[int, Choice] = {}
    day_load: dict[int, int] = defaultdict(int)
    for s in p.fixed:
        if s.starts_at is not None:
            day_load[p.day_of(p.minutes(s.starts_at))] += 1

    def difficulty(s: CheckSession) -> tuple[int, int, int, int, int]:
        return (
            0 if p.across(s) else 1,
            -len(p.strict_people(s)),
            -p.headcount(s),
            -p.length(s),
            s.id,
        )

    for s in sorted(p.free, key=difficulty):
        length = p.length(s)
        starts = p.starts(length)
        across = p.across(s)
        rooms = [] if across else p.rooms_for(s)
        if not starts or (not across and not rooms):
            continue
        audience = s.expected_audience or 0
        rooms.sort(
            key=lambda r: (
                r.capacity is not None and r.capacity < audience,
                r.capacity if r.capacity is not None else 1 << 30,
                r.id,
            )
        )
        people = p.strict_people(s)
        for person_id in people:
            if person_id not in person_spans:
                person_spans[person_id] = list(p.fixed_person_spans(person_id))
        days = sorted({p.day_of(start) for start in starts}, key=lambda d: (day_load[d], d))
        found: Choice | None = None
        for day in days:
            for start in (x for x in starts if day * DAY <= x < day * DAY + DAY):
                end = start + length
                if any(overlaps(person_spans[q], start, end + p.gap) for q in people):
                    continue
                if across:
                    if not any(overlaps(spans, start, end) for spans in room_spans.values()):
                        found = (start, None)
                        break
                    continue
                if overlaps(room_spans[None], start, end):
                    continue
                free = next((r for r in rooms if not overlaps(room_spans[r.id], start, end)), None)
                if free is not None:
                    found = (start, free.id)
                    break
            if found is not None:
                break
        if found is None:
            continue
        start, room_id = found
        chosen[s.id] = found
        room_spans[room_id].append((start, start + length))
        for q in people:
            person_spans[q].append((start, start + length + p.gap))
        day_load[p.day_of(start)] += 1
    return chosen
