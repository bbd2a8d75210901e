"""Command-line handouts for the day: badges, table tents and the attendance list.

`forumdesk badges OUT.pdf`, `forumdesk tents OUT.pdf` and `forumdesk attendance OUT.xlsx|csv`
write what the window's File menu writes, through the same services, without Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from forumdesk.cli.shared import EXIT_OK, Command, add_event_option, open_database
from forumdesk.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from forumdesk.db.engine import Database

_LAYOUTS = ("a6", "card10", "a4x4")  # forumdesk.io.badges.LAYOUTS, without loading reportlab
_ROLES = ("moderator", "speaker", "press", "staff", "participant")


def _session_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--session", metavar="CODE", help=help)


def _badges_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT.pdf", type=Path, help=_("the PDF file to write"))
    add_event_option(parser)
    _session_option(parser, _("only this session's people (default: everyone registered)"))
    parser.add_argument(
        "--layout",
        choices=_LAYOUTS,
        default="a6",
        help=_(
            "`a6`: one A6 badge per page; `card10`: ten 90 × 55 mm cards per A4 with crop marks; "
            "`a4x4`: four A6 badges per A4 (default: `a6`)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("ru", "en", "kk"),
        default=None,
        help=_("language of countries and roles (default: the language the event is written in)"),
    )
    parser.add_argument(
        "--role",
        choices=_ROLES,
        default=None,
        help=_("print this role on every badge (default: each person's role in the programme)"),
    )


def _tents_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT.pdf", type=Path, help=_("the PDF file to write"))
    add_event_option(parser)
    _session_option(parser, _("only this session's table (default: every session)"))


def _attendance_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "out", metavar="OUT.xlsx|OUT.csv", type=Path, help=_("the workbook or CSV file to write")
    )
    add_event_option(parser)
    _session_option(parser, _("only the arrivals at this session (default: all arrivals)"))
    parser.add_argument(
        "--semicolon",
        action="store_true",
        help=_("separate CSV columns with semicolons, as Excel expects with Russian settings"),
    )


def _session_id(db: Database, event_id: int, code: str | None) -> int | None:
    from forumdesk.services.badges import session_id_for_code

    return None if code is None else session_id_for_code(db, event_id, code)


def run_badges(args: argparse.Namespace) -> int:
    from forumdesk.services.agenda import event_language
    from forumdesk.services.badges import BadgeRole, export_badges
    from forumdesk.services.events import resolve_event

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        result = export_badges(
            db,
            event.id,
            args.out,
            layout=args.layout,
            lang=args.lang or event_language(db, event.id),
            session_id=_session_id(db, event.id, args.session),
            role=BadgeRole(args.role) if args.role else None,
        )
    finally:
        db.dispose()
    pages = ngettext("{count} page", "{count} pages", result.pages).format(count=result.pages)
    print(
        ngettext(
            "Wrote {count} badge of «{event}» to {path} ({pages}).",
            "Wrote {count} badges of «{event}» to {path} ({pages}).",
            result.count,
        ).format(count=result.count, event=event.name, path=result.path, pages=pages)
    )
    return EXIT_OK


def run_tents(args: argparse.Namespace) -> int:
    from forumdesk.services.badges import export_tents
    from forumdesk.services.events import resolve_event

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        result = export_tents(
            db, event.id, args.out, session_id=_session_id(db, event.id, args.session)
        )
    finally:
        db.dispose()
    print(
        ngettext(
            "Wrote {count} table tent of «{event}» to {path}.",
            "Wrote {count} table tents of «{event}» to {path}.",
            result.count,
        ).format(count=result.count, event=event.name, path=result.path)
    )
    return EXIT_OK


def run_attendance(args: argparse.Namespace) -> int:
    from forumdesk.services.checkin import export_attendance
    from forumdesk.services.events import resolve_event

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        count = export_attendance(
            db,
            event.id,
            args.out,
            delimiter=";" if args.semicolon else ",",
            session_id=_session_id(db, event.id, args.session),
        )
    finally:
        db.dispose()
    print(
        ngettext(
            "Wrote {count} arrival at «{event}» to {path}.",
            "Wrote {count} arrivals at «{event}» to {path}.",
            count,
        ).format(count=count, event=event.name, path=args.out)
    )
    return EXIT_OK


COMMANDS = (
    Command(
        "badges",
        N_("write name badges with check-in QR codes (.pdf)"),
        run_badges,
        _badges_options,
        description=N_(
            "Write name badges as PDF: the name and its Latin form, organisation, "
            "country, a colour band by role and the QR code the Check-in page scans."
        ),
    ),
    Command(
        "tents",
        N_("write folded table tents for moderators and speakers (.pdf)"),
        run_tents,
        _tents_options,
    ),
    Command(
        "attendance",
        N_("write who arrived, where and when (.xlsx or .csv)"),
        run_attendance,
        _attendance_options,
    ),
)
