"""The engine and unit of work on a real SQLite file: pragmas, locking, rollback, constraints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from forumdesk.config import resolve_database_url
from forumdesk.core.enums import Role
from forumdesk.core.errors import (
    CancelledError,
    ConcurrentEditError,
    ConflictError,
    DatabaseBusyError,
)
from forumdesk.db.engine import SQLITE_BUSY_TIMEOUT_MS, Database, create_database_engine
from forumdesk.db.models import Assignment, Event, Person, ProgramSession, Room
from forumdesk.services.demo import DemoResult

NOON = dt.datetime(2021, 11, 25, 12, 0)


@pytest.fixture
def other(db: Database, db_path: Path) -> Iterator[Database]:
    """A second workstation on the same file that waits only 100 ms for a lock."""
    engine = create_database_engine(resolve_database_url(str(db_path)))

    @event.listens_for(engine, "connect")
    def _short_wait(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=100")

    database = Database(engine)
    yield database
    database.dispose()


def _event(name: str = "Forum") -> Event:
    return Event(
        name=name,
        first_day=dt.date(2021, 11, 25),
        last_day=dt.date(2021, 11, 26),
        timezone="Asia/Almaty",
    )


def _person(family_name: str, email: str | None = None) -> Person:
    return Person(family_name=family_name, display_name=family_name, email=email)


def _add_event(db: Database, name: str = "Forum") -> int:
    with db.transaction() as session:
        record = _event(name)
        session.add(record)
        session.flush()
        return record.id


def _count(db: Database, model: type) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# --- connection settings ----------------------------------------------------------------------


def _pragmas(session: Session) -> tuple[object, object, object]:
    return (
        session.execute(text("PRAGMA foreign_keys")).scalar(),
        session.execute(text("PRAGMA journal_mode")).scalar(),
        session.execute(text("PRAGMA busy_timeout")).scalar(),
    )


def test_connection_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_pragmas_hold_in_readers_and_transactions(db: Database) -> None:
    with db.reader() as session:
        assert _pragmas(session) == (1, "wal", 5000)
    with db.transaction() as session:
        assert _pragmas(session) == (1, "wal", 5000)


# --- locking ----------------------------------------------------------------------------------


def test_write_transaction_takes_the_write_lock_when_it_begins(
    demo: DemoResult, db: Database, other: Database
) -> None:
    # Deferred transactions would let both of these read; IMMEDIATE ones cannot both begin.
    with db.transaction() as session:
        assert session.scalar(select(Event.name)) == demo.event.name
        with pytest.raises(DatabaseBusyError) as caught, other.transaction() as second:
            second.execute(select(Event.id)).all()
    message = str(caught.value)
    assert "busy" in message and "\n" not in message and "sqlite" not in message.lower()
    # once the first transaction is over, the second workstation can write
    with other.transaction() as second:
        assert second.scalar(select(Event.name)) == demo.event.name


def test_a_writer_blocks_writers_but_not_readers(
    demo: DemoResult, db: Database, other: Database
) -> None:
    with db.transaction() as session:
        session.get_one(Event, demo.event.id).name = "Renamed, not yet committed"
        session.flush()
        with pytest.raises(DatabaseBusyError), other.transaction() as second:
            second.add(_person("Blocked"))
            second.flush()
        with other.reader() as reading:
            assert reading.scalar(select(Event.name)) == demo.event.name
    with other.reader() as reading:
        assert reading.scalar(select(Event.name)) == "Renamed, not yet committed"
    assert _count(other, Person) == demo.people_added


def test_a_transaction_that_may_wait_asks_again_until_told_to_give_up(
    demo: DemoResult, db: Database, other: Database
) -> None:
    calls: list[int] = []

    def waiting() -> bool:
        calls.append(1)
        return len(calls) < 3

    with db.transaction() as session:
        session.get_one(Event, demo.event.id).name = "Renamed, not yet committed"
        session.flush()
        with pytest.raises(CancelledError), other.transaction(waiting=waiting) as second:
            second.add(_person("Never written"))
    assert len(calls) == 3
    # the lock is free: no waiting at all, and the connection has its usual busy timeout back
    with other.transaction(waiting=lambda: False) as second:
        second.add(_person("Written"))
        second.flush()
        assert second.scalar(text("PRAGMA busy_timeout")) == SQLITE_BUSY_TIMEOUT_MS
    assert _count(other, Person) == demo.people_added + 1


# --- the unit of work -------------------------------------------------------------------------


def test_an_exception_rolls_back_the_whole_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError, match="half-way"), db.transaction() as session:
        session.add(_event())
        session.flush()
        session.add(_person("Ivanov", "ivanov@example.org"))
        session.flush()
        raise RuntimeError("failed half-way")
    assert _count(db, Event) == 0
    assert _count(db, Person) == 0


def test_foreign_key_violation_is_a_conflict_and_nothing_stays(
    demo: DemoResult, db: Database
) -> None:
    with db.reader() as session:
        session_id = session.scalar(select(ProgramSession.id).limit(1))
    assert session_id is not None
    with pytest.raises(ConflictError) as caught, db.transaction() as session:
        session.add(_person("Written first"))
        session.flush()
        session.add(Assignment(session_id=session_id, person_id=999_999, role=Role.SPEAKER))
    assert "FOREIGN KEY" in str(caught.value)
    assert _count(db, Person) == demo.people_added
    with db.reader() as session:
        assert (
            session.scalar(select(Person.id).where(Person.family_name == "Written first")) is None
        )
        assert session.scalar(select(Assignment).where(Assignment.person_id == 999_999)) is None


def test_second_of_two_concurrent_edits_is_refused(db: Database) -> None:
    event_id = _add_event(db, "Original")
    # Two sessions read the same event (each keeps its copy after its transaction).
    with db.transaction() as first_session:
        first = first_session.get_one(Event, event_id)
    with db.transaction() as second_session:
        second = second_session.get_one(Event, event_id)
    assert first.version == second.version == 1

    with db.transaction() as session:
        session.add(first)
        first.name = "First edit"
    with pytest.raises(ConcurrentEditError), db.transaction() as session:
        session.add(second)
        second.name = "Second edit"

    with db.reader() as session:
        stored = session.get_one(Event, event_id)
        assert (stored.name, stored.version) == ("First edit", 2)


# --- constraints the database itself enforces -------------------------------------------------


@pytest.mark.parametrize("length", [dt.timedelta(0), dt.timedelta(minutes=-30)])
def test_session_ending_before_it_starts_is_refused(db: Database, length: dt.timedelta) -> None:
    event_id = _add_event(db)
    with pytest.raises(ConflictError, match="CHECK"), db.transaction() as session:
        session.add(
            ProgramSession(
                event_id=event_id, title="Backwards", starts_at=NOON, ends_at=NOON + length
            )
        )
    assert _count(db, ProgramSession) == 0


def test_session_with_only_a_start_is_refused(db: Database) -> None:
    event_id = _add_event(db)
    with pytest.raises(ConflictError), db.transaction() as session:
        session.add(ProgramSession(event_id=event_id, title="Half", starts_at=NOON))
    assert _count(db, ProgramSession) == 0


def test_session_cannot_use_another_events_room(db: Database) -> None:
    ours, theirs = _add_event(db, "Ours"), _add_event(db, "Theirs")
    with db.transaction() as session:
        their_room = Room(event_id=theirs, name="Hall A")
        our_room = Room(event_id=ours, name="Hall A")
        session.add_all([their_room, our_room])
        session.flush()
        their_room_id, our_room_id = their_room.id, our_room.id

    with pytest.raises(ConflictError, match="FOREIGN KEY"), db.transaction() as session:
        session.add(
            ProgramSession(
                event_id=ours,
                title="Wrong hall",
                room_id=their_room_id,
                starts_at=NOON,
                ends_at=NOON + dt.timedelta(hours=1),
            )
        )
    assert _count(db, ProgramSession) == 0

    # the same session in its own event's room is accepted
    with db.transaction() as session:
        session.add(
            ProgramSession(
                event_id=ours,
                title="Right hall",
                room_id=our_room_id,
                starts_at=NOON,
                ends_at=NOON + dt.timedelta(hours=1),
            )
        )
    assert _count(db, ProgramSession) == 1


def test_email_is_unique_in_the_database(db: Database) -> None:
    with db.transaction() as session:
        session.add(_person("Rossi", "m.rossi@example.org"))
    with pytest.raises(ConflictError, match="UNIQUE"), db.transaction() as session:
        session.add(_person("Rossi-Bianchi", "m.rossi@example.org"))
    with db.reader() as session:
        assert session.scalars(select(Person.family_name)).all() == ["Rossi"]


def test_people_without_email_do_not_clash(db: Database) -> None:
    with db.transaction() as session:
        session.add_all([_person("Gromov"), _person("Gromova")])
    assert _count(db, Person) == 2
