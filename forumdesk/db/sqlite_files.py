"""An SQLite file before it is opened: may it be written, and how to open it so nothing is left.

SQLite keeps a WAL database's changes and shared memory beside it, in `NAME-wal` and `NAME-shm`,
and creates them with the database file's mode. Opened read-write, a read-only file left both
behind with mode 0444, and once the file was writable again every write failed until `-shm` was
deleted by hand. A file forumdesk may not write (or one in a folder it may not write) is
therefore opened read-only: `immutable=1` when its `-wal` holds nothing (none, or empty), so
SQLite creates nothing at all; `mode=ro` when it holds changes that must be read (in a folder
that may not be written, SQLite can read them only if `-shm` is there too: `wal_unreadable`
tells the user how to get at them). Leftovers of the old behaviour that belong to this user are
made writable again.

Whether the disk is full is asked here too: SQLite reports "disk I/O error" when the disk fills
while its shared memory grows, and a file-size limit (`ulimit -f`) fails the same way.
"""

from __future__ import annotations

import enum
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

try:
    import resource  # not on Windows
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

# Beside a database: its write-ahead log and its shared memory (the wal-index).
SIDE_FILES = ("-wal", "-shm")
# Less than this free beside the database, a failed write is taken for a full disk.
NEARLY_FULL_BYTES = 1024 * 1024


class Access(enum.Enum):
    """What forumdesk may do with an SQLite file."""

    WRITABLE = "writable"
    READ_ONLY_FILE = "read-only file"  # the file itself may not be written
    READ_ONLY_FOLDER = "read-only folder"  # nothing may be created beside it (-wal, -shm)


@dataclass(frozen=True, slots=True)
class SqliteFile:
    """An SQLite database file as found before opening it."""

    path: Path
    access: Access
    exists: bool
    empty: bool  # it exists and holds 0 bytes

    @property
    def read_only(self) -> bool:
        return self.access is not Access.WRITABLE

    def uri(self) -> str | None:
        """The `file:` URI that opens it read-only, or None to open it the usual way."""
        if not self.read_only:
            return None
        option = "mode=ro" if self.pending_changes() else "immutable=1"
        return f"{self.path.resolve().as_uri()}?{option}"

    def pending_changes(self) -> bool:
        """True when its `-wal` holds changes not yet written into the file itself."""
        try:
            return (self.path.parent / f"{self.path.name}-wal").stat().st_size > 0
        except OSError:
            return False

    def wal_unreadable(self) -> bool:
        """Opened read-only, its pending changes cannot be read here: SQLite would have to
        create `-shm` in a folder it may not write."""
        return (
            self.access is Access.READ_ONLY_FOLDER
            and self.pending_changes()
            and not (self.path.parent / f"{self.path.name}-shm").exists()
        )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def look_at(path: Path) -> SqliteFile:
    """How `path` can be opened, found without opening it."""
    folder = path.parent
    exists = path.is_file()
    if not exists:
        # a new file is created read-write; a folder that refuses it is reported on opening
        return SqliteFile(path, Access.WRITABLE, exists=False, empty=False)
    empty = path.stat().st_size == 0
    if not _writable(path):
        access = Access.READ_ONLY_FILE
    elif folder.is_dir() and not _writable(folder):
        access = Access.READ_ONLY_FOLDER
    else:
        access = Access.WRITABLE
    return SqliteFile(path, access, exists=True, empty=empty)


def repair_side_files(found: SqliteFile) -> list[Path]:
    """Give a writable database's `-wal`/`-shm` the write permission an earlier read-only
    opening took from them (those this user owns); the files repaired."""
    if found.read_only or not found.exists or not hasattr(os, "getuid"):
        return []
    mode = stat.S_IMODE(found.path.stat().st_mode)
    repaired = []
    for suffix in SIDE_FILES:
        side = found.path.parent / f"{found.path.name}{suffix}"
        try:
            info = side.stat()
        except OSError:
            continue
        if info.st_uid == os.getuid() and not _writable(side):
            try:
                side.chmod(stat.S_IMODE(info.st_mode) | mode | stat.S_IWUSR)
            except OSError:
                continue
            repaired.append(side)
    return repaired


def no_room_left(path: Path) -> bool:
    """True when the disk holding `path` is (nearly) full, or the process may not let the
    database or its side files grow (a file-size limit it has reached)."""
    try:
        if shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES:
            return True
    except OSError:
        pass
    if resource is None:
        return False
    limit, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if limit == resource.RLIM_INFINITY:
        return False
    for suffix in ("", *SIDE_FILES):
        try:
            size = (path.parent / f"{path.name}{suffix}").stat().st_size
        except OSError:
            continue
        if size + NEARLY_FULL_BYTES >= limit:
            return True
    return False
