"""The Sessions view: filter, multi-select, bulk unschedule and delete, each undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import assignments, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import AppContext
from forumdesk.ui.sessions_page import SessionsPage
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def page(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> SessionsPage:
    ctx = AppContext(db, prompts=prompts)
    ctx.set_event(demo.event)
    widget = SessionsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _select_codes(page: SessionsPage, codes: set[str]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data() in codes:
            selection.select(
                page.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_the_filter_is_instant_and_counts(qtbot: QtBot, page: SessionsPage) -> None:
    assert page.proxy.rowCount() == 17
    qtbot.keyClicks(page.filter_edit, "Hall B")
    assert 0 < page.proxy.rowCount() < 17
    assert all(page.proxy.index(r, 3).data() == "Hall B" for r in range(page.proxy.rowCount()))
    assert page.count_label.text().startswith(f"{page.proxy.rowCount()} of 17")


def test_unschedule_several_is_one_undo_step(page: SessionsPage, demo: DemoResult) -> None:
    _select_codes(page, {"S1", "S2"})
    page.unschedule_selected()
    unscheduled = {
        s.code for s in sessions.list_sessions(page.ctx.db, demo.event.id, scheduled=False)
    }
    assert unscheduled == {"S1", "S2"}
    assert page.ctx.undo_stack.count() == 1
    page.ctx.undo_stack.undo()
    assert sessions.list_sessions(page.ctx.db, demo.event.id, scheduled=False) == []
    # the table followed: the rows show their times again
    assert set(page.selected_ids()) == {
        s.id for s in sessions.list_sessions(page.ctx.db, demo.event.id) if s.code in {"S1", "S2"}
    }


def test_delete_asks_first_and_undo_restores_people(
    page: SessionsPage, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s4 = next(s for s in sessions.list_sessions(page.ctx.db, demo.event.id) if s.code == "S4")
    people_before = assignments.session_people(page.ctx.db, s4.id)
    prompts.answer_questions(False, True)
    _select_codes(page, {"S4"})
    page.delete_selected()
    assert prompts.questions and "S4" in prompts.questions[0]
    assert sessions.get_session(page.ctx.db, s4.id).code == "S4"  # declined: still there
    page.delete_selected()
    assert len(prompts.questions) == 2
    assert all(s.code != "S4" for s in sessions.list_sessions(page.ctx.db, demo.event.id))
    assert page.proxy.rowCount() == 16
    page.ctx.undo_stack.undo()
    assert assignments.session_people(page.ctx.db, s4.id) == people_before
    assert page.proxy.rowCount() == 17
