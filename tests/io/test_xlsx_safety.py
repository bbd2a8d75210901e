"""Tests for forumdesk/io/xlsx_safety.py: formula injection, sheet names, openpyxl's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from forumdesk.io.xlsx_safety import (
    MAX_CELL_TEXT,
    clean_cell_text,
    csv_field,
    is_formula_like,
    openpyxl_scratch,
    sheet_name,
)

# --- formula injection ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+7 701 555 00 00",
        "-2+3",
        "@SUM(A1:A9)",
        "\tcmd",
        "\rcmd",
        '=HYPERLINK("http://x","y")',
    ],
)
def test_text_a_spreadsheet_would_evaluate_is_recognised(text: str) -> None:
    assert is_formula_like(text)
    assert csv_field(text) == "'" + text


@pytest.mark.parametrize("text", ["Hall A", "a=b", "Иванов", "", " =1", "10:00–12:00"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert not is_formula_like(text)
    assert csv_field(text) == text


def test_csv_field_writes_none_as_empty_and_numbers_as_text() -> None:
    assert csv_field(None) == ""
    assert csv_field(12) == "12"
    assert csv_field(-5) == "'-5"  # a negative number is text in a CSV of names


def test_clean_cell_text_drops_control_characters_and_caps_length() -> None:
    assert clean_cell_text("a\x00b\x07c\nd\te") == "abc\nd\te"
    long = "x" * (MAX_CELL_TEXT + 10)
    cleaned = clean_cell_text(long)
    assert len(cleaned) == MAX_CELL_TEXT and cleaned.endswith("…")


# --- sheet names ------------------------------------------------------------------------------


def test_sheet_names_lose_forbidden_characters_and_fit_31_characters() -> None:
    taken: set[str] = set()
    name = sheet_name("Grid [day 1]: rooms A/B * C? \\ D — a very long name indeed", taken)
    assert len(name) <= 31
    assert not set(name) & set("[]:*?/\\")
    assert name in taken


def test_sheet_names_are_unique_ignoring_case_cyrillic_included() -> None:
    taken: set[str] = set()
    first = sheet_name("Зал А", taken)
    second = sheet_name("зал а", taken)
    third = sheet_name("ЗАЛ А", taken)
    assert first == "Зал А"
    assert len({first.casefold(), second.casefold(), third.casefold()}) == 3


def test_sheet_names_that_excel_refuses_are_replaced() -> None:
    taken: set[str] = set()
    assert sheet_name("''", taken) == "Sheet"
    assert sheet_name("   ", taken) == "Sheet (2)"
    assert sheet_name("'quoted'", taken) == "quoted"
    assert sheet_name("History", taken).casefold() != "history"


def test_a_long_duplicate_name_keeps_its_number_within_31_characters() -> None:
    taken: set[str] = set()
    names = [sheet_name("Личные программы участников форума 2027", taken) for _ in range(12)]
    assert len({n.casefold() for n in names}) == 12
    assert all(len(n) <= 31 for n in names)
    assert names[11].endswith("(12)")


@given(st.lists(st.text(max_size=60), min_size=1, max_size=8))
def test_any_names_become_valid_unique_sheet_names(wanted: list[str]) -> None:
    taken: set[str] = set()
    names = [sheet_name(w, taken) for w in wanted]
    for name in names:
        assert 1 <= len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'")
    assert len({n.casefold() for n in names}) == len(names)


# --- openpyxl's working files ------------------------------------------------------------------


def test_openpyxl_streams_sheets_into_our_scratch_folder_and_it_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_temp = tmp_path / "tmp"
    system_temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(system_temp))
    with openpyxl_scratch() as folder:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Programme")
        sheet.append(["10:00", "Opening"])
        streamed = list(folder.iterdir())
        assert [p.name.startswith("openpyxl.") for p in streamed] == [True]
        assert folder.parent.parent == system_temp  # tmp/forumdesk-UID/PID-TOKEN
        workbook.save(tmp_path / "book.xlsx")
    assert not folder.exists()
    assert [p.name for p in system_temp.iterdir()] == [folder.parent.name]
    assert list(folder.parent.iterdir()) == []
