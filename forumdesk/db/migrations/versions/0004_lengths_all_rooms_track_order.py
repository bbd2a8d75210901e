"""A session's planned length, "all rooms" as a placement of its own, and the tracks' order.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 08:00:00

- `program_sessions.planned_minutes`: how long a session is meant to last; a drop on the
  timetable gives it that length (NULL: an hour).
- `program_sessions.all_rooms`: the session happens across the venue (a coffee break,
  registration): it books no room. Breaks and registration already on the timetable become
  all-rooms sessions with no room, as the timetable has always drawn them; a plenary keeps its
  hall.
- `tracks.position`: the order tracks are listed in, filled in the order they were created.

Columns are added in place (plain ADD COLUMN, never a copy of the table: see 0003).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("program_sessions", sa.Column("planned_minutes", sa.Integer(), nullable=True))
    op.add_column(
        "program_sessions",
        sa.Column("all_rooms", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("tracks", sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    sessions = sa.table(
        "program_sessions",
        sa.column("all_rooms", sa.Boolean()),
        sa.column("room_id", sa.Integer()),
        sa.column("kind", sa.String()),
        sa.column("starts_at", sa.DateTime()),
    )
    op.execute(
        sessions.update()
        .where(sessions.c.kind.in_(("break", "registration")), sessions.c.starts_at.is_not(None))
        .values(all_rooms=True, room_id=None)
    )
    # each track's place among its event's tracks, in the order they were created
    op.execute(
        "UPDATE tracks SET position ="
        " (SELECT count(*) FROM tracks AS earlier"
        "  WHERE earlier.event_id = tracks.event_id AND earlier.id < tracks.id)"
    )


def downgrade() -> None:
    # Dropping a column makes SQLite copy the table; run with foreign keys off.
    with op.batch_alter_table("tracks", schema=None) as batch_op:
        batch_op.drop_column("position")
    with op.batch_alter_table("program_sessions", schema=None) as batch_op:
        batch_op.drop_column("all_rooms")
        batch_op.drop_column("planned_minutes")
