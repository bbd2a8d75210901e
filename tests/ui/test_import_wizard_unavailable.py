"""An attendee file's "unavailable" column through the import wizard as a user drives it (issue
14, item 12): the column is offered and guessed, the preview shows the periods and the ones it
cannot read, and the import adds the periods and its undo takes them back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import availability, events, people
from forumdesk.ui.import_wizard import ImportWizard
from forumdesk.ui.main_window import MainWindow
from tests.io.spreadsheets import write_csv
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def event(db: Database) -> EventRow:
    return events.create_event(db, "Forum 2027", "2027-05-12", "2027-05-13", timezone="Asia/Almaty")


def _wizard(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, path: Path
) -> tuple[MainWindow, ImportWizard]:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.import_actions.exec_wizard = lambda wizard: wizard.show()
    wizard = window.import_actions.open_wizard("attendees")
    qtbot.addWidget(wizard)
    page = wizard.file_page
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("attendees"))
    page.set_path(path)
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_page, page.error_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    return window, wizard


def _shown(wizard: ImportWizard, heading: str) -> list[str]:
    preview = wizard.mapping_page.cleaned_table
    headings = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    at = headings.index(heading)
    return [preview.item(r, at).text() for r in range(preview.rowCount())]


def _periods(db: Database, event: EventRow) -> list[tuple[str, dt.datetime, dt.datetime]]:
    return [
        (row.person_name, row.starts_at, row.ends_at)
        for row in availability.list_unavailability(db, event.id)
    ]


def test_an_unavailable_column_is_mapped_previewed_imported_and_undone(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "guests.csv",
        [
            ["ФИО", "E-mail", "Не может", "Отсутствие"],
            ["Иванов Пётр", "petr@example.kz", "12.05.2027 10:00-12:00", ""],
            ["Пак Елена", "elena@example.kz", "2027-05-13\nпосле обеда", "2027-05-12"],
            ["Сидорова Анна", "anna@example.kz", "", ""],
        ],
    )
    window, wizard = _wizard(qtbot, db, prompts, path)
    mapping = wizard.mapping_page
    assert mapping.field_combos[2].currentData() == "unavailable"  # guessed from the header
    assert mapping.field_combos[3].currentData() == "ignore"
    assert mapping.field_combos[3].findData("unavailable") >= 0  # offered for every column
    assert mapping.field_combos[2].currentText() == "unavailable"
    assert _shown(wizard, "Unavailable") == ["2027-05-12 10:00–12:00", "2027-05-13", ""]
    warnings = _shown(wizard, "Warnings")
    assert warnings[0] == "" and warnings[2] == ""
    assert "«после обеда» is not a period" in warnings[1]
    assert all(not text for text in _shown(wizard, "Problems"))

    wizard.next()
    check = wizard.check_page
    assert check.summary is not None
    assert (check.summary.created, check.summary.rejected, check.summary.unavailable) == (3, 0, 2)
    assert "row 3, column «Не может»: «после обеда» is not a period" in (
        check.notes_view.toPlainText()
    )
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    assert wizard.summary_page.count_labels["unavailable"].text() == "2"
    assert "Unavailable periods added: 2" in wizard.summary_page.headline_label.text()

    imported = [
        ("Иванов Пётр", dt.datetime(2027, 5, 12, 10), dt.datetime(2027, 5, 12, 12)),
        ("Пак Елена", dt.datetime(2027, 5, 13), dt.datetime(2027, 5, 14)),
    ]
    assert _periods(db, event) == imported
    assert len(people.search_people(db, event_id=event.id)) == 3

    window.undo_action.trigger()
    assert _periods(db, event) == []
    assert people.search_people(db, event_id=event.id) == []
    window.redo_action.trigger()
    assert _periods(db, event) == imported
    assert prompts.warnings == []
