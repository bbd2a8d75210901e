"""How an SQLite file is opened: read-only when it may not be written, and a full disk told
from other disk errors (forumdesk.db.sqlite_files). Read-only files are exercised for real, in
child processes, by tests/faults/test_read_only.py."""

from __future__ import annotations

import resource
import shutil
from pathlib import Path
from typing import Any

import pytest

from forumdesk.db import sqlite_files
from forumdesk.db.sqlite_files import Access, SqliteFile, look_at, no_room_left


def test_a_missing_file_is_created_read_write(tmp_path: Path) -> None:
    found = look_at(tmp_path / "new.sqlite3")
    assert not found.exists and not found.read_only and found.uri() is None


def test_an_empty_file_is_seen_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    found = look_at(path)
    assert found.exists and found.empty


def test_a_read_only_file_opens_immutable_unless_its_wal_holds_changes(tmp_path: Path) -> None:
    path = tmp_path / "forum.sqlite3"
    path.write_bytes(b"x")
    found = SqliteFile(path, Access.READ_ONLY_FILE, exists=True, empty=False)
    assert found.uri() == f"{path.resolve().as_uri()}?immutable=1"
    (tmp_path / "forum.sqlite3-wal").touch()  # empty: nothing pending
    assert found.uri() == f"{path.resolve().as_uri()}?immutable=1"
    (tmp_path / "forum.sqlite3-wal").write_bytes(b"changes")
    assert found.uri() == f"{path.resolve().as_uri()}?mode=ro"
    assert not found.wal_unreadable()  # the folder may be written: SQLite makes -shm
    in_read_only_folder = SqliteFile(path, Access.READ_ONLY_FOLDER, exists=True, empty=False)
    assert in_read_only_folder.wal_unreadable()
    (tmp_path / "forum.sqlite3-shm").touch()
    assert not in_read_only_folder.wal_unreadable()


def test_a_nearly_full_disk_is_no_room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "forum.sqlite3"
    path.write_bytes(b"x" * 4096)
    assert not no_room_left(path)
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(sqlite_files.shutil, "disk_usage", lambda _p: usage._replace(free=4096))
    assert no_room_left(path)


def test_a_file_size_limit_reached_is_no_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "forum.sqlite3"
    path.write_bytes(b"x" * 4096)

    def limit(size: int) -> Any:
        return lambda _which: (size, resource.RLIM_INFINITY)

    monkeypatch.setattr(sqlite_files.resource, "getrlimit", limit(100 * 1024 * 1024))
    assert not no_room_left(path)
    monkeypatch.setattr(sqlite_files.resource, "getrlimit", limit(64 * 1024))
    assert no_room_left(path)
