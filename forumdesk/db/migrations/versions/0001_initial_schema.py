"""Initial schema: events, rooms, tracks, sessions, organisations, people, registrations,
assignments.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 20:19:33.669629
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("organizers", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_events_days_in_order")),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_events_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column(
            "sector",
            sa.Enum(
                "government",
                "intergovernmental",
                "business",
                "marketplace",
                "creative_industry",
                "rights_holder",
                "expert",
                "media",
                "other",
                name="sector",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_organizations_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("name_key", name=op.f("uq_organizations_name_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=True),
        sa.Column("patronymic", sa.String(length=200), nullable=True),
        sa.Column("display_name", sa.String(length=400), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.String(length=400), nullable=True),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column(
            "sector",
            sa.Enum(
                "government",
                "intergovernmental",
                "business",
                "marketplace",
                "creative_industry",
                "rights_holder",
                "expert",
                "media",
                "other",
                name="sector",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(family_name) > 0", name=op.f("ck_people_family_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_people_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("email", name=op.f("uq_people_email")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_people_family_name_given_name"),
            ["family_name", "given_name"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_people_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity >= 0", name=op.f("ck_rooms_capacity_not_negative")
        ),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_rooms_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_rooms_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooms")),
        sa.UniqueConstraint("event_id", "id", name=op.f("uq_rooms_event_id_id")),
        sa.UniqueConstraint("event_id", "name", name=op.f("uq_rooms_event_id_name")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "tracks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("color", sa.String(length=7), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_tracks_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_tracks_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracks")),
        sa.UniqueConstraint("event_id", "id", name=op.f("uq_tracks_event_id_id")),
        sa.UniqueConstraint("event_id", "name", name=op.f("uq_tracks_event_id_name")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "program_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "plenary",
                "discussion",
                "workshop",
                "break",
                "registration",
                "other",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("track_id", sa.Integer(), nullable=True),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("expected_audience", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(starts_at IS NULL AND ends_at IS NULL)"
            " OR (starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at)",
            name=op.f("ck_program_sessions_times_valid"),
        ),
        sa.CheckConstraint(
            "expected_audience IS NULL OR expected_audience >= 0",
            name=op.f("ck_program_sessions_audience_not_negative"),
        ),
        sa.CheckConstraint("length(title) > 0", name=op.f("ck_program_sessions_title_not_empty")),
        sa.ForeignKeyConstraint(
            ["event_id", "room_id"],
            ["rooms.event_id", "rooms.id"],
            name=op.f("fk_program_sessions_event_id_room_id_rooms"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id", "track_id"],
            ["tracks.event_id", "tracks.id"],
            name=op.f("fk_program_sessions_event_id_track_id_tracks"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_program_sessions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_sessions")),
        sa.UniqueConstraint("event_id", "code", name=op.f("uq_program_sessions_event_id_code")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("program_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_program_sessions_event_id_starts_at"),
            ["event_id", "starts_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_program_sessions_room_id_starts_at"),
            ["room_id", "starts_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_program_sessions_track_id"), ["track_id"], unique=False
        )

    op.create_table(
        "registrations",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "invited",
                "registered",
                "confirmed",
                "attended",
                "cancelled",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_registrations_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_registrations_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "person_id", name=op.f("pk_registrations")),
    )
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_registrations_person_id"), ["person_id"], unique=False)

    op.create_table(
        "assignments",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "moderator",
                "co_moderator",
                "speaker",
                "panelist",
                "participant",
                "rapporteur",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("position >= 0", name=op.f("ck_assignments_position_not_negative")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_assignments_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["program_sessions.id"],
            name=op.f("fk_assignments_session_id_program_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "person_id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignments_person_id"))

    op.drop_table("assignments")
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registrations_person_id"))

    op.drop_table("registrations")
    with op.batch_alter_table("program_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_sessions_track_id"))
        batch_op.drop_index(batch_op.f("ix_program_sessions_room_id_starts_at"))
        batch_op.drop_index(batch_op.f("ix_program_sessions_event_id_starts_at"))

    op.drop_table("program_sessions")
    op.drop_table("tracks")
    op.drop_table("rooms")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_organization_id"))
        batch_op.drop_index(batch_op.f("ix_people_family_name_given_name"))

    op.drop_table("people")
    op.drop_table("organizations")
    op.drop_table("events")
