"""The import wizard on a CSV file that reads sensibly in two encodings: it shows the file in
each, the user picks one, and the import reads it that way (forumdesk.ui.import_pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import events, people
from tests.io.spreadsheets import write_csv
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_import_wizard import _import, _to_check_page, _wizard


@pytest.fixture
def event(db: Database) -> EventRow:
    return events.create_event(db, "Forum 2027", "2027-05-12", "2027-05-13", timezone="Asia/Almaty")


def test_the_user_chooses_among_plausible_encodings_by_their_preview(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    rows = [
        ["Last name", "First name", "E-mail", "Organization"],
        ["Smith", "John", "js@example.com", "АО"],
        ["Brown", "Anna", "ab@example.com", "WIPO"],
    ]
    path = write_csv(tmp_path / "list.csv", rows, encoding="cp1251", delimiter=";")
    _, wizard = _wizard(qtbot, db, prompts, path)
    page = wizard.file_page
    assert page.encoding_combo.currentData() is None  # detect automatically
    assert not page.choice_box.isVisibleTo(page)
    wizard.next()
    assert wizard.currentPage() is page  # it asks rather than guesses
    assert page.choice_box.isVisibleTo(page)
    assert "cp1251" in page.error_label.text() and "cp1252" in page.error_label.text()
    offered = [page.choice_combo.itemData(i) for i in range(page.choice_combo.count())]
    assert {"cp1251", "cp1252"} <= set(offered)
    # the preview follows the choice
    page.choice_combo.setCurrentIndex(offered.index("cp1252"))
    assert "Smith;John;js@example.com;ÀÎ" in page.choice_preview.toPlainText()
    page.choice_combo.setCurrentIndex(offered.index("cp1251"))
    assert "Smith;John;js@example.com;АО" in page.choice_preview.toPlainText()
    _to_check_page(wizard)
    assert wizard.state.encoding == "cp1251"
    assert "cp1251" in wizard.sheet_page.found_label.text()
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    found = {(p.family_name, p.organization) for p in people.search_people(db)}
    assert found == {("Smith", "АО"), ("Brown", "WIPO")}
    # a choice made for one file is not remembered for the next
    assert QSettings().value("import/encoding") == ""


def test_naming_an_encoding_or_another_file_puts_the_choice_away(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    rows = [["Last name", "First name", "Organization"], ["Smith", "John", "АО"]]
    path = write_csv(tmp_path / "list.csv", rows, encoding="cp1251", delimiter=";")
    _, wizard = _wizard(qtbot, db, prompts, path)
    page = wizard.file_page
    wizard.next()
    assert page.choice_box.isVisibleTo(page)
    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("cp1252"))
    assert not page.choice_box.isVisibleTo(page) and not page.error_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_page
    assert wizard.state.tables[0].rows[1][1] == ["Smith", "John", "ÀÎ"]  # as the user said
    wizard.back()
    page.encoding_combo.setCurrentIndex(0)
    wizard.next()
    assert page.choice_box.isVisibleTo(page)
    page.set_path(tmp_path / "other.csv")
    assert not page.choice_box.isVisibleTo(page)
