"""Tests for forumdesk/io/xlsx_safety.py: formula injection, sheet names, safe file writing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forumdesk.core.errors import StorageError, ValidationError
from forumdesk.io import xlsx_safety
from forumdesk.io.xlsx_safety import (
    MAX_CELL_TEXT,
    atomic_target,
    clean_cell_text,
    csv_field,
    is_formula_like,
    is_locked_error,
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


# --- writing files ----------------------------------------------------------------------------


def test_atomic_target_replaces_the_file_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old")
    with atomic_target(target) as temp:
        assert temp.parent == tmp_path and temp != target
        temp.write_bytes(b"new")
        assert target.read_bytes() == b"old"  # not yet
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.xlsx"]


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old contents")
    with pytest.raises(RuntimeError), atomic_target(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("the writer broke")
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.xlsx"]


def test_a_failure_without_a_previous_file_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.xlsx"
    with pytest.raises(KeyboardInterrupt), atomic_target(target):
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_gets_a_message_naming_it(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "agenda.xlsx"
    with pytest.raises(StorageError) as caught, atomic_target(target):
        pass
    assert "no such folder" in str(caught.value) and "agenda.xlsx" in str(caught.value)


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="is a folder"), atomic_target(tmp_path):
        pass


def _sharing_violation(*_args: object) -> None:
    error = PermissionError(
        13, "The process cannot access the file because it is being used by another process"
    )
    error.winerror = 32  # type: ignore[attr-defined]  # what Windows reports when Excel has it
    raise error


def test_a_target_open_in_excel_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"the file Excel shows")
    monkeypatch.setattr(os, "replace", _sharing_violation)
    with pytest.raises(StorageError) as caught, atomic_target(target) as temp:
        temp.write_bytes(b"new")
    assert str(caught.value) == (
        "«agenda.xlsx» is open in another program (Excel?). Close it there and export again."
    )
    assert target.read_bytes() == b"the file Excel shows"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.xlsx"]


def test_a_locked_target_is_found_before_the_work_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"x")
    real_open = Path.open

    def locked_open(self: Path, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == target and "+" in mode:
            _sharing_violation()
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", locked_open)
    with pytest.raises(StorageError, match="open in another program"):
        xlsx_safety.check_target(target)


def test_locked_errors_are_told_apart_from_other_permission_errors() -> None:
    windows = PermissionError(13, "denied")
    windows.winerror = 32  # type: ignore[attr-defined]
    assert is_locked_error(windows)
    if os.name != "nt":
        assert not is_locked_error(PermissionError(13, "denied"))
    assert not is_locked_error(FileNotFoundError(2, "missing"))


def test_a_full_disk_is_reported_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StorageError, match="disk is full"), atomic_target(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"old"
