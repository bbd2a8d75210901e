"""The clash checker's input at stress sizes, built as its plain dataclasses (no database).

`clash_check_input(2_000, 50_000)` is a ten-day event with 20 rooms, ten one-hour slots a day and
20,000 people who each take part in two or three sessions picked at random, as a first draft of a
programme looks before anyone has checked it. Some sessions overrun into the next one in their
room, a few have no moderator, no room or no time, some rooms are too small, a few people said
when they are unavailable, and the event asks for ten minutes between rooms, so every rule of
the checker has work to do. Ten times the sessions means ten times the rooms (and people and
assignments) over the same days: the same density, so the problems grow in step too.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from bench import pools
from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Unavailability,
)

DAYS = 10
SLOTS_PER_DAY = 10
FIRST_DAY = dt.date(2027, 5, 12)
ASSIGNMENTS_PER_PERSON = 2.5


@dataclass(frozen=True, slots=True)
class ClashInput:
    sessions: list[CheckSession]
    rooms: list[CheckRoom]
    assignments: list[CheckAssignment]
    people: list[CheckPerson]
    unavailability: list[Unavailability]
    settings: CheckSettings

    def arguments(self) -> tuple[object, ...]:
        """find_problems(*input.arguments())"""
        return (
            self.sessions,
            self.rooms,
            self.assignments,
            self.people,
            self.unavailability,
            self.settings,
        )


def clash_check_input(
    sessions: int = 2_000, assignments: int = 50_000, seed: int = 1
) -> ClashInput:
    rng = random.Random(f"forumdesk-bench-clash:{sessions}:{assignments}:{seed}")
    room_count = max(1, math.ceil(sessions / (DAYS * SLOTS_PER_DAY)))
    rooms = [
        CheckRoom(n + 1, f"Зал {n + 1}", rng.choice((60, 80, 100, 120, 150, 200, 300)))
        for n in range(room_count)
    ]
    check_sessions = [_session(rng, n, room_count) for n in range(sessions)]
    people_count = max(1, int(assignments / ASSIGNMENTS_PER_PERSON))
    links: set[tuple[int, int]] = set()
    found: list[CheckAssignment] = []

    def link(session_id: int, person_id: int, role: Role) -> bool:
        if (session_id, person_id) in links:
            return False
        links.add((session_id, person_id))
        found.append(CheckAssignment(session_id, person_id, role))
        return True

    for session in check_sessions:  # the leads: about 4.5 per session
        if rng.random() < 0.98:
            link(session.id, rng.randrange(people_count) + 1, Role.MODERATOR)
        for _ in range(rng.randint(3, 5)):
            link(session.id, rng.randrange(people_count) + 1, Role.SPEAKER)
    while len(found) < assignments:
        link(rng.randrange(sessions) + 1, rng.randrange(people_count) + 1, Role.PARTICIPANT)
    del found[assignments:]
    people = [_person(rng, n + 1) for n in range(people_count)]
    periods = []
    for n, person in enumerate(rng.sample(people, max(1, people_count // 100))):
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        start = dt.datetime.combine(day, dt.time(rng.randrange(8, 16)))
        periods.append(
            Unavailability(
                n + 1,
                person.id,
                start,
                start + dt.timedelta(hours=2),
                rng.choice((None, "перелёт", "встреча в министерстве")),
            )
        )
    settings = CheckSettings(FIRST_DAY, FIRST_DAY + dt.timedelta(days=DAYS - 1), 10)
    return ClashInput(check_sessions, rooms, found, people, periods, settings)


def _session(rng: random.Random, n: int, room_count: int) -> CheckSession:
    day, rest = divmod(n, room_count * SLOTS_PER_DAY)
    slot, room = divmod(rest, room_count)
    start = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day % DAYS), dt.time(8 + slot))
    length = 75 if rng.random() < 0.02 else 60  # the odd overrun double-books its room
    kind = rng.choices(
        (SessionKind.DISCUSSION, SessionKind.WORKSHOP, SessionKind.PLENARY), (90, 5, 5)
    )[0]
    title = f"{rng.choice(pools.TOPICS)}: {rng.choice(pools.ANGLES)}"
    if rng.random() < 0.01:
        return CheckSession(n + 1, f"S{n + 1:05d}", title, kind, room + 1)  # not scheduled
    return CheckSession(
        n + 1,
        f"S{n + 1:05d}",
        title,
        kind,
        None if rng.random() < 0.005 else room + 1,
        start,
        start + dt.timedelta(minutes=length),
        rng.choice((None, 30, 40, 60, 80, 100)),
    )


def _person(rng: random.Random, person_id: int) -> CheckPerson:
    name = f"{rng.choice(pools.FAMILY_NAMES)} {rng.choice(pools.MALE_GIVEN)}"
    status = rng.choices(list(RegistrationStatus), (5, 70, 20, 3, 2))[0]
    registered = status in (
        RegistrationStatus.REGISTERED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.ATTENDED,
    )
    return CheckPerson(person_id, name, f"p{person_id}@example.kz", registered, status)
