"""The change journal, published programme versions, and cancelled sessions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 16:40:00

- `change_journal`: every change to sessions, placements, assignments, rooms and tracks, written
  in the same transaction as the change (before and after, when, from which desk).
- `programme_versions`: the programme as published ("Version 3"), frozen as a snapshot.
- `program_sessions.cancelled`: a session called off stays in the programme, struck through.

Columns are added in place (plain ADD COLUMN, never a copy of the table: see 0003).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "program_sessions",
        sa.Column("cancelled", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "change_journal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("desk", sa.String(length=200), nullable=True),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record", sa.String(length=100), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_change_journal_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_journal")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "programme_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("published_by", sa.String(length=200), nullable=True),
        sa.Column("journal_id", sa.Integer(), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.CheckConstraint("number > 0", name=op.f("ck_programme_versions_number_positive")),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_programme_versions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_versions")),
        sa.UniqueConstraint(
            "event_id", "number", name=op.f("uq_programme_versions_event_id_number")
        ),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("programme_versions")
    op.drop_table("change_journal")
    # A plain DROP COLUMN (SQLite 3.35+), never a copy of the table: copying drops the old one,
    # and with foreign keys on (they are, inside the migration's transaction) that deletes every
    # row that refers to it.
    op.drop_column("program_sessions", "cancelled")
