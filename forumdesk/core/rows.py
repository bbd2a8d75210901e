"""Immutable rows that services return and Qt models, exporters and the CLI consume."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from forumdesk.core.content_languages import DEFAULT_LANGUAGES, Translations
from forumdesk.core.enums import (
    BREAK_KINDS,
    VENUE_WIDE_KINDS,
    Gender,
    RegistrationStatus,
    Role,
    Sector,
    SessionKind,
)
from forumdesk.core.text import fold


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    name: str
    city: str | None
    venue: str | None
    first_day: dt.date
    last_day: dt.date
    timezone: str
    organizers: str | None
    description: str | None
    version: int
    changeover_minutes: int = 0  # least time between a person's sessions in different rooms
    one_sector_warning: bool = False  # warn of a panel whose speakers are all of one sector
    # the languages of the content, main first; name, venue and city in the others
    content_languages: tuple[str, ...] = DEFAULT_LANGUAGES
    translations: Translations = ()

    @property
    def main_language(self) -> str:
        return self.content_languages[0]

    @property
    def days(self) -> list[dt.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=n) for n in range(count)]


@dataclass(frozen=True, slots=True)
class RoomRow:
    id: int
    event_id: int
    name: str
    capacity: int | None
    position: int
    notes: str | None
    version: int
    translations: Translations = ()  # the name in the event's other content languages


@dataclass(frozen=True, slots=True)
class TrackRow:
    id: int
    event_id: int
    name: str
    color: str | None
    version: int
    position: int = 0  # the event's tracks are listed in this order
    translations: Translations = ()  # the name in the event's other content languages


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    event_id: int
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
    expected_audience: int | None
    version: int
    # how long it is meant to last (minutes): what a drop on the timetable gives it
    planned_minutes: int | None = None
    # across the whole venue (a coffee break): books no room, drawn across every room
    all_rooms: bool = False
    moderators: tuple[str, ...] = ()  # display names, in agenda order
    # called off: it stays in the programme, struck through in agendas
    cancelled: bool = False
    # everyone with a role, in agenda order: filled where the whole programme is read (agendas)
    people: tuple[SessionPerson, ...] = ()
    # title and description in the event's other content languages
    translations: Translations = ()
    # when (UTC) and from which desk the session's own fields were last written, where known:
    # bookkeeping of the write, not part of what the session is (rows compare without it)
    updated_at: dt.datetime | None = field(default=None, compare=False)
    updated_by: str | None = field(default=None, compare=False)

    @property
    def is_scheduled(self) -> bool:
        return self.starts_at is not None

    @property
    def label(self) -> str:
        """How messages name the session: its code and title."""
        return f"{self.code} «{self.title}»" if self.code else f"«{self.title}»"

    @property
    def public_code(self) -> str | None:
        """The code as handouts print it: none for breaks and registration.

        A session's code ("S3", "P1") is how participants find it in the programme, on the
        door sign and in their personal agenda; a break's ("LUNCH1", "CB1") is staff
        bookkeeping, and a participant needs only its title ("Coffee break").
        """
        return None if self.is_break else self.code

    @property
    def heading(self) -> str:
        """Code and title as agenda headings show them (a break by its title alone)."""
        code = self.public_code
        return f"{code} · {self.title}" if code else self.title

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

    def with_roles(self, roles: Collection[Role]) -> list[SessionPerson]:
        """The session's people with one of `roles`, in agenda order."""
        return [link for link in self.people if link.role in roles]


@dataclass(frozen=True, slots=True)
class OrganizationRow:
    id: int
    name: str
    country: str | None
    sector: Sector | None
    version: int


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person of the directory; one read from a file and not stored yet has id and version 0."""

    id: int
    family_name: str
    given_name: str | None
    patronymic: str | None
    display_name: str
    organization_id: int | None
    organization: str | None
    position: str | None
    country: str | None
    sector: Sector | None
    email: str | None
    phone: str | None
    language: str | None
    notes: str | None
    version: int
    # the name in Latin letters, as a passport or badge writes it (None: not known)
    latin_name: str | None = None
    # the organisation's, where a list shows them for a person who has none of their own
    organization_country: str | None = None
    organization_sector: Sector | None = None
    gender: Gender | None = None  # where recorded

    @property
    def listed_country(self) -> str | None:
        """The person's country, else their organisation's: what agendas and lists show."""
        return self.country or self.organization_country

    @property
    def listed_sector(self) -> Sector | None:
        """The person's sector, else their organisation's."""
        return self.sector or self.organization_sector

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
class SessionPerson:
    """One of a session's people: who, in what role, in which place among that role's."""

    person: PersonRow
    role: Role
    position: int


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    session_id: int
    person_id: int
    display_name: str
    organization: str | None
    position_title: str | None
    email: str | None
    role: Role
    position: int


@dataclass(frozen=True, slots=True)
class RegistrationRow:
    event_id: int
    person_id: int
    status: RegistrationStatus


@dataclass(frozen=True, slots=True)
class PersonAgendaItem:
    """One of a person's sessions, with the role they have in it."""

    session: SessionRow
    role: Role


@dataclass(frozen=True, slots=True)
class SessionSnapshot:
    """Everything needed to put a deleted session back (undo)."""

    session: SessionRow
    assignments: tuple[AssignmentRow, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class PersonSnapshot:
    """Everything needed to put a deleted person back (undo)."""

    person: PersonRow
    assignments: tuple[AssignmentRow, ...] = ()
    registrations: tuple[RegistrationRow, ...] = ()


@dataclass(frozen=True, slots=True)
class RoomSnapshot:
    """A deleted room and the sessions that were in it (undo)."""

    room: RoomRow
    session_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TrackSnapshot:
    """A deleted track and the sessions that were in it (undo)."""

    track: TrackRow
    session_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Placement:
    """Where and when a session is: room and times, any of them absent while planning."""

    room_id: int | None
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    all_rooms: bool = False  # across the venue: then room_id is None
