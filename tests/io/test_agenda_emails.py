"""An e-mail address never breaks over two lines in the agenda workbook's People sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from forumdesk.db.engine import Database
from forumdesk.io.agenda_xlsx import write_agenda_workbook
from forumdesk.services.agenda import load_agenda
from forumdesk.services.assignments import register_people
from forumdesk.services.demo import DemoResult
from forumdesk.services.people import create_person
from tests.io.pdf import needs_libreoffice, pdf_text, to_pdf

LONG = "ekaterina.konstantinopolskaya-vasilieva@federal-service.example.gov.kz"


@pytest.fixture
def book(db: Database, demo: DemoResult, tmp_path: Path) -> Path:
    person = create_person(db, "Константинопольская", "Екатерина", email=LONG)
    register_people(db, demo.event.id, [person.id], expected_statuses=None)
    path = tmp_path / "out" / "agenda.xlsx"
    path.parent.mkdir()
    write_agenda_workbook(load_agenda(db, demo.event.id), path)
    return path


def test_email_cells_do_not_wrap_and_their_column_fits_them(book: Path) -> None:
    ws = load_workbook(book)["People"]
    heads = [c.value for c in ws[1]]
    column = heads.index("E-mail") + 1
    letter = ws.cell(1, column).column_letter
    emails = [ws.cell(r, column) for r in range(2, ws.max_row + 1) if ws.cell(r, column).value]
    assert len(emails) > 20
    for cell in emails:
        assert cell.alignment.wrap_text is not True, cell.value
        assert cell.alignment.shrink_to_fit is True
    ordinary = max(len(str(c.value)) for c in emails if c.value != LONG)
    assert ws.column_dimensions[letter].width >= ordinary  # every demo address at full size
    # the name and organisation columns still wrap
    assert ws.cell(2, 1).alignment.wrap_text is True


@needs_libreoffice
def test_printed_the_addresses_stay_whole(book: Path, tmp_path: Path) -> None:
    text = pdf_text(to_pdf(book, tmp_path / "pdf"), "-layout")
    ws = load_workbook(book)["People"]
    column = [c.value for c in ws[1]].index("E-mail") + 1
    emails = [str(ws.cell(r, column).value) for r in range(2, ws.max_row + 1)]
    emails = [e for e in emails if e and e != "None"]
    assert LONG in emails
    missing = [e for e in emails if e not in text]
    assert emails and not missing
