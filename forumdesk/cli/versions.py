"""`forumdesk publish`, `forumdesk versions` and `forumdesk changes`: the programme's published
versions and what changed since, from the command line.

`changes` compares the latest version with the programme as it is now, or `--since N` (version N
with now), or `--between N M`; with --json it prints {"changes": [...], "people": [...]}, each
change with kind, session code, before, after and the people it affects, each person with their
e-mail, language and lines. `--people-csv OUT.csv` writes the people to tell for a mail merge.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumdesk.cli.shared import (
    EXIT_OK,
    Command,
    add_event_option,
    open_database,
    print_json,
    print_table,
)
from forumdesk.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from forumdesk.services.versions import Comparison, VersionRow


def _publish_options(parser: argparse.ArgumentParser) -> None:
    add_event_option(parser)
    parser.add_argument(
        "--name", metavar="TEXT", help=_('the version\'s name ("Sent to speakers")')
    )


def run_publish(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.versions import publish_version

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        version = publish_version(db, event.id, args.name, expected_latest=None)
    finally:
        db.dispose()
    if version.name:
        text = _("Published version {number} «{name}» of «{event}» at {when}.")
    else:
        text = _("Published version {number} of «{event}» at {when}.")
    print(
        text.format(number=version.number, name=version.name, event=event.name, when=_when(version))
    )
    return EXIT_OK


def _versions_options(parser: argparse.ArgumentParser) -> None:
    add_event_option(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def run_versions(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.versions import list_versions

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        found = list_versions(db, event.id)
    finally:
        db.dispose()
    if args.json:
        print_json(
            [
                {
                    "number": v.number,
                    "name": v.name,
                    "published_at": v.published_at.isoformat(timespec="seconds") + "Z",
                    "published_by": v.published_by,
                }
                for v in found
            ]
        )
    else:
        print_table(
            (_("Version"), _("Name"), _("Published"), _("Desk")),
            [(str(v.number), v.name or "", _when(v), v.published_by or "") for v in found],
            empty=_("No version of «{event}» has been published yet.").format(event=event.name),
        )
    return EXIT_OK


def _when(version: VersionRow) -> str:
    return f"{version.local_time:%d.%m.%Y %H:%M}"


def _changes_options(parser: argparse.ArgumentParser) -> None:
    add_event_option(parser)
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--since", type=int, metavar="N", help=_("from version N to the programme as it is now")
    )
    which.add_argument(
        "--between", type=int, nargs=2, metavar=("N", "M"), help=_("from version N to version M")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument(
        "--agendas",
        metavar="OUT.xlsx",
        type=Path,
        help=_("write the new personal agenda of each person to tell (one page each)"),
    )
    parser.add_argument("--lang", choices=("ru", "kk", "en"), default="en", help=_("of --agendas"))
    parser.add_argument(
        "--people-csv",
        metavar="OUT.csv",
        type=Path,
        help=_("write the people to tell for a mail merge (e-mail, name, language, changes)"),
    )


def run_changes(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.versions import compare, write_people_to_tell

    earlier, later = args.between if args.between else (args.since, None)
    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        compared = compare(db, event.id, earlier, later)
    finally:
        db.dispose()
    if args.people_csv is not None:
        write_people_to_tell(args.people_csv, compared.people)
    if args.agendas is not None:
        _write_agendas(args, event.id, [p.person_id for p in compared.people])
    if args.json:
        print_json(changes_json(compared))
        return EXIT_OK
    _print_changes(event.name, compared)
    if args.people_csv is not None:
        count = len(compared.people)
        print(
            ngettext(
                "{count} person to tell written to {path}.",
                "{count} people to tell written to {path}.",
                count,
            ).format(count=count, path=args.people_csv)
        )
    if args.agendas is not None:
        print(_("Their new personal agendas written to {path}.").format(path=args.agendas))
    return EXIT_OK


def _write_agendas(args: argparse.Namespace, event_id: int, person_ids: list[int]) -> None:
    from forumdesk.services.exports import export_personal_agendas

    db = open_database(args)
    try:
        export_personal_agendas(db, event_id, args.agendas, person_ids, lang=args.lang)
    finally:
        db.dispose()


def changes_json(compared: Comparison) -> dict[str, Any]:
    return {
        "from": compared.earlier,
        "to": compared.later,
        "changes": [
            {
                "kind": c.kind.value,
                "session": c.session.code,
                "session_id": c.session_id,
                "title": c.session.title,
                "before": c.before,
                "after": c.after,
                "person": c.person_name,
                "text": c.text(),
                "people": [compared.names.get(pid, str(pid)) for pid in c.affected],
                "person_ids": list(c.affected),
            }
            for c in compared.changes
        ],
        "people": [
            {
                "id": p.person_id,
                "name": p.name,
                "email": p.email,
                "language": p.language,
                "lines": list(p.lines),
            }
            for p in compared.people
        ],
    }


def _print_changes(event_name: str, compared: Comparison) -> None:
    to = (
        _("version {number}").format(number=compared.later)
        if compared.later is not None
        else _("now")
    )
    since = (
        _("version {number}").format(number=compared.earlier)
        if compared.earlier
        else _("the start")
    )
    if not compared.changes:
        print(
            _("Nothing changed in «{event}» from {since} to {to}.").format(
                event=event_name, since=since, to=to
            )
        )
        return
    count = len(compared.changes)
    print(
        ngettext(
            "«{event}», from {since} to {to}: {count} change.",
            "«{event}», from {since} to {to}: {count} changes.",
            count,
        ).format(event=event_name, since=since, to=to, count=count)
    )
    shown: int | None = None
    for change in compared.changes:
        if change.session_id != shown:
            shown = change.session_id
            print(f"\n{change.session.label}")
        print(f"  {change.text()}")
    people = len(compared.people)
    print()
    print(
        ngettext("{count} person to tell.", "{count} people to tell.", people).format(count=people)
    )


COMMANDS = (
    Command(
        "publish",
        N_("publish the programme as it is now as the next numbered version"),
        run_publish,
        _publish_options,
        description=N_(
            "Freeze the programme as it is now as the next numbered version (what "
            "was sent). Later edits show up as changes against it."
        ),
    ),
    Command(
        "versions",
        N_("list the published versions of the programme"),
        run_versions,
        _versions_options,
    ),
    Command(
        "changes",
        N_("what changed since the last version (or between two), and who must be told"),
        run_changes,
        _changes_options,
        description=N_(
            "List what changed in the programme between two published versions, "
            "or from one (the latest by default) to now, grouped by session, and the people "
            "whose own agenda changed."
        ),
    ),
)
