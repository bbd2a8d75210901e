"""A migration killed at random moments (issue 13, item 3): the database is in its before- or
after-state, every backup that exists is whole, and what a kill left is cleaned by the next
opening, which updates the database and says nothing on stderr.

The test revision is slow on purpose (MARKER_ROWS inserts with a pause) and the database holds
a few megabytes, so the kills land in the backup, in the migration and after it. The figures
(kills tried, where they landed) are printed; run with -s to see them.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path

from forumdesk.db import migrate
from tests.faults.processes import (
    EXTRA,
    MARKER_ROWS,
    integrity,
    migrations_with_extra_revision,
    run_forumdesk,
    run_until_killed,
    sql,
    version,
)

KILLS = 12


def _count(path: Path, table: str) -> int:
    return int(sql(path, f"SELECT count(*) FROM {table}")[0][0])  # type: ignore[call-overload]


def _tables(path: Path) -> set[str]:
    return {str(r[0]) for r in sql(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def _run_until_killed(path: Path, scripts: Path, delay: float | None) -> tuple[int, float]:
    """Open `path` (migrating it) and kill -9 it `delay` seconds after it starts the work;
    its exit status and the seconds it ran from READY."""
    status, ran, _err = run_until_killed(["--db", str(path), "events"], delay, migrations=scripts)
    return status, ran


def test_a_migration_killed_at_random_moments_leaves_a_whole_database(
    forum_file: Path, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(forum_file)) as conn, conn:
        # a few megabytes: the backup takes long enough to be killed in
        conn.execute("CREATE TABLE padding (blob BLOB)")
        conn.executemany("INSERT INTO padding VALUES (randomblob(65536))", [()] * 64)
    scripts = migrations_with_extra_revision(tmp_path, pause=0.01)
    head = migrate.head_revision()
    people = _count(forum_file, "people")

    calibration = tmp_path / "calibration" / forum_file.name
    calibration.parent.mkdir()
    shutil.copy2(forum_file, calibration)
    status, whole = _run_until_killed(calibration, scripts, None)
    assert status == 0 and version(calibration) == EXTRA

    chance = random.Random(13)
    landed: Counter[str] = Counter()
    for number in range(KILLS):
        folder = tmp_path / f"kill{number}"
        folder.mkdir()
        path = folder / forum_file.name
        shutil.copy2(forum_file, path)

        status, _ran = _run_until_killed(path, scripts, chance.uniform(0, whole))

        # the database: before or after, never between
        assert integrity(path) == "ok"
        if version(path) == EXTRA:
            assert _count(path, "upgrade_marker") == MARKER_ROWS
        else:
            assert version(path) == head and "upgrade_marker" not in _tables(path)
        assert _count(path, "people") == people
        # a backup that exists is a whole copy of the database before the update
        backups = sorted(folder.glob(f"{path.name}.*.bak"))
        for backup in backups:
            assert integrity(backup) == "ok" and version(backup) == head
            assert _count(backup, "people") == people
        if status != 0:
            where = (
                "after the update"
                if version(path) == EXTRA
                else "during the update"
                if backups
                else "before or during the backup"
            )
            landed[where] += 1
        else:
            landed["finished first"] += 1

        # the next opening finishes the work and leaves nothing unfinished behind
        reopened = run_forumdesk(["--db", str(path), "events"], migrations=scripts)
        assert reopened.returncode == 0, reopened.stderr
        assert reopened.stderr == ""
        assert "Anti-Counterfeiting Forum" in reopened.stdout
        assert version(path) == EXTRA and _count(path, "upgrade_marker") == MARKER_ROWS
        left = sorted(p.name for p in folder.iterdir())
        assert not [name for name in left if ".part" in name], left
        assert not [name for name in left if name.endswith(("-wal", "-shm"))], left
        assert 1 <= len([name for name in left if name.endswith(".bak")]) <= 2, left

    print(f"\nmigration kills: {KILLS} tried, {KILLS} survived; {dict(landed)}; whole {whole:.2f}s")
    assert landed["before or during the backup"] + landed["during the update"] >= 1, landed
