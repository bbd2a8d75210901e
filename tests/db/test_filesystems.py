"""A database file on a network share told from one on a local disk (db/filesystems.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk.db.filesystems import (
    Mount,
    is_network_fstype,
    mount_of,
    network_filesystem,
    parse_mountinfo,
)

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
40 27 8:2 / /home rw,relatime shared:2 - ext4 /dev/sda2 rw
51 27 0:45 / /mnt/office rw,relatime shared:30 - nfs4 fs1:/export/office rw,vers=4.2
52 51 8:3 / /mnt/office/local rw,relatime - xfs /dev/sdb1 rw
53 27 0:46 / /mnt/forum\\040share rw,relatime - cifs //fs2/forum rw,vers=3.0
54 27 0:47 / /home/anna/remote rw,nosuid - fuse.sshfs anna@fs3:/srv rw,user_id=1000
55 27 0:48 / /home/anna/vault rw,nosuid - fuse.gocryptfs /home/anna/.vault rw
56 27 0:49 / /mnt/host rw - 9p hostshare rw,trans=virtio
"""


def test_mountinfo_is_read_with_escaped_paths() -> None:
    mounts = parse_mountinfo(MOUNTINFO + "garbage line\n\n")
    assert Mount("/", "ext4") in mounts
    assert Mount("/mnt/forum share", "cifs") in mounts
    assert Mount("/home/anna/remote", "fuse.sshfs") in mounts
    assert len(mounts) == 9


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/office/forum.sqlite3", "nfs4"),
        ("/mnt/office", "nfs4"),
        ("/mnt/office/local/forum.sqlite3", None),  # a local disk mounted inside the share
        ("/mnt/officer/forum.sqlite3", None),  # a sibling, not inside /mnt/office
        ("/mnt/forum share/forum.sqlite3", "cifs"),
        ("/home/anna/remote/forum.sqlite3", "fuse.sshfs"),
        ("/home/anna/vault/forum.sqlite3", None),  # a local FUSE file system
        ("/mnt/host/forum.sqlite3", "9p"),
        ("/home/anna/forum.sqlite3", None),
        ("/var/forum.sqlite3", None),
    ],
)
def test_the_file_system_of_the_files_mount_decides(path: str, expected: str | None) -> None:
    assert network_filesystem(Path(path), MOUNTINFO) == expected


def test_the_mount_mounted_last_on_a_point_wins() -> None:
    text = MOUNTINFO + "60 27 0:50 / /mnt/office rw - ext4 /dev/sdc1 rw\n"
    assert network_filesystem(Path("/mnt/office/forum.sqlite3"), text) is None
    mount = mount_of(Path("/mnt/office/x"), parse_mountinfo(text))
    assert mount == Mount("/mnt/office", "ext4")


@pytest.mark.parametrize(
    ("fstype", "network"),
    [
        ("nfs", True),
        ("NFS4", True),
        ("smb3", True),
        ("ext4", False),
        ("btrfs", False),
        ("fuse.rclone", True),
        ("fuse.ntfs-3g", False),
        ("tmpfs", False),
    ],
)
def test_network_file_system_types(fstype: str, network: bool) -> None:
    assert is_network_fstype(fstype) is network


def test_a_file_in_the_tests_own_folder_is_local(tmp_path: Path) -> None:
    """The real /proc/self/mountinfo: the test's temporary folder is on a local disk."""
    (tmp_path / "forum.sqlite3").write_bytes(b"")
    assert network_filesystem(tmp_path / "forum.sqlite3") is None
    assert network_filesystem(tmp_path / "not yet" / "forum.sqlite3") is None


def test_without_mountinfo_a_file_counts_as_local(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("forumdesk.db.filesystems.MOUNTINFO", tmp_path / "no such file")
    assert network_filesystem(tmp_path / "forum.sqlite3") is None
