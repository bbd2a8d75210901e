"""The History dock: each entry says what changed and when (issue 14, items 13 and 15)."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QLineEdit, QUndoView
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import events, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui import context as context_module
from forumdesk.ui.context import AppContext
from forumdesk.ui.setup_page import SetupPage
from forumdesk.ui.timetable.timetable_page import TimetablePage
from tests.ui.prompts import ScriptedPrompts


class _At1402(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _At1402:
        return cls(2021, 11, 25, 14, 2)


@pytest.fixture
def ctx(
    qtbot: QtBot,
    db: Database,
    demo: DemoResult,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> AppContext:
    # every command in these tests is done at 14:02
    monkeypatch.setattr(context_module, "dt", types.SimpleNamespace(datetime=_At1402))
    context = AppContext(db, prompts=prompts)
    context.set_event(demo.event)
    return context


@pytest.fixture
def history(qtbot: QtBot, ctx: AppContext) -> Iterator[QUndoView]:
    view = QUndoView(ctx.undo_stack)  # as the main window's History dock
    qtbot.addWidget(view)
    yield view


def _entries(view: QUndoView) -> list[str]:
    model = view.model()
    return [  # row 0 is the state before any change
        model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(1, model.rowCount())
    ]


def _at(hour: int, minute: int) -> str:
    return QLocale().toString(QTime(hour, minute), QLocale.FormatType.ShortFormat)


def test_adding_a_room_and_typing_its_name_is_one_entry_named_after_the_room(
    qtbot: QtBot, ctx: AppContext, history: QUndoView
) -> None:
    page = SetupPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.add_room_button, Qt.MouseButton.LeftButton)
    editor = page.room_table.viewport().findChild(QLineEdit)  # the name opens for typing
    assert editor is not None and editor.text() == "Room 6"
    editor.selectAll()
    qtbot.keyClicks(editor, "Press room")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    event_id = ctx.event_id or 0
    # the delegate commits the typed name from the event loop
    qtbot.waitUntil(lambda: venue.list_rooms(ctx.db, event_id)[-1].name == "Press room")
    assert _entries(history) == [f"{_at(14, 2)} Add room Press room"]
    assert ctx.undo_stack.undoText() == "Add room Press room"  # the Edit menu: no time
    ctx.undo_stack.undo()  # one step takes the room away, name and all
    assert "Press room" not in [r.name for r in venue.list_rooms(ctx.db, event_id)]
    ctx.undo_stack.redo()
    assert venue.list_rooms(ctx.db, event_id)[-1].name == "Press room"
    # a later rename is a step of its own, saying what it changed
    row = page.room_model.rowCount() - 1
    page.room_model.setData(page.room_model.index(row, 0), "Media room")
    seats = page.room_model.fields().index("capacity")  # after the names in other languages
    page.room_model.setData(page.room_model.index(row, seats), 25)
    assert _entries(history)[1:] == [
        f"{_at(14, 2)} Rename room Press room to Media room",
        f"{_at(14, 2)} Edit room Media room: seats",
    ]


def test_a_moved_session_says_where_it_went_and_when(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult, history: QUndoView
) -> None:
    page = TimetablePage(ctx)
    qtbot.addWidget(page)
    s3 = next(s for s in sessions.list_sessions(ctx.db, demo.event.id) if s.code == "S3")
    hall_b = next(r for r in venue.list_rooms(ctx.db, demo.event.id) if r.name == "Hall B")
    assert s3.starts_at is not None and s3.room_id != hall_b.id
    target = s3.starts_at.replace(hour=16, minute=30)
    page._on_view_move_requested(s3.id, hall_b.id, target)  # what a drop on Hall B asks
    assert sessions.get_session(ctx.db, s3.id).room_id == hall_b.id
    assert _entries(history) == [f"{_at(14, 2)} Move S3 to Hall B, 16:30"]


def test_an_event_edit_names_the_fields_it_changed(
    qtbot: QtBot, ctx: AppContext, history: QUndoView
) -> None:
    page = SetupPage(ctx)
    qtbot.addWidget(page)
    page.changeover_spin.setValue(15)
    page.city_edit.setText("Astana")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert _entries(history) == [f"{_at(14, 2)} Edit event: city, changeover time"]
    # the changeover time is the clash checker's buffer: stored, and undone with the rest
    assert events.get_event(ctx.db, ctx.event_id or 0).changeover_minutes == 15
    ctx.undo_stack.undo()
    assert events.get_event(ctx.db, ctx.event_id or 0).changeover_minutes == 0
    assert page.changeover_spin.value() == 0
