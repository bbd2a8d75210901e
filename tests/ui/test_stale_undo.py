"""An undo whose record another desk changed meanwhile is refused with a readable message and
changes nothing, for every undoable write the window makes; without the other desk the same
undo passes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.config import resolve_database_url
from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.rows import Placement
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services import assignments, events, people, problems, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.commands.assignments import AssignPeopleCommand, RegisterPeopleCommand
from forumdesk.ui.commands.events import edit_event
from forumdesk.ui.commands.people import CreatePersonCommand, edit_person
from forumdesk.ui.commands.placement import (
    MoveSessionCommand,
    PlaceSessionCommand,
    ResizeSessionCommand,
    ScheduleSessionsCommand,
    UnscheduleSessionsCommand,
)
from forumdesk.ui.commands.sessions import CreateSessionCommand
from forumdesk.ui.commands.venue import (
    AddRoomCommand,
    AddTrackCommand,
    ReorderRoomsCommand,
    ReorderTracksCommand,
    edit_room,
    edit_track,
)
from forumdesk.ui.context import AppContext, ForumdeskCommand
from forumdesk.ui.problems import AcceptProblemCommand, UnacceptProblemCommand
from tests.stale_writes import everything, s3
from tests.ui.prompts import ScriptedPrompts
from tests.ui.session_edits import edit_session

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> AppContext:
    return AppContext(db, prompts=prompts)


@pytest.fixture
def other_desk(db_path: Path, db: Database) -> Iterator[Database]:
    """The same database, opened by another desk."""
    database = open_database(resolve_database_url(str(db_path)), desk="reception-2")
    yield database
    database.dispose()


@dataclass(frozen=True)
class UndoCase:
    name: str
    command: Callable[[AppContext, DemoResult], ForumdeskCommand]
    meddle: Callable[[Database, DemoResult, Any], object]  # another desk, after the do


def _touch_s3(db: Database, demo: DemoResult, _command: Any) -> None:
    sessions.update_session(db, s3(db, demo).id, {"description": "Theirs"}, expected_version=None)


def _newcomer(ctx: AppContext) -> int:
    return people.create_person(ctx.db, family_name="Newcomer").id


def _rossi(db: Database) -> Any:
    return next(p for p in people.search_people(db) if p.family_name == "Rossi")


def _problem(ctx: AppContext, demo: DemoResult) -> Any:
    return problems.check_event(ctx.db, demo.event.id)[0]


def _accepted(ctx: AppContext, demo: DemoResult) -> Any:
    problem = _problem(ctx, demo)
    problems.accept_problems(
        ctx.db, demo.event.id, [(problem.key, problem.fingerprint)], "Ours", expected=None
    )
    return _problem(ctx, demo)


def _meddle_acceptance(db: Database, demo: DemoResult, _command: Any) -> None:
    problem = problems.check_event(db, demo.event.id)[0]
    problems.accept_problems(
        db, demo.event.id, [(problem.key, problem.fingerprint)], "Theirs", expected=None
    )


def _later(ctx: AppContext, demo: DemoResult) -> dt.datetime:
    starts_at = s3(ctx.db, demo).starts_at
    assert starts_at is not None
    return starts_at + 2 * HOUR


UNDO_CASES = [
    UndoCase(
        "move",
        lambda ctx, d: MoveSessionCommand(
            ctx, "Move", s3(ctx.db, d), s3(ctx.db, d).room_id, _later(ctx, d)
        ),
        _touch_s3,
    ),
    UndoCase(
        "resize",
        lambda ctx, d: ResizeSessionCommand(ctx, "Resize", s3(ctx.db, d), _later(ctx, d)),
        _touch_s3,
    ),
    UndoCase(
        "place",
        lambda ctx, d: PlaceSessionCommand(
            ctx, "Place", s3(ctx.db, d).id, Placement(None, None, None), s3(ctx.db, d).version
        ),
        _touch_s3,
    ),
    UndoCase(
        "schedule",
        lambda ctx, d: ScheduleSessionsCommand(
            ctx,
            "Schedule",
            [s3(ctx.db, d).id],
            s3(ctx.db, d).room_id,
            _later(ctx, d),
            {s3(ctx.db, d).id: s3(ctx.db, d).version},
        ),
        _touch_s3,
    ),
    UndoCase(
        "take off the timetable",
        lambda ctx, d: UnscheduleSessionsCommand(
            ctx,
            "Off",
            [s3(ctx.db, d).id],
            keep_room=False,
            versions={s3(ctx.db, d).id: s3(ctx.db, d).version},
        ),
        _touch_s3,
    ),
    UndoCase(
        "session editor",
        lambda ctx, d: edit_session(ctx, s3(ctx.db, d), {"title": "Mine"}),
        _touch_s3,
    ),
    UndoCase(
        "assign",
        lambda ctx, d: AssignPeopleCommand(
            ctx, s3(ctx.db, d).id, [_newcomer(ctx)], Role.SPEAKER, "Add", s3(ctx.db, d).version
        ),
        _touch_s3,
    ),
    UndoCase(
        "new session",
        lambda ctx, d: CreateSessionCommand(ctx, d.event.id, {"title": "Mine"}),
        lambda db, d, c: sessions.update_session(
            db, c.created.id, {"title": "Theirs"}, expected_version=None
        ),
    ),
    UndoCase(
        "person",
        lambda ctx, d: edit_person(ctx, _rossi(ctx.db), {"position": "Mine"}),
        lambda db, d, c: people.update_person(
            db, _rossi(db).id, {"notes": "Theirs"}, expected_version=None
        ),
    ),
    UndoCase(
        "new person",
        lambda ctx, d: CreatePersonCommand(ctx, {"family_name": "Mine"}),
        lambda db, d, c: people.update_person(
            db, c.created.id, {"notes": "Theirs"}, expected_version=None
        ),
    ),
    UndoCase(
        "registration",
        lambda ctx, d: RegisterPeopleCommand(
            ctx,
            d.event.id,
            [_newcomer(ctx)],
            RegistrationStatus.REGISTERED,
            "Register",
            {},
        ),
        lambda db, d, c: assignments.register_people(
            db, d.event.id, c.person_ids, RegistrationStatus.CANCELLED, expected_statuses=None
        ),
    ),
    UndoCase(
        "room",
        lambda ctx, d: edit_room(ctx, venue.list_rooms(ctx.db, d.event.id)[0], {"capacity": 3}),
        lambda db, d, c: venue.update_room(
            db, venue.list_rooms(db, d.event.id)[0].id, {"name": "Theirs"}, expected_version=None
        ),
    ),
    UndoCase(
        "new room",
        lambda ctx, d: AddRoomCommand(ctx, d.event.id, "Mine", 10),
        lambda db, d, c: venue.update_room(
            db, c.created.id, {"capacity": 99}, expected_version=None
        ),
    ),
    UndoCase(
        "reorder rooms",
        lambda ctx, d: ReorderRoomsCommand(
            ctx,
            d.event.id,
            [r.id for r in venue.list_rooms(ctx.db, d.event.id)][::-1],
            {r.id: r.version for r in venue.list_rooms(ctx.db, d.event.id)},
        ),
        lambda db, d, c: venue.update_room(
            db, venue.list_rooms(db, d.event.id)[0].id, {"capacity": 99}, expected_version=None
        ),
    ),
    UndoCase(
        "track",
        lambda ctx, d: edit_track(
            ctx, venue.list_tracks(ctx.db, d.event.id)[0], {"color": "#654321"}
        ),
        lambda db, d, c: venue.update_track(
            db, venue.list_tracks(db, d.event.id)[0].id, {"name": "Theirs"}, expected_version=None
        ),
    ),
    UndoCase(
        "new track",
        lambda ctx, d: AddTrackCommand(ctx, d.event.id, "Mine", None),
        lambda db, d, c: venue.update_track(
            db, c.created.id, {"color": "#123456"}, expected_version=None
        ),
    ),
    UndoCase(
        "reorder tracks",
        lambda ctx, d: ReorderTracksCommand(
            ctx,
            d.event.id,
            [t.id for t in venue.list_tracks(ctx.db, d.event.id)][::-1],
            {t.id: t.version for t in venue.list_tracks(ctx.db, d.event.id)},
        ),
        lambda db, d, c: venue.update_track(
            db, venue.list_tracks(db, d.event.id)[0].id, {"color": "#123456"}, expected_version=None
        ),
    ),
    UndoCase(
        "event settings",
        lambda ctx, d: edit_event(
            ctx, d.event.id, {"name": "Mine"}, events.get_event(ctx.db, d.event.id).version
        ),
        lambda db, d, c: events.update_event(
            db, d.event.id, {"description": "Theirs"}, expected_version=None
        ),
    ),
    UndoCase(
        "accept problem",
        lambda ctx, d: AcceptProblemCommand(ctx, d.event.id, [_problem(ctx, d)], "Mine"),
        _meddle_acceptance,
    ),
    UndoCase(
        "withdraw acceptance",
        lambda ctx, d: UnacceptProblemCommand(ctx, d.event.id, [_accepted(ctx, d)]),
        _meddle_acceptance,
    ),
]


@pytest.mark.parametrize("case", UNDO_CASES, ids=lambda c: c.name)
def test_an_undo_of_a_record_another_desk_changed_is_refused_and_changes_nothing(
    ctx: AppContext,
    demo: DemoResult,
    prompts: ScriptedPrompts,
    other_desk: Database,
    case: UndoCase,
) -> None:
    command = case.command(ctx, demo)
    assert ctx.run(command)
    case.meddle(other_desk, demo, command)
    before = everything(ctx.db)
    ctx.undo_stack.undo()
    assert everything(ctx.db) == before
    assert prompts.warnings, "the refusal is shown"
    message = prompts.warnings[-1][1]
    assert "reception-2" in message or "Someone else" in message
    assert "Traceback" not in message


@pytest.mark.parametrize("case", UNDO_CASES, ids=lambda c: c.name)
def test_an_undo_and_redo_nobody_else_interfered_with_pass(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts, case: UndoCase
) -> None:
    command = case.command(ctx, demo)
    before = everything(ctx.db)
    assert ctx.run(command)
    done = everything(ctx.db)
    assert done != before
    ctx.undo_stack.undo()
    assert not prompts.warnings
    ctx.undo_stack.redo()
    assert not prompts.warnings
    ctx.undo_stack.undo()
    assert not prompts.warnings


def test_a_stale_undo_of_a_timetable_move_says_what_changed_when_and_from_which_desk(
    ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts, other_desk: Database
) -> None:
    row = s3(ctx.db, demo)
    assert row.starts_at is not None
    assert ctx.run(MoveSessionCommand(ctx, "Move S3", row, row.room_id, row.starts_at + HOUR))
    moved = s3(ctx.db, demo)
    hall = venue.list_rooms(ctx.db, demo.event.id)[-1]
    assert sessions.update_session(  # another desk moves it to another hall
        other_desk, row.id, {"room_id": hall.id}, expected_version=moved.version
    )
    ctx.undo_stack.undo()
    now = s3(ctx.db, demo)
    assert (now.starts_at, now.room_id) == (row.starts_at + HOUR, hall.id)
    message = prompts.warnings[-1][1]
    assert "S3" in message and "reception-2" in message
    assert ctx.undo_stack.count() == 0 or not ctx.undo_stack.canUndo()
