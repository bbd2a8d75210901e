"""Events: create, edit, delete, list, and pick the one a command means."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select

from forumdesk.core import content_languages as langs
from forumdesk.core import text
from forumdesk.core.errors import ConflictError, NotFoundError, ValidationError
from forumdesk.core.i18n import N_, _
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.db.models import (
    AcceptedProblem,
    Event,
    PersonUnavailability,
    ProgramSession,
    Registration,
    Room,
    Track,
)
from forumdesk.services.content_languages import move_main_language
from forumdesk.services.records import apply_changes, changed_meanwhile, check_version, load

# What belongs to an event: undoing its creation is refused while any of it is there.
_EVENT_PARTS = (Room, Track, ProgramSession, Registration, PersonUnavailability, AcceptedProblem)

DEFAULT_TIMEZONE = "UTC"


class EventChoiceError(ValidationError):
    """Several events exist and none was named; `events` lists them for the message."""

    def __init__(self, events: list[EventRow]) -> None:
        listing = "; ".join(f"{e.id}: {e.name}" for e in events)
        super().__init__(
            _("The database holds several events; choose one ({events}).").format(events=listing)
        )
        self.events = events


def event_row(event: Event) -> EventRow:
    return EventRow(
        id=event.id,
        name=event.name,
        city=event.city,
        venue=event.venue,
        first_day=event.first_day,
        last_day=event.last_day,
        timezone=event.timezone,
        organizers=event.organizers,
        description=event.description,
        version=event.version,
        changeover_minutes=event.changeover_minutes,
        one_sector_warning=event.one_sector_warning,
        content_languages=langs.parse_languages(event.content_languages),
        translations=langs.as_row(event.translations),
    )


def _date(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ValidationError(
            _("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2021-11-25.").format(
                value=value
            ),
            field=field,
        ) from exc


def _changeover(value: object) -> int:
    minutes = text.non_negative(value, N_("changeover time"), "changeover_minutes")
    if minutes is None:
        raise ValidationError(
            _("The changeover time cannot be empty; use 0 for none."), field="changeover_minutes"
        )
    if minutes > 24 * 60:
        raise ValidationError(
            _("The changeover time can be at most 1440 minutes (a day)."),
            field="changeover_minutes",
        )
    return minutes


_CLEANERS = {
    "name": lambda v: text.require(v, N_("event name"), "name"),
    "city": text.clean,
    "venue": text.clean,
    "first_day": lambda v: _date(v, "first_day"),
    "last_day": lambda v: _date(v, "last_day"),
    "timezone": text.check_timezone,
    "organizers": text.clean_multiline,
    "description": text.clean_multiline,
    "changeover_minutes": _changeover,
    "one_sector_warning": bool,
    "content_languages": lambda v: None if v in (None, "") else langs.stored_languages(v),
    "translations": lambda v: langs.clean_translations(v, langs.EVENT_FIELDS),
}


def _check_days(event: Event) -> None:
    if event.last_day < event.first_day:
        raise ValidationError(_("The event's last day is before its first day."), field="last_day")
    if (event.last_day - event.first_day).days > 60:
        raise ValidationError(_("An event can last at most 61 days."), field="last_day")


def create_event(
    db: Database,
    name: str,
    first_day: dt.date | str,
    last_day: dt.date | str | None = None,
    *,
    city: str | None = None,
    venue: str | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    organizers: str | None = None,
    description: str | None = None,
    content_languages: str | tuple[str, ...] | None = None,
    translations: object = None,
) -> EventRow:
    """Create an event; `last_day` defaults to `first_day` (a one-day event).

    `content_languages` are its content's languages, main first (Russian only by default);
    `translations` its name, venue and city in the others ({"en": {"name": ...}})."""
    fields: dict[str, object] = {
        "name": name,
        "first_day": first_day,
        "last_day": first_day if last_day is None else last_day,
        "city": city,
        "venue": venue,
        "timezone": timezone,
        "organizers": organizers,
        "description": description,
        "content_languages": content_languages,
        "translations": translations,
    }
    event = Event(**{key: _CLEANERS[key](value) for key, value in fields.items()})
    _check_days(event)
    with db.transaction() as session:
        session.add(event)
        session.flush()
        return event_row(event)


def update_event(
    db: Database,
    event_id: int,
    changes: Mapping[str, object],
    *,
    expected_version: int | None,
) -> dict[str, object]:
    """Change an event's fields; returns the previous values (what undo passes back).

    Shortening the event is refused while sessions are scheduled on the days it would drop.
    """
    with db.transaction() as session:
        event = load(session, Event, event_id, "event")
        check_version(event, expected_version, "event")
        previous = apply_changes(event, changes, _CLEANERS)
        _check_days(event)
        if "content_languages" in previous:
            move_main_language(session, event, str(previous["content_languages"]))
        if {"first_day", "last_day"} & previous.keys():
            old_first = previous.get("first_day", event.first_day)
            old_last = previous.get("last_day", event.last_day)
            _refuse_dropping_scheduled_days(session, event, old_first, old_last)  # type: ignore[arg-type]
        return previous


def _refuse_dropping_scheduled_days(
    session: Any, event: Event, old_first: dt.date, old_last: dt.date
) -> None:
    """Refuse new dates that drop a day which has sessions (extending is always fine)."""
    starts = select(ProgramSession.starts_at).where(
        ProgramSession.event_id == event.id, ProgramSession.starts_at.is_not(None)
    )
    with session.no_autoflush:
        days = {start.date() for start in session.scalars(starts)}
    dropped = sorted(
        day
        for day in days
        if old_first <= day <= old_last and not event.first_day <= day <= event.last_day
    )
    if dropped:
        listed = ", ".join(day.isoformat() for day in dropped)
        raise ConflictError(
            _(
                "Sessions are scheduled on {days}, outside the new dates. "
                "Move or unschedule them first."
            ).format(days=listed)
        )


def remove_new_event(db: Database, created: EventRow) -> EventRow:
    """Undo create_event: delete the event as it was created; returns it for restore_event.

    Refused, changing nothing, when the event is no longer as `created` says (edited since: a
    ConcurrentEditError) or something was added to it since (rooms, tracks, sessions, people
    registered: a ConflictError), since deleting it would take that with it.
    """
    with db.transaction() as session:
        event = load(session, Event, created.id, "event")
        current = event_row(event)
        if replace(current, version=created.version) != created:
            raise changed_meanwhile("event", event)
        for model in _EVENT_PARTS:
            found = session.scalar(
                select(func.count()).select_from(model).where(model.event_id == event.id)
            )
            if found:
                raise ConflictError(
                    _(
                        "The event «{name}» cannot be taken back: rooms, sessions or people have "
                        "been added to it since. Nothing was changed."
                    ).format(name=event.name)
                )
        session.delete(event)
        return current


def restore_event(db: Database, row: EventRow) -> EventRow:
    """Redo create_event after remove_new_event: the same event under the same id."""
    with db.transaction() as session:
        if session.get(Event, row.id) is not None:
            raise ConflictError(
                _("The event «{name}» cannot be put back: it is already there.").format(
                    name=row.name
                )
            )
        event = Event(
            id=row.id,
            name=row.name,
            city=row.city,
            venue=row.venue,
            first_day=row.first_day,
            last_day=row.last_day,
            timezone=row.timezone,
            organizers=row.organizers,
            description=row.description,
            changeover_minutes=row.changeover_minutes,
            one_sector_warning=row.one_sector_warning,
            content_languages=",".join(row.content_languages),
            translations=langs.clean_translations(row.translations, langs.EVENT_FIELDS),
        )
        session.add(event)
        session.flush()
        return event_row(event)


def delete_event(db: Database, event_id: int) -> None:
    """Delete an event with its rooms, tracks, sessions and registrations (people stay)."""
    with db.transaction() as session:
        session.delete(load(session, Event, event_id, "event"))


def get_event(db: Database, event_id: int) -> EventRow:
    with db.reader() as session:
        return event_row(load(session, Event, event_id, "event"))


def list_events(db: Database) -> list[EventRow]:
    with db.reader() as session:
        query = select(Event).order_by(Event.first_day.desc(), Event.name)
        return [event_row(e) for e in session.scalars(query)]


def resolve_event(db: Database, event_id: int | None = None) -> EventRow:
    """The event a command means: the one named, or the only one there is."""
    events = list_events(db)
    if event_id is not None:
        for event in events:
            if event.id == event_id:
                return event
        known = "; ".join(f"{e.id}: {e.name}" for e in events) or _("none yet")
        raise NotFoundError(
            _("There is no event {id} (events: {events}).").format(id=event_id, events=known)
        )
    if not events:
        raise ValidationError(_("The database holds no event yet."))
    if len(events) > 1:
        raise EventChoiceError(events)
    return events[0]
