"""Tests for forumdesk.services.auto_placement: propose, accept (one unit of work), suggest."""

from __future__ import annotations

import datetime as dt

import pytest

from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.errors import ConcurrentEditError
from forumdesk.core.rows import EventRow, Placement
from forumdesk.db.engine import Database
from forumdesk.scheduling.checker import Severity
from forumdesk.scheduling.placement_model import PlacementSettings
from forumdesk.services import assignments, auto_placement, placing, problems, sessions, venue
from forumdesk.services.people import create_person

FAST = PlacementSettings(step_minutes=30, time_limit=5, seed=1)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2021, 11, day, hour, minute)


@pytest.fixture
def planned(event: EventRow, db: Database) -> dict[str, int]:
    """Two rooms, a placed opening, four unplaced sessions sharing a moderator."""
    big = venue.add_room(db, event.id, "Hall A", 100)
    small = venue.add_room(db, event.id, "Hall B", 10)
    ivanov = create_person(db, "Ivanov", "Ivan", register_for=event.id)
    opening = sessions.create_session(
        db, event.id, "Opening", code="S1", room_id=big.id, starts_at=at(25, 9), ends_at=at(25, 10)
    )
    assignments.assign_person(db, opening.id, ivanov.id, Role.MODERATOR, expected_version=None)
    ids = {"big": big.id, "small": small.id, "opening": opening.id, "ivanov": ivanov.id}
    for n in range(2, 6):
        row = sessions.create_session(
            db, event.id, f"Panel {n}", code=f"S{n}", planned_minutes=90, expected_audience=50
        )
        assignments.assign_person(db, row.id, ivanov.id, Role.MODERATOR, expected_version=None)
        ids[f"S{n}"] = row.id
    return ids


def test_a_proposal_changes_nothing_and_accepting_it_places_all_with_no_error(
    event: EventRow, db: Database, planned: dict[str, int]
) -> None:
    proposal = auto_placement.propose_placement(db, event.id, FAST)
    assert proposal.unplaced == ()
    assert len(proposal.spots) == 4
    assert all(not sessions.get_session(db, planned[f"S{n}"]).is_scheduled for n in range(2, 6))

    previous = auto_placement.accept_proposal(db, proposal)
    for n in range(2, 6):
        row = sessions.get_session(db, planned[f"S{n}"])
        assert row.is_scheduled
        assert row.ends_at - row.starts_at == dt.timedelta(minutes=90)
        assert row.room_id == planned["big"]  # 50 expected: the 10-seat room is worse
    errors = [p for p in problems.check_event(db, event.id) if p.severity == Severity.ERROR]
    assert errors == []
    # undo puts them all back in one unit of work
    placing.place_sessions(db, previous, expected_versions=None)
    assert all(not sessions.get_session(db, planned[f"S{n}"]).is_scheduled for n in range(2, 6))


def test_accepting_some_places_only_those(
    event: EventRow, db: Database, planned: dict[str, int]
) -> None:
    proposal = auto_placement.propose_placement(db, event.id, FAST)
    auto_placement.accept_proposal(db, proposal, {planned["S2"]})
    assert sessions.get_session(db, planned["S2"]).is_scheduled
    assert not sessions.get_session(db, planned["S3"]).is_scheduled


def test_a_proposal_is_refused_when_another_desk_moved_a_session_meanwhile(
    event: EventRow, db: Database, planned: dict[str, int]
) -> None:
    proposal = auto_placement.propose_placement(db, event.id, FAST)
    placing.move_session(db, planned["opening"], at(25, 11), expected_version=None)
    with pytest.raises(ConcurrentEditError):
        auto_placement.accept_proposal(db, proposal)
    assert all(not sessions.get_session(db, planned[f"S{n}"]).is_scheduled for n in range(2, 6))


def test_what_cannot_be_placed_is_explained(event: EventRow, db: Database) -> None:
    room = venue.add_room(db, event.id, "Hall A", 2)
    row = sessions.create_session(db, event.id, "Crowded", code="S9", kind=SessionKind.WORKSHOP)
    for name in ("Ivanov", "Petrova", "Sidorov"):
        person = create_person(db, name, register_for=event.id)
        assignments.assign_person(db, row.id, person.id, Role.SPEAKER, expected_version=None)
    proposal = auto_placement.propose_placement(db, event.id, FAST)
    assert proposal.spots == ()
    (unplaced,) = proposal.unplaced
    assert unplaced.label == "S9 «Crowded»"
    assert "3 people are assigned, and no room seats that many (the largest seats 2)" in (
        unplaced.reason
    )
    assert room.capacity == 2


def test_suggested_slots_avoid_the_moderators_other_session(
    event: EventRow, db: Database, planned: dict[str, int]
) -> None:
    found = auto_placement.suggest_slots(db, planned["S2"], count=3, settings=FAST)
    assert len(found) == 3
    best = found[0]
    assert best.clean and best.room == "Hall A"
    assert not (best.starts_at < at(25, 10) and at(25, 9) < best.ends_at)
    assert "100 seats for 50 expected" in best.reason


def test_an_automatic_placement_is_one_journal_entry_and_its_changes_are_told(
    event: EventRow, db: Database, planned: dict[str, int]
) -> None:
    """Issue 18 for the automatic placement: one entry per action (its undo too), and every
    session it placed shows as moved between the versions, with its people to tell."""
    import json

    from forumdesk.db.journal import BULK
    from forumdesk.services import versions
    from forumdesk.services.programme_changes import ChangeKind

    versions.publish_version(db, event.id, "Before the placement", expected_latest=0)
    known = max((e.id for e in versions.journal_entries(db)), default=0)
    proposal = auto_placement.propose_placement(db, event.id, FAST)
    previous = auto_placement.accept_proposal(db, proposal)

    entries = versions.journal_entries(db, known)
    assert len(entries) == 1, [(e.id, e.kind, e.table_name, e.record, e.after) for e in entries]
    entry = entries[0]
    assert (entry.kind, entry.event_id) == (BULK, event.id)
    assert json.loads(entry.after or "{}") == {
        "what": auto_placement.AUTO_PLACEMENT,
        "rows": {"program_sessions.update": 4},
    }

    comparison = versions.compare(db, event.id)
    placed = {f"S{n}" for n in range(2, 6)}
    # each placed: from "not scheduled" to its time, and from no room to its room
    moved = {c.session.code for c in comparison.changes if c.kind == ChangeKind.MOVED}
    rooms = {c.session.code for c in comparison.changes if c.kind == ChangeKind.ROOM}
    assert moved == rooms == placed
    assert len(comparison.changes) == 2 * len(placed)
    told = {p.person_id: p for p in comparison.people}
    assert set(told) == {planned["ivanov"]}  # the moderator of all four
    assert all(code in told[planned["ivanov"]].text for code in placed)

    # the undo: one more entry, and nothing changed since the version any more
    placing.place_sessions(db, previous, expected_versions=None)
    undone = versions.journal_entries(db, entry.id)
    assert len(undone) == 1 and undone[0].kind == BULK
    assert versions.compare(db, event.id).changes == []
    # one session placed is still journalled as itself, before and after
    one = {planned["S2"]: Placement(planned["big"], at(26, 9), at(26, 10, 30))}
    placing.place_sessions(db, one, expected_versions=None)
    single = versions.journal_entries(db, undone[0].id)
    assert [(e.kind, e.table_name) for e in single] == [("update", "program_sessions")]
