"""Content in several languages (issue 17, item 1).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 02:00:00

- `events.content_languages`: the event's content languages, main first ("ru,en"); NULL is
  Russian only, what every existing event was.
- `translations` (JSON) on events, rooms, tracks and program_sessions: the texts in the other
  content languages, {"en": {"title": "..."}}. The existing columns stay the main language's
  text, so nothing stored changes meaning and nothing that reads them slows down.

Columns are added in place (plain ADD COLUMN, never a copy of the table: see 0003).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("events", "rooms", "tracks", "program_sessions")


def upgrade() -> None:
    op.add_column("events", sa.Column("content_languages", sa.String(length=64), nullable=True))
    for table in _TABLES:
        op.add_column(table, sa.Column("translations", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and later), never a copy of the table: copying `events`
    # would drop the old one, and its sessions with it by ON DELETE CASCADE, since foreign keys
    # cannot be turned off inside the migration's transaction.
    for table in reversed(_TABLES):
        _drop_column(table, "translations")
    _drop_column("events", "content_languages")


def _drop_column(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)
