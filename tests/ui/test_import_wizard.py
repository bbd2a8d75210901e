"""The import wizard driven page by page: real files, a real worker, the database afterwards."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import events, people, sessions, venue
from forumdesk.ui.import_wizard import ImportWizard
from forumdesk.ui.main_window import MainWindow
from tests.io.spreadsheets import ATTENDEE_HEADER, ATTENDEES, write_csv, write_xlsx
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def event(db: Database) -> EventRow:
    return events.create_event(db, "Forum 2027", "2027-05-12", "2027-05-13", timezone="Asia/Almaty")


def _window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.import_actions.exec_wizard = lambda wizard: wizard.show()
    return window


def _wizard(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, path: Path, kind: str = "attendees"
) -> tuple[MainWindow, ImportWizard]:
    window = _window(qtbot, db, prompts)
    wizard = window.import_actions.open_wizard(kind)
    qtbot.addWidget(wizard)
    page = wizard.file_page
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))
    page.set_path(path)
    return window, wizard


def _to_check_page(wizard: ImportWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_page, wizard.file_page.error_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.check_page


def _import(wizard: ImportWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    wizard.next()


def test_an_xlsx_with_a_title_row_is_imported_and_the_summary_stays(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "Участники.xlsx", [ATTENDEE_HEADER, *ATTENDEES], title="Список участников форума"
    )
    window, wizard = _wizard(qtbot, db, prompts, path)
    topics: list[frozenset[str]] = []
    window.ctx.data_changed.connect(topics.append)
    assert wizard.file_page.event_combo.currentData() == event.id
    wizard.next()
    sheet = wizard.sheet_page
    assert wizard.currentPage() is sheet
    assert sheet.header_spin.value() == 3  # below the title and the blank row
    header_line = next(
        r
        for r in range(sheet.preview.rowCount())
        if sheet.preview.verticalHeaderItem(r).text() == "3"
    )
    assert sheet.preview.item(header_line, 0).text() == "Фамилия"
    assert sheet.preview.item(header_line, 0).font().bold()
    assert not sheet.preview.item(0, 0).font().bold()
    wizard.next()
    mapping = wizard.mapping_page
    assert [c.currentData() for c in mapping.field_combos] == [
        "family_name",
        "given_name",
        "patronymic",
        "organization",
        "position",
        "country",
        "email",
        "phone",
    ]
    cleaned = mapping.cleaned_table
    assert cleaned.item(0, 2).text() == "Иванов"
    assert cleaned.item(0, 8).text() == "ivanov@example.kz"
    assert cleaned.item(0, 9).text().replace(" ", "").endswith("7015550001")  # a number, read
    wizard.next()
    check = wizard.check_page
    assert check.summary is not None and check.summary.created == 3
    assert check.problems_table.rowCount() == 0 and check.isComplete()
    assert people.search_people(db) == []  # the check wrote nothing
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    labels = wizard.summary_page.count_labels
    assert (
        labels["created"].text(),
        labels["updated"].text(),
        labels["unchanged"].text(),
        labels["rejected"].text(),
        labels["registered"].text(),
    ) == ("3", "0", "0", "0", "3")
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    ivanov = people.search_people(db, "Иванов")[0]
    assert (ivanov.given_name, ivanov.patronymic, ivanov.organization) == (
        "Пётр",
        "Сергеевич",
        "WIPO",
    )
    assert ivanov.email == "ivanov@example.kz" and "7015550001" in (ivanov.phone or "").replace(
        " ", ""
    )
    assert len(people.search_people(db, event_id=event.id)) == 3
    assert topics and topics[-1] >= {"people", "registrations"}
    assert wizard.backup_path is not None and wizard.backup_path.exists()
    assert str(wizard.backup_path) in wizard.summary_page.backup_label.text()
    assert prompts.warnings == []


def _csv_rows() -> list[list[object]]:
    bad = [
        "Петров",
        "Олег",
        None,
        "Минюст",
        "Советник",
        "Казахстан",
        "petrov@@example",
        "87015550009",
    ]
    return [ATTENDEE_HEADER, ATTENDEES[0], bad, ATTENDEES[1]]


def test_an_invalid_row_blocks_the_import_until_valid_rows_are_wanted(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "list.csv", _csv_rows(), encoding="cp1251", delimiter=";")
    _, wizard = _wizard(qtbot, db, prompts, path)
    encoding = wizard.file_page.encoding_combo
    encoding.setCurrentIndex(encoding.findData("cp1251"))
    wizard.next()
    wizard.next()
    preview = wizard.mapping_page.cleaned_table
    assert preview.item(1, 0).text() == "3" and "e-mail" in preview.item(1, 1).text()
    assert preview.item(0, 2).text() == "Иванов"  # cp1251 read as cp1251
    wizard.next()
    check = wizard.check_page
    assert check.problems_table.rowCount() == 1
    row = [check.problems_table.item(0, c).text() for c in range(4)]
    assert row[1:3] == ["3", "Эл. почта"] and "e-mail" in row[3].lower()
    assert not check.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert check.error_label.isVisible() or check.error_label.text()
    check.skip_invalid_check.setChecked(True)
    assert check.isComplete()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    offered = Path(check.rejects_edit.text())
    assert offered.parent == tmp_path and offered.suffix == ".csv"
    rejects = tmp_path / "rejected rows.csv"  # Browse… chooses another file
    prompts.choose_files(rejects)
    check.rejects_button.click()
    [asked] = prompts.shown
    assert asked.kind == "save_file" and asked.text == str(offered) and asked.parent is check
    assert check.rejects_edit.text() == str(rejects)
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    assert wizard.summary_page.count_labels["created"].text() == "2"
    assert wizard.summary_page.count_labels["rejected"].text() == "1"
    assert str(rejects) in wizard.summary_page.rejects_label.text()
    assert sorted(p.family_name for p in people.search_people(db)) == ["Иванов", "Садыкова"]
    with rejects.open(encoding="utf-8-sig", newline="") as stream:
        written = list(csv.reader(stream, delimiter=";"))
    assert written[0][-1] == "Error" and written[1][0] == "Петров"
    assert QSettings().value("import/encoding") == "cp1251"
    assert QSettings().value("import/last_folder") == str(tmp_path)


@pytest.mark.parametrize(
    "content", [b"PK\x03\x04 this is not really a workbook", b"%PDF-1.4 a report"]
)
def test_a_broken_file_is_explained_on_the_first_page(
    qtbot: QtBot,
    db: Database,
    event: EventRow,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    content: bytes,
) -> None:
    path = tmp_path / "Участники.xlsx"
    path.write_bytes(content)
    _, wizard = _wizard(qtbot, db, prompts, path)
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    message = wizard.file_page.error_label.text()
    assert "«Участники.xlsx»" in message and ("damaged" in message or "PDF" in message)
    assert not wizard.file_page.error_label.isHidden()
    assert people.search_people(db) == []


def _cancel_on_the_last_step(progress):  # type: ignore[no-untyped-def]
    return lambda done, total: progress(done, total) and done < total


def _press_cancel(dialog: QProgressDialog) -> None:
    dialog.findChild(QPushButton).click()


@pytest.mark.parametrize("how", ["progress", "button"])
def test_cancel_during_the_import_leaves_the_database_unchanged(
    qtbot: QtBot,
    db: Database,
    event: EventRow,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    how: str,
) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [ATTENDEE_HEADER, *ATTENDEES])
    _, wizard = _wizard(qtbot, db, prompts, path)
    _to_check_page(wizard)
    assert wizard.check_page.summary is not None
    if how == "progress":  # the import has done its writing when the last step is refused
        wizard.progress_filter = _cancel_on_the_last_step
    else:
        wizard.dialog_created = _press_cancel
    _import(wizard)
    assert wizard.currentPage() is wizard.confirm_page
    assert "cancelled" in wizard.confirm_page.error_label.text()
    assert people.search_people(db) == []
    assert wizard.backup_path is None and not list(tmp_path.glob("*.bak"))
    assert prompts.warnings == []


def test_a_programme_is_imported_into_the_event(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "programme.xlsx",
        [
            ["Код", "Название", "Дата", "Начало", "Окончание", "Зал"],
            ["S1", "Открытие форума", "12.05.2027", "10:00", "11:30", "Большой зал"],
            ["S2", "Борьба с контрафактом", "13.05.2027", "12:00", "13:00", "Зал B"],
        ],
        sheet="Программа",
    )
    _, wizard = _wizard(qtbot, db, prompts, path, kind="programme")
    assert wizard.file_page.event_combo.findData(None) == -1  # a programme needs its event
    _to_check_page(wizard)
    assert wizard.check_page.summary is not None
    assert wizard.check_page.summary.created == 2
    assert sessions.list_sessions(db, event.id) == []
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    assert wizard.summary_page.count_labels["created"].text() == "2"
    made = {s.code: s for s in sessions.list_sessions(db, event.id)}
    assert set(made) == {"S1", "S2"} and made["S1"].title == "Открытие форума"
    assert sorted(r.name for r in venue.list_rooms(db, event.id)) == ["Большой зал", "Зал B"]


def test_a_column_mapped_by_hand_and_saved_as_a_profile(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "partners.csv",
        [
            ["ФИО", "Контакт", "Отметка"],
            ["Иванов Пётр Сергеевич", "ivanov@example.kz", "x"],
            ["Smith John", "john@example.com", "y"],
        ],
    )
    _, wizard = _wizard(qtbot, db, prompts, path)
    wizard.next()
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.field_combos[1].currentData() == "ignore"
    mapping.set_field(1, "email")
    mapping.name_order_combo.setCurrentIndex(mapping.name_order_combo.findData("family-first"))
    assert mapping.cleaned_table.item(0, 8).text() == "ivanov@example.kz"
    assert mapping.cleaned_table.item(1, 2).text() == "Smith"
    mapping.profile_name_edit.setText("Partners")
    mapping.save_profile_button.click()
    assert "Partners" in mapping.profile_label.text()
    wizard.next()
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    assert people.find_person_by_email(db, "john@example.com") is not None

    # the next file of the same shape: the saved mapping is loaded and reused
    _, again = _wizard(qtbot, db, prompts, path)
    again.next()
    again.next()
    page = again.mapping_page
    assert page.profile_combo.findData("Partners") >= 0
    page.profile_combo.setCurrentIndex(page.profile_combo.findData("Partners"))
    page.load_profile_button.click()
    assert page.field_combos[1].currentData() == "email"
    assert page.name_order_combo.currentData() == "family-first"


def test_the_duplicate_policy_is_used_and_remembered(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [ATTENDEE_HEADER, *ATTENDEES])
    _, first = _wizard(qtbot, db, prompts, path)
    _to_check_page(first)
    _import(first)
    assert first.currentPage() is first.summary_page
    _, again = _wizard(qtbot, db, prompts, path)
    _to_check_page(again)
    check = again.check_page
    assert check.summary is not None and check.summary.unchanged == 3
    check.policy_combo.setCurrentIndex(check.policy_combo.findData("skip"))
    assert check.summary is not None and check.summary.skipped == 3  # checked again
    _import(again)
    assert again.summary_page.count_labels["skipped"].text() == "3"
    assert again.summary_page.count_labels["created"].text() == "0"
    assert len(people.search_people(db)) == 3
    assert QSettings().value("import/policy") == "skip"


def test_a_file_dropped_on_the_first_page_is_chosen(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "dropped.xlsx", [ATTENDEE_HEADER, *ATTENDEES])
    _, wizard = _wizard(qtbot, db, prompts, tmp_path / "other.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    wizard.file_page.dropEvent(drop)
    assert wizard.file_page.path_edit.text() == str(path)
    wizard.file_page.path_edit.clear()
    prompts.choose_files(path)
    wizard.file_page.browse_button.click()
    assert wizard.file_page.path_edit.text() == str(path)
    [asked] = prompts.shown
    assert asked.kind == "open_file" and asked.parent is wizard.file_page


def test_the_window_has_the_menu_actions_and_a_welcome_button(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    opened: list[ImportWizard] = []
    imports = window.import_actions
    imports.exec_wizard = opened.append
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Import attendees…" in texts and "Import &programme…" in texts
    assert texts.index("&Import attendees…") < texts.index("&Quit")
    assert imports.import_attendees_action.shortcut() == QKeySequence("Ctrl+I")
    imports.import_programme_action.trigger()
    assert opened and opened[-1].file_page.kind == "programme"
    window.import_welcome_button.click()
    assert len(opened) == 2 and opened[-1].file_page.kind == "attendees"
    # with no event yet, attendees go to the directory only; a programme cannot be imported
    assert opened[-1].file_page.event_combo.currentData() is None
    for wizard in opened:
        wizard.deleteLater()


def test_likely_duplicates_are_listed_for_a_person_to_judge(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    people.create_person(db, family_name="Иванов", given_name="Пётр", email="petr@other.kz")
    path = write_xlsx(tmp_path / "list.xlsx", [ATTENDEE_HEADER, *ATTENDEES])
    _, wizard = _wizard(qtbot, db, prompts, path)
    _to_check_page(wizard)
    table = wizard.check_page.duplicates_table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "2" and "petr@other.kz" in table.item(0, 2).text()
    assert wizard.check_page.isComplete()  # listed, not refused


def test_an_import_is_one_undo_step_that_ctrl_z_takes_back_and_redo_restores(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Undo (Ctrl+Z's action) removes the imported people, redo brings them back, under the
    step the History dock shows; the views are told to reload each time."""
    people.create_person(db, "Старожилов", "Иван", email="old@example.kz")
    path = write_xlsx(tmp_path / "list.xlsx", [ATTENDEE_HEADER, *ATTENDEES])
    window, wizard = _wizard(qtbot, db, prompts, path)
    topics: list[frozenset[str]] = []
    window.ctx.data_changed.connect(topics.append)
    _to_check_page(wizard)
    _import(wizard)
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    imported = {p.id for p in people.search_people(db)} - {
        people.find_person_by_email(db, "old@example.kz").id
    }  # type: ignore[union-attr]
    assert len(imported) == 3
    stack = window.ctx.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Import attendees: list.xlsx"
    history = window.history_view.model()
    # row 0: the start; each entry the time it was done, then what it did (issue 14, item 15)
    assert re.fullmatch(
        r"\d{1,2}:\d\d( [AP]M)? Import attendees: list\.xlsx", history.index(1, 0).data()
    )
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert topics[-1] >= {"people", "registrations"}
    topics.clear()

    window.undo_action.trigger()  # what Ctrl+Z does
    assert [p.family_name for p in people.search_people(db)] == ["Старожилов"]
    assert len(people.search_people(db, event_id=event.id)) == 0
    assert topics and topics[-1] >= {"people", "registrations"}
    assert stack.canRedo() and stack.redoText() == "Import attendees: list.xlsx"

    window.redo_action.trigger()
    assert {p.id for p in people.search_people(db)} >= imported  # the same people, same ids
    assert len(people.search_people(db, event_id=event.id)) == 3
    assert len(topics) == 2
    stack.undo()
    assert len(people.search_people(db)) == 1
    assert prompts.warnings == []


def test_an_import_edited_since_is_not_undone_and_says_why(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [ATTENDEE_HEADER, *ATTENDEES])
    window, wizard = _wizard(qtbot, db, prompts, path)
    _to_check_page(wizard)
    _import(wizard)
    smith = people.find_person_by_email(db, "john@example.com")
    assert smith is not None
    people.update_person(
        db, smith.id, {"notes": "Edited elsewhere"}, expected_version=None
    )  # another workstation
    window.ctx.undo_stack.undo()
    assert len(people.search_people(db)) == 3  # nothing undone
    assert (
        prompts.warnings
        and "cannot be undone" in prompts.warnings[-1][1]
        and "John Smith" in prompts.warnings[-1][1]
    )
    assert window.ctx.undo_stack.count() == 0  # the step that cannot work is dropped


def test_a_programme_import_is_undone_in_one_step(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "programme.xlsx",
        [
            ["Код", "Название", "Дата", "Начало", "Окончание", "Зал"],
            ["S1", "Открытие форума", "12.05.2027", "10:00", "11:30", "Большой зал"],
        ],
    )
    window, wizard = _wizard(qtbot, db, prompts, path, kind="programme")
    _to_check_page(wizard)
    _import(wizard)
    assert window.ctx.undo_stack.undoText() == "Import programme: programme.xlsx"
    window.undo_action.trigger()
    assert sessions.list_sessions(db, event.id) == [] and venue.list_rooms(db, event.id) == []
    window.redo_action.trigger()
    assert [s.code for s in sessions.list_sessions(db, event.id)] == ["S1"]
    assert prompts.warnings == []


def test_the_wizard_leaves_the_backup_to_the_import_service() -> None:
    """The backup is the import's first step (services), not the wizard's: it reaches neither
    forumdesk.db.migrate nor anything else of the database layer."""
    import forumdesk.ui.import_wizard as wizard_module

    tree = ast.parse(Path(wizard_module.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "forumdesk.services.imports" in imported  # the check sees the wizard's imports
    assert not {name for name in imported if name.startswith("forumdesk.db")}
