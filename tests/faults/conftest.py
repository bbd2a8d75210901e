"""Fixtures of the fault-injection tests: a forum database in a folder of its own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from forumdesk.config import resolve_database_url
from forumdesk.db.migrate import open_database
from forumdesk.services.demo import load_demo
from tests.faults.processes import assert_permissions_hold


@pytest.fixture
def forum_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding only forum.sqlite3 (the demo forum, closed); made writable again at
    the end so pytest can clean it up."""
    folder = tmp_path / "forum"
    folder.mkdir()
    database = open_database(resolve_database_url(str(folder / "forum.sqlite3")))
    try:
        load_demo(database)
    finally:
        database.dispose()
    yield folder
    os.chmod(folder, 0o755)
    for path in folder.iterdir():
        os.chmod(path, 0o644)


@pytest.fixture
def forum_file(forum_folder: Path) -> Path:
    return forum_folder / "forum.sqlite3"


@pytest.fixture
def permissions_hold(tmp_path: Path) -> None:
    """The children of this test are held to file modes (checked, even when run as root)."""
    assert_permissions_hold(tmp_path)
