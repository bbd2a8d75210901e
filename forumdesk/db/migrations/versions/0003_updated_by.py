"""When and from which desk each record was last written: `updated_at` and `updated_by`.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 19:10:00

Every versioned table gains two nullable columns, added in place (a plain ADD COLUMN, never a
copy of the table: on SQLite the copy drops the old table, and with foreign keys on that DROP
would cascade). Records written before this version have neither: a refused edit then says only
that someone else changed the record.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED_TABLES = (
    "events",
    "rooms",
    "tracks",
    "program_sessions",
    "organizations",
    "people",
    "registrations",
    "assignments",
    "person_unavailability",
    "accepted_problems",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=True))
        op.add_column(table, sa.Column("updated_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # Dropping a column makes SQLite copy the table; run with foreign keys off.
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("updated_by")
            batch_op.drop_column("updated_at")
