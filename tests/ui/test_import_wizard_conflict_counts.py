"""The check page's expected counts follow the user's choice of names at once (issue 16): a
name conflict taken or kept changes who is updated, and the counts say so without "Check
again". A real spreadsheet, the real wizard and worker, the database afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import people
from forumdesk.ui.import_wizard import CheckPage
from tests.io.spreadsheets import write_xlsx
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_import_wizard import _import, _to_check_page, _wizard


def _list(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "Участники.xlsx",
        [
            ["Фамилия", "Имя", "E-mail"],
            ["Y", "X", "ivanov@example.kz"],  # Иванов Иван's e-mail, another name
            ["Z", "W", "petrov@example.kz"],  # Петров Пётр's e-mail, another name
            ["Новая", "Анна", "anna@example.kz"],
        ],
    )


def _expected(check: CheckPage) -> str:
    text = check.outcome_label.text()
    assert text.startswith("Expected. People: "), text
    return text.split(";")[0].removeprefix("Expected. People: ")


def test_the_expected_counts_follow_each_choice_of_name_at_once(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    people.create_person(db, "Иванов", "Иван", email="ivanov@example.kz", position="Эксперт")
    people.create_person(db, "Петров", "Пётр", email="petrov@example.kz")
    _window, wizard = _wizard(qtbot, db, prompts, _list(tmp_path))
    _to_check_page(wizard)
    check = wizard.check_page
    checks: list[bool] = []
    check.host.dialog_created = lambda _dialog: checks.append(True)  # a check run shows one
    # nothing but the names is new: both stored names kept, both people stay as they are
    assert _expected(check) == "1 new, 0 updated, 2 unchanged, 0 skipped"
    first = check.conflict_combos[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Down)  # the file's name for Иванов
    assert first.currentData() is True
    assert _expected(check) == "1 new, 1 updated, 1 unchanged, 0 skipped"
    qtbot.mouseClick(check.take_all_button, Qt.MouseButton.LeftButton)
    assert _expected(check) == "1 new, 2 updated, 0 unchanged, 0 skipped"
    qtbot.mouseClick(check.keep_all_button, Qt.MouseButton.LeftButton)
    assert _expected(check) == "1 new, 0 updated, 2 unchanged, 0 skipped"
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert _expected(check) == "1 new, 1 updated, 1 unchanged, 0 skipped"
    assert checks == []  # all of it without checking the file again
    # and checking again finds the very same
    shown = check.outcome_label.text()
    qtbot.mouseClick(check.check_again_button, Qt.MouseButton.LeftButton)
    assert checks == [True]
    assert check.outcome_label.text() == shown
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    labels = wizard.summary_page.count_labels
    assert (labels["created"].text(), labels["updated"].text(), labels["unchanged"].text()) == (
        "1",
        "1",
        "1",
    )
    ivanov = people.find_person_by_email(db, "ivanov@example.kz")
    petrov = people.find_person_by_email(db, "petrov@example.kz")
    assert ivanov is not None and petrov is not None
    assert (ivanov.display_name, petrov.display_name) == ("X Y", "Петров Пётр")


def test_the_confirm_page_says_what_the_choice_makes(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    people.create_person(db, "Иванов", "Иван", email="ivanov@example.kz")
    people.create_person(db, "Петров", "Пётр", email="petrov@example.kz")
    _window, wizard = _wizard(qtbot, db, prompts, _list(tmp_path))
    _to_check_page(wizard)
    check = wizard.check_page
    qtbot.mouseClick(check.take_all_button, Qt.MouseButton.LeftButton)
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    plan = wizard.confirm_page.plan_label.text()
    assert "People: 1 new, 2 updated, 0 unchanged" in plan
    assert "the file's name is taken for 2 of 2 people" in plan
