"""`forumdesk check`: list an event's schedule problems from the command line.

Exit status 1 while an error nobody has accepted remains (so a script can refuse to print an
agenda that double-books a room), 0 otherwise. With --json, prints a list of problems, each with
kind, severity, message, sessions (codes), people (e-mails or names), accepted and note.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any

from forumdesk.cli.shared import EXIT_OK, Command, add_event_option, open_database, print_json
from forumdesk.core.i18n import N_, _, gettext, ngettext

if TYPE_CHECKING:
    from forumdesk.services.problems import ProblemRow

EXIT_OPEN_ERRORS = 1
_WIDTH = 100


def _check_options(parser: argparse.ArgumentParser) -> None:
    add_event_option(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def run_check(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.problems import check_event

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        problems = check_event(db, event.id)
    finally:
        db.dispose()
    if args.json:
        print_json([problem_json(p) for p in problems])
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


COMMANDS = (
    Command(
        "check",
        N_("list the schedule's problems (clashes, missing moderators, full rooms, ...)"),
        run_check,
        _check_options,
        description=N_(
            "List an event's schedule problems. Exits with status 1 while an error "
            "that nobody has accepted remains, 0 otherwise."
        ),
    ),
)


def print_report(event_name: str, problems: list[ProblemRow]) -> None:
    """Open problems first (errors, warnings, notes), then the accepted ones with their notes."""
    if not problems:
        print(_("No problems found in «{event}».").format(event=event_name))
        return
    open_problems = [p for p in problems if not p.accepted]
    accepted = [p for p in problems if p.accepted]
    summary = _summary(open_problems)
    if accepted:
        line = ngettext(
            "«{event}»: {summary}; {count} accepted.",
            "«{event}»: {summary}; {count} accepted.",
            len(accepted),
        )
    else:
        line = _("«{event}»: {summary}.")
    print(line.format(event=event_name, summary=summary, count=len(accepted)))
    for problem in open_problems:
        _print_problem(problem)
    if accepted:
        print("\n" + _("Accepted:"))
        for problem in accepted:
            _print_problem(problem, note=problem.accepted_note or _("(no note)"))


def _summary(problems: list[ProblemRow]) -> str:
    from forumdesk.scheduling.checker import Severity

    counts = {severity: sum(p.severity == severity for p in problems) for severity in Severity}
    words = {
        Severity.ERROR: ngettext("{count} error", "{count} errors", counts[Severity.ERROR]),
        Severity.WARNING: ngettext("{count} warning", "{count} warnings", counts[Severity.WARNING]),
        Severity.INFO: ngettext("{count} note", "{count} notes", counts[Severity.INFO]),
    }
    parts = [words[severity].format(count=count) for severity, count in counts.items() if count]
    return ", ".join(parts) if parts else _("no open problems")


def _print_problem(problem: ProblemRow, *, note: str | None = None) -> None:
    severity = {"error": _("ERROR"), "warning": _("WARNING"), "info": _("NOTE")}.get(
        problem.severity.value, problem.severity.value.upper()
    )
    head = f"{severity + ' ':<8}{gettext(problem.kind.label)}"
    if problem.sessions:
        head += f" [{', '.join(problem.sessions)}]"
    print(head)
    body = problem.message + (" " + _("Accepted: {note}").format(note=note) if note else "")
    print(textwrap.fill(body, _WIDTH, initial_indent=" " * 8, subsequent_indent=" " * 8))
