"""Every cell of the agenda workbook prints whole, in the font it names and in its stand-ins.

The checker here is the agenda code's referee, so it shares none of its code: it reads the
fonts in resources/fonts/ with fontTools itself, wraps text with its own routine (whole lines
measured, not word sums), and reads the exported file back with openpyxl, taking each cell's
font, wrapping, merged range, column widths and row heights from the file as a spreadsheet
program would. A cell whose text needs more height than its row (or rows) have, in Carlito
(Calibri's metric twin) or DejaVu Sans (what a Linux desktop draws Calibri in when it has
neither), is reported; so is a cell that does not wrap and whose text is wider than its column.

A column's width counts digits of the default font (Calibri 11: 7 pixels in Excel), and
LibreOffice counts them in the font it draws instead: with DejaVu Sans the columns widen by
its "0" over Carlito's (what the demo agenda rendered on a DejaVu-only desktop shows). The
checker gives each stand-in that room. Excel's and LibreOffice's sums are not the checker's to
the last point: it gives a cell a point's margin either side and counts a line as the font's
ascent, descent and line gap.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from bench.generator import generate_database
from forumdesk.config import resolve_database_url
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import resolve_event, update_event
from forumdesk.services.exports import ExportOptions, export_agenda

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
# What the named font may be drawn in, by (bold, italic).
STAND_INS = {
    "Calibri": [
        {(False, False): "Carlito-Regular.ttf", (True, False): "Carlito-Bold.ttf",
         (False, True): "Carlito-Italic.ttf"},
        {(False, False): "DejaVuSans.ttf", (True, False): "DejaVuSans-Bold.ttf",
         (False, True): "DejaVuSans-Oblique.ttf"},
    ],
}  # fmt: skip
POINTS_PER_CHARACTER = 7 * 72 / 96  # a column width unit: 7 pixels at 96 dpi
CELL_MARGIN = 1.0  # points either side of a cell's text


@dataclass(eq=False)  # hashed by identity: a key of the wrap cache
class Measure:
    """One font file at one size: advance widths and line pitch, in points."""

    advances: dict[int, float]
    unknown: float
    line: float
    column_scale: float  # how much wider a column is when drawn in this face than in Calibri

    def width(self, text: str) -> float:
        return sum(self.advances.get(ord(c), self.unknown) for c in text)


@functools.cache
def _font_file(name: str) -> tuple[dict[int, float], float]:
    """Advances per code point in ems, and the line pitch (hhea, or OS/2 win if taller)."""
    with TTFont(FONTS / name) as font:
        units = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        advances = {code: hmtx[glyph][0] / units for code, glyph in font.getBestCmap().items()}
        hhea, os2 = font["hhea"], font["OS/2"]
        line = max(hhea.ascent - hhea.descent + hhea.lineGap, os2.usWinAscent + os2.usWinDescent)
    return advances, line / units


@functools.cache
def measures(name: str, size: float, bold: bool, italic: bool) -> list[Measure]:
    out = []
    calibri_zero = _font_file(STAND_INS[name][0][(False, False)])[0][ord("0")]
    for files in STAND_INS[name]:
        advances, line = _font_file(files.get((bold, italic)) or files[(bold, False)])
        zero = _font_file(files[(False, False)])[0][ord("0")]
        out.append(
            Measure(
                {k: v * size for k, v in advances.items()}, size, line * size, zero / calibri_zero
            )
        )
    return out


@functools.lru_cache(maxsize=100_000)  # names and organisations recur
def wrap(text: str, room: float, measure: Measure) -> list[str]:
    """The lines a spreadsheet shows: break at spaces, a word too long broken anywhere."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if measure.width(candidate) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for char in word:
                if line and measure.width(line + char) > room:
                    lines.append(line)
                    line = ""
                line += char
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Misfit:
    sheet: str
    cell: str
    font: str
    needed: float
    has: float
    text: str

    def __str__(self) -> str:
        return (
            f"{self.sheet}!{self.cell} in {self.font}: needs {self.needed:.1f} pt, "
            f"has {self.has:.1f}: {self.text[:60]!r}"
        )


def misfits(book: Workbook) -> Iterator[Misfit]:
    """Each cell whose text does not fit its row's height (or, unwrapped, its column)."""
    for ws in book.worksheets:
        yield from _sheet_misfits(ws)


def _sheet_misfits(ws: Worksheet) -> Iterator[Misfit]:
    default_height = ws.sheet_format.defaultRowHeight or 15.0
    column_widths: dict[int, float] = {}

    def column_width(col: int) -> float:
        if col not in column_widths:
            dim = ws.column_dimensions.get(get_column_letter(col))
            column_widths[col] = dim.width if dim is not None and dim.width else 8.43
        return column_widths[col]

    def row_height(row: int) -> float:
        dim = ws.row_dimensions.get(row)
        return dim.height if dim is not None and dim.height is not None else default_height

    spans = {(r.min_row, r.min_col): (r.max_row, r.max_col) for r in ws.merged_cells.ranges}
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value.strip():
                continue
            last_row, last_col = spans.get((cell.row, cell.column), (cell.row, cell.column))
            width = sum(column_width(c) for c in range(cell.column, last_col + 1))
            height = sum(row_height(r) for r in range(cell.row, last_row + 1))
            font = cell.font
            for measure in measures(font.name, font.sz, bool(font.b), bool(font.i)):
                room = width * POINTS_PER_CHARACTER * measure.column_scale - 2 * CELL_MARGIN
                if cell.alignment.wrap_text:
                    lines = wrap(cell.value, room, measure)
                else:
                    lines = cell.value.split("\n")
                    widest = max(measure.width(line) for line in lines)
                    if widest > room:
                        yield Misfit(
                            ws.title,
                            cell.coordinate,
                            f"{font.name} width",
                            widest,
                            room,
                            cell.value,
                        )
                needed = len(lines) * measure.line
                if needed > height:
                    yield Misfit(ws.title, cell.coordinate, font.name, needed, height, cell.value)


def _check(path: Path) -> None:
    found = [str(m) for m in misfits(load_workbook(path))]
    assert not found, f"{len(found)} cells do not fit:\n" + "\n".join(found[:20])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_demo_agenda_prints_whole(
    db: Database, demo: DemoResult, tmp_path: Path, lang: str
) -> None:
    path = export_agenda(db, demo.event.id, tmp_path / "agenda.xlsx", ExportOptions(lang=lang)).path
    _check(path)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Forums S, M and L of the benchmark's generator, one database each (made once)."""
    folder = tmp_path_factory.mktemp("forums")
    paths = {}
    for size in ("S", "M", "L"):
        paths[size] = folder / f"{size}.sqlite3"
        generate_database(paths[size], size)
    return paths


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", ["S", "M", "L"])
def test_generated_agendas_print_whole(
    generated: dict[str, Path], tmp_path: Path, size: str, lang: str
) -> None:
    db = open_database(resolve_database_url(str(generated[size])))
    try:
        event_id = resolve_event(db).id
        path = export_agenda(db, event_id, tmp_path / "a.xlsx", ExportOptions(lang=lang)).path
    finally:
        db.dispose()
    _check(path)


def test_a_long_event_name_wraps_in_the_title_rows(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    long_name = " ".join(["International Anti-Counterfeiting and Intellectual Property Forum"] * 3)
    update_event(db, demo.event.id, {"name": long_name}, expected_version=demo.event.version)
    path = export_agenda(db, demo.event.id, tmp_path / "agenda.xlsx").path
    book = load_workbook(path)
    for ws in book.worksheets:
        if ws.title.startswith(("Programme", "Grid")):
            title = ws["A1"]
            assert long_name in str(title.value)
            assert title.alignment.wrap_text
            assert any(r.min_row == 1 and r.min_col == 1 and r.max_col > 1 for r in ws.merged_cells)
    assert not [str(m) for m in misfits(book)]


# --- the checker can fail -----------------------------------------------------------------


def test_the_checker_reports_a_row_shrunk_under_its_text(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    path = export_agenda(db, demo.event.id, tmp_path / "agenda.xlsx").path
    book = load_workbook(path)
    ws = book["Programme"]
    # the opening plenary's row: the tallest of the first day
    row = max(range(5, 12), key=lambda r: ws.row_dimensions[r].height or 0)
    ws.row_dimensions[row].height *= 0.7  # the last speakers cut off, as issue 15 found them
    found = list(misfits(book))
    assert found and {m.sheet for m in found} == {"Programme"}
    assert {int("".join(filter(str.isdigit, m.cell))) for m in found} == {row}


def test_the_checker_reports_a_narrowed_column_and_a_title_cut_off(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    path = export_agenda(db, demo.event.id, tmp_path / "agenda.xlsx").path
    book = load_workbook(path)
    ws = book["Programme"]
    ws.column_dimensions["A"].width = 5  # "10:00–12:00" no longer fits on its lines
    ws.row_dimensions[1].height = 10  # the title in less than one line
    grid = book["Grid Thu 25 Nov"]
    grid.column_dimensions["A"].width = 3  # the time labels do not wrap: "08:30" sticks out
    found = list(misfits(book))
    cells = {m.cell for m in found if m.sheet == "Programme"}
    assert "A1" in cells
    assert any(cell.startswith("A") and cell != "A1" for cell in cells)
    assert "Calibri width" in {m.font for m in found if m.sheet == grid.title}


def test_the_checker_measures_the_stand_in_that_is_wider() -> None:
    """DejaVu Sans sets Calibri's text a quarter wider than Carlito does (and its columns)."""
    carlito, dejavu = measures("Calibri", 10, False, False)
    text = "Громов Виктор Андреевич, Eurasian Patent Organization"
    assert dejavu.width(text) > 1.15 * carlito.width(text)
    assert carlito.column_scale == 1 and 1.2 < dejavu.column_scale < 1.3
    assert len(wrap(text, carlito.width(text), dejavu)) == 2
    assert wrap("a b", 1000, carlito) == ["a b"]
    assert wrap("x" * 30, carlito.width("x" * 10), carlito) == ["x" * 10] * 3
