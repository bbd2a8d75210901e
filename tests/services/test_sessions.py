"""Tests for forumdesk.services.sessions: create, edit, delete and list sessions."""

from __future__ import annotations

import datetime as dt

import pytest

from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.errors import ConcurrentEditError, ConflictError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions, venue
from tests.services.support import assert_readable


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A naive event-local time in November 2021."""
    return dt.datetime(2021, 11, day, hour, minute)


def _state(db: Database, event: EventRow) -> list[tuple[object, ...]]:
    """What the event's programme looks like, for 'nothing changed' checks."""
    return [
        (r.id, r.code, r.title, r.room_id, r.track_id, r.starts_at, r.ends_at, r.version)
        for r in sessions.list_sessions(db, event.id)
    ]


# --- create -----------------------------------------------------------------------------------


def test_create_scheduled_session_reads_back(event: EventRow, db: Database) -> None:
    """Every field is stored; the row names its room and track."""
    room = venue.add_room(db, event.id, "Hall A")
    track = venue.add_track(db, event.id, "Pharma", "#A8D5BA")
    created = sessions.create_session(
        db,
        event.id,
        " Patents  and medicines ",
        code="S1",
        kind="Workshop",
        track_id=track.id,
        room_id=room.id,
        starts_at=at(25, 13),
        ends_at=at(25, 14, 30),
        description="Line 1\nLine 2",
        expected_audience="80",
    )
    stored = sessions.get_session(db, created.id)
    assert stored == created
    assert (stored.title, stored.code, stored.kind) == (
        "Patents and medicines",
        "S1",
        SessionKind.WORKSHOP,
    )
    assert (stored.room_name, stored.track_name, stored.track_color) == (
        "Hall A",
        "Pharma",
        "#A8D5BA",
    )
    assert (stored.starts_at, stored.ends_at) == (at(25, 13), at(25, 14, 30))
    assert (stored.description, stored.expected_audience) == ("Line 1\nLine 2", 80)
    assert stored.label == "S1 «Patents and medicines»"


def test_create_unscheduled_session(event: EventRow, db: Database) -> None:
    """A session without times is allowed and listed as unscheduled."""
    created = sessions.create_session(db, event.id, "To be planned")
    assert sessions.list_sessions(db, event.id, scheduled=False) == [created]
    assert sessions.list_sessions(db, event.id, scheduled=True) == []
    assert not created.is_scheduled and created.kind == SessionKind.DISCUSSION


def test_times_as_text_and_full_day(event: EventRow, db: Database) -> None:
    """ISO text is accepted, and exactly 24 hours is the longest session."""
    row = sessions.create_session(
        db, event.id, "Hackathon", starts_at="2021-11-25 09:00", ends_at="2021-11-26T09:00"
    )
    assert sessions.get_session(db, row.id).ends_at - at(25, 9) == dt.timedelta(hours=24)


def test_aware_time_is_converted_to_event_zone(event: EventRow, db: Database) -> None:
    """04:00 UTC is stored as 10:00 in Asia/Almaty (UTC+6 in 2021), without a zone."""
    utc = dt.UTC
    row = sessions.create_session(
        db,
        event.id,
        "Opening",
        starts_at=dt.datetime(2021, 11, 25, 4, tzinfo=utc),
        ends_at=dt.datetime(2021, 11, 25, 5, 30, tzinfo=utc),
    )
    stored = sessions.get_session(db, row.id)
    assert (stored.starts_at, stored.ends_at) == (at(25, 10), at(25, 11, 30))
    assert stored.starts_at.tzinfo is None


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"starts_at": at(25, 11), "ends_at": at(25, 10)}, "end after"),
        ({"starts_at": at(25, 11), "ends_at": at(25, 11)}, "end after"),
        ({"starts_at": at(25, 11)}, "both a start and an end"),
        ({"ends_at": at(25, 11)}, "both a start and an end"),
        ({"starts_at": at(25, 9), "ends_at": at(26, 9, 1)}, "24 hours"),
        ({"starts_at": "tomorrow", "ends_at": at(25, 11)}, "tomorrow"),
        ({"starts_at": dt.date(2021, 11, 25), "ends_at": at(25, 11)}, "2021-11-25"),
        ({"title": "  "}, "session title"),
        ({"kind": "keynote"}, "keynote"),
        ({"expected_audience": -3}, "negative"),
    ],
)
def test_create_session_validation(
    event: EventRow, db: Database, kwargs: dict, needle: str
) -> None:
    """Bad times, titles, kinds and audiences are refused and nothing is stored."""
    args = {"title": "Talk"} | kwargs
    with pytest.raises(ValidationError) as caught:
        sessions.create_session(db, event.id, **args)
    assert_readable(caught.value, needle)
    assert sessions.list_sessions(db, event.id) == []


def test_room_or_track_of_another_event_is_refused(
    event: EventRow, other_event: EventRow, db: Database
) -> None:
    foreign_room = venue.add_room(db, other_event.id, "Hall A")
    foreign_track = venue.add_track(db, other_event.id, "Pharma")
    with pytest.raises(ValidationError) as caught:
        sessions.create_session(db, event.id, "Talk", room_id=foreign_room.id)
    assert_readable(caught.value, "room", "another event")
    with pytest.raises(ValidationError) as caught:
        sessions.create_session(db, event.id, "Talk", track_id=foreign_track.id)
    assert_readable(caught.value, "track", "another event")
    assert sessions.list_sessions(db, event.id) == []


def test_missing_event_room_or_track_is_not_found(event: EventRow, db: Database) -> None:
    for kwargs, what in (({"room_id": 77}, "room"), ({"track_id": 77}, "track")):
        with pytest.raises(NotFoundError) as caught:
            sessions.create_session(db, event.id, "Talk", **kwargs)
        assert_readable(caught.value, what)
    with pytest.raises(NotFoundError):
        sessions.create_session(db, 999, "Talk")
    assert sessions.list_sessions(db, event.id) == []


def test_code_is_unique_ignoring_case(event: EventRow, db: Database) -> None:
    """A taken code (any case) is a ConflictError naming the code and its session."""
    sessions.create_session(db, event.id, "Border enforcement", code="S1")
    before = _state(db, event)
    with pytest.raises(ConflictError) as caught:
        sessions.create_session(db, event.id, "Other", code="s1")
    assert_readable(caught.value, "s1", "Border enforcement")
    assert _state(db, event) == before


def test_cyrillic_code_is_unique_ignoring_case(event: EventRow, db: Database) -> None:
    """Codes written in Cyrillic ("С1") are duplicates ignoring case as well."""
    sessions.create_session(db, event.id, "Пленарное заседание", code="ПЛ1")
    before = _state(db, event)
    with pytest.raises(ConflictError) as caught:
        sessions.create_session(db, event.id, "Другое", code="пл1")
    assert_readable(caught.value, "пл1")
    assert _state(db, event) == before


def test_same_code_in_two_events_is_fine(
    event: EventRow, other_event: EventRow, db: Database
) -> None:
    sessions.create_session(db, event.id, "A", code="S1")
    sessions.create_session(db, other_event.id, "B", code="S1")
    assert [r.title for r in sessions.list_sessions(db, other_event.id)] == ["B"]


# --- update -----------------------------------------------------------------------------------


def test_update_session_and_undo(event: EventRow, db: Database) -> None:
    """update_session returns the previous values; passing them back restores the session."""
    room = venue.add_room(db, event.id, "Hall A")
    row = sessions.create_session(db, event.id, "Talk", code="S1")
    previous = sessions.update_session(
        db,
        row.id,
        {"title": "Keynote", "code": "s1", "room_id": room.id, "kind": "plenary"},
        expected_version=row.version,
    )
    assert previous == {
        "title": "Talk",
        "code": "S1",
        "room_id": None,
        "kind": SessionKind.DISCUSSION,
    }
    changed = sessions.get_session(db, row.id)
    assert (changed.title, changed.code, changed.room_name, changed.kind) == (
        "Keynote",
        "s1",
        "Hall A",
        SessionKind.PLENARY,
    )
    sessions.update_session(db, row.id, previous, expected_version=None)
    restored = sessions.get_session(db, row.id)
    assert (restored.title, restored.code, restored.room_id, restored.kind) == (
        "Talk",
        "S1",
        None,
        SessionKind.DISCUSSION,
    )


@pytest.mark.parametrize(
    ("changes", "error", "needle"),
    [
        ({"code": "s2"}, ConflictError, "s2"),
        ({"code": "S2"}, ConflictError, "S2"),
        ({"title": ""}, ValidationError, "session title"),
        ({"starts_at": at(25, 9)}, ValidationError, "starts_at"),
        ({"room_id": "foreign"}, ValidationError, "another event"),
        ({"room_id": 999}, NotFoundError, "room"),
    ],
)
def test_update_session_rejections_change_nothing(
    event: EventRow,
    other_event: EventRow,
    db: Database,
    changes: dict,
    error: type[Exception],
    needle: str,
) -> None:
    foreign = venue.add_room(db, other_event.id, "Hall X")
    if changes.get("room_id") == "foreign":
        changes = {"room_id": foreign.id}
    row = sessions.create_session(db, event.id, "Talk", code="S1")
    sessions.create_session(db, event.id, "Other", code="S2")
    before = _state(db, event)
    with pytest.raises(error) as caught:
        sessions.update_session(
            db, row.id, {"description": "new", **changes}, expected_version=None
        )
    assert_readable(caught.value, needle)
    assert _state(db, event) == before
    assert sessions.get_session(db, row.id).description is None


def test_concurrent_edit_is_refused(event: EventRow, db: Database) -> None:
    """Read a session, change it through a second call, then save the stale read: refused."""
    mine = sessions.get_session(db, sessions.create_session(db, event.id, "Talk").id)
    sessions.update_session(db, mine.id, {"title": "Theirs"}, expected_version=mine.version)
    with pytest.raises(ConcurrentEditError) as caught:
        sessions.update_session(db, mine.id, {"title": "Mine"}, expected_version=mine.version)
    assert_readable(caught.value, "«Theirs» was changed at", f"from the desk {db.desk}")
    assert sessions.get_session(db, mine.id).title == "Theirs"


def test_update_missing_session_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        sessions.update_session(db, 12, {"title": "X"}, expected_version=None)
    assert_readable(caught.value, "session")


# --- delete and restore -----------------------------------------------------------------------


def test_delete_and_restore_session_with_people(event: EventRow, db: Database) -> None:
    """Undoing a delete brings back the same id, fields, place and people with their roles."""
    room = venue.add_room(db, event.id, "Hall A")
    row = sessions.create_session(
        db,
        event.id,
        "Talk",
        code="S1",
        room_id=room.id,
        starts_at=at(25, 10),
        ends_at=at(25, 11),
        description="D",
    )
    anna = people.create_person(db, "Smith", "Anna")
    ivan = people.create_person(db, "Иванов", "Иван")
    assignments.assign_person(db, row.id, anna.id, Role.MODERATOR, expected_version=None)
    assignments.assign_person(db, row.id, ivan.id, Role.SPEAKER, expected_version=None)
    before = assignments.session_people(db, row.id)

    snapshot = sessions.delete_session(db, row.id, expected_version=None)
    assert sessions.list_sessions(db, event.id) == []
    with pytest.raises(NotFoundError):
        sessions.get_session(db, row.id)

    restored = sessions.restore_session(db, snapshot)
    stored = sessions.get_session(db, row.id)
    assert restored == stored
    assert (
        stored.id,
        stored.code,
        stored.title,
        stored.room_id,
        stored.starts_at,
        stored.description,
    ) == (row.id, "S1", "Talk", room.id, at(25, 10), "D")
    assert assignments.session_people(db, row.id) == before
    assert stored.moderators == ("Anna Smith",)


def test_restore_session_refused_when_code_was_taken(event: EventRow, db: Database) -> None:
    row = sessions.create_session(db, event.id, "Talk", code="S1")
    snapshot = sessions.delete_session(db, row.id, expected_version=None)
    sessions.create_session(db, event.id, "Newcomer", code="S1")
    before = _state(db, event)
    with pytest.raises(ConflictError):
        sessions.restore_session(db, snapshot)
    assert _state(db, event) == before


def test_a_deleted_sessions_id_is_never_reused(event: EventRow, db: Database) -> None:
    """Undo puts the session back under its own id even after newer sessions were made."""
    row = sessions.create_session(db, event.id, "Talk", code="S1")
    snapshot = sessions.delete_session(db, row.id, expected_version=None)
    newcomer = sessions.create_session(db, event.id, "Newcomer", code="S2")
    assert newcomer.id != row.id
    restored = sessions.restore_session(db, snapshot)
    assert restored.id == row.id and restored.title == "Talk"
    assert sessions.get_session(db, newcomer.id).title == "Newcomer"


def test_restoring_a_session_twice_is_refused_readably(event: EventRow, db: Database) -> None:
    row = sessions.create_session(db, event.id, "Talk", code="S1")
    snapshot = sessions.delete_session(db, row.id, expected_version=None)
    sessions.restore_session(db, snapshot)
    before = _state(db, event)
    with pytest.raises(ConflictError) as caught:
        sessions.restore_session(db, snapshot)
    assert_readable(caught.value, "S1")
    assert _state(db, event) == before


def test_delete_missing_session_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        sessions.delete_session(db, 3, expected_version=None)


# --- queries ----------------------------------------------------------------------------------


def test_list_sessions_programme_order(event: EventRow, db: Database) -> None:
    """By start, then room order (venue-wide first), then natural code; unscheduled last."""
    second, first = venue.add_room(db, event.id, "Z hall"), venue.add_room(db, event.id, "A")
    venue.reorder_rooms(db, event.id, [first.id, second.id], expected_versions=None)
    create = sessions.create_session
    create(db, event.id, "Later", starts_at=at(25, 15), ends_at=at(25, 16))
    create(db, event.id, "S10 talk", code="S10")
    create(db, event.id, "In Z", room_id=second.id, starts_at=at(25, 10), ends_at=at(25, 11))
    create(db, event.id, "S2 talk", code="S2")
    create(db, event.id, "In A", room_id=first.id, starts_at=at(25, 10), ends_at=at(25, 11))
    create(db, event.id, "Break", kind="break", starts_at=at(25, 10), ends_at=at(25, 10, 30))
    titles = [r.title for r in sessions.list_sessions(db, event.id)]
    assert titles == ["Break", "In A", "In Z", "Later", "S2 talk", "S10 talk"]


def test_list_sessions_search(event: EventRow, other_event: EventRow, db: Database) -> None:
    """Search matches code or title ignoring case (Cyrillic, ё/е), within the event."""
    sessions.create_session(db, event.id, "Маркетплейсы и контрафакт", code="S1")
    sessions.create_session(db, event.id, "Учёт и маркировка", code="S2")
    sessions.create_session(db, other_event.id, "Маркетплейсы", code="S1")
    find = lambda text: [r.code for r in sessions.list_sessions(db, event.id, search=text)]  # noqa: E731
    assert find("МАРКЕТПЛЕЙС") == ["S1"]
    assert find("учет") == ["S2"]
    assert find("s2") == ["S2"]
    assert find("  ") == ["S1", "S2"]
    assert find("nothing") == []


def test_rows_carry_leading_people_only(event: EventRow, db: Database) -> None:
    """A row lists its moderator and co-moderator, moderator first, and no speakers."""
    row = sessions.create_session(db, event.id, "Talk")
    speaker = people.create_person(db, "Speaker", "Sam")
    co_mod = people.create_person(db, "Второй", "Пётр")
    moderator = people.create_person(db, "Lead", "Lea")
    assignments.assign_person(db, row.id, speaker.id, Role.SPEAKER, expected_version=None)
    assignments.assign_person(db, row.id, co_mod.id, Role.CO_MODERATOR, expected_version=None)
    assignments.assign_person(db, row.id, moderator.id, Role.MODERATOR, expected_version=None)
    assert sessions.get_session(db, row.id).moderators == ("Lea Lead", "Второй Пётр")
    assert sessions.list_sessions(db, event.id)[0].moderators == ("Lea Lead", "Второй Пётр")


def test_sessions_by_ids_and_in_range(event: EventRow, db: Database) -> None:
    """sessions_by_ids returns those asked for; sessions_in_range overlaps half-open."""
    room = venue.add_room(db, event.id, "Hall A")
    a = sessions.create_session(
        db, event.id, "A", room_id=room.id, starts_at=at(25, 10), ends_at=at(25, 11)
    )
    b = sessions.create_session(db, event.id, "B", starts_at=at(25, 11), ends_at=at(25, 12))
    sessions.create_session(db, event.id, "C")
    assert {r.id for r in sessions.sessions_by_ids(db, [a.id, b.id])} == {a.id, b.id}
    with db.reader() as session:
        assert [
            r.id for r in sessions.sessions_in_range(session, event.id, at(25, 11), at(25, 12))
        ] == [b.id]
        assert {
            r.id
            for r in sessions.sessions_in_range(session, event.id, at(25, 10, 30), at(25, 11, 30))
        } == {a.id, b.id}
        assert [
            r.id
            for r in sessions.sessions_in_range(
                session, event.id, at(25, 0), at(26, 0), room_id=room.id
            )
        ] == [a.id]


# --- duplicating (issue 14, item 6) -----------------------------------------------------------


def test_a_copy_follows_its_session_with_its_people_and_without_its_code(
    event: EventRow, db: Database
) -> None:
    room = venue.add_room(db, event.id, "Hall A")
    talk = sessions.create_session(
        db,
        event.id,
        "Talk",
        code="S1",
        room_id=room.id,
        starts_at=dt.datetime(2021, 11, 25, 10),
        ends_at=dt.datetime(2021, 11, 25, 11, 30),
        planned_minutes=90,
    )
    someone = people.create_person(db, "Petrov", "Ivan")
    assignments.assign_person(db, talk.id, someone.id, "moderator", expected_version=None)
    idea = sessions.create_session(db, event.id, "Idea")
    copy, loose = sessions.duplicate_sessions(db, [talk.id, idea.id])
    assert (copy.code, copy.title, copy.room_id, copy.planned_minutes) == (
        None,
        "Talk",
        room.id,
        90,
    )
    assert (copy.starts_at, copy.ends_at) == (
        dt.datetime(2021, 11, 25, 11, 30),
        dt.datetime(2021, 11, 25, 13),
    )
    assert copy.moderators == ("Ivan Petrov",)
    assert not loose.is_scheduled
    sessions.delete_sessions(db, [copy.id, loose.id], expected_versions=None)
    assert [s.id for s in sessions.list_sessions(db, event.id)] == [talk.id, idea.id]
