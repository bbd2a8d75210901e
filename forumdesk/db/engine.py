"""Opening a database: engine, SQLite connection settings and the unit of work.

`Database` is what the rest of forumdesk holds. A service opens `db.transaction()` once per user
action: it commits everything or, on any exception, rolls back and leaves the database as it was.
Queries that only read use `db.reader()`, which never takes the write lock.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from forumdesk.core.errors import (
    CancelledError,
    ConflictError,
    DatabaseBusyError,
    DatabaseError,
    StorageError,
)
from forumdesk.core.i18n import _
from forumdesk.db.desks import DESK_OPTION, application_name, desk_name
from forumdesk.db.driver_errors import DriverFailure, failure_of, sqlite_primary_code
from forumdesk.db.journal import Journal
from forumdesk.db.sqlite_files import no_room_left
from forumdesk.db.stale import remember_written, stale_flush_error

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
POSTGRES_CONNECT_TIMEOUT_S = 10
# While a transaction waits for SQLite's write lock, it asks again this often (and tells its
# `waiting` callback each time): Cancel stays quick and the wait has no limit.
WAIT_POLL_MS = 250
_READ_ONLY_OPTION = "forumdesk_read_only"
_WAITING_OPTION = "forumdesk_waiting"

Waiting = Callable[[], bool | None]  # returns False to give up waiting (cancel)


class Database:
    """An open forumdesk database: an engine plus transaction helpers.

    `read_only` says that it was opened for reading only (a file or folder forumdesk may not
    write): every unit of work is then refused at once, in words, before anything is tried.
    """

    def __init__(self, engine: Engine, desk: str | None = None, *, read_only: bool = False) -> None:
        self.engine = engine
        self.url: URL = engine.url
        self.read_only = read_only
        self._read_sessions = sessionmaker(
            engine.execution_options(**{_READ_ONLY_OPTION: True}), expire_on_commit=False
        )
        self._write_sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._write_sessions, "before_flush", remember_written)
        # the change journal, written in the same transaction as each change
        self.journal = Journal(lambda: self.desk)
        event.listen(self._write_sessions, "after_flush", self.journal.after_flush)
        event.listen(self._write_sessions, "do_orm_execute", self.journal.on_statement)
        event.listen(self._write_sessions, "before_commit", self.journal.before_commit)
        event.listen(self._write_sessions, "after_rollback", self.journal.after_rollback)
        self.desk = ""
        self.rename_desk(desk_name(desk))
        if self.url.get_backend_name() == "postgresql":
            event.listen(engine, "do_connect", self._name_connection)

    def rename_desk(self, desk: str) -> None:
        """Write as `desk` from now on (`updated_by`); the server sees the new name on the
        connections opened after this (the pool's idle ones are closed)."""
        if desk == self.desk:
            return
        renamed = bool(self.desk)
        self.desk = desk
        if renamed:
            self.engine.dispose()

    def _name_connection(self, _dialect: Any, _record: Any, _args: Any, params: Any) -> None:
        if "application_name" not in self.url.query:
            params["application_name"] = application_name(self.desk)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def location(self) -> str:
        """The database as a person would name it: a file path, or the URL without password."""
        if self.is_sqlite and self.url.database:
            return self.url.database
        return self.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def transaction(self, *, waiting: Waiting | None = None) -> Iterator[Session]:
        """One unit of work: commit all of it on success, roll all of it back on any error.

        On SQLite the write lock is taken first. Without `waiting`, a lock another connection
        holds for longer than the busy timeout (5 s) fails with DatabaseBusyError; with it, the
        transaction waits as long as it takes, calling `waiting()` every WAIT_POLL_MS while it
        waits; `waiting()` returning False gives up with CancelledError (or it raises its own).
        """
        if self.read_only:
            raise StorageError(read_only_refusal())
        session = self._write_sessions()
        options: dict[str, Any] = {DESK_OPTION: self.desk}
        if waiting is not None:
            options[_WAITING_OPTION] = waiting
        try:
            with _translated_errors(session, self._file()):
                # every write of the unit of work is stamped with the desk's name (updated_by)
                session.connection(execution_options=options)
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (a deferred transaction on SQLite: no write lock)."""
        session = self._read_sessions()
        try:
            with _translated_errors(session, self._file()):
                yield session
        finally:
            session.rollback()
            session.close()

    def _file(self) -> Path | None:
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    def dispose(self) -> None:
        self.engine.dispose()


def read_only_refusal() -> str:
    """What an edit of a database opened read-only is told."""
    return _(
        "The database is open read-only (the file or its folder may not be written), so "
        "nothing can be changed. Make it writable, or copy it to a folder of your own, and "
        "open it again."
    )


@contextlib.contextmanager
def _translated_errors(session: Session, file: Path | None = None) -> Iterator[None]:
    """Turn driver errors into forumdesk errors whose message says what to do."""
    try:
        yield
    except StaleDataError as exc:
        fallback = _(
            "Someone else changed this record in the meantime. Reload and make the change again."
        )
        raise stale_flush_error(session, fallback) from exc
    except IntegrityError as exc:
        log.info("integrity error: %s", exc.orig)
        raise ConflictError(
            _(
                "The change was refused because it conflicts with data already stored ({detail})."
            ).format(detail=_first_line(exc.orig))
        ) from exc
    except SADatabaseError as exc:
        raise _driver_error(exc, file) from exc


def _driver_error(exc: SADatabaseError, file: Path | None = None) -> DatabaseError:
    """The error for what the driver's error code says happened (see db/driver_errors.py).

    Classified by code whatever the DB-API class: PostgreSQL reports a read-only transaction as
    an InternalError, SQLite a read-only file as an OperationalError.
    """
    failure = failure_of(exc)
    if failure is DriverFailure.DISK and file is not None and no_room_left(file):
        failure = DriverFailure.FULL  # SQLite says "disk I/O error" when -shm cannot grow
    if failure is DriverFailure.BUSY:
        return DatabaseBusyError(
            _(
                "The database is busy: another forumdesk window or program is writing to it. "
                "Try again in a moment."
            )
        )
    if failure is DriverFailure.FULL:
        return StorageError(
            _(
                "The disk is full, so the change could not be saved. Nothing was changed; "
                "free some space and try again."
            )
        )
    if failure is DriverFailure.READ_ONLY:
        return StorageError(_("The database file is read-only, so the change could not be saved."))
    if failure is DriverFailure.DISK:
        return StorageError(_("The disk reported an error while saving. Nothing was changed."))
    if isinstance(exc, OperationalError):
        return DatabaseError(
            _("The database could not be used: {detail}").format(detail=_first_line(exc.orig))
        )
    return DatabaseError(
        _("The database reported an error: {detail}").format(detail=_first_line(exc.orig))
    )


def _first_line(orig: object) -> str:
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def create_database_engine(url: URL, *, read_only_uri: str | None = None, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL, a busy timeout, IMMEDIATE writes.

    `read_only_uri` (forumdesk.db.sqlite_files) opens an SQLite file read-only instead: the
    engine keeps `url` (the window names the file by it) but connects through the URI.
    """
    if url.get_backend_name() == "sqlite":
        if read_only_uri is not None:
            engine = create_engine(
                url,
                creator=lambda: sqlite3.connect(
                    read_only_uri,
                    uri=True,
                    timeout=SQLITE_BUSY_TIMEOUT_MS / 1000,
                    check_same_thread=False,  # as SQLAlchemy's own file connections
                ),
                **kwargs,
            )
            _configure_sqlite(engine, read_only=True)
            return engine
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs
        )
        _configure_sqlite(engine)
        return engine
    if url.get_backend_name() == "postgresql" and "application_name" not in url.query:
        # the other desks see this one in pg_stat_activity (forumdesk.db.desks)
        connect_args = {
            "application_name": application_name(),
            "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S,  # an unreachable server: a message
            **kwargs.pop("connect_args", {}),
        }
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            if not read_only:  # the journal mode is written into the file
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A write transaction takes the write lock up front: two workstations never both read,
        # then fail to upgrade to a write half-way through a user action.
        options = connection.get_execution_options()
        waiting = options.get(_WAITING_OPTION)
        if read_only or options.get(_READ_ONLY_OPTION, False):
            connection.exec_driver_sql("BEGIN")
        elif waiting is None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            _begin_waiting(connection, waiting)


def _begin_waiting(connection: Any, waiting: Waiting) -> None:
    """BEGIN IMMEDIATE, asking again every WAIT_POLL_MS while another connection writes."""
    dbapi_connection: sqlite3.Connection = connection.connection.driver_connection
    dbapi_connection.execute(f"PRAGMA busy_timeout={WAIT_POLL_MS}")
    try:
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if sqlite_primary_code(exc) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    break  # not a lock: SQLAlchemy reports it below, translated as usual
            if waiting() is False:
                raise CancelledError()
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    connection.exec_driver_sql("BEGIN IMMEDIATE")
