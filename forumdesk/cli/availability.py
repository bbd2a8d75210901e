"""The event's settings and people's availability from the command line: `edit-event` (the
changeover time between rooms and the event's other fields) and `unavailable add/remove/list`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from forumdesk.cli.shared import EXIT_OK, Command, add_event_option, open_database, print_json
from forumdesk.core.i18n import N_, _

if TYPE_CHECKING:
    from forumdesk.db.engine import Database
    from forumdesk.services.availability import UnavailabilityRow


def _edit_event_options(parser: argparse.ArgumentParser) -> None:
    add_event_option(parser)
    parser.add_argument(
        "--changeover",
        type=int,
        metavar="MINUTES",
        help=_(
            "time a person needs between sessions in different rooms (the clash check's buffer)"
        ),
    )
    parser.add_argument("--name", help=_("the event's new name"))
    parser.add_argument("--city", help=_("the city"))
    parser.add_argument("--venue", help=_("the venue"))
    parser.add_argument("--timezone", metavar="TZ", help=_("IANA time zone or a city, e.g. Astana"))


def run_edit_event(args: argparse.Namespace) -> int:
    from forumdesk.core.errors import ValidationError
    from forumdesk.core.timezones import zone_for
    from forumdesk.services.events import get_event, resolve_event, update_event

    changes: dict[str, object] = {
        field: value
        for field, value in (
            ("changeover_minutes", args.changeover),
            ("name", args.name),
            ("city", args.city),
            ("venue", args.venue),
            ("timezone", (zone_for(args.timezone) or args.timezone) if args.timezone else None),
        )
        if value is not None
    }
    if not changes:
        raise ValidationError(
            _("Nothing to change: give --changeover, --name, --city, --venue or --timezone.")
        )
    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        previous = update_event(db, event.id, changes, expected_version=event.version)
        event = get_event(db, event.id)
    finally:
        db.dispose()
    if not previous:
        print(
            _("«{event}» already has these values; nothing was changed.").format(event=event.name)
        )
    else:
        print(
            _(
                "Changed «{event}» (event {id}): changeover between rooms {minutes} min, "
                "time zone {zone}."
            ).format(
                event=event.name,
                id=event.id,
                minutes=event.changeover_minutes,
                zone=event.timezone,
            )
        )
    return EXIT_OK


# --- unavailable ------------------------------------------------------------------------------


def _unavailable_options(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(
        dest="action", metavar=_("ACTION"), title=_("actions"), required=True
    )
    add = actions.add_parser("add", help=_("record when a person cannot take part"))
    add_event_option(add)
    add.add_argument(
        "person", help=_("the person's ID, or words of their name matching one person")
    )
    add.add_argument(
        "periods",
        help=_(
            'e.g. "2021-11-25 09:00–12:00; 2021-11-26" (a date alone is the whole day)',
        ),
    )
    add.add_argument("--note", help=_("why, for the others at the desk"))
    remove = actions.add_parser("remove", help=_("delete a period by its ID (see `list`)"))
    remove.add_argument("period_id", type=int, metavar="ID")
    listing = actions.add_parser("list", help=_("list the event's unavailable periods"))
    add_event_option(listing)
    listing.add_argument("--person", help=_("only this person's (ID or name)"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))


def _person_id(db: Database, event_id: int, person: str) -> int:
    """The person a command names: an ID, or words matching exactly one person."""
    from forumdesk.core.errors import NotFoundError, ValidationError
    from forumdesk.services.people import get_person, search_people

    if person.strip().isdigit():
        return get_person(db, int(person)).id
    found = search_people(db, person, event_id=event_id) or search_people(db, person)
    if not found:
        raise NotFoundError(_("Nobody matches «{person}».").format(person=person))
    if len(found) > 1:
        listed = "; ".join(f"{p.id} {p.display_name}" for p in found[:10])
        raise ValidationError(
            _("Several people match «{person}»; give an ID ({listed}).").format(
                person=person, listed=listed
            )
        )
    return found[0].id


def _period_json(row: UnavailabilityRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "person_id": row.person_id,
        "person": row.person_name,
        "start": row.starts_at.isoformat(sep=" ", timespec="minutes"),
        "end": row.ends_at.isoformat(sep=" ", timespec="minutes"),
        "note": row.note,
    }


def run_unavailable(args: argparse.Namespace) -> int:
    from forumdesk.cli.shared import print_table
    from forumdesk.core.periods import format_period
    from forumdesk.services import availability
    from forumdesk.services.events import resolve_event

    db = open_database(args)
    try:
        if args.action == "remove":
            removed = availability.delete_unavailability(db, args.period_id, expected_version=None)
            print(
                _("Removed the period {period} of {person}.").format(
                    period=format_period(removed.starts_at, removed.ends_at),
                    person=removed.person_name,
                )
            )
            return EXIT_OK
        event = resolve_event(db, args.event)
        if args.action == "add":
            added = availability.add_periods(
                db, event.id, _person_id(db, event.id, args.person), args.periods, args.note
            )
            listed = "; ".join(format_period(r.starts_at, r.ends_at) for r in added)
            print(
                _("{person} is unavailable at «{event}»: {periods}.").format(
                    person=added[0].person_name, event=event.name, periods=listed
                )
            )
            return EXIT_OK
        only = _person_id(db, event.id, args.person) if args.person else None
        rows = availability.list_unavailability(db, event.id, person_id=only)
    finally:
        db.dispose()
    if args.json:
        print_json([_period_json(r) for r in rows])
    else:
        print_table(
            ("ID", _("Person"), _("Unavailable"), _("Note")),
            [
                (str(r.id), r.person_name, format_period(r.starts_at, r.ends_at), r.note or "")
                for r in rows
            ],
            empty=_("Nobody is marked unavailable at «{event}».").format(event=event.name),
        )
    return EXIT_OK


COMMANDS = (
    Command(
        "edit-event",
        N_("change an event: the changeover time between rooms, name, city, time zone"),
        run_edit_event,
        _edit_event_options,
    ),
    Command(
        "unavailable",
        N_("when people cannot take part: add, remove, list"),
        run_unavailable,
        _unavailable_options,
    ),
)
