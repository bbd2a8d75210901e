"""The imports of a coordinator's first day (issue 14, items 16–18), through the wizard as a user
drives it, on files the tests write: speakers registered by a programme import, a Google Forms
sessions column that does not reject anybody, and two-word Cyrillic names in either order."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import RegistrationStatus
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.scheduling.model import ProblemKind
from forumdesk.services import assignments, events, people, problems, sessions
from forumdesk.ui.import_wizard import ImportWizard
from forumdesk.ui.main_window import MainWindow
from tests.io.spreadsheets import write_xlsx
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
    assignments.register_people(db, event.id, [invited.id], RegistrationStatus.INVITED)
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
