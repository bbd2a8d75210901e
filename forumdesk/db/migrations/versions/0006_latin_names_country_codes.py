"""People's names in Latin letters, and countries as ISO 3166 codes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 17:00:00

- `people.latin_name`: the name as a passport or badge writes it, filled for everyone from
  their display name by the passport transliteration (ICAO Doc 9303 with Kazakhstan's letters,
  forumdesk.core.transliteration); staff may correct it.
- `people.country`, `organizations.country`: the names stored so far ("Kazakhstan",
  «Казахстан», "РК") become alpha-2 codes ("KZ"). A name that matches no country stays as it
  was written (the window and the exports show it as it is) and is listed in the log.
- `people.search_key`: rebuilt, now with each name's Latin form, so that Latin typing finds
  Cyrillic names and the reverse.

The column is added in place (plain ADD COLUMN, never a copy of the table: see 0003). The
conversion runs in batches of plain UPDATEs by id, without ORM models, so it sees the schema of
this revision, not a later one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from forumdesk.core import text
from forumdesk.core.countries import country_code
from forumdesk.core.transliteration import latin_name

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("forumdesk.db.migrate")


def upgrade() -> None:
    op.add_column("people", sa.Column("latin_name", sa.String(length=400), nullable=True))
    conn = op.get_bind()
    unknown: dict[str, int] = {}

    def code_of(name: str | None) -> str | None:
        if not name:
            return name
        code = country_code(name)
        if code is None:
            unknown[name] = unknown.get(name, 0) + 1
        return code or name

    organizations = sa.table(
        "organizations", sa.column("id", sa.Integer()), sa.column("country", sa.String())
    )
    org_names: dict[int, str] = {}
    org_updates = []
    for org_id, name, country in conn.execute(
        sa.text("SELECT id, name, country FROM organizations")
    ):
        org_names[org_id] = name
        code = code_of(country)
        if code != country:
            org_updates.append({"org_id": org_id, "country": code})
    if org_updates:
        conn.execute(
            organizations.update()
            .where(organizations.c.id == sa.bindparam("org_id"))
            .values(country=sa.bindparam("country")),
            org_updates,
        )

    people = sa.table(
        "people",
        sa.column("id", sa.Integer()),
        sa.column("latin_name", sa.String()),
        sa.column("country", sa.String()),
        sa.column("search_key", sa.Text()),
    )
    statement = (
        people.update()
        .where(people.c.id == sa.bindparam("person_id"))
        .values(
            latin_name=sa.bindparam("latin"),
            country=sa.bindparam("code"),
            search_key=sa.bindparam("key"),
        )
    )
    rows = conn.execute(
        sa.text(
            "SELECT id, family_name, given_name, patronymic, display_name, organization_id,"
            " country, email, phone FROM people ORDER BY id"
        )
    ).all()
    batch: list[dict[str, object]] = []
    for person_id, family, given, patronymic, display, org_id, country, email, phone in rows:
        latin = latin_name(display)
        key = text.person_search_key(
            family, given, patronymic, display, org_names.get(org_id), email, phone, latin
        )
        batch.append({"person_id": person_id, "latin": latin, "code": code_of(country), "key": key})
        if len(batch) >= 1000:
            conn.execute(statement, batch)
            batch = []
    if batch:
        conn.execute(statement, batch)
    for name, count in sorted(unknown.items()):
        log.warning(
            "country %r (%d records) matches no ISO 3166 country: kept as written", name, count
        )


def downgrade() -> None:
    # Codes stay codes: a name is still a name to an older forumdesk, and it shows them as such.
    # A plain DROP COLUMN (SQLite 3.35+), never a copy of the table: copying drops the old one,
    # and with foreign keys on (they are, inside the migration's transaction) that deletes every
    # row that refers to it.
    op.drop_column("people", "latin_name")
