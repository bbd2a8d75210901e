"""The imports of a coordinator's first day (issue 14, items 16–18), through the wizard as a user
drives it, on files the tests write: speakers registered by a programme import, a Google Forms
sessions column that does not reject anybody, and two-word Cyrillic names in either order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import RegistrationStatus
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.scheduling.model import ProblemKind
from forumdesk.services import assignments, events, people, problems, sessions
from forumdesk.ui.import_wizard import ImportWizard
from forumdesk.ui.main_window import MainWindow
from tests.io.spreadsheets import write_csv, write_xlsx
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def event(db: Database) -> EventRow:
    return events.create_event(db, "Forum 2027", "2027-05-12", "2027-05-13", timezone="Asia/Almaty")


def _wizard(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts, path: Path, kind: str = "attendees"
) -> tuple[MainWindow, ImportWizard]:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.import_actions.exec_wizard = lambda wizard: wizard.show()
    wizard = window.import_actions.open_wizard(kind)
    qtbot.addWidget(wizard)
    page = wizard.file_page
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))
    page.set_path(path)
    return window, wizard


def _to_mapping_page(wizard: ImportWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_page, wizard.file_page.error_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page


def _import(wizard: ImportWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    assert wizard.check_page.isComplete(), wizard.check_page.error_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()


# --- item 16: a programme import registers the people it assigns -----------------------------


def test_a_programme_import_registers_its_speakers_and_undo_takes_the_registrations_back(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    known = people.create_person(db, "Абенова", "Дана", email="dana@example.kz")
    invited = people.create_person(db, "Moreau", "Jean-Pierre", email="moreau@wipo.int")
    assignments.register_people(
        db, event.id, [invited.id], RegistrationStatus.INVITED, expected_statuses=None
    )
    path = write_xlsx(
        tmp_path / "programme.xlsx",
        [
            ["Код", "Название", "Дата", "Начало", "Окончание", "Зал", "Модератор", "Спикеры"],
            [
                "S1",
                "Открытие форума",
                "12.05.2027",
                "10:00",
                "11:30",
                "Большой зал",
                "dana@example.kz",
                "Иванов Иван Иванович, moreau@wipo.int",
            ],
            [
                "S2",
                "Борьба с контрафактом",
                "13.05.2027",
                "12:00",
                "13:00",
                "Зал B",
                "Сидорова Анна",
                "Иванов Иван Иванович; Пак Елена",
            ],
        ],
    )
    window, wizard = _wizard(qtbot, db, prompts, path, kind="programme")
    _to_mapping_page(wizard)
    _import(wizard)
    assert wizard.summary_page.count_labels["registered"].text() == "4"
    assert "Registered for the event: 4" in wizard.summary_page.headline_label.text()

    registrations = {r.person_id: r.status for r in assignments.event_registrations(db, event.id)}
    ivanov = people.search_people(db, "Иванов")[0]
    assert registrations[known.id] == RegistrationStatus.REGISTERED
    assert registrations[ivanov.id] == RegistrationStatus.REGISTERED
    assert registrations[invited.id] == RegistrationStatus.INVITED  # a status is left as it was
    assert len(registrations) == 5  # Абенова, Иванов, Сидорова, Пак, and Moreau as before
    kinds = [p.kind for p in problems.check_event(db, event.id)]
    # only the invited speaker is reported: the import did not decide for staff about them
    assert kinds.count(ProblemKind.NOT_REGISTERED) == 1

    window.undo_action.trigger()
    assert sessions.list_sessions(db, event.id) == []
    left = {r.person_id: r.status for r in assignments.event_registrations(db, event.id)}
    assert left == {invited.id: RegistrationStatus.INVITED}
    assert people.search_people(db, "Иванов") == []  # added by the import, gone with it
    window.redo_action.trigger()
    assert len(assignments.event_registrations(db, event.id)) == 5
    assert prompts.warnings == []


# --- item 17: a Google Forms "Which sessions will you attend?" column --------------------------

_GOOGLE_FORMS_HEADER = [
    "Timestamp",
    "Email Address",
    "Full name",
    "Organisation",
    "Which sessions will you attend?",
]
_ANSWERS = [
    "Session 1; Session 4",
    "Session 1, Session 4",  # how Google Forms joins the boxes ticked
    "S2",
    "  открытие   ФОРУМА ",  # a title, written carelessly
    "Маркетплейсы",  # the start of a title only one session has
    "Session 9",  # names no session: a warning, the person is imported all the same
]


def _google_forms_rows(count: int) -> list[list[object]]:
    return [
        [
            f"2027/04/{1 + n % 28:02d} 10:{n % 60:02d}:00",
            f"guest{n}@example.kz",
            f"Guest{chr(ord('A') + n % 26)} Person{n}",
            "WIPO",
            _ANSWERS[n % len(_ANSWERS)],
        ]
        for n in range(count)
    ]


def test_a_google_forms_sessions_column_is_matched_and_an_unknown_answer_only_warns(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    made = {
        code: sessions.create_session(db, event.id, title, code=code)
        for code, title in (
            ("S1", "Открытие форума"),
            ("S2", "Борьба с контрафактом"),
            ("S3", "Маркировка товаров"),
            ("S4", "Маркетплейсы и правообладатели"),
        )
    }
    path = write_csv(
        tmp_path / "Registration (Responses).csv", [_GOOGLE_FORMS_HEADER, *_google_forms_rows(30)]
    )
    _window, wizard = _wizard(qtbot, db, prompts, path)
    _to_mapping_page(wizard)
    mapping = wizard.mapping_page
    assert mapping.field_combos[4].currentData() == "sessions"  # mapped automatically
    preview = mapping.cleaned_table
    headings = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    sessions_at, warnings_at = headings.index("Sessions"), headings.index("Warnings")
    shown = [
        (preview.item(r, sessions_at).text(), preview.item(r, warnings_at).text()) for r in range(6)
    ]
    assert [s for s, _w in shown] == ["S1; S4", "S1; S4", "S2", "S1", "S4", "Session 9 (?)"]
    assert [bool(w) for _s, w in shown] == [False] * 5 + [True]
    assert "Session 9" in shown[5][1] and "imported without it" in shown[5][1]
    assert all(not preview.item(r, 1).text() for r in range(6))  # no row has a problem

    wizard.next()
    check = wizard.check_page
    assert check.summary is not None
    assert (check.summary.created, check.summary.rejected) == (30, 0)
    assert check.problems_table.rowCount() == 0 and check.isComplete()
    notes = check.notes_view.toPlainText()
    assert notes.count("Session 9") == 5  # rows 7, 13, 19, 25 and 31 of the file
    assert "row 7, column «Which sessions will you attend?»" in notes
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    assert wizard.summary_page.count_labels["created"].text() == "30"
    assert wizard.summary_page.count_labels["rejected"].text() == "0"
    assert "Session 9" in wizard.summary_page.details_view.toPlainText()

    assert len(people.search_people(db, event_id=event.id)) == 30
    in_session = {code: len(assignments.session_people(db, row.id)) for code, row in made.items()}
    # S1: rows with answers 0, 1 and 3 (15 rows); S4: 0, 1 and 4 (15); S2: answer 2 (5)
    assert in_session == {"S1": 15, "S2": 5, "S3": 0, "S4": 15}
    missing = people.find_person_by_email(db, "guest5@example.kz")
    assert missing is not None  # the person whose answer named nothing is there all the same
    assert prompts.warnings == []


# --- item 18: two-word Cyrillic names written given name first -------------------------------


def _names_shown(wizard: ImportWizard) -> list[tuple[str, str]]:
    """(family, given) of each row in the mapping page's preview."""
    preview = wizard.mapping_page.cleaned_table
    headings = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    family, given = headings.index("Family name"), headings.index("Given name")
    return [
        (preview.item(r, family).text(), preview.item(r, given).text())
        for r in range(preview.rowCount())
    ]


def test_given_name_first_cyrillic_names_are_split_right_and_shown_so(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "guests.xlsx",
        [
            ["ФИО", "Организация", "E-mail"],
            ["Елена Пак", "ЕЭК", "elena@example.kz"],
            ["Арман Пак", "ЕЭК", "arman@example.kz"],
            ["Мирослава Цой", "Минюст", "miroslava@example.kz"],  # shows nothing: as the file
            ["Пётр Иванов", "WIPO", "petr@example.kz"],
        ],
    )
    _window, wizard = _wizard(qtbot, db, prompts, path)
    _to_mapping_page(wizard)
    page = wizard.mapping_page
    assert page.name_order_combo.currentData() == "auto"
    assert _names_shown(wizard) == [
        ("Пак", "Елена"),
        ("Пак", "Арман"),
        ("Цой", "Мирослава"),
        ("Иванов", "Пётр"),
    ]
    assert "given name first" in page.name_order_label.text()
    _import(wizard)
    stored = {p.email: (p.family_name, p.given_name) for p in people.search_people(db)}
    assert stored == {
        "elena@example.kz": ("Пак", "Елена"),
        "arman@example.kz": ("Пак", "Арман"),
        "miroslava@example.kz": ("Цой", "Мирослава"),
        "petr@example.kz": ("Иванов", "Пётр"),
    }


def test_the_user_swaps_the_name_order_for_the_whole_file(
    qtbot: QtBot, db: Database, event: EventRow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Names that show no order are read family name first; one click reads them all the other
    way round, the preview showing it before anything is imported."""
    path = write_csv(
        tmp_path / "guests.csv",
        [
            ["ФИО", "E-mail"],
            ["Ирэна Цой", "irena@example.kz"],
            ["Мирослава Ли", "miroslava@example.kz"],
            ["Вилена Хан", "vilena@example.kz"],
        ],
    )
    _window, wizard = _wizard(qtbot, db, prompts, path)
    _to_mapping_page(wizard)
    page = wizard.mapping_page
    assert _names_shown(wizard) == [("Ирэна", "Цой"), ("Мирослава", "Ли"), ("Вилена", "Хан")]
    qtbot.mouseClick(page.swap_names_button, Qt.MouseButton.LeftButton)
    assert page.name_order_combo.currentData() == "given-first"
    assert _names_shown(wizard) == [("Цой", "Ирэна"), ("Ли", "Мирослава"), ("Хан", "Вилена")]
    qtbot.mouseClick(page.swap_names_button, Qt.MouseButton.LeftButton)  # and back again
    assert page.name_order_combo.currentData() == "family-first"
    assert _names_shown(wizard)[0] == ("Ирэна", "Цой")
    qtbot.mouseClick(page.swap_names_button, Qt.MouseButton.LeftButton)
    _import(wizard)
    stored = {p.email: (p.family_name, p.given_name) for p in people.search_people(db)}
    assert stored == {
        "irena@example.kz": ("Цой", "Ирэна"),
        "miroslava@example.kz": ("Ли", "Мирослава"),
        "vilena@example.kz": ("Хан", "Вилена"),
    }
