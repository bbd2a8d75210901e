"""Reading a CSV file into a RawTable: its encoding (BOM, UTF-8, UTF-16, else the 8-bit code page
its letters read sensibly in, see encoding_detection) and delimiter (`;` `,` tab `|`, or Excel's
own "sep=" line) are detected, both overridable."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from forumdesk.core.i18n import _, foreign_detail
from forumdesk.io.encoding_detection import detect_8bit_encoding
from forumdesk.io.raw_table import ImportFileError, RawTable, trim_trailing, unreadable

DELIMITERS = (";", ",", "\t", "|")
_SNIFF_LINES = 50


def read_csv(path: Path, encoding: str | None, delimiter: str | None) -> RawTable:
    name = f"«{path.name}»"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(name, exc) from exc
    text, used_encoding = decode_text(data, encoding, name)
    lines = text.splitlines()
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        # Excel's own hint line, "sep=;", names the delimiter and is not data
        delimiter = delimiter or lines[0].strip()[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        offset = 1
    else:
        offset = 0
    used_delimiter = check_delimiter(delimiter, name) if delimiter else sniff_delimiter(text)
    rows: list[tuple[int, list[str]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=used_delimiter)
        for number, cells in enumerate(reader, start=1 + offset):
            if any(c.strip() for c in cells):
                rows.append((number, trim_trailing(cells)))
    except csv.Error as exc:
        raise ImportFileError(
            _("{file} is not a well-formed CSV file{error}.").format(
                file=name, error=foreign_detail(str(exc))
            )
        ) from exc
    return RawTable(
        path=path,
        kind="csv",
        sheet=None,
        sheet_names=(),
        rows=rows,
        encoding=used_encoding,
        delimiter=used_delimiter,
    )


def check_delimiter(delimiter: str, name: str) -> str:
    aliases = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}
    value = aliases.get(delimiter.lower(), delimiter)
    if len(value) != 1 or value in '"\r\n':
        raise ImportFileError(
            _(
                "'{delimiter}' cannot separate the columns of {file}; give "
                "one character such as ; , or tab."
            ).format(delimiter=delimiter, file=name)
        )
    return value


def decode_text(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with (BOM, else UTF-8, else the 8-bit code page
    detected; AmbiguousEncodingError when two are plausible)."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise ImportFileError(
                _(
                    "'{encoding}' is not an encoding forumdesk knows; try utf-8, cp1251 or utf-16."
                ).format(encoding=encoding)
            ) from exc
        try:
            return data.decode(encoding).lstrip("\ufeff"), encoding
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _(
                    "{file} is not in {encoding}: byte {byte} cannot be read "
                    "that way. Try another encoding."
                ).format(file=name, encoding=encoding, byte=exc.start)
            ) from exc
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    _("{file} says it is {encoding} but is not.").format(file=name, encoding=codec)
                ) from exc
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without its BOM
        codec = (
            "utf-16-le" if sample[1::2].count(b"\x00") > sample[::2].count(b"\x00") else "utf-16-be"
        )
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ImportFileError(
            _("{file} is not a text file, nor a spreadsheet forumdesk knows.").format(file=name)
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # 8-bit: every byte decodes in almost every code page, so the letters decide which
    detected = detect_8bit_encoding(data, name)
    try:
        return data.decode(detected), detected
    except UnicodeDecodeError as exc:  # past the part detection looked at
        raise ImportFileError(
            _(
                "{file} is not in {encoding}: byte {byte} cannot be read "
                "that way. Try another encoding."
            ).format(file=name, encoding=detected, byte=exc.start)
        ) from exc


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (>1) of columns."""
    sample_lines = []
    for line in text.splitlines():
        if line.strip():
            sample_lines.append(line)
        if len(sample_lines) >= _SNIFF_LINES:
            break
    sample = "\n".join(sample_lines)
    best, best_score = ",", (0, 0, 0, 0)
    for position, candidate in enumerate(DELIMITERS):
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=candidate)]
        except csv.Error:
            continue
        if not counts:
            continue
        widest = max(counts)
        if widest < 2:
            continue
        modal = max(set(counts), key=lambda n: (counts.count(n), n))
        agree = sum(1 for n in counts if n == modal) if modal > 1 else 0
        # a quote right beside the delimiter shows it is the one the quoting was done for
        quoted = sample.count(f'"{candidate}') + sample.count(f'{candidate}"')
        score = (agree, modal, quoted, -position)
        if score > best_score:
            best, best_score = candidate, score
    return best
