"""Bringing a test's database file to one schema revision, as an older forumdesk left it.

A migration test makes a file at the revision before the one it tests, fills it with plain SQL
and then opens it (open_database upgrades it to head), or takes a file back down.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command

from forumdesk.config import resolve_database_url
from forumdesk.db.engine import create_database_engine
from forumdesk.db.migrate import alembic_config


def upgrade_to(path: Path, revision: str) -> None:
    """Create or upgrade the file at `path` to `revision` with the shipped migrations."""
    engine = create_database_engine(resolve_database_url(str(path)))
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def downgrade_to(path: Path, revision: str) -> None:
    """Take the file at `path` down to `revision`, foreign keys off as a table rebuild needs."""
    engine = create_database_engine(resolve_database_url(str(path)))
    config = alembic_config()
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
    finally:
        engine.dispose()
