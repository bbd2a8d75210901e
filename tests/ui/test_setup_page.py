"""Event setup: event fields, rooms and tracks, each edit an undoable command."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import events, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import AppContext
from forumdesk.ui.setup_page import SetupPage
from forumdesk.ui.venue_table_models import RoomTableModel, TrackTableModel
from tests.ui.keyboard import type_text
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def page(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> SetupPage:
    ctx = AppContext(db, prompts=prompts)
    ctx.set_event(demo.event)
    widget = SetupPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_event_fields_are_saved_and_undone(qtbot: QtBot, page: SetupPage, demo: DemoResult) -> None:
    assert not page.apply_button.isEnabled()
    page.city_edit.clear()
    type_text(page.city_edit, "Астана")
    page.last_day_edit.setDate(QDate(2021, 11, 27))
    assert page.apply_button.isEnabled()
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    saved = events.get_event(page.ctx.db, demo.event.id)
    assert saved.city == "Астана" and saved.last_day == dt.date(2021, 11, 27)
    assert page.ctx.current_event is not None and page.ctx.current_event.city == "Астана"
    page.ctx.undo_stack.undo()
    restored = events.get_event(page.ctx.db, demo.event.id)
    assert restored.city == "Nur-Sultan" and restored.last_day == dt.date(2021, 11, 26)
    assert page.city_edit.text() == "Nur-Sultan"


def test_dropping_a_day_with_sessions_is_refused_readably(
    page: SetupPage, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    page.last_day_edit.setDate(QDate(2021, 11, 25))
    page.apply_event_changes()
    assert prompts.warnings and "2021-11-26" in prompts.warnings[-1][1]
    assert events.get_event(page.ctx.db, demo.event.id).last_day == dt.date(2021, 11, 26)


def test_rooms_add_rename_reorder_delete_and_undo(page: SetupPage, demo: DemoResult) -> None:
    db, event_id = page.ctx.db, demo.event.id
    page.new_room_seats.setValue(40)
    page.add_room()
    rooms = venue.list_rooms(db, event_id)
    assert rooms[-1].name == "Room 6" and rooms[-1].capacity == 40
    # typing into the table renames it through an undo command
    page.room_model.setData(page.room_model.index(len(rooms) - 1, 0), "Press room")
    assert venue.list_rooms(db, event_id)[-1].name == "Press room"
    page.room_table.selectRow(len(rooms) - 1)
    page.move_room(-1)
    names = [r.name for r in venue.list_rooms(db, event_id)]
    assert names[-2:] == ["Press room", "Hall D"]
    page.ctx.undo_stack.undo()
    assert [r.name for r in venue.list_rooms(db, event_id)][-1] == "Press room"


def test_deleting_a_room_keeps_its_sessions_times(
    page: SetupPage, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    db, event_id = page.ctx.db, demo.event.id
    hall_a = next(n for n, r in enumerate(page.room_model.rows()) if r.name == "Hall A")
    page.room_table.selectRow(hall_a)
    prompts.answer_questions(True)
    page.delete_room()
    assert prompts.questions and "Hall A" in prompts.questions[0]
    s1 = next(s for s in sessions.list_sessions(db, event_id) if s.code == "S1")
    assert s1.room_id is None and s1.starts_at is not None
    page.ctx.undo_stack.undo()
    s1 = sessions.get_session(db, s1.id)
    assert s1.room_name == "Hall A"


def test_tracks_add_colour_and_delete(
    page: SetupPage, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    db, event_id = page.ctx.db, demo.event.id
    count = len(venue.list_tracks(db, event_id))
    page.add_track()
    added = [t for t in venue.list_tracks(db, event_id) if t.name.startswith("Track ")]
    assert len(added) == 1 and added[0].color is not None
    row = next(n for n, t in enumerate(page.track_model.rows()) if t.id == added[0].id)
    page.track_table.selectRow(row)
    prompts.pick_colors(QColor("#123456"))
    page.choose_track_color()
    assert (
        prompts.of_kind("color")[0].text == str(added[0].color).lower()
    )  # where the choice starts
    assert (
        next(t for t in venue.list_tracks(db, event_id) if t.id == added[0].id).color == "#123456"
    )
    prompts.answer_questions(True)
    page.track_table.selectRow(row)
    page.delete_track()
    assert len(venue.list_tracks(db, event_id)) == count


def test_move_down_reorders_tracks_as_one_undo_step(qtbot: QtBot, page: SetupPage) -> None:
    """Move down puts the selected track after the next one, in the database and the table,
    as one History entry naming the track; undo and redo follow it."""
    db, event_id = page.ctx.db, page.ctx.event_id
    assert event_id is not None
    page.add_track()  # the demo's tracks and one more: the move is in the middle of the list
    page.track_table.clearSelection()
    before = [t.id for t in venue.list_tracks(db, event_id)]
    assert len(before) >= 3
    first = page.track_model.row_at(0)
    steps = page.ctx.undo_stack.count()
    _click_row(qtbot, page.track_table, 0)
    qtbot.mouseClick(page.track_down_button, Qt.MouseButton.LeftButton)
    moved = [before[1], before[0], *before[2:]]
    assert [t.id for t in venue.list_tracks(db, event_id)] == moved
    assert [t.position for t in venue.list_tracks(db, event_id)] == list(range(len(before)))
    assert [t.id for t in page.track_model.rows()] == moved
    assert _selected_id(page.track_table, page.track_model) == first.id  # it stays selected
    assert page.ctx.undo_stack.count() == steps + 1
    assert page.ctx.undo_stack.undoText() == f"Move track {first.name} down"

    page.ctx.undo_stack.undo()
    assert [t.id for t in venue.list_tracks(db, event_id)] == before
    assert [t.id for t in page.track_model.rows()] == before
    page.ctx.undo_stack.redo()
    assert [t.id for t in venue.list_tracks(db, event_id)] == moved

    qtbot.mouseClick(page.track_up_button, Qt.MouseButton.LeftButton)  # still selected
    assert [t.id for t in venue.list_tracks(db, event_id)] == before
    assert page.ctx.undo_stack.undoText() == f"Move track {first.name} up"


def test_moving_a_track_another_desk_changed_is_refused(
    qtbot: QtBot, page: SetupPage, prompts: ScriptedPrompts
) -> None:
    db, event_id = page.ctx.db, page.ctx.event_id
    assert event_id is not None
    before = [t.id for t in venue.list_tracks(db, event_id)]
    assert len(before) >= 2
    _click_row(qtbot, page.track_table, 0)
    venue.update_track(db, before[1], {"color": "#123456"}, expected_version=None)  # elsewhere
    qtbot.mouseClick(page.track_down_button, Qt.MouseButton.LeftButton)
    assert [t.id for t in venue.list_tracks(db, event_id)] == before
    assert prompts.warnings  # told, not silently ignored
    assert not page.ctx.undo_stack.canUndo()


# --- an edit keeps the tables where the user left them -----------------------------------------


def _click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _selected_id(table: QTableView, model: RoomTableModel | TrackTableModel) -> int | None:
    rows = table.selectionModel().selectedRows()
    return model.row_at(rows[0].row()).id if len(rows) == 1 else None


def test_renaming_a_room_in_the_table_keeps_it_selected(qtbot: QtBot, page: SetupPage) -> None:
    row = next(n for n, r in enumerate(page.room_model.rows()) if r.name == "Hall B")
    hall_b = page.room_model.row_at(row)
    _click_row(qtbot, page.room_table, row)
    qtbot.keyClick(page.room_table, Qt.Key.Key_F2)  # edit the name where it stands
    editor = page.room_table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Hall Beta")
    with (
        qtbot.assertNotEmitted(page.room_model.modelReset),
        qtbot.waitSignal(page.room_model.dataChanged, timeout=1000),
    ):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert venue.list_rooms(page.ctx.db, page.ctx.event_id or 0)[row].name == "Hall Beta"
    assert _selected_id(page.room_table, page.room_model) == hall_b.id
    assert page.room_table.currentIndex().row() == row
    with qtbot.assertNotEmitted(page.room_model.modelReset):
        page.ctx.undo_stack.undo()
    assert page.room_model.index(row, 0).data() == "Hall B"
    assert _selected_id(page.room_table, page.room_model) == hall_b.id


def test_moving_a_room_moves_its_row_and_its_selection(qtbot: QtBot, page: SetupPage) -> None:
    hall_c = page.room_model.row_at(3)
    _click_row(qtbot, page.room_table, 3)
    with (
        qtbot.assertNotEmitted(page.room_model.modelReset),
        qtbot.waitSignal(page.room_model.rowsMoved, timeout=0),
    ):
        qtbot.mouseClick(page.room_up_button, Qt.MouseButton.LeftButton)
    assert page.room_model.row_at(2).id == hall_c.id
    assert _selected_id(page.room_table, page.room_model) == hall_c.id
    with qtbot.assertNotEmitted(page.room_model.modelReset):
        page.ctx.undo_stack.undo()  # nobody re-selects here: the selection follows the row
    assert page.room_model.row_at(3).id == hall_c.id
    assert _selected_id(page.room_table, page.room_model) == hall_c.id


def test_deleting_the_selected_room_selects_the_one_that_took_its_place(
    qtbot: QtBot, page: SetupPage, prompts: ScriptedPrompts
) -> None:
    after = page.room_model.row_at(2)
    _click_row(qtbot, page.room_table, 1)
    prompts.answer_questions(True)
    with (
        qtbot.assertNotEmitted(page.room_model.modelReset),
        qtbot.waitSignal(page.room_model.rowsRemoved, timeout=0),
    ):
        qtbot.mouseClick(page.delete_room_button, Qt.MouseButton.LeftButton)
    assert _selected_id(page.room_table, page.room_model) == after.id


def test_a_new_track_colour_keeps_the_track_selected(
    qtbot: QtBot, page: SetupPage, prompts: ScriptedPrompts
) -> None:
    track = page.track_model.row_at(2)
    _click_row(qtbot, page.track_table, 2)
    prompts.pick_colors(QColor("#654321"))
    with (
        qtbot.assertNotEmitted(page.track_model.modelReset),
        qtbot.assertNotEmitted(page.room_model.modelReset),
        qtbot.waitSignal(page.track_model.dataChanged, timeout=0),
    ):
        qtbot.mouseClick(page.color_button, Qt.MouseButton.LeftButton)
    assert page.track_model.row_at(2).color == "#654321"
    assert _selected_id(page.track_table, page.track_model) == track.id


def test_another_event_reloads_the_tables(qtbot: QtBot, page: SetupPage) -> None:
    with (
        qtbot.waitSignal(page.room_model.modelReset, timeout=0),
        qtbot.waitSignal(page.track_model.modelReset, timeout=0),
    ):
        page.ctx.set_event(None)
    assert page.room_model.rowCount() == page.track_model.rowCount() == 0


def test_moving_a_room_down_moves_its_timetable_column(qtbot: QtBot, page: SetupPage) -> None:
    from forumdesk.ui.timetable.timetable_page import TimetablePage

    timetable = TimetablePage(page.ctx)
    qtbot.addWidget(timetable)
    before = [r.name for r in timetable.rooms]
    _click_row(qtbot, page.room_table, 0)
    qtbot.mouseClick(page.room_down_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in timetable.rooms] == [before[1], before[0], *before[2:]]
    assert page.ctx.undo_stack.undoText() == f"Move room {before[0]} down"
    page.ctx.undo_stack.undo()
    assert [r.name for r in timetable.rooms] == before


@pytest.mark.parametrize("city", ["Astana", "Nur-Sultan", "Нур-Султан"])
def test_typing_a_city_finds_its_time_zone(
    qtbot: QtBot, page: SetupPage, demo: DemoResult, city: str
) -> None:
    combo = page.timezone_combo
    combo.setFocus()
    combo.lineEdit().selectAll()
    type_text(combo.lineEdit(), city)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    first = popup.model().index(0, 0)
    assert str(first.data()).startswith("Asia/Almaty —") and "Astana" in str(first.data())
    popup.setCurrentIndex(first)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "Asia/Almaty"


def test_a_city_typed_in_full_is_saved_as_its_zone(
    qtbot: QtBot, page: SetupPage, demo: DemoResult
) -> None:
    page.timezone_combo.setCurrentText("Kyiv")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert events.get_event(page.ctx.db, demo.event.id).timezone in {"Europe/Kyiv", "Europe/Kiev"}


def test_the_one_sector_warning_is_switched_per_event_and_undone(
    qtbot: QtBot, page: SetupPage, demo: DemoResult
) -> None:
    assert not page.one_sector_check.isChecked()  # off by default
    box = page.one_sector_check  # the row is wider than its text: click on the box itself
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert events.get_event(page.ctx.db, demo.event.id).one_sector_warning
    page.ctx.undo_stack.undo()
    assert not events.get_event(page.ctx.db, demo.event.id).one_sector_warning
    assert not page.one_sector_check.isChecked()
