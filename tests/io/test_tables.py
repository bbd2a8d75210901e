"""Reading spreadsheets and CSV files into rows of text (forumdesk.io.tables)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from forumdesk.core.i18n import set_language
from forumdesk.core.text import is_cyrillic
from forumdesk.io.tables import ImportFileError, cell_text, read_table, sheet_names
from tests.io.spreadsheets import (
    ATTENDEE_HEADER,
    ATTENDEES,
    write_csv,
    write_encrypted_xlsx,
    write_ods,
    write_xls,
    write_xlsx,
)

ROWS = [ATTENDEE_HEADER, *ATTENDEES]


def test_xlsx_keeps_row_numbers_below_a_merged_title_and_phones_lose_their_decimal(
    tmp_path: Path,
) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", ROWS, title="Список участников форума")
    table = read_table(path)
    assert table.kind == "xlsx" and table.sheet == "Участники"
    numbers = [number for number, _cells in table.rows]
    assert numbers == [1, 3, 4, 5, 6]  # row 2 is blank and skipped, numbering stays Excel's
    assert table.rows[1][1] == ATTENDEE_HEADER
    assert table.rows[2][1][7] == "87015550001"


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("cp1251", ";"),
        ("utf-8-sig", ","),
        ("utf-16", "\t"),
        ("utf-8", ";"),
        ("utf-8", "|"),
    ],
)
def test_csv_encoding_and_delimiter_are_detected(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "list.csv", ROWS, encoding=encoding, delimiter=delimiter)
    table = read_table(path)
    assert table.delimiter == delimiter
    assert table.rows[0][1] == ATTENDEE_HEADER
    assert table.rows[1][1][0] == "Иванов"
    assert table.encoding is not None and table.encoding.replace("-", "").startswith(
        encoding.replace("-", "")[:5]
    )


def test_csv_detection_can_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text('"a;b",c\n"d;e",f\n', encoding="utf-8")
    assert read_table(path).rows[0][1] == ["a;b", "c"]
    assert read_table(path, delimiter="comma").rows[0][1] == ["a;b", "c"]
    assert read_table(path, delimiter="|").rows[0][1] == ["a;b,c"]
    koi = write_csv(
        tmp_path / "koi.csv",
        [["ФИО", "Почта"], ["Иванов", "a@b.kz"]],
        encoding="koi8-r",
        delimiter=";",
    )
    assert read_table(koi, encoding="koi8-r").rows[1][1] == ["Иванов", "a@b.kz"]
    with pytest.raises(ImportFileError, match="not an encoding"):
        read_table(koi, encoding="klingon")


def test_excel_sep_hint_line_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("sep=;\nФИО;E-mail\nИванов Иван;i@x.kz\n", encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == ";"
    assert table.rows == [(2, ["ФИО", "E-mail"]), (3, ["Иванов Иван", "i@x.kz"])]


def test_ods_and_xls_are_read_like_xlsx(tmp_path: Path) -> None:
    ods = read_table(write_ods(tmp_path / "list.ods", ROWS))
    xls = read_table(write_xls(tmp_path / "list.xls", ROWS))
    assert ods.kind == "ods" and xls.kind == "xls"
    assert ods.rows[1][1] == xls.rows[1][1]
    assert xls.rows[1][1][7] == "87015550001"


def test_the_content_decides_the_format_not_the_name(tmp_path: Path) -> None:
    disguised = tmp_path / "really-csv.xls"
    write_csv(disguised, ROWS, delimiter=";")
    assert read_table(disguised).kind == "csv"
    renamed = tmp_path / "really-xlsx.csv"
    renamed.write_bytes(write_xlsx(tmp_path / "x.xlsx", ROWS).read_bytes())
    assert read_table(renamed).kind == "xlsx"


def test_sheet_is_chosen_by_name_and_hidden_sheets_are_not_listed(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", [["Итого"]], extra_sheets={"Список": ROWS})
    assert sheet_names(path) == ["Участники", "Список"]
    assert read_table(path, sheet="список").sheet == "Список"
    with pytest.raises(ImportFileError, match="no sheet «Нет»; its sheets are"):
        read_table(path, sheet="Нет")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"%PDF-1.4 binary", "PDF"),
        (b"<!DOCTYPE html><html><table></table></html>", "web page"),
        (b"PK\x03\x04garbage that is no zip", "damaged"),
        (b"\x00\x01\x02\x03binary\x00\x00stuff", "not a text file"),
    ],
)
def test_files_that_are_not_tables_get_a_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "attendees.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message) as caught:
        read_table(path)
    assert "«attendees.xlsx»" in str(caught.value)


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = write_encrypted_xlsx(tmp_path / "attendees.xlsx", ROWS)
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    assert str(caught.value) == (
        "«attendees.xlsx» is password-protected; save it without a password and import again."
    )


def _encrypted_xls(path: Path) -> Path:
    """An .xls whose workbook stream has a FILEPASS record after its BOF, as Excel writes a
    workbook saved with a password (the record's body is not needed to tell it)."""
    write_xls(path, ROWS)
    data = bytearray(path.read_bytes())
    bof = data.find(b"\x09\x08\x10\x00\x00\x06\x05\x00", 512)
    assert bof % 512 == 0
    data[bof + 20 : bof + 22] = b"\x2f\x00"  # the record after BOF becomes FILEPASS
    path.write_bytes(bytes(data))
    return path


def _encrypted_ods(path: Path) -> Path:
    """An .ods saved with a password: its manifest describes the encryption of content.xml."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="x"/>'
        "</manifest:encryption-data></manifest:file-entry></manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", bytes(range(256)) * 8)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


@pytest.mark.parametrize("make", [_encrypted_xls, _encrypted_ods], ids=["xls", "ods"])
def test_password_protected_xls_and_ods_say_so(tmp_path: Path, make: Any) -> None:
    path = make(tmp_path / f"attendees.{make.__name__[-3:]}")
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    assert str(caught.value) == (
        f"«{path.name}» is password-protected; save it without a password and import again."
    )


def test_the_same_xls_without_a_password_is_read(tmp_path: Path) -> None:
    table = read_table(write_xls(tmp_path / "attendees.xls", ROWS))
    assert table.kind == "xls" and table.rows[0][1] == ATTENDEE_HEADER


def test_a_library_s_english_words_stay_out_of_a_russian_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    write_xlsx(broken, ROWS)
    data = bytearray(broken.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\0" * 64
    broken.write_bytes(bytes(data))
    with pytest.raises(ImportFileError) as english:
        read_table(broken)
    assert "(" in str(english.value)  # in English the library's words help: they are kept
    set_language("ru")
    try:
        with pytest.raises(ImportFileError) as russian:
            read_table(broken)
    finally:
        set_language("en")
    message = str(russian.value)
    assert "«broken.xlsx»" in message and is_cyrillic(message)
    assert not re.search(
        r"[A-Za-z]{3,}",
        message.replace("broken.xlsx", "").replace("Excel", "").replace("LibreOffice", ""),
    ), message


def test_missing_file_and_empty_sheet(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        read_table(tmp_path / "nowhere.xlsx")
    with pytest.raises(ImportFileError, match="holds no data"):
        read_table(write_xlsx(tmp_path / "empty.xlsx", [[None]]))


def test_cell_text() -> None:
    assert cell_text(77015550000.0) == "77015550000"
    assert cell_text(12.5) == "12.5"
    assert cell_text(dt.datetime(2021, 11, 25, 10, 30)) == "2021-11-25 10:30"
    assert cell_text(dt.datetime(2021, 11, 25)) == "2021-11-25"
    assert cell_text(dt.time(9, 5)) == "09:05"
    assert cell_text(None) == "" and cell_text(True) == "TRUE"
    assert cell_text(float("nan")) == ""
