"""Tests for forumdesk.services.events on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from forumdesk.core.errors import ConcurrentEditError, ConflictError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import events, people, sessions, venue
from forumdesk.services.assignments import register_people
from forumdesk.services.events import EventChoiceError
from tests.services.support import assert_readable

D25, D26, D27 = dt.date(2021, 11, 25), dt.date(2021, 11, 26), dt.date(2021, 11, 27)


# --- create -----------------------------------------------------------------------------------


def test_create_event_stores_every_field(db: Database) -> None:
    """A created event reads back with its cleaned fields and its days."""
    row = events.create_event(
        db,
        "  Forum   2021 ",
        "2021-11-25",
        D27,
        city="Nur-Sultan",
        venue="Congress Centre",
        timezone="Asia/Almaty",
        organizers="EEC\nKazakhstan",
        description="Two days.",
    )
    stored = events.get_event(db, row.id)
    assert stored == row
    assert stored.name == "Forum 2021"
    assert (stored.first_day, stored.last_day) == (D25, D27)
    assert stored.days == [D25, D26, D27]
    assert stored.organizers == "EEC\nKazakhstan"
    assert stored.timezone == "Asia/Almaty"


def test_create_event_defaults_to_one_day_in_utc(db: Database) -> None:
    """Without a last day the event lasts one day; without a zone it is UTC."""
    row = events.create_event(db, "Seminar", D25)
    stored = events.get_event(db, row.id)
    assert stored.last_day == D25 and stored.days == [D25]
    assert stored.timezone == "UTC"


def test_create_event_allows_61_days(db: Database) -> None:
    """61 days (first + 60) is the longest event accepted."""
    row = events.create_event(db, "Long", D25, D25 + dt.timedelta(days=60))
    assert len(events.get_event(db, row.id).days) == 61


@pytest.mark.parametrize(
    ("kwargs", "field", "needle"),
    [
        ({"name": "   "}, None, "event name"),
        ({"first_day": "25.11.2021"}, "first_day", "25.11.2021"),
        ({"last_day": "2021-11-24"}, "last_day", "last day"),
        ({"last_day": D25 + dt.timedelta(days=61)}, "last_day", "61 days"),
        ({"timezone": "Mars/Olympus"}, "timezone", "Mars/Olympus"),
    ],
)
def test_create_event_rejections(
    db: Database, kwargs: dict, field: str | None, needle: str
) -> None:
    """Bad names, dates, day order, length and zones are refused and nothing is stored."""
    args = {"name": "Forum", "first_day": D25, "last_day": D26} | kwargs
    with pytest.raises(ValidationError) as caught:
        events.create_event(db, args.pop("name"), args.pop("first_day"), **args)
    assert_readable(caught.value, needle)
    if field is not None:
        assert caught.value.field == field
    assert events.list_events(db) == []


# --- update -----------------------------------------------------------------------------------


def test_update_event_returns_previous_values_and_undo_restores(
    event: EventRow, db: Database
) -> None:
    """update_event changes the record; passing back what it returned restores it."""
    previous = events.update_event(
        db,
        event.id,
        {"name": "Forum 2022", "city": "Almaty", "venue": event.venue},
        expected_version=None,
    )
    assert previous == {"name": event.name, "city": event.city}
    changed = events.get_event(db, event.id)
    assert (changed.name, changed.city) == ("Forum 2022", "Almaty")
    assert changed.version == event.version + 1

    events.update_event(db, event.id, previous, expected_version=None)
    restored = events.get_event(db, event.id)
    assert (restored.name, restored.city) == (event.name, event.city)


def test_update_event_can_extend_and_shorten_empty_days(event: EventRow, db: Database) -> None:
    """Changing the days is fine while no session sits on a dropped day."""
    events.update_event(db, event.id, {"last_day": D27}, expected_version=None)
    assert events.get_event(db, event.id).days == [D25, D26, D27]
    events.update_event(db, event.id, {"first_day": D26, "last_day": D26}, expected_version=None)
    assert events.get_event(db, event.id).days == [D26]


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"name": ""}, "event name"),
        ({"last_day": "2021-11-20"}, "last day"),
        ({"last_day": "2022-01-25"}, "61 days"),
        ({"timezone": "Nowhere/City"}, "Nowhere/City"),
        ({"first_day": "soon"}, "soon"),
        ({"rooms": 5}, "rooms"),
    ],
)
def test_update_event_rejections_change_nothing(
    event: EventRow, db: Database, changes: dict, needle: str
) -> None:
    """A refused update leaves every field (and the version) as it was."""
    with pytest.raises(ValidationError) as caught:
        events.update_event(db, event.id, {"city": "Almaty", **changes}, expected_version=None)
    assert_readable(caught.value, needle)
    assert events.get_event(db, event.id) == event


def test_shortening_over_scheduled_sessions_is_refused(event: EventRow, db: Database) -> None:
    """Dropping a day that holds a session is a ConflictError naming the day; nothing changes."""
    sessions.create_session(
        db,
        event.id,
        "Closing",
        starts_at=dt.datetime(2021, 11, 26, 10),
        ends_at=dt.datetime(2021, 11, 26, 11),
    )
    with pytest.raises(ConflictError) as caught:
        events.update_event(
            db, event.id, {"last_day": D25, "name": "Shorter"}, expected_version=None
        )
    assert_readable(caught.value, "2021-11-26")
    stored = events.get_event(db, event.id)
    assert (stored.last_day, stored.name) == (D26, event.name)


def test_sessions_outside_the_days_do_not_block_extending(event: EventRow, db: Database) -> None:
    """Only days an update drops can refuse it: lengthening the event drops none.

    Either a session outside the event's days cannot be scheduled at all, or it must not stop
    staff from lengthening the event (the update_event docstring promises the latter).
    """
    try:
        sessions.create_session(
            db,
            event.id,
            "Stray",
            starts_at=dt.datetime(2021, 12, 1, 10),
            ends_at=dt.datetime(2021, 12, 1, 11),
        )
    except ValidationError:
        return  # refused at scheduling time: the event's days stay consistent
    events.update_event(db, event.id, {"last_day": D27}, expected_version=None)
    assert events.get_event(db, event.id).last_day == D27


def test_update_event_with_stale_version_is_refused(event: EventRow, db: Database) -> None:
    """A second edit made since the row was read wins; the stale one is refused."""
    stale = events.get_event(db, event.id)
    events.update_event(db, event.id, {"city": "Astana"}, expected_version=stale.version)
    with pytest.raises(ConcurrentEditError) as caught:
        events.update_event(db, event.id, {"city": "Almaty"}, expected_version=stale.version)
    assert_readable(caught.value, f"«{stale.name}» was changed at", f"from the desk {db.desk}")
    assert events.get_event(db, event.id).city == "Astana"


def test_update_missing_event_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        events.update_event(db, 999, {"name": "X"}, expected_version=None)
    assert_readable(caught.value, "event")


# --- delete, get, list, resolve ---------------------------------------------------------------


def test_delete_event_removes_its_programme_but_keeps_people(event: EventRow, db: Database) -> None:
    """Rooms, tracks, sessions and registrations go with the event; the person stays."""
    room = venue.add_room(db, event.id, "Hall A")
    venue.add_track(db, event.id, "Pharma")
    sessions.create_session(
        db,
        event.id,
        "Opening",
        room_id=room.id,
        starts_at=dt.datetime(2021, 11, 25, 10),
        ends_at=dt.datetime(2021, 11, 25, 11),
    )
    person = people.create_person(db, "Rossi", "Martina")
    register_people(db, event.id, [person.id], expected_statuses=None)

    events.delete_event(db, event.id)

    assert events.list_events(db) == []
    assert venue.list_rooms(db, event.id) == [] and venue.list_tracks(db, event.id) == []
    assert sessions.list_sessions(db, event.id) == []
    assert people.get_person(db, person.id).family_name == "Rossi"
    assert people.search_people(db, event_id=event.id) == []


def test_delete_missing_event_is_not_found(event: EventRow, db: Database) -> None:
    with pytest.raises(NotFoundError):
        events.delete_event(db, event.id + 100)
    assert events.list_events(db) == [event]


def test_get_missing_event_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        events.get_event(db, 1)
    assert_readable(caught.value, "event")


def test_list_events_newest_first(db: Database) -> None:
    """Events list by first day, latest first, then by name."""
    old = events.create_event(db, "Old", "2019-05-01")
    new_b = events.create_event(db, "B forum", "2023-05-01")
    new_a = events.create_event(db, "A forum", "2023-05-01")
    assert [e.id for e in events.list_events(db)] == [new_a.id, new_b.id, old.id]


def test_resolve_event_without_any_event(db: Database) -> None:
    """With no event there is nothing to pick: a readable ValidationError."""
    with pytest.raises(ValidationError) as caught:
        events.resolve_event(db)
    assert_readable(caught.value, "no event")


def test_resolve_event_picks_the_only_one(event: EventRow, db: Database) -> None:
    assert events.resolve_event(db) == event


def test_resolve_event_with_several_lists_them(
    event: EventRow, other_event: EventRow, db: Database
) -> None:
    """Several events and none named: EventChoiceError names each with its id."""
    with pytest.raises(EventChoiceError) as caught:
        events.resolve_event(db)
    assert {e.id for e in caught.value.events} == {event.id, other_event.id}
    assert_readable(
        caught.value, f"{event.id}: {event.name}", f"{other_event.id}: {other_event.name}"
    )
    assert isinstance(caught.value, ValidationError)


def test_resolve_event_by_id(event: EventRow, other_event: EventRow, db: Database) -> None:
    """Naming an event picks it, even among several; a wrong id is NotFoundError."""
    assert events.resolve_event(db, other_event.id) == other_event
    with pytest.raises(NotFoundError):
        events.resolve_event(db, 999)


# --- undoing a creation -----------------------------------------------------------------------


def test_a_new_event_is_taken_back_and_put_back_under_its_id(db: Database) -> None:
    created = events.create_event(db, "Forum", D25, D26, city="Nur-Sultan", timezone="Asia/Almaty")
    removed = events.remove_new_event(db, created)
    assert removed == created and events.list_events(db) == []
    restored = events.restore_event(db, removed)
    assert restored.id == created.id
    assert events.list_events(db) == [restored]
    assert restored == created  # same fields, and (as a new record) the same first version
    with pytest.raises(ConflictError):
        events.restore_event(db, removed)  # it is there already
    # an edit undone since (same content, a later version) does not stand in the way
    previous = events.update_event(db, created.id, {"city": "Astana"}, expected_version=None)
    events.update_event(db, created.id, previous, expected_version=None)
    events.remove_new_event(db, restored)
    assert events.list_events(db) == []


def test_a_new_event_changed_or_filled_since_is_not_taken_back(db: Database) -> None:
    created = events.create_event(db, "Forum", D25, D26)
    events.update_event(db, created.id, {"name": "Forum, renamed elsewhere"}, expected_version=None)
    with pytest.raises(ConcurrentEditError) as caught:
        events.remove_new_event(db, created)
    assert_readable(caught.value, "«Forum, renamed elsewhere» was changed at", "from the desk")
    assert [e.name for e in events.list_events(db)] == ["Forum, renamed elsewhere"]

    second = events.create_event(db, "IP Week", D25)
    room = venue.add_room(db, second.id, "Hall A")  # another desk's room
    with pytest.raises(ConflictError) as caught:
        events.remove_new_event(db, second)
    assert_readable(caught.value, "IP Week", "Nothing was changed")
    assert venue.list_rooms(db, second.id) == [room]
