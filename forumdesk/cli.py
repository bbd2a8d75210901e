"""The `forumdesk` command: the GUI when no command is given, otherwise a command-line action.

Nothing here imports Qt unless the GUI starts. A user's mistake prints one clear line on stderr
and exits with status 1 (2 for a malformed command line); an unexpected error is written to the
log file with its traceback, and the line on stderr names that file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import traceback
import zoneinfo
from collections.abc import Callable, Sequence
from typing import Any

from forumdesk import __version__
from forumdesk.config import ConfigError, log_dir, resolve_database_url
from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import EventRow, PersonRow, SessionRow
from forumdesk.db.engine import Database
from forumdesk.services.events import EventChoiceError

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the command: `forumdesk --db X demo`, `forumdesk demo --db X`
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="DB",
        default=argparse.SUPPRESS,
        help="database: an SQLite file path or an SQLAlchemy URL (default: $FORUMDESK_DB, "
        "else forumdesk.sqlite3 in your data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="forumdesk",
        parents=[common],
        description="Plan and run a multi-session forum. With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"forumdesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("demo", parents=[common], help="load the demo forum (once)")

    create = commands.add_parser("create-event", parents=[common], help="create an event")
    create.add_argument("name")
    create.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="first day")
    create.add_argument("--end", required=True, metavar="YYYY-MM-DD", help="last day")
    create.add_argument("--city")
    create.add_argument("--venue")
    create.add_argument(
        "--timezone",
        default=None,
        metavar="TZ",
        help="IANA time zone, e.g. Asia/Almaty (default: this computer's)",
    )
    create.add_argument("--json", action="store_true", help="print the event as JSON")

    for name, what in (
        ("events", "list events"),
        ("sessions", "list an event's sessions"),
        ("people", "list people in the directory"),
    ):
        listing = commands.add_parser(name, parents=[common], help=what)
        listing.add_argument(
            "--event",
            type=int,
            metavar="ID",
            help="the event (needed when the database holds several)"
            if name == "sessions"
            else "only people registered for this event"
            if name == "people"
            else "only this event",
        )
        listing.add_argument("--search", metavar="TEXT", help="only rows containing TEXT")
        listing.add_argument("--json", action="store_true", help="print JSON")

    # commands that live in their own modules register themselves with a `handler`
    from forumdesk import cli_check, cli_export, cli_import

    for module in (cli_import, cli_export, cli_check):
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_output()
    if args.command is None:
        return _start_gui(getattr(args, "db", None))
    try:
        handler = getattr(args, "handler", None) or _COMMANDS[args.command]
        return handler(args)
    except EventChoiceError as exc:
        _fail(
            f"{exc.message.split(';')[0].split(' (')[0]}; add --event ID. Events: "
            + "; ".join(f"{e.id} {e.name}" for e in exc.events)
        )
    except (ForumdeskError, ConfigError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("Interrupted.")
    except BrokenPipeError:  # `forumdesk people | head`: the reader has all it wanted
        _silence_stdout()
        return EXIT_OK
    except Exception:  # a bug: keep the traceback for us, give the user one line
        path = _write_crash_log()
        _fail(f"Something went wrong inside forumdesk. The details are in {path}")
    return EXIT_USER_ERROR


def _fail(message: str) -> None:
    print(f"forumdesk: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _utf8_output() -> None:
    """Cyrillic must survive a pipe or a redirect, whatever the console's code page."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8")


def _write_crash_log() -> str:
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "forumdesk.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(
                f"--- {dt.datetime.now().isoformat(timespec='seconds')} "
                f"forumdesk {__version__}: {' '.join(sys.argv)}\n"
            )
            handle.write(traceback.format_exc())
        return str(path)
    except OSError:
        traceback.print_exc()
        return "the message above"


def _start_gui(db: str | None) -> int:
    try:
        from forumdesk.app import run_gui
    except ImportError as exc:
        _fail(f"The window cannot start because Qt is not available: {exc}")
        return EXIT_USER_ERROR
    return run_gui(db)


def _open(args: argparse.Namespace) -> Database:
    from forumdesk.db.migrate import open_database

    return open_database(resolve_database_url(getattr(args, "db", None)))


# --- commands ---------------------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    from forumdesk.services.demo import load_demo

    db = _open(args)
    try:
        result = load_demo(db)
    finally:
        db.dispose()
    if result.created:
        print(
            f"Loaded the demo forum «{result.event.name}» (event {result.event.id}): "
            f"{result.sessions} sessions, {result.people_added} new people, into {db.location}."
        )
    else:
        print(
            f"The demo forum «{result.event.name}» is already there (event {result.event.id});"
            " nothing was added."
        )
    return EXIT_OK


def _cmd_create_event(args: argparse.Namespace) -> int:
    from forumdesk.services.events import create_event

    db = _open(args)
    try:
        event = create_event(
            db,
            args.name,
            args.start,
            args.end,
            city=args.city,
            venue=args.venue,
            timezone=args.timezone or _local_timezone(),
        )
    finally:
        db.dispose()
    if args.json:
        _print_json(_event_json(event))
    else:
        print(
            f"Created event {event.id}: {event.name}, {event.first_day} to {event.last_day} "
            f"({event.timezone})."
        )
    return EXIT_OK


def _cmd_events(args: argparse.Namespace) -> int:
    from forumdesk.core import text
    from forumdesk.services.events import list_events

    db = _open(args)
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
        _print_json([_event_json(e) for e in events])
    else:
        _print_table(
            ("ID", "Event", "City", "Days", "Time zone"),
            [
                (str(e.id), e.name, e.city or "", f"{e.first_day} – {e.last_day}", e.timezone)
                for e in events
            ],
            empty=(
                "No events yet. Create one with `forumdesk create-event` or try `forumdesk demo`."
            ),
        )
    return EXIT_OK


def _cmd_sessions(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.sessions import list_sessions

    db = _open(args)
    try:
        event = resolve_event(db, args.event)
        sessions = list_sessions(db, event.id, search=args.search)
    finally:
        db.dispose()
    if args.json:
        zone = zoneinfo.ZoneInfo(event.timezone)
        _print_json([_session_json(s, zone) for s in sessions])
    else:
        _print_table(
            ("Code", "When", "Room", "Title", "Moderators"),
            [
                (s.code or "", _when(s), s.room_name or "", s.title, ", ".join(s.moderators))
                for s in sessions
            ],
            empty=f"«{event.name}» has no sessions" + (" matching that." if args.search else "."),
        )
    return EXIT_OK


def _cmd_people(args: argparse.Namespace) -> int:
    from forumdesk.services.events import get_event
    from forumdesk.services.people import search_people

    db = _open(args)
    try:
        if args.event is not None:
            get_event(db, args.event)  # a clear error for an unknown event
        people = search_people(db, args.search, event_id=args.event)
    finally:
        db.dispose()
    if args.json:
        _print_json([_person_json(p) for p in people])
    else:
        _print_table(
            ("ID", "Name", "Organisation", "Country", "E-mail"),
            [
                (str(p.id), p.display_name, p.organization or "", p.country or "", p.email or "")
                for p in people
            ],
            empty="Nobody matches." if args.search else "The people directory is empty.",
        )
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "create-event": _cmd_create_event,
    "events": _cmd_events,
    "sessions": _cmd_sessions,
    "people": _cmd_people,
}


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
        "organization": p.organization,
        "position": p.position,
        "country": p.country,
        "sector": p.sector.value if p.sector else None,
        "email": p.email,
        "phone": p.phone,
    }


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _when(s: SessionRow) -> str:
    if s.starts_at is None or s.ends_at is None:
        return "unscheduled"
    return f"{s.starts_at:%a %d %b %H:%M}–{s.ends_at:%H:%M}"


def _print_table(headings: Sequence[str], rows: list[Sequence[str]], *, empty: str) -> None:
    if not rows:
        print(empty)
        return
    widths = [min(max(len(r[i]) for r in [headings, *rows]), 60) for i in range(len(headings))]

    def line(cells: Sequence[str]) -> str:
        out = [
            (c if len(c) <= w else c[: w - 1] + "…").ljust(w)
            for c, w in zip(cells, widths, strict=True)
        ]
        return "  ".join(out).rstrip()

    print(line(headings))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
