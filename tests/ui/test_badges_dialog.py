"""Badges… and Table tents… in the window: the dialog, the People page's selection, the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import checkin
from forumdesk.services.badges import session_id_for_code
from forumdesk.services.demo import DemoResult
from forumdesk.ui.badges_dialog import LAYOUT_KEY, BadgesDialog
from forumdesk.ui.main_window import MainWindow
from tests.pdf_pages import pdf_text, qr_texts, render_pages
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def window(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> MainWindow:
    win = MainWindow(db, prompts=prompts)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    return win


def _answer_with(window: MainWindow, fill: Callable[[BadgesDialog], None]) -> list[BadgesDialog]:
    """Stand in for the dialog's exec(): `fill` works its widgets, then it is accepted."""
    seen: list[BadgesDialog] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, BadgesDialog)
        seen.append(dialog)
        fill(dialog)
        if dialog.result() != QDialog.DialogCode.Rejected or not dialog.isVisible():
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    window.export_actions.exec_dialog = run
    return seen


def test_badges_for_the_people_selected_on_the_people_page(
    qtbot: QtBot, window: MainWindow, demo: DemoResult, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = window.people_page
    window.show()
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 5)
    page.select_ids(page.model.person_ids([0, 2, 5]))
    chosen = page.selected_ids()
    assert len(chosen) == 3 and page.badges_action.isEnabled()

    def fill(dialog: BadgesDialog) -> None:
        assert dialog.selection_radio.isChecked()  # the selection is offered first
        assert "3" in dialog.selection_radio.text()
        dialog.layout_combo.setFocus()
        qtbot.keyClick(dialog.layout_combo, Qt.Key.Key_Down)  # a6 -> card10

    seen = _answer_with(window, fill)
    prompts.choose_files(tmp_path / "chosen")  # no suffix typed: .pdf is added

    assert page.badges_action in page.context_menu().actions()
    page.badges_action.trigger()

    assert len(seen) == 1 and seen[0].layout_choice() == "card10"
    target = tmp_path / "chosen.pdf"
    decoded = sorted(qr_texts(render_pages(target, dpi=200)[0]))
    codes = checkin.checkin_codes(window.db, demo.event.id, chosen)
    assert decoded == sorted(codes.values())
    assert "3 badges were written" in window.statusBar().currentMessage()
    assert window.export_actions.open_button.isVisibleTo(window)
    # the layout is remembered for the next time
    assert QSettings().value(LAYOUT_KEY) == "card10"
    assert BadgesDialog(window.ctx, window).layout_choice() == "card10"


def test_file_menu_badges_for_one_session_and_a_cancelled_dialog_writes_nothing(
    qtbot: QtBot, window: MainWindow, demo: DemoResult, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    plenary = session_id_for_code(window.db, demo.event.id, "P1")

    def choose_session(dialog: BadgesDialog) -> None:
        assert dialog.everyone_radio.isChecked() and not dialog.selection_radio.isEnabled()
        qtbot.mouseClick(dialog.session_radio, Qt.MouseButton.LeftButton)
        dialog.session_combo.setCurrentIndex(dialog.session_combo.findData(plenary))

    _answer_with(window, choose_session)
    prompts.choose_files(tmp_path / "p1.pdf")
    window.export_actions.badges_action.trigger()
    assert pdf_text(tmp_path / "p1.pdf").count("\f") == 7  # the plenary's 7 people, one A6 each

    window.export_actions.exec_dialog = lambda dialog: int(dialog.reject() or dialog.result())
    assert window.export_actions.export_badges() is None
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["p1.pdf"]


def test_table_tents_for_one_session(
    qtbot: QtBot, window: MainWindow, demo: DemoResult, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    plenary = session_id_for_code(window.db, demo.event.id, "P1")

    def fill(dialog: BadgesDialog) -> None:
        assert dialog.windowTitle() == "Table tents"
        assert not dialog.selection_radio.isVisibleTo(dialog)
        assert dialog.session_radio.isChecked()  # the session it was opened for
        assert dialog.session_id() == plenary

    _answer_with(window, fill)
    prompts.choose_files(tmp_path / "tents.pdf")
    assert window.export_actions.export_tents(session_id=plenary) == tmp_path / "tents.pdf"
    text = pdf_text(tmp_path / "tents.pdf")
    assert text.count("\f") >= 2
    assert "table tents were written" in window.statusBar().currentMessage()


def test_the_file_menu_offers_badges_and_tents_once_an_event_is_open(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    win = MainWindow(db, prompts=prompts)  # an empty database: no event yet
    qtbot.addWidget(win)
    file_menu = win.menuBar().actions()[0].menu()
    names = [action.objectName() for action in file_menu.actions()]
    assert names.index("badges_action") == names.index("export_csv_action") + 1
    assert names.index("tents_action") == names.index("badges_action") + 1
    exporter = win.export_actions
    assert not exporter.badges_action.isEnabled() and not exporter.tents_action.isEnabled()
    assert exporter.badges_action.shortcut().toString() == "Ctrl+Shift+B"
    win.load_demo()
    assert exporter.badges_action.isEnabled() and exporter.tents_action.isEnabled()
