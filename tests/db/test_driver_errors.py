"""Database errors told apart by the driver's error code: each case produced for real on an
SQLite file where SQLite can be made to fail that way, and by code alone (with a message that
says something else) where it cannot."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import InternalError, OperationalError

from forumdesk.config import resolve_database_url
from forumdesk.core.errors import DatabaseBusyError, DatabaseError, StorageError
from forumdesk.db.driver_errors import DriverFailure, failure_of, sqlite_primary_code
from forumdesk.db.engine import Database, create_database_engine
from forumdesk.db.migrate import open_database
from forumdesk.db.models import Event


def _event(name: str = "Forum") -> Event:
    return Event(
        name=name,
        first_day=dt.date(2027, 5, 12),
        last_day=dt.date(2027, 5, 13),
        timezone="Asia/Almaty",
    )


def _events(db: Database) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Event)) or 0)


def _sqlite_code(error: BaseException) -> int | None:
    """The primary SQLite code of the driver error behind a forumdesk error."""
    cause = error.__cause__
    assert cause is not None, "the driver's error is kept as the cause"
    return sqlite_primary_code(cause)


@pytest.fixture
def database_at(db: Database, db_path: Path) -> Iterator[Any]:
    """Open more Databases on the migrated file of `db`, configured per test."""
    opened: list[Database] = []

    def database_at(url: URL, **pragmas: int) -> Database:
        engine = create_database_engine(url)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            for name, value in pragmas.items():
                dbapi_connection.execute(f"PRAGMA {name}={value}")

        opened.append(Database(engine))
        return opened[-1]

    yield database_at
    for database in opened:
        database.dispose()


# --- produced for real ------------------------------------------------------------------------


def test_a_file_another_connection_holds_locked_is_busy(
    db: Database, db_path: Path, database_at: Any
) -> None:
    other = database_at(resolve_database_url(str(db_path)), busy_timeout=100)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program's write lock, held
        with pytest.raises(DatabaseBusyError, match="busy") as caught, other.transaction() as s:
            s.add(_event())
    finally:
        holder.rollback()
        holder.close()
    assert _sqlite_code(caught.value) == sqlite3.SQLITE_BUSY
    assert _events(db) == 0


def test_a_database_opened_read_only_refuses_writes_as_read_only(
    db: Database, db_path: Path, database_at: Any
) -> None:
    reading = database_at(make_url(f"sqlite:///file:{db_path}?mode=ro&uri=true"))
    with pytest.raises(StorageError, match="read-only") as caught, reading.transaction() as s:
        s.add(_event())
    assert _sqlite_code(caught.value) == sqlite3.SQLITE_READONLY
    assert _events(db) == 0


def test_a_database_that_cannot_grow_is_a_full_disk(
    db: Database, db_path: Path, database_at: Any
) -> None:
    with sqlite3.connect(db_path) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]
    # SQLite refuses to grow the file past max_page_count exactly as past the disk's end
    capped = database_at(resolve_database_url(str(db_path)), max_page_count=pages)
    with pytest.raises(StorageError, match="disk is full") as caught, capped.transaction() as s:
        s.add_all(_event("Forum " + "x" * 2000 + str(n)) for n in range(200))
    assert _sqlite_code(caught.value) == sqlite3.SQLITE_FULL
    assert _events(db) == 0  # the whole unit of work was rolled back


def test_a_text_file_is_not_a_database_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Agenda draft, not a database\n" * 300)
    with pytest.raises(DatabaseError, match="not a forumdesk database") as caught:
        open_database(resolve_database_url(str(path)))
    assert _sqlite_code(caught.value) == sqlite3.SQLITE_NOTADB


def test_a_damaged_file_is_refused_by_its_code_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    damaged = bytearray(path.read_bytes())
    damaged[100:112] = b"\xff" * 12  # the first page's b-tree header: sqlite_master unreadable
    path.write_bytes(bytes(damaged))
    with pytest.raises(DatabaseError, match="damaged") as caught:
        open_database(resolve_database_url(str(path)))
    assert _sqlite_code(caught.value) == sqlite3.SQLITE_CORRUPT
    assert path.read_bytes() == damaged


def test_a_folder_cannot_be_opened_as_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "forum"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="cannot be opened or created") as caught:
        open_database(URL.create("sqlite", database=str(folder)))
    assert _sqlite_code(caught.value) == sqlite3.SQLITE_CANTOPEN


# --- by code alone: the words of the message do not matter -------------------------------------


def _sqlite_error(message: str, code: int, name: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # what sqlite3 sets from sqlite3_extended_errcode()
    error.sqlite_errorname = name
    return error


SQLITE_IOERR_WRITE = sqlite3.SQLITE_IOERR | 3 << 8
SQLITE_READONLY_DBMOVED = sqlite3.SQLITE_READONLY | 4 << 8


@pytest.mark.parametrize(
    ("message", "code", "name", "expected", "words"),
    [
        ("database is locked", sqlite3.SQLITE_FULL, "SQLITE_FULL", StorageError, "disk is full"),
        ("database or disk is full", sqlite3.SQLITE_BUSY, "SQLITE_BUSY", DatabaseBusyError, "busy"),
        (
            "attempt to write a readonly database",
            sqlite3.SQLITE_LOCKED,
            "SQLITE_LOCKED",
            DatabaseBusyError,
            "busy",
        ),
        (
            "attempt to write a readonly database",
            SQLITE_IOERR_WRITE,
            "SQLITE_IOERR_WRITE",
            StorageError,
            "disk reported an error",
        ),
        (
            "disk I/O error",
            SQLITE_READONLY_DBMOVED,
            "SQLITE_READONLY_DBMOVED",
            StorageError,
            "read-only",
        ),
        (
            "database is locked, busy, full, read-only",
            sqlite3.SQLITE_ERROR,
            "SQLITE_ERROR",
            DatabaseError,
            "could not be used",
        ),
    ],
)
def test_sqlite_errors_are_told_apart_by_code_not_by_words(
    db: Database, message: str, code: int, name: str, expected: type, words: str
) -> None:
    orig = _sqlite_error(message, code, name)
    with pytest.raises(DatabaseError, match=words) as caught, db.transaction():
        raise OperationalError("INSERT INTO events ...", {}, orig)
    assert type(caught.value) is expected
    assert caught.value.__cause__ is not None and caught.value.__cause__.orig is orig  # type: ignore[attr-defined]


def test_a_plain_error_says_what_the_driver_said(db: Database) -> None:
    orig = _sqlite_error("database is locked, busy, full", sqlite3.SQLITE_ERROR, "SQLITE_ERROR")
    with pytest.raises(DatabaseError) as caught, db.transaction():
        raise OperationalError("INSERT INTO events ...", {}, orig)
    assert str(caught.value) == ("The database could not be used: database is locked, busy, full")


@pytest.mark.parametrize(
    ("message", "code", "failure"),
    [
        ("unable to open database file", sqlite3.SQLITE_NOTADB, DriverFailure.NOT_A_DATABASE),
        ("file is not a database", sqlite3.SQLITE_CANTOPEN, DriverFailure.CANNOT_OPEN),
        ("database disk image is malformed", sqlite3.SQLITE_IOERR, DriverFailure.DISK),
        ("unable to open database file", sqlite3.SQLITE_CORRUPT, DriverFailure.NOT_A_DATABASE),
    ],
)
def test_open_failures_are_told_apart_by_code(
    message: str, code: int, failure: DriverFailure
) -> None:
    assert failure_of(_sqlite_error(message, code, "")) is failure
    wrapped = OperationalError("SELECT 1", {}, _sqlite_error(message, code, ""))
    assert failure_of(wrapped) is failure


@pytest.mark.parametrize(
    ("message", "code", "words"),
    [
        ("unable to open database file", sqlite3.SQLITE_NOTADB, "not a forumdesk database"),
        ("file is not a database", sqlite3.SQLITE_CANTOPEN, "cannot be opened or created here"),
        ("database disk image is malformed", sqlite3.SQLITE_BUSY, "cannot be opened: database"),
    ],
)
def test_opening_tells_failures_apart_by_code(
    monkeypatch: pytest.MonkeyPatch, db_path: Path, message: str, code: int, words: str
) -> None:
    def failing_upgrade(_engine: object, **_options: object) -> None:
        raise OperationalError("PRAGMA journal_mode=WAL", {}, _sqlite_error(message, code, ""))

    monkeypatch.setattr("forumdesk.db.migrate.upgrade_schema", failing_upgrade)
    with pytest.raises(DatabaseError, match=words):
        open_database(resolve_database_url(str(db_path)))


def test_an_error_without_a_code_is_other() -> None:
    assert failure_of(sqlite3.OperationalError("database is locked")) is DriverFailure.OTHER
    assert failure_of(RuntimeError("disk is full")) is DriverFailure.OTHER


def test_postgresql_errors_are_told_apart_by_sqlstate(db: Database) -> None:
    errors = pytest.importorskip("psycopg.errors")
    cases = [
        (OperationalError, errors.LockNotAvailable("disk is full"), DatabaseBusyError),
        (OperationalError, errors.DeadlockDetected("no space"), DatabaseBusyError),
        (OperationalError, errors.DiskFull("could not obtain lock"), StorageError),
        (InternalError, errors.ReadOnlySqlTransaction("cannot execute INSERT"), StorageError),
        (OperationalError, errors.IoError("database is locked"), StorageError),
    ]
    expected_words = ["busy", "busy", "disk is full", "read-only", "disk reported an error"]
    for (wrapper, orig, expected), words in zip(cases, expected_words, strict=True):
        with pytest.raises(DatabaseError, match=words) as caught, db.transaction():
            raise wrapper("INSERT INTO events ...", {}, orig)
        assert type(caught.value) is expected, orig
    with pytest.raises(DatabaseError) as caught, db.transaction():
        raise OperationalError("SELECT 1", {}, errors.QueryCanceled("database is locked"))
    assert type(caught.value) is DatabaseError
