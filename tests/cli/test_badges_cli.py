"""Tests for forumdesk/cli/badges.py: badges, tents and attendance from the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from forumdesk.cli import main
from forumdesk.cli.registry import build_parser
from forumdesk.core.errors import NotFoundError
from forumdesk.db.engine import Database
from forumdesk.services import checkin
from forumdesk.services.badges import session_id_for_code
from forumdesk.services.demo import DemoResult
from tests.pdf_pages import pdf_text, qr_texts, render_pages


def run(*argv: str) -> int:
    args = build_parser().parse_args(list(argv))
    return args.handler(args)  # type: ignore[no-any-return]


def test_badges_of_a_session_on_cards_with_codes_the_check_in_accepts(
    demo: DemoResult,
    db: Database,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "p1.pdf"
    assert (
        run("--db", str(db_path), "badges", str(target), "--session", "P1", "--layout", "card10")
        == 0
    )
    assert "Wrote 7 badges" in capsys.readouterr().out
    decoded = qr_texts(render_pages(target, dpi=200)[0])
    assert len(decoded) == 7
    event_id = demo.event.id
    outcomes = {checkin.scan(db, event_id, text).outcome for text in decoded}
    assert outcomes == {checkin.ScanOutcome.CHECKED_IN}
    text = pdf_text(target)
    assert "MODERATOR" in text and "Russia" in text  # the demo is written in English
    assert "Абенова" in text and "Abenova" in text


def test_badges_in_english_for_everyone_registered_a_page_each(
    demo: DemoResult, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.pdf"
    assert run("--db", str(db_path), "badges", str(target), "--lang", "en", "--role", "staff") == 0
    printed = capsys.readouterr().out
    count = int(printed.split("Wrote ")[1].split()[0])
    assert f"({count} pages)" in printed and count > 20
    text = pdf_text(target)
    assert text.count("STAFF") == count
    assert "Kazakhstan" in text


def test_tents_of_one_session_and_an_unknown_session_refused(
    demo: DemoResult, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tents.pdf"
    assert run("--db", str(db_path), "tents", str(target), "--session", "P1") == 0
    assert "table tents" in capsys.readouterr().out
    assert pdf_text(target).count("\f") >= 2
    with pytest.raises(NotFoundError, match="S99"):
        run("--db", str(db_path), "tents", str(target), "--session", "S99")
    # through main: one line on stderr, exit 1
    assert main(["--db", str(db_path), "tents", str(target), "--session", "S99"]) == 1
    assert "no session with the code «S99»" in capsys.readouterr().err


def test_attendance_to_excel_and_csv_for_the_event_or_a_session(
    demo: DemoResult, db: Database, db_path: Path, tmp_path: Path
) -> None:
    event_id = demo.event.id
    people = checkin.find_arriving(db, event_id, "а") or checkin.find_arriving(db, event_id, "a")
    registered = [c.person.id for c in people if c.registered][:3]
    plenary = session_id_for_code(db, event_id, "P1")
    for person_id in registered:
        checkin.check_in(db, event_id, person_id)
    checkin.check_in(db, event_id, registered[0], session_id=plenary)

    book = tmp_path / "attendance.xlsx"
    assert run("--db", str(db_path), "attendance", str(book)) == 0
    rows = list(load_workbook(book).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 4

    only = tmp_path / "p1.csv"
    assert run("--db", str(db_path), "attendance", str(only), "--session", "P1", "--semicolon") == 0
    with only.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert len(lines) == 2 and lines[1][4].startswith("P1")
