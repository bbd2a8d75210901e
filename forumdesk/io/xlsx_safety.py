"""Writing files that staff open in Excel without surprises.

- Attendee data is not trusted: text that a spreadsheet would read as a formula (it starts with
  =, +, -, @, a tab or a carriage return) is stored as text, never as a formula.
- Sheet names are made valid for Excel: at most 31 characters, none of []:*?/\\, not starting or
  ending with an apostrophe, unique ignoring case.
- openpyxl's working files (each streamed sheet, up to 15 MB) go to forumdesk's own temporary
  folder while `openpyxl_scratch` is in force, not loose into the system's (see output_files).

Files themselves are written through forumdesk.io.output_files, as every export's are.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

import openpyxl.worksheet._writer as openpyxl_sheet_writer
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from forumdesk.io.output_files import scratch_folder

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit for the text of one cell.
MAX_CELL_TEXT = 32_767
MAX_SHEET_NAME = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (or the start of one)?"""
    return text.startswith(FORMULA_TRIGGERS)


def clean_cell_text(text: str) -> str:
    """Text an xlsx file can hold: no XML control characters, no more than Excel shows."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def csv_field(value: object) -> str:
    """A CSV field that Excel and LibreOffice show as text, never evaluate.

    The prefix is the apostrophe that spreadsheets themselves use to mark "this is text"
    (the OWASP recommendation for CSV injection).
    """
    if value is None:
        return ""
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid Excel sheet name close to `wanted`, not in `taken` (compared ignoring case).

    The name returned is added to `taken`.
    """
    name = _SHEET_FORBIDDEN.sub("-", ILLEGAL_CHARACTERS_RE.sub("", wanted))
    name = " ".join(name.split()).strip("'").strip() or "Sheet"
    if name.casefold() == "history":  # Excel reserves it for change tracking
        name = f"{name} 1"
    candidate = name[:MAX_SHEET_NAME].rstrip().rstrip("'")
    number = 2
    while candidate.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)].rstrip().rstrip("'") + suffix
        number += 1
    taken.add(candidate)
    return candidate


# --- openpyxl's working files -------------------------------------------------------------------

_scratch: ContextVar[Path | None] = ContextVar("openpyxl_scratch", default=None)
_openpyxl_temporary_file = openpyxl_sheet_writer.create_temporary_file


def _temporary_sheet_file(suffix: str = "") -> str:
    """openpyxl's create_temporary_file, inside the scratch folder of the export in progress."""
    folder = _scratch.get()
    if folder is None:
        return _openpyxl_temporary_file(suffix)
    handle, name = tempfile.mkstemp(prefix="openpyxl.", suffix=suffix, dir=folder)
    os.close(handle)
    openpyxl_sheet_writer.ALL_TEMP_FILES.append(name)  # its cleanup() takes the name off it
    return name


# openpyxl streams each write-only sheet into a temporary file that it creates through this
# module-level function; it removes them only when saving, or at exit. Replaced once here, it
# puts them in the folder of the export running in this thread (and elsewhere as before).
openpyxl_sheet_writer.create_temporary_file = _temporary_sheet_file


@contextlib.contextmanager
def openpyxl_scratch() -> Iterator[Path]:
    """While in force (in this thread), openpyxl's sheet files go to a scratch folder of ours,
    removed at the end — and after a killed export, at the next one."""
    with scratch_folder() as folder:
        token = _scratch.set(folder)
        try:
            yield folder
        finally:
            _scratch.reset(token)
