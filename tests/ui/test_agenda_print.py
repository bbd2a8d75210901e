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
from forumdesk.ui.export_actions import ExportActions
from forumdesk.ui.main_window import MainWindow

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


def _window(qtbot: QtBot, db: Database, errors: list[tuple[str, str]]) -> MainWindow:
    window = MainWindow(db, error_reporter=lambda t, m: errors.append((t, m)))
    qtbot.addWidget(window)
    # MainWindow installs the export actions itself
    return window


def test_export_to_pdf_from_the_menu(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    errors: list[tuple[str, str]] = []
    window = _window(qtbot, db, errors)
    exporter: ExportActions = window.export_actions  # type: ignore[attr-defined]
    exporter.choose_path = lambda *_args: str(tmp_path / "programme.pdf")
    window.export_pdf_action.trigger()  # type: ignore[attr-defined]
    assert errors == []
    assert (tmp_path / "programme.pdf").read_bytes().startswith(b"%PDF")
    assert "programme.pdf" in window.statusBar().currentMessage()


def test_a_pdf_into_a_folder_is_reported_and_nothing_written(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    errors: list[tuple[str, str]] = []
    window = _window(qtbot, db, errors)
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    window.export_actions.choose_path = lambda *_args: str(folder)  # type: ignore
    window.export_pdf_action.trigger()  # type: ignore[attr-defined]
    assert len(errors) == 1 and "folder" in errors[0][1]
    assert list(folder.iterdir()) == [] and list(tmp_path.glob("*.part")) == []


def test_print_opens_a_preview_of_the_agenda(qtbot: QtBot, db: Database, demo: DemoResult) -> None:
    errors: list[tuple[str, str]] = []
    window = _window(qtbot, db, errors)
    shown: list[QDialog] = []
    window.export_actions.exec_dialog = lambda d: shown.append(d) or 0  # type: ignore
    window.print_agenda_action.trigger()  # type: ignore[attr-defined]
    assert len(shown) == 1 and isinstance(shown[0], QPrintPreviewDialog)
    assert errors == []
