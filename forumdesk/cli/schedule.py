"""`forumdesk schedule --auto`: place the unscheduled sessions from the command line.

The solver (forumdesk.services.auto_placement) proposes rooms and times for every session not on
the timetable, by the clash checker's rules; the proposal is written as one unit of work unless
--dry-run is given. Exit status 0 when every session found a place, 1 when some could not be
placed (each is listed with the reason) or the command was refused, 2 when the daily hours
given (--day-from, --day-to; by default the event's own, see forumdesk.services.day_hours)
make no day. With --json, prints
{"event", "applied", "optimal", "seconds", "score", "day_from", "day_to", "placed": [...],
"unplaced": [...]}.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from forumdesk.cli.shared import (
    EXIT_OK,
    EXIT_USAGE,
    EXIT_USER_ERROR,
    Command,
    add_event_option,
    fail,
    open_database,
    print_json,
    print_table,
)
from forumdesk.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from forumdesk.services.auto_placement import Proposal


def _schedule_options(parser: argparse.ArgumentParser) -> None:
    add_event_option(parser)
    parser.add_argument(
        "--auto",
        action="store_true",
        required=True,
        help=_("place every session not yet on the timetable automatically"),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("show the placement without writing it")
    )
    parser.add_argument(
        "--time-limit",
        type=_seconds,
        default=8.0,
        metavar="S",
        help=_("stop searching after S seconds and keep the best placement found (default 8)"),
    )
    parser.add_argument(
        "--day-from",
        type=_clock,
        metavar="HH:MM",
        help=_(
            "place nothing before this time of day (default: the earliest start of the "
            "sessions on the timetable, 09:00 at the latest)"
        ),
    )
    parser.add_argument(
        "--day-to",
        type=_clock,
        metavar="HH:MM",
        help=_(
            "place nothing after this time of day (default: the latest end of the sessions "
            "on the timetable, 18:00 at the earliest)"
        ),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def _clock(text: str) -> dt.time:
    try:
        return dt.datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a time of day: {text} (write it as HH:MM, e.g. 08:30)").format(text=repr(text))
        ) from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a number of seconds: {text}").format(text=repr(text))
        ) from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(_("the time limit must be above 0 and at most 3600 s"))
    return value


def run_schedule(args: argparse.Namespace) -> int:
    from forumdesk.core.errors import ValidationError
    from forumdesk.scheduling.placement_model import PlacementSettings
    from forumdesk.services.auto_placement import accept_proposal, propose_placement
    from forumdesk.services.events import resolve_event

    settings = PlacementSettings(
        day_starts=args.day_from, day_ends=args.day_to, time_limit=args.time_limit
    )
    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        try:
            proposal = propose_placement(db, event.id, settings)
        except ValidationError as exc:
            if exc.field != "day_hours":
                raise
            fail(str(exc))  # the hours asked for make no day: a usage error, as a bad time is
            return EXIT_USAGE
        applied = False
        if proposal.spots and not args.dry_run:
            accept_proposal(db, proposal)
            applied = True
    finally:
        db.dispose()
    if args.json:
        print_json(proposal_json(proposal, applied))
    else:
        _print_proposal(event.name, proposal, applied)
    return EXIT_USER_ERROR if proposal.unplaced else EXIT_OK


def proposal_json(proposal: Proposal, applied: bool) -> dict[str, Any]:
    return {
        "event": proposal.event_id,
        "applied": applied,
        "optimal": proposal.optimal,
        "seconds": round(proposal.seconds, 3),
        "score": proposal.score,
        "day_from": f"{proposal.day_starts:%H:%M}",
        "day_to": f"{proposal.day_ends:%H:%M}",
        "placed": [
            {
                "session_id": spot.session_id,
                "session": proposal.labels.get(spot.session_id, ""),
                "room_id": spot.room_id,
                "room": None if spot.room_id is None else proposal.room_names.get(spot.room_id),
                "all_rooms": spot.all_rooms,
                "starts_at": spot.starts_at.isoformat(timespec="minutes"),
                "ends_at": spot.ends_at.isoformat(timespec="minutes"),
            }
            for spot in proposal.spots
        ],
        "unplaced": [
            {"session_id": u.session_id, "session": u.label, "reason": u.reason}
            for u in proposal.unplaced
        ],
    }


def _print_proposal(event_name: str, proposal: Proposal, applied: bool) -> None:
    if not proposal.spots and not proposal.unplaced:
        print(_("«{event}»: every session is on the timetable already.").format(event=event_name))
        return
    quality = _("best possible") if proposal.optimal else _("best found in the time given")
    count = len(proposal.spots)
    if applied:
        text = ngettext(
            "«{event}»: placed {count} session in {seconds} s ({quality}).",
            "«{event}»: placed {count} sessions in {seconds} s ({quality}).",
            count,
        )
    else:
        text = ngettext(
            "«{event}»: would place {count} session in {seconds} s ({quality}).",
            "«{event}»: would place {count} sessions in {seconds} s ({quality}).",
            count,
        )
    print(
        text.format(
            event=event_name, count=count, seconds=f"{proposal.seconds:.1f}", quality=quality
        )
    )
    print(
        _("Each day from {starts} to {ends}.").format(
            starts=f"{proposal.day_starts:%H:%M}", ends=f"{proposal.day_ends:%H:%M}"
        )
    )
    rows: list[Sequence[str]] = [
        [
            proposal.labels.get(spot.session_id, str(spot.session_id)),
            _("all rooms")
            if spot.room_id is None
            else proposal.room_names.get(spot.room_id, str(spot.room_id)),
            f"{spot.starts_at:%Y-%m-%d %H:%M}–{spot.ends_at:%H:%M}",
        ]
        for spot in sorted(proposal.spots, key=lambda s: (s.starts_at, s.room_id or 0))
    ]
    if rows:
        print_table((_("Session"), _("Room"), _("When")), rows, empty="")
    if proposal.unplaced:
        unplaced = len(proposal.unplaced)
        print()
        print(
            ngettext(
                "Could not place {count} session:",
                "Could not place {count} sessions:",
                unplaced,
            ).format(count=unplaced)
        )
        for u in proposal.unplaced:
            print(f"  {u.reason}")


COMMANDS = (
    Command(
        "schedule",
        N_("place the unscheduled sessions automatically (--auto)"),
        run_schedule,
        _schedule_options,
        description=N_(
            "Place every session that is not on the timetable yet, by the clash "
            "checker's rules, leaving placed sessions where they are. Exits with status 1 when "
            "some sessions could not be placed (each with its reason), 0 otherwise."
        ),
    ),
)
