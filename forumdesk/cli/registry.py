"""The one list of `forumdesk` commands, and the argument parser built from it.

A command is a `Command` (forumdesk.cli.shared) in its group's `COMMANDS`; a new group is added
to `COMMANDS` below. The order here is the order `forumdesk --help` lists them in.
"""

from __future__ import annotations

import argparse

from forumdesk import __version__
from forumdesk.cli.availability import COMMANDS as AVAILABILITY
from forumdesk.cli.badges import COMMANDS as BADGES
from forumdesk.cli.check import COMMANDS as CHECK
from forumdesk.cli.events import COMMANDS as EVENTS
from forumdesk.cli.exports import COMMANDS as EXPORTS
from forumdesk.cli.imports import COMMANDS as IMPORTS
from forumdesk.cli.schedule import COMMANDS as SCHEDULE
from forumdesk.cli.shared import Command
from forumdesk.cli.versions import COMMANDS as VERSIONS

COMMANDS: tuple[Command, ...] = (
    *EVENTS,
    *AVAILABILITY,
    *IMPORTS,
    *EXPORTS,
    *BADGES,
    *CHECK,
    *SCHEDULE,
    *VERSIONS,
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command's parser carries its `handler`."""
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
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command_parser = subparsers.add_parser(
            command.name, parents=[common], help=command.help, description=command.description
        )
        command.options(command_parser)
        command_parser.set_defaults(handler=command.run)
    return parser
