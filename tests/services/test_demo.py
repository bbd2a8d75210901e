"""Tests for forumdesk.services.demo: the shipped demo forum loads once, completely."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.core.errors import ConcurrentEditError, ValidationError
from forumdesk.db.engine import Database
from forumdesk.services import assignments, events, people, sessions, venue
from forumdesk.services.demo import DemoResult, load_demo
from forumdesk.services.import_undo import redo_import, undo_import
from tests.services.support import assert_readable


def counts(db: Database) -> dict[str, int]:
    """How much the database holds, through the services."""
    event_ids = [e.id for e in events.list_events(db)]
    all_sessions = [s for e in event_ids for s in sessions.list_sessions(db, e)]
    return {
        "events": len(event_ids),
        "rooms": sum(len(venue.list_rooms(db, e)) for e in event_ids),
        "tracks": sum(len(venue.list_tracks(db, e)) for e in event_ids),
        "sessions": len(all_sessions),
        "assignments": sum(len(assignments.session_people(db, s.id)) for s in all_sessions),
        "registrations": sum(len(assignments.event_registrations(db, e)) for e in event_ids),
        "people": len(people.search_people(db)),
        "organizations": len(people.list_organizations(db)),
    }


def test_demo_loads_one_event(demo: DemoResult, db: Database) -> None:
    """One two-day event in Asia/Almaty, with its rooms in order and coloured tracks."""
    assert demo.created
    assert events.list_events(db) == [demo.event]
    stored = events.resolve_event(db)
    assert (stored.name, stored.timezone, len(stored.days)) == (
        "International Anti-Counterfeiting Forum 2021",
        "Asia/Almaty",
        2,
    )
    assert venue.list_rooms(db, stored.id)[0].name == "Plenary Hall"
    tracks = venue.list_tracks(db, stored.id)
    assert tracks and all(t.color and t.color.startswith("#") for t in tracks)


def test_demo_has_ten_moderated_discussions(demo: DemoResult, db: Database) -> None:
    """S1..S10 are discussions, scheduled in a room, each with a moderator."""
    rows = sessions.list_sessions(db, demo.event.id)
    assert len(rows) == demo.sessions
    discussions = [r for r in rows if r.kind == SessionKind.DISCUSSION]
    assert sorted(r.code for r in discussions) == sorted(f"S{n}" for n in range(1, 11))
    for row in discussions:
        assert row.is_scheduled and row.room_id is not None, row.code
        assert row.moderators, f"{row.code} has no moderator"
        roles = [a.role for a in assignments.session_people(db, row.id)]
        assert Role.MODERATOR in roles


def test_demo_people_are_registered(demo: DemoResult, db: Database) -> None:
    """About sixty people, all new, each registered for the event."""
    directory = people.search_people(db)
    assert 50 <= len(directory) <= 70
    assert demo.people_added == len(directory)
    registered = assignments.event_registrations(db, demo.event.id)
    assert {r.person_id for r in registered} == {p.id for p in directory}
    assert RegistrationStatus.CONFIRMED in {r.status for r in registered}


def test_demo_people_are_searchable_in_cyrillic(demo: DemoResult, db: Database) -> None:
    found = people.search_people(db, "жаксы")
    assert [p.family_name for p in found] == ["Жаксыбекова"]
    assert found[0].display_name == "Жаксыбекова Айгуль Маратовна"
    assert found[0].organization == "Eurasian Economic Commission"


def test_loading_twice_adds_nothing(demo: DemoResult, db: Database) -> None:
    """The second load finds the event and changes no count."""
    before = counts(db)
    again = load_demo(db)
    assert (again.created, again.people_added, again.event.id) == (False, 0, demo.event.id)
    assert again.sessions == demo.sessions
    assert counts(db) == before


def test_demo_reuses_a_person_with_the_same_email(db: Database) -> None:
    """Someone already in the directory (e-mail in another case) is reused, not doubled."""
    mine = people.create_person(
        db, "Zhaksybekova", "Aigul", email="A.Zhaksybekova@EEcommission.org.example"
    )
    result = load_demo(db)
    directory = people.search_people(db)
    assert result.people_added == len(directory) - 1
    assert [p.id for p in directory if p.email == mine.email] == [mine.id]
    assert people.get_person(db, mine.id).family_name == "Zhaksybekova"
    registered = {r.person_id for r in assignments.event_registrations(db, result.event.id)}
    assert mine.id in registered
    plenary = next(s for s in sessions.list_sessions(db, result.event.id) if s.code == "P1")
    assert mine.id in {a.person_id for a in assignments.session_people(db, plenary.id)}


def test_unreadable_demo_file_changes_nothing(db: Database, tmp_path: Path) -> None:
    broken = tmp_path / "forum.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_demo(db, broken)
    assert_readable(caught.value, str(broken))
    with pytest.raises(ValidationError):
        load_demo(db, tmp_path / "missing.json")
    assert counts(db) == {key: 0 for key in counts(db)}


def test_undoing_the_demo_removes_what_it_added_and_redo_brings_it_back_under_its_ids(
    db: Database,
) -> None:
    """Loading, as one undo step: the directory's own people and organisations stay."""
    mine = people.create_person(
        db, "Zhaksybekova", "Aigul", email="A.Zhaksybekova@EEcommission.org.example"
    )
    before = counts(db)
    result = load_demo(db, undoable=True)
    assert result.created and result.changes is not None
    loaded = counts(db)
    loaded_people = {p.id: p for p in people.search_people(db)}
    undone = undo_import(db, result.changes, what="demo")
    assert counts(db) == before
    assert [p.id for p in people.search_people(db)] == [mine.id]
    redone = redo_import(db, undone, what="demo")
    assert counts(db) == loaded
    assert events.list_events(db) == [result.event]
    assert {p.id: p for p in people.search_people(db)} == loaded_people
    undo_import(db, redone, what="demo")  # and again: redo recorded what it put back
    assert counts(db) == before


def test_the_demo_is_not_undone_over_what_was_added_to_it_since(db: Database) -> None:
    result = load_demo(db, undoable=True)
    assert result.changes is not None
    venue.add_room(db, result.event.id, "Hall Z")  # another desk
    loaded = counts(db)
    with pytest.raises(ConcurrentEditError) as caught:
        undo_import(db, result.changes, what="demo")
    assert_readable(caught.value, "demo forum", result.event.name, "Nothing was undone")
    assert counts(db) == loaded

    renamed = sessions.list_sessions(db, result.event.id)[0]
    sessions.update_session(db, renamed.id, {"title": "Renamed elsewhere"}, expected_version=None)
    with pytest.raises(ConcurrentEditError) as caught:
        undo_import(db, result.changes, what="demo")
    assert_readable(caught.value, "Opening the demo forum cannot be undone", "Renamed elsewhere")


def test_a_demo_already_there_records_nothing(demo: DemoResult, db: Database) -> None:
    again = load_demo(db, undoable=True)
    assert (again.created, again.changes) == (False, None)
