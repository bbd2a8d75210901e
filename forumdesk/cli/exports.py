"""Command-line exports: export-agenda (xlsx), export-ics and export-csv.

Errors a user can cause (an unknown event, a file open in Excel, a bad --parts value) come out as
forumdesk errors, which forumdesk.cli.shared.run_command prints as one line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from forumdesk.cli.shared import EXIT_OK, Command, add_event_option, open_database
from forumdesk.core.i18n import N_, _, ngettext
from forumdesk.io.agenda_labels import BILINGUAL, DEFAULT_PARTS, LANGUAGES, PAPERS, PARTS


def _agenda_options(agenda: argparse.ArgumentParser) -> None:
    agenda.add_argument("out", metavar="OUT.xlsx", type=Path, help=_("the workbook to write"))
    add_event_option(agenda)
    agenda.add_argument(
        "--parts",
        type=_parts,
        default=DEFAULT_PARTS,
        metavar="LIST",
        help=_("comma-separated parts to include (default: {default}): {parts}").format(
            default=",".join(DEFAULT_PARTS), parts=",".join(PARTS)
        ),
    )
    agenda.add_argument(
        "--paper",
        type=_paper,
        default="A4",
        metavar="A4|Letter",
        help=_("paper size (default: A4)"),
    )
    agenda.add_argument(
        "--lang",
        choices=(*LANGUAGES, *BILINGUAL),
        default=None,
        help=_(
            "the agenda's language: headings, dates and the event's texts (default: the event's "
            "main language); two joined by + (ru+en) put the programme side by side"
        ),
    )
    agenda.add_argument(
        "--all-people",
        action="store_true",
        help=_("personal agendas for every registered person, not only moderators and speakers"),
    )


def _ics_options(ics: argparse.ArgumentParser) -> None:
    ics.add_argument("out", metavar="OUT.ics", type=Path, help=_("the calendar file to write"))
    add_event_option(ics)
    ics.add_argument(
        "--person", metavar="EMAIL", help=_("only this person's sessions (found by e-mail)")
    )
    ics.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help=_("language of the descriptions' labels (default: en)"),
    )


def _csv_options(csv: argparse.ArgumentParser) -> None:
    csv.add_argument("out", metavar="OUT.csv", type=Path, help=_("the CSV file to write"))
    csv.add_argument(
        "--what", choices=("sessions", "people"), required=True, help=_("which list to write")
    )
    add_event_option(csv)
    csv.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help=_("language of the column headings (default: en)"),
    )
    csv.add_argument(
        "--semicolon",
        action="store_true",
        help=_("separate columns with semicolons, as Excel expects with Russian regional settings"),
    )
    csv.add_argument(
        "--flavour",
        choices=("excel", "plain"),
        default="excel",
        help=_(
            "excel: UTF-8 with BOM, text that looks like a formula prefixed with an apostrophe; "
            "plain: RFC 4180 UTF-8 without BOM, values as stored, for mail merge and CRM uploads "
            "(default: excel)"
        ),
    )


def _parts(value: str) -> tuple[str, ...]:
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in PARTS]
    if unknown:
        raise argparse.ArgumentTypeError(
            _("unknown part {parts}; choose from {known}").format(
                parts=", ".join(unknown), known=",".join(PARTS)
            )
        )
    if not chosen:
        raise argparse.ArgumentTypeError(
            _("name at least one of {known}").format(known=",".join(PARTS))
        )
    return tuple(part for part in PARTS if part in chosen)


def _paper(value: str) -> str:
    for paper in PAPERS:
        if paper.casefold() == value.strip().casefold():
            return paper
    raise argparse.ArgumentTypeError(
        _("unknown paper size {value}; choose A4 or Letter").format(value=repr(value))
    )


def run_export_agenda(args: argparse.Namespace) -> int:
    from forumdesk.services.agenda import event_language
    from forumdesk.services.events import resolve_event
    from forumdesk.services.exports import ExportOptions, export_agenda

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        options = ExportOptions(
            parts=args.parts,
            paper=args.paper,
            lang=args.lang or event_language(db, event.id),
            include_all_registered=args.all_people,
        )
        result = export_agenda(db, event.id, args.out, options)
    finally:
        db.dispose()
    count = len(result.sheets)
    print(
        ngettext(
            "Wrote the agenda of «{event}» to {path}: {count} sheet ({sheets}).",
            "Wrote the agenda of «{event}» to {path}: {count} sheets ({sheets}).",
            count,
        ).format(event=event.name, path=result.path, count=count, sheets=", ".join(result.sheets))
    )
    return EXIT_OK


def run_export_ics(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.exports import export_calendar

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        count = export_calendar(db, event.id, args.out, person_email=args.person, lang=args.lang)
    finally:
        db.dispose()
    if args.person:
        text = ngettext(
            "Wrote {count} session of {person} at «{event}» to {path}.",
            "Wrote {count} sessions of {person} at «{event}» to {path}.",
            count,
        )
    else:
        text = ngettext(
            "Wrote {count} session of «{event}» to {path}.",
            "Wrote {count} sessions of «{event}» to {path}.",
            count,
        )
    print(text.format(count=count, person=args.person, event=event.name, path=args.out))
    return EXIT_OK


def run_export_csv(args: argparse.Namespace) -> int:
    from forumdesk.services.events import resolve_event
    from forumdesk.services.exports import export_csv

    db = open_database(args)
    try:
        event = resolve_event(db, args.event)
        count = export_csv(
            db,
            event.id,
            args.out,
            args.what,
            lang=args.lang,
            delimiter=";" if args.semicolon else ",",
            flavour=args.flavour,
        )
    finally:
        db.dispose()
    if args.what == "people":
        text = ngettext(
            "Wrote {count} person of «{event}» to {path}.",
            "Wrote {count} people of «{event}» to {path}.",
            count,
        )
    else:
        text = ngettext(
            "Wrote {count} session of «{event}» to {path}.",
            "Wrote {count} sessions of «{event}» to {path}.",
            count,
        )
    print(text.format(count=count, event=event.name, path=args.out))
    return EXIT_OK


COMMANDS = (
    Command(
        "export-agenda",
        N_("write the printable agenda workbook (.xlsx)"),
        run_export_agenda,
        _agenda_options,
        description=N_(
            "Write the agenda as an Excel workbook set up to print: programme, "
            "grids, sign-in sheets, door signs, personal agendas and the people list."
        ),
    ),
    Command(
        "export-ics",
        N_("write the programme as an iCalendar file (.ics)"),
        run_export_ics,
        _ics_options,
    ),
    Command(
        "export-csv",
        N_("write sessions or people as CSV (for Excel, or plain RFC 4180)"),
        run_export_csv,
        _csv_options,
    ),
)
