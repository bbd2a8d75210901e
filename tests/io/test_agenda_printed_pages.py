"""Printed by LibreOffice, each part of the agenda has the pages its print setup implies.

The demo agenda is exported with every part and converted to PDF with LibreOffice headless; the
pages of each sheet (told apart by the sheet name the header prints on every page) are counted
and compared with what the workbook itself, as openpyxl reads it, says they should be: paper and
orientation, margins, fit-to-width or scale, print area, repeated title rows, manual row breaks,
row heights and column widths. The paginator here shares no code with the agenda writer.

LibreOffice, where Calibri is missing, measures column widths in the digit of the font it draws
instead (DejaVu Sans on a bare Linux machine: its "0" is 0.636 em), and chooses a whole percent
as the fit-to-width zoom; rows are laid down a page until the next one does not fit whole.
Each conversion gets a LibreOffice profile of its own, so that tests (and engineers) running
at once do not share one.

What the paginator does not model to the point: how LibreOffice packs a long run of tall rows
with no manual break (the door signs with their breaks removed print on 6 pages, the paginator
says 7); the exported sheets break every page themselves, and there it agrees page for page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from forumdesk.db.engine import Database
from forumdesk.io.agenda_labels import PARTS, Lang
from forumdesk.services.demo import DemoResult
from forumdesk.services.exports import ExportOptions, export_agenda
from tests.io.pdf import needs_libreoffice, pdf_text, to_pdf

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
# Paper sizes by openpyxl's paperSize code, in points (portrait).
PAPERS = {"9": (595.28, 841.89), "1": (612.0, 792.0)}
DEFAULT_COLUMN_WIDTH = 8.43


def _digit_points() -> float:
    """The width LibreOffice gives one unit of column width: DejaVu Sans's "0" at 11 points."""
    with TTFont(FONTS / "DejaVuSans.ttf") as font:
        glyph = font.getBestCmap()[ord("0")]
        return font["hmtx"][glyph][0] / font["head"].unitsPerEm * 11


@dataclass(frozen=True)
class Pagination:
    pages: int
    zoom: int  # percent


def expected_pages(ws: Worksheet, digit: float) -> Pagination:
    """The number of pages `ws` prints on, from its own print setup."""
    setup = ws.page_setup
    width, height = PAPERS[str(setup.paperSize or "9")]
    if setup.orientation == "landscape":
        width, height = height, width
    margins = ws.page_margins
    across = width - (margins.left + margins.right) * 72
    down = height - (margins.top + margins.bottom) * 72

    first_col, first_row, last_col, last_row = 1, 1, ws.max_column, ws.max_row
    if ws.print_area:
        area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
        found = re.search(r"\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)", area)
        assert found, area
        first_col = column_index_from_string(found.group(1))
        first_row = int(found.group(2))
        last_col = column_index_from_string(found.group(3))
        last_row = int(found.group(4))

    def column_width(index: int) -> float:
        dimension = ws.column_dimensions.get(get_column_letter(index))
        chars = dimension.width if dimension is not None and dimension.width else None
        return (chars or DEFAULT_COLUMN_WIDTH) * digit

    default_height = ws.sheet_format.defaultRowHeight or 15.0

    def row_height(index: int) -> float:
        dimension = ws.row_dimensions.get(index)
        if dimension is not None and dimension.height is not None:
            return float(dimension.height)
        return float(default_height)

    columns = [column_width(c) for c in range(first_col, last_col + 1)]
    fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    if fit and setup.fitToWidth:
        zoom = min(100, math.floor(100 * across / sum(columns)))
    else:
        zoom = int(setup.scale or 100)
    scale = zoom / 100

    # Pages across: columns laid side by side until the next does not fit.
    pages_across, used = 1, 0.0
    for column in columns:
        if used and used + column * scale > across:
            pages_across += 1
            used = 0.0
        used += column * scale

    titles: list[int] = []
    if ws.print_title_rows:
        top, bottom = (int(n) for n in re.findall(r"\d+", ws.print_title_rows))
        titles = list(range(top, bottom + 1))
    title_height = sum(row_height(r) for r in titles) * scale
    breaks = {b.id for b in ws.row_breaks.brk}

    pages_down, used = 1, 0.0
    for row in range(first_row, last_row + 1):
        height = row_height(row) * scale
        if used and used + height > down:
            pages_down += 1
            used = title_height if row > max(titles, default=0) else 0.0
        used += height
        if row in breaks and row < last_row:
            pages_down += 1
            used = title_height
    return Pagination(pages_down * pages_across, zoom)


def expected_by_sheet(path: Path) -> dict[str, int]:
    digit = _digit_points()
    book = load_workbook(path)
    return {ws.title: expected_pages(ws, digit).pages for ws in book.worksheets}


def printed_by_sheet(pdf: Path, sheets: list[str]) -> dict[str, int]:
    """Pages of the PDF per sheet: each page's header names its sheet at the right."""
    boxes = pdf_text(pdf, "-bbox")
    word = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>')
    counts: Counter[str] = Counter()
    for page in boxes.split("<page ")[1:]:
        words = [(float(x), float(y), text) for x, y, text in word.findall(page)]
        top = min((y for _x, y, _text in words), default=0.0)  # the page header's line
        header = " ".join(text for x, y, text in words if y < top + 3 and x > 250)
        header = header.replace("&amp;", "&").strip()
        named = [s for s in sheets if header.endswith(s)]
        assert named, f"a page whose header names no sheet: {header!r}"
        counts[max(named, key=len)] += 1
    return dict(counts)


def mismatches(expected: dict[str, int], printed: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Sheets whose printed pages differ from the expected: name -> (expected, printed)."""
    return {
        name: (pages, printed.get(name, 0))
        for name, pages in expected.items()
        if printed.get(name, 0) != pages
    }


@pytest.fixture
def every_part(db: Database, demo: DemoResult, tmp_path: Path) -> Path:
    options = ExportOptions(parts=PARTS)
    return export_agenda(db, demo.event.id, tmp_path / "agenda.xlsx", options).path


@needs_libreoffice
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_part_prints_on_the_pages_its_setup_implies(
    db: Database, demo: DemoResult, tmp_path: Path, lang: Lang
) -> None:
    options = ExportOptions(parts=PARTS, lang=lang)
    book = export_agenda(db, demo.event.id, tmp_path / "agenda.xlsx", options).path
    expected = expected_by_sheet(book)
    printed = printed_by_sheet(to_pdf(book, tmp_path / "pdf"), list(expected))
    assert mismatches(expected, printed) == {}, (expected, printed)
    assert sum(printed.values()) == sum(expected.values())
    assert len(expected) >= len(PARTS)  # every part has at least one sheet


@needs_libreoffice
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_programme_page_says_which_day_it_is(
    db: Database, demo: DemoResult, tmp_path: Path, lang: Lang
) -> None:
    """A day longer than a page goes on under its heading, continued: a participant holding
    the second page of Thursday reads "Thursday" on it."""
    options = ExportOptions(parts=("programme",), lang=lang)
    book = export_agenda(db, demo.event.id, tmp_path / "programme.xlsx", options).path
    pdf = to_pdf(book, tmp_path / "pdf")
    pages = pdf_text(pdf, "-layout").split("\f")[:-1]
    days = ("Thursday", "Friday") if lang == "en" else ("Четверг", "Пятница")
    assert len(pages) >= 3  # Thursday runs over two pages
    for number, page in enumerate(pages, start=1):
        assert any(day in page for day in days), f"page {number} names no day"


@needs_libreoffice
def test_a_broken_print_setup_is_reported(every_part: Path, tmp_path: Path) -> None:
    """Without fit-to-width the grid spreads over more pages; without their row breaks the
    door signs run rooms together: the PDF then disagrees with the export's setup."""
    expected = expected_by_sheet(every_part)
    book = load_workbook(every_part)
    grid = next(ws for ws in book.worksheets if ws.title.startswith("Grid"))
    grid.sheet_properties.pageSetUpPr.fitToPage = False
    signs = book["Rooms"]
    assert signs.row_breaks.brk  # a page per room and day
    signs.row_breaks.brk = []
    broken = tmp_path / "broken.xlsx"
    book.save(broken)

    printed = printed_by_sheet(to_pdf(broken, tmp_path / "pdf"), list(expected))
    wrong = mismatches(expected, printed)
    assert set(wrong) == {grid.title, "Rooms"}, wrong
    assert wrong[grid.title][1] > wrong[grid.title][0]
    assert wrong["Rooms"][1] < wrong["Rooms"][0]
    # and the paginator follows the grid's broken setup: its columns over several pages across
    assert expected_by_sheet(broken)[grid.title] == printed[grid.title]
