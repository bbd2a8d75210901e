"""Shared fixtures: every test runs offscreen, on its own files, never on the user's data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: tests never need a screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from forumdesk.config import resolve_database_url
from forumdesk.core import i18n
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services.demo import DemoResult, load_demo


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data, config, state and log folders (platformdirs) at a temporary home."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("FORUMDESK_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The core speaks English in every test (the tests assert English text), whatever the
    developer's FORUMDESK_LANG, in this process and in the commands it starts; a test that
    switches to Russian is put back afterwards."""
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    before = i18n.language()
    i18n.set_language(i18n.ENGLISH)
    yield
    i18n.set_language(before)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "forum.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database file."""
    database = open_database(resolve_database_url(str(db_path)))
    yield database
    database.dispose()


@pytest.fixture
def demo(db: Database) -> DemoResult:
    """The demo forum loaded into `db`."""
    return load_demo(db)
