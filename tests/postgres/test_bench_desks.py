"""The several-desks stress harness (issue 12) on the real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from tests.bench.test_desks import assert_sound_and_checkable, run_small


def test_desks_on_postgresql_lose_nothing(postgres_url: URL, tmp_path: Path) -> None:
    db = postgres_url.render_as_string(hide_password=False)
    report, logs = run_small(db, tmp_path)
    assert report["database"] == "postgresql"
    assert_sound_and_checkable(db, report, logs)
