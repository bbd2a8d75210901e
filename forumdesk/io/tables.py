"""Reading any spreadsheet or CSV file into rows of text (a RawTable).

Spreadsheets (xlsx, xlsm, xlsb, xls, ods) go through python-calamine; CSV files get their
encoding (BOM, UTF-8, UTF-16, else cp1251 as Russian Excel writes) and delimiter (`;` `,` tab `|`)
detected, both overridable. The format is told by the file's content, not its name: a ".xls"
that is really a CSV or a web page is read or refused for what it is.

Every cell comes out as text: numbers that are whole lose their ".0" (phones, codes), dates are
ISO 8601, times HH:MM. Row numbers are the ones the user sees in Excel, so messages can name them.
A file that cannot be read raises ImportFileError with a message saying what to do.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from forumdesk.errors import ForumdeskError
from forumdesk.i18n import _, ngettext

SPREADSHEET_KINDS = ("xlsx", "xlsm", "xlsb", "xls", "ods")
DELIMITERS = (";", ",", "\t", "|")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_SNIFF_LINES = 50


class ImportFileError(ForumdeskError):
    """The file as a whole cannot be imported (unreadable, encrypted, not a table, empty...)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Something wrong with one row (and column) of an imported table."""

    sheet: str | None
    row: int
    column: str | None
    message: str

    @property
    def place(self) -> str:
        """"Sheet «Лист1», row 12, column «E-mail»" (no sheet for CSV files)."""
        parts = [_("sheet «{sheet}»").format(sheet=self.sheet)] if self.sheet else []
        parts.append(_("row {row}").format(row=self.row))
        if self.column:
            parts.append(_("column «{column}»").format(column=self.column))
        text = ", ".join(parts)
        return text[0].upper() + text[1:]

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass(slots=True)
class RawTable:
    """One sheet (or a CSV file) as text: `rows` holds (row number, cells) for non-empty rows."""

    path: Path
    kind: str  # "csv" or one of SPREADSHEET_KINDS
    sheet: str | None
    sheet_names: tuple[str, ...]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def is_csv(self) -> bool:
        return self.kind == "csv"

    @property
    def label(self) -> str:
        """How messages name the table: «list.xlsx», sheet «Лист1»."""
        name = f"«{self.path.name}»"
        return _("{file}, sheet «{sheet}»").format(file=name, sheet=self.sheet) if self.sheet \
            else name


# --- entry points -----------------------------------------------------------------------------


def detect_kind(path: Path) -> str:
    """The file's format from its content: "csv" or one of SPREADSHEET_KINDS.

    Raises ImportFileError for what cannot be imported, saying what the file is instead.
    """
    name = f"«{path.name}»"
    try:
        if not path.exists():
            raise ImportFileError(_("{file} does not exist (looked for {path}).")
                                  .format(file=name, path=path))
        if path.is_dir():
            raise ImportFileError(_("{file} is a folder; choose a spreadsheet or CSV file.")
                                  .format(file=name))
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except PermissionError as exc:
        raise ImportFileError(_("{file} cannot be opened: permission denied.")
                              .format(file=name)) from exc
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    if size == 0 or not head.strip():
        raise ImportFileError(_("{file} is empty.").format(file=name))
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    _refuse_other_documents(head, name)
    return "csv"


def _unreadable(name: str, exc: OSError) -> ImportFileError:
    return ImportFileError(_("{file} cannot be read: {reason}.")
                           .format(file=name, reason=exc.strerror or exc))


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
            raise ImportFileError(_("«{name}» is a CSV file: it has no sheet «{sheet}».")
                                  .format(name=path.name, sheet=sheet))
        table = _read_csv(path, encoding, delimiter)
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
            mimetype = (archive.read("mimetype")[:200].decode("ascii", "replace")
                        if "mimetype" in members else "")
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportFileError(_(
            "{file} is damaged: it looks like an Excel or OpenDocument file but cannot be "
            "opened. Open it in Excel or LibreOffice, save it again and import the new copy."
        ).format(file=name)) from exc
    if "xl/workbook.xml" in members:
        return "xlsm" if path.suffix.lower() == ".xlsm" else "xlsx"
    if "xl/workbook.bin" in members:
        return "xlsb"
    if "content.xml" in members and "spreadsheet" in mimetype:
        return "ods"
    if "word/document.xml" in members or "text" in mimetype:
        raise ImportFileError(_("{file} is a text document, not a spreadsheet; "
                                "copy the table into Excel and save it as .xlsx.")
                              .format(file=name))
    raise ImportFileError(_("{file} is a ZIP archive, not a spreadsheet.").format(file=name))


def _ole_kind(path: Path) -> str:
    """An OLE compound file: an old .xls, or a password-protected .xlsx (EncryptedPackage)."""
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise _password_error(path)
    if "WordDocument".encode("utf-16-le") in data:
        raise ImportFileError(_("«{name}» is a Word document, not a spreadsheet; "
                                "copy the table into Excel and save it as .xlsx.")
                              .format(name=path.name))
    return "xls"


def _refuse_other_documents(head: bytes, name: str) -> None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf"):
        raise ImportFileError(_("{file} is a PDF document, not a spreadsheet; ask for the "
                                "list as an Excel file.").format(file=name))
    if start.startswith((b"<!doctype html", b"<html")) or b"<table" in start[:2048]:
        raise ImportFileError(_("{file} is a web page saved with a spreadsheet's name; open "
                                "it in Excel and save it as .xlsx, then import that.")
                              .format(file=name))
    if start.startswith(b"<?xml"):
        raise ImportFileError(_("{file} is an XML file (perhaps the old Excel 2003 XML "
                                "format); open it in Excel and save it as .xlsx, then import "
                                "that.").format(file=name))
    if start.startswith((b"{\\rtf", b"\x89png", b"\xff\xd8\xff", b"gif8")):
        raise ImportFileError(_("{file} is not a spreadsheet or CSV file.").format(file=name))


def _password_error(path: Path) -> ImportFileError:
    return ImportFileError(_("«{name}» is password-protected; save it without a password "
                             "and import again.").format(name=path.name))


def _open_workbook(path: Path):  # type: ignore[no-untyped-def]
    import python_calamine

    try:
        with path.open("rb") as handle:
            # from_filelike tells the format from the content, whatever the file is called
            return python_calamine.CalamineWorkbook.from_filelike(handle)
    except python_calamine.PasswordError as exc:
        raise _password_error(path) from exc
    except OSError as exc:
        raise _unreadable(f"«{path.name}»", exc) from exc
    except BaseException as exc:  # calamine raises its own errors, or a Rust panic
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        raise _damaged(path, exc) from exc


def _damaged(path: Path, exc: BaseException) -> ImportFileError:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ImportFileError(_(
        "«{name}» cannot be read as a spreadsheet ({detail}). It may be damaged: open it "
        "in Excel or LibreOffice, save it again and import the new copy."
    ).format(name=path.name, detail=detail))


def _visible_sheets(workbook) -> list[str]:  # type: ignore[no-untyped-def]
    """Worksheets a person can see: hidden sheets and chart sheets are not what they mean."""
    import python_calamine

    try:
        return [m.name for m in workbook.sheets_metadata
                if m.visible == python_calamine.SheetVisibleEnum.Visible
                and m.typ == python_calamine.SheetTypeEnum.WorkSheet]
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
                raise ImportFileError(ngettext(
                    "«{name}» has {count} sheet(s); there is no sheet number {number}.",
                    "«{name}» has {count} sheet(s); there is no sheet number {number}.",
                    len(names)).format(name=path.name, count=len(names), number=sheet + 1))
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
    listing = ", ".join(f"«{n}»" for n in names)
    raise ImportFileError(_("«{name}» has no sheet «{sheet}»; its sheets are {sheets}.")
                          .format(name=path.name, sheet=sheet, sheets=listing))


def _read_sheet(path: Path, kind: str, workbook, name: str,  # type: ignore[no-untyped-def]
                names: tuple[str, ...]) -> RawTable:
    try:
        sheet = workbook.get_sheet_by_name(name)
        values = sheet.to_python(skip_empty_area=False)
        merged = getattr(sheet, "merged_cell_ranges", None) or []
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
        rows.append((number, _trim_trailing(cells)))
    return RawTable(path=path, kind=kind, sheet=name, sheet_names=names, rows=rows)


def _fill_merged_down(values: list[list[object]], merged: Sequence[object]) -> None:
    """A cell merged over several rows (an organisation over its people) applies to each row.

    Only vertical merges are filled: a title merged across the top stays one cell, and a header
    merged across two columns does not become two columns of the same name.
    """
    for area in merged:
        try:
            (top, left), (bottom, _right) = area  # type: ignore[misc]
        except (TypeError, ValueError):
            continue
        if bottom <= top or top >= len(values):
            continue
        value = values[top][left] if left < len(values[top]) else ""
        for row in range(top + 1, min(bottom, len(values) - 1) + 1):
            if left < len(values[row]) and values[row][left] in ("", None):
                values[row][left] = value


def _trim_trailing(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end] if end != len(cells) else cells


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


# --- CSV --------------------------------------------------------------------------------------


def _read_csv(path: Path, encoding: str | None, delimiter: str | None) -> RawTable:
    name = f"«{path.name}»"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    text, used_encoding = decode_text(data, encoding, name)
    lines = text.splitlines()
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        # Excel's own hint line, "sep=;", names the delimiter and is not data
        delimiter = delimiter or lines[0].strip()[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        offset = 1
    else:
        offset = 0
    used_delimiter = _check_delimiter(delimiter, name) if delimiter else sniff_delimiter(text)
    rows: list[tuple[int, list[str]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=used_delimiter)
        for number, cells in enumerate(reader, start=1 + offset):
            if any(c.strip() for c in cells):
                rows.append((number, _trim_trailing(cells)))
    except csv.Error as exc:
        raise ImportFileError(_("{file} is not a well-formed CSV file ({error}).")
                              .format(file=name, error=exc)) from exc
    return RawTable(path=path, kind="csv", sheet=None, sheet_names=(), rows=rows,
                    encoding=used_encoding, delimiter=used_delimiter)


def _check_delimiter(delimiter: str, name: str) -> str:
    aliases = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}
    value = aliases.get(delimiter.lower(), delimiter)
    if len(value) != 1 or value in "\"\r\n":
        raise ImportFileError(_("'{delimiter}' cannot separate the columns of {file}; give "
                                "one character such as ; , or tab.")
                              .format(delimiter=delimiter, file=name))
    return value


def decode_text(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with (BOM, else UTF-8, else cp1251)."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise ImportFileError(_("'{encoding}' is not an encoding forumdesk knows; try "
                                    "utf-8, cp1251 or utf-16.").format(encoding=encoding)) \
                from exc
        try:
            return data.decode(encoding).lstrip("\ufeff"), encoding
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("{file} is not in {encoding}: byte {byte} cannot be read "
                                    "that way. Try another encoding.")
                                  .format(file=name, encoding=encoding, byte=exc.start)) \
                from exc
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec
            except UnicodeDecodeError as exc:
                raise ImportFileError(_("{file} says it is {encoding} but is not.")
                                      .format(file=name, encoding=codec)) from exc
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without its BOM
        codec = "utf-16-le" if sample[1::2].count(b"\x00") > sample[::2].count(b"\x00") \
            else "utf-16-be"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ImportFileError(_("{file} is not a text file, nor a spreadsheet forumdesk "
                                "knows.").format(file=name))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Russian Windows and Excel write "ANSI" CSV as cp1251; it maps every byte but 0x98
    try:
        return data.decode("cp1251"), "cp1251"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (>1) of columns."""
    sample_lines = []
    for line in text.splitlines():
        if line.strip():
            sample_lines.append(line)
        if len(sample_lines) >= _SNIFF_LINES:
            break
    sample = "\n".join(sample_lines)
    best, best_score = ",", (0, 0, 0, 0)
    for position, candidate in enumerate(DELIMITERS):
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=candidate)]
        except csv.Error:
            continue
        if not counts:
            continue
        widest = max(counts)
        if widest < 2:
            continue
        modal = max(set(counts), key=lambda n: (counts.count(n), n))
        agree = sum(1 for n in counts if n == modal) if modal > 1 else 0
        # a quote right beside the delimiter shows it is the one the quoting was done for
        quoted = sample.count(f'"{candidate}') + sample.count(f'{candidate}"')
        score = (agree, modal, quoted, -position)
        if score > best_score:
            best, best_score = candidate, score
    return best
