"""PostgreSQL errors told apart by SQLSTATE, produced for real on the test server: a lock held
by another connection, and a server that refuses writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import InternalError, OperationalError

from forumdesk.core.errors import DatabaseBusyError, StorageError
from forumdesk.db.driver_errors import DriverFailure, failure_of
from forumdesk.db.engine import Database, create_database_engine
from forumdesk.db.models import Event

pytestmark = pytest.mark.postgres


def _event() -> Event:
    return Event(
        name="Forum", first_day=dt.date(2027, 5, 12), last_day=dt.date(2027, 5, 13), timezone="UTC"
    )


@pytest.fixture
def database_with(pg: Database, postgres_url: URL) -> Iterator[Any]:
    """A second workstation on the migrated database whose connections run `settings` first."""
    opened: list[Database] = []

    def database_with(*settings: str) -> Database:
        engine = create_database_engine(postgres_url)

        @event.listens_for(engine, "connect")
        def _settings(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                for setting in settings:
                    cursor.execute(setting)
            dbapi_connection.commit()

        opened.append(Database(engine))
        return opened[-1]

    yield database_with
    for database in opened:
        database.dispose()


def test_a_lock_held_by_another_connection_is_busy(
    pg: Database, postgres_url: URL, database_with: Any
) -> None:
    waiting = database_with("SET lock_timeout = '200ms'")
    holder = create_engine(postgres_url)
    try:
        with holder.connect() as conn, conn.begin():
            conn.execute(text("LOCK TABLE events IN ACCESS EXCLUSIVE MODE"))
            with (
                pytest.raises(DatabaseBusyError, match="busy") as caught,
                waiting.transaction() as session,
            ):
                session.add(_event())
    finally:
        holder.dispose()
    # "canceling statement due to lock timeout": no word of it says busy or locked
    cause = caught.value.__cause__
    assert isinstance(cause, OperationalError) and cause.orig.sqlstate == "55P03"  # type: ignore[union-attr]
    assert failure_of(cause) is DriverFailure.BUSY


def test_a_server_refusing_writes_is_read_only(pg: Database, database_with: Any) -> None:
    reading = database_with("SET default_transaction_read_only = on")
    with pytest.raises(StorageError, match="read-only") as caught, reading.transaction() as session:
        session.add(_event())
    cause = caught.value.__cause__
    assert isinstance(cause, InternalError) and cause.orig.sqlstate == "25006"  # type: ignore[union-attr]
    with pg.reader() as session:
        assert session.scalar(text("SELECT count(*) FROM events")) == 0
