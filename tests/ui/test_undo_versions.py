"""Undo and redo state what they were based on: an undo of a record another desk changed
since is refused with a readable message and changes nothing; this desk's own later steps on
the same record do not stand in the way."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Role
from forumdesk.db.engine import Database
from forumdesk.services import assignments, events, people, placing, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.commands.assignments import AssignPeopleCommand
from forumdesk.ui.commands.events import edit_event
from forumdesk.ui.commands.people import edit_person
from forumdesk.ui.commands.placement import (
    MoveSessionCommand,
    ResizeSessionCommand,
    ScheduleSessionsCommand,
    UnscheduleSessionsCommand,
)
from forumdesk.ui.commands.sessions import DeleteSessionsCommand
from forumdesk.ui.commands.venue import (
    DeleteRoomCommand,
    DeleteTrackCommand,
    ReorderRoomsCommand,
    ReorderTracksCommand,
    edit_room,
    edit_track,
)
from forumdesk.ui.context import AppContext
from tests.ui.prompts import ScriptedPrompts
from tests.ui.session_edits import edit_session

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> AppContext:
    return AppContext(db, prompts=prompts)


def _room(db: Database, event_id: int):  # type: ignore[no-untyped-def]
    return venue.list_rooms(db, event_id)[0]


def test_undo_of_a_rename_another_desk_renamed_since_is_refused(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    room = _room(ctx.db, demo.event.id)
    assert ctx.run(edit_room(ctx, room, {"name": "Mine"}))
    fresh = _room(ctx.db, demo.event.id)
    venue.update_room(ctx.db, room.id, {"name": "Theirs"}, expected_version=fresh.version)
    ctx.undo_stack.undo()
    assert _room(ctx.db, demo.event.id).name == "Theirs"
    assert prompts.warnings and "«Theirs» was changed at" in prompts.warnings[-1][1]


def test_undo_and_redo_of_a_fresh_rename_pass(ctx: AppContext, demo: DemoResult) -> None:
    room = _room(ctx.db, demo.event.id)
    assert ctx.run(edit_room(ctx, room, {"name": "Mine"}))
    ctx.undo_stack.undo()
    assert _room(ctx.db, demo.event.id).name == room.name
    ctx.undo_stack.redo()
    assert _room(ctx.db, demo.event.id).name == "Mine"
    ctx.undo_stack.undo()
    assert _room(ctx.db, demo.event.id).name == room.name


def test_two_own_edits_of_one_record_undo_and_redo_in_turn(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    room = _room(ctx.db, demo.event.id)
    assert ctx.run(edit_room(ctx, room, {"name": "Mine"}))
    assert ctx.run(edit_room(ctx, _room(ctx.db, demo.event.id), {"capacity": 7}))
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    back = _room(ctx.db, demo.event.id)
    assert (back.name, back.capacity) == (room.name, room.capacity)
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    again = _room(ctx.db, demo.event.id)
    assert (again.name, again.capacity) == ("Mine", 7)
    assert not prompts.warnings


def test_an_own_edit_made_after_another_desk_does_not_let_an_older_undo_through(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    room = _room(ctx.db, demo.event.id)
    assert ctx.run(edit_room(ctx, room, {"name": "Mine"}))
    fresh = _room(ctx.db, demo.event.id)
    venue.update_room(ctx.db, room.id, {"name": "Theirs"}, expected_version=fresh.version)
    assert ctx.run(edit_room(ctx, _room(ctx.db, demo.event.id), {"capacity": 7}))
    ctx.undo_stack.undo()  # the capacity: ours, fresh
    ctx.undo_stack.undo()  # the rename: another desk renamed it since
    assert _room(ctx.db, demo.event.id).name == "Theirs"
    assert len(prompts.warnings) == 1


def test_undo_of_a_track_person_and_event_edit_changed_elsewhere_is_refused(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    track = venue.list_tracks(ctx.db, demo.event.id)[0]
    assert ctx.run(edit_track(ctx, track, {"name": "Mine"}))
    venue.update_track(ctx.db, track.id, {"color": "#123456"}, expected_version=None)
    ctx.undo_stack.undo()
    assert any(t.name == "Mine" for t in venue.list_tracks(ctx.db, demo.event.id))

    person = people.search_people(ctx.db)[0]
    assert ctx.run(edit_person(ctx, person, {"given_name": "Mine"}))
    people.update_person(ctx.db, person.id, {"given_name": "Theirs"}, expected_version=None)
    ctx.undo_stack.undo()
    assert people.get_person(ctx.db, person.id).given_name == "Theirs"

    event = events.get_event(ctx.db, demo.event.id)
    assert ctx.run(edit_event(ctx, event.id, {"name": "Mine"}, event.version))
    events.update_event(ctx.db, event.id, {"name": "Theirs"}, expected_version=None)
    ctx.undo_stack.undo()
    assert events.get_event(ctx.db, event.id).name == "Theirs"
    assert len(prompts.warnings) == 3


def _s3(db: Database, event_id: int):  # type: ignore[no-untyped-def]
    return next(s for s in sessions.list_sessions(db, event_id) if s.code == "S3")


def test_undo_of_a_move_another_desk_moved_since_is_refused(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _s3(ctx.db, demo.event.id)
    assert s3.starts_at is not None
    assert ctx.run(MoveSessionCommand(ctx, "Move", s3, s3.room_id, s3.starts_at + HOUR))
    theirs = s3.starts_at + 3 * HOUR
    placing.move_session(ctx.db, s3.id, theirs, expected_version=_s3(ctx.db, demo.event.id).version)
    ctx.undo_stack.undo()
    assert _s3(ctx.db, demo.event.id).starts_at == theirs
    assert prompts.warnings and "S3 was changed at" in prompts.warnings[-1][1]
    assert "Where it is now: Hall C, 2021-11-25 16:00–17:30." in prompts.warnings[-1][1]


def test_undo_of_a_drop_and_an_unschedule_changed_elsewhere_are_refused(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _s3(ctx.db, demo.event.id)
    assert s3.starts_at is not None
    assert ctx.run(
        UnscheduleSessionsCommand(ctx, "Off", [s3.id], keep_room=True, versions={s3.id: s3.version})
    )
    sessions.update_session(ctx.db, s3.id, {"title": "Theirs"}, expected_version=None)
    ctx.undo_stack.undo()
    assert _s3(ctx.db, demo.event.id).starts_at is None
    now = _s3(ctx.db, demo.event.id)
    assert ctx.run(
        ScheduleSessionsCommand(
            ctx, "On", [s3.id], s3.room_id, s3.starts_at, versions={s3.id: now.version}
        )
    )
    sessions.update_session(ctx.db, s3.id, {"title": "Theirs again"}, expected_version=None)
    ctx.undo_stack.undo()
    assert _s3(ctx.db, demo.event.id).starts_at == s3.starts_at
    assert len(prompts.warnings) == 2


def test_own_moves_resizes_and_editor_saves_of_one_session_undo_and_redo_in_turn(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _s3(ctx.db, demo.event.id)
    assert s3.starts_at is not None and s3.ends_at is not None
    assert ctx.run(edit_session(ctx, s3, {"title": "New"}))
    row = _s3(ctx.db, demo.event.id)
    assert ctx.run(MoveSessionCommand(ctx, "Move", row, row.room_id, s3.starts_at + HOUR))
    row = _s3(ctx.db, demo.event.id)
    assert ctx.run(ResizeSessionCommand(ctx, "Resize", row, s3.ends_at + 2 * HOUR))
    for _ in range(3):
        ctx.undo_stack.undo()
    back = _s3(ctx.db, demo.event.id)
    assert (back.title, back.starts_at, back.ends_at) == (s3.title, s3.starts_at, s3.ends_at)
    for _ in range(3):
        ctx.undo_stack.redo()
    again = _s3(ctx.db, demo.event.id)
    assert (again.title, again.starts_at, again.ends_at) == (
        "New",
        s3.starts_at + HOUR,
        s3.ends_at + 2 * HOUR,
    )
    assert not prompts.warnings


def test_a_deleted_and_restored_room_keeps_its_versions_moving_forward(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    room = _room(ctx.db, demo.event.id)
    assert ctx.run(edit_room(ctx, room, {"name": "Mine"}))
    renamed = _room(ctx.db, demo.event.id)
    assert ctx.run(DeleteRoomCommand(ctx, renamed))
    ctx.undo_stack.undo()  # the room is back, at a version no desk held before
    back = next(r for r in venue.list_rooms(ctx.db, demo.event.id) if r.id == room.id)
    assert back.version > renamed.version
    ctx.undo_stack.undo()  # our rename: nobody else touched the room
    assert _room(ctx.db, demo.event.id).name == room.name
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()  # the deletion again, based on what our steps left
    assert all(r.id != room.id for r in venue.list_rooms(ctx.db, demo.event.id))
    assert not prompts.warnings


def test_a_deletion_of_a_room_or_sessions_changed_elsewhere_is_refused(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    room = _room(ctx.db, demo.event.id)
    venue.update_room(ctx.db, room.id, {"capacity": 3}, expected_version=None)
    assert not ctx.run(DeleteRoomCommand(ctx, room))
    assert any(r.id == room.id for r in venue.list_rooms(ctx.db, demo.event.id))
    track = venue.list_tracks(ctx.db, demo.event.id)[0]
    venue.update_track(ctx.db, track.id, {"color": "#123456"}, expected_version=None)
    assert not ctx.run(DeleteTrackCommand(ctx, track))
    assert any(t.id == track.id for t in venue.list_tracks(ctx.db, demo.event.id))
    s3 = _s3(ctx.db, demo.event.id)
    sessions.update_session(ctx.db, s3.id, {"title": "Theirs"}, expected_version=None)
    assert not ctx.run(DeleteSessionsCommand(ctx, [s3.id], "Delete", {s3.id: s3.version}))
    assert _s3(ctx.db, demo.event.id).title == "Theirs"
    assert len(prompts.warnings) == 3
    fresh = _s3(ctx.db, demo.event.id)
    assert ctx.run(DeleteSessionsCommand(ctx, [s3.id], "Delete", {s3.id: fresh.version}))
    ctx.undo_stack.undo()
    assert _s3(ctx.db, demo.event.id).title == "Theirs"
    sessions.update_session(ctx.db, s3.id, {"title": "Theirs again"}, expected_version=None)
    ctx.undo_stack.redo()  # the redo of the deletion: the session changed since the undo
    assert _s3(ctx.db, demo.event.id).title == "Theirs again"
    assert len(prompts.warnings) == 4


def test_assigning_people_states_the_session_version_and_so_does_its_undo(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _s3(ctx.db, demo.event.id)
    inside = {a.person_id for a in assignments.session_people(ctx.db, s3.id)}
    newcomer = next(p for p in people.search_people(ctx.db) if p.id not in inside)
    sessions.update_session(ctx.db, s3.id, {"title": "Theirs"}, expected_version=None)
    stale = AssignPeopleCommand(ctx, s3.id, [newcomer.id], Role.SPEAKER, "Add", s3.version)
    assert not ctx.run(stale)
    assert newcomer.id not in {a.person_id for a in assignments.session_people(ctx.db, s3.id)}
    fresh = _s3(ctx.db, demo.event.id)
    assert ctx.run(
        AssignPeopleCommand(ctx, s3.id, [newcomer.id], Role.SPEAKER, "Add", fresh.version)
    )
    assert _s3(ctx.db, demo.event.id).version > fresh.version  # the people are the session's
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()  # our own steps: no refusal
    assert len(prompts.warnings) == 1
    sessions.update_session(ctx.db, s3.id, {"title": "Theirs again"}, expected_version=None)
    ctx.undo_stack.undo()  # another desk changed the session since: refused
    assert newcomer.id in {a.person_id for a in assignments.session_people(ctx.db, s3.id)}
    assert len(prompts.warnings) == 2


def test_a_reorder_states_the_rooms_versions_and_own_renames_still_undo_after_it(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    rooms = venue.list_rooms(ctx.db, demo.event.id)
    assert len(rooms) >= 2
    assert ctx.run(edit_room(ctx, rooms[0], {"name": "Mine"}))
    shown = venue.list_rooms(ctx.db, demo.event.id)
    order = [r.id for r in reversed(shown)]
    assert ctx.run(ReorderRoomsCommand(ctx, demo.event.id, order, {r.id: r.version for r in shown}))
    assert [r.id for r in venue.list_rooms(ctx.db, demo.event.id)] == order
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # our rename, after our own reorder and its undo: passes
    assert [r.name for r in venue.list_rooms(ctx.db, demo.event.id)] == [r.name for r in rooms]
    assert not prompts.warnings

    stale = {r.id: r.version for r in venue.list_rooms(ctx.db, demo.event.id)}
    venue.update_room(ctx.db, rooms[1].id, {"capacity": 3}, expected_version=None)  # another desk
    assert not ctx.run(ReorderRoomsCommand(ctx, demo.event.id, order, stale))
    assert [r.id for r in venue.list_rooms(ctx.db, demo.event.id)] == [r.id for r in rooms]
    assert len(prompts.warnings) == 1


def test_a_track_reorder_states_the_tracks_versions_and_own_edits_still_undo_after_it(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    tracks = venue.list_tracks(ctx.db, demo.event.id)
    assert len(tracks) >= 2
    assert ctx.run(edit_track(ctx, tracks[0], {"name": "Mine"}))
    shown = venue.list_tracks(ctx.db, demo.event.id)
    order = [t.id for t in reversed(shown)]
    assert ctx.run(
        ReorderTracksCommand(ctx, demo.event.id, order, {t.id: t.version for t in shown})
    )
    assert [t.id for t in venue.list_tracks(ctx.db, demo.event.id)] == order
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # our rename, after our own reorder and its undo: passes
    assert [t.name for t in venue.list_tracks(ctx.db, demo.event.id)] == [t.name for t in tracks]
    assert not prompts.warnings

    stale = {t.id: t.version for t in venue.list_tracks(ctx.db, demo.event.id)}
    venue.update_track(ctx.db, tracks[1].id, {"color": "#123456"}, expected_version=None)
    assert not ctx.run(ReorderTracksCommand(ctx, demo.event.id, order, stale))
    assert [t.id for t in venue.list_tracks(ctx.db, demo.event.id)] == [t.id for t in tracks]
    assert len(prompts.warnings) == 1
