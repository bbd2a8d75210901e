"""The `import-attendees` and `import-programme` commands.

Exit status: 0 when the import succeeded with every row, 1 when rows were rejected (nothing
written unless --skip-invalid, and then the rejected rows are in the rejects file), 2 when the
file as a whole (or how it was asked to be read) cannot be used; nothing is written then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from forumdesk.cli.shared import (
    EXIT_OK,
    Command,
    add_event_option,
    fail,
    open_database,
    print_json,
)
from forumdesk.core.i18n import N_, _

if TYPE_CHECKING:
    from forumdesk.core.progress import Progress
    from forumdesk.services.import_common import ImportOptions

EXIT_REJECTED, EXIT_FILE_ERROR = 1, 2


def _attendees_options(parser: argparse.ArgumentParser) -> None:
    _add_options(parser, programme=False)


def _programme_options(parser: argparse.ArgumentParser) -> None:
    _add_options(parser, programme=True)


def _add_options(parser: argparse.ArgumentParser, *, programme: bool) -> None:
    parser.add_argument(
        "file", metavar="FILE", help=_("the .xlsx, .xlsm, .xlsb, .xls, .ods or .csv file")
    )
    add_event_option(parser)
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help=_("the sheet to read (default: the first one with a header forumdesk recognises)"),
    )
    parser.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help=_("the row number of the header (default: found automatically)"),
    )
    parser.add_argument("--profile", metavar="NAME", help=_("read the file with a saved mapping"))
    parser.add_argument(
        "--save-profile",
        metavar="NAME",
        help=_("save the mapping used under this name, for the next file"),
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=_(
            'what a column holds, e.g. --map "Контакт=email" or '
            '--map "Timestamp=ignore" (repeatable)'
        ),
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=_("CSV only: the text encoding (default: detected; e.g. cp1251)"),
    )
    parser.add_argument(
        "--delimiter",
        metavar="CHAR",
        help=_("CSV only: the column separator (default: detected; ; , tab)"),
    )
    if not programme:
        parser.add_argument(
            "--name-order",
            choices=("auto", "family-first", "given-first"),
            help=_("how a full-name column is written (default: auto)"),
        )
    parser.add_argument(
        "--on-duplicate",
        choices=("update", "overwrite", "skip", "new"),
        default="update",
        help=_(
            "for what is already there: update (fill blanks, the default), "
            "overwrite, skip, or new (add anyway)"
        ),
    )
    if not programme:
        parser.add_argument(
            "--on-name-conflict",
            choices=("keep", "replace"),
            default="keep",
            help=_(
                "when a row's e-mail is a stored person's but its name is another one: keep "
                "the stored name (the default) or replace it with the file's; either way the "
                "summary lists each conflict"
            ),
        )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_("import the valid rows and write the others to a rejects file"),
    )
    parser.add_argument(
        "--rejects",
        metavar="OUT",
        type=Path,
        help=_(
            "with --skip-invalid: where to write the rejected rows (.xlsx or "
            ".csv; default: beside the file)"
        ),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("show what would happen; write nothing")
    )
    parser.add_argument("--json", action="store_true", help=_("print the summary as JSON"))


def run_import_attendees(args: argparse.Namespace) -> int:
    return _run(args, "attendees")


def run_import_programme(args: argparse.Namespace) -> int:
    return _run(args, "programme")


def _run(args: argparse.Namespace, kind: str) -> int:
    from forumdesk.io.encoding_detection import AmbiguousEncodingError
    from forumdesk.io.tables import ImportFileError
    from forumdesk.services.events import resolve_event

    try:
        options = _options(args)
        options.check()
    except ImportFileError as exc:
        return _file_error(str(exc))
    db = open_database(args)
    try:
        if kind == "attendees":
            from forumdesk.services.events import list_events
            from forumdesk.services.imports import import_attendees

            # A fresh database with no event yet: people go to the directory only.
            event_id = (
                None
                if args.event is None and not list_events(db)
                else resolve_event(db, args.event).id
            )
            summary = import_attendees(
                db, Path(args.file), event_id=event_id, options=options, progress=_said_waiting()
            )
        else:
            from forumdesk.services.programme_import import import_programme

            event = resolve_event(db, args.event)
            summary = import_programme(
                db, Path(args.file), event_id=event.id, options=options, progress=_said_waiting()
            )
    except AmbiguousEncodingError as exc:
        # the candidates, and a line as each reads it, so the user sees which one is right
        fail(str(exc))
        for encoding, line in exc.samples().items():
            print(f"  --encoding {encoding}:  {line}", file=sys.stderr)
        return EXIT_FILE_ERROR
    except ImportFileError as exc:
        return _file_error(str(exc))
    finally:
        db.dispose()
    if args.json:
        print_json(summary.to_json())
    else:
        for line in summary.lines():
            print(line)
    return EXIT_REJECTED if summary.rejected else EXIT_OK


def _said_waiting() -> Progress:
    """Progress that says once, on stderr, that the import waits for another desk's import
    (it waits as long as that takes; Ctrl+C stops it, and nothing is written)."""
    from forumdesk.core.progress import WAITING, waiting_message

    said = False

    def progress(done: int, _total: int) -> bool:
        nonlocal said
        if done == WAITING and not said:
            print(waiting_message(), file=sys.stderr, flush=True)
            said = True
        return True

    return progress


def _options(args: argparse.Namespace) -> ImportOptions:
    from forumdesk.io.tables import ImportFileError
    from forumdesk.services.import_common import ImportOptions

    columns: dict[str, str] = {}
    for item in args.map:
        column, separator, field = item.rpartition("=")
        if not separator or not column.strip():
            raise ImportFileError(
                f'--map "{item}" should read "Column=field", e.g. --map "Контакт=email".'
            )
        columns[column.strip()] = field.strip()
    if args.rejects is not None and not args.skip_invalid:
        raise ImportFileError(
            "--rejects names where --skip-invalid writes the rejected rows; "
            "add --skip-invalid, or leave --rejects out."
        )
    return ImportOptions(
        sheet=args.sheet,
        header_row=args.header_row,
        columns=columns,
        profile=args.profile,
        save_profile=args.save_profile,
        encoding=args.encoding,
        delimiter=args.delimiter,
        name_order=getattr(args, "name_order", None),
        on_duplicate=args.on_duplicate,
        on_name_conflict=getattr(args, "on_name_conflict", "keep"),
        skip_invalid=args.skip_invalid,
        rejects_path=args.rejects,
        dry_run=args.dry_run,
    )


def _file_error(message: str) -> int:
    fail(message)
    return EXIT_FILE_ERROR


COMMANDS = (
    Command(
        "import-attendees",
        N_("import an attendee list (xlsx, xls, ods, csv) into the directory and an event"),
        run_import_attendees,
        _attendees_options,
        description=N_(
            "Import people from a spreadsheet or CSV file: they are added to the "
            "directory (or matched with who is there) and registered for the event."
        ),
    ),
    Command(
        "import-programme",
        N_("import an event's sessions, rooms and speakers from a spreadsheet"),
        run_import_programme,
        _programme_options,
        description=N_(
            "Create or update an event's sessions, rooms, tracks and the people who "
            "lead them from a spreadsheet or CSV file."
        ),
    ),
)
