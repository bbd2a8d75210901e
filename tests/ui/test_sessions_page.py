"""The Sessions view: filter, multi-select, bulk unschedule and delete, each undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import SESSIONS, AppContext
from forumdesk.ui.session_table_model import ROW_ID_ROLE, SessionTableModel
from forumdesk.ui.sessions_page import SessionsPage
from tests.ui.prompts import ScriptedPrompts
from tests.ui.session_edits import edit_session


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


def test_unschedule_of_a_session_changed_elsewhere_since_it_was_shown_is_refused(
    page: SessionsPage, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    """The page's unschedule is based on the version the table shows, not one read at the
    click: another desk's change in between wins."""
    s1 = next(r for r in page.model.rows() if r.code == "S1")
    sessions.update_session(  # another desk, unseen by this page
        page.ctx.db, s1.id, {"title": "Renamed elsewhere"}, expected_version=s1.version
    )
    _select_codes(page, {"S1"})
    page.unschedule_selected()
    assert sessions.get_session(page.ctx.db, s1.id).starts_at == s1.starts_at
    assert prompts.warnings and "from the desk" in prompts.warnings[-1][1]
    assert page.ctx.undo_stack.count() == 0


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


# --- an edit keeps the table where the user left it --------------------------------------------

TITLE, DAY = (SessionTableModel.COLUMNS.index(c) for c in ("title", "day"))


def _session(page: SessionsPage, code: str) -> SessionRow:
    return next(
        s for s in sessions.list_sessions(page.ctx.db, page.ctx.event_id or 0) if s.code == code
    )


def _shown_row(page: SessionsPage, session_id: int) -> int:
    return next(
        row
        for row in range(page.proxy.rowCount())
        if page.proxy.index(row, 0).data(ROW_ID_ROLE) == session_id
    )


def _click(qtbot: QtBot, page: SessionsPage, session_id: int) -> None:
    rect = page.table.visualRect(page.proxy.index(_shown_row(page, session_id), TITLE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _still_on(page: SessionsPage, session_id: int) -> None:
    assert page.selected_ids() == [session_id]
    assert page.table.currentIndex().data(ROW_ID_ROLE) == session_id


def test_an_edit_keeps_the_selection_and_the_scroll_position(
    qtbot: QtBot, page: SessionsPage
) -> None:
    page.resize(700, 240)  # fewer rows on screen than the event has: the table scrolls
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().maximum() > 0, timeout=1000)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    s9 = _session(page, "S9")
    page.table.scrollTo(page.proxy.index(_shown_row(page, s9.id), TITLE))
    _click(qtbot, page, s9.id)
    _still_on(page, s9.id)
    scrolled = bar.value()
    assert scrolled > 0

    with (
        qtbot.assertNotEmitted(page.model.modelReset),
        qtbot.assertNotEmitted(page.proxy.modelReset),
        qtbot.waitSignal(page.model.dataChanged, timeout=0),
    ):
        assert page.ctx.run(edit_session(page.ctx, s9, {"title": "Certification, revised"}))

    _still_on(page, s9.id)
    assert bar.value() == scrolled
    assert page.proxy.index(_shown_row(page, s9.id), TITLE).data() == "Certification, revised"
    with qtbot.assertNotEmitted(page.model.modelReset):
        page.ctx.undo_stack.undo()
    _still_on(page, s9.id)
    assert page.proxy.index(_shown_row(page, s9.id), TITLE).data() == s9.title


def test_sessions_added_and_deleted_elsewhere_leave_the_selection_on_its_session(
    qtbot: QtBot, page: SessionsPage, demo: DemoResult
) -> None:
    s5 = _session(page, "S5")
    _click(qtbot, page, s5.id)
    hall_a = next(r for r in venue.list_rooms(page.ctx.db, demo.event.id) if r.name == "Hall A")
    # another desk adds a session before it and deletes one before it: a notification follows
    sessions.create_session(
        page.ctx.db,
        demo.event.id,
        "Early press briefing",
        code="X1",
        room_id=hall_a.id,
        starts_at=dt.datetime(2021, 11, 25, 8, 0),
        ends_at=dt.datetime(2021, 11, 25, 8, 20),
    )
    sessions.delete_session(page.ctx.db, _session(page, "S2").id, expected_version=None)
    with (
        qtbot.assertNotEmitted(page.model.modelReset),
        qtbot.waitSignal(page.model.rowsInserted, timeout=0),
        qtbot.waitSignal(page.model.rowsRemoved, timeout=0),
    ):
        page.ctx.notify({SESSIONS})
    _still_on(page, s5.id)
    assert page.proxy.index(0, TITLE).data() == "Early press briefing"
    assert page.count_label.text().startswith("17 of 17")


def test_taking_a_session_off_the_timetable_moves_its_row_and_keeps_it_selected(
    qtbot: QtBot, page: SessionsPage
) -> None:
    s3 = _session(page, "S3")
    _click(qtbot, page, s3.id)
    with (
        qtbot.assertNotEmitted(page.model.modelReset),
        qtbot.waitSignal(page.model.rowsMoved, timeout=0),
    ):
        page.unschedule_action.trigger()
    _still_on(page, s3.id)
    assert _shown_row(page, s3.id) == page.proxy.rowCount() - 1  # unscheduled ones come last
    assert page.proxy.index(_shown_row(page, s3.id), DAY).data() == "unscheduled"


def test_a_page_hidden_during_an_edit_follows_it_row_by_row_when_shown(
    qtbot: QtBot, page: SessionsPage
) -> None:
    s4 = _session(page, "S4")
    _click(qtbot, page, s4.id)
    page.hide()
    assert page.ctx.run(edit_session(page.ctx, s4, {"title": "Copyright, revised"}))
    with qtbot.assertNotEmitted(page.model.modelReset):
        page.show()
    _still_on(page, s4.id)
    assert page.proxy.index(_shown_row(page, s4.id), TITLE).data() == "Copyright, revised"


def test_another_event_is_a_reload(qtbot: QtBot, page: SessionsPage) -> None:
    with qtbot.waitSignal(page.model.modelReset, timeout=0):
        page.ctx.set_event(None)
    assert page.proxy.rowCount() == 0
