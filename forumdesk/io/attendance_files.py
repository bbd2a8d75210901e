"""The attendance list (who arrived, where and when) as an Excel workbook or a CSV file.

The rows come from services.checkin.attendance_table; CSV in the flavours of io.csv_export.
Both are written to a temporary name and renamed when complete (io.output_files).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from forumdesk.io.csv_export import CsvFlavour, write_csv
from forumdesk.io.output_files import output_file
from forumdesk.io.xlsx_safety import clean_cell_text, openpyxl_scratch

_WIDTHS = (34, 34, 16, 28, 40, 12, 8, 16)


def write_attendance_xlsx(
    path: Path, title: str, heads: Sequence[str], rows: Sequence[Sequence[object]]
) -> int:
    """One sheet, headings bold and frozen, text kept as text; returns the rows written."""
    with output_file(Path(path)) as temp, openpyxl_scratch():
        workbook = Workbook(write_only=True)
        workbook.properties.title = title
        workbook.properties.creator = "forumdesk"
        sheet = workbook.create_sheet("Attendance")
        sheet.freeze_panes = "A2"
        for index, width in enumerate(_WIDTHS[: len(heads)]):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        bold = Font(bold=True)
        header = []
        for head in heads:
            cell = WriteOnlyCell(sheet, clean_cell_text(head))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, clean_cell_text(str(value)))
                cell.data_type = "s"  # a name like "=Smith" stays text
                cells.append(cell)
            sheet.append(cells)
        workbook.save(temp)
    return len(rows)


def write_attendance_csv(
    path: Path,
    heads: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    delimiter: str = ",",
    flavour: CsvFlavour = "excel",
) -> int:
    return write_csv(path, heads, rows, delimiter=delimiter, flavour=flavour)
