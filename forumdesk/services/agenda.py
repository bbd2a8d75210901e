"""The agendas views and exporters read: a day's, a room's and a person's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from forumdesk.core.rows import PersonAgendaItem, SessionRow
from forumdesk.db.engine import Database
from forumdesk.db.models import Assignment, Event, Person, ProgramSession, Room
from forumdesk.services.records import load
from forumdesk.services.sessions import (
    programme_order,
    room_order,
    session_query,
    session_rows,
)


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def day_agenda(db: Database, event_id: int, day: dt.date) -> list[SessionRow]:
    """The sessions that start on `day` (event-local), in programme order."""
    start, end = _day_bounds(day)
    with db.reader() as session:
        load(session, Event, event_id, "event")
        query = session_query().where(
            ProgramSession.event_id == event_id,
            ProgramSession.starts_at >= start,
            ProgramSession.starts_at < end,
        )
        rows = session_rows(session, query)
        order = room_order(session, event_id)
    return sorted(rows, key=lambda r: programme_order(r, order))


def room_agenda(db: Database, room_id: int, day: dt.date | None = None) -> list[SessionRow]:
    """A room's scheduled sessions (on one day, or all days), in time order."""
    with db.reader() as session:
        load(session, Room, room_id, "room")
        query = session_query().where(
            ProgramSession.room_id == room_id, ProgramSession.starts_at.is_not(None)
        )
        if day is not None:
            start, end = _day_bounds(day)
            query = query.where(ProgramSession.starts_at >= start, ProgramSession.starts_at < end)
        rows = session_rows(session, query)
    return sorted(rows, key=lambda r: (r.starts_at, r.code or "", r.title))


def person_agenda(
    db: Database, person_id: int, event_id: int | None = None
) -> list[PersonAgendaItem]:
    """A person's sessions with their role: scheduled ones in time order, then the rest."""
    with db.reader() as session:
        load(session, Person, person_id, "person")
        query = (
            session_query()
            .join(Assignment, Assignment.session_id == ProgramSession.id)
            .where(Assignment.person_id == person_id)
        )
        if event_id is not None:
            query = query.where(ProgramSession.event_id == event_id)
        rows = session_rows(session, query)
        roles = {
            session_id: role
            for session_id, role in session.execute(
                select(Assignment.session_id, Assignment.role).where(
                    Assignment.person_id == person_id
                )
            )
        }
    rows.sort(key=lambda r: (r.starts_at is None, r.starts_at or dt.datetime.max, r.title))
    return [PersonAgendaItem(row, roles[row.id]) for row in rows]


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
