"""Issue 14 on the timetable: planned lengths, all-rooms breaks, creating where it goes, what a
drag shows, and problems told apart. Driven with the mouse and keyboard, checked in the
database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import SessionKind
from forumdesk.db.engine import Database
from forumdesk.services import sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import SESSIONS, AppContext
from forumdesk.ui.session_editor import SessionEditorDialog
from forumdesk.ui.timetable.timetable_page import TimetablePage
from forumdesk.ui.timetable.unscheduled import UnscheduledDock
from tests.ui.keyboard import type_text
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_timetable import DAY1, _column, _drag_event, _drop, _point


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> AppContext:
    context = AppContext(db, prompts=prompts)
    context.set_event(demo.event)
    return context


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> Iterator[TimetablePage]:
    widget = TimetablePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_day(DAY1)
    yield widget


def _ok(qtbot: QtBot, dialog: QDialog) -> None:
    buttons = dialog.buttons  # type: ignore[attr-defined]
    qtbot.mouseClick(buttons.button(buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _dock(qtbot: QtBot, ctx: AppContext) -> UnscheduledDock:
    ctx.notify({SESSIONS})
    dock = UnscheduledDock(ctx)
    qtbot.addWidget(dock)
    return dock


# --- item 4: a session's planned length ------------------------------------------------------


def test_a_planned_length_typed_in_the_editor_is_what_a_drop_gives(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    event_id = ctx.event_id or 0
    panel = sessions.create_session(ctx.db, event_id, "Border panel", code="W1")
    editor = SessionEditorDialog(ctx, panel.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.length_spin.selectAll()
    type_text(editor.length_spin, "90")
    _ok(qtbot, editor)
    assert sessions.get_session(ctx.db, panel.id).planned_minutes == 90

    dock = _dock(qtbot, ctx)
    mime = dock.proxy.mimeData([dock.proxy.index(0, 0)])
    view = page.view
    hall_d = _column(view, DAY1, "Hall D")
    _drop(view, _point(view, hall_d.x + 30, view.timetable.y_for_minute(15 * 60)), mime)

    placed = sessions.get_session(ctx.db, panel.id)
    assert (placed.room_name, placed.starts_at, placed.ends_at) == (
        "Hall D",
        dt.datetime(2021, 11, 25, 15, 0),
        dt.datetime(2021, 11, 25, 16, 30),
    )
    block = view.block(panel.id)
    assert block is not None
    assert block.place.end_minute - block.place.start_minute == 90


# --- item 5: breaks across all rooms --------------------------------------------------------


def test_a_break_dropped_on_a_room_goes_across_all_rooms_and_books_none(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    event_id = ctx.event_id or 0
    coffee = sessions.create_session(
        ctx.db, event_id, "Afternoon coffee", kind=SessionKind.BREAK, planned_minutes=20
    )
    dock = _dock(qtbot, ctx)
    mime = dock.proxy.mimeData([dock.proxy.index(0, 0)])
    view = page.view
    hall_b = _column(view, DAY1, "Hall B")
    _drop(view, _point(view, hall_b.x + 30, view.timetable.y_for_minute(16 * 60 + 30)), mime)

    placed = sessions.get_session(ctx.db, coffee.id)
    assert (placed.all_rooms, placed.room_id) == (True, None)  # not a booking of Hall B
    assert (placed.starts_at, placed.ends_at) == (
        dt.datetime(2021, 11, 25, 16, 30),
        dt.datetime(2021, 11, 25, 16, 50),
    )
    block = view.block(coffee.id)
    assert block is not None and block.place.venue_wide
    room_columns = view.timetable.day_span(DAY1).room_columns  # type: ignore[union-attr]
    assert (block.place.first_column, block.place.last_column) == (
        room_columns[0],
        room_columns[-1],
    )
    ctx.undo_stack.undo()
    assert sessions.get_session(ctx.db, coffee.id).starts_at is None


def test_the_editor_puts_a_session_in_all_rooms(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    plenary = next(s for s in sessions.list_sessions(ctx.db, ctx.event_id or 0) if s.code == "P1")
    assert plenary.room_name == "Plenary Hall" and not plenary.all_rooms
    editor = SessionEditorDialog(ctx, plenary.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.room_combo.setCurrentIndex(editor.room_combo.findData("all"))
    _ok(qtbot, editor)
    saved = sessions.get_session(ctx.db, plenary.id)
    assert (saved.all_rooms, saved.room_id) == (True, None)
    block = page.view.block(plenary.id)
    assert block is not None and block.place.venue_wide
    ctx.undo_stack.undo()
    undone = sessions.get_session(ctx.db, plenary.id)
    assert (undone.all_rooms, undone.room_name) == (False, "Plenary Hall")


def test_the_ghost_of_a_dragged_session_shows_its_planned_length(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    sessions.create_session(ctx.db, ctx.event_id or 0, "Long panel", planned_minutes=120)
    dock = _dock(qtbot, ctx)
    mime = dock.proxy.mimeData([dock.proxy.index(0, 0)])
    view = page.view
    hall_d = _column(view, DAY1, "Hall D")
    point: QPoint = _point(view, hall_d.x + 30, view.timetable.y_for_minute(15 * 60))
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(view.viewport(), _drag_event(kind, point, mime))  # type: ignore[arg-type]
    ghost = view._drop_ghost.rect()
    assert round(ghost.height()) == round(120 * view.timetable.pixels_per_minute)
