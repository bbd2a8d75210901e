"""Versions in the window: File > Publish version, the offer to publish before the agenda goes
out, cancelling a session (undoable), and an undo after publishing counted as a change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import sessions, versions
from forumdesk.services.demo import DemoResult
from forumdesk.services.exports import ExportOptions
from forumdesk.ui.commands.placement import MoveSessionCommand
from forumdesk.ui.commands.sessions import cancel_session
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts


def _window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    return window


def _s3(db: Database, demo: DemoResult) -> SessionRow:
    return next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")


def test_publishing_from_the_file_menu_is_not_undone_by_ctrl_z(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    assert window.version_actions.publish_action in window.file_menu.actions()
    s3 = _s3(db, demo)
    window.ctx.run(cancel_session(window.ctx, s3, True))
    prompts.type_lines("Sent to speakers")
    window.version_actions.publish_action.trigger()
    [version] = versions.list_versions(db, demo.event.id)
    assert (version.number, version.name) == (1, "Sent to speakers")
    assert "Version 1 published" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # takes back the cancellation, not the publishing
    assert not _s3(db, demo).cancelled
    assert [v.number for v in versions.list_versions(db, demo.event.id)] == [1]
    # the undo after publishing is a change of its own
    [change] = versions.compare(db, demo.event.id).changes
    assert (change.kind.value, change.session.code) == ("reinstated", "S3")


def test_publishing_cancelled_at_the_name_publishes_nothing(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    prompts.type_lines(None)
    window.version_actions.publish_action.trigger()
    assert versions.list_versions(db, demo.event.id) == []


def test_a_version_another_desk_published_meanwhile_is_a_warning(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    actions = window.version_actions
    # the user saw no version; another desk publishes before the write
    versions.publish_version(db, demo.event.id, expected_latest=None)
    assert actions._publish("Publish version", "mine", 0) is None
    assert prompts.warnings and "published version 1" in prompts.warnings[-1][1]
    assert len(versions.list_versions(db, demo.event.id)) == 1


def test_exporting_a_changed_programme_offers_to_publish_it_first(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window = _window(qtbot, db, prompts)
    versions.publish_version(db, demo.event.id, expected_latest=0)
    s3 = _s3(db, demo)
    assert s3.starts_at is not None
    window.ctx.run(
        MoveSessionCommand(window.ctx, "Move", s3, s3.room_id, s3.starts_at + dt.timedelta(hours=1))
    )
    prompts.answer_questions(True)
    assert window.version_actions.offer_to_publish("Export agenda") == 2
    assert "version 1" in prompts.questions[-1] and "version 2" in prompts.questions[-1]
    path = window.export_actions.run_agenda_export(ExportOptions(), tmp_path / "a.xlsx")
    assert path is not None
    book = load_workbook(path)
    assert {s.oddFooter.center.text.split(" · ")[0] for s in book.worksheets} == {"Version 2"}
    # nothing changed since: no question the next time
    assert window.version_actions.offer_to_publish("Export agenda") is None
    assert len(prompts.questions) == 1


def test_declining_the_offer_exports_a_draft(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    prompts.answer_questions(False)
    assert window.version_actions.offer_to_publish("Print agenda") is None
    assert "No version" in prompts.questions[-1]
    assert versions.list_versions(db, demo.event.id) == []


def test_cancelling_from_the_session_menu_is_one_undo_step(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    s3 = _s3(db, demo)
    window.ctx.session_selected.emit(s3.id)
    window.cancel_session_action.trigger()
    assert _s3(db, demo).cancelled
    assert window.ctx.undo_stack.undoText().startswith("Cancel S3")
    window.sessions_page.reload()
    model = window.sessions_page.model
    row = next(n for n, r in enumerate(model.rows()) if r.id == s3.id)
    title = model.index(row, model.COLUMNS.index("title"))
    assert title.data().startswith("CANCELLED: ")
    assert title.data(Qt.ItemDataRole.FontRole).strikeOut()
    window.undo_action.trigger()
    assert not _s3(db, demo).cancelled
    window.redo_action.trigger()
    assert _s3(db, demo).cancelled
