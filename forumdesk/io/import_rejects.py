"""The rejects file: rows an import left out, with the same columns plus "Error".

Nothing is dropped unseen: when staff import only the valid rows, the others go to this file, to
be corrected and imported again. It is xlsx for a spreadsheet source and CSV (UTF-8 with a BOM,
the source's delimiter, so Excel opens it as it opened the source) for a CSV source, unless the
chosen file name says otherwise. It is written to a temporary name and renamed when complete.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from forumdesk.core.errors import StorageError, ValidationError
from forumdesk.core.i18n import N_, _, gettext
from forumdesk.io.output_files import output_file
from forumdesk.io.tables import RawTable
from forumdesk.io.xlsx_safety import openpyxl_scratch

ERROR_COLUMN = N_("Error")  # its heading is written in the current language
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


def rejects_format(path: Path) -> str:
    """ "xlsx" or "csv" for a rejects path, refusing an extension forumdesk cannot write."""
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return "xlsx"
    if suffix in _CSV_SUFFIXES:
        return "csv"
    raise ValidationError(
        _("Rejected rows can be written to an .xlsx or a .csv file, not «{name}».").format(
            name=path.name
        ),
        field="rejects",
    )


def default_rejects_path(table: RawTable) -> Path:
    """ "list.xlsx" -> "list - rejected.xlsx" beside it (a free name: never overwrite)."""
    suffix = ".csv" if table.is_csv else ".xlsx"
    stem = table.path.stem
    candidate = table.path.with_name(f"{stem} - rejected{suffix}")
    number = 2
    while candidate.exists():
        candidate = table.path.with_name(f"{stem} - rejected ({number}){suffix}")
        number += 1
    return candidate


def write_rejects(
    path: Path, table: RawTable, headers: Sequence[str], rows: Sequence[tuple[Sequence[str], str]]
) -> Path:
    """Write `rows` (cells as read, error message) under `headers` plus the Error column."""
    path = Path(path)
    kind = rejects_format(path)
    width = max([len(headers), *(len(cells) for cells, _ in rows)])
    header_row = [*headers, *[""] * (width - len(headers)), gettext(ERROR_COLUMN)]
    body = [[*cells, *[""] * (width - len(cells)), message] for cells, message in rows]
    if not path.parent.is_dir():
        raise ValidationError(
            _(
                "The folder {folder} does not exist; the rejected rows cannot be written there."
            ).format(folder=path.parent),
            field="rejects",
        )
    try:
        with output_file(path) as temporary:
            if kind == "xlsx":
                with openpyxl_scratch():
                    _write_xlsx(temporary, table.sheet or "Rejected", header_row, body)
            else:
                delimiter = "\t" if path.suffix.lower() == ".tsv" else (table.delimiter or ",")
                _write_csv(temporary, delimiter, header_row, body)
    except StorageError as exc:
        raise ValidationError(
            _("The rejected rows could not be written: {reason} Nothing was imported.").format(
                reason=exc
            ),
            field="rejects",
        ) from exc
    return path


def _write_csv(path: Path, delimiter: str, header: list[str], body: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(body)


def _write_xlsx(path: Path, sheet: str, header: list[str], body: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(_sheet_title(sheet))
    bold = Font(bold=True)

    def cell(value: str, *, heading: bool = False) -> WriteOnlyCell:
        written = WriteOnlyCell(worksheet, value=ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767])
        # what the source held as text stays text: "=1+1" or "+7 701..." is not a formula here
        written.data_type = "s"
        if heading:
            written.font = bold
        return written

    worksheet.append([cell(value, heading=True) for value in header])
    for values in body:
        worksheet.append([cell(value) for value in values])
    workbook.save(path)


def _sheet_title(name: str) -> str:
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip("'").strip()
    return (cleaned or "Rejected")[:31]
