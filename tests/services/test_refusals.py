"""A write refused as stale says what became of the record, when, and from which desk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from forumdesk.config import resolve_database_url
from forumdesk.core.errors import ConcurrentEditError
from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.db.models import ProgramSession
from forumdesk.services import placing, refusals, sessions, venue
from forumdesk.services.demo import DemoResult, load_demo
from forumdesk.services.records import change_time

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def desks(db_path: Path) -> Iterator[tuple[Database, Database, DemoResult]]:
    """reception-1 and reception-2 on one file with the demo forum."""
    first = open_database(resolve_database_url(str(db_path)), desk="reception-1")
    second = open_database(resolve_database_url(str(db_path)), desk="reception-2")
    demo = load_demo(first)
    yield first, second, demo
    first.dispose()
    second.dispose()


def _s3(db: Database, event_id: int) -> SessionRow:
    return next(s for s in sessions.list_sessions(db, event_id) if s.code == "S3")


def _refused(db: Database, seen: SessionRow, write: object) -> str:
    """Run the stale `write` (a callable) on `db`; the refusal as the window tells it."""
    with pytest.raises(ConcurrentEditError) as caught:
        write()  # type: ignore[operator]
    error = caught.value
    assert (error.what, error.record_id) == ("session", seen.id)
    return str(refusals.session_refusal(db, error, seen))


def test_a_stale_move_says_where_the_session_was_moved_when_and_from_which_desk(
    desks: tuple[Database, Database, DemoResult],
) -> None:
    first, second, demo = desks
    seen = _s3(second, demo.event.id)  # reception-2 shows S3 in Hall C, 13:00–14:30
    assert seen.starts_at is not None
    hall_d = next(r for r in venue.list_rooms(first, demo.event.id) if r.name == "Hall D")
    placing.move_session(
        first,
        seen.id,
        seen.starts_at + 2 * HOUR,
        hall_d.id,
        keep_room=False,
        expected_version=seen.version,
    )
    moved = _s3(first, demo.event.id)
    assert moved.updated_by == "reception-1" and moved.updated_at is not None

    message = _refused(
        second,
        seen,
        lambda: placing.move_session(
            second,
            seen.id,
            seen.starts_at + HOUR,
            expected_version=seen.version,  # type: ignore[operator]
        ),
    )
    assert message.startswith(
        f"S3 was moved to Hall D, 2021-11-25 15:00–16:30 at {change_time(moved.updated_at)} "
        "from the desk reception-1."
    )
    assert "not saved" in message
    assert _s3(first, demo.event.id) == moved  # the refused write changed nothing


def test_taken_off_resized_and_edited_are_told_apart(
    desks: tuple[Database, Database, DemoResult],
) -> None:
    first, second, demo = desks
    seen = _s3(second, demo.event.id)
    assert seen.starts_at is not None and seen.ends_at is not None

    def stale_resize() -> object:
        return placing.resize_session(
            second,
            seen.id,
            seen.ends_at + HOUR,
            expected_version=seen.version,  # type: ignore[operator]
        )

    placing.resize_session(first, seen.id, seen.ends_at + 2 * HOUR, expected_version=seen.version)
    resized = _s3(first, demo.event.id)
    assert "S3 was changed to Hall C, 2021-11-25 13:00–16:30 at" in _refused(
        second, seen, stale_resize
    )

    sessions.update_session(first, seen.id, {"title": "Renamed"}, expected_version=resized.version)
    message = _refused(second, resized, stale_resize)
    assert "S3 was changed at" in message and "from the desk reception-1" in message
    assert "Where it is now: Hall C, 2021-11-25 13:00–16:30." in message

    renamed = _s3(first, demo.event.id)
    placing.unschedule_sessions(first, [seen.id], expected_versions={seen.id: renamed.version})
    assert "S3 was taken off the timetable at" in _refused(second, renamed, stale_resize)


def test_without_a_seen_row_or_a_stamp_the_refusal_still_says_where_the_session_is(
    desks: tuple[Database, Database, DemoResult],
) -> None:
    first, second, demo = desks
    seen = _s3(second, demo.event.id)
    sessions.update_session(first, seen.id, {"title": "Renamed"}, expected_version=seen.version)
    with first.transaction() as session:  # as a record written before the stamps existed
        session.execute(
            update(ProgramSession)
            .where(ProgramSession.id == seen.id)
            .values(updated_at=None, updated_by=None)
        )
    message = _refused(
        second,
        seen,
        lambda: sessions.update_session(
            second, seen.id, {"title": "Mine"}, expected_version=seen.version
        ),
    )
    assert message.startswith("Someone else changed this session in the meantime.")
    assert "Where it is now: Hall C, 2021-11-25 13:00–14:30." in message


def test_change_time_is_the_hour_today_and_the_date_on_another_day() -> None:
    utc = dt.datetime(2026, 12, 4, 9, 2)
    local = utc.replace(tzinfo=dt.UTC).astimezone()
    assert change_time(utc, today=local.date()) == f"{local:%H:%M}"
    tomorrow = local.date() + dt.timedelta(days=1)
    assert change_time(utc, today=tomorrow) == f"{local:%Y-%m-%d %H:%M}"
