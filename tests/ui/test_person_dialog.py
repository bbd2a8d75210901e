"""The person editor, driven through its widgets: what it refuses, and exactly what it returns."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Sector
from forumdesk.core.rows import PersonRow
from forumdesk.db.engine import Database
from forumdesk.services import people
from forumdesk.services.demo import DemoResult
from forumdesk.ui.person_dialog import PersonDialog


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """qtbot.keyClicks, also for Cyrillic (QTest only knows how to type ASCII)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char)
            )


def _dialog(
    qtbot: QtBot,
    organizations: list[str] | None = None,
    person: PersonRow | None = None,
    **options: object,
) -> PersonDialog:
    dialog = PersonDialog(organizations or [], person, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _demo_person(db: Database, family_name: str) -> PersonRow:
    return next(p for p in people.search_people(db, family_name) if p.family_name == family_name)


def test_ok_waits_for_a_family_name(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert not dialog.ok_button.isEnabled()
    assert dialog.message_label.isHidden()  # an untouched form is not scolded
    type_text(qtbot, dialog.given_name_edit, "Мария")
    assert not dialog.ok_button.isEnabled()
    assert dialog.message_label.text() == "The family name is required."
    type_text(qtbot, dialog.family_name_edit, "  ")
    assert not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.family_name_edit, "Иванова")
    assert dialog.ok_button.isEnabled()
    assert dialog.message_label.isHidden()


def test_the_display_name_placeholder_shows_the_default(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.display_name_edit.placeholderText() == "Made from the names"
    type_text(qtbot, dialog.family_name_edit, "Иванова")
    type_text(qtbot, dialog.given_name_edit, "Мария")
    type_text(qtbot, dialog.patronymic_edit, "Петровна")
    assert dialog.display_name_edit.placeholderText() == "Иванова Мария Петровна"
    for edit in (dialog.family_name_edit, dialog.given_name_edit, dialog.patronymic_edit):
        edit.clear()
    type_text(qtbot, dialog.family_name_edit, "Schmidt")
    type_text(qtbot, dialog.given_name_edit, "Anna")
    assert dialog.display_name_edit.placeholderText() == "Anna Schmidt"


def test_a_new_person_gives_every_filled_field_cleaned(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, ["Eurasian Economic Commission"])
    type_text(qtbot, dialog.family_name_edit, "  Иванова ")
    type_text(qtbot, dialog.given_name_edit, "Мария")
    type_text(qtbot, dialog.organization_combo.lineEdit(), "Новая   организация")
    type_text(qtbot, dialog.position_edit, "Главный специалист")
    type_text(qtbot, dialog.country_combo.lineEdit(), "Kazakhstan")
    dialog.sector_combo.setCurrentIndex(dialog.sector_combo.findText("business"))
    type_text(qtbot, dialog.email_edit, "M.Ivanova@Example.org")
    type_text(qtbot, dialog.phone_edit, "+7 701 555 00 00")
    dialog.language_combo.setCurrentText("kk")
    dialog.notes_edit.setPlainText("  Vegetarian  \n\nArrives on the 24th  ")
    changes = dialog.changes()
    assert changes == {
        "family_name": "Иванова",
        "given_name": "Мария",
        "organization": "Новая организация",
        "position": "Главный специалист",
        "country": "KZ",
        "sector": Sector.BUSINESS,
        "email": "m.ivanova@example.org",
        "phone": "+7 701 555 00 00",
        "language": "kk",
        "notes": "Vegetarian\n\nArrives on the 24th",
    }
    created = people.create_person(db, **changes)  # the services take it as it is
    assert created.display_name == "Иванова Мария"
    assert created.organization == "Новая организация"


def test_a_malformed_e_mail_keeps_ok_disabled_and_says_why(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    submitted: list[dict[str, object]] = []
    dialog.submit = lambda changes: submitted.append(changes) or True
    type_text(qtbot, dialog.family_name_edit, "Smith")
    type_text(qtbot, dialog.email_edit, "smith@example")
    assert not dialog.ok_button.isEnabled()
    assert "smith@example" in dialog.message_label.text()
    dialog.accept()  # e.g. Enter pressed in a field: refused all the same
    assert dialog.isVisible() and not submitted
    type_text(qtbot, dialog.email_edit, ".org")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert submitted == [{"family_name": "Smith", "email": "smith@example.org"}]


def test_editing_shows_the_person_and_returns_only_what_changed(
    qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    person = _demo_person(db, "Жаксыбекова")
    orgs = [o.name for o in people.list_organizations(db)]
    dialog = _dialog(qtbot, orgs, person)
    assert dialog.windowTitle() == "Edit Жаксыбекова Айгуль Маратовна"
    assert dialog.family_name_edit.text() == "Жаксыбекова"
    assert dialog.display_name_edit.text() == ""  # the default: it follows the names
    assert dialog.organization_combo.currentText() == "Eurasian Economic Commission"
    assert dialog.sector_combo.currentText() == "intergovernmental"
    assert dialog.language_combo.currentText() == "ru"
    assert dialog.changes() == {}
    dialog.position_edit.clear()
    type_text(qtbot, dialog.position_edit, "Minister")
    dialog.sector_combo.setCurrentIndex(0)
    assert dialog.changes() == {"position": "Minister", "sector": None}
    people.update_person(db, person.id, dialog.changes(), expected_version=None)
    stored = people.get_person(db, person.id)
    assert (stored.position, stored.sector) == ("Minister", None)
    assert stored.display_name == "Жаксыбекова Айгуль Маратовна"


def test_clearing_a_hand_made_display_name_returns_to_the_default(
    qtbot: QtBot, db: Database
) -> None:
    person = people.create_person(db, "Whitmore", "Daniel", display_name="Dr Dan Whitmore")
    dialog = _dialog(qtbot, [], person)
    assert dialog.display_name_edit.text() == "Dr Dan Whitmore"
    dialog.display_name_edit.clear()
    assert dialog.changes() == {"display_name": None}
    people.update_person(db, person.id, dialog.changes(), expected_version=None)
    assert people.get_person(db, person.id).display_name == "Daniel Whitmore"
    # the Latin name was the hand-made name's: it follows to the default too
    assert people.get_person(db, person.id).latin_name == "Daniel Whitmore"


def test_an_unchanged_edit_closes_without_submitting(
    qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    dialog = _dialog(qtbot, [], _demo_person(db, "Rossi"))
    calls: list[object] = []
    dialog.submit = lambda changes: calls.append(changes) or True
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and not calls


def test_a_refused_submit_keeps_the_dialog_open_with_its_text(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    answers = [False, True]
    dialog.submit = lambda changes: answers.pop(0)
    type_text(qtbot, dialog.family_name_edit, "Иванова")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.family_name_edit.text() == "Иванова"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


def test_the_organisation_box_completes_on_any_part_of_a_name(qtbot: QtBot) -> None:
    dialog = _dialog(
        qtbot,
        [
            "State Customs Committee",
            "World Customs Organization",
            "Евразийская экономическая комиссия",
        ],
    )
    completer = dialog.organization_combo.completer()
    completer.setCompletionPrefix("customs")
    assert completer.completionCount() == 2
    completer.setCompletionPrefix("ЭКОНОМИЧЕСКАЯ")
    assert completer.currentCompletion() == "Евразийская экономическая комиссия"


def test_the_register_box_appears_only_for_a_new_person_with_an_event(
    qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    assert _dialog(qtbot).register_check is None
    assert _dialog(qtbot, [], _demo_person(db, "Rossi"), event_name="Forum").register_check is None
    dialog = _dialog(qtbot, event_name="Forum 2027", register_by_default=False)
    assert dialog.register_check is not None
    assert dialog.register_check.text() == "Register for Forum 2027"
    assert not dialog.register_for_event()
    dialog.register_check.click()
    assert dialog.register_for_event()


class _LongRussianLabels(QTranslator):
    """Stands in for a Russian translation whose labels run three times as long."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context == "PersonDialog" and source.endswith(":"):
            return "Очень длинная русская подпись поля " + source
        return None


@pytest.fixture
def long_labels(qapp: object) -> Iterator[None]:
    translator = _LongRussianLabels()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _captions(dialog: PersonDialog) -> list[QLabel]:
    return [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]


def test_short_labels_sit_beside_their_fields(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    qtbot.waitExposed(dialog)
    captions = _captions(dialog)
    assert len(captions) == 14  # with the Latin name (issue 17) and Gender (issue 20)
    for label in captions:
        field = label.buddy()
        assert field.x() >= label.geometry().right()
        assert field.y() < label.geometry().bottom()  # on the label's line, not below it


def test_long_labels_go_above_their_fields_and_nothing_is_cut(
    qtbot: QtBot, long_labels: None
) -> None:
    dialog = _dialog(qtbot, ["World Customs Organization"])
    qtbot.waitExposed(dialog)
    captions = _captions(dialog)
    assert all(label.text().startswith("Очень длинная") for label in captions)
    assert dialog.width() <= 600  # the dialog did not grow to fit label and field side by side
    for label in captions:
        field = label.buddy()
        assert label.width() >= label.sizeHint().width(), label.text()
        assert field.y() >= label.geometry().bottom(), label.text()
        assert field.geometry().right() <= dialog.width()
        assert field.width() >= dialog.width() * 0.9  # the whole width to type in


def test_the_latin_name_follows_the_name_until_typed_by_hand(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    type_text(qtbot, dialog.family_name_edit, "Кузнецов")
    assert dialog.latin_name_edit.text() == "Kuznetsov"
    type_text(qtbot, dialog.given_name_edit, "Әлихан")
    assert dialog.latin_name_edit.text() == "Kuznetsov Alikhan"
    dialog.latin_name_edit.selectAll()
    type_text(qtbot, dialog.latin_name_edit, "Kouznetsov Alikhan")
    type_text(qtbot, dialog.patronymic_edit, "Петрович")
    assert dialog.latin_name_edit.text() == "Kouznetsov Alikhan"  # typed by hand: it stays
    assert dialog.changes()["latin_name"] == "Kouznetsov Alikhan"
    dialog.latin_name_edit.selectAll()
    qtbot.keyClick(dialog.latin_name_edit, Qt.Key.Key_Backspace)  # cleared: it follows again
    assert dialog.latin_name_edit.text() == "Kuznetsov Alikhan Petrovich"
    assert "latin_name" not in dialog.changes()  # the service makes it


def test_a_latin_name_typed_earlier_stays_in_an_edit(qtbot: QtBot, db: Database) -> None:
    person = people.create_person(db, "Щукина", "Юлия", latin_name="Shukina Julia")
    dialog = _dialog(qtbot, [], person)
    assert dialog.latin_name_edit.text() == "Shukina Julia"
    dialog.given_name_edit.end(False)
    type_text(qtbot, dialog.given_name_edit, "на")
    assert dialog.latin_name_edit.text() == "Shukina Julia"
    assert "latin_name" not in dialog.changes()
    dialog.latin_name_edit.selectAll()
    qtbot.keyClick(dialog.latin_name_edit, Qt.Key.Key_Backspace)
    assert dialog.latin_name_edit.text() == "Shchukina Iuliiana"
    people.update_person(db, person.id, dialog.changes(), expected_version=None)
    assert people.get_person(db, person.id).latin_name == "Shchukina Iuliiana"


def test_the_country_is_chosen_by_name_and_kept_as_a_code(qtbot: QtBot, db: Database) -> None:
    """The list holds every country in the window's language; a name typed in any language
    gives the code; a name that is no country is kept as typed."""
    person = people.create_person(db, "Smith", "John", country="UK")
    dialog = _dialog(qtbot, [], person)
    assert dialog.country_combo.currentText() == "United Kingdom"
    assert dialog.changes() == {}
    assert dialog.country_combo.findText("Kazakhstan") > 0
    assert dialog.country_combo.count() > 240
    for typed, stored in (("Россия", "RU"), ("Kazakhstan", "KZ"), ("Атлантида", "Атлантида")):
        dialog.country_combo.lineEdit().clear()
        type_text(qtbot, dialog.country_combo.lineEdit(), typed)
        assert dialog.changes() == {"country": stored}
    people.update_person(db, person.id, dialog.changes(), expected_version=None)
    assert people.get_person(db, person.id).country == "Атлантида"
    again = _dialog(qtbot, [], people.get_person(db, person.id), countries=["Атлантида"])
    assert again.country_combo.currentText() == "Атлантида"
    assert again.changes() == {}
