"""Reading any spreadsheet or CSV file into rows of text (a RawTable).

Spreadsheets (xlsx, xlsm, xlsb, xls, ods) go through python-calamine; CSV files get their
encoding (BOM, UTF-8, UTF-16, else the 8-bit code page their letters make sense in, or a question
when two do: forumdesk.io.encoding_detection) and delimiter (`;` `,` tab `|`) detected, both
overridable (forumdesk.io.csv_reading). The format is told by the content, not the
name: a ".xls" that is really a CSV or a web page is read or refused for what it is.

Every cell comes out as text: numbers that are whole lose their ".0" (phones, codes), dates are
ISO 8601, times HH:MM. Row numbers are the ones the user sees in Excel, so messages can name them.
A file that cannot be read raises ImportFileError with a message saying what to do.
"""

from __future__ import annotations

import datetime as dt
import logging
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forumdesk.core.i18n import _, foreign_detail, ngettext
from forumdesk.core.text import quoted_list
from forumdesk.io.csv_reading import read_csv
from forumdesk.io.raw_table import (
    ImportFileError,
    RawTable,
    RowProblem,
    trim_trailing,
    unreadable,
)

if TYPE_CHECKING:  # imported when a spreadsheet is read: CSV imports never load it
    from python_calamine import CalamineWorkbook

log = logging.getLogger(__name__)

# A merged area as calamine gives it: (top, left), (bottom, right), 0-based
_MergedArea = tuple[tuple[int, int], tuple[int, int]]

__all__ = [
    "ImportFileError",
    "RawTable",
    "RowProblem",
    "cell_text",
    "detect_kind",
    "read_table",
    "read_tables",
    "sheet_names",
]

SPREADSHEET_KINDS = ("xlsx", "xlsm", "xlsb", "xls", "ods")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ODF_MANIFEST = "META-INF/manifest.xml"
_MANIFEST_LIMIT = 1 << 20
# The BOF record of an .xls workbook's globals (BIFF8, BIFF5), and the FILEPASS record's type.
_XLS_GLOBALS_BOFS = (b"\x09\x08\x10\x00\x00\x06\x05\x00", b"\x09\x08\x08\x00\x00\x05\x05\x00")
_FILEPASS = b"\x2f\x00"


# --- entry points -----------------------------------------------------------------------------


def detect_kind(path: Path) -> str:
    """The file's format from its content: "csv" or one of SPREADSHEET_KINDS.

    Raises ImportFileError for what cannot be imported, saying what the file is instead.
    """
    name = f"«{path.name}»"
    try:
        if not path.exists():
            raise ImportFileError(
                _("{file} does not exist (looked for {path}).").format(file=name, path=path)
            )
        if path.is_dir():
            raise ImportFileError(
                _("{file} is a folder; choose a spreadsheet or CSV file.").format(file=name)
            )
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except PermissionError as exc:
        raise ImportFileError(
            _("{file} cannot be opened: permission denied.").format(file=name)
        ) from exc
    except OSError as exc:
        raise unreadable(name, exc) from exc
    if size == 0 or not head.strip():
        raise ImportFileError(_("{file} is empty.").format(file=name))
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    _refuse_other_documents(head, name)
    return "csv"


def sheet_names(path: Path) -> list[str]:
    """The visible sheets of a spreadsheet, in workbook order ([] for a CSV file)."""
    kind = detect_kind(path)
    if kind == "csv":
        return []
    workbook = _open_workbook(path)
    try:
        return _visible_sheets(workbook)
    finally:
        workbook.close()


def read_table(
    path: Path | str,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> RawTable:
    """Read one sheet (default: the first visible one with data) or a CSV file as text."""
    tables = read_tables(path, sheet=sheet, encoding=encoding, delimiter=delimiter)
    for table in tables:
        if table.rows:
            return table
    return tables[0]


def read_tables(
    path: Path | str,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> list[RawTable]:
    """The named sheet, or every visible sheet in order (a CSV file is one table).

    Raises ImportFileError when the file, or every sheet of it, holds no data.
    """
    path = Path(path)
    kind = detect_kind(path)
    if kind == "csv":
        if sheet not in (None, 0, ""):
            raise ImportFileError(
                _("«{name}» is a CSV file: it has no sheet «{sheet}».").format(
                    name=path.name, sheet=sheet
                )
            )
        table = read_csv(path, encoding, delimiter)
        tables = [table]
    else:
        tables = _read_sheets(path, kind, sheet)
    if not any(t.rows for t in tables):
        where = f"«{path.name}»" if len(tables) != 1 else tables[0].label
        raise ImportFileError(_("{file} holds no data.").format(file=where))
    return tables


# --- spreadsheets -----------------------------------------------------------------------------


def _zip_kind(path: Path) -> str:
    name = f"«{path.name}»"
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            mimetype = (
                archive.read("mimetype")[:200].decode("ascii", "replace")
                if "mimetype" in members
                else ""
            )
            manifest = (
                archive.read(_ODF_MANIFEST)[:_MANIFEST_LIMIT] if _ODF_MANIFEST in members else b""
            )
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportFileError(
            _(
                "{file} is damaged: it looks like an Excel or OpenDocument file but cannot be "
                "opened. Open it in Excel or LibreOffice, save it again and import the new copy."
            ).format(file=name)
        ) from exc
    if "xl/workbook.xml" in members:
        return "xlsm" if path.suffix.lower() == ".xlsm" else "xlsx"
    if "xl/workbook.bin" in members:
        return "xlsb"
    if "content.xml" in members and "spreadsheet" in mimetype:
        if b"encryption-data" in manifest:  # an OpenDocument file saved with a password
            raise _password_error(path)
        return "ods"
    if "word/document.xml" in members or "text" in mimetype:
        raise ImportFileError(
            _(
                "{file} is a text document, not a spreadsheet; "
                "copy the table into Excel and save it as .xlsx."
            ).format(file=name)
        )
    raise ImportFileError(_("{file} is a ZIP archive, not a spreadsheet.").format(file=name))


def _ole_kind(path: Path) -> str:
    """An OLE compound file: an old .xls, or a password-protected .xlsx (EncryptedPackage)."""
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise _password_error(path)
    if _xls_is_encrypted(data):
        raise _password_error(path)
    if "WordDocument".encode("utf-16-le") in data:
        raise ImportFileError(
            _(
                "«{name}» is a Word document, not a spreadsheet; "
                "copy the table into Excel and save it as .xlsx."
            ).format(name=path.name)
        )
    return "xls"


def _xls_is_encrypted(data: bytes) -> bool:
    """Does the workbook stream of this .xls start with a FILEPASS record (a password)?

    The stream begins at a sector boundary of the compound file with a BOF record of the
    workbook globals (BIFF8, or BIFF5 as Excel 95 wrote); in an encrypted workbook the record
    right after it is FILEPASS, in any other it is not (calamine only says it cannot tell the
    format).
    """
    for bof in _XLS_GLOBALS_BOFS:
        at = data.find(bof, 512)
        while at != -1:
            if at % 512 == 0:
                length = int.from_bytes(data[at + 2 : at + 4], "little")
                following = at + 4 + length
                return data[following : following + 2] == _FILEPASS
            at = data.find(bof, at + 1)
    return False


def _refuse_other_documents(head: bytes, name: str) -> None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf"):
        raise ImportFileError(
            _(
                "{file} is a PDF document, not a spreadsheet; ask for the list as an Excel file."
            ).format(file=name)
        )
    if start.startswith((b"<!doctype html", b"<html")) or b"<table" in start[:2048]:
        raise ImportFileError(
            _(
                "{file} is a web page saved with a spreadsheet's name; open "
                "it in Excel and save it as .xlsx, then import that."
            ).format(file=name)
        )
    if start.startswith(b"<?xml"):
        raise ImportFileError(
            _(
                "{file} is an XML file (perhaps the old Excel 2003 XML "
                "format); open it in Excel and save it as .xlsx, then import "
                "that."
            ).format(file=name)
        )
    if start.startswith((b"{\\rtf", b"\x89png", b"\xff\xd8\xff", b"gif8")):
        raise ImportFileError(_("{file} is not a spreadsheet or CSV file.").format(file=name))


def _password_error(path: Path) -> ImportFileError:
    return ImportFileError(
        _("«{name}» is password-protected; save it without a password and import again.").format(
            name=path.name
        )
    )


def _open_workbook(path: Path) -> CalamineWorkbook:
    import python_calamine

    try:
        with path.open("rb") as handle:
            # from_filelike tells the format from the content, whatever the file is called
            return python_calamine.CalamineWorkbook.from_filelike(handle)
    except python_calamine.PasswordError as exc:
        raise _password_error(path) from exc
    except OSError as exc:
        raise unreadable(f"«{path.name}»", exc) from exc
    except BaseException as exc:  # calamine raises its own errors, or a Rust panic
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        raise _damaged(path, exc) from exc


def _damaged(path: Path, exc: BaseException) -> ImportFileError:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    log.info("%s cannot be read by calamine: %s", path, detail)
    return ImportFileError(
        _(
            "«{name}» cannot be read as a spreadsheet{detail}. It may be damaged: open it "
            "in Excel or LibreOffice, save it again and import the new copy."
        ).format(name=path.name, detail=foreign_detail(detail))
    )


def _visible_sheets(workbook: CalamineWorkbook) -> list[str]:
    """Worksheets a person can see: hidden sheets and chart sheets are not what they mean."""
    import python_calamine

    try:
        return [
            m.name
            for m in workbook.sheets_metadata
            if m.visible == python_calamine.SheetVisibleEnum.Visible
            and m.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
    except AttributeError:  # an older python-calamine without metadata: every sheet counts
        return list(workbook.sheet_names)


def _read_sheets(path: Path, kind: str, sheet: str | int | None) -> list[RawTable]:
    workbook = _open_workbook(path)
    try:
        names = tuple(workbook.sheet_names)
        if sheet is None or sheet == "":
            wanted = _visible_sheets(workbook) or list(names)
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(names):
                raise ImportFileError(
                    ngettext(
                        "«{name}» has {count} sheet(s); there is no sheet number {number}.",
                        "«{name}» has {count} sheet(s); there is no sheet number {number}.",
                        len(names),
                    ).format(name=path.name, count=len(names), number=sheet + 1)
                )
            wanted = [names[sheet]]
        else:
            wanted = [_sheet_by_name(path, names, sheet)]
        return [_read_sheet(path, kind, workbook, name, names) for name in wanted]
    finally:
        workbook.close()


def _sheet_by_name(path: Path, names: Sequence[str], sheet: str) -> str:
    if sheet in names:
        return sheet
    folded = {n.strip().casefold(): n for n in names}
    if sheet.strip().casefold() in folded:
        return folded[sheet.strip().casefold()]
    listing = quoted_list(names)
    raise ImportFileError(
        _("«{name}» has no sheet «{sheet}»; its sheets are {sheets}.").format(
            name=path.name, sheet=sheet, sheets=listing
        )
    )


def _read_sheet(
    path: Path, kind: str, workbook: CalamineWorkbook, name: str, names: tuple[str, ...]
) -> RawTable:
    try:
        sheet = workbook.get_sheet_by_name(name)
        # cells of any type; rows of text, the most common, are kept as they come (below)
        values: list[list[Any]] = sheet.to_python(skip_empty_area=False)
        merged: list[_MergedArea] = getattr(sheet, "merged_cell_ranges", None) or []
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        raise _damaged(path, exc) from exc
    _fill_merged_down(values, merged)
    rows: list[tuple[int, list[str]]] = []
    for number, raw in enumerate(values, start=1):
        try:
            # Most rows hold text only: joining them is the check, and the list is kept as it is
            if not "".join(raw).strip():
                continue
            cells: list[str] = raw
        except TypeError:  # numbers, dates, None: each becomes text
            cells = [c if type(c) is str else cell_text(c) for c in raw]
            if not any(c.strip() for c in cells if c):
                continue
        rows.append((number, trim_trailing(cells)))
    return RawTable(path=path, kind=kind, sheet=name, sheet_names=names, rows=rows)


def _fill_merged_down(values: list[list[Any]], merged: Sequence[_MergedArea]) -> None:
    """A cell merged over several rows (an organisation over its people) applies to each row.

    Only vertical merges are filled: a title merged across the top stays one cell, and a header
    merged across two columns does not become two columns of the same name.
    """
    for area in merged:
        try:
            (top, left), (bottom, _right) = area
        except (TypeError, ValueError):
            continue
        if bottom <= top or top >= len(values):
            continue
        value = values[top][left] if left < len(values[top]) else ""
        for row in range(top + 1, min(bottom, len(values) - 1) + 1):
            if left < len(values[row]) and values[row][left] in ("", None):
                values[row][left] = value


def cell_text(value: object) -> str:
    """A cell as the text a person typed: 87015550000.0 -> "87015550000", dates in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, dt.timedelta):  # a time of day some readers return as a duration
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return str(value)
