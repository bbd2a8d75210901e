"""The printed agenda: the Programme sheet as a document, printed to PDF with Cyrillic."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services.agenda import load_agenda
from forumdesk.services.demo import DemoResult
from forumdesk.ui.agenda_print import agenda_document, write_pdf
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts

MODERATOR = "Ахметов Данияр Канатович"  # moderates S1 in the demo


def test_the_document_has_every_session_and_the_cyrillic_names(
    qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    data = load_agenda(db, demo.event.id)
    text = agenda_document(data, "ru").toPlainText()
    codes = [s.code for s in data.scheduled if s.code]
    assert len(codes) == 12
    for code in codes:
        assert code in text
    assert MODERATOR in text
    assert "Четверг, 25 ноября 2021 г." in text and "Модераторы" in text
    assert "Thursday, 25 November 2021" in agenda_document(data, "en").toPlainText()


def test_a_pdf_of_the_agenda_has_the_sessions_in_cyrillic(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    data = load_agenda(db, demo.event.id)
    document = agenda_document(data, "ru")
    path = write_pdf(document, tmp_path / "agenda.pdf", "A4", data.event.name)
    content = path.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 1000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed; the document's text was checked above")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True, encoding="utf-8"
    ).stdout
    assert "S1" in text
    assert "Ахметов" in text and "Модераторы" in text


def _window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    return window


def test_export_to_pdf_from_the_menu(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    prompts.choose_files(tmp_path / "programme.pdf")
    window.export_actions.export_pdf_action.trigger()
    assert [s.kind for s in prompts.shown] == ["save_file"]  # and no warning
    assert prompts.shown[0].text.endswith(".pdf")  # the suggested name
    assert (tmp_path / "programme.pdf").read_bytes().startswith(b"%PDF")
    assert "programme.pdf" in window.statusBar().currentMessage()


def test_a_pdf_into_a_folder_is_reported_and_nothing_written(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    prompts.choose_files(folder)
    window.export_actions.export_pdf_action.trigger()
    assert len(prompts.warnings) == 1 and "folder" in prompts.warnings[0][1]
    assert list(folder.iterdir()) == [] and list(tmp_path.glob("*.part")) == []


def test_print_opens_a_preview_of_the_agenda(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    shown: list[QDialog] = []

    def show(dialog: QDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected.value

    window.export_actions.exec_dialog = show
    window.export_actions.print_agenda_action.trigger()
    assert len(shown) == 1 and isinstance(shown[0], QPrintPreviewDialog)
    assert prompts.shown == []
