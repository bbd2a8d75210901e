"""Writing files that staff open in Excel without surprises.

- Attendee data is not trusted: text that a spreadsheet would read as a formula (it starts with
  =, +, -, @, a tab or a carriage return) is stored as text, never as a formula.
- Sheet names are made valid for Excel: at most 31 characters, none of []:*?/\\, not starting or
  ending with an apostrophe, unique ignoring case.
- Files are written to a temporary name in the target's own folder and renamed over the target
  only once complete, so a failed or cancelled export never leaves a broken file and never
  destroys the previous one; a target that Excel holds open gets a message saying so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from forumdesk.core.errors import StorageError, ValidationError
from forumdesk.core.i18n import _

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit for the text of one cell.
MAX_CELL_TEXT = 32_767
MAX_SHEET_NAME = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Windows errors for "the file is in use by another process" and "locked region".
_SHARING_VIOLATIONS = (32, 33)


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


# --- writing a file safely ---------------------------------------------------------------------


def check_target(path: Path) -> None:
    """Refuse early, before the work, a target that cannot be written.

    On Windows, opening for writing a file that Excel has open fails with a sharing violation:
    finding that out now spares staff waiting for an export that cannot be saved.
    """
    folder = path.parent
    if not folder.is_dir():
        raise StorageError(
            _("The folder {folder} does not exist, so «{name}» cannot be written there.").format(
                folder=folder, name=path.name
            )
        )
    if path.is_dir():
        raise ValidationError(
            _("{path} is a folder; give the name of the file to write.").format(path=path)
        )
    if path.exists():
        try:
            with path.open("r+b"):
                pass
        except OSError as exc:
            raise _storage_error(exc, path) from exc


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path next to `path`; on success it replaces `path`, on any error it vanishes.

    The previous file at `path` stays untouched until the new one is complete on disk.
    """
    path = Path(path)
    check_target(path)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as exc:
        raise _storage_error(exc, path) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        _flush_to_disk(temp)
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise _storage_error(exc, path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _flush_to_disk(path: Path) -> None:
    """Make sure the new file's bytes are on disk before it takes the old one's place."""
    try:
        with path.open("rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as exc:
        raise _storage_error(exc, path) from exc


def is_locked_error(exc: OSError) -> bool:
    """Is this the error Windows gives for a file another program (Excel) holds open?"""
    if getattr(exc, "winerror", None) in _SHARING_VIOLATIONS:
        return True
    return os.name == "nt" and isinstance(exc, PermissionError)


def _storage_error(exc: OSError, path: Path) -> StorageError:
    name = path.name
    if is_locked_error(exc):
        return StorageError(
            _(
                "«{name}» is open in another program (Excel?). Close it there and export again."
            ).format(name=name)
        )
    if isinstance(exc, PermissionError):
        return StorageError(
            _(
                "forumdesk may not write «{name}» in {folder}: permission "
                "denied. Choose another folder or file."
            ).format(name=name, folder=path.parent)
        )
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return StorageError(
            _(
                "The disk is full, so «{name}» could not be written. "
                "The previous file, if any, was left as it was."
            ).format(name=name)
        )
    if exc.errno == errno.EROFS:
        return StorageError(
            _("{folder} is on a read-only disk; choose another folder.").format(folder=path.parent)
        )
    reason = exc.strerror or type(exc).__name__
    return StorageError(
        _("«{name}» could not be written: {reason}.").format(name=name, reason=reason)
    )
