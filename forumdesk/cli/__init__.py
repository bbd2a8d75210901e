"""The `forumdesk` command: the window when no command is given, otherwise a command-line action.

`main` is the console entry point (`forumdesk`, `python -m forumdesk`). The package's modules:
`registry` lists every command and builds the parser; `shared` holds what the commands share
(exit codes, the database, tables, JSON, errors); `events`, `imports`, `exports` and `check` are
the commands, by group; `window` starts the window, the only place that reaches for Qt.
Nothing here imports Qt unless the window starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from forumdesk.cli.registry import build_parser
from forumdesk.cli.shared import run_command, use_utf8_output
from forumdesk.cli.window import start_window

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run `forumdesk` with `argv` (default: the process's arguments); the exit status."""
    args = build_parser().parse_args(argv)
    use_utf8_output()
    if args.command is None:
        return start_window(getattr(args, "db", None))
    return run_command(args.handler, args)
