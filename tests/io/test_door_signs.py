"""Door signs (the Rooms sheet): read from three metres, a page per room and day."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from forumdesk.core.enums import Role, SessionKind
from forumdesk.db.engine import Database
from forumdesk.io.agenda_xlsx import write_agenda_workbook
from forumdesk.services.agenda import load_agenda
from forumdesk.services.assignments import assign_people
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import create_event
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session
from forumdesk.services.venue import add_room
from tests.io.pdf import needs_libreoffice, pdf_text, to_pdf

ROOMS = ("Plenary Hall", "Hall A", "Hall B", "Hall C", "Hall D")


def _pages(ws: Worksheet) -> list[list[int]]:
    """The sheet's rows, page by page (as its row breaks cut it)."""
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    pages, first = [], 1
    for last in [*breaks, ws.max_row]:
        pages.append(list(range(first, last + 1)))
        first = last + 1
    return pages


@pytest.fixture
def demo_signs(db: Database, demo: DemoResult, tmp_path: Path) -> Path:
    path = tmp_path / "out" / "signs.xlsx"
    path.parent.mkdir()
    write_agenda_workbook(load_agenda(db, demo.event.id), path, parts=("rooms",))
    return path


def test_each_room_day_is_one_page_in_large_type(demo_signs: Path) -> None:
    ws = load_workbook(demo_signs)["Rooms"]
    pages = _pages(ws)
    assert len(pages) == 9  # 5 rooms on Thursday, 4 on Friday: each fits one page
    titles = 0
    for rows in pages:
        top = ws.cell(rows[0], 1)
        assert top.value in ROOMS and top.font.sz >= 54 and top.font.b
        assert re.match(r"(Thursday|Friday), 2[56] November 2021$", ws.cell(rows[1], 1).value)
        for row in rows[2:]:
            title = ws.cell(row, 2)
            if title.value and re.match(r"[PS]\d+ · ", str(title.value)):
                titles += 1
                assert title.font.sz >= 28 and title.font.b, title.value
                assert ws.cell(row, 1).font.sz >= 24  # the time, as large or nearly
                assert ws.cell(row, 1).alignment.wrap_text is not True
    assert titles == 12


def test_a_long_day_goes_on_over_pages_never_smaller_than_28_points(
    db: Database, tmp_path: Path
) -> None:
    event = create_event(db, "Long day", "2027-03-01", timezone="UTC")
    room = add_room(db, event.id, "Конференц-зал «Байтерек»")
    moderator = create_person(db, "Сергеева", "Анна")
    start = dt.datetime(2027, 3, 1, 8)
    codes = []
    for n in range(12):
        session = create_session(
            db,
            event.id,
            f"Session {n:02d}: protecting trademarks of small businesses on the marketplaces",
            code=f"W{n:02d}",
            kind=SessionKind.WORKSHOP,
            room_id=room.id,
            starts_at=start + dt.timedelta(minutes=50 * n),
            ends_at=start + dt.timedelta(minutes=50 * n + 45),
        )
        assign_people(db, session.id, [moderator.id], Role.MODERATOR, expected_version=None)
        codes.append(f"W{n:02d}")
    path = tmp_path / "out" / "signs.xlsx"
    path.parent.mkdir()
    write_agenda_workbook(load_agenda(db, event.id), path, parts=("rooms",), lang="ru")
    ws = load_workbook(path)["Залы"]
    pages = _pages(ws)
    assert len(pages) >= 3
    seen = []
    for number, rows in enumerate(pages):
        assert ws.cell(rows[0], 1).value == "Конференц-зал «Байтерек»"
        date = ws.cell(rows[1], 1).value
        assert ("(продолжение)" in date) == (number > 0)
        texts = [str(ws.cell(r, 2).value or "") for r in rows]
        for index, text in enumerate(texts):
            if text.startswith("W"):
                seen.append(text[:3])
                assert ws.cell(rows[index], 2).font.sz >= 28
                # its moderators on the same page, on the row under it
                assert texts[index + 1].startswith("Модераторы:")
    assert seen == codes  # in order, each once


@needs_libreoffice
def test_printed_by_libreoffice_the_signs_have_no_overlapping_lines(
    demo_signs: Path, tmp_path: Path
) -> None:
    boxes = pdf_text(to_pdf(demo_signs, tmp_path / "pdf"), "-bbox")
    pages = boxes.split("<page ")[1:]
    assert len(pages) == 9
    word = re.compile(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')
    checked = 0
    for page in pages:
        words = [(float(a), float(b), text) for a, b, text in word.findall(page)]
        room = next(w for w in words if w[2] in {r.split()[0] for r in ROOMS})
        assert room[1] - room[0] > 40  # the room's name: more than 40 points high on paper
        for before, (top, _, text) in itertools.pairwise(words):
            if text == "Moderators:":  # under its title, not over its last line
                assert before[1] <= top + 1, (before, text)
                checked += 1
    assert checked >= 12
