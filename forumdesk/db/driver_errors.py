"""What went wrong in the database driver, told by the driver's error code, never by its words.

SQLite (Python 3.11's sqlite3) gives each error its extended result code as `sqlite_errorcode`;
the primary result code is its low byte (SQLITE_IOERR_WRITE is SQLITE_IOERR | 3<<8). PostgreSQL
(psycopg) gives each error its SQLSTATE as `sqlstate`. Messages are written for people: they
change between versions and a PostgreSQL server may translate them (lc_messages); codes do not.
SQLAlchemy wraps the driver's exception and keeps it as `exc.orig`; `failure_of` accepts either.
"""

from __future__ import annotations

import enum
import sqlite3


class DriverFailure(enum.Enum):
    """The kinds of driver failure that forumdesk explains to the user in their own words."""

    BUSY = "busy"  # another connection holds a lock: trying again later may work
    FULL = "full"  # no room left on the disk
    READ_ONLY = "read-only"  # the database may be read but not written
    DISK = "disk"  # the disk reported an I/O error
    NOT_A_DATABASE = "not a database"  # the file is not a database, or it is damaged
    CANNOT_OPEN = "cannot open"  # the file cannot be opened or created there
    CANNOT_CONNECT = "cannot connect"  # no session with the server: address, login, password
    OTHER = "other"


_SQLITE_PRIMARY = {
    sqlite3.SQLITE_BUSY: DriverFailure.BUSY,
    sqlite3.SQLITE_LOCKED: DriverFailure.BUSY,
    sqlite3.SQLITE_READONLY: DriverFailure.READ_ONLY,
    sqlite3.SQLITE_IOERR: DriverFailure.DISK,
    sqlite3.SQLITE_CORRUPT: DriverFailure.NOT_A_DATABASE,
    sqlite3.SQLITE_FULL: DriverFailure.FULL,
    sqlite3.SQLITE_CANTOPEN: DriverFailure.CANNOT_OPEN,
    sqlite3.SQLITE_NOTADB: DriverFailure.NOT_A_DATABASE,
}

_POSTGRES_SQLSTATE = {
    "55P03": DriverFailure.BUSY,  # lock_not_available (lock_timeout, NOWAIT)
    "40P01": DriverFailure.BUSY,  # deadlock_detected: the other transaction won
    "40001": DriverFailure.BUSY,  # serialization_failure: run it again
    "53100": DriverFailure.FULL,  # disk_full ("could not extend file")
    "25006": DriverFailure.READ_ONLY,  # read_only_sql_transaction (e.g. a standby)
    "58030": DriverFailure.DISK,  # io_error
    "XX001": DriverFailure.NOT_A_DATABASE,  # data_corrupted
    "XX002": DriverFailure.NOT_A_DATABASE,  # index_corrupted
}


def sqlite_primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of `error` (SQLITE_BUSY, ...), or None if it has none."""
    code = getattr(driver_error(error), "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def failure_of(error: BaseException) -> DriverFailure:
    """Classify a driver error (or SQLAlchemy's wrapper of one) by its code."""
    orig = driver_error(error)
    if isinstance(orig, sqlite3.Error):
        code = sqlite_primary_code(orig)
        return (
            DriverFailure.OTHER if code is None else _SQLITE_PRIMARY.get(code, DriverFailure.OTHER)
        )
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        return _POSTGRES_SQLSTATE.get(sqlstate, DriverFailure.OTHER)
    if _connection_failed(orig):
        return DriverFailure.CANNOT_CONNECT
    return DriverFailure.OTHER


def _connection_failed(orig: BaseException) -> bool:
    """psycopg's failure to connect: no SQLSTATE (libpq reports it before any session), and
    the connection it keeps as `pgconn` is in the BAD state (wrong password, unknown host or
    database, a server that does not answer)."""
    pgconn = getattr(orig, "pgconn", None)
    status = getattr(pgconn, "status", None)
    return isinstance(status, int) and status == _PG_CONNECTION_BAD


_PG_CONNECTION_BAD = 1  # libpq's CONNECTION_BAD (psycopg.pq.ConnStatus.BAD)


def driver_error(error: BaseException) -> BaseException:
    """The driver's own exception: SQLAlchemy keeps it as `orig`; anything else is itself."""
    orig = getattr(error, "orig", None)
    return orig if isinstance(orig, BaseException) else error
