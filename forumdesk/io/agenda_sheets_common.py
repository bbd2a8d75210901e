"""What every sheet of the agenda workbook shares: styles, page setup, rows and their heights.

The workbook is written in openpyxl's write-only (streaming) mode: rows go to disk as they are
made, so a 5,000-person export neither holds every cell in memory nor pays for openpyxl's cell
bookkeeping. Each look (heading, session cell, track block...) is a NamedStyle registered once;
agenda_rows writes the rows' XML, each cell referring to its look's style by number.

Row heights are computed here rather than left to the spreadsheet: Excel does not grow a row to
fit wrapped text it did not type itself, and merged cells never grow at all, so a file that is
to print "with no manual fixing" has to say how tall each row is. Text is measured with the
metrics of the fonts it may be drawn in (font_metrics: Carlito, DejaVu Sans) and wrapped as a
spreadsheet wraps it; tests/io/test_agenda_fit.py checks every cell of exported workbooks.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break, RowBreak

from forumdesk.io.agenda_labels import Labels
from forumdesk.io.agenda_rows import RowWriter
from forumdesk.io.font_metrics import font_face, wrapped_lines
from forumdesk.io.xlsx_safety import sheet_name

# Calibri carries Cyrillic and is on every office machine; LibreOffice uses its metric twin
# Carlito where Calibri is missing, and a Linux desktop with neither DejaVu Sans: the row
# heights computed below are measured in the widest of the three (font_metrics).
FONT_NAME = "Calibri"
PAPER_SIZES = {"A4": "9", "Letter": "1"}
# Paper (width, height) in points, and the margins every sheet gets, in inches.
_PAPER_POINTS = {"A4": (595.3, 841.9), "Letter": (612.0, 792.0)}
_MARGINS = {"left": 0.4, "right": 0.4, "top": 0.75, "bottom": 0.7, "header": 0.3, "footer": 0.3}
# Excel refuses taller rows.
MAX_ROW_HEIGHT = 409.0
_HEADER_TEXT_LIMIT = 100

_THIN = Side(style="thin", color="A6A6A6")
_LIGHT = Side(style="thin", color="D9D9D9")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
LIGHT_BOX = Border(left=_LIGHT, right=_LIGHT, top=_LIGHT, bottom=_LIGHT)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
MIDDLE_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _solid(color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=color, end_color=color)


def _font(
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    color: str = "000000",
    strike: bool = False,
) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color, strike=strike)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: cheap as a key
class Look:
    """A cell style: its NamedStyle name and the font size its row height is computed for."""

    name: str
    size: float
    bold: bool = False
    italic: bool = False


_LOOKS: dict[str, tuple[Font, Alignment, Border | None, PatternFill | None]] = {
    "title": (_font(16, bold=True), MIDDLE_LEFT, None, None),
    "subtitle": (_font(11, color="404040"), MIDDLE_LEFT, None, None),
    "head": (_font(10, bold=True), MIDDLE_LEFT, BOX, _solid("D9D9D9")),
    "head_center": (_font(10, bold=True), CENTER, BOX, _solid("D9D9D9")),
    "day": (_font(12, bold=True, color="FFFFFF"), MIDDLE_LEFT, BOX, _solid("1F4E79")),
    "cell": (_font(10), TOP_LEFT, BOX, None),
    "cell_bold": (_font(10, bold=True), TOP_LEFT, BOX, None),
    "cell_center": (_font(10), Alignment(horizontal="center", vertical="top"), BOX, None),
    "plenary": (_font(10, bold=True), TOP_LEFT, BOX, _solid("DDEBF7")),
    "break": (_font(10, italic=True, color="404040"), TOP_LEFT, BOX, _solid("EDEDED")),
    "muted": (_font(10, color="595959"), TOP_LEFT, BOX, None),
    # a cancelled session: struck through, greyed, still in its place
    "cancelled": (_font(10, color="7F7F7F", strike=True), TOP_LEFT, BOX, None),
    "cancelled_bold": (_font(10, bold=True, color="7F7F7F", strike=True), TOP_LEFT, BOX, None),
    # the People table: Excel's table style bands the rows; the light lines and the shaded
    # heading are for programs that ignore table styles (LibreOffice prints without them)
    "list": (_font(10), TOP_LEFT, Border(bottom=_LIGHT), None),
    # an e-mail address on one line, never broken: its column is made wide enough, and one
    # longer still is shrunk to fit rather than wrapped
    "list_email": (
        _font(10),
        Alignment(horizontal="left", vertical="top", wrap_text=False, shrink_to_fit=True),
        Border(bottom=_LIGHT),
        None,
    ),
    "grid_time": (
        _font(9, bold=True),
        Alignment(horizontal="right", vertical="top"),
        LIGHT_BOX,
        None,
    ),
    # empty grid cells: light sides, and a light line under each labelled quarter hour
    "grid_empty": (_font(9), TOP_LEFT, Border(left=_LIGHT, right=_LIGHT), None),
    "grid_empty_mark": (_font(9), TOP_LEFT, Border(left=_LIGHT, right=_LIGHT, bottom=_LIGHT), None),
    "grid_block": (_font(9), TOP_LEFT, BOX, _solid("FFFFFF")),
    "grid_cancelled": (_font(9, color="7F7F7F", strike=True), TOP_LEFT, BOX, _solid("FFFFFF")),
    "grid_break": (_font(9, italic=True, color="404040"), CENTER, BOX, _solid("EDEDED")),
    "grid_plenary": (_font(9, bold=True), CENTER, BOX, _solid("DDEBF7")),
    # door signs, read from across a corridor: the room's name very large, the sessions in the
    # largest of four sizes that lets the day fit its page (28 points at the least)
    "sign_room": (_font(60, bold=True), MIDDLE_LEFT, None, None),
    "sign_date": (_font(24, color="404040"), MIDDLE_LEFT, None, None),
    **{
        f"sign_title_{size}": (_font(size, bold=True), TOP_LEFT, None, None)
        for size in (40, 36, 32, 28)
    },
    # the time on one line whatever the font: shrunk a little rather than wrapped
    **{
        f"sign_time_{size}": (
            _font(size, bold=True),
            Alignment(horizontal="left", vertical="top", wrap_text=False, shrink_to_fit=True),
            None,
            None,
        )
        for size in (32, 28, 24)
    },
    **{
        f"sign_people_{size}": (_font(size, italic=True, color="404040"), TOP_LEFT, None, None)
        for size in (22, 20, 18, 16)
    },
    # breaks on a door sign: a line in grey, smaller than the sessions
    **{
        f"sign_break_time_{size}": (
            _font(size, italic=True, color="404040"),
            Alignment(horizontal="left", vertical="top", wrap_text=False, shrink_to_fit=True),
            None,
            None,
        )
        for size in (22, 20, 18, 16)
    },
    "signin_title": (_font(14, bold=True), MIDDLE_LEFT, None, None),
    "info": (_font(11), TOP_LEFT, None, None),
    "signin_row": (_font(10), MIDDLE_LEFT, BOX, None),
    "signin_number": (_font(10), CENTER, BOX, None),
}


class Styles:
    """The workbook's NamedStyles, registered on first use; `styles["cell"]` is a Look."""

    PREFIX = "Agenda "

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._looks: dict[str, Look] = {}

    def __getitem__(self, key: str) -> Look:
        look = self._looks.get(key)
        if look is None:
            font, alignment, border, fill = _LOOKS[key]
            look = self._register(key, font, alignment, border, fill)
        return look

    def track(self, color: str | None) -> Look:
        """A grid block in a track's colour (white when the track has none)."""
        if not color:
            return self["grid_block"]
        key = f"track {color.upper()}"
        look = self._looks.get(key)
        if look is None:
            hex_color = color.lstrip("#").upper()
            text = "FFFFFF" if _is_dark(hex_color) else "000000"
            look = self._register(key, _font(9, color=text), TOP_LEFT, BOX, _solid(hex_color))
        return look

    def _register(
        self,
        key: str,
        font: Font,
        alignment: Alignment,
        border: Border | None,
        fill: PatternFill | None,
    ) -> Look:
        style = NamedStyle(name=self.PREFIX + key, font=font, alignment=alignment)
        if border is not None:
            style.border = border
        if fill is not None:
            style.fill = fill
        self._workbook.add_named_style(style)
        look = Look(style.name, font.sz or 11, bool(font.b), bool(font.i))
        self._looks[key] = look
        return look


def _is_dark(hex_color: str) -> bool:
    try:
        red, green, blue = (int(hex_color[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return 0.299 * red + 0.587 * green + 0.114 * blue < 110


# --- measuring text ---------------------------------------------------------------------------


# A column width counts the default font's "0": Calibri 11's, 7 pixels at 96 dpi, 5.25 points.
POINTS_PER_WIDTH = 5.25
# Points of a cell's width its text does not get: the margins either side and the border.
_CELL_MARGINS = 3.0
# Text is measured 3% wider than the fonts say: hinting at print scale, kerning pairs that open.
_WIDTH_MARGIN = 1.03
# Points above and below the text of a row.
_ROW_PADDING = 2.0


def text_room(width: float, size: float) -> float:
    """How many ems of text at `size` points fit on one line of a column `width` wide."""
    return max(0.5, (width * POINTS_PER_WIDTH - _CELL_MARGINS) / (size * _WIDTH_MARGIN))


@functools.lru_cache(maxsize=65_536)  # names and organisations recur on many rows
def text_lines(
    text: str, width: float, size: float = 10, bold: bool = False, italic: bool = False
) -> int:
    """How many lines `text` wraps to in a column `width` characters wide, at `size` points.

    Measured with the advance widths of the workbook's font and its stand-ins, the widest
    of them (font_metrics), wrapped at spaces as a spreadsheet wraps a cell.
    """
    return wrapped_lines(text, text_room(width, size), font_face(FONT_NAME, bold, italic))


# Excel's line pitch for Calibri (its row height for one line at 96 dpi), by point size.
_EXCEL_LINE = {
    8: 11.25,
    9: 12.0,
    10: 12.75,
    11: 15.0,
    12: 15.75,
    14: 18.75,
    16: 21.0,
    20: 26.25,
    36: 46.5,
}


@functools.cache
def line_height(size: float, bold: bool = False, italic: bool = False) -> float:
    """The height of one line of wrapped text at `size` points: Excel's pitch for Calibri or
    the tallest line of the fonts standing in for it, whichever is more."""
    pitch = font_face(FONT_NAME, bold, italic).line * size
    return max(_EXCEL_LINE.get(int(size), size * 1.36), pitch)


def text_height(text: str, width: float, look: Look) -> float:
    """The height a cell of `text` in `look` needs in a column `width` wide (merged: summed)."""
    lines = text_lines(text, width, look.size, look.bold, look.italic)
    return lines * line_height(look.size, look.bold, look.italic) + _ROW_PADDING


def rows_height(cells: Iterable[tuple[object, float, Look | None]], minimum: float = 0.0) -> float:
    """The height a row needs to show each (text, column width, look) without cutting it."""
    needed = minimum
    for text, width, look in cells:
        if text and look is not None and isinstance(text, str):
            needed = max(needed, text_height(text, width, look))
    return min(MAX_ROW_HEIGHT, math.ceil(needed))


# --- building a sheet -------------------------------------------------------------------------


@dataclass
class Book:
    """The workbook being written and what every sheet of it needs to know."""

    workbook: Workbook
    styles: Styles
    labels: Labels
    paper: str
    event_name: str
    sheet_names: set[str] = field(default_factory=set)
    # which version of the programme every page shows ("Version 3 · 12.05.2027 14:02")
    stamp: str | None = None

    def page_height(self, landscape: bool, widths: Sequence[float]) -> float:
        """How many points of rows fit on one printed page of a sheet with these columns.

        Fit-to-width shrinks a sheet wider than the paper, and then more rows fit a page; 4%
        are kept in hand for the difference between Excel's and LibreOffice's arithmetic.
        """
        width, height = _PAPER_POINTS[self.paper]
        if landscape:
            width, height = height, width
        across = width - (_MARGINS["left"] + _MARGINS["right"]) * 72
        down = height - (_MARGINS["top"] + _MARGINS["bottom"]) * 72
        sheet_width = sum(w * 7 + 5 for w in widths) * 0.75  # pixels at 96 dpi, in points
        scale = min(1.0, across / sheet_width) if sheet_width else 1.0
        return down / scale * 0.96


class SheetBuilder:
    """One worksheet, written row by row, set up to print: paper, fit to width, header, footer."""

    def __init__(
        self,
        book: Book,
        title: str,
        widths: Sequence[float],
        *,
        landscape: bool,
        freeze: str | None = None,
        title_rows: tuple[int, int] | None = None,
        gridlines: bool = False,
        row_height: float = 15.0,
    ) -> None:
        self.book = book
        self.row_height = row_height  # rows of this height are written without one of their own
        self.styles = book.styles
        self.widths = list(widths)
        self.name = sheet_name(title, book.sheet_names)
        self.sheet: WriteOnlyWorksheet = book.workbook.create_sheet(self.name)
        self.row = 0
        self._breaks: list[int] = []
        # Merged ranges and page breaks are collected and handed over at the end: openpyxl's
        # add() checks each new one against all the others, which turns thousands quadratic.
        self._merges: list[CellRange] = []
        ws = self.sheet
        # In write-only mode columns and panes must be set before the first row.
        for index, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            ws.freeze_panes = freeze
        ws.sheet_view.showGridLines = gridlines
        ws.sheet_format.defaultRowHeight = row_height
        ws.sheet_format.customHeight = row_height != 15.0
        ws.print_options.gridLines = False
        ws.page_setup.paperSize = PAPER_SIZES[book.paper]
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(**_MARGINS)
        if title_rows:
            ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
        self._header_footer()
        # Last: from here on the top of the sheet (columns, panes) may already be written.
        self._rows = RowWriter(ws, row_height)

    def _header_footer(self) -> None:
        labels = self.book.labels
        name = self.book.event_name
        if len(name) > _HEADER_TEXT_LIMIT:
            name = name[: _HEADER_TEXT_LIMIT - 1] + "…"
        ws = self.sheet
        # "&" starts a code in headers and footers: a literal one is doubled.
        ws.oddHeader.left.text = name.replace("&", "&&")
        ws.oddHeader.right.text = "&A"
        ws.oddFooter.left.text = labels["printed"]
        ws.oddFooter.right.text = labels["page_of"]
        footers = [ws.oddFooter.left, ws.oddFooter.right]
        if self.book.stamp:
            ws.oddFooter.center.text = self.book.stamp.replace("&", "&&")
            footers.append(ws.oddFooter.center)
        for item in (ws.oddHeader.left, ws.oddHeader.right, *footers):
            item.size = 8
            item.font = f"{FONT_NAME},Regular"
            item.color = "595959"

    def add(
        self,
        values: Sequence[object],
        looks: Sequence[Look | None] | None = None,
        height: float | None = None,
    ) -> int:
        """Append a row of values, each in its look (None: unstyled); returns its row number."""
        self.row += 1
        self._rows.append(
            self.row, values, [None] * len(values) if looks is None else looks, height
        )
        return self.row

    def add_styled(
        self, values: Sequence[object], looks: Sequence[Look | None], height: float | None = None
    ) -> int:
        return self.add(values, looks, height)

    def fit_height(
        self,
        values: Sequence[object],
        looks: Sequence[Look | None],
        minimum: float = 0.0,
        widths: Sequence[float] | None = None,
    ) -> float:
        """The height a row of these values needs in this sheet's columns."""
        return rows_height(zip(values, widths or self.widths, looks, strict=False), minimum)

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        if first_row == last_row and first_col == last_col:
            return
        self._merges.append(
            CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row)
        )

    def page_break(self) -> None:
        """Start a new printed page after the last row written."""
        if self.row and (not self._breaks or self._breaks[-1] != self.row):
            self._breaks.append(self.row)

    def finish(self) -> None:
        """Hand over the merged ranges and set the print area to what was written."""
        self.sheet.merged_cells = MultiCellRange(self._merges)
        # Likewise the page breaks: RowBreak.append() re-checks every break already there.
        self.sheet.row_breaks = RowBreak(brk=[Break(id=row) for row in self._breaks])
        if self.row:
            self.sheet.print_area = f"A1:{get_column_letter(len(self.widths))}{self.row}"


def fitted_widths(
    columns: Sequence[Sequence[str]], minimum: Sequence[float], maximum: Sequence[float]
) -> list[float]:
    """Column widths that fit their longest line, between a minimum and a maximum each."""
    widths = []
    for texts, low, high in zip(columns, minimum, maximum, strict=True):
        longest = max((len(line) for text in texts for line in text.split("\n")), default=0)
        widths.append(max(low, min(high, longest * 1.05 + 2)))
    return widths
