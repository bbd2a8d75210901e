"""The session editor's working list of people, on the demo forum: the model tester watches it
filled from a session's assignments and edited (people added, removed, moved, roles and busy
notes changed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Role
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.assignment_draft_model import AssignmentDraftTableModel, DraftAssignment

NAME, ROLE, BUSY = (AssignmentDraftTableModel.COLUMNS.index(c) for c in ("name", "role", "busy"))


def test_the_assignment_draft_model_passes_the_model_tester_through_edits(
    qtmodeltester: Any, qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    s1 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S1")
    assigned = assignments.session_people(db, s1.id)
    assert len(assigned) >= 3
    model = AssignmentDraftTableModel()
    model.set_rows(
        [DraftAssignment(a.person_id, a.display_name, a.organization, a.role) for a in assigned]
    )
    qtmodeltester.check(model)  # and it keeps checking every change below
    assert model.person_ids() == [a.person_id for a in assigned]
    assert model.index(0, NAME).data() == assigned[0].display_name

    others = [p for p in people.search_people(db, limit=50) if p.id not in model.person_ids()][:2]
    with qtbot.waitSignal(model.rowsInserted, timeout=0):
        skipped = model.add(
            [DraftAssignment(p.id, p.display_name, p.organization, Role.SPEAKER) for p in others]
            + [DraftAssignment(assigned[0].person_id, "again", None, Role.SPEAKER)]
        )
    assert [s.person_id for s in skipped] == [assigned[0].person_id]
    assert model.person_ids()[-2:] == [p.id for p in others]

    with qtbot.waitSignal(model.rowsMoved, timeout=0):
        assert model.move_row(model.rowCount() - 1, -1) == model.rowCount() - 2
    assert model.person_ids()[-2:] == [others[1].id, others[0].id]

    with qtbot.waitSignal(model.dataChanged, timeout=0):
        assert model.setData(model.index(0, ROLE), Role.PANELIST.value)
    assert model.rows()[0].role is Role.PANELIST
    assert model.index(0, ROLE).data(Qt.ItemDataRole.EditRole) == Role.PANELIST.value

    with qtbot.waitSignal(model.dataChanged, timeout=0):
        model.set_busy({others[0].id: "S2 13:00–14:30 (speaker)"})
    busy_row = model.person_ids().index(others[0].id)
    assert model.index(busy_row, BUSY).data() == "S2 13:00–14:30 (speaker)"
    assert model.index(busy_row, BUSY).data(Qt.ItemDataRole.ForegroundRole) is not None

    with qtbot.waitSignal(model.rowsRemoved, timeout=0):
        model.remove_rows([1, 0])
    assert model.person_ids() == [a.person_id for a in assigned[2:]] + [
        others[1].id,
        others[0].id,
    ]
