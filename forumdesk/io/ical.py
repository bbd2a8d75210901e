"""iCalendar (.ics) files of the programme: the whole event, or one person's sessions.

Times are written in the event's own time zone with its VTIMEZONE definition included, so a
calendar program anywhere shows "10:00 in Nur-Sultan" at the right moment in its own zone.
Each session keeps the same UID from one export to the next, so importing an updated file
updates the entries instead of duplicating them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import zoneinfo
from collections.abc import Sequence
from pathlib import Path

from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

from forumdesk.core.enums import LEADING_ROLES, SPEAKING_ROLES, Role
from forumdesk.core.rows import PersonRow, SessionRow
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Labels, Lang
from forumdesk.io.output_files import output_file


def agenda_calendar(
    data: AgendaData, labels: Labels, person: PersonRow | None = None, *, app_version: str
) -> Calendar:
    """The scheduled sessions (only `person`'s, with their role, when given) as a calendar.

    `app_version` is forumdesk's, which the calendar names as the program that made it.
    """
    zone = zoneinfo.ZoneInfo(data.event.timezone)
    calendar = Calendar()
    calendar.add("prodid", f"-//forumdesk//forumdesk {app_version}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = data.event.name if person is None else f"{data.event.name} — {person.display_name}"
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", data.event.timezone)
    # The zone's definition goes first, as calendar programs read it before the entries; its
    # rules cover the event's years (not 1970-2038), which keeps the file small.
    with contextlib.suppress(ValueError):  # a zone icalendar cannot describe: TZID alone
        calendar.add_component(
            Timezone.from_tzid(
                data.event.timezone,
                first_date=dt.date(data.event.first_day.year - 1, 1, 1),
                last_date=dt.date(data.event.last_day.year + 1, 12, 31),
            )
        )
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for session, role in _chosen(data, person):
        calendar.add_component(_entry(data, session, role, zone, stamp, labels))
    return calendar


def _chosen(data: AgendaData, person: PersonRow | None) -> list[tuple[SessionRow, Role | None]]:
    if person is None:
        return [(s, None) for s in data.scheduled]
    return [
        (s, link.role) for s in data.scheduled for link in s.people if link.person.id == person.id
    ]


def _entry(
    data: AgendaData,
    session: SessionRow,
    role: Role | None,
    zone: zoneinfo.ZoneInfo,
    stamp: dt.datetime,
    labels: Labels,
) -> CalendarEvent:
    assert session.starts_at is not None and session.ends_at is not None
    entry = CalendarEvent()
    entry.add("uid", f"event-{data.event.id}-session-{session.id}@forumdesk")
    entry.add("dtstamp", stamp)
    # the session's revision: a calendar that imported it before takes a later file's entry
    # (a new time, a cancellation) as an update of the same one only with a higher SEQUENCE
    # (RFC 5545 3.8.7.4, RFC 5546 2.1.4); every write of a session raises its version
    entry.add("sequence", session.version)
    entry.add("dtstart", session.starts_at.replace(tzinfo=zone))
    entry.add("dtend", session.ends_at.replace(tzinfo=zone))
    entry.add("summary", session.heading)
    location = ", ".join(p for p in (session.room_name, data.event.venue, data.event.city) if p)
    if location:
        entry.add("location", location)
    if session.track_name:
        entry.add("categories", [session.track_name])
    entry.add("description", _description(session, role, labels))
    entry.add("transp", "OPAQUE" if role is not None else "TRANSPARENT")
    if session.cancelled:
        # kept, not left out: a calendar that imported it drops or strikes it only when told
        # (RFC 5545 STATUS); leaving it out would leave it there, looking as if it were on
        entry.add("status", "CANCELLED")
    return entry


def _description(session: SessionRow, role: Role | None, labels: Labels) -> str:
    lines: list[str] = []
    if role is not None:
        lines.append(f"{labels['role_colon']} {labels.role(role)}")
    for heading, people in (
        (labels["moderators_colon"], session.with_roles(LEADING_ROLES)),
        (labels["speakers_colon"], session.with_roles(SPEAKING_ROLES)),
    ):
        if people:
            lines.append(f"{heading} {'; '.join(p.person.with_organization() for p in people)}")
    if session.description:
        lines.extend(["", session.description])
    return "\n".join(lines)


def write_ics(
    data: AgendaData,
    path: Path,
    *,
    app_version: str,
    lang: Lang = "en",
    person: PersonRow | None = None,
) -> int:
    """Write the calendar to `path` (replacing it only once complete); returns the entries."""
    calendar = agenda_calendar(data, Labels(lang), person, app_version=app_version)
    payload = calendar.to_ical()
    with output_file(Path(path)) as temp:
        temp.write_bytes(payload)
    return len(_events(calendar))


def _events(calendar: Calendar) -> Sequence[CalendarEvent]:
    return [c for c in calendar.subcomponents if isinstance(c, CalendarEvent)]
