"""The import wizard accounts for every row and lets the user settle name conflicts
(issue 16, items 2 and 3): real files, a real worker, the database afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import people
from forumdesk.ui.main_window import MainWindow
from tests.io.spreadsheets import write_csv
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_import_wizard import _import, _to_check_page, _wizard


def _list(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "list.csv",
        [
            ["ФИО", "Страна", "E-mail"],
            ["Wang Wei", "China", ""],  # 2
            ["Wang Wei", "Singapore", ""],  # 3: another person
            ["Wang Wei", "", ""],  # 4: merged into row 2
            ["ФИО", "Страна", "E-mail"],  # 5: the header again
            ["X Y", "", "ivanov@example.kz"],  # 6: Иванов Иван's e-mail, another name
            ["Z W", "", "petrov@example.kz"],  # 7: Петров Пётр's e-mail, another name
        ],
    )


def _stored(db: Database) -> None:
    people.create_person(db, "Иванов", "Иван", email="ivanov@example.kz")
    people.create_person(db, "Петров", "Пётр", email="petrov@example.kz")


def _name(db: Database, email: str) -> str:
    person = people.find_person_by_email(db, email)
    assert person is not None
    return person.display_name


def test_the_summary_page_accounts_for_every_row_and_the_choice_per_conflict_is_kept(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    _stored(db)
    window, wizard = _wizard(qtbot, db, prompts, _list(tmp_path))
    _to_check_page(wizard)
    check = wizard.check_page
    assert not check.conflicts_box.isHidden()
    table = check.conflicts_table
    assert [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())] == [
        ("6", "ivanov@example.kz", "Иванов Иван", "X Y"),
        ("7", "petrov@example.kz", "Петров Пётр", "Z W"),
    ]
    assert [combo.currentData() for combo in check.conflict_combos] == [False, False]
    check.conflict_combos[0].setCurrentIndex(1)  # take the file's name for Иванов only
    assert "Rows read: 6" in check.outcome_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    assert "the file's name is taken for 1 of 2 people" in wizard.confirm_page.plan_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    labels = wizard.summary_page.count_labels
    assert {name: labels[name].text() for name in labels} == {
        "created": "2",
        "updated": "1",
        "unchanged": "1",
        "skipped": "0",
        "rejected": "0",
        "merged": "1",
        "empty_rows": "0",
        "repeated_headers": "1",
        "name_conflicts": "2",
        "rows": "6",
        "registered": "0",
        "assigned": "0",
        "unavailable": "0",
    }
    details = wizard.summary_page.details_view.toPlainText()
    assert "Row 4: merged into row 2 (the same name and organisation)." in details
    assert "Row 5: the header row repeated." in details
    assert (_name(db, "ivanov@example.kz"), _name(db, "petrov@example.kz")) == (
        "X Y",
        "Петров Пётр",
    )
    # one undo step takes the import back, the stored name with it
    window.undo_action.trigger()
    assert (_name(db, "ivanov@example.kz"), _name(db, "petrov@example.kz")) == (
        "Иванов Иван",
        "Петров Пётр",
    )
    assert len(people.search_people(db, "wang")) == 0


def test_take_all_and_keep_all(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    _stored(db)
    _window, wizard = _wizard(qtbot, db, prompts, _list(tmp_path))
    _to_check_page(wizard)
    check = wizard.check_page
    qtbot.mouseClick(check.take_all_button, Qt.MouseButton.LeftButton)
    assert check.names_replaced == {"ivanov@example.kz", "petrov@example.kz"}
    check.run_check()  # the choices outlive checking again
    assert [combo.currentData() for combo in check.conflict_combos] == [True, True]
    qtbot.mouseClick(check.keep_all_button, Qt.MouseButton.LeftButton)
    assert check.names_replaced == set()
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page
    assert (_name(db, "ivanov@example.kz"), _name(db, "petrov@example.kz")) == (
        "Иванов Иван",
        "Петров Пётр",
    )


def test_no_conflicts_no_table(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window, wizard = _wizard(qtbot, db, prompts, _list(tmp_path))
    assert isinstance(window, MainWindow)
    _to_check_page(wizard)
    assert wizard.check_page.conflicts_box.isHidden()
    assert wizard.check_page.conflicts_table.rowCount() == 0
