"""One event as the agenda exports see it: plain, immutable rows held in memory.

services.agenda.load_agenda reads it in a few queries whatever the size of the event; the
writers then work on memory only, never asking the database per session or per person, which is
what keeps a 300-session, 5,000-person export quick.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from forumdesk.core.content_languages import Translations, shown_text, text_in
from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.rows import EventRow, PersonRow, RoomRow, SessionRow, TrackRow


@dataclass(frozen=True, slots=True)
class AgendaRegistration:
    person: PersonRow
    status: RegistrationStatus


@dataclass(frozen=True, slots=True)
class AgendaEdition:
    """Which version of the programme an export shows, and what changed since the one before.

    `number` None: no version published yet. `draft`: the programme has changed since version
    `number` (an export of work in progress). `changes` are (session, kind, line) in the export's
    language; `people` are (name, e-mail, language, their lines) of everyone to tell.
    """

    number: int | None
    published_at: dt.datetime | None  # this computer's time
    draft: bool
    since: int | None = None  # the version the changes are counted from
    changes: tuple[tuple[str, str, str], ...] = ()
    people: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class AgendaData:
    """One event as the exports see it. `sessions` are in programme order."""

    event: EventRow
    rooms: tuple[RoomRow, ...]
    tracks: tuple[TrackRow, ...]
    sessions: tuple[SessionRow, ...]
    registrations: tuple[AgendaRegistration, ...]
    edition: AgendaEdition | None = None  # which version it shows (None: not asked)

    @property
    def days(self) -> list[dt.date]:
        return self.event.days

    @property
    def scheduled(self) -> list[SessionRow]:
        return [s for s in self.sessions if s.starts_at is not None]

    def sessions_on(self, day: dt.date) -> list[SessionRow]:
        return [s for s in self.sessions if s.day == day]

    def people(self) -> dict[int, PersonRow]:
        """Everyone the export mentions: registered or holding a role, by id."""
        found = {r.person.id: r.person for r in self.registrations}
        for session in self.sessions:
            for link in session.people:
                found.setdefault(link.person.id, link.person)
        return found

    def roles_by_person(self) -> dict[int, list[tuple[SessionRow, Role]]]:
        """Each person's sessions with their role, in programme order."""
        found: dict[int, list[tuple[SessionRow, Role]]] = defaultdict(list)
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
        sessions: Sequence[SessionRow] = self.sessions
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
                if s.room_id in wanted_rooms
                or s.all_rooms
                or (s.room_id is None and s.is_venue_wide)
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

    person: PersonRow
    status: RegistrationStatus | None  # None: holds a role without being registered
    roles: str


def people_lines(data: AgendaData, role_label: Callable[[Role], str]) -> list[PeopleLine]:
    """Registered people, and people with a role who are not registered, by family name.

    `roles` reads like "Moderator: S1, S5; Speaker: P1" (codes, or titles where none).
    """
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for session in data.sessions:
        for link in session.people:
            roles[link.person.id][role_label(link.role)].append(
                session.public_code or session.title
            )
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


def in_language(data: AgendaData, lang: str) -> AgendaData:
    """The agenda with its content in `lang`: the event's name, venue and city, each room's and
    track's name, each session's title and description, and the rooms and tracks sessions name.

    A text missing in `lang` stands as the main language's text followed by a marker
    ("Торговля ⟨EN⟩"), never silently. An event kept in one language only is left as written:
    its texts are all there are, and marking every title would hide nothing.
    """
    event = data.event
    languages = event.content_languages
    if len(languages) < 2 or lang == languages[0]:
        return data
    main = languages[0]

    def text(translations: Translations, field: str, main_text: str | None) -> str | None:
        if not main_text:
            return text_in(translations, lang, field, main_language=main, main_text=main_text)
        return shown_text(translations, lang, field, main_language=main, main_text=main_text)[0]

    rooms = tuple(
        replace(r, name=text(r.translations, "name", r.name) or r.name) for r in data.rooms
    )
    tracks = tuple(
        replace(t, name=text(t.translations, "name", t.name) or t.name) for t in data.tracks
    )
    room_names = {r.id: r.name for r in rooms}
    track_names = {t.id: t.name for t in tracks}
    sessions = tuple(
        replace(
            s,
            title=text(s.translations, "title", s.title) or s.title,
            description=text(s.translations, "description", s.description),
            room_name=room_names.get(s.room_id, s.room_name) if s.room_id else s.room_name,
            track_name=track_names.get(s.track_id, s.track_name) if s.track_id else s.track_name,
        )
        for s in data.sessions
    )
    localized_event = replace(
        event,
        name=text(event.translations, "name", event.name) or event.name,
        venue=text(event.translations, "venue", event.venue),
        city=text(event.translations, "city", event.city),
    )
    return replace(data, event=localized_event, rooms=rooms, tracks=tracks, sessions=sessions)
