"""Is a database file on a network share? SQLite's locking is not safe there.

SQLite's own documentation warns that its file locks do not work reliably on network file
systems (NFS, SMB/CIFS, sshfs…): two workstations can both write and corrupt the file. The
window warns once per file and points to PostgreSQL. On Linux the file system of the file's
mount is read from /proc/self/mountinfo; on Windows the drive type (DRIVE_REMOTE) or a UNC path
tells it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

MOUNTINFO = Path("/proc/self/mountinfo")

# File system types (as /proc/self/mountinfo names them) whose locks SQLite cannot trust.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "9p",
        "v9fs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ocfs2",
        "gfs2",
        "davfs",
        "virtiofs",
        "vboxsf",
        "prl_fs",
        "vmhgfs",
    }
)
# FUSE file systems that are network ones (fuse.sshfs, fuse.rclone…); a local FUSE one
# (fuse.gocryptfs over a local disk) cannot be told apart, so only these are named.
NETWORK_FUSE = frozenset(
    {"sshfs", "rclone", "s3fs", "gcsfuse", "davfs", "smbnetfs", "curlftpfs", "glusterfs"}
)

_DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True, slots=True)
class Mount:
    """One line of /proc/self/mountinfo: where a file system is mounted and its type."""

    mount_point: str
    fstype: str


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts in the text of /proc/self/mountinfo (see proc(5)), in order."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        after = line.split(" - ", 1)[1].split()
        if not after:
            continue
        mounts.append(Mount(_unescape(fields[4]), after[0]))
    return mounts


def _unescape(field: str) -> str:
    # mountinfo writes a space, tab, newline and backslash in a path as \040, \011, \012, \134
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def is_network_fstype(fstype: str) -> bool:
    kind = fstype.lower()
    if kind.startswith("fuse."):
        return kind.removeprefix("fuse.") in NETWORK_FUSE
    return kind in NETWORK_FILESYSTEMS


def mount_of(path: Path, mounts: list[Mount]) -> Mount | None:
    """The mount holding `path`: the longest mount point above it (the last one mounted wins)."""
    target = str(path)
    best: Mount | None = None
    for mount in mounts:
        point = mount.mount_point.rstrip("/") or "/"
        inside = target == point or target.startswith(point if point == "/" else point + "/")
        if inside and (best is None or len(point) >= len(best.mount_point.rstrip("/") or "/")):
            best = mount
    return best


def network_filesystem(path: Path, mountinfo: str | None = None) -> str | None:
    """The network file system type `path` lies on (e.g. "nfs4"), or None when it is local.

    `mountinfo` is the text of /proc/self/mountinfo (read from the system when None). Unknown
    (no mountinfo, another system) counts as local: the warning is advice, never a refusal.
    """
    if sys.platform == "win32" and mountinfo is None:
        return _windows_network_drive(path)
    resolved = Path(os.path.abspath(path)).resolve()  # symlinks followed; the rest as given
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    mount = mount_of(resolved, parse_mountinfo(mountinfo))
    if mount is not None and is_network_fstype(mount.fstype):
        return mount.fstype
    return None


def _windows_network_drive(path: Path) -> str | None:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "UNC"
    import ctypes

    root = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
    drive_type = ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]
    return "network drive" if drive_type == _DRIVE_REMOTE else None
