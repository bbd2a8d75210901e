"""The unscheduled dock follows edits row by row: its selection stays on the same sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import placing, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import SESSIONS, AppContext
from forumdesk.ui.timetable.unscheduled import SESSION_ID_ROLE, UnscheduledDock
from tests.ui.prompts import ScriptedPrompts
from tests.ui.session_edits import edit_session


def _shown_ids(dock: UnscheduledDock) -> list[int]:
    return [dock.proxy.index(row, 0).data(SESSION_ID_ROLE) for row in range(dock.proxy.rowCount())]


def _click(qtbot: QtBot, dock: UnscheduledDock, session_id: int) -> None:
    index = dock.proxy.index(_shown_ids(dock).index(session_id), 0)
    rect = dock.list_view.visualRect(index)
    qtbot.mouseClick(dock.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_edits_keep_the_selection_on_the_same_session(
    qtbot: QtBot,
    qtmodeltester: Any,
    db: Database,
    demo: DemoResult,
    prompts: ScriptedPrompts,
) -> None:
    event_id = demo.event.id
    ctx = AppContext(db, prompts=prompts)
    ctx.set_event(demo.event)
    first = sessions.create_session(db, event_id, "Border workshop", code="W1")
    second = sessions.create_session(db, event_id, "Media briefing", code="W2")
    third = sessions.create_session(db, event_id, "Youth roundtable", code="W3")
    dock = UnscheduledDock(ctx)
    qtbot.addWidget(dock)
    dock.show()
    qtmodeltester.check(dock.model)  # and it keeps checking every change below
    assert _shown_ids(dock) == [first.id, second.id, third.id]
    _click(qtbot, dock, second.id)
    assert dock.selected_session_ids() == [second.id]

    with (
        qtbot.assertNotEmitted(dock.model.modelReset),
        qtbot.waitSignal(dock.model.dataChanged, timeout=0),
    ):
        assert ctx.run(edit_session(ctx, second, {"title": "Press briefing"}))
    assert dock.selected_session_ids() == [second.id]
    assert dock.list_view.currentIndex().data() == "W2 — Press briefing"

    hall_a = next(r for r in venue.list_rooms(db, event_id) if r.name == "Hall A")
    placing.schedule_session(
        db,
        first.id,
        hall_a.id,
        dt.datetime(2021, 11, 25, 8, 0),
        dt.datetime(2021, 11, 25, 8, 30),
        expected_version=None,
    )
    fourth = sessions.create_session(db, event_id, "Closing drinks", code="W4")
    with (
        qtbot.assertNotEmitted(dock.model.modelReset),
        qtbot.waitSignal(dock.model.rowsRemoved, timeout=0),
        qtbot.waitSignal(dock.model.rowsInserted, timeout=0),
    ):
        ctx.notify({SESSIONS})  # placed and added at another desk
    assert _shown_ids(dock) == [second.id, third.id, fourth.id]
    assert dock.selected_session_ids() == [second.id]
    assert dock.count_label.text() == "3 session(s) to place"

    # a filter in force: the row kept by the filter keeps its selection through an edit
    dock.filter_edit.setText("briefing")
    dock.list_view.selectionModel().select(
        dock.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    with qtbot.assertNotEmitted(dock.model.modelReset):
        assert ctx.run(edit_session(ctx, third, {"title": "Youth briefing"}))
    assert _shown_ids(dock) == [second.id, third.id]
    assert dock.selected_session_ids() == [second.id]


def test_another_event_is_a_reload(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    ctx = AppContext(db, prompts=prompts)
    ctx.set_event(demo.event)
    sessions.create_session(db, demo.event.id, "Border workshop", code="W1")
    dock = UnscheduledDock(ctx)
    qtbot.addWidget(dock)
    assert dock.proxy.rowCount() == 1
    with qtbot.waitSignal(dock.model.modelReset, timeout=0):
        ctx.set_event(None)
    assert dock.proxy.rowCount() == 0
