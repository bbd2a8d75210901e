"""The Sessions table model on the demo forum: the model tester watches a reload and the edits
that follow, each arriving as inserted, removed, moved or changed rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import placing, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.session_table_model import ROW_ID_ROLE, SessionTableModel


def _titles(model: SessionTableModel) -> list[str]:
    title = SessionTableModel.COLUMNS.index("title")
    return [model.index(row, title).data() for row in range(model.rowCount())]


def test_the_session_model_passes_the_model_tester_through_edits(
    qtmodeltester: Any, qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    event_id = demo.event.id
    model = SessionTableModel()
    model.set_rows(sessions.list_sessions(db, event_id))
    qtmodeltester.check(model)  # and it keeps checking every change below
    assert model.rowCount() == 17
    assert [model.index(r, 0).data(ROW_ID_ROLE) for r in range(17)] == [
        s.id for s in sessions.list_sessions(db, event_id)
    ]

    hall_a = next(r for r in venue.list_rooms(db, event_id) if r.name == "Hall A")
    first = model.row_at(0)
    added = sessions.create_session(db, event_id, "Press briefing", code="X1")
    sessions.update_session(
        db, first.id, {"title": "Opening plenary, revised"}, expected_version=None
    )
    gone = model.row_at(5)
    sessions.delete_session(db, gone.id, expected_version=None)
    placing.schedule_session(
        db,
        added.id,
        hall_a.id,
        dt.datetime(2021, 11, 25, 8, 0),
        dt.datetime(2021, 11, 25, 8, 30),
        expected_version=None,
    )
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsInserted, timeout=0),
        qtbot.waitSignal(model.rowsRemoved, timeout=0),
        qtbot.waitSignal(model.dataChanged, timeout=0),
    ):
        model.update_rows(sessions.list_sessions(db, event_id))

    titles = _titles(model)
    assert titles[0] == "Press briefing"  # 08:00, before everything else
    assert "Opening plenary, revised" in titles and gone.title not in titles
    assert [model.index(r, 0).data(ROW_ID_ROLE) for r in range(model.rowCount())] == [
        s.id for s in sessions.list_sessions(db, event_id)
    ]

    placing.unschedule_session(
        db, added.id, expected_version=None
    )  # to the end of the programme: a move
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsMoved, timeout=0),
    ):
        model.update_rows(sessions.list_sessions(db, event_id))
    assert model.row_at(model.rowCount() - 1).id == added.id
    assert model.index(model.rowCount() - 1, 1).data() == "unscheduled"
