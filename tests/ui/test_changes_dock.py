"""The Changes dock: the changes since the latest version (or between two), filtered by kind,
session and person, and the people to tell saved for a mail merge."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Role
from forumdesk.db.engine import Database
from forumdesk.services import assignments, sessions, versions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.changes_dock import ChangesDock
from forumdesk.ui.commands.placement import MoveSessionCommand
from forumdesk.ui.commands.sessions import cancel_session
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts


def _window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    window.changes_dock.show()
    window.changes_dock.raise_()
    return window


def _edit(window: MainWindow, db: Database, demo: DemoResult) -> None:
    """Through the window's commands: S3 moved an hour on, S4 retitled, a person's role changed."""
    rows = {s.code: s for s in sessions.list_sessions(db, demo.event.id)}
    s3, s4 = rows["S3"], rows["S4"]
    assert s3.starts_at is not None
    ctx = window.ctx
    ctx.run(MoveSessionCommand(ctx, "Move", s3, s3.room_id, s3.starts_at + dt.timedelta(hours=1)))
    ctx.run(cancel_session(ctx, sessions.get_session(db, s4.id), True))
    first = assignments.session_people(db, s4.id)[0]
    role = Role.RAPPORTEUR if first.role != Role.RAPPORTEUR else Role.SPEAKER
    assignments.change_role(
        db, s4.id, first.person_id, role, expected_version=sessions.get_session(db, s4.id).version
    )
    ctx.notify({"assignments"})


def _shown(dock: ChangesDock) -> list[str]:
    proxy = dock.proxy
    return [proxy.index(row, 1).data() for row in range(proxy.rowCount())]


def test_the_changes_since_the_latest_version_follow_each_edit(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock = window.changes_dock
    prompts.type_lines("Monday")
    window.version_actions.publish_action.trigger()
    assert dock.from_combo.count() == 2 and "Monday" in dock.from_combo.itemText(1)
    assert _shown(dock) == [] and "0 changes" in dock.summary_label.text()
    _edit(window, db, demo)
    lines = _shown(dock)
    assert any(line.startswith("S3 «") and "moved from" in line for line in lines)
    assert any(line.endswith("is cancelled") for line in lines)
    ModelTester(None).check(dock.model)  # type: ignore[arg-type]
    ModelTester(None).check(dock.tell_model)  # type: ignore[arg-type]
    assert dock.tell_model.rowCount() == len(dock.comparison.people) > 0  # type: ignore[union-attr]
    # filter by kind, then by words of a session
    dock.kind_combo.setCurrentIndex(dock.kind_combo.findData("moved"))
    assert [line[:3] for line in _shown(dock)] == ["S3 "]
    dock.kind_combo.setCurrentIndex(0)
    qtbot.keyClicks(dock.filter_edit, "S4")
    assert _shown(dock) and all("S4" in line or "«" in line for line in _shown(dock))
    assert not any(line.startswith("S3 ") for line in _shown(dock))


def test_a_person_filter_keeps_the_changes_that_touch_them(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    versions.publish_version(db, demo.event.id, expected_latest=0)
    window.changes_dock.reload_versions()
    _edit(window, db, demo)
    dock = window.changes_dock
    s4 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S4")
    someone = assignments.session_people(db, s4.id)[-1].display_name
    family = someone.split()[0]
    dock.filter_edit.setText(family)
    proxy = dock.proxy
    shown = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert shown and all(label.startswith("S4") for label in shown)


def test_between_two_versions_and_the_people_saved_for_mail_merge(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window = _window(qtbot, db, prompts)
    versions.publish_version(db, demo.event.id, expected_latest=0)
    _edit(window, db, demo)
    versions.publish_version(db, demo.event.id, expected_latest=1)
    dock = window.changes_dock
    dock.reload_versions()
    assert _shown(dock) == []  # nothing since version 2
    dock.from_combo.setCurrentIndex(dock.from_combo.findData(1))
    dock.to_combo.setCurrentIndex(dock.to_combo.findData(2))
    assert len(_shown(dock)) >= 3
    target = tmp_path / "tell.csv"
    prompts.choose_files(target)
    assert dock.save_people() == target
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == dock.tell_model.rowCount()
    assert {"email", "name", "language", "changes"} == set(rows[0])


def test_the_people_to_tell_get_their_new_agendas_from_the_dock(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    window = _window(qtbot, db, prompts)
    versions.publish_version(db, demo.event.id, expected_latest=0)
    _edit(window, db, demo)
    dock = window.changes_dock
    target = tmp_path / "agendas.xlsx"
    prompts.choose_files(target)
    assert dock.save_agendas() == target
    told = {row.name for row in dock.tell_model.rows()}
    [sheet] = load_workbook(target).worksheets
    assert told <= {c.value for row in sheet.iter_rows() for c in row}


def test_in_russian_the_narrow_dock_shows_each_change_whole_and_in_russian(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    """At 1366×768 the dock is about 360 pixels wide: the change in words takes the width,
    wrapped (not a session title pushing it out of sight), and no kind is in another sense."""
    from PySide6.QtCore import Qt

    from forumdesk.core.enums import RegistrationStatus
    from forumdesk.core.i18n import gettext
    from forumdesk.ui import i18n

    i18n.install_translators("ru")
    try:
        window = _window(qtbot, db, prompts)
        window.resize(1366, 768)
        versions.publish_version(db, demo.event.id, expected_latest=0)
        window.changes_dock.reload_versions()
        _edit(window, db, demo)
        dock = window.changes_dock
        qtbot.waitUntil(lambda: dock.proxy.rowCount() >= 3)
        table = dock.table
        assert not table.horizontalScrollBar().isVisible()
        right = table.columnViewportPosition(1) + table.columnWidth(1)
        assert right <= table.viewport().width()
        assert table.columnWidth(1) > table.viewport().width() // 2
        session = dock.proxy.index(0, 0)
        assert session.data() in {"S3", "S4"}  # the code; the whole label in its tooltip
        assert session.data(Qt.ItemDataRole.ToolTipRole).startswith(session.data() + " «")
        assert table.rowHeight(0) > table.fontMetrics().height() * 1.5  # wrapped, not cut
        # "cancelled" of a session is not the word of a registration's status («отказался»)
        labels = [dock.kind_combo.itemText(i) for i in range(dock.kind_combo.count())]
        assert "сессия отменена" in labels
        assert gettext(RegistrationStatus.CANCELLED.label) not in labels
        assert window.undo_action.text().startswith("&Отменить ")
        assert "Отменить Отменить" not in window.undo_action.text().replace("&", "")
    finally:
        i18n.remove_translators()
