"""Builders for the import tests' input files: every file a test reads, it makes in tmp_path."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

Rows = Sequence[Sequence[object]]

ATTENDEE_HEADER = [
    "Фамилия",
    "Имя",
    "Отчество",
    "Организация",
    "Должность",
    "Страна",
    "Эл. почта",
    "Телефон",
]
ATTENDEES = [
    [
        "Иванов",
        "Пётр",
        "Сергеевич",
        "WIPO",
        "Эксперт",
        "Казахстан",
        "Ivanov@Example.kz",
        87015550001,
    ],
    ["Садыкова", "Динара", None, "ЕЭК", "Директор", "KZ", "dinara@example.kz", 77015550002],
    [
        "Smith",
        "John",
        None,
        "Amazon EU",
        "Counsel",
        "United Kingdom",
        "john@example.com",
        "+44 20 7946 0958",
    ],
]


def write_xlsx(
    path: Path,
    rows: Rows,
    *,
    sheet: str = "Участники",
    title: str | None = None,
    extra_sheets: dict[str, Rows] | None = None,
) -> Path:
    """An xlsx; with `title`, a merged title row and a blank row sit above `rows`."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    if title is not None:
        worksheet.append([title])
        worksheet.merge_cells(
            start_row=1, start_column=1, end_row=1, end_column=max(len(rows[0]), 2)
        )
        worksheet.append([])
    for row in rows:
        worksheet.append(list(row))
    for name, more in (extra_sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in more:
            other.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Rows, *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


def write_ods(path: Path, rows: Rows, *, sheet: str = "Лист1") -> Path:
    """A minimal OpenDocument spreadsheet (mimetype, content.xml, manifest), zipped by hand."""

    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>"
        )

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_xls(path: Path, rows: Rows, *, sheet: str = "Лист1") -> Path:
    """An Excel 97-2003 file, written with xlwt."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    worksheet = workbook.add_sheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                worksheet.write(r, c, value)
    workbook.save(str(path))
    return path


def write_encrypted_xlsx(path: Path, rows: Rows, password: str = "secret") -> Path:
    """A password-protected xlsx, as Excel writes it (msoffcrypto-tool)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = path.with_name(path.stem + "-plain.xlsx")
    write_xlsx(plain, rows)
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt(password, target)
    plain.unlink()
    return path
