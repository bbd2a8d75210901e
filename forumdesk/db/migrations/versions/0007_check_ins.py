"""Check-in at the door and the balance of each panel (issue 20).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 17:00:00

- `check_ins`: one row per person, scope (the event's day, or a session) and day; the unique
  constraint lets two desks scan the same badge at once and count it once.
- `events.checkin_key`: a random secret per event; a badge's code carries a short check made
  with it (services.checkin), so a code cannot be made up from ids. Existing events get one;
  the column stays nullable, as making it NOT NULL would make SQLite copy the events table.
- `people.gender`: optional (NULL: not recorded); its values are checked by the services, as a
  CHECK constraint added to an existing table would make SQLite copy it.
- `events.one_sector_warning`: the Problems dock warns of a panel from one sector only (off).

Columns are added in place (plain ADD COLUMN, never a copy of the table: see 0003).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("checkin_key", sa.String(length=32), nullable=True))
    events = sa.table("events", sa.column("id", sa.Integer()), sa.column("checkin_key"))
    connection = op.get_bind()
    for (event_id,) in connection.execute(sa.select(events.c.id)).all():
        connection.execute(
            events.update().where(events.c.id == event_id).values(checkin_key=secrets.token_hex(16))
        )
    op.add_column("people", sa.Column("gender", sa.String(length=24), nullable=True))
    op.add_column(
        "events",
        sa.Column("one_sector_warning", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "check_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_check_ins_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_check_ins_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["program_sessions.id"],
            name=op.f("fk_check_ins_session_id_program_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_ins")),
        sa.UniqueConstraint(
            "event_id",
            "person_id",
            "scope",
            "day",
            name=op.f("uq_check_ins_event_id_person_id_scope_day"),
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_check_ins_person_id"), "check_ins", ["person_id"], unique=False)
    op.create_index(op.f("ix_check_ins_session_id"), "check_ins", ["session_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_check_ins_session_id"), table_name="check_ins")
    op.drop_index(op.f("ix_check_ins_person_id"), table_name="check_ins")
    op.drop_table("check_ins")
    # Plain DROP COLUMN (SQLite 3.35 and later), never a copy of the table: copying `events`
    # drops the old one, and every session with it by ON DELETE CASCADE, since foreign keys
    # cannot be turned off inside the migration's transaction.
    for table, column in (
        ("people", "gender"),
        ("events", "one_sector_warning"),
        ("events", "checkin_key"),
    ):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
