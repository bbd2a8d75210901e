"""Realistic synthetic forums written straight into a forumdesk database.

Sizes S (20 sessions, 200 people), M (100 sessions, 2,000 people) and L (300 sessions, 5,000
people, 20,000 assignments), plus the stress shapes the benchmark needs (a 300-session day, a
50,000-person directory). An event has several days, rooms of different sizes, tracks, a
registration desk, opening and closing plenaries, coffee and lunch breaks, and discussion
sessions packed into each room's free time on a 15-minute grid. Each session that needs people
gets a moderator (sometimes a co-moderator), speakers or panelists and an audience; nobody is in
two places at once, and the assignment count is exactly the size's.

Everything is written in one transaction with bulk INSERTs (explicit ids, no ORM objects per
row), so L takes seconds. The same seed gives the same forum. The attendee spreadsheets and the
clash checker's input come from bench.attendees and bench.clash_input, re-exported here.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bench import pools
from bench.attendees import (
    ATTENDEE_HEADER,
    PersonSpec,
    synthetic_people,
    write_attendee_xlsx,
)
from bench.clash_input import ClashInput, clash_check_input
from bench.schedule import SessionPlan, plan_sessions
from forumdesk.config import resolve_database_url
from forumdesk.core import text
from forumdesk.core.countries import stored_country
from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.core.transliteration import latin_name
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.db.models import (
    Assignment,
    Event,
    Organization,
    Person,
    ProgramSession,
    Registration,
    Room,
    Track,
)

__all__ = [
    "ATTENDEE_HEADER",
    "PEOPLE_50K",
    "SIZES",
    "TIMETABLE_DAY",
    "ClashInput",
    "ForumSize",
    "GeneratedForum",
    "clash_check_input",
    "generate_database",
    "generate_event",
    "synthetic_people",
    "write_attendee_xlsx",
]

FIRST_DAY = dt.date(2027, 5, 12)
PROGRAMME_SHARE = 0.12  # attendees who moderate or speak somewhere
# Sessions with people on the programme and an audience (breaks and the desk have neither).
STAFFED_KINDS = frozenset({SessionKind.PLENARY, SessionKind.DISCUSSION, SessionKind.WORKSHOP})
_STATUS_WEIGHTS = (
    (RegistrationStatus.REGISTERED, 70),
    (RegistrationStatus.CONFIRMED, 20),
    (RegistrationStatus.INVITED, 7),
    (RegistrationStatus.CANCELLED, 3),
)


@dataclass(frozen=True, slots=True)
class ForumSize:
    """What to generate. `assignments` counts every role, moderators and audience alike."""

    name: str
    sessions: int
    people: int
    assignments: int
    days: int
    rooms: int
    plenaries: bool = True  # registration desk and opening/closing plenaries


SIZES = {
    "S": ForumSize("S", sessions=20, people=200, assignments=800, days=2, rooms=4),
    "M": ForumSize("M", sessions=100, people=2_000, assignments=8_000, days=3, rooms=6),
    "L": ForumSize("L", sessions=300, people=5_000, assignments=20_000, days=3, rooms=15),
}
# The timetable's stress case: 300 sessions on a single day (breaks, no plenaries).
TIMETABLE_DAY = ForumSize(
    "day-300", sessions=300, people=3_000, assignments=6_000, days=1, rooms=30, plenaries=False
)
# The People page's stress case: a 50,000-person directory, all registered for the event.
PEOPLE_50K = ForumSize("people-50k", sessions=20, people=50_000, assignments=1_000, days=2, rooms=4)


@dataclass(frozen=True, slots=True)
class GeneratedForum:
    event_id: int
    size: ForumSize
    seed: int
    days: tuple[dt.date, ...]
    room_ids: tuple[int, ...]
    session_ids: tuple[int, ...]
    person_ids: tuple[int, ...]
    assignments: int


def generate_database(path: Path | str, size: ForumSize | str, seed: int = 1) -> GeneratedForum:
    """Create (or open) the SQLite file at `path` and add one generated event to it."""
    db = open_database(resolve_database_url(str(path)))
    try:
        return generate_event(db, size, seed)
    finally:
        db.dispose()


def generate_event(db: Database, size: ForumSize | str, seed: int = 1) -> GeneratedForum:
    """Add a generated event of `size` to `db`, in one transaction.

    People go into the shared directory next to whoever is there; a generated e-mail that is
    already taken gets a number added. Raises ValueError when the size cannot be laid out (more
    sessions than its days and rooms hold, fewer assignments than the sessions' leads need).
    """
    size = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(f"forumdesk-bench-forum:{size.name}:{seed}")
    days = tuple(FIRST_DAY + dt.timedelta(days=n) for n in range(size.days))
    capacities = [_capacity(n) for n in range(size.rooms)]
    plans = plan_sessions(rng, days, capacities, size.sessions, plenaries=size.plenaries)
    people = synthetic_people(size.people, seed)
    with db.transaction() as session:
        writer = _Writer(session)
        event_id = writer.event(size, days)
        room_ids = writer.rooms(event_id, capacities)
        track_ids = writer.tracks(event_id)
        person_ids = writer.people(people)
        writer.registrations(event_id, person_ids, rng)
        session_ids = writer.sessions(event_id, plans, room_ids, track_ids, rng)
        links = _assign(rng, plans, session_ids, person_ids, size.assignments, capacities)
        writer.assignments(links)
    return GeneratedForum(
        event_id,
        size,
        seed,
        days,
        tuple(room_ids),
        tuple(session_ids),
        tuple(person_ids),
        len(links),
    )


def _capacity(room: int) -> int:
    return pools.ROOM_CAPACITIES[room] if room < len(pools.ROOM_CAPACITIES) else 80


def _room_name(room: int) -> str:
    return pools.ROOM_NAMES[room] if room < len(pools.ROOM_NAMES) else f"Аудитория {room + 1}"


class _Writer:
    """Bulk inserts with ids chosen here, so nothing has to be read back row by row."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _next_id(self, column: Any) -> int:
        return (self.session.scalar(select(func.max(column))) or 0) + 1

    def _insert(self, model: type, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.session.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]

    def event(self, size: ForumSize, days: tuple[dt.date, ...]) -> int:
        event = Event(
            name=f"Евразийский форум по защите интеллектуальной собственности — {size.name}",
            city="Астана",
            venue="Конгресс-центр «Астана»",
            first_day=days[0],
            last_day=days[-1],
            timezone="Asia/Almaty",
            organizers="Министерство юстиции Республики Казахстан; WIPO",
            description=f"Synthetic forum for the benchmark: {size.sessions} sessions, "
            f"{size.people} people.",
        )
        self.session.add(event)
        self.session.flush()
        return event.id

    def rooms(self, event_id: int, capacities: list[int]) -> list[int]:
        first = self._next_id(Room.id)
        rows = [
            {
                "id": first + n,
                "event_id": event_id,
                "name": _room_name(n),
                "capacity": capacity,
                "position": n,
                "version": 1,
            }
            for n, capacity in enumerate(capacities)
        ]
        self._insert(Room, rows)
        return [row["id"] for row in rows]

    def tracks(self, event_id: int) -> list[int]:
        first = self._next_id(Track.id)
        rows = [
            {"id": first + n, "event_id": event_id, "name": name, "color": color, "version": 1}
            for n, (name, color) in enumerate(pools.TRACKS)
        ]
        self._insert(Track, rows)
        return [row["id"] for row in rows]

    def people(self, people: list[PersonSpec]) -> list[int]:
        session = self.session
        org_ids = dict(session.execute(select(Organization.name_key, Organization.id)).all())
        taken = set(session.scalars(select(Person.email).where(Person.email.is_not(None))))
        next_org = self._next_id(Organization.id)
        new_orgs = []
        for person in people:
            org = person.organization
            key = text.fold(org.name)
            if key not in org_ids:
                org_ids[key] = next_org
                new_orgs.append(
                    {
                        "id": next_org,
                        "name": org.name,
                        "name_key": key,
                        "country": stored_country(org.country),
                        "sector": org.sector.value,
                        "version": 1,
                    }
                )
                next_org += 1
        self._insert(Organization, new_orgs)
        first = self._next_id(Person.id)
        rows = []
        for n, person in enumerate(people):
            email = _free_email(person.email, taken)
            row = SimpleNamespace(
                id=first + n,
                family_name=person.family_name,
                given_name=person.given_name,
                patronymic=person.patronymic,
                display_name=person.display_name,
                latin_name=latin_name(person.display_name),
                organization_id=org_ids[text.fold(person.organization.name)],
                position=person.position,
                country=stored_country(person.country),
                sector=person.organization.sector.value,
                email=email,
                phone=person.phone,
                language=person.language,
                notes=None,
                version=1,
                # the same search key the services keep (names, organisation, e-mail, phone)
                search_key=text.person_search_key(
                    person.family_name,
                    person.given_name,
                    person.patronymic,
                    person.display_name,
                    person.organization.name,
                    email,
                    person.phone,
                    latin_name(person.display_name),
                ),
            )
            rows.append(vars(row))
        self._insert(Person, rows)
        return [row["id"] for row in rows]

    def registrations(self, event_id: int, person_ids: list[int], rng: random.Random) -> None:
        statuses = [s.value for s, _ in _STATUS_WEIGHTS]
        weights = [w for _, w in _STATUS_WEIGHTS]
        picked = rng.choices(statuses, weights, k=len(person_ids))
        self._insert(
            Registration,
            [
                {"event_id": event_id, "person_id": pid, "status": status, "version": 1}
                for pid, status in zip(person_ids, picked, strict=True)
            ],
        )

    def sessions(
        self,
        event_id: int,
        plans: list[SessionPlan],
        room_ids: list[int],
        track_ids: list[int],
        rng: random.Random,
    ) -> list[int]:
        first = self._next_id(ProgramSession.id)
        titles = _titles(
            rng, sum(1 for p in plans if p.room is not None and p.kind != SessionKind.PLENARY)
        )
        rows, numbered, plenaries = [], 0, 0
        for n, plan in enumerate(plans):
            code, title, track = None, plan.title, None
            description = audience = None
            if plan.kind in (SessionKind.DISCUSSION, SessionKind.WORKSHOP):
                numbered += 1
                code, title = f"S{numbered:03d}", titles[numbered - 1]
                track = track_ids[rng.randrange(len(track_ids))]
                description = rng.choice(pools.DESCRIPTIONS)
                audience = int(plan.capacity * rng.uniform(0.3, 0.9)) if plan.capacity else None
            elif plan.kind == SessionKind.PLENARY:
                plenaries += 1
                code = f"PL{plenaries}"
                audience = plan.capacity
            rows.append(
                {
                    "id": first + n,
                    "event_id": event_id,
                    "code": code,
                    "title": title,
                    "kind": plan.kind.value,
                    "track_id": track,
                    "room_id": room_ids[plan.room] if plan.room is not None else None,
                    "starts_at": plan.starts_at,
                    "ends_at": plan.ends_at,
                    "description": description,
                    "expected_audience": audience,
                    "version": 1,
                }
            )
        self._insert(ProgramSession, rows)
        return [row["id"] for row in rows]

    def assignments(self, links: list[tuple[int, int, Role, int]]) -> None:
        self._insert(
            Assignment,
            [
                {
                    "session_id": s,
                    "person_id": p,
                    "role": role.value,
                    "position": position,
                    "version": 1,
                }
                for s, p, role, position in links
            ],
        )


def _free_email(address: str, taken: set[str]) -> str:
    local, _, domain = address.partition("@")
    candidate, number = address, 1
    while candidate in taken:
        number += 1
        candidate = f"{local}.{number}@{domain}"
    taken.add(candidate)
    return candidate


def _titles(rng: random.Random, count: int) -> list[str]:
    combos = [f"{topic}: {angle}" for topic in pools.TOPICS for angle in pools.ANGLES]
    rng.shuffle(combos)
    return [
        combos[n % len(combos)] + (f" (часть {n // len(combos) + 1})" if n >= len(combos) else "")
        for n in range(count)
    ]


# --- who is in which session ------------------------------------------------------------------


def _assign(
    rng: random.Random,
    plans: list[SessionPlan],
    session_ids: list[int],
    person_ids: list[int],
    total: int,
    capacities: list[int],
) -> list[tuple[int, int, Role, int]]:
    """Exactly `total` (session, person, role, position) links, nobody in two places at once."""
    busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {}
    speakers = person_ids[: max(1, int(len(person_ids) * PROGRAMME_SHARE))]
    staffed = [n for n, plan in enumerate(plans) if plan.kind in STAFFED_KINDS]
    links: list[tuple[int, int, Role, int]] = []
    members: dict[int, set[int]] = {n: set() for n in staffed}

    def free(pid: int, n: int) -> bool:
        plan = plans[n]
        return pid not in members[n] and all(
            end <= plan.starts_at or plan.ends_at <= start for start, end in busy.get(pid, ())
        )

    def add(n: int, pid: int, role: Role) -> None:
        plan = plans[n]
        busy.setdefault(pid, []).append((plan.starts_at, plan.ends_at))
        links.append((session_ids[n], pid, role, len(members[n])))
        members[n].add(pid)

    def pick(pool: list[int], n: int) -> int:
        for _ in range(200):
            pid = pool[rng.randrange(len(pool))]
            if free(pid, n):
                return pid
        return next(pid for pid in person_ids if free(pid, n))

    for n in staffed:
        plenary = plans[n].kind == SessionKind.PLENARY
        roles = [Role.MODERATOR]
        roles += [Role.CO_MODERATOR] if rng.random() < 0.15 else []
        roles += [Role.SPEAKER] * rng.randint(4 if plenary else 2, 6 if plenary else 4)
        roles += [Role.PANELIST] * (0 if plenary else rng.randint(0, 2))
        roles += [Role.RAPPORTEUR] if rng.random() < 0.1 else []
        for role in roles:
            add(n, pick(speakers, n), role)
    audience = total - len(links)
    if audience < 0:
        raise ValueError(
            f"{total} assignments are fewer than the {len(links)} moderators and "
            "speakers the sessions need."
        )
    shares = _audience_shares(
        [plans[n].capacity for n in staffed],
        [len(members[n]) for n in staffed],
        capacities,
        audience,
        rng,
    )
    order = list(person_ids)
    rng.shuffle(order)
    cursor = 0
    for n, wanted in zip(staffed, shares, strict=True):
        tried = 0
        while wanted:
            pid = order[cursor % len(order)]
            cursor += 1
            tried += 1
            if tried > 3 * len(order):
                raise ValueError(
                    "Not enough free people to fill the sessions' audiences; "
                    "generate more people or fewer assignments."
                )
            if free(pid, n):
                add(n, pid, Role.PARTICIPANT)
                wanted -= 1
    return links


def _audience_shares(
    rooms: list[int | None],
    leads: list[int],
    capacities: list[int],
    audience: int,
    rng: random.Random,
) -> list[int]:
    """Spread the audience over the sessions by room size, never past 90 % of a room."""
    room_left = [
        max(0, int((room or max(capacities)) * 0.9) - lead)
        for room, lead in zip(rooms, leads, strict=True)
    ]
    if sum(room_left) < audience:
        raise ValueError(
            f"The rooms hold at most {sum(room_left)} participants; {audience} were asked for."
        )
    shares = [0] * len(rooms)
    remaining = audience
    while remaining:
        open_ = [n for n, left in enumerate(room_left) if left > shares[n]]
        weight = sum(room_left[n] - shares[n] for n in open_)
        for n in open_:
            if not remaining:
                break
            portion = (room_left[n] - shares[n]) * remaining / weight
            grant = min(
                room_left[n] - shares[n], remaining, int(portion * rng.uniform(0.6, 1.0)) or 1
            )
            shares[n] += grant
            remaining -= grant
    return shares
