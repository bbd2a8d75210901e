"""What every `forumdesk` command shares: how a command is described, the exit codes, opening the
database, the --event option, printing tables and JSON, and turning errors into one line.

A user's mistake prints one clear line on stderr and exits with status 1 (2 for a malformed
command line, which argparse reports); an unexpected error is written to the log file with its
traceback, and the line on stderr names that file. Nothing here imports Qt, SQLAlchemy or the
services at start-up (the window starts through this package, and `--help` should be instant):
a command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from forumdesk import __version__
from forumdesk.core.errors import ForumdeskError
from forumdesk.core.i18n import N_, _, gettext

if TYPE_CHECKING:
    from forumdesk.config import ConfigError
    from forumdesk.db.engine import Database

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2

EVENT_HELP = N_("the event (needed when the database holds several)")

Handler = Callable[[argparse.Namespace], int]
"""Runs a command on its parsed arguments and returns the exit status."""


def _no_options(parser: argparse.ArgumentParser) -> None:
    """A command that takes nothing but --db."""


@dataclass(frozen=True)
class Command:
    """One `forumdesk COMMAND`: its name, its help, the options it adds and what runs it.

    Every command is described this way and listed once, in forumdesk.cli.registry.
    """

    name: str
    help: str
    run: Handler
    options: Callable[[argparse.ArgumentParser], None] = _no_options
    description: str | None = None


def add_event_option(parser: argparse.ArgumentParser, help: str = EVENT_HELP) -> None:
    parser.add_argument("--event", type=int, metavar="ID", help=gettext(help))


def open_database(args: argparse.Namespace) -> Database:
    """The database --db names (or $FORUMDESK_DB, or the default file), migrated if need be."""
    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database as open_and_migrate

    return open_and_migrate(resolve_database_url(getattr(args, "db", None)))


# --- output -----------------------------------------------------------------------------------


def fail(message: str) -> None:
    """Tell the user, in one line on stderr, why the command did not do what was asked."""
    print(f"forumdesk: {message}", file=sys.stderr)


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headings: Sequence[str], rows: list[Sequence[str]], *, empty: str) -> None:
    """Columns as wide as their widest cell (at most 60 characters), or `empty` with no rows."""
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


def use_utf8_output() -> None:
    """Cyrillic must survive a pipe or a redirect, whatever the console's code page."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8")


# --- errors -----------------------------------------------------------------------------------


def run_command(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command's handler; a refusal or a crash becomes one line on stderr and status 1."""
    # here, not at the top: forumdesk.config loads SQLAlchemy, which `--help` does not need
    from forumdesk.config import ConfigError, configure_logging

    configure_logging()  # what is logged goes to the log file, never to the terminal
    try:
        return handler(args)
    except (ForumdeskError, ConfigError) as exc:
        fail(_user_message(exc))
    except KeyboardInterrupt:
        fail(_("Interrupted."))
    except BrokenPipeError:  # `forumdesk people | head`: the reader has all it wanted
        _silence_stdout()
        return EXIT_OK
    except Exception:  # a bug: keep the traceback for us, give the user one line
        path = _write_crash_log()
        fail(
            _("Something went wrong inside forumdesk. The details are in {path}").format(path=path)
        )
    return EXIT_USER_ERROR


def _user_message(exc: ForumdeskError | ConfigError) -> str:
    # Imported here: the services (and SQLAlchemy's models) load only once a command runs.
    from forumdesk.services.events import EventChoiceError

    if isinstance(exc, EventChoiceError):
        listed = "; ".join(f"{e.id} {e.name}" for e in exc.events)
        return _("{reason}; add --event ID. Events: {events}").format(
            reason=exc.message.split(";")[0].split(" (")[0], events=listed
        )
    return str(exc)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _write_crash_log() -> str:
    from forumdesk.config import log_dir

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
        return _("the message above")
