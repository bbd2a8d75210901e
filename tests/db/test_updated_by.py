"""Every record says when and from which desk it was last written (`updated_at`, `updated_by`),
whatever wrote it: the ORM, a Core statement, an insert or an update."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select, update

from forumdesk.config import resolve_database_url
from forumdesk.db.desks import DESK_ENVIRONMENT, MAX_DESK_NAME, default_desk_name, desk_name
from forumdesk.db.engine import Database
from forumdesk.db.migrate import head_revision, open_database
from forumdesk.db.models import Base, Room, utc_now
from forumdesk.services import events, venue
from tests.db.revisions import upgrade_to

VERSIONED = sorted(t.name for t in Base.metadata.sorted_tables if "version" in t.c)


@pytest.fixture
def desks(db_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two desks on one SQLite file, named as staff would name them."""
    first = open_database(resolve_database_url(str(db_path)), desk="reception-1")
    second = open_database(resolve_database_url(str(db_path)), desk="reception-2")
    yield first, second
    first.dispose()
    second.dispose()


def _stamp(db: Database, room_id: int) -> tuple[dt.datetime | None, str | None]:
    with db.reader() as session:
        row = session.execute(
            select(Room.updated_at, Room.updated_by).where(Room.id == room_id)
        ).one()
    return row[0], row[1]


def test_every_versioned_table_has_both_columns() -> None:
    assert len(VERSIONED) == 11  # 0005 added check_ins
    for name in VERSIONED:
        columns = Base.metadata.tables[name].c
        assert columns.updated_at.nullable and columns.updated_by.nullable, name


def test_an_insert_and_an_update_say_when_and_from_which_desk(
    desks: tuple[Database, Database],
) -> None:
    first, second = desks
    event = events.create_event(first, "Forum", dt.date(2021, 11, 25), dt.date(2021, 11, 26))
    before = utc_now()
    room = venue.add_room(first, event.id, "Hall A", 100)
    at, by = _stamp(second, room.id)
    assert by == "reception-1"
    assert at is not None and before <= at <= utc_now()  # UTC, not this computer's time

    venue.update_room(second, room.id, {"capacity": 120}, expected_version=room.version)
    later, by = _stamp(first, room.id)
    assert by == "reception-2"
    assert later is not None and later >= at


def test_a_core_update_is_stamped_too(desks: tuple[Database, Database]) -> None:
    """Imports and their undo write with Core statements, not through the ORM."""
    first, second = desks
    event = events.create_event(first, "Forum", dt.date(2021, 11, 25), dt.date(2021, 11, 26))
    room = venue.add_room(first, event.id, "Hall A", 100)
    with second.transaction() as session:
        session.execute(update(Room).where(Room.id == room.id).values(capacity=7))
    assert _stamp(first, room.id)[1] == "reception-2"


def test_a_renamed_desk_writes_under_its_new_name(desks: tuple[Database, Database]) -> None:
    first, _second = desks
    event = events.create_event(first, "Forum", dt.date(2021, 11, 25), dt.date(2021, 11, 26))
    room = venue.add_room(first, event.id, "Hall A", 100)
    first.rename_desk("press-centre")
    assert first.desk == "press-centre"
    venue.update_room(first, room.id, {"name": "Hall B"}, expected_version=room.version)
    assert _stamp(first, room.id)[1] == "press-centre"


def test_the_desk_name_comes_from_the_choice_then_the_environment_then_user_and_host(
    monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    monkeypatch.delenv(DESK_ENVIRONMENT, raising=False)
    assert desk_name() == default_desk_name()
    assert desk_name("   ") == default_desk_name()
    monkeypatch.setenv(DESK_ENVIRONMENT, "cli-desk")
    assert desk_name() == "cli-desk"
    assert desk_name("  reception   2 ") == "reception 2"
    assert len(desk_name("регистрация " * 20)) == MAX_DESK_NAME
    db = open_database(resolve_database_url(str(db_path)))
    try:
        assert db.desk == "cli-desk"
    finally:
        db.dispose()


def test_a_database_from_before_the_columns_keeps_its_rows_and_stamps_new_writes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    upgrade_to(path, "0002")
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "INSERT INTO events (id, name, first_day, last_day, timezone, version) "
            "VALUES (1, 'Forum', '2021-11-25', '2021-11-26', 'Asia/Almaty', 1)"
        )
        conn.execute(
            "INSERT INTO rooms (id, event_id, name, position, version) "
            "VALUES (1, 1, 'Hall A', 0, 1)"
        )

    db = open_database(resolve_database_url(str(path)), desk="reception-1")
    try:
        assert len(list(tmp_path.glob("old.sqlite3.*.bak"))) == 1  # a backup before the update
        assert _stamp(db, 1) == (None, None)  # written before anyone kept count
        room = venue.list_rooms(db, 1)[0]
        assert (room.name, room.version) == ("Hall A", 1)
        venue.update_room(db, 1, {"capacity": 50}, expected_version=1)
        assert _stamp(db, 1)[1] == "reception-1"
    finally:
        db.dispose()
    with closing(sqlite3.connect(path)) as conn:
        for table in VERSIONED:
            names = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            assert {"updated_at", "updated_by"} <= names, table
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        assert revision == [(head_revision(),)]
