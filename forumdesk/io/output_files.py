"""Writing the files staff keep: agendas, calendars, CSV, PDF, rejected rows — one way for all.

`output_file(path)` gives the writer a temporary file beside `path` and puts it in `path`'s place
only once it is complete and on disk, so a failed, cancelled or killed export never leaves a
broken file and never destroys the previous one. Around that:

- Any error while writing (not only while creating, syncing or renaming) becomes a StorageError a
  user can read; a full disk (ENOSPC, EFBIG — a file-size limit —, EDQUOT) says "the disk is full"
  in plain words, also when a library (zipfile, openpyxl) raised its own error on top of it.
- A new file gets the user's usual mode (0666 less the umask, as any program's new file) and a
  replaced file keeps its own, so colleagues sharing the folder can still open the agenda.
- The temporary file is named `.NAME.PID-TOKEN.part`: the leftovers of an export that was killed
  (its process is gone) are removed on the next export of the same file.
- `scratch_folder()` is forumdesk's own temporary folder for libraries' working files (openpyxl's
  streamed sheets, up to 15 MB each), removed when the export ends and, after a kill, on the
  next export.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from forumdesk.core.errors import ForumdeskError, StorageError, ValidationError
from forumdesk.core.i18n import _

# "No space left", "File too large" (a file-size limit, or a file system's largest file),
# "Disk quota exceeded": each means the same to a user: there is no room for the file.
DISK_FULL_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", None)) if code
)
# Windows errors for "the file is in use by another process" and "locked region".
_SHARING_VIOLATIONS = (32, 33)
# A leftover whose process cannot be seen to be gone (Windows, another user's process, a reused
# process id) is removed once it is this old: no export takes a day.
_ABANDONED_AFTER = 24 * 3600.0
# A leftover in the older name without a process id is removed once it is this old.
_UNNAMED_AFTER = 600.0
_PART = re.compile(r"(?P<pid>\d+)-[0-9a-f]+")
_active: set[str] = set()  # this process's temporary files still being written


# --- the file -----------------------------------------------------------------------------------


@contextlib.contextmanager
def output_file(path: Path) -> Iterator[Path]:
    """A temporary path next to `path`; on success it replaces `path`, on any error it vanishes.

    The previous file at `path` stays untouched until the new one is complete on disk. Errors
    while writing are raised as StorageError with a message for the user.
    """
    path = Path(path)
    check_target(path)
    remove_leftovers(path)
    kept_mode = _mode_of(path)
    temp = _create_temporary(path)
    _active.add(str(temp))
    try:
        try:
            yield temp
            if kept_mode is not None:
                os.chmod(temp, kept_mode)
            _flush_to_disk(temp)
            os.replace(temp, path)
        except Exception as exc:
            error = write_error(exc, path)
            if error is None:
                raise
            raise error from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    finally:
        _active.discard(str(temp))


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
            raise storage_error(exc, path) from exc


def _mode_of(path: Path) -> int | None:
    """The permission bits of the file being replaced (None: there is none yet)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def _create_temporary(path: Path) -> Path:
    """A new empty file `.NAME.PID-TOKEN.part` beside `path`, with the user's usual mode.

    Created with 0666 the way any program creates a file, so the system applies the umask
    (tempfile.mkstemp would make it 0600, and the export owner-only).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        temp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
        try:
            os.close(os.open(temp, flags, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise storage_error(exc, path) from exc
        return temp
    raise storage_error(FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)), path)


def _flush_to_disk(path: Path) -> None:
    """Make sure the new file's bytes are on disk before it takes the old one's place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


# --- leftovers ----------------------------------------------------------------------------------


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporary files that earlier, interrupted exports of `path` left; return them.

    A temporary file is left alone while the export writing it may still be running: one of this
    process in progress, or one whose process still exists (and is under a day old).
    """
    prefix = f".{path.name}."
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".part")):
            continue
        if entry.path in _active or str(path.parent / name) in _active:
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if not entry.is_file(follow_symlinks=False):
                continue
        except OSError:
            continue
        if not _abandoned(name[len(prefix) : -len(".part")], age):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _abandoned(middle: str, age: float) -> bool:
    if age > _ABANDONED_AFTER:
        return True
    match = _PART.fullmatch(middle)
    if match is None:
        return age > _UNNAMED_AFTER
    pid = int(match["pid"])
    return pid != os.getpid() and not _process_exists(pid)


def _process_exists(pid: int) -> bool:
    """Is process `pid` running? Where that cannot be told safely (Windows), yes."""
    if os.name == "nt":  # os.kill would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


# --- forumdesk's own temporary folder -----------------------------------------------------------


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A new folder under forumdesk's temporary folder, removed with what is in it at the end.

    Folders that killed exports left there are removed first.
    """
    base = scratch_base()
    remove_abandoned_scratch(base)
    folder = base / f"{os.getpid()}-{secrets.token_hex(4)}"
    try:
        folder.mkdir(mode=0o700)
    except OSError as exc:
        raise storage_error(exc, folder) from exc
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def scratch_base() -> Path:
    """forumdesk's folder in the system's temporary folder, one per user, private to them."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    base = Path(tempfile.gettempdir()) / ("forumdesk" if uid is None else f"forumdesk-{uid}")
    try:
        base.mkdir(mode=0o700, exist_ok=True)
        owner = base.lstat().st_uid
    except OSError as exc:
        raise storage_error(exc, base) from exc
    if uid is not None and (owner != uid or base.is_symlink()):
        # someone else's folder of that name: not a place for this user's data
        return Path(tempfile.mkdtemp(prefix="forumdesk-"))
    return base


def remove_abandoned_scratch(base: Path) -> list[Path]:
    """Remove the scratch folders in `base` whose export's process is gone."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    for entry in entries:
        match = _PART.fullmatch(entry.name)
        if match is None or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if age > _ABANDONED_AFTER or (
            int(match["pid"]) != os.getpid() and not _process_exists(int(match["pid"]))
        ):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


# --- messages -----------------------------------------------------------------------------------


def is_disk_full(exc: BaseException) -> bool:
    """Is this error — or one it was raised while handling — a full disk?"""
    return _disk_full_cause(exc) is not None


def _disk_full_cause(exc: BaseException) -> OSError | None:
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in DISK_FULL_ERRNOS:
            return current
        pending.extend(e for e in (current.__context__, current.__cause__) if e is not None)
    return None


def write_error(exc: BaseException, path: Path) -> ForumdeskError | None:
    """The StorageError to show for `exc` raised while writing `path`; None: not a file error.

    A full disk is found also behind the error a library raised on top of it (zipfile failing
    to finish an archive whose first write failed).
    """
    if isinstance(exc, ForumdeskError):
        return None
    cause = _disk_full_cause(exc)
    if cause is not None:
        return storage_error(cause, path)
    if isinstance(exc, OSError):
        return storage_error(exc, path)
    return None


def is_locked_error(exc: OSError) -> bool:
    """Is this the error Windows gives for a file another program (Excel) holds open?"""
    if getattr(exc, "winerror", None) in _SHARING_VIOLATIONS:
        return True
    return os.name == "nt" and isinstance(exc, PermissionError)


def storage_error(exc: OSError, path: Path) -> StorageError:
    """A message a user can act on for an OSError met writing `path`."""
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
    if exc.errno in DISK_FULL_ERRNOS:
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
    reason = exc.strerror or str(exc) or type(exc).__name__
    return StorageError(
        _("«{name}» could not be written: {reason}.").format(name=name, reason=reason)
    )
