"""Read-only database files and folders: read without leaving anything behind, edits refused
in words, and an old-schema database refused before any copy is made (issue 13, items 1, 4, 7).

Each test runs forumdesk's command line in a child process held to file permissions (see
tests/faults/processes.py) and asserts the database, what is left beside it and the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk.config import log_dir
from forumdesk.db import migrate
from tests.faults.processes import (
    EXTRA,
    integrity,
    migrations_with_extra_revision,
    names,
    one_line,
    run_forumdesk,
    run_python,
    sql,
    version,
)

pytestmark = pytest.mark.usefixtures("permissions_hold")

CREATE = ["create-event", "Second forum", "--start", "2026-03-02", "--end", "2026-03-03"]


def _events(path: Path) -> int:
    return int(sql(path, "SELECT count(*) FROM events", untouched=True)[0][0])  # type: ignore[call-overload]


def test_a_read_only_file_is_read_and_nothing_is_left_beside_it(forum_file: Path) -> None:
    before = forum_file.read_bytes()
    forum_file.chmod(0o444)

    listed = run_forumdesk(["--db", str(forum_file), "events"], unprivileged=True)

    assert listed.returncode == 0, listed.stderr
    assert "Anti-Counterfeiting Forum" in listed.stdout
    assert names(forum_file.parent) == ["forum.sqlite3"]  # no -wal, no -shm (0444 or any)
    assert forum_file.read_bytes() == before


def test_an_edit_of_a_read_only_file_is_refused_in_words(forum_file: Path) -> None:
    before = forum_file.read_bytes()
    forum_file.chmod(0o444)

    refused = run_forumdesk(["--db", str(forum_file), *CREATE], unprivileged=True)

    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "open read-only" in line and "nothing can be changed" in line
    assert "attempt to write" not in line
    assert names(forum_file.parent) == ["forum.sqlite3"]
    assert forum_file.read_bytes() == before


def test_a_file_once_read_only_is_writable_again_when_made_writable(forum_file: Path) -> None:
    """The issue's case: after a read-only opening, every write failed until -shm was deleted."""
    forum_file.chmod(0o444)
    assert run_forumdesk(["--db", str(forum_file), "events"], unprivileged=True).returncode == 0
    forum_file.chmod(0o644)

    created = run_forumdesk(["--db", str(forum_file), *CREATE], unprivileged=True)

    assert created.returncode == 0, created.stderr
    assert _events(forum_file) == 2
    assert names(forum_file.parent) == ["forum.sqlite3"]


def test_side_files_left_read_only_by_an_earlier_version_are_made_writable(
    forum_file: Path,
) -> None:
    """What forumdesk 0.x left behind: -wal and -shm with mode 0444 beside a writable file."""
    forum_file.chmod(0o444)
    read = "SELECT count(*) FROM events"
    run_python(
        f"import sqlite3; sqlite3.connect({str(forum_file)!r}).execute({read!r})", unprivileged=True
    )
    assert names(forum_file.parent) == ["forum.sqlite3", "forum.sqlite3-shm", "forum.sqlite3-wal"]
    assert oct((forum_file.parent / "forum.sqlite3-shm").stat().st_mode & 0o777) == "0o444"
    forum_file.chmod(0o644)

    created = run_forumdesk(["--db", str(forum_file), *CREATE], unprivileged=True)

    assert created.returncode == 0, created.stderr
    assert _events(forum_file) == 2
    assert integrity(forum_file, untouched=True) == "ok"


def test_a_read_only_folder_is_read_without_sqlites_raw_message(forum_file: Path) -> None:
    before = forum_file.read_bytes()
    forum_file.parent.chmod(0o555)

    listed = run_forumdesk(["--db", str(forum_file), "events"], unprivileged=True)
    refused = run_forumdesk(["--db", str(forum_file), *CREATE], unprivileged=True)

    assert listed.returncode == 0, listed.stderr
    assert "Anti-Counterfeiting Forum" in listed.stdout
    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "open read-only" in line
    assert "attempt to write a readonly database" not in listed.stderr + refused.stderr
    assert names(forum_file.parent) == ["forum.sqlite3"]
    assert forum_file.read_bytes() == before


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_an_old_schema_read_only_database_gets_one_line_and_no_backup(
    forum_file: Path, tmp_path: Path, read_only: str
) -> None:
    """Item 4 and item 3: no traceback on the terminal (it goes to the log), and repeated
    attempts leave no backups, whole or partial."""
    scripts = migrations_with_extra_revision(tmp_path)
    head = migrate.head_revision()
    before = forum_file.read_bytes()
    (forum_file if read_only == "file" else forum_file.parent).chmod(
        0o444 if read_only == "file" else 0o555
    )

    for _attempt in range(3):
        refused = run_forumdesk(
            ["--db", str(forum_file), "events"], unprivileged=True, migrations=scripts
        )
        assert refused.returncode == 1
        line = one_line(refused.stderr)
        assert "has to be updated" in line and "read-only" in line
        assert str(forum_file) in line

    assert names(forum_file.parent) == ["forum.sqlite3"]  # no .bak, no .part, no -wal/-shm
    assert forum_file.read_bytes() == before
    assert version(forum_file, untouched=True) == head != EXTRA
    log = (log_dir() / "forumdesk.log").read_text(encoding="utf-8")
    assert f"{forum_file} is read-only and at revision {head}, not {EXTRA}" in log


def test_an_empty_file_is_not_made_a_database_on_the_command_line(forum_folder: Path) -> None:
    empty = forum_folder / "new.sqlite3"
    empty.touch()

    refused = run_forumdesk(["--db", str(empty), "events"])

    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "empty file (0 bytes)" in line and str(empty) in line
    assert empty.read_bytes() == b""
    assert names(forum_folder) == ["forum.sqlite3", "new.sqlite3"]


def _crash_after_a_change(path: Path) -> None:
    """A program that renamed the event and died before SQLite moved the change from -wal
    into the file (no checkpoint: the change lives only in -wal)."""
    run_python(
        "import os, sqlite3\n"
        f"conn = sqlite3.connect({str(path)!r})\n"
        "conn.execute('PRAGMA wal_autocheckpoint=0')\n"
        "conn.execute(\"UPDATE events SET name = 'Renamed, still in the WAL'\")\n"
        "conn.commit()\n"
        "os._exit(0)\n"
    )
    assert (path.parent / f"{path.name}-wal").stat().st_size > 0


def test_a_read_only_file_shows_the_changes_still_in_its_wal(forum_file: Path) -> None:
    _crash_after_a_change(forum_file)
    for side in forum_file.parent.iterdir():
        side.chmod(0o444)

    listed = run_forumdesk(["--db", str(forum_file), "events"], unprivileged=True)

    assert listed.returncode == 0, listed.stderr
    assert "Renamed, still in the WAL" in listed.stdout


def test_a_read_only_folder_whose_wal_cannot_be_read_says_what_to_do(forum_file: Path) -> None:
    _crash_after_a_change(forum_file)
    (forum_file.parent / f"{forum_file.name}-shm").unlink()
    before = names(forum_file.parent)
    forum_file.parent.chmod(0o555)

    refused = run_forumdesk(["--db", str(forum_file), "events"], unprivileged=True)

    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "last changes are still in" in line and f"{forum_file}-wal" in line
    assert "Copy the database together with its -wal file" in line
    assert names(forum_file.parent) == before
