"""Tests for the agenda workbook's row writer (forumdesk/io/agenda_rows.py).

RowWriter writes the common cells of a row as XML text itself and leaves the rest to openpyxl.
These tests hold it to writing exactly what openpyxl's own path writes for the same rows, byte
for byte (sheets and styles), on awkward values and on a whole agenda, and read the values back.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from forumdesk.db.engine import Database
from forumdesk.io import agenda_rows
from forumdesk.io.agenda_labels import Labels
from forumdesk.io.agenda_sheets_common import Book, SheetBuilder, Styles
from forumdesk.io.agenda_xlsx import write_agenda_workbook
from forumdesk.services.agenda import load_agenda
from forumdesk.services.demo import DemoResult

# The three ways a row reaches the file: as text (the usual way), as cells through the sheet
# writer's hook (an XML writer that takes no text, as with lxml), and through openpyxl's public
# path alone (an openpyxl without the hooks).
MODES = ("text", "hooked cells", "standard")


def _use(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if mode == "hooked cells":
        monkeypatch.setattr(agenda_rows, "_raw_writer", lambda xf: None)
    elif mode == "standard":
        monkeypatch.setattr(agenda_rows.RowWriter, "_install", lambda self: False)


def _parts(path: Path) -> dict[str, bytes]:
    """The workbook's sheets and styles (the rest carries the time it was written)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") or name == "xl/styles.xml"
        }


LONG = "z" * 40_000
ROWS: list[tuple[list[object], list[str | None], float | None]] = [
    (["plain", " leading", "trailing\n", 'a & b < c > d "q"'], ["cell"] * 4, 30),
    (["=SUM(A1)", "+7", "-", "@x"], ["cell", None, "cell_bold", None], None),
    ([None, None, "", ""], ["cell", None, "cell", None], 18),
    ([1, 10**17, -5, 0], ["cell", None, "cell", "cell"], 18),
    (["#N/A", "#DIV/0!", 2.5, True], ["cell"] * 4, 24),
    ([dt.date(2027, 5, 12), dt.datetime(2027, 5, 12, 9, 30), "x\x01y", LONG], ["cell"] * 4, None),
    (["Ёлка\r\nконец", "\t tab", "two\nlines", "   "], ["cell"] * 4, 409),
    (["after the date", 3, None, "=1"], ["cell"] * 4, 30),
    ([], [], 8),
    (["alone"], ["title"], 26),
]


def _write_awkward(path: Path) -> None:
    workbook = Workbook(write_only=True)
    book = Book(workbook, Styles(workbook), Labels("en"), "A4", "Forum & <Co>")
    sheet = SheetBuilder(book, "Awkward", [10, 20, 30, 12], landscape=True, row_height=18)
    for values, looks, height in ROWS:
        sheet.add(values, [None if name is None else book.styles[name] for name in looks], height)
    sheet.finish()
    workbook.save(path)


@pytest.mark.parametrize("mode", MODES[1:])
def test_awkward_values_are_written_as_openpyxl_writes_them(
    mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_awkward(tmp_path / "text.xlsx")
    with monkeypatch.context() as patched:
        _use(mode, patched)
        _write_awkward(tmp_path / "other.xlsx")
    assert _parts(tmp_path / "text.xlsx") == _parts(tmp_path / "other.xlsx")


@pytest.mark.parametrize("mode", MODES)
def test_awkward_values_read_back(
    mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(mode, monkeypatch)
    path = tmp_path / "awkward.xlsx"
    _write_awkward(path)
    ws = load_workbook(path)["Awkward"]
    values = [list(row) for row in ws.iter_rows(values_only=True)]
    assert values[0] == ["plain", " leading", "trailing\n", 'a & b < c > d "q"']
    assert values[1] == ["=SUM(A1)", "+7", "-", "@x"]  # text, never formulas
    assert ws["A2"].data_type == "s" and ws["A2"].quotePrefix
    assert values[2] == [None, None, None, None]
    assert values[3] == [1, 10**17, -5, 0]
    assert values[4][2:] == [2.5, True]
    assert values[5][0] == dt.datetime(2027, 5, 12, 0, 0)
    assert values[5][1] == dt.datetime(2027, 5, 12, 9, 30)
    assert values[5][2] == "xy"
    assert len(values[5][3]) == 32_767 and values[5][3].endswith("…")
    assert values[6] == ["Ёлка\nконец", "\t tab", "two\nlines", "   "]
    # A date's number format stays on its own cell, not on the look's later cells.
    assert ws["A8"].number_format == "General"
    assert ws["A6"].number_format != "General"
    assert values[7][:3] == ["after the date", 3, None]
    assert values[9][0] == "alone"
    heights = {row: ws.row_dimensions[row].height for row in (1, 2, 3, 7, 9, 10)}
    assert heights == {1: 30, 2: None, 3: None, 7: 409, 9: 8, 10: 26}
    assert ws["A1"].font.name == "Calibri" and ws["A1"].border.left.style == "thin"
    assert ws["B2"].border.left.style is None  # unstyled
    assert ws["C2"].font.b


@pytest.mark.parametrize("mode", MODES[1:])
def test_a_whole_agenda_is_the_same_file_either_way(
    mode: str, db: Database, demo: DemoResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = load_agenda(db, demo.event.id)
    write_agenda_workbook(data, tmp_path / "text.xlsx", lang="ru")
    with monkeypatch.context() as patched:
        _use(mode, patched)
        write_agenda_workbook(data, tmp_path / "other.xlsx", lang="ru")
    text, other = _parts(tmp_path / "text.xlsx"), _parts(tmp_path / "other.xlsx")
    assert sum(name.startswith("xl/worksheets/sheet") for name in text) == 7
    assert text == other


def test_the_text_path_is_the_one_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With openpyxl's standard writer (et_xmlfile), rows go out as text, not as cells."""
    calls: list[int] = []
    original = agenda_rows.RowWriter._row_xml

    def counting(self: agenda_rows.RowWriter, *args: object) -> str:
        calls.append(1)
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(agenda_rows.RowWriter, "_row_xml", counting)
    _write_awkward(tmp_path / "awkward.xlsx")
    assert len(calls) == len(ROWS)


def test_values_and_looks_must_pair_up(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    book = Book(workbook, Styles(workbook), Labels("en"), "A4", "Forum")
    sheet = SheetBuilder(book, "Sheet", [10, 10], landscape=False)
    with pytest.raises(ValueError, match="2 values but 1 looks"):
        sheet.add(["a", "b"], [book.styles["cell"]])
