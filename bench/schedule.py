"""Laying out a synthetic programme: the day's fixed frame, then sessions packed into rooms.

Each day has coffee and lunch breaks across the venue; with plenaries, the first day opens with a
registration desk and an opening plenary in the main hall and the last day ends with a closing
plenary. Between them every room gets sessions of 45 to 90 minutes on a 15-minute grid, with the
odd gap for changeovers; the sessions wanted are drawn from those slots, so rooms end up with
realistic holes and never hold two sessions at once.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from forumdesk.core.enums import SessionKind

DURATIONS = (45, 45, 60, 60, 60, 75, 90)  # minutes
GAPS = (0, 0, 0, 15, 15)
# A dense programme (L: 100 sessions a day) is packed again with shorter sessions and gaps.
DENSE_DURATIONS, DENSE_GAPS = (45, 45, 60), (0, 0, 0, 15)
WORKSHOP_SHARE = 0.15
# (start, end, title) in minutes after midnight
BREAKS = (
    (11 * 60, 11 * 60 + 30, "Кофе-брейк"),
    (13 * 60, 14 * 60, "Обед"),
    (15 * 60 + 30, 16 * 60, "Кофе-брейк"),
)
REGISTRATION = (8 * 60 + 30, 9 * 60 + 30, "Регистрация участников")
OPENING = (9 * 60 + 30, 11 * 60, "Пленарное заседание: открытие форума")
CLOSING = (17 * 60 + 30, 18 * 60 + 30, "Пленарное заседание: итоги и закрытие форума")
DAY_START, DAY_END = 9 * 60, 19 * 60 + 30
EARLY_START, LATE_END = 8 * 60, 20 * 60  # a day without plenaries runs longer


@dataclass(frozen=True, slots=True)
class SessionPlan:
    kind: SessionKind
    room: int | None  # index into the event's rooms; None: the whole venue
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    capacity: int | None  # of its room


def _at(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)


def _frame(
    days: tuple[dt.date, ...], plenaries: bool
) -> tuple[list[tuple[dt.date, SessionKind, int, int, str]], dict[dt.date, list[tuple[int, int]]]]:
    """The venue-wide sessions, and each day's windows left for the rooms."""
    fixed: list[tuple[dt.date, SessionKind, int, int, str]] = []
    windows: dict[dt.date, list[tuple[int, int]]] = {}
    for n, day in enumerate(days):
        first, last = n == 0, n == len(days) - 1
        start = DAY_START if plenaries else EARLY_START
        end = DAY_END if plenaries else LATE_END
        if plenaries and first:
            fixed.append((day, SessionKind.REGISTRATION, *REGISTRATION))
            fixed.append((day, SessionKind.PLENARY, *OPENING))
            start = OPENING[1]
        if plenaries and last and len(days) > 1:
            fixed.append((day, SessionKind.PLENARY, *CLOSING))
            end = CLOSING[0]
        free = [(start, end)]
        for break_start, break_end, title in BREAKS:
            fixed.append((day, SessionKind.BREAK, break_start, break_end, title))
            free = [
                piece
                for lo, hi in free
                for piece in ((lo, min(hi, break_start)), (max(lo, break_end), hi))
                if piece[1] > piece[0]
            ]
        windows[day] = free
    return fixed, windows


def _room_slots(
    rng: random.Random,
    windows: list[tuple[int, int]],
    durations: tuple[int, ...],
    gaps: tuple[int, ...],
) -> list[tuple[int, int]]:
    slots = []
    for start, end in windows:
        minute = start
        while True:
            length = rng.choice(durations)
            if minute + length > end:
                length = max((d for d in durations if minute + d <= end), default=0)
                if not length:
                    break
            slots.append((minute, minute + length))
            minute += length + rng.choice(gaps)
    return slots


def plan_sessions(
    rng: random.Random,
    days: tuple[dt.date, ...],
    capacities: list[int],
    count: int,
    *,
    plenaries: bool = True,
) -> list[SessionPlan]:
    """`count` sessions over `days` and the rooms (by capacity), in time order."""
    fixed, windows = _frame(days, plenaries)
    # A small event keeps its room sessions: drop breaks, then the desk, before them.
    while fixed and len(fixed) > count // 3:
        fixed.remove(next((f for f in reversed(fixed) if f[1] == SessionKind.BREAK), fixed[-1]))
    plans = [
        SessionPlan(
            kind,
            0 if kind == SessionKind.PLENARY else None,
            _at(day, start),
            _at(day, end),
            title,
            capacities[0] if kind == SessionKind.PLENARY else None,
        )
        for day, kind, start, end, title in fixed
    ]
    wanted = count - len(plans)
    for durations, gaps in ((DURATIONS, GAPS), (DENSE_DURATIONS, DENSE_GAPS)):
        slots = [
            (day, room, start, end)
            for day in days
            for room in range(len(capacities))
            for start, end in _room_slots(rng, windows[day], durations, gaps)
        ]
        if len(slots) >= wanted:
            break
    if wanted > len(slots):
        raise ValueError(
            f"{len(days)} day(s) and {len(capacities)} rooms hold at most "
            f"{len(slots) + len(plans)} sessions; {count} were asked for."
        )
    for day, room, start, end in rng.sample(slots, wanted):
        kind = SessionKind.WORKSHOP if rng.random() < WORKSHOP_SHARE else SessionKind.DISCUSSION
        plans.append(SessionPlan(kind, room, _at(day, start), _at(day, end), "", capacities[room]))
    plans.sort(key=lambda p: (p.starts_at, -1 if p.room is None else p.room))
    return plans
