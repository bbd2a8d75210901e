"""The event and what it holds: `demo`, `create-event`, and the lists `events`, `sessions` and
`people` (a table, or JSON with --json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import zoneinfo
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from forumdesk.cli.shared import (
    EVENT_HELP,
    EXIT_OK,
    Command,
    add_event_option,
    open_database,
    print_json,
    print_table,
)
from forumdesk.core.countries import country_label
from forumdesk.core.i18n import N_, _, language, pgettext
from forumdesk.io.agenda_labels import Labels, Lang

if TYPE_CHECKING:
    from forumdesk.core.rows import EventRow, PersonRow, SessionRow


def run_demo(args: argparse.Namespace) -> int:
    from forumdesk.services.demo import load_demo

    db = open_database(args)
    try:
        result = load_demo(db)
    finally:
        db.dispose()
    if result.created:
        print(
            _(
                "Loaded the demo forum «{name}» (event {id}): {sessions} sessions, "
                "{people} new people, into {location}."
            ).format(
                name=result.event.name,
                id=result.event.id,
                sessions=result.sessions,
                people=result.people_added,
                location=db.location,
            )
        )
    else:
        print(
            _("The demo forum «{name}» is already there (event {id}); nothing was added.").format(
                name=result.event.name, id=result.event.id
            )
        )
    return EXIT_OK


def _create_event_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar=_("NAME"), help=_("the name of the event"))
    parser.add_argument("--start", required=True, metavar="YYYY-MM-DD", help=_("first day"))
    parser.add_argument("--end", required=True, metavar="YYYY-MM-DD", help=_("last day"))
    parser.add_argument("--city")
    parser.add_argument("--venue")
    parser.add_argument(
        "--timezone",
        default=None,
        metavar="TZ",
        help=_("IANA time zone or a city, e.g. Asia/Almaty or Astana (default: this computer's)"),
    )
    parser.add_argument("--json", action="store_true", help=_("print the event as JSON"))


def run_create_event(args: argparse.Namespace) -> int:
    from forumdesk.core.timezones import zone_for
    from forumdesk.services.events import create_event

    # a city names its zone too: --timezone Astana is Asia/Almaty
    zone = (zone_for(args.timezone) or args.timezone) if args.timezone else _local_timezone()
    db = open_database(args)
    try:
        event = create_event(
            db,
            args.name,
            args.start,
            args.end,
            city=args.city,
            venue=args.venue,
            timezone=zone,
        )
    finally:
        db.dispose()
    if args.timezone is None:  # never silently: the computer's zone may not be the forum's
        print(
            _(
                "No --timezone given: the event's times are in this computer's zone, {zone}. "
                "If the forum is elsewhere, change it with "
                "`forumdesk edit-event --event {id} --timezone ZONE` (a city will do)."
            ).format(zone=event.timezone, id=event.id),
            file=sys.stderr,
        )
    if args.json:
        print_json(_event_json(event))
    else:
        print(
            _("Created event {id}: {name}, {first} to {last} ({zone}).").format(
                id=event.id,
                name=event.name,
                first=event.first_day,
                last=event.last_day,
                zone=event.timezone,
            )
        )
    return EXIT_OK


def _listing_options(event_help: str) -> Callable[[argparse.ArgumentParser], None]:
    """The options of a list: --event (what it means is `event_help`), --search and --json."""

    def add(parser: argparse.ArgumentParser) -> None:
        add_event_option(parser, help=event_help)
        parser.add_argument("--search", metavar="TEXT", help=_("only rows containing TEXT"))
        parser.add_argument("--json", action="store_true", help=_("print JSON"))

    return add


def run_events(args: argparse.Namespace) -> int:
    from forumdesk.core import text
    from forumdesk.services.events import list_events

    db = open_database(args)
    try:
        events = list_events(db)
    finally:
        db.dispose()
    if args.event is not None:
        events = [e for e in events if e.id == args.event]
    if args.search:
        needle = text.fold(args.search)
        events = [e for e in events if needle in text.fold(f"{e.name} {e.city or ''}")]
    if args.json:
        print_json([_event_json(e) for e in events])
    else:
        print_table(
            ("ID", _("Event"), _("City"), _("Days"), _("Time zone")),
            [
                (str(e.id), e.name, e.city or "", f"{e.first_day} – {e.last_day}", e.timezone)
                for e in events
            ],
            empty=_(
                "No events yet. Create one with `forumdesk create-event` or try `forumdesk demo`."
            ),
        )
    return EXIT_OK


def run_sessions(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.sessions import list_sessions

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        sessions = list_sessions(db, event.id, search=args.search)
    finally:
        db.dispose()
    if args.json:
        zone = zoneinfo.ZoneInfo(event.timezone)
        print_json([_session_json(s, zone) for s in sessions])
    else:
        print_table(
            (_("Code"), _("When"), _("Room"), _("Title"), _("Moderators")),
            [
                (s.code or "", _when(s), s.room_name or "", s.title, ", ".join(s.moderators))
                for s in sessions
            ],
            empty=(
                _("«{event}» has no sessions matching that.")
                if args.search
                else _("«{event}» has no sessions.")
            ).format(event=event.name),
        )
    return EXIT_OK


def run_people(args: argparse.Namespace) -> int:
    from forumdesk.services.events import get_event
    from forumdesk.services.people import search_people

    db = open_database(args)
    try:
        if args.event is not None:
            get_event(db, args.event)  # a clear error for an unknown event
        people = search_people(db, args.search, event_id=args.event)
    finally:
        db.dispose()
    if args.json:
        print_json([_person_json(p) for p in people])
    else:
        print_table(
            ("ID", pgettext("person", "Name"), _("Organisation"), _("Country"), _("E-mail")),
            [
                (
                    str(p.id),
                    p.display_name,
                    p.organization or "",
                    country_label(p.country, language()) or "",
                    p.email or "",
                )
                for p in people
            ],
            empty=_("Nobody matches.") if args.search else _("The people directory is empty."),
        )
    return EXIT_OK


COMMANDS = (
    Command("demo", N_("load the demo forum (once)"), run_demo),
    Command("create-event", N_("create an event"), run_create_event, _create_event_options),
    Command("events", N_("list events"), run_events, _listing_options(N_("only this event"))),
    Command(
        "sessions",
        N_("list an event's sessions"),
        run_sessions,
        _listing_options(EVENT_HELP),
    ),
    Command(
        "people",
        N_("list people in the directory"),
        run_people,
        _listing_options(N_("only people registered for this event")),
    ),
)


# --- output -----------------------------------------------------------------------------------


def _local_timezone() -> str:
    """This computer's IANA zone name, or UTC when it cannot be told."""
    from pathlib import Path

    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    return "UTC"


def _event_json(event: EventRow) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "city": event.city,
        "venue": event.venue,
        "start": event.first_day.isoformat(),
        "end": event.last_day.isoformat(),
        "timezone": event.timezone,
        "organizers": event.organizers,
    }


def _session_json(s: SessionRow, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    def iso(moment: dt.datetime | None) -> str | None:
        return moment.replace(tzinfo=zone).isoformat() if moment else None

    return {
        "id": s.id,
        "code": s.code,
        "title": s.title,
        "kind": s.kind.value,
        "track": s.track_name,
        "room": s.room_name,
        "start": iso(s.starts_at),
        "end": iso(s.ends_at),
        "moderators": list(s.moderators),
        "expected_audience": s.expected_audience,
    }


def _person_json(p: PersonRow) -> dict[str, Any]:
    return {
        "id": p.id,
        "family_name": p.family_name,
        "given_name": p.given_name,
        "patronymic": p.patronymic,
        "display_name": p.display_name,
        "latin_name": p.latin_name,
        "organization": p.organization,
        "position": p.position,
        "country": p.country,  # the ISO 3166 code, or a name no country matched
        "sector": p.sector.value if p.sector else None,
        "email": p.email,
        "phone": p.phone,
    }


def _when(s: SessionRow) -> str:
    if s.starts_at is None or s.ends_at is None:
        return _("unscheduled")
    day = Labels(_export_language()).short_date(s.starts_at.date())
    return f"{day} {s.starts_at:%H:%M}–{s.ends_at:%H:%M}"


def _export_language() -> Lang:
    spoken = language()
    return spoken if spoken in ("ru", "kk") else "en"  # type: ignore[return-value]
