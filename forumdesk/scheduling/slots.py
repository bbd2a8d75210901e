"""One session at a time: the best few (room, start) for it, and why none may exist.

`suggest_slots` weighs every room and start on the grid against the sessions already on the
timetable, by the same hard rules as the solver (forumdesk.scheduling.placement_model), and
says in plain words why each is good or what it would break. `why_unplaceable` gives the
smallest reason a session fits nowhere ("S7: its moderator Ivanov is busy whenever a room with
80 seats is free"), or "" when it does fit somewhere on its own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from forumdesk.core.enums import Role
from forumdesk.core.i18n import _, gettext, ngettext
from forumdesk.scheduling.model import CheckRoom, CheckSession
from forumdesk.scheduling.placement_model import BACK_TO_BACK_MINUTES, Problem, overlaps


@dataclass(frozen=True, slots=True)
class Slot:
    """A place for a session, how good it is (lower is better), and why."""

    room_id: int | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    clean: bool  # breaks none of the hard rules
    penalty: int
    reason: str


def _who(problem: Problem, session: CheckSession, person_id: int) -> str:
    role = problem.lead_role(session.id, person_id) or Role.PARTICIPANT
    name = problem.names.get(person_id, f"#{person_id}")
    return _("its {role} {name}").format(role=gettext(role.label).lower(), name=name)


def _room_spans(problem: Problem) -> dict[int | None, list[tuple[int, int]]]:
    return problem.fixed_room_spans()


def why_unplaceable(problem: Problem, session: CheckSession) -> str:
    """The smallest reason the session fits nowhere beside the fixed sessions; "" if it fits."""
    label = session.label
    length = problem.length(session)
    starts = problem.starts(length)
    if not starts:
        return _(
            "{session}: it lasts {minutes} minutes, longer than the event's day ({hours})."
        ).format(session=label, minutes=length, hours=_hours(problem))
    if problem.across(session):
        rooms: list[CheckRoom | None] = [None]
    else:
        rooms = list(problem.rooms_for(session))
        if not rooms:
            largest = max((r.capacity or 0 for r in problem.data.rooms), default=0)
            return ngettext(
                "{session}: {count} person is assigned, and no room seats that many "
                "(the largest seats {largest}).",
                "{session}: {count} people are assigned, and no room seats that many "
                "(the largest seats {largest}).",
                problem.headcount(session),
            ).format(session=label, count=problem.headcount(session), largest=largest)
    booked = _room_spans(problem)
    everywhere = booked.get(None, [])
    people = problem.strict_people(session)
    held = {person_id: problem.fixed_person_spans(person_id) for person_id in people}
    room_free_starts = []
    for start in starts:
        end = start + length
        if problem.across(session):
            free = not any(overlaps(spans, start, end) for spans in booked.values())
        else:
            free = any(
                not overlaps(booked.get(r.id, []), start, end)
                and not overlaps(everywhere, start, end)
                for r in rooms
                if r is not None
            )
        if free:
            room_free_starts.append(start)
    seats = min((r.capacity or 0 for r in rooms if r is not None), default=0)
    if not room_free_starts:
        if problem.across(session):
            return _("{session}: some room is booked at every time of the event's days.").format(
                session=label
            )
        return _("{session}: every room with {seats} seats is booked at every time.").format(
            session=label, seats=seats
        )
    # the fewest people who between them are busy at every such start (greedy cover)
    blocking = {
        start: {
            person_id
            for person_id, spans in held.items()
            if overlaps(spans, start, start + length + problem.gap)
        }
        for start in room_free_starts
    }
    if any(not who for who in blocking.values()):
        return ""
    uncovered = set(room_free_starts)
    chosen: list[int] = []
    while uncovered:
        counts = Counter(p for start in uncovered for p in blocking[start])
        person_id, _count = min(counts.items(), key=lambda item: (-item[1], item[0]))
        chosen.append(person_id)
        uncovered = {start for start in uncovered if person_id not in blocking[start]}
    who = ", ".join(_who(problem, session, p) for p in chosen)
    if problem.across(session):
        return _("{session}: {who} busy whenever the rooms are free.").format(
            session=label, who=_busy(who, len(chosen))
        )
    return _("{session}: {who} whenever a room with {seats} seats is free.").format(
        session=label, who=_busy(who, len(chosen)), seats=seats
    )


def _busy(who: str, count: int) -> str:
    return ngettext("{who} is busy", "{who} are busy", count).format(who=who)


def _hours(problem: Problem) -> str:
    s, e = divmod(problem.opens, 60), divmod(problem.closes, 60)
    return f"{s[0]:02d}:{s[1]:02d}–{e[0]:02d}:{e[1]:02d}"


def suggest_slots(problem: Problem, session_id: int, count: int = 5) -> list[Slot]:
    """The best `count` places for one session, clean ones first, each with its reason.

    Every other session stays where it is; `problem` must have been built with this session
    free (unscheduled, or in `movable`).
    """
    session = problem.sessions[session_id]
    length = problem.length(session)
    booked = _room_spans(problem)
    everywhere = booked.get(None, [])
    people = problem.strict_people(session)
    held = {person_id: problem.fixed_person_spans(person_id) for person_id in people}
    track = problem.data.tracks.get(session_id)
    track_rooms = {
        s.room_id
        for s in problem.fixed
        if track is not None and problem.data.tracks.get(s.id) == track and s.starts_at
    }
    day_load = Counter(
        problem.day_of(problem.minutes(s.starts_at)) for s in problem.fixed if s.starts_at
    )
    headcount = problem.headcount(session)
    # where each person on stage is just before and just after: (room, start, end) of their
    # fixed sessions, for the back-to-back preference
    theirs = {
        person_id: [
            (s.room_id, *problem.span(s))
            for a in problem.sessions_of[person_id]
            if a.role != Role.PARTICIPANT
            and (s := problem.sessions[a.session_id]).id in problem.fixed_ids
            and s.starts_at is not None
            and s.ends_at is not None
            and s.room_id is not None
            and not problem.across(s)
        ]
        for person_id in people
        if problem.lead_role(session_id, person_id) not in (None, Role.PARTICIPANT)
    }
    window = problem.gap + BACK_TO_BACK_MINUTES
    audience = session.expected_audience or 0
    across = problem.across(session)
    rooms: list[CheckRoom | None] = [None] if across else list(problem.data.rooms)
    found: list[Slot] = []
    for start in problem.starts(length):
        end = start + length
        busy = [p for p, spans in held.items() if overlaps(spans, start, end + problem.gap)]
        for room in rooms:
            broken: list[str] = []
            good: list[str] = []
            penalty = 0
            if busy:
                broken.append(_busy(", ".join(_who(problem, session, p) for p in busy), len(busy)))
            else:
                good.append(
                    ngettext(
                        "its {count} person is free", "all {count} people are free", headcount
                    ).format(count=headcount)
                    if headcount
                    else _("nobody to clash with")
                )
            if room is None:
                if any(overlaps(spans, start, end) for r, spans in booked.items() if r is not None):
                    broken.append(_("a room is in use then"))
            else:
                if overlaps(booked.get(room.id, []), start, end):
                    broken.append(_("{room} is booked then").format(room=room.name))
                if overlaps(everywhere, start, end):
                    broken.append(_("an all-rooms session runs then"))
                if room.capacity is not None and headcount > room.capacity:
                    broken.append(
                        _("{room} seats {capacity}, {count} are assigned").format(
                            room=room.name, capacity=room.capacity, count=headcount
                        )
                    )
                if room.capacity is not None and audience:
                    if audience > room.capacity:
                        penalty += 20
                        good.append(
                            _("only {capacity} seats for {audience} expected").format(
                                capacity=room.capacity, audience=audience
                            )
                        )
                    else:
                        penalty += min((room.capacity - audience) * 10 // max(room.capacity, 1), 9)
                        good.append(
                            _("{capacity} seats for {audience} expected").format(
                                capacity=room.capacity, audience=audience
                            )
                        )
                for person_id, spans in theirs.items():
                    for other_room, other_start, other_end in spans:
                        if other_room == room.id:
                            continue
                        if 0 <= start - other_end < window:
                            text = _("{who} comes straight from {room}")
                        elif 0 <= other_start - end < window:
                            text = _("{who} goes straight on to {room}")
                        else:
                            continue
                        penalty += 8
                        good.append(
                            text.format(
                                who=_who(problem, session, person_id),
                                room=problem.rooms[other_room].name,
                            )
                        )
                if track is not None and track_rooms:
                    if room.id in track_rooms:
                        good.append(_("the room its track uses"))
                    else:
                        penalty += 10
            penalty += day_load[problem.day_of(start)]
            clean = not broken
            if not clean:
                penalty += 1000 * len(broken)
            reason = (
                "; ".join(good) if clean else _("breaks: {what}").format(what="; ".join(broken))
            )
            found.append(
                Slot(
                    None if room is None else room.id,
                    problem.moment(start),
                    problem.moment(end),
                    clean,
                    penalty,
                    reason,
                )
            )
    found.sort(key=lambda slot: (slot.penalty, slot.starts_at, slot.room_id or 0))
    return _distinct(found, count)


def _distinct(found: list[Slot], count: int, per_room: int = 2) -> list[Slot]:
    """The best `count` that are real alternatives: none overlapping another chosen one in
    the same room (10:00 and 10:15 in Hall C are one choice), at most `per_room` per room."""
    chosen: list[Slot] = []
    in_room: Counter[int | None] = Counter()
    for slot in found:
        if in_room[slot.room_id] >= per_room:
            continue
        if any(
            c.room_id == slot.room_id and c.starts_at < slot.ends_at and slot.starts_at < c.ends_at
            for c in chosen
        ):
            continue
        chosen.append(slot)
        in_room[slot.room_id] += 1
        if len(chosen) == count:
            break
    return chosen
