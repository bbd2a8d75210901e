"""The printed agenda: the Programme sheet as a document, printed to PDF with Cyrillic."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from bench.generator import generate_event
from forumdesk.core.enums import LEADING_ROLES, Role
from forumdesk.core.rows import SessionPerson
from forumdesk.db.engine import Database
from forumdesk.io.agenda_data import AgendaData
from forumdesk.services import events, versions
from forumdesk.services.agenda import load_agenda
from forumdesk.services.demo import DemoResult
from forumdesk.ui.agenda_print import agenda_document, agenda_html, write_pdf
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts

PRINTED = (*LEADING_ROLES, Role.SPEAKER, Role.PANELIST)
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
    """The window on the demo, published as version 1: nothing to offer to publish first."""
    for event in events.list_events(db):
        versions.publish_version(db, event.id, expected_latest=None)
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


def _pdf_pages(path: Path) -> list[tuple[str, float]]:
    """Each page's text and how far down it is written (the lowest word's foot / page height)."""
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler's pdftotext is not installed")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])  # type: ignore[index]
    pages = []
    for number in range(1, count + 1):
        window = ["-f", str(number), "-l", str(number)]
        text = subprocess.run(
            ["pdftotext", "-layout", *window, str(path), "-"],
            capture_output=True,
            check=True,
            text=True,
            encoding="utf-8",
        ).stdout
        boxes = subprocess.run(
            ["pdftotext", "-bbox", *window, str(path), "-"],
            capture_output=True,
            check=True,
            text=True,
            encoding="utf-8",
        ).stdout
        height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', boxes)[1])  # type: ignore[index]
        # the page number sits at the foot: how far the programme goes is the word above it
        feet = sorted(float(y) for y in re.findall(r'yMax="([\d.]+)"', boxes))
        pages.append((text, (feet[-2] if len(feet) > 1 else 0) / height))
    return pages


def _check_packed(data: AgendaData, path: Path, continued: str) -> list[tuple[str, float]]:
    """No session split between pages; every page but a day's last filled to 60 % at least."""
    pages = _pdf_pages(path)
    for session in data.scheduled:
        if not session.code:
            continue
        code = re.compile(rf"\b{re.escape(session.code)}\b")
        on = [n for n, (text, _) in enumerate(pages) if code.search(text)]
        assert len(on) == 1, (session.code, on)
        text = pages[on[0]][0]
        for link in session.people:
            if link.role in PRINTED:
                assert link.person.family_name in text, (session.code, link.person.family_name)
    for number, (_, fill) in enumerate(pages[:-1]):
        if continued in pages[number + 1][0]:  # the day goes on over the page: this one is full
            assert fill > 0.6, (number + 1, fill)
    return pages


def test_the_pdf_keeps_each_session_on_one_page_and_fills_the_pages(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    data = load_agenda(db, demo.event.id)
    path = write_pdf(agenda_document(data, "ru"), tmp_path / "demo.pdf", "A4")
    pages = _check_packed(data, path, "(продолжение)")
    # two days: each begins a page, and the first runs over three (it used to take four)
    assert len(pages) == 5
    assert sum("(продолжение)" in text for text, _ in pages) == 3
    assert [n for n, (text, _) in enumerate(pages) if "Пятница, 26 ноября" in text] == [3, 4]


def test_a_larger_forum_prints_packed(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    forum = generate_event(db, "S", seed=3)
    data = load_agenda(db, forum.event_id)
    assert len(data.scheduled) >= 20
    path = write_pdf(agenda_document(data, "en"), tmp_path / "forum.pdf", "Letter")
    pages = _check_packed(data, path, "(continued)")
    assert len(pages) <= 5


def test_only_a_session_longer_than_a_page_runs_over_pages(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    data = load_agenda(db, demo.event.id)
    long = next(s for s in data.scheduled if s.code == "S2")
    speaker = long.with_roles((Role.SPEAKER,))[0]
    crowd = tuple(
        SessionPerson(
            dataclasses.replace(speaker.person, id=10_000 + n, display_name=f"Speaker{n:03d}"),
            Role.SPEAKER,
            n,
        )
        for n in range(160)
    )
    long = dataclasses.replace(long, people=crowd)
    sessions = tuple(long if s.code == "S2" else s for s in data.sessions)
    data = dataclasses.replace(data, sessions=sessions)
    path = write_pdf(agenda_document(data, "en"), tmp_path / "long.pdf", "A4")
    pages = _pdf_pages(path)
    holding = [n for n, (text, _) in enumerate(pages) if re.search(r"Speaker\d{3}", text)]
    assert len(holding) >= 2 and holding == list(range(holding[0], holding[-1] + 1))
    assert "Speaker000" in pages[holding[0]][0] and "Speaker159" in pages[holding[-1]][0]
    # it starts a page of its own, the session before it ends the page before
    assert re.search(r"\bS2\b", pages[holding[0]][0])
    assert not re.search(r"\bS1\b", pages[holding[0]][0])
    assert re.search(r"\bS3\b", pages[holding[-1] + 1][0])
    # the table's head again on the pages it runs over
    assert all(re.search(r"Time +Code +Session", pages[n][0]) for n in holding)


def test_a_printer_gets_the_same_packed_pages(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from forumdesk.ui.agenda_print import set_up_printer

    data = load_agenda(db, demo.event.id)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    set_up_printer(printer, "A4")
    agenda_document(data, "ru").print_(printer)  # what the print preview's paintRequested calls
    _check_packed(data, tmp_path / "printed.pdf", "(продолжение)")
    assert len(_pdf_pages(tmp_path / "printed.pdf")) == 5


def test_every_printed_page_says_which_version_it_shows(
    qtbot: QtBot, db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    version = versions.publish_version(db, demo.event.id, expected_latest=0)
    data = dataclasses.replace(
        load_agenda(db, demo.event.id),
        edition=versions.agenda_edition(db, demo.event.id, "en"),
    )
    document = agenda_document(data, "en")
    stamp = f"Version 1 · {version.local_time:%d.%m.%Y %H:%M}"
    assert document.stamp == stamp
    assert agenda_document(load_agenda(db, demo.event.id), "en").stamp is None  # not asked
    path = write_pdf(document, tmp_path / "agenda.pdf", "A4", data.event.name)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed; the stamp was checked above")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True, encoding="utf-8"
    ).stdout
    pages = text.count("\f")
    assert pages >= 2 and text.count("Version 1 ·") == pages


def test_a_cancelled_session_is_struck_through_on_paper(
    qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    from forumdesk.services import sessions

    s3 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")
    sessions.set_cancelled(db, s3.id, True, expected_version=s3.version)
    html_text = agenda_html(load_agenda(db, demo.event.id), "en")
    assert f"<s>{s3.title}</s>" in html_text and "<b>CANCELLED</b>" in html_text
