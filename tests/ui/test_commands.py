"""Undo commands: each edit is done once, undone and redone through its services."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Role
from forumdesk.core.rows import Placement
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.services.session_editing import SessionEdit, SessionPerson
from forumdesk.ui.commands.people import DeletePeopleCommand
from forumdesk.ui.commands.placement import PlaceSessionCommand
from forumdesk.ui.commands.sessions import CreateSessionCommand, SaveSessionCommand
from forumdesk.ui.context import AppContext
from tests.ui.prompts import ScriptedPrompts
from tests.ui.session_edits import edit_session


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> AppContext:
    return AppContext(db, prompts=prompts)


def _session(db: Database, event_id: int, code: str):  # type: ignore[no-untyped-def]
    return next(s for s in sessions.list_sessions(db, event_id) if s.code == code)


def test_a_move_is_done_once_then_undone_and_redone(ctx: AppContext, demo: DemoResult) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    assert s3.starts_at is not None and s3.ends_at is not None
    target = Placement(
        s3.room_id, s3.starts_at + dt.timedelta(hours=2), s3.ends_at + dt.timedelta(hours=2)
    )
    seen: list[frozenset[str]] = []
    ctx.data_changed.connect(seen.append)
    assert ctx.run(PlaceSessionCommand(ctx, "Move S3", s3.id, target, s3.version))
    assert sessions.get_session(ctx.db, s3.id).starts_at == target.starts_at
    assert seen and "sessions" in seen[-1]
    ctx.undo_stack.undo()
    assert sessions.get_session(ctx.db, s3.id).starts_at == s3.starts_at
    ctx.undo_stack.redo()
    assert sessions.get_session(ctx.db, s3.id).starts_at == target.starts_at
    assert ctx.undo_stack.count() == 1


def test_a_refused_edit_reports_and_never_reaches_the_stack(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    assert not ctx.run(edit_session(ctx, s3, {"code": "S4"}))
    assert ctx.undo_stack.count() == 0
    assert prompts.warnings and "S4" in prompts.warnings[0][1]
    assert sessions.get_session(ctx.db, s3.id).code == "S3"


def test_an_action_that_fails_half_way_leaves_the_database_as_it_was(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    """A new title, a newcomer and someone who no longer exists: one call, so nothing at all."""
    s3 = _session(ctx.db, demo.event.id, "S3")
    moderator = sessions.get_session(ctx.db, s3.id).moderators
    newcomer = people.create_person(ctx.db, "Иванова", "Мария")
    before = assignments.session_people(ctx.db, s3.id)
    kept = [SessionPerson(a.person_id, a.role, a.position) for a in before]
    edit = SessionEdit(
        {"title": "Renamed"},
        (
            *kept,
            SessionPerson(newcomer.id, Role.SPEAKER, 90),
            SessionPerson(404, Role.SPEAKER, 91),
        ),
    )
    ok = ctx.run(SaveSessionCommand(ctx, "Edit S3", s3, edit, kept))
    assert not ok and prompts.warnings
    assert assignments.session_people(ctx.db, s3.id) == before
    assert ctx.undo_stack.count() == 0  # nothing to undo or redo: the action never happened
    after = sessions.get_session(ctx.db, s3.id)
    assert (after.title, after.moderators, after.version) == (s3.title, moderator, s3.version)


def test_undo_of_a_command_whose_record_vanished_reports_and_drops_it(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    assert ctx.run(edit_session(ctx, s3, {"title": "Renamed"}))
    sessions.delete_session(
        ctx.db, s3.id, expected_version=None
    )  # e.g. another workstation deleted it
    ctx.undo_stack.undo()
    assert prompts.warnings and "no longer exists" in prompts.warnings[-1][1]
    assert ctx.undo_stack.count() == 0


def test_delete_and_restore_people_keeps_their_sessions(ctx: AppContext, demo: DemoResult) -> None:
    s1 = _session(ctx.db, demo.event.id, "S1")
    people_in_s1 = assignments.session_people(ctx.db, s1.id)
    ids = [row.person_id for row in people_in_s1[:2]]
    versions = {i: people.get_person(ctx.db, i).version for i in ids}
    assert ctx.run(DeletePeopleCommand(ctx, ids, "Delete two", versions))
    assert len(assignments.session_people(ctx.db, s1.id)) == len(people_in_s1) - 2
    ctx.undo_stack.undo()
    assert assignments.session_people(ctx.db, s1.id) == people_in_s1


def test_an_action_that_changes_nothing_leaves_no_step(ctx: AppContext, demo: DemoResult) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    assert ctx.run(edit_session(ctx, s3, {"title": s3.title}))
    assert ctx.undo_stack.count() == 0
    assert sessions.get_session(ctx.db, s3.id).version == s3.version


def test_a_new_session_comes_with_its_people_in_one_step(ctx: AppContext, demo: DemoResult) -> None:
    speaker = people.create_person(ctx.db, "Omarov", "Timur")
    create = CreateSessionCommand(
        ctx, demo.event.id, {"title": "Side event"}, [SessionPerson(speaker.id, Role.SPEAKER, 0)]
    )
    assert ctx.run(create)
    assert create.created is not None
    assert [p.person_id for p in assignments.session_people(ctx.db, create.created.id)] == [
        speaker.id
    ]
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert all(s.title != "Side event" for s in sessions.list_sessions(ctx.db, demo.event.id))
    ctx.undo_stack.redo()
    restored = sessions.get_session(ctx.db, create.created.id)
    assert restored.title == "Side event"
    assert [p.person_id for p in assignments.session_people(ctx.db, restored.id)] == [speaker.id]
