"""Opening a database: Alembic brings it to the current schema, backing the file up first.

With only the shipped migrations, every database forumdesk makes is at head, so an "older" one
cannot be made from them alone. To exercise a genuine upgrade, `extra_revision` copies the shipped
migrations into `tmp_path`, adds a revision on top of the shipped head and points
forumdesk.db.migrate.MIGRATIONS_DIR at that copy: a database created with the shipped scripts is
then one revision behind, exactly as a user's file is after an update. Nothing about the database
itself is faked.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, inspect, select
from sqlalchemy.engine import make_url

from forumdesk.config import ConfigError, resolve_database_url
from forumdesk.core.errors import DatabaseError, EmptyDatabaseFileError, SchemaError
from forumdesk.db import migrate
from forumdesk.db.engine import Database, create_database_engine
from forumdesk.db.migrate import (
    alembic_config,
    backup_sqlite_file,
    head_revision,
    open_database,
    upgrade_schema,
)
from forumdesk.db.models import Base, Event
from forumdesk.services.demo import DemoResult, load_demo
from tests.db.revisions import downgrade_to, upgrade_to

FORUM_TABLES = {
    "events",
    "rooms",
    "tracks",
    "program_sessions",
    "organizations",
    "people",
    "registrations",
    "assignments",
}

EXTRA = "test_marker"  # the test-only revision that follows the shipped head
_EXTRA_REVISION = '''
"""Test-only revision on top of the shipped schema."""
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_marker", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO upgrade_marker (id) VALUES (1)")
    {failure}


def downgrade() -> None:
    op.drop_table("upgrade_marker")
'''


def _open(path: Path) -> Database:
    return open_database(resolve_database_url(str(path)))


def _sql(path: Path, statement: str) -> list[tuple[object, ...]]:
    """Run one statement on the file with the plain sqlite3 module (committing, closing)."""
    with closing(sqlite3.connect(path)) as conn, conn:
        return conn.execute(statement).fetchall()


def _version(path: Path) -> str | None:
    rows = _sql(path, "SELECT version_num FROM alembic_version")
    return str(rows[0][0]) if rows else None


def _tables(path: Path) -> set[str]:
    rows = _sql(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(name) for (name,) in rows}


def _count(path: Path, table: str) -> int:
    return int(_sql(path, f"SELECT count(*) FROM {table}")[0][0])  # type: ignore[call-overload]


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.*.bak"))


@pytest.fixture
def extra_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Call to make forumdesk see a revision after the shipped head (optionally a failing one)."""

    def install(*, fails: bool = False) -> None:
        scripts = tmp_path / "migrations"
        shutil.copytree(
            migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__")
        )
        failure = f'raise RuntimeError("migration {EXTRA} broke")' if fails else "pass"
        script = (
            textwrap.dedent(_EXTRA_REVISION)
            .replace("{failure}", failure)
            .replace("{revision}", EXTRA)
            .replace("{down_revision}", head_revision())
        )
        (scripts / "versions" / f"{EXTRA}.py").write_text(script, encoding="utf-8")
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)

    return install


# --- the schema -------------------------------------------------------------------------------


def test_migrated_schema_equals_the_orm_metadata(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_new_database_is_at_head_with_every_table(db: Database, db_path: Path) -> None:
    assert _version(db_path) == head_revision()
    assert _tables(db_path) >= FORUM_TABLES
    with db.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == set(Base.metadata.tables) | {
            "alembic_version"
        }


def test_a_new_database_gets_no_backup(db: Database, db_path: Path) -> None:
    assert db_path.exists()
    assert _backups(db_path) == []


def test_opening_again_runs_nothing_and_makes_no_backup(
    demo: DemoResult, db: Database, db_path: Path
) -> None:
    people = _count(db_path, "people")
    db.dispose()
    again = _open(db_path)
    try:
        assert upgrade_schema(again.engine) is None
        assert load_demo(again).created is False
    finally:
        again.dispose()
    assert _version(db_path) == head_revision()
    assert _count(db_path, "people") == people > 0
    assert _backups(db_path) == []


def test_checking_an_up_to_date_database_does_not_wait_for_writers(
    db: Database, db_path: Path
) -> None:
    """Another workstation in the middle of a write (a long import) must not stop us opening."""
    engine = create_database_engine(resolve_database_url(str(db_path)))

    @event.listens_for(engine, "connect")
    def _short_wait(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=100")

    try:
        with db.transaction() as session:
            session.execute(select(Event.id)).all()  # holds the write lock from here on
            assert upgrade_schema(engine) is None
    finally:
        engine.dispose()


# --- upgrading an older database --------------------------------------------------------------


def test_database_at_the_first_shipped_revision_is_upgraded_with_a_backup(
    db_path: Path,
) -> None:
    revisions = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
    if len(revisions) < 2:
        pytest.skip("only one migration is shipped so far")
    first = revisions[-1].revision  # walk_revisions goes from head down to base
    upgrade_to(db_path, first)
    assert _version(db_path) == first

    database = _open(db_path)
    try:
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        database.dispose()

    assert _version(db_path) == head_revision()
    [backup] = _backups(db_path)
    assert _version(backup) == first


def test_older_database_is_backed_up_before_the_upgrade(
    db_path: Path, extra_revision: Callable[..., None]
) -> None:
    first = _open(db_path)
    load_demo(first)
    first.dispose()
    sessions = _count(db_path, "program_sessions")
    head = head_revision()
    extra_revision()

    upgraded = _open(db_path)
    upgraded.dispose()

    assert _version(db_path) == EXTRA
    assert _count(db_path, "upgrade_marker") == 1
    assert _count(db_path, "program_sessions") == sessions
    [backup] = _backups(db_path)
    assert re.fullmatch(re.escape(db_path.name) + r"\.\d{8}-\d{6}\.bak", backup.name)
    stamp = datetime.strptime(backup.name.split(".")[-2], "%Y%m%d-%H%M%S")
    assert abs((datetime.now() - stamp).total_seconds()) < 3600
    # the backup is the database as it was before the upgrade
    assert _version(backup) == head
    assert "upgrade_marker" not in _tables(backup)
    assert _count(backup, "program_sessions") == sessions


def test_upgraded_database_is_not_backed_up_again(
    db_path: Path, extra_revision: Callable[..., None]
) -> None:
    _open(db_path).dispose()
    extra_revision()
    _open(db_path).dispose()
    _open(db_path).dispose()
    assert len(_backups(db_path)) == 1
    assert _count(db_path, "upgrade_marker") == 1  # the extra revision ran once


def test_failed_upgrade_leaves_database_as_it_was_and_a_backup(
    db_path: Path, extra_revision: Callable[..., None]
) -> None:
    first = _open(db_path)
    load_demo(first)
    first.dispose()
    people = _count(db_path, "people")
    head = head_revision()
    extra_revision(fails=True)

    with pytest.raises((RuntimeError, DatabaseError), match=f"{EXTRA} broke"):
        _open(db_path)

    assert _version(db_path) == head
    assert "upgrade_marker" not in _tables(db_path)
    assert _count(db_path, "people") == people
    [backup] = _backups(db_path)
    assert _count(backup, "people") == people


def test_repeated_failed_upgrades_keep_one_backup(
    db_path: Path, extra_revision: Callable[..., None]
) -> None:
    first = _open(db_path)
    load_demo(first)
    first.dispose()
    extra_revision(fails=True)

    messages = []
    for _attempt in range(3):
        with pytest.raises(DatabaseError, match=f"{EXTRA} broke") as caught:
            _open(db_path)
        messages.append(str(caught.value))

    [backup] = _backups(db_path)
    assert all(str(backup) in message for message in messages)
    assert _count(backup, "people") == _count(db_path, "people")


def test_a_changed_database_gets_a_new_backup(
    db_path: Path, extra_revision: Callable[..., None]
) -> None:
    _open(db_path).dispose()
    extra_revision(fails=True)
    with pytest.raises(DatabaseError):
        _open(db_path)
    _sql(db_path, "CREATE TABLE changed_since (id INTEGER)")  # the file is not the same now
    with pytest.raises(DatabaseError):
        _open(db_path)
    assert len(_backups(db_path)) == 2


def test_empty_sqlite_file_is_refused_and_left_empty(db_path: Path) -> None:
    """A 0-byte file may be a database whose content was lost: never silently a new one."""
    db_path.touch()
    with pytest.raises(EmptyDatabaseFileError, match="empty file") as caught:
        _open(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == b""
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_empty_sqlite_file_is_migrated_without_backup_when_asked(db_path: Path) -> None:
    db_path.touch()
    database = open_database(resolve_database_url(str(db_path)), create_in_empty_file=True)
    database.dispose()
    assert _version(db_path) == head_revision()
    assert _backups(db_path) == []


# --- databases forumdesk must refuse ----------------------------------------------------------


def test_database_from_a_newer_forumdesk_is_refused_untouched(db: Database, db_path: Path) -> None:
    db.dispose()
    _sql(db_path, "UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()

    with pytest.raises(SchemaError, match="newer version of forumdesk"):
        _open(db_path)

    assert db_path.read_bytes() == before
    assert _version(db_path) == "9999"
    assert _backups(db_path) == []


def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    _sql(path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    _sql(path, "INSERT INTO invoices (total) VALUES (12.5)")

    with pytest.raises(SchemaError, match="not forumdesk's"):
        _open(path)

    assert _tables(path) == {"invoices"}
    assert _count(path, "invoices") == 1
    assert _backups(path) == []


def test_sqlite_file_of_another_program_is_left_byte_for_byte(tmp_path: Path) -> None:
    """Refusing a file must not change it (DESIGN: bad input changes nothing)."""
    path = tmp_path / "other.sqlite3"
    _sql(path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = path.read_bytes()

    with pytest.raises(SchemaError):
        _open(path)

    after = path.read_bytes()
    assert after[18:20] == before[18:20], "the file was switched to WAL journal mode"
    assert after == before


def test_text_file_is_not_a_forumdesk_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    content = "Agenda draft — not a database\n".encode() * 300
    path.write_bytes(content)

    with pytest.raises(DatabaseError, match="not a forumdesk database") as caught:
        _open(path)

    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_folder_given_as_database_path(tmp_path: Path) -> None:
    folder = tmp_path / "forum"
    folder.mkdir()
    with pytest.raises(ConfigError, match="folder"):
        _open(folder)
    assert list(folder.iterdir()) == []


# --- backups ----------------------------------------------------------------------------------


def test_backup_is_a_valid_copy_with_the_same_rows(
    demo: DemoResult, db: Database, db_path: Path
) -> None:
    backup = backup_sqlite_file(db.engine.url)

    assert backup is not None and backup.parent == db_path.parent
    assert _sql(backup, "PRAGMA integrity_check") == [("ok",)]
    for table in FORUM_TABLES:
        assert _count(backup, table) == _count(db_path, table)
    assert _count(backup, "program_sessions") == demo.sessions
    assert _version(backup) == head_revision()


def test_backups_in_the_same_second_get_different_names(db: Database, db_path: Path) -> None:
    # Occupy the names for this second and the next two, so the call cannot avoid a clash.
    now = datetime.now().timestamp()
    taken = {}
    for offset in (0, 1, 2):
        stamp = datetime.fromtimestamp(now + offset).strftime("%Y%m%d-%H%M%S")
        path = db_path.with_name(f"{db_path.name}.{stamp}.bak")
        path.write_bytes(b"an older backup")
        taken[path] = path.read_bytes()

    first = backup_sqlite_file(db.engine.url)
    second = backup_sqlite_file(db.engine.url)

    assert first is not None and second is not None
    assert first != second
    assert first not in taken and second not in taken
    for path, content in taken.items():
        assert path.read_bytes() == content
    for made in (first, second):
        assert re.fullmatch(re.escape(db_path.name) + r"\.\d{8}-\d{6}(-\d+)?\.bak", made.name)
        assert _version(made) == head_revision()


def test_unfinished_backups_are_removed_before_the_next_one(db: Database, db_path: Path) -> None:
    """What a kill during an earlier backup left (a hidden .part and its journal) goes."""
    leftovers = [
        db_path.with_name(f".{db_path.name}.20250101-000000.bak.part"),
        db_path.with_name(f".{db_path.name}.20250101-000000.bak.part-journal"),
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"half a copy")

    backup = backup_sqlite_file(db.engine.url)

    assert backup is not None
    assert not any(leftover.exists() for leftover in leftovers)
    assert [p.name for p in db_path.parent.iterdir() if ".part" in p.name] == []


def test_a_backup_that_fails_its_check_is_not_kept(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_copy(source: Path, part: Path) -> None:
        part.write_bytes(b"not a database")
        raise sqlite3.DatabaseError("the copy failed its integrity check: page 2 is never used")

    monkeypatch.setattr(migrate, "_copy_and_check", broken_copy)

    with pytest.raises(SchemaError, match="could not be made before updating it") as caught:
        backup_sqlite_file(db.engine.url)

    assert "integrity check" in str(caught.value)
    assert _backups(db_path) == []
    assert [p.name for p in db_path.parent.iterdir() if ".part" in p.name] == []


def test_backup_of_what_is_not_an_sqlite_file(tmp_path: Path) -> None:
    assert backup_sqlite_file(make_url("sqlite://")) is None
    assert backup_sqlite_file(make_url(f"sqlite:///{tmp_path / 'missing.sqlite3'}")) is None
    assert backup_sqlite_file(make_url("postgresql+psycopg://u@localhost/forum")) is None
    assert list(tmp_path.iterdir()) == []


# --- the quick check on every start ------------------------------------------------------------


def test_shipped_head_read_from_the_scripts_is_alembics_head() -> None:
    assert migrate.shipped_head() == head_revision()


def test_shipped_head_follows_an_added_revision(extra_revision: Callable[..., None]) -> None:
    extra_revision()
    assert migrate.shipped_head() == EXTRA == head_revision()


def test_shipped_head_gives_up_on_a_branch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("left", "right"):  # two heads on the same parent: only Alembic can judge
        (scripts / "versions" / f"{name}.py").write_text(
            f'revision = "{name}"\ndown_revision = "{head_revision()}"\n', encoding="utf-8"
        )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    assert migrate.shipped_head() is None


def test_opening_an_up_to_date_database_does_not_import_alembic(db_path: Path) -> None:
    _open(db_path).dispose()  # created and migrated: at head now
    probe = (
        "import sys\n"
        "from forumdesk.config import resolve_database_url\n"
        "from forumdesk.db.migrate import open_database\n"
        f"open_database(resolve_database_url({str(db_path)!r})).dispose()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


# --- 0004: planned lengths, all-rooms sessions, the tracks' order -----------------------------


def test_0004_puts_breaks_across_all_rooms_and_orders_tracks_as_created(db_path: Path) -> None:
    """A file at 0003 with a break booked into Hall A and tracks added as Z, A: after the
    upgrade the break is across all rooms in no room, the talk keeps its hall, and the tracks
    keep the order they were created in."""
    upgrade_to(db_path, "0003")
    _sql(
        db_path,
        "INSERT INTO events (id, name, first_day, last_day, timezone, changeover_minutes, version)"
        " VALUES (1, 'Forum', '2021-11-25', '2021-11-26', 'Asia/Almaty', 0, 1)",
    )
    _sql(
        db_path,
        "INSERT INTO rooms (id, event_id, name, position, version) VALUES (1, 1, 'A', 0, 1)",
    )
    _sql(db_path, "INSERT INTO tracks (id, event_id, name, version) VALUES (1, 1, 'Zeta', 1)")
    _sql(db_path, "INSERT INTO tracks (id, event_id, name, version) VALUES (2, 1, 'Alpha', 1)")
    for session_id, kind in ((1, "break"), (2, "discussion")):
        _sql(
            db_path,
            "INSERT INTO program_sessions (id, event_id, title, kind, room_id, starts_at,"
            " ends_at, version) VALUES"
            f" ({session_id}, 1, 'S{session_id}', '{kind}', 1, '2021-11-25 10:00:00.000000',"
            " '2021-11-25 10:30:00.000000', 1)",
        )

    database = _open(db_path)
    database.dispose()

    assert _version(db_path) == head_revision()
    assert _sql(
        db_path, "SELECT id, all_rooms, room_id, planned_minutes FROM program_sessions"
    ) == [
        (1, 1, None, None),
        (2, 0, 1, None),
    ]
    assert _sql(db_path, "SELECT name, position FROM tracks ORDER BY id") == [
        ("Zeta", 0),
        ("Alpha", 1),
    ]


# --- 0005: the change journal, published versions, cancelled sessions ------------------------


def test_0005_keeps_every_session_not_cancelled_and_journals_from_then_on(db_path: Path) -> None:
    """A file at 0004 with a session: after the upgrade the session is not cancelled, there is
    no version and no journal yet, and the next edit is journalled in its own transaction."""
    upgrade_to(db_path, "0004")
    assert "change_journal" not in _tables(db_path)
    _sql(
        db_path,
        "INSERT INTO events (id, name, first_day, last_day, timezone, changeover_minutes, version)"
        " VALUES (1, 'Forum', '2021-11-25', '2021-11-26', 'Asia/Almaty', 0, 1)",
    )
    _sql(
        db_path,
        "INSERT INTO program_sessions (id, event_id, code, title, kind, version)"
        " VALUES (1, 1, 'S1', 'Opening', 'plenary', 1)",
    )

    database = _open(db_path)
    try:
        assert _version(db_path) == head_revision()
        assert _sql(db_path, "SELECT cancelled FROM program_sessions") == [(0,)]
        assert _count(db_path, "change_journal") == 0
        assert _count(db_path, "programme_versions") == 0
        from forumdesk.services.sessions import set_cancelled

        set_cancelled(database, 1, True, expected_version=1)
    finally:
        database.dispose()
    assert _sql(db_path, "SELECT table_name, kind, before, after FROM change_journal") == [
        ("program_sessions", "update", '{"cancelled": false}', '{"cancelled": true}')
    ]


def test_0005_downgrades_to_0004_without_losing_sessions(db: Database, db_path: Path) -> None:
    from forumdesk.services.events import create_event
    from forumdesk.services.sessions import create_session

    event = create_event(db, "Forum", "2021-11-25", timezone="Asia/Almaty")
    create_session(db, event.id, "Opening", code="P1")
    db.dispose()
    downgrade_to(db_path, "0004")
    assert _version(db_path) == "0004"
    assert {"change_journal", "programme_versions"}.isdisjoint(_tables(db_path))
    assert _sql(db_path, "SELECT code, title FROM program_sessions") == [("P1", "Opening")]


# --- 0006: Latin names, countries as ISO codes ------------------------------------------------


def test_0006_fills_latin_names_and_turns_countries_into_codes(
    db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A file at 0004 with countries written every which way: after the upgrade each known one
    is its alpha-2 code, an unknown one is kept as written and reported in the log, everyone
    has a Latin name, and the new search keys find Cyrillic names from Latin typing."""
    from forumdesk.core.countries import country_label
    from forumdesk.services import people

    upgrade_to(db_path, "0004")
    _sql(
        db_path,
        "INSERT INTO organizations (id, name, name_key, country, version)"
        " VALUES (1, 'Минюст', 'минюст', 'Республика Казахстан', 1),"
        " (2, 'BIPA', 'bipa', 'UK', 1)",
    )
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.executemany(
            "INSERT INTO people (id, family_name, given_name, display_name, organization_id,"
            " country, search_key, version) VALUES (?, ?, ?, ?, ?, ?, '', 1)",
            [
                (1, "Кузнецов", "Пётр", "Кузнецов Пётр", 1, "Russia"),
                (2, "Қасымов", "Әлихан", "Қасымов Әлихан", 1, "Қазақстан"),
                (3, "Smith", "John", "John Smith", 2, "Атлантида"),
                (4, "Ли", None, "Ли", None, None),
            ],
        )

    with caplog.at_level("WARNING"):
        database = _open(db_path)
    try:
        assert _version(db_path) == head_revision()
        assert _sql(db_path, "SELECT id, latin_name, country FROM people ORDER BY id") == [
            (1, "Kuznetsov Petr", "RU"),
            (2, "Kasymov Alikhan", "KZ"),
            (3, "John Smith", "Атлантида"),
            (4, "Li", None),
        ]
        assert _sql(db_path, "SELECT country FROM organizations ORDER BY id") == [("KZ",), ("GB",)]
        assert "Атлантида" in caplog.text
        assert "Russia" not in caplog.text
        # the person with the unknown country still opens, and shows it as it was written
        smith = people.get_person(database, 3)
        assert country_label(smith.country, "ru") == "Атлантида"
        assert [p.id for p in people.search_people(database, "kuznetsov")] == [1]
        assert [p.id for p in people.search_people(database, "Смит")] == [3]
        assert [p.id for p in people.search_people(database, "miniust")] == [1, 2]
    finally:
        database.dispose()


# --- 0007: check-ins at the door, each event's secret for its badges' codes -------------------


def test_0007_gives_each_existing_event_a_secret_of_its_own(db_path: Path) -> None:
    upgrade_to(db_path, "0004")
    for event_id in (1, 2):
        _sql(
            db_path,
            "INSERT INTO events (id, name, first_day, last_day, timezone, changeover_minutes,"
            f" version) VALUES ({event_id}, 'F{event_id}', '2021-11-25', '2021-11-26',"
            " 'Asia/Almaty', 0, 1)",
        )

    database = _open(db_path)
    database.dispose()

    keys = [key for (key,) in _sql(db_path, "SELECT checkin_key FROM events ORDER BY id")]
    assert all(len(key) == 32 for key in keys) and keys[0] != keys[1]
    assert _sql(db_path, "SELECT count(*) FROM check_ins") == [(0,)]


# --- 0008: content in several languages -------------------------------------------------------


def test_0008_keeps_every_text_as_the_main_language_and_downgrades(db_path: Path) -> None:
    from forumdesk.services.events import get_event
    from forumdesk.services.sessions import get_session, update_session
    from forumdesk.services.venue import list_rooms

    upgrade_to(db_path, "0007")
    _sql(
        db_path,
        "INSERT INTO events (id, name, first_day, last_day, timezone, changeover_minutes,"
        " one_sector_warning, version) VALUES (1, 'Форум / Forum', '2021-11-25', '2021-11-26',"
        " 'Asia/Almaty', 0, 0, 1)",
    )
    _sql(
        db_path,
        "INSERT INTO rooms (id, event_id, name, position, version) VALUES (1, 1, 'Зал', 0, 1)",
    )
    _sql(
        db_path,
        "INSERT INTO program_sessions (id, event_id, code, title, kind, all_rooms, cancelled,"
        " version) VALUES (1, 1, 'S1', 'Торговля', 'discussion', 0, 0, 1)",
    )

    database = _open(db_path)
    try:
        assert _version(db_path) == "0008"
        event = get_event(database, 1)
        assert (event.content_languages, event.translations) == (("ru",), ())
        assert list_rooms(database, 1)[0].translations == ()
        session = get_session(database, 1)
        assert (session.title, session.translations) == ("Торговля", ())
        update_session(
            database,
            1,
            {"translations": {"en": {"title": "Trade"}}},
            expected_version=session.version,
        )
    finally:
        database.dispose()
    stored = _sql(db_path, "SELECT translations FROM program_sessions")
    assert stored == [('{"en": {"title": "Trade"}}',)]

    downgrade_to(db_path, "0007")
    assert _version(db_path) == "0007"
    columns = {row[1] for row in _sql(db_path, "PRAGMA table_info(program_sessions)")}
    assert "translations" not in columns
    assert _sql(db_path, "SELECT code, title FROM program_sessions") == [("S1", "Торговля")]
    assert _sql(db_path, "SELECT name FROM rooms") == [("Зал",)]
