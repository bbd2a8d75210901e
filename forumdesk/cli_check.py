"""`forumdesk check`: list an event's schedule problems from the command line.

Exit status 1 while an error nobody has accepted remains (so a script can refuse to print an
agenda that double-books a room), 0 otherwise. With --json, prints a list of problems, each with
kind, severity, message, sessions (codes), people (e-mails or names), accepted and note.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from forumdesk.scheduling.checker import Severity
from forumdesk.services.problems import ProblemRow

EXIT_OK, EXIT_OPEN_ERRORS = 0, 1
_WIDTH = 100


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the `check` command to the `forumdesk` subparsers."""
    check = commands.add_parser(
        "check",
        parents=[common],
        help="list the schedule's problems (clashes, missing moderators, full rooms, ...)",
        description="List an event's schedule problems. Exits with status 1 while an error "
        "that nobody has accepted remains, 0 otherwise.",
    )
    check.add_argument(
        "--event", type=int, metavar="ID", help="the event (needed when the database holds several)"
    )
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    from forumdesk.cli import _open, _print_json
    from forumdesk.services.events import resolve_event
    from forumdesk.services.problems import check_event

    db = _open(args)
    try:
        event = resolve_event(db, args.event)
        problems = check_event(db, event.id)
    finally:
        db.dispose()
    if args.json:
        _print_json([problem_json(p) for p in problems])
    else:
        print_report(event.name, problems)
    return EXIT_OPEN_ERRORS if any(p.is_open_error for p in problems) else EXIT_OK


def problem_json(problem: ProblemRow) -> dict[str, Any]:
    return {
        "kind": problem.kind.value,
        "severity": problem.severity.value,
        "message": problem.message,
        "sessions": list(problem.sessions),
        "people": list(problem.people),
        "session_ids": list(problem.session_ids),
        "person_ids": list(problem.person_ids),
        "key": problem.key,
        "fingerprint": problem.fingerprint,
        "accepted": problem.accepted,
        "note": problem.accepted_note,
    }


def print_report(event_name: str, problems: list[ProblemRow]) -> None:
    """Open problems first (errors, warnings, notes), then the accepted ones with their notes."""
    if not problems:
        print(f"No problems found in «{event_name}».")
        return
    open_problems = [p for p in problems if not p.accepted]
    accepted = [p for p in problems if p.accepted]
    print(
        f"«{event_name}»: {_summary(open_problems)}"
        + (f"; {len(accepted)} accepted." if accepted else ".")
    )
    for problem in open_problems:
        _print_problem(problem)
    if accepted:
        print("\nAccepted:")
        for problem in accepted:
            _print_problem(problem, note=problem.accepted_note or "(no note)")


def _summary(problems: list[ProblemRow]) -> str:
    counts = {severity: sum(p.severity == severity for p in problems) for severity in Severity}
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    parts = [
        f"{count} {words[severity]}{'' if count == 1 else 's'}"
        for severity, count in counts.items()
        if count
    ]
    return ", ".join(parts) if parts else "no open problems"


def _print_problem(problem: ProblemRow, *, note: str | None = None) -> None:
    head = f"{problem.severity.value.upper():<8}{problem.kind.label}"
    if problem.sessions:
        head += f" [{', '.join(problem.sessions)}]"
    print(head)
    body = problem.message + (f" Accepted: {note}" if note else "")
    print(textwrap.fill(body, _WIDTH, initial_indent=" " * 8, subsequent_indent=" " * 8))
