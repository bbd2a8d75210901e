"""A full disk, simulated by a file-size limit in the child (issue 13, items 3 and 7).

`RLIMIT_FSIZE` with SIGXFSZ ignored makes every write past the limit fail (EFBIG), as writes on a
full disk fail (ENOSPC): SQLite then says "disk I/O error", which forumdesk must call a full disk.
"""

from __future__ import annotations

from pathlib import Path

from forumdesk.config import log_dir
from forumdesk.db import migrate
from tests.faults.processes import (
    EXTRA,
    integrity,
    migrations_with_extra_revision,
    names,
    one_line,
    run_forumdesk,
    sql,
    version,
)


def _count(path: Path, table: str) -> int:
    return int(sql(path, f"SELECT count(*) FROM {table}")[0][0])  # type: ignore[call-overload]


def test_a_backup_on_a_full_disk_stops_the_update_and_leaves_no_copies(
    forum_file: Path, tmp_path: Path
) -> None:
    scripts = migrations_with_extra_revision(tmp_path)
    head = migrate.head_revision()
    people = _count(forum_file, "people")
    limit = forum_file.stat().st_size // 2  # room for -shm and the log, not for a whole copy

    for _attempt in range(3):
        refused = run_forumdesk(
            ["--db", str(forum_file), "events"], file_size_limit=limit, migrations=scripts
        )
        assert refused.returncode == 1
        line = one_line(refused.stderr)
        assert "copy of the database could not be made before updating it" in line
        assert "not updated" in line and "the disk is full" in line
        assert names(forum_file.parent) == ["forum.sqlite3"]  # no .bak, no .bak.part

    assert version(forum_file) == head
    assert _count(forum_file, "people") == people

    updated = run_forumdesk(["--db", str(forum_file), "events"], migrations=scripts)

    assert updated.returncode == 0, updated.stderr
    assert version(forum_file) == EXTRA
    [backup] = [p for p in forum_file.parent.iterdir() if p.name.endswith(".bak")]
    assert names(forum_file.parent) == sorted(["forum.sqlite3", backup.name])
    assert integrity(backup) == "ok"
    assert version(backup) == head
    assert _count(backup, "people") == people


def test_opening_with_a_few_kilobytes_left_says_the_disk_is_full(forum_file: Path) -> None:
    before = forum_file.read_bytes()

    refused = run_forumdesk(["--db", str(forum_file), "events"], file_size_limit=4096)

    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "is full" in line and str(forum_file) in line
    assert "disk I/O error" not in line
    assert forum_file.read_bytes() == before
    # with room again, it opens, and what the failed opening left is gone
    listed = run_forumdesk(["--db", str(forum_file), "events"])
    assert listed.returncode == 0, listed.stderr
    assert names(forum_file.parent) == ["forum.sqlite3"]
    assert integrity(forum_file) == "ok"


def test_a_change_that_fills_the_disk_says_so_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    assert run_forumdesk(["--db", str(path), "events"]).returncode == 0

    refused = run_forumdesk(["--db", str(path), "demo"], file_size_limit=48 * 1024)

    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "The disk is full, so the change could not be saved. Nothing was changed" in line
    assert "disk I/O error" not in line
    assert integrity(path) == "ok"
    assert _count(path, "events") == 0
    assert _count(path, "people") == 0


def test_a_failing_migration_prints_one_line_and_logs_the_traceback(
    forum_file: Path, tmp_path: Path
) -> None:
    """Item 4: the details of a failure go to the log file, never to the user's terminal."""
    scripts = migrations_with_extra_revision(tmp_path, fails=True)

    refused = run_forumdesk(["--db", str(forum_file), "events"], migrations=scripts)

    assert refused.returncode == 1
    line = one_line(refused.stderr)
    assert "could not be updated for this version of forumdesk" in line
    assert f"migration {EXTRA} broke" in line
    log = (log_dir() / "forumdesk.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert f"RuntimeError: migration {EXTRA} broke" in log
    assert version(forum_file) == migrate.head_revision()
