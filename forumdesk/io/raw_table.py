"""What reading a file gives (RawTable: rows of text), what can go wrong with one row
(RowProblem) and with the whole file (ImportFileError): shared by the spreadsheet and CSV readers
(forumdesk.io.tables, forumdesk.io.csv_reading) and everything that imports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.i18n import _, foreign_detail


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
        """ "Sheet «Лист1», row 12, column «E-mail»" (no sheet for CSV files)."""
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
        return (
            _("{file}, sheet «{sheet}»").format(file=name, sheet=self.sheet) if self.sheet else name
        )


def unreadable(name: str, exc: OSError) -> ImportFileError:
    """What the user is told when the system refuses to read the file: the system's own words
    (English) only while messages are in English."""
    if isinstance(exc, PermissionError):
        return ImportFileError(_("{file} cannot be opened: permission denied.").format(file=name))
    reason = str(exc.strerror or exc)
    return ImportFileError(
        _("{file} cannot be read{reason}.").format(file=name, reason=foreign_detail(reason))
    )


def trim_trailing(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end] if end != len(cells) else cells
