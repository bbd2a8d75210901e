"""The window in Russian, Kazakh and English: the catalogue's translator loaded, chosen, removed.

The window is built with a language's translator installed (forumdesk's CatalogueTranslator over
the one gettext catalogue, and Qt's qtbase_*.qm) and read back; the catalogue itself is checked
in tests/test_catalogue.py. Every test that installs a translator takes it away again: the rest
of the suite asserts English text.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from forumdesk import app
from forumdesk.config import APP_AUTHOR, APP_NAME
from forumdesk.db.engine import Database
from forumdesk.services import events, sessions
from forumdesk.ui import i18n
from forumdesk.ui.context import SESSIONS
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def translated() -> Iterator[None]:
    """Install a language's translators for one test, and always take them away."""
    yield
    i18n.remove_translators()


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


# --- the window in Russian ----------------------------------------------------------------------


def _menu_mnemonics(menu: QMenu) -> list[str]:
    letters = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = _mnemonic(action.text())
        if letter:
            letters.append(letter)
        if isinstance(action.menu(), QMenu):
            sub = action.menu()
            assert isinstance(sub, QMenu)
            sub_letters = _menu_mnemonics(sub)
            assert len(sub_letters) == len(set(sub_letters)), sub.title()
    return letters


def _unscheduled_window(qtbot: QtBot, db: Database, count: int) -> MainWindow:
    event = events.create_event(db, "Форум 2027", "2027-05-12", "2027-05-13")
    for number in range(count):
        sessions.create_session(db, event.id, f"Сессия {number + 1}", code=f"S{number + 1}")
    window = MainWindow(db)
    qtbot.addWidget(window)
    return window


def test_the_main_window_speaks_russian(qtbot: QtBot, db: Database, translated: None) -> None:
    assert i18n.install_translators("ru") == "ru"
    window = _unscheduled_window(qtbot, db, 1)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Файл", "&Правка", "С&ессия", "&Вид", "&Справка"]
    assert window.tabs.tabText(0) == "&Расписание"
    assert window.import_actions.import_attendees_action.text() == "&Импорт участников…"
    assert window.export_actions.export_agenda_action.text() == "&Экспорт программы…"
    # one mnemonic per letter: in the menu bar with the tabs, and within every menu
    bar_letters = [_mnemonic(t) for t in titles] + [
        _mnemonic(window.tabs.tabText(i)) for i in range(window.tabs.count())
    ]
    assert len(bar_letters) == len(set(bar_letters))
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        letters = _menu_mnemonics(menu)
        assert len(letters) == len(set(letters)), action.text()

    dock = window.unscheduled_dock
    assert dock.count_label.text() == "Разместить: 1 сессию"
    event_id = window.ctx.event_id
    assert event_id is not None
    for code, wanted in (("T", "Разместить: 3 сессии"), ("U", "Разместить: 5 сессий")):
        for number in range(2):
            sessions.create_session(db, event_id, f"Ещё {code}{number}", code=f"{code}{number}")
        window.ctx.notify({SESSIONS})
        assert dock.count_label.text() == wanted
    # Qt's own dialogs and buttons come from qtbase_ru.qm; day names follow the language
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    assert QLocale().language() == QLocale.Language.Russian


def test_in_english_the_plurals_read_as_english(
    qtbot: QtBot, db: Database, translated: None
) -> None:
    assert i18n.install_translators("en") == "en"
    window = _unscheduled_window(qtbot, db, 1)
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.unscheduled_dock.count_label.text() == "1 session to place"
    event_id = window.ctx.event_id
    assert event_id is not None
    for number in range(4):
        sessions.create_session(db, event_id, f"More {number}", code=f"M{number}")
    window.ctx.notify({SESSIONS})
    assert window.unscheduled_dock.count_label.text() == "5 sessions to place"


def test_removing_the_translators_brings_back_the_source_text(translated: None) -> None:
    default_locale = QLocale().name()
    i18n.install_translators("ru")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
    assert i18n.installed_language() == "ru"
    i18n.remove_translators()
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.installed_language() is None
    assert QLocale().name() == default_locale


# --- choosing the language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        ("system", "ru_RU", "ru"),
        ("system", "kk_KZ", "kk"),
        ("system", "ru_KZ", "ru"),
        ("system", "en_US", "en"),
        ("system", "de_DE", "en"),
        ("en", "ru_RU", "en"),
        ("ru", "en_GB", "ru"),
        ("kk", "ru_RU", "kk"),
    ],
)
def test_the_language_follows_the_setting_then_the_system(
    choice: str, system: str, expected: str
) -> None:
    assert i18n.resolve_language(choice, QLocale(system)) == expected


def test_the_saved_setting_decides_what_is_installed(translated: None) -> None:
    assert i18n.language_choice() == "system"  # nothing saved yet
    QSettings().setValue(i18n.SETTING, "nonsense")
    assert i18n.language_choice() == "system"
    i18n.save_language_choice("ru")
    assert QSettings().value(i18n.SETTING) == "ru"
    assert i18n.install_translators() == "ru"
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Справка"
    i18n.save_language_choice("en")
    assert i18n.install_translators() == "en"  # installing again replaces, never stacks
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"
    with pytest.raises(ValueError, match="klingon"):
        i18n.save_language_choice("klingon")


def test_help_language_saves_the_choice_and_says_when_it_applies(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    menu = window.language_menu
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu) and menu.menuAction() in help_menu.actions()
    choices = {a.data(): a for a in menu.actions()}
    assert [a.text() for a in menu.actions()] == [
        "&Русский",
        "&Қазақша",
        "&English",
        "As the &system",
    ]
    assert choices["system"].isChecked()
    choices["ru"].trigger()
    assert QSettings().value(i18n.SETTING) == "ru"
    assert choices["ru"].isChecked() and not choices["system"].isChecked()
    [told] = prompts.shown
    assert told.kind == "information" and told.parent is window
    assert (told.title, told.text) == (
        "Language",
        "The new language is used the next time forumdesk starts.",
    )
    choices["ru"].trigger()  # the same choice again: nothing to say
    assert len(prompts.shown) == 1
    choices["system"].trigger()
    assert QSettings().value(i18n.SETTING) == "system" and len(prompts.shown) == 2


def test_run_gui_starts_in_the_saved_language_and_cleans_up(
    tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    # run_gui reads the application's own settings (organisation and name of forumdesk)
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME).setValue(
        i18n.SETTING, "ru"
    )
    broken = tmp_path / "notes.sqlite3"
    broken.write_text("not a database", encoding="utf-8")
    previous_hook, previous_handlers = sys.excepthook, list(logging.getLogger().handlers)
    try:
        assert app.run_gui(str(broken), prompts=prompts) == 1
    finally:
        sys.excepthook = previous_hook
        for handler in set(logging.getLogger().handlers) - set(previous_handlers):
            logging.getLogger().removeHandler(handler)
            handler.close()
        QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME
        ).clear()
    [shown] = prompts.of_kind("critical")
    assert shown.text.startswith("Не удаётся открыть базу данных.")
    # and the translators went with it: the rest of the process speaks English again
    assert i18n.installed_language() is None
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_a_window_title_made_from_an_undo_step_is_capitalised() -> None:
    assert i18n.capitalized("удаление: Иванов") == "Удаление: Иванов"
    assert i18n.capitalized("") == ""


def test_the_main_window_speaks_kazakh(qtbot: QtBot, db: Database, translated: None) -> None:
    assert i18n.install_translators("kk") == "kk"
    window = _unscheduled_window(qtbot, db, 1)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Файл", "&Өңдеу", "&Сессия", "&Көрініс", "&Анықтама"]
    assert window.tabs.tabText(0) == "К&есте"
    # one mnemonic per letter in the menu bar with the tabs, and within every menu
    bar_letters = [_mnemonic(t) for t in titles] + [
        _mnemonic(window.tabs.tabText(i)) for i in range(window.tabs.count())
    ]
    assert len(bar_letters) == len(set(bar_letters))
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        letters = _menu_mnemonics(menu)
        assert len(letters) == len(set(letters)), action.text()
    assert window.unscheduled_dock.count_label.text() == "Орналастыру: 1 сессия"
    # Qt's own buttons come from the qtbase_kk.qm PySide6 ships; the core speaks Kazakh too
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Бас тарту"
    from forumdesk.core import i18n as core_i18n

    assert core_i18n.language() == "kk"
    assert core_i18n.gettext("moderator") == "модератор"
