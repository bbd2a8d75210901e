"""The export dialog: remembered options, the options it fills in, running the export."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QDialog, QListWidget
from pytestqt.qtbot import QtBot

from forumdesk.config import resolve_database_url
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services import venue
from forumdesk.services.demo import DemoResult, load_demo
from forumdesk.services.events import create_event
from forumdesk.services.exports import ExportOptions
from forumdesk.ui.export_actions import ExportActions
from forumdesk.ui.export_dialog import (
    OPTIONS_KEY,
    ExportAgendaDialog,
    remember_options,
    remembered_options,
)
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts

THU, FRI = dt.date(2021, 11, 25), dt.date(2021, 11, 26)


@pytest.fixture
def window(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> MainWindow:
    win = MainWindow(db, prompts=prompts)
    qtbot.addWidget(win)
    return win


def _actions(window: MainWindow) -> ExportActions:
    return window.export_actions


def _check_only(widget: QListWidget, values: set[object]) -> None:
    for n in range(widget.count()):
        item = widget.item(n)
        item.setCheckState(
            Qt.CheckState.Checked
            if item.data(Qt.ItemDataRole.UserRole) in values
            else Qt.CheckState.Unchecked
        )


def test_the_window_has_the_file_menu_actions_enabled_with_an_event(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    win = MainWindow(db, prompts=prompts)
    qtbot.addWidget(win)
    exporter = win.export_actions
    file_menu = win.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    for name in (
        "export_agenda_action",
        "print_agenda_action",
        "export_pdf_action",
        "export_calendar_action",
        "export_csv_action",
    ):
        assert name in names
        assert not getattr(exporter, name).isEnabled()  # no event open yet
    assert exporter.export_agenda_action.shortcut().toString() == "Ctrl+Shift+E"
    win.load_demo()
    assert exporter.export_agenda_action.isEnabled() and exporter.print_agenda_action.isEnabled()


def test_the_dialog_restores_the_remembered_options(window: MainWindow, demo: DemoResult) -> None:
    rooms = venue.list_rooms(window.db, demo.event.id)
    remembered = ExportOptions(
        parts=("programme", "people"),
        days=(FRI,),
        room_ids=(rooms[1].id, 999_999),
        paper="Letter",
        lang="ru",
        include_all_registered=True,
        grid_step=30,
    )
    remember_options(remembered, window.db, demo.event)
    dialog = ExportAgendaDialog(window.ctx, window)
    assert [p for p, c in dialog.part_checks.items() if c.isChecked()] == ["programme", "people"]
    assert dialog.paper_combo.currentText() == "Letter"
    assert dialog.lang_combo.currentText() == "Русский"
    assert dialog.all_registered_check.isChecked()
    assert dialog.grid_step_combo.currentData() == 30
    # the room another event had is dropped; the rest of the filter stays
    assert dialog.options() == ExportOptions(
        parts=("programme", "people"),
        days=(FRI,),
        room_ids=(rooms[1].id,),
        paper="Letter",
        lang="ru",
        include_all_registered=True,
        grid_step=30,
    )


def test_damaged_settings_open_the_dialog_with_the_defaults(window: MainWindow) -> None:
    QSettings().setValue(OPTIONS_KEY, "{not json")
    for key in QSettings().allKeys():
        if key.startswith("export/agenda_options_by_event/"):
            QSettings().setValue(key, "[1, 2")
    dialog = ExportAgendaDialog(window.ctx, window)
    assert dialog.options() == ExportOptions()


def test_an_event_not_exported_before_starts_from_the_programme_and_the_grid(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = ExportAgendaDialog(window.ctx, window)
    ticked = [p for p, c in dialog.part_checks.items() if c.isChecked()]
    assert ticked == ["programme", "grid"]  # not 86 pages of every part
    assert dialog.lang_combo.currentData() == "en"  # the demo forum is written in English


def test_the_parts_chosen_are_remembered_for_each_event(
    window: MainWindow, demo: DemoResult, qtbot: QtBot, tmp_path: Path
) -> None:
    db = window.db
    other = create_event(db, "Форум по защите прав 2027", "2027-04-15", "2027-04-16")
    dialog = ExportAgendaDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    for part in ("signin", "people"):
        qtbot.mouseClick(dialog.part_checks[part], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.part_checks["grid"], Qt.MouseButton.LeftButton)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findText("Letter"))
    dialog.path_edit.setText(str(tmp_path / "demo.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted

    # another event of the same database: the defaults, headed in its own language, on the
    # paper the office last printed on
    window.ctx.set_event(other)
    fresh = ExportAgendaDialog(window.ctx, window)
    qtbot.addWidget(fresh)
    assert [p for p, c in fresh.part_checks.items() if c.isChecked()] == ["programme", "grid"]
    assert fresh.lang_combo.currentData() == "ru"
    assert fresh.paper_combo.currentText() == "Letter"
    fresh.part_checks["rooms"].setChecked(True)
    fresh.path_edit.setText(str(tmp_path / "other.xlsx"))
    fresh.accept()

    # back to the demo: what was chosen for it
    window.ctx.set_event(demo.event)
    again = ExportAgendaDialog(window.ctx, window)
    qtbot.addWidget(again)
    chosen = [p for p, c in again.part_checks.items() if c.isChecked()]
    assert chosen == ["programme", "signin", "people"]
    window.ctx.set_event(other)
    other_again = ExportAgendaDialog(window.ctx, window)
    qtbot.addWidget(other_again)
    chosen = [p for p, c in other_again.part_checks.items() if c.isChecked()]
    assert chosen == ["programme", "grid", "rooms"]


def test_an_event_of_another_database_with_the_same_id_has_its_own_parts(
    window: MainWindow, demo: DemoResult, tmp_path: Path
) -> None:
    remember_options(ExportOptions(parts=("people",)), window.db, demo.event)
    copy = open_database(resolve_database_url(str(tmp_path / "copy.sqlite3")))
    try:
        twin = load_demo(copy).event
        assert twin.id == demo.event.id
        assert remembered_options(copy, twin).parts == ("programme", "grid")
        assert remembered_options(window.db, demo.event).parts == ("people",)
    finally:
        copy.dispose()


def test_the_dialog_fills_in_the_options_from_its_widgets(
    window: MainWindow, demo: DemoResult
) -> None:
    dialog = ExportAgendaDialog(window.ctx, window)
    rooms = venue.list_rooms(window.db, demo.event.id)
    for part, check in dialog.part_checks.items():
        check.setChecked(part in ("grid", "signin"))
    _check_only(dialog.day_list, {THU})
    _check_only(dialog.room_list, {rooms[0].id, rooms[2].id})
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findText("Letter"))
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
    options = dialog.options()
    assert options.parts == ("grid", "signin")
    assert options.days == (THU,)
    assert options.room_ids == (rooms[0].id, rooms[2].id)
    assert options.track_ids is None  # all tracks checked: no filter
    assert (options.paper, options.lang) == ("Letter", "ru")


def test_accepting_remembers_the_options_for_next_time(window: MainWindow) -> None:
    dialog = ExportAgendaDialog(window.ctx, window)
    dialog.part_checks["grid"].setChecked(False)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = ExportAgendaDialog(window.ctx, window)
    assert not again.part_checks["grid"].isChecked()
    assert again.lang_combo.currentData() == "ru"


def test_nothing_chosen_keeps_the_dialog_open_with_a_message(
    window: MainWindow, tmp_path: Path
) -> None:
    dialog = ExportAgendaDialog(window.ctx, window)
    _check_only(dialog.day_list, set())
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "day" in dialog.error_label.text()
    _check_only(dialog.day_list, {THU, FRI})
    dialog.path_edit.setText(str(tmp_path))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "folder" in dialog.error_label.text()


def test_exporting_from_the_menu_writes_the_chosen_parts(
    window: MainWindow, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    target = tmp_path / "agenda.xlsx"
    opened: list[QUrl] = []
    exporter = _actions(window)
    exporter.open_url = lambda url: opened.append(url) or True
    prompts.choose_files(target)
    prompts.answer_questions(False)  # not published first: the pages say "draft"

    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, ExportAgendaDialog)
        for part, check in dialog.part_checks.items():
            check.setChecked(part in ("programme", "people"))
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
        dialog.browse_button.click()  # the scripted prompt gives the target
        dialog.accept()
        return dialog.result()

    exporter.exec_dialog = drive
    exporter.export_agenda_action.trigger()
    assert [s.kind for s in prompts.shown] == ["save_file", "question"]  # no warning
    assert load_workbook(target).sheetnames == ["Программа", "Участники"]
    assert str(target) in window.statusBar().currentMessage()
    exporter.open_button.click()
    assert [u.toLocalFile() for u in opened] == [str(target)]


def test_a_folder_as_target_is_reported_and_nothing_is_written(
    window: MainWindow, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert _actions(window).run_agenda_export(ExportOptions(), folder) is None
    assert len(prompts.warnings) == 1 and "folder" in prompts.warnings[0][1]
    assert list(folder.iterdir()) == []
    assert list(tmp_path.glob("*.part")) == []


def test_a_missing_folder_is_reported(
    window: MainWindow, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    target = tmp_path / "no such folder" / "agenda.xlsx"
    assert _actions(window).run_agenda_export(ExportOptions(), target) is None
    assert prompts.warnings and "does not exist" in prompts.warnings[0][1]
    assert not target.parent.exists()


def test_calendar_and_csv_exports(
    window: MainWindow, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    exporter = _actions(window)
    prompts.choose_files(tmp_path / "forum", tmp_path / "sessions.csv")  # no suffix typed first
    assert exporter.export_calendar() == tmp_path / "forum.ics"
    calendar = (tmp_path / "forum.ics").read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR") and "S1 · " in calendar
    exporter.csv_delimiter = ";"
    exporter.export_csv_sessions_action.trigger()
    with (tmp_path / "sessions.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert "S1" in [row[0] for row in rows[1:]]
    assert [s.title for s in prompts.shown] == ["Export calendar", "Export sessions as CSV"]


def test_a_cancelled_choice_writes_nothing(
    window: MainWindow, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    exporter = _actions(window)
    prompts.choose_files(None, None)
    assert exporter.export_calendar() is None
    assert exporter.export_csv("people") is None
    assert list(tmp_path.glob("*.ics")) == list(tmp_path.glob("*.csv")) == []


def test_the_csv_flavour_is_chosen_in_the_dialog_and_remembered(
    window: MainWindow, tmp_path: Path, prompts: ScriptedPrompts, qtbot: QtBot
) -> None:
    dialog = ExportAgendaDialog(window.ctx, window)
    assert dialog.csv_flavour_combo.currentData() == "excel"  # until another is chosen
    dialog.csv_flavour_combo.setFocus()
    qtbot.keyClick(dialog.csv_flavour_combo, Qt.Key.Key_Down)
    assert dialog.csv_flavour() == "plain"
    dialog.path_edit.setText(str(tmp_path / "agenda.xlsx"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ExportAgendaDialog(window.ctx, window).csv_flavour_combo.currentData() == "plain"

    exporter = _actions(window)
    exporter.csv_delimiter = ";"  # Excel's with Russian settings: the plain flavour keeps commas
    prompts.choose_files(tmp_path / "people.csv")
    assert exporter.export_csv("people") == tmp_path / "people.csv"
    raw = (tmp_path / "people.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "people.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows[0]) == 13  # with the name in Latin letters (issue 17)
    phone = rows[0].index("Phone")
    phones = [r[phone] for r in rows[1:] if r[phone]]
    assert any(p.startswith("+") for p in phones) and not any(p.startswith("'") for p in phones)

    again = ExportAgendaDialog(window.ctx, window)
    again.csv_flavour_combo.setCurrentIndex(again.csv_flavour_combo.findData("excel"))
    again.accept()
    prompts.choose_files(tmp_path / "people2.csv")
    exporter.export_csv("people")
    with (tmp_path / "people2.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert any(r[phone].startswith("'+") for r in rows[1:])
