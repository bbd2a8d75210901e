"""Session > Panel balance…: every panel's mix, one-sector panels shaded, following the edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Role, Sector
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.main_window import MainWindow


def test_the_summary_lists_each_panel_and_follows_changes(
    qtbot: QtBot,
    db: Database,
    demo: DemoResult,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.panel_balance_action.trigger()
    dialog = window.panel_balance_dialog
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    model = dialog.model
    demo_rows = model.rowCount()
    assert demo_rows > 0
    assert any(model.index(n, 2).data() for n in range(demo_rows))  # the demo has sectors

    talk = sessions.create_session(db, demo.event.id, "Only ministries", code="ZZ9")
    first = people.create_person(db, "Минов", "Ерлан", sector=Sector.GOVERNMENT)
    second = people.create_person(db, "Минова", "Алия", sector=Sector.GOVERNMENT)
    assignments.assign_people(db, talk.id, [first.id], Role.MODERATOR, expected_version=None)
    assignments.assign_people(db, talk.id, [second.id], Role.SPEAKER, expected_version=None)
    window.ctx.notify({"sessions", "assignments"})

    row = next(n for n in range(model.rowCount()) if "ZZ9" in model.index(n, 0).data())
    assert model.index(row, 1).data() == 2
    assert model.index(row, 2).data() == "government 2"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
