"""Problem checks: people's unavailability, accepted problems, the changeover buffer.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 20:40:05.861998

`events.changeover_minutes` is added with a plain ADD COLUMN (its CHECK constraint inline), never
by copying the table: on SQLite with foreign keys on, the copy-and-move of batch mode drops the
old `events` table, and that DROP would cascade to every room, session and registration.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accepted_problems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("accepted_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_accepted_problems_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accepted_problems")),
        sa.UniqueConstraint("event_id", "key", name=op.f("uq_accepted_problems_event_id_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "person_unavailability",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "ends_at > starts_at", name=op.f("ck_person_unavailability_times_in_order")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_person_unavailability_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_unavailability_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_unavailability")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("person_unavailability", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_unavailability_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_unavailability_person_id"), ["person_id"], unique=False
        )

    # Only add_column in this batch: SQLite then alters in place (see the module docstring).
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "changeover_minutes",
                sa.Integer(),
                sa.CheckConstraint(
                    "changeover_minutes >= 0", name=op.f("ck_events_changeover_not_negative")
                ),
                server_default="0",
                nullable=False,
            )
        )


def downgrade() -> None:
    # Dropping the column (and its CHECK) makes SQLite copy `events`; run with foreign keys off.
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_events_changeover_not_negative"), type_="check")
        batch_op.drop_column("changeover_minutes")

    with op.batch_alter_table("person_unavailability", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_unavailability_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_unavailability_event_id"))

    op.drop_table("person_unavailability")
    op.drop_table("accepted_problems")
