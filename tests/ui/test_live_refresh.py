"""Two desks on one database: what one commits, the other shows within two seconds, keeping its
selection, its scroll and its undo stack, and an open editor says its session changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from forumdesk.config import resolve_database_url
from forumdesk.db.desks import default_desk_name
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.db.models import Room
from forumdesk.services import events, people, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.services.records import change_time
from forumdesk.services.session_editing import SessionEdit
from forumdesk.ui.commands.people import edit_person
from forumdesk.ui.commands.placement import MoveSessionCommand
from forumdesk.ui.commands.sessions import (
    CreateSessionCommand,
    DeleteSessionsCommand,
    SaveSessionCommand,
)
from forumdesk.ui.commands.venue import edit_room
from forumdesk.ui.database_actions import chosen_desk_name
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.session_editor import SessionEditorDialog
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_timetable import _drag, _grab_point, _point

LAG_MS = 2000
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def second_db(db: Database, db_path: Path, demo: DemoResult) -> Iterator[Database]:
    """The same file opened again, as a second desk would: its own engine and connections.

    The desks have names, as the refusals and the stale bar show them: `db` is reception-1.
    """
    db.rename_desk("reception-1")
    other = open_database(resolve_database_url(str(db_path)), desk="reception-2")
    yield other
    other.dispose()


def _window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.live_refresh.ready, timeout=LAG_MS)
    return window


def _scheduled(window: MainWindow) -> list[int]:
    rows = window.timetable_page.rows.values()
    return sorted(r.id for r in rows if r.starts_at is not None)


def test_a_move_on_one_desk_shows_on_the_other_keeping_its_selection(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    desk_a = _window(qtbot, db, prompts)
    desk_b = _window(qtbot, second_db, prompts)
    first, other = _scheduled(desk_b)[:2]
    assert desk_b.timetable_page.view.select_session(other)
    undo_count = desk_b.ctx.undo_stack.count()

    row = desk_a.timetable_page.rows[first]
    assert row.starts_at is not None
    later = row.starts_at + dt.timedelta(minutes=30)
    moved = MoveSessionCommand(desk_a.ctx, "Move", row, row.room_id, later)
    assert desk_a.ctx.run(moved)

    qtbot.waitUntil(lambda: desk_b.timetable_page.rows[first].starts_at == later, timeout=LAG_MS)
    block = desk_b.timetable_page.view.block(first)
    assert block is not None and block.row.starts_at == later
    assert desk_b.timetable_page.view.selected_session_ids() == [other]
    assert desk_b.details_dock.session_id == other
    assert desk_b.ctx.undo_stack.count() == undo_count
    # the desk that moved it is not told twice: nothing from the other desk arrived
    assert desk_a.live_refresh.detector is not None
    assert not desk_a.live_refresh.detector.poll()


def test_a_persons_edit_updates_that_row_only_keeping_the_selection(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    desk_a = _window(qtbot, db, prompts)
    desk_b = _window(qtbot, second_db, prompts)
    desk_b.show_page(desk_b.people_page)
    page = desk_b.people_page
    page.set_event_scope(False)
    assert page.model.rowCount() > 2
    chosen = page.model.person_at(1)
    page.select_ids([chosen.id], chosen.id)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))

    edited = page.model.person_at(0)
    assert desk_a.ctx.run(
        edit_person(desk_a.ctx, people.get_person(db, edited.id), {"position": "Rapporteur"})
    )

    def shown() -> bool:
        row = page.model.row_of(edited.id)
        return row is not None and page.model.person_at(row).position == "Rapporteur"

    qtbot.waitUntil(shown, timeout=LAG_MS)
    assert resets == []  # one row updated, not the directory reloaded
    assert page.selected_ids() == [chosen.id]
    assert page.current_person() is not None and page.current_person().id == chosen.id


def test_a_new_session_and_a_deletion_reach_the_tables_and_the_problems(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    desk_a = _window(qtbot, db, prompts)
    desk_b = _window(qtbot, second_db, prompts)
    desk_b.show_page(desk_b.sessions_page)
    event_id = desk_a.ctx.event_id
    assert event_id is not None
    before = desk_b.sessions_page.model.rowCount()
    created = CreateSessionCommand(desk_a.ctx, event_id, {"title": "Late addition"})
    assert desk_a.ctx.run(created)
    qtbot.waitUntil(lambda: desk_b.sessions_page.model.rowCount() == before + 1, timeout=LAG_MS)
    assert desk_b.counts_label.text().startswith(f"{before + 1} sessions")

    assert created.created is not None
    deleted = DeleteSessionsCommand(
        desk_a.ctx, [created.created.id], "Delete", {created.created.id: created.created.version}
    )
    assert desk_a.ctx.run(deleted)
    qtbot.waitUntil(lambda: desk_b.sessions_page.model.rowCount() == before, timeout=LAG_MS)
    checks = desk_b.problems_dock.checked
    with qtbot.waitSignal(checks, timeout=LAG_MS):
        desk_a.ctx.undo_stack.undo()  # the deletion undone on desk A: desk B checks again
    qtbot.waitUntil(lambda: desk_b.sessions_page.model.rowCount() == before + 1, timeout=LAG_MS)


def test_an_open_editor_says_its_session_changed_and_reloads(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    desk_a = _window(qtbot, db, prompts)
    desk_b = _window(qtbot, second_db, prompts)
    session_id = _scheduled(desk_b)[0]
    editor = SessionEditorDialog(desk_b.ctx, session_id, parent=desk_b)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.stale_bar.isVisible()

    row = sessions.get_session(db, session_id)
    edit = SaveSessionCommand(
        desk_a.ctx,
        "Edit",
        row,
        SessionEdit({"title": "Renamed elsewhere"}, None),
        [],
    )
    assert desk_a.ctx.run(edit)
    qtbot.waitUntil(editor.stale_bar.isVisible, timeout=LAG_MS)
    assert "Changed from the desk reception-1 at" in editor.stale_bar.label.text()
    assert editor.title_edit.text() != "Renamed elsewhere"  # nothing changed under the user
    qtbot.mouseClick(editor.stale_bar.reload_button, Qt.MouseButton.LeftButton)
    assert editor.title_edit.text() == "Renamed elsewhere"
    assert not editor.stale_bar.isVisible()
    assert editor.original is not None and editor.original.title == "Renamed elsewhere"


def test_a_renamed_room_reaches_event_setup_and_a_new_event_the_event_list(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    desk_a = _window(qtbot, db, prompts)
    desk_b = _window(qtbot, second_db, prompts)
    desk_b.show_page(desk_b.setup_page)
    rooms = desk_b.setup_page.room_model
    second_room = rooms.index(1, 0)
    desk_b.setup_page.room_table.selectRow(1)
    event_id = desk_a.ctx.event_id
    assert event_id is not None
    room = venue.list_rooms(db, event_id)[0]
    assert desk_a.ctx.run(edit_room(desk_a.ctx, room, {"name": "Hall of Mirrors"}))
    qtbot.waitUntil(lambda: rooms.index(0, 0).data() == "Hall of Mirrors", timeout=LAG_MS)
    selected = desk_b.setup_page.room_table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [second_room.row()]

    shown_event = desk_b.ctx.event_id
    events.create_event(db, "Second forum", "2027-05-12")  # from desk A's side of the file
    qtbot.waitUntil(lambda: desk_b.event_combo.count() == 2, timeout=LAG_MS)
    assert desk_b.ctx.event_id == shown_event  # the desk stays on what it shows


def test_a_lost_watch_comes_back_and_reloads_everything(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, caplog: pytest.LogCaptureFixture
) -> None:
    window = _window(qtbot, db, prompts)
    refresh = window.live_refresh
    assert refresh.detector is not None
    refresh.detector._conn.close()  # type: ignore[union-attr]  # the file went away, say
    told: list[frozenset[str]] = []
    window.ctx.data_changed.connect(told.append)
    refresh.poll()  # fails: logged, not raised
    assert refresh.detector is None
    assert "polling failed" in caplog.text
    refresh.poll()  # watching again: what happened meanwhile is unknown
    assert refresh.detector is not None
    assert told and {"sessions", "people", "rooms"} <= told[-1]
    refresh.stop()
    refresh.poll()  # stopped: never opens again
    assert refresh.detector is None


def test_restarting_watches_the_database_the_window_now_shows(
    qtbot: QtBot, db: Database, second_db: Database, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    other_file = open_database(resolve_database_url(str(tmp_path / "other.sqlite3")))
    try:
        window.ctx.db = other_file  # what switching databases does, before it says so
        window.live_refresh.restart()
        qtbot.waitUntil(lambda: window.live_refresh.ready, timeout=LAG_MS)
        told: list[frozenset[str]] = []
        window.ctx.data_changed.connect(told.append)
        # written by another desk on that file: this desk's own inserts are known to it
        elsewhere = open_database(resolve_database_url(str(tmp_path / "other.sqlite3")))
        try:
            events.create_event(elsewhere, "Elsewhere", "2027-05-12")
        finally:
            elsewhere.dispose()
        qtbot.waitUntil(lambda: bool(told), timeout=LAG_MS)
        assert "event" in told[0]
        told.clear()
        people.update_person(
            second_db, people.search_people(second_db)[0].id, {"notes": "x"}, expected_version=None
        )
        qtbot.wait(700)  # the old file is no longer watched
        assert told == []
    finally:
        window.live_refresh.stop()
        window.ctx.db = db
        other_file.dispose()


def test_after_opening_another_database_the_window_follows_that_one(
    qtbot: QtBot, db: Database, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    """File > Open database switches the window; another desk's commit there still shows."""
    window = _window(qtbot, db, prompts)
    other_path = tmp_path / "other.sqlite3"
    opened = open_database(resolve_database_url(str(other_path)))  # handed to the window
    other_desk = open_database(resolve_database_url(str(other_path)))
    combo = window.event_combo
    try:
        window.switch_database(opened)
        qtbot.waitUntil(lambda: window.live_refresh.ready, timeout=LAG_MS)
        created = events.create_event(
            other_desk, "Second forum", dt.date(2027, 5, 12), dt.date(2027, 5, 13)
        )
        qtbot.waitUntil(
            lambda: any(combo.itemText(i).startswith(created.name) for i in range(combo.count())),
            timeout=LAG_MS,
        )
    finally:
        other_desk.dispose()


def test_an_undo_of_a_room_another_desk_renamed_since_is_refused_with_a_message(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    desk_a = _window(qtbot, db, prompts)
    prompts_b = ScriptedPrompts()
    desk_b = _window(qtbot, second_db, prompts_b)
    for desk in (desk_a, desk_b):
        desk.show_page(desk.setup_page)
    rooms_a, rooms_b = desk_a.setup_page.room_model, desk_b.setup_page.room_model
    room_id = rooms_b.row_at(0).id

    def name_on(model: object) -> str:
        return next(r.name for r in model.rows() if r.id == room_id)  # type: ignore[attr-defined]

    rooms_b.setData(rooms_b.index(0, 0), "Hall of desk B", Qt.ItemDataRole.EditRole)
    assert name_on(rooms_b) == "Hall of desk B"
    qtbot.waitUntil(lambda: name_on(rooms_a) == "Hall of desk B", timeout=LAG_MS)
    row = next(i for i, r in enumerate(rooms_a.rows()) if r.id == room_id)
    rooms_a.setData(rooms_a.index(row, 0), "Hall of desk A", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: name_on(rooms_b) == "Hall of desk A", timeout=LAG_MS)

    desk_b.ctx.undo_stack.undo()  # desk B's own rename: the room has moved on since
    assert prompts_b.warnings
    refusal = prompts_b.warnings[-1][1]
    assert "«Hall of desk A» was changed at" in refusal and "from the desk reception-1" in refusal
    assert venue.list_rooms(db, desk_a.ctx.event_id or 0)[0].name == "Hall of desk A"
    assert name_on(rooms_b) == "Hall of desk A"
    assert not prompts.warnings


def test_a_stale_drag_is_refused_saying_what_the_other_desk_did_and_shows_it_at_once(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    """Desk B drags S3 before it has heard that desk A moved it: refused, told where S3 went,
    when and from which desk, and the timetable shows S3 there straight away."""
    desk_a = _window(qtbot, db, prompts)
    prompts_b = ScriptedPrompts()
    desk_b = _window(qtbot, second_db, prompts_b)
    desk_b.live_refresh.stop()  # B has not heard of A's move yet: its S3 is stale
    event_id = desk_a.ctx.event_id or 0
    s3 = next(r for r in desk_a.timetable_page.rows.values() if r.code == "S3")
    assert s3.starts_at is not None
    hall_d = next(r for r in venue.list_rooms(db, event_id) if r.name == "Hall D")
    assert desk_a.ctx.run(
        MoveSessionCommand(desk_a.ctx, "Move", s3, hall_d.id, s3.starts_at + 2 * HOUR)
    )
    moved = sessions.get_session(db, s3.id)

    view = desk_b.timetable_page.view
    desk_b.timetable_page.set_day(s3.starts_at.date())
    block = view.block(s3.id)
    assert block is not None and block.row.room_name == "Hall C"  # B still shows it there
    x, y = _grab_point(block)
    start = _point(view, x, y)
    _drag(view, start, start + QPoint(0, round(60 * view.timetable.pixels_per_minute)))

    assert prompts_b.warnings
    refusal = prompts_b.warnings[-1][1]
    assert moved.updated_at is not None
    assert refusal.startswith(
        f"S3 was moved to Hall D, 2021-11-25 15:00–16:30 at {change_time(moved.updated_at)} "
        "from the desk reception-1."
    )
    assert sessions.get_session(db, s3.id) == moved  # B's drag wrote nothing
    assert desk_b.ctx.undo_stack.count() == 0
    shown = view.block(s3.id)  # B reloaded S3 at once, without its live refresh
    assert shown is not None and shown.row.room_name == "Hall D"
    assert shown.row.starts_at == moved.starts_at


def test_naming_the_desk_in_the_window_stamps_its_writes_and_is_remembered(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    desk = _window(qtbot, second_db, prompts)
    action = desk.database_actions.desk_action
    assert action in desk.file_menu.actions()
    prompts.type_lines("  Press centre ")
    action.trigger()
    assert prompts.of_kind("line")[-1].title == "This desk's name"
    assert second_db.desk == "Press centre"
    assert chosen_desk_name() == "Press centre"
    assert "Press centre" in desk.statusBar().currentMessage()

    room = venue.list_rooms(second_db, desk.ctx.event_id or 0)[0]
    assert desk.ctx.run(edit_room(desk.ctx, room, {"capacity": 42}))
    with db.reader() as session:
        assert session.get(Room, room.id).updated_by == "Press centre"  # type: ignore[union-attr]

    prompts.type_lines(None)  # cancelled: nothing changes
    action.trigger()
    assert second_db.desk == "Press centre"
    prompts.type_lines("")  # empty: back to the user and computer name, nothing kept
    action.trigger()
    assert second_db.desk == default_desk_name()
    assert chosen_desk_name() is None


def test_a_version_published_on_another_desk_joins_the_changes_dock_and_its_comparison(
    qtbot: QtBot, db: Database, second_db: Database, prompts: ScriptedPrompts
) -> None:
    from forumdesk.services import versions

    desk_a = _window(qtbot, db, prompts)
    desk_b = _window(qtbot, second_db, prompts)
    dock = desk_b.changes_dock
    dock.show()
    dock.raise_()
    event_id = desk_a.ctx.event_id
    assert event_id is not None
    assert dock.from_combo.count() == 1  # "the latest version" only: nothing published
    assert "nothing published yet" in dock.summary_label.text()

    prompts.type_lines("Monday")
    desk_a.version_actions.publish_action.trigger()  # on desk A, through its File menu
    qtbot.waitUntil(lambda: dock.from_combo.count() == 2, timeout=LAG_MS)
    assert "Monday" in dock.from_combo.itemText(1)
    assert dock.summary_label.text().startswith("From version 1 to now: 0 changes")

    # desk A moves a session: desk B's "since version 1" shows it
    row = desk_a.timetable_page.rows[_scheduled(desk_a)[0]]
    assert row.starts_at is not None
    moved = MoveSessionCommand(desk_a.ctx, "Move", row, row.room_id, row.starts_at + HOUR)
    assert desk_a.ctx.run(moved)
    qtbot.waitUntil(lambda: "1 changes" in dock.summary_label.text(), timeout=LAG_MS)
    assert dock.model.rowCount() == 1 and "moved" in dock.model.index(0, 1).data()

    # desk A publishes again: desk B compares with version 2, the move is in it
    versions.publish_version(db, event_id, "Tuesday", expected_latest=1)
    qtbot.waitUntil(lambda: dock.from_combo.count() == 3, timeout=LAG_MS)
    qtbot.waitUntil(lambda: dock.summary_label.text().startswith("From version 2"), timeout=LAG_MS)
    assert dock.model.rowCount() == 0
    # desk A's own detector reports none of it: it knew its own publishes and edits
    assert desk_a.live_refresh.detector is not None
    assert not desk_a.live_refresh.detector.poll()
