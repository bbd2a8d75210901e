"""Everything the agenda exports need, loaded in one go into plain, immutable rows.

Six queries whatever the size of the event (event, rooms, tracks, sessions, everyone's roles,
registrations): the writers then work on memory only, never asking the database per session or
per person, which is what keeps a 300-session, 5,000-person export quick.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from forumdesk.core.enums import (
    LEADING_ROLES,
    VENUE_WIDE_KINDS,
    RegistrationStatus,
    Role,
    Sector,
    SessionKind,
)
from forumdesk.core.rows import EventRow, RoomRow, TrackRow
from forumdesk.core.text import fold
from forumdesk.db.engine import Database
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
from forumdesk.services.events import event_row
from forumdesk.services.records import load
from forumdesk.services.venue import room_row, track_row

SPEAKING_ROLES = (Role.SPEAKER, Role.PANELIST)
BREAK_KINDS = frozenset({SessionKind.BREAK, SessionKind.REGISTRATION})
_ROLE_ORDER = {role: n for n, role in enumerate(Role)}


@dataclass(frozen=True, slots=True)
class AgendaPerson:
    id: int
    display_name: str
    family_name: str
    given_name: str | None
    patronymic: str | None
    organization: str | None
    position: str | None
    country: str | None  # the person's own, else their organisation's
    sector: Sector | None  # likewise
    email: str | None
    phone: str | None

    @property
    def sort_key(self) -> tuple[str, str, int]:
        """Alphabetical by family name, with Ё among the Е as Russian lists have it."""
        return (fold(self.family_name), fold(self.given_name or ""), self.id)

    def with_organization(self) -> str:
        """ "Name, Organisation" as agendas list people."""
        return (
            f"{self.display_name}, {self.organization}" if self.organization else self.display_name
        )


@dataclass(frozen=True, slots=True)
class AgendaRole:
    person: AgendaPerson
    role: Role
    position: int


@dataclass(frozen=True, slots=True)
class AgendaSession:
    id: int
    code: str | None
    title: str
    kind: SessionKind
    track_id: int | None
    track_name: str | None
    track_color: str | None
    room_id: int | None
    room_name: str | None
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    description: str | None
    people: tuple[AgendaRole, ...] = ()

    @property
    def day(self) -> dt.date | None:
        return self.starts_at.date() if self.starts_at else None

    @property
    def is_break(self) -> bool:
        return self.kind in BREAK_KINDS

    @property
    def is_venue_wide(self) -> bool:
        """Plenaries, breaks and registration: the whole forum, not one room's audience."""
        return self.kind in VENUE_WIDE_KINDS

    @property
    def heading(self) -> str:
        """Code and title as headings show them."""
        return f"{self.code} · {self.title}" if self.code else self.title

    def with_roles(self, roles: Collection[Role]) -> list[AgendaRole]:
        return [link for link in self.people if link.role in roles]

    @property
    def moderators(self) -> list[AgendaRole]:
        return self.with_roles(LEADING_ROLES)

    @property
    def speakers(self) -> list[AgendaRole]:
        return self.with_roles(SPEAKING_ROLES)


@dataclass(frozen=True, slots=True)
class AgendaRegistration:
    person: AgendaPerson
    status: RegistrationStatus


@dataclass(frozen=True, slots=True)
class AgendaData:
    """One event as the exports see it. `sessions` are in programme order."""

    event: EventRow
    rooms: tuple[RoomRow, ...]
    tracks: tuple[TrackRow, ...]
    sessions: tuple[AgendaSession, ...]
    registrations: tuple[AgendaRegistration, ...]

    @property
    def days(self) -> list[dt.date]:
        return self.event.days

    @property
    def scheduled(self) -> list[AgendaSession]:
        return [s for s in self.sessions if s.starts_at is not None]

    def sessions_on(self, day: dt.date) -> list[AgendaSession]:
        return [s for s in self.sessions if s.day == day]

    def people(self) -> dict[int, AgendaPerson]:
        """Everyone the export mentions: registered or holding a role, by id."""
        found = {r.person.id: r.person for r in self.registrations}
        for session in self.sessions:
            for link in session.people:
                found.setdefault(link.person.id, link.person)
        return found

    def roles_by_person(self) -> dict[int, list[tuple[AgendaSession, Role]]]:
        """Each person's sessions with their role, in programme order."""
        found: dict[int, list[tuple[AgendaSession, Role]]] = defaultdict(list)
        for session in self.sessions:
            for link in session.people:
                found[link.person.id].append((session, link.role))
        return found

    def narrowed(
        self,
        *,
        days: Iterable[dt.date] | None = None,
        room_ids: Iterable[int] | None = None,
        track_ids: Iterable[int] | None = None,
    ) -> AgendaData:
        """Only the chosen days, rooms and tracks (None: all).

        Venue-wide sessions with no room (breaks, registration, a plenary not yet given a hall)
        stay under a room filter, and those with no track under a track filter: a programme of
        one hall still shows lunch. The room list itself narrows too, for grids and door signs.
        """
        sessions: Sequence[AgendaSession] = self.sessions
        rooms = self.rooms
        if days is not None:
            wanted_days = set(days)
            sessions = [s for s in sessions if s.day is None or s.day in wanted_days]
        if room_ids is not None:
            wanted_rooms = set(room_ids)
            rooms = tuple(r for r in rooms if r.id in wanted_rooms)
            sessions = [
                s
                for s in sessions
                if s.room_id in wanted_rooms or (s.room_id is None and s.is_venue_wide)
            ]
        if track_ids is not None:
            wanted_tracks = set(track_ids)
            sessions = [
                s
                for s in sessions
                if s.track_id in wanted_tracks or (s.track_id is None and s.is_venue_wide)
            ]
        return replace(self, rooms=rooms, sessions=tuple(sessions))


@dataclass(frozen=True, slots=True)
class PeopleLine:
    """A line of a people list: the person, their registration, their roles in words."""

    person: AgendaPerson
    status: RegistrationStatus | None  # None: holds a role without being registered
    roles: str


def people_lines(data: AgendaData, role_label: Callable[[Role], str]) -> list[PeopleLine]:
    """Registered people, and people with a role who are not registered, by family name.

    `roles` reads like "Moderator: S1, S5; Speaker: P1" (codes, or titles where none).
    """
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for session in data.sessions:
        for link in session.people:
            roles[link.person.id][role_label(link.role)].append(session.code or session.title)
    status = {r.person.id: r.status for r in data.registrations}
    ordered = sorted(data.people().values(), key=lambda p: p.sort_key)
    return [
        PeopleLine(
            person,
            status.get(person.id),
            "; ".join(f"{role}: {', '.join(titles)}" for role, titles in roles[person.id].items())
            if person.id in roles
            else "",
        )
        for person in ordered
    ]


# --- loading ----------------------------------------------------------------------------------

_PERSON_COLUMNS = (
    Person.id,
    Person.display_name,
    Person.family_name,
    Person.given_name,
    Person.patronymic,
    Organization.name,
    Person.position,
    Person.country,
    Organization.country,
    Person.sector,
    Organization.sector,
    Person.email,
    Person.phone,
)


def _person(row: Sequence[Any], cache: dict[int, AgendaPerson]) -> AgendaPerson:
    """An AgendaPerson from the `_PERSON_COLUMNS` part of a row (one object per person)."""
    person_id = row[0]
    person = cache.get(person_id)
    if person is None:
        (
            _,
            display,
            family,
            given,
            patronymic,
            org,
            position,
            country,
            org_country,
            sector,
            org_sector,
            email,
            phone,
        ) = row
        person = AgendaPerson(
            id=person_id,
            display_name=display,
            family_name=family,
            given_name=given,
            patronymic=patronymic,
            organization=org,
            position=position,
            country=country or org_country,
            sector=sector or org_sector,
            email=email,
            phone=phone,
        )
        cache[person_id] = person
    return person


def load_agenda(db: Database, event_id: int) -> AgendaData:
    """Load the event with its rooms, tracks, sessions, roles and registrations (one read)."""
    with db.reader() as session:
        event = event_row(load(session, Event, event_id, "event"))
        rooms = tuple(
            room_row(r)
            for r in session.scalars(
                select(Room).where(Room.event_id == event_id).order_by(Room.position, Room.id)
            )
        )
        tracks = tuple(
            track_row(t)
            for t in session.scalars(
                select(Track).where(Track.event_id == event_id).order_by(Track.name)
            )
        )
        session_rows = session.execute(
            select(
                ProgramSession.id,
                ProgramSession.code,
                ProgramSession.title,
                ProgramSession.kind,
                ProgramSession.track_id,
                ProgramSession.room_id,
                ProgramSession.starts_at,
                ProgramSession.ends_at,
                ProgramSession.description,
            ).where(ProgramSession.event_id == event_id)
        ).all()
        role_rows = session.execute(
            select(Assignment.session_id, Assignment.role, Assignment.position, *_PERSON_COLUMNS)
            .join(ProgramSession, ProgramSession.id == Assignment.session_id)
            .join(Person, Person.id == Assignment.person_id)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(ProgramSession.event_id == event_id)
        ).all()
        registration_rows = session.execute(
            select(Registration.status, *_PERSON_COLUMNS)
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(Registration.event_id == event_id)
        ).all()
    people: dict[int, AgendaPerson] = {}
    sessions = _sessions(session_rows, role_rows, rooms, tracks, people)
    registrations = sorted(
        (AgendaRegistration(_person(row[1:], people), row[0]) for row in registration_rows),
        key=lambda r: r.person.sort_key,
    )
    return AgendaData(event, rooms, tracks, sessions, tuple(registrations))


def _sessions(
    session_rows: Sequence[Any],
    role_rows: Sequence[Any],
    rooms: Sequence[RoomRow],
    tracks: Sequence[TrackRow],
    people: dict[int, AgendaPerson],
) -> tuple[AgendaSession, ...]:
    links: dict[int, list[AgendaRole]] = defaultdict(list)
    for row in role_rows:
        links[row[0]].append(AgendaRole(_person(row[3:], people), row[1], row[2]))
    room_by_id = {r.id: r for r in rooms}
    track_by_id = {t.id: t for t in tracks}
    sessions = []
    for (
        session_id,
        code,
        title,
        kind,
        track_id,
        room_id,
        starts_at,
        ends_at,
        description,
    ) in session_rows:
        room = room_by_id.get(room_id) if room_id is not None else None
        track = track_by_id.get(track_id) if track_id is not None else None
        people_here = sorted(
            links.get(session_id, ()),
            key=lambda link: (
                _ROLE_ORDER[link.role],
                link.position,
                link.person.display_name.casefold(),
            ),
        )
        sessions.append(
            AgendaSession(
                id=session_id,
                code=code,
                title=title,
                kind=kind,
                track_id=track_id,
                track_name=track.name if track else None,
                track_color=track.color if track else None,
                room_id=room_id,
                room_name=room.name if room else None,
                starts_at=starts_at,
                ends_at=ends_at,
                description=description,
                people=tuple(people_here),
            )
        )
    positions = {r.id: r.position for r in rooms}
    sessions.sort(key=lambda s: _programme_order(s, positions))
    return tuple(sessions)


def _programme_order(session: AgendaSession, positions: dict[int, int]) -> tuple[Any, ...]:
    """Scheduled by start, then room order (no room first), then code; unscheduled last."""
    return (
        session.starts_at is None,
        session.starts_at or dt.datetime.max,
        -1 if session.room_id is None else positions.get(session.room_id, 1_000_000),
        natural_key(session.code),
        session.title.casefold(),
    )


_NUMBER = re.compile(r"(\d+)")


def natural_key(code: str | None) -> tuple[Any, ...]:
    """ "S2" before "S10"; sessions without a code after those with one."""
    if not code:
        return (1,)
    return (
        0,
        *(
            (0, int(part)) if part.isdigit() else (1, part.casefold())
            for part in _NUMBER.split(code)
            if part
        ),
    )
