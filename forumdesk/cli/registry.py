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
from forumdesk.core.i18n import _, gettext, ngettext

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


def _argparse_speaks_our_language() -> None:
    """argparse's own words ("usage:", "options", its errors) from forumdesk's catalogue.

    argparse looks them up through its module's `_` and `ngettext` (gettext's global domain);
    pointing those at the catalogue's lookups gives "использование:" under FORUMDESK_LANG=ru.
    """
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command's parser carries its `handler`."""
    _argparse_speaks_our_language()
    # --db is accepted before or after the command: `forumdesk --db X demo`, `forumdesk demo --db X`
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="DB",
        default=argparse.SUPPRESS,
        help=_(
            "database: an SQLite file path or an SQLAlchemy URL (default: $FORUMDESK_DB, "
            "else forumdesk.sqlite3 in your data folder)"
        ),
    )
    parser = argparse.ArgumentParser(
        prog="forumdesk",
        parents=[common],
        description=_("Plan and run a multi-session forum. With no command, the window opens."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"forumdesk {__version__}",
        help=_("show the version and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"), title=_("commands"))
    for command in COMMANDS:
        command_parser = subparsers.add_parser(
            command.name,
            parents=[common],
            help=gettext(command.help),
            description=gettext(command.description) if command.description else None,
        )
        command.options(command_parser)
        command_parser.set_defaults(handler=command.run)
    return parser
