"""The agenda as views and exports read it: the whole programme of an event in one read.

`load_agenda` gathers an event with its rooms, tracks, sessions, everyone's roles and
registrations in seven queries whatever the size of the event (each person read once, however
many roles they have), into the plain rows the writers in forumdesk.io and the printed agenda
work on; `busy_people` is what the session editor shows
while people are being added.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import select, union

from forumdesk.core.content_languages import as_row, parse_languages
from forumdesk.core.enums import LEADING_ROLES, Role
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import N_, _, gettext
from forumdesk.core.programme_order import programme_order
from forumdesk.core.rows import (
    PersonAgendaItem,
    PersonRow,
    RoomRow,
    SessionPerson,
    SessionRow,
    TrackRow,
)
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
from forumdesk.io.agenda_data import AgendaData, AgendaRegistration
from forumdesk.io.agenda_labels import Lang, content_language
from forumdesk.services.events import event_row
from forumdesk.services.people import PERSON_ROW_COLUMNS
from forumdesk.services.records import load
from forumdesk.services.sessions import session_query, session_rows
from forumdesk.services.venue import room_row, track_row

_ROLE_ORDER = {role: n for n, role in enumerate(Role)}


def event_language(db: Database, event_id: int) -> Lang:
    """The language the event's own texts are in: its main content language where it chose its
    languages, else guessed from its letters ("ru" or "en", see agenda_labels.content_language).
    What its handouts are in unless someone chooses otherwise."""
    with db.reader() as session:
        event = load(session, Event, event_id, "event")
        if event.content_languages:
            return cast(Lang, parse_languages(event.content_languages)[0])
        titles = session.scalars(
            select(ProgramSession.title).where(ProgramSession.event_id == event_id)
        ).all()
        rooms = session.scalars(select(Room.name).where(Room.event_id == event_id)).all()
        return content_language([event.name, event.venue, event.city, *titles, *rooms])


def load_agenda(
    db: Database,
    event_id: int,
    *,
    days: Iterable[dt.date] | None = None,
    room_ids: Iterable[int] | None = None,
    track_ids: Iterable[int] | None = None,
) -> AgendaData:
    """The event's agenda: rooms, tracks, sessions in programme order with their people, and
    registrations by family name, in one read.

    `days`, `room_ids` and `track_ids` narrow it as AgendaData.narrowed does (None: all); one
    the event does not have is refused with a ValidationError naming it.
    """
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
                select(Track).where(Track.event_id == event_id).order_by(Track.position, Track.id)
            )
        )
        session_records = session.execute(
            select(*_SESSION_COLUMNS).where(ProgramSession.event_id == event_id)
        ).all()
        role_records = session.execute(
            select(
                Assignment.session_id, Assignment.role, Assignment.position, Assignment.person_id
            )
            .join(ProgramSession, ProgramSession.id == Assignment.session_id)
            .where(ProgramSession.event_id == event_id)
        ).all()
        registration_records = session.execute(
            select(Registration.status, Registration.person_id).where(
                Registration.event_id == event_id
            )
        ).all()
        # each person once, however many roles they have: a row per role would carry them all
        people = {
            row[0]: _person(row)
            for row in session.execute(
                select(*_PERSON_COLUMNS)
                .outerjoin(Organization, Organization.id == Person.organization_id)
                .where(
                    Person.id.in_(
                        union(
                            select(Assignment.person_id)
                            .join(ProgramSession, ProgramSession.id == Assignment.session_id)
                            .where(ProgramSession.event_id == event_id),
                            select(Registration.person_id).where(Registration.event_id == event_id),
                        )
                    )
                )
            )
        }
    sessions = _sessions(session_records, role_records, rooms, tracks, people)
    registrations = sorted(
        (
            AgendaRegistration(people[person_id], status)
            for status, person_id in registration_records
            if person_id in people  # see _sessions
        ),
        key=lambda r: r.person.sort_key,
    )
    data = AgendaData(event, rooms, tracks, sessions, tuple(registrations))
    if days is None and room_ids is None and track_ids is None:
        return data
    return _narrowed(data, days, room_ids, track_ids)


def _narrowed(
    data: AgendaData,
    days: Iterable[dt.date] | None,
    room_ids: Iterable[int] | None,
    track_ids: Iterable[int] | None,
) -> AgendaData:
    """The agenda narrowed to the chosen days, rooms and tracks, refusing unknown ones."""
    event = data.event
    days = None if days is None else tuple(days)
    room_ids = None if room_ids is None else tuple(room_ids)
    track_ids = None if track_ids is None else tuple(track_ids)
    if days is not None:
        outside = [d for d in days if not event.first_day <= d <= event.last_day]
        if outside:
            raise ValidationError(
                _("{day} is not a day of «{event}» ({first} to {last}).").format(
                    day=outside[0].isoformat(),
                    event=event.name,
                    first=event.first_day.isoformat(),
                    last=event.last_day.isoformat(),
                ),
                field="days",
            )
    for ids, known, message, field_name in (
        (
            room_ids,
            {r.id for r in data.rooms},
            N_("«{event}» has no room with id {id}."),
            "room_ids",
        ),
        (
            track_ids,
            {t.id for t in data.tracks},
            N_("«{event}» has no track with id {id}."),
            "track_ids",
        ),
    ):
        if ids is not None:
            missing = [i for i in ids if i not in known]
            if missing:
                raise ValidationError(
                    gettext(message).format(event=event.name, id=missing[0]), field=field_name
                )
    return data.narrowed(days=days, room_ids=room_ids, track_ids=track_ids)


_SESSION_COLUMNS = (
    ProgramSession.id,
    ProgramSession.event_id,
    ProgramSession.code,
    ProgramSession.title,
    ProgramSession.kind,
    ProgramSession.track_id,
    ProgramSession.room_id,
    ProgramSession.starts_at,
    ProgramSession.ends_at,
    ProgramSession.description,
    ProgramSession.expected_audience,
    ProgramSession.version,
    ProgramSession.planned_minutes,
    ProgramSession.all_rooms,
    ProgramSession.cancelled,
    ProgramSession.translations,
)

_PERSON_COLUMNS = (*PERSON_ROW_COLUMNS, Organization.country, Organization.sector)


def _person(row: Sequence[Any]) -> PersonRow:
    """A PersonRow from a row of `_PERSON_COLUMNS`."""
    (
        person_id,
        family,
        given,
        patronymic,
        display,
        organization_id,
        organization,
        position,
        country,
        sector,
        email,
        phone,
        language,
        notes,
        version,
        latin_name,
        gender,
        organization_country,
        organization_sector,
    ) = row
    return PersonRow(
        id=person_id,
        family_name=family,
        given_name=given,
        patronymic=patronymic,
        display_name=display,
        organization_id=organization_id,
        organization=organization,
        position=position,
        country=country,
        sector=sector,
        email=email,
        latin_name=latin_name,
        phone=phone,
        language=language,
        notes=notes,
        version=version,
        organization_country=organization_country,
        organization_sector=organization_sector,
        gender=gender,
    )


def _sessions(
    session_records: Sequence[Any],
    role_records: Sequence[Any],
    rooms: Sequence[RoomRow],
    tracks: Sequence[TrackRow],
    people: dict[int, PersonRow],
) -> tuple[SessionRow, ...]:
    links: dict[int, list[SessionPerson]] = defaultdict(list)
    for session_id, role, position, person_id in role_records:
        person = people.get(person_id)
        # None only where the database reads each query afresh (PostgreSQL's read committed)
        # and the person was deleted in between: their roles went with them
        if person is not None:
            links[session_id].append(SessionPerson(person, role, position))
    room_by_id = {r.id: r for r in rooms}
    track_by_id = {t.id: t for t in tracks}
    sessions = []
    for (
        session_id,
        event_id,
        code,
        title,
        kind,
        track_id,
        room_id,
        starts_at,
        ends_at,
        description,
        expected_audience,
        version,
        planned_minutes,
        all_rooms,
        cancelled,
        translations,
    ) in session_records:
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
            SessionRow(
                id=session_id,
                event_id=event_id,
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
                expected_audience=expected_audience,
                version=version,
                planned_minutes=planned_minutes,
                all_rooms=all_rooms,
                cancelled=cancelled,
                moderators=tuple(
                    link.person.display_name for link in people_here if link.role in LEADING_ROLES
                ),
                people=tuple(people_here),
                translations=as_row(translations),
            )
        )
    positions = {r.id: r.position for r in rooms}
    sessions.sort(key=lambda s: programme_order(s, positions))
    return tuple(sessions)


# --- the session editor -------------------------------------------------------------------------


def busy_people(
    db: Database,
    event_id: int,
    person_ids: list[int],
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    exclude_session_id: int | None = None,
) -> dict[int, list[PersonAgendaItem]]:
    """Each person's other sessions overlapping [starts_at, ends_at) (half-open), with roles.

    One query for all of them: the session editor shows it while people are being added.
    """
    if not person_ids or ends_at <= starts_at:
        return {}
    with db.reader() as session:
        query = (
            session_query()
            .add_columns(Assignment.person_id, Assignment.role)
            .join(Assignment, Assignment.session_id == ProgramSession.id)
            .where(
                ProgramSession.event_id == event_id,
                Assignment.person_id.in_(person_ids),
                ProgramSession.starts_at < ends_at,
                ProgramSession.ends_at > starts_at,
            )
        )
        if exclude_session_id is not None:
            query = query.where(ProgramSession.id != exclude_session_id)
        found = [
            (record.id, person_id, role)
            for record, *_names, person_id, role in session.execute(query)
        ]
        rows = {
            row.id: row
            for row in session_rows(
                session, session_query().where(ProgramSession.id.in_({f[0] for f in found}))
            )
        }
    busy: dict[int, list[PersonAgendaItem]] = {}
    for session_id, person_id, role in found:
        busy.setdefault(person_id, []).append(PersonAgendaItem(rows[session_id], role))
    for items in busy.values():
        items.sort(key=lambda item: (item.session.starts_at, item.session.title))
    return busy
