"""The wizard's mapping page on files headed as registration exports are (issue 16, item 5):
what it guessed, and, in plain sight, which of two columns that fit one field it used."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import events, people
from forumdesk.ui.import_wizard import ImportWizard
from forumdesk.ui.main_window import MainWindow
from tests.io.spreadsheets import write_csv, write_xlsx
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def event(db: Database) -> EventRow:
    return events.create_event(db, "Forum 2027", "2027-05-12", "2027-05-13", timezone="Asia/Almaty")


def _mapping_page(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, path: Path, kind: str = "attendees"
) -> ImportWizard:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.import_actions.exec_wizard = lambda wizard: wizard.show()
    wizard = window.import_actions.open_wizard(kind)
    qtbot.addWidget(wizard)
    page = wizard.file_page
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))
    page.set_path(path)
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_page, wizard.file_page.error_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    return wizard


def test_id_and_name_map_to_the_name_and_the_numbers_are_said_to_stay_out(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "list.csv", [["id", "name"], ["1", "Иванов Иван"]])
    wizard = _mapping_page(qtbot, db, prompts, path)
    page = wizard.mapping_page
    assert [c.currentData() for c in page.field_combos] == ["ignore", "full_name"]
    text = page.set_aside_label.text()  # "column(s)": the tests install no translator
    assert text.startswith("Not imported: 1 column") and text.endswith("the rows: A «id».")
    assert page.isComplete()
    wizard.next()
    assert wizard.check_page.summary is not None and wizard.check_page.summary.created == 1


def test_an_export_with_company_name_and_nationality(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "eventbrite.xlsx",
        [
            ["First Name", "Last Name", "Company Name", "Nationality", "Email"],
            ["Jane", "Smith", "WIPO", "Switzerland", "jane@example.com"],
        ],
    )
    wizard = _mapping_page(qtbot, db, prompts, path)
    page = wizard.mapping_page
    assert [c.currentData() for c in page.field_combos] == [
        "given_name",
        "family_name",
        "organization",
        "country",
        "email",
    ]
    assert page.set_aside_label.text() == ""
    assert page.cleaned_table.item(0, 5).text() == "WIPO"
    assert page.cleaned_table.item(0, 7).text() == "Switzerland"


def test_two_columns_for_one_field_are_named_until_the_user_chooses(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [["ФИО", "Company", "Organisation"], ["Иванов Иван", "ТОО Ромашка", "Минюст"]],
    )
    wizard = _mapping_page(qtbot, db, prompts, path)
    page = wizard.mapping_page
    assert [c.currentData() for c in page.field_combos] == ["full_name", "ignore", "organization"]
    assert page.set_aside_label.isVisibleTo(page)
    assert page.set_aside_label.text() == (
        "Columns C «Organisation» and B «Company» both fit «organisation»: C is used, B is "
        "ignored. To use B instead, choose «organisation» for it and «(ignore)» for C."
    )
    assert page.cleaned_table.item(0, 5).text() == "Минюст"
    # the user takes the other column: the note has said its piece and goes
    page.set_field(2, "ignore")
    page.set_field(1, "organization")
    assert page.set_aside_label.text() == ""
    assert page.cleaned_table.item(0, 5).text() == "ТОО Ромашка"
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    (ivanov,) = people.search_people(db)
    assert ivanov.organization == "ТОО Ромашка"


def test_session_and_title_on_a_programme_page(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "programme.csv",
        [
            ["Session", "Title", "Date", "Start", "End"],
            ["Plenary", "Opening of the forum", "12.05.2027", "10:00", "11:00"],
        ],
    )
    wizard = _mapping_page(qtbot, db, prompts, path, kind="programme")
    page = wizard.mapping_page
    assert [c.currentData() for c in page.field_combos][:2] == ["ignore", "title"]
    assert page.set_aside_label.text().startswith(
        "Columns B «Title» and A «Session» both fit «title»: B is used, A is ignored."
    )
