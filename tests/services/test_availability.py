"""Tests for forumdesk.services.availability: people's unavailability periods, on a real file.

The `event` fixture is in Asia/Almaty, six hours ahead of UTC in November 2021.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from sqlalchemy import func, select

from forumdesk.core.errors import ConcurrentEditError, ConflictError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow, PersonRow
from forumdesk.db.engine import Database
from forumdesk.db.models import PersonUnavailability
from forumdesk.services import availability, people
from forumdesk.services.events import delete_event
from tests.services.support import assert_readable

UTC = dt.UTC
MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")  # UTC+3


def at(day: int, hour: int, minute: int = 0, tz: dt.tzinfo | None = None) -> dt.datetime:
    return dt.datetime(2021, 11, day, hour, minute, tzinfo=tz)


@pytest.fixture
def speaker(db: Database) -> PersonRow:
    return people.create_person(db, "Brandt", "Stefan", email="s.brandt@example.org")


def _periods(db: Database, event: EventRow) -> list[tuple[object, ...]]:
    return [
        (p.person_id, p.starts_at, p.ends_at, p.note, p.version)
        for p in availability.list_unavailability(db, event.id)
    ]


# --- adding, and the event's clock -------------------------------------------------------------


def test_add_and_read_back_a_local_period(
    event: EventRow, speaker: PersonRow, db: Database
) -> None:
    added = availability.add_unavailability(
        db, event.id, speaker.id, at(25, 9), at(25, 12), note="  Flight\nfrom Geneva  "
    )
    assert availability.get_unavailability(db, added.id) == added
    assert availability.list_unavailability(db, event.id) == [added]
    assert (added.person_name, added.starts_at, added.ends_at, added.note) == (
        "Stefan Brandt",
        at(25, 9),
        at(25, 12),
        "Flight\nfrom Geneva",
    )


@pytest.mark.parametrize(
    ("starts_at", "ends_at"),
    [
        (at(25, 4, tz=UTC), at(25, 6, tz=UTC)),  # UTC
        (at(25, 7, tz=MOSCOW), at(25, 9, tz=MOSCOW)),  # another zone
        ("2021-11-25T04:00:00+00:00", "2021-11-25T06:00:00+00:00"),  # text with an offset
        ("2021-11-25 10:00", "2021-11-25 12:00"),  # text without one: already local
    ],
)
def test_times_are_stored_on_the_events_clock(
    event: EventRow, speaker: PersonRow, db: Database, starts_at: object, ends_at: object
) -> None:
    added = availability.add_unavailability(db, event.id, speaker.id, starts_at, ends_at)
    stored = availability.get_unavailability(db, added.id)
    assert (stored.starts_at, stored.ends_at) == (at(25, 10), at(25, 12))
    assert stored.starts_at.tzinfo is None


def test_a_utc_period_can_fall_on_the_next_local_day(
    event: EventRow, speaker: PersonRow, db: Database
) -> None:
    added = availability.add_unavailability(
        db, event.id, speaker.id, at(25, 20, tz=UTC), at(25, 23, tz=UTC)
    )
    assert (added.starts_at, added.ends_at) == (at(26, 2), at(26, 5))


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "needle"),
    [
        (at(25, 12), at(25, 12), "end after it starts"),
        (at(25, 12), at(25, 11), "end after it starts"),
        (None, at(25, 11), "needs a start and an end"),
        (at(25, 12), "  ", "needs a start and an end"),
        ("tomorrow morning", at(25, 11), "'tomorrow morning' is not a date and time"),
        (at(25, 12), 1700, "'1700' is not a date and time"),
        (at(25, 9), dt.datetime(2022, 3, 1), "at most 62 days"),
    ],
)
def test_bad_periods_are_refused_and_store_nothing(
    event: EventRow,
    speaker: PersonRow,
    db: Database,
    starts_at: object,
    ends_at: object,
    needle: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        availability.add_unavailability(db, event.id, speaker.id, starts_at, ends_at)  # type: ignore[arg-type]
    assert_readable(caught.value, needle)
    assert _periods(db, event) == []


def test_unknown_event_or_person(event: EventRow, speaker: PersonRow, db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        availability.add_unavailability(db, 999, speaker.id, at(25, 9), at(25, 10))
    assert_readable(caught.value, "event")
    with pytest.raises(NotFoundError) as caught:
        availability.add_unavailability(db, event.id, 999, at(25, 9), at(25, 10))
    assert_readable(caught.value, "person")
    assert _periods(db, event) == []


# --- changing, deleting, undo ------------------------------------------------------------------


def test_update_returns_previous_values_and_undo_restores(
    event: EventRow, speaker: PersonRow, db: Database
) -> None:
    added = availability.add_unavailability(db, event.id, speaker.id, at(25, 9), at(25, 12))
    previous = availability.update_unavailability(
        db,
        added.id,
        {"ends_at": at(25, 8, tz=UTC), "note": "Ministry meeting"},
        expected_version=added.version,
    )
    assert previous == {"ends_at": at(25, 12), "note": None}
    changed = availability.get_unavailability(db, added.id)
    assert (changed.ends_at, changed.note, changed.version) == (
        at(25, 14),
        "Ministry meeting",
        added.version + 1,
    )

    availability.update_unavailability(db, added.id, previous, expected_version=None)
    restored = availability.get_unavailability(db, added.id)
    assert (restored.starts_at, restored.ends_at, restored.note) == (at(25, 9), at(25, 12), None)


def test_update_refusals_change_nothing(event: EventRow, speaker: PersonRow, db: Database) -> None:
    added = availability.add_unavailability(db, event.id, speaker.id, at(25, 9), at(25, 12))
    before = _periods(db, event)
    with pytest.raises(ValidationError) as caught:
        availability.update_unavailability(
            db, added.id, {"starts_at": at(25, 13)}, expected_version=None
        )
    assert_readable(caught.value, "end after it starts")
    with pytest.raises(ValidationError) as caught:
        availability.update_unavailability(db, added.id, {"person_id": 1}, expected_version=None)
    assert_readable(caught.value, "person_id")
    with pytest.raises(ConcurrentEditError) as caught:
        availability.update_unavailability(
            db, added.id, {"note": "x"}, expected_version=added.version + 5
        )
    assert_readable(caught.value, "unavailability period")
    with pytest.raises(NotFoundError):
        availability.update_unavailability(db, 999, {"note": "x"}, expected_version=None)
    assert _periods(db, event) == before


def test_delete_and_restore_with_the_same_id(
    event: EventRow, speaker: PersonRow, db: Database
) -> None:
    kept = availability.add_unavailability(db, event.id, speaker.id, at(26, 9), at(26, 10))
    added = availability.add_unavailability(
        db, event.id, speaker.id, at(25, 9), at(25, 12), note="Visa interview"
    )
    deleted = availability.delete_unavailability(db, added.id, expected_version=None)
    assert deleted == added
    assert availability.list_unavailability(db, event.id) == [kept]

    restored = availability.restore_unavailability(db, deleted)
    assert (restored.id, restored.starts_at, restored.note) == (
        added.id,
        at(25, 9),
        "Visa interview",
    )
    assert [p.id for p in availability.list_unavailability(db, event.id)] == [added.id, kept.id]
    with pytest.raises(ConflictError) as caught:
        availability.restore_unavailability(db, deleted)
    assert_readable(caught.value, "Stefan Brandt")


def test_restore_after_a_newer_period_was_added(
    event: EventRow, speaker: PersonRow, db: Database
) -> None:
    added = availability.add_unavailability(db, event.id, speaker.id, at(25, 9), at(25, 12))
    deleted = availability.delete_unavailability(db, added.id, expected_version=None)
    newer = availability.add_unavailability(db, event.id, speaker.id, at(26, 9), at(26, 10))
    assert newer.id != deleted.id  # ids are never handed out twice
    restored = availability.restore_unavailability(db, deleted)
    assert (restored.starts_at, restored.ends_at) == (at(25, 9), at(25, 12))
    assert restored.id != newer.id
    assert [(p.id, p.starts_at) for p in availability.list_unavailability(db, event.id)] == [
        (restored.id, at(25, 9)),
        (newer.id, at(26, 9)),
    ]


def test_list_by_person_in_time_order(event: EventRow, speaker: PersonRow, db: Database) -> None:
    other = people.create_person(db, "Жаксыбекова", "Айгуль", "Маратовна")
    late = availability.add_unavailability(db, event.id, speaker.id, at(26, 9), at(26, 10))
    early = availability.add_unavailability(db, event.id, speaker.id, at(25, 9), at(25, 10))
    hers = availability.add_unavailability(db, event.id, other.id, at(25, 8), at(25, 9))
    assert availability.list_unavailability(db, event.id) == [hers, early, late]
    assert availability.list_unavailability(db, event.id, person_id=speaker.id) == [early, late]
    assert hers.person_name == "Жаксыбекова Айгуль Маратовна"


def test_periods_belong_to_their_event(
    event: EventRow, other_event: EventRow, speaker: PersonRow, db: Database
) -> None:
    availability.add_unavailability(
        db, other_event.id, speaker.id, "2022-03-01 09:00", "2022-03-01 10:00"
    )
    assert availability.list_unavailability(db, event.id) == []
    assert len(availability.list_unavailability(db, other_event.id)) == 1


def test_periods_go_with_their_person_or_event(
    event: EventRow, other_event: EventRow, speaker: PersonRow, db: Database
) -> None:
    availability.add_unavailability(db, event.id, speaker.id, at(25, 9), at(25, 10))
    other = people.create_person(db, "Rossi", "Maria")
    availability.add_unavailability(
        db, other_event.id, other.id, "2022-03-01 09:00", "2022-03-01 10:00"
    )
    people.delete_person(db, speaker.id, expected_version=None)
    assert availability.list_unavailability(db, event.id) == []
    delete_event(db, other_event.id)
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(PersonUnavailability)) == 0
