"""The window's language: the translations loaded at start-up, and Help > Language.

forumdesk is written in English; every string of the window goes through Qt's
tr()/QCoreApplication.translate, and CatalogueTranslator answers them from the one gettext
catalogue the core, the command line and the exports read too (forumdesk.core.i18n; kept by
scripts/update_catalogue.py). Qt's own qtbase_<lang>.qm, shipped with PySide6, translates Qt's
standard buttons and dialogs. English has a catalogue too: it only turns "%n session(s)" into
"1 session" / "5 sessions".

The language is a setting ("ui/language": "system", "ru", "kk" or "en"). "system" means the
system's language where forumdesk speaks it, English elsewhere. Translators are installed before
the first window is built, so a change made in Help > Language applies at the next start.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from forumdesk.core import i18n as core_i18n
from forumdesk.ui.prompts import Prompts

log = logging.getLogger(__name__)

SETTING = "ui/language"
SYSTEM, RUSSIAN, KAZAKH, ENGLISH = "system", "ru", "kk", "en"
CHOICES = (SYSTEM, RUSSIAN, KAZAKH, ENGLISH)
LANGUAGES = (RUSSIAN, KAZAKH, ENGLISH)

# What install_translators() put in place, so that remove_translators() can take it back.
_installed: list[QTranslator] = []
_locale_before: list[QLocale] = []  # the default QLocale that install_translators replaced


def _tr(text: str) -> str:
    return QCoreApplication.translate("Language", text)


def capitalized(text: str) -> str:
    """`text` with a capital first letter, for a window title.

    Undo-step names are translated to read on after "Undo" (Russian: «Отменить перемещение…»),
    so they start in lower case there; where one is also a dialog's title, it is capitalised.
    """
    return text[:1].upper() + text[1:]


class CatalogueTranslator(QTranslator):
    """Qt's translator, answered from forumdesk's gettext catalogue of one language.

    The source text is the msgid and a disambiguation the msgctxt; Qt's context (the class) is
    not part of the key. A text with %n given a number is a plural entry (msgid == msgid_plural)
    and ngettext picks the form; Qt puts the number in for %n itself. No answer (None) tells Qt
    to try the next translator and then show the source text.
    """

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        catalogue = core_i18n.translations(language)
        self._gettext = catalogue.gettext
        self._pgettext = catalogue.pgettext
        self._ngettext = catalogue.ngettext
        self._npgettext = catalogue.npgettext

    def language(self) -> str:
        return self._language

    def isEmpty(self) -> bool:  # Qt's name
        return False

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": Qt moves on to the next translator only when the answer is a null string
        if not source_text:
            return None
        if n >= 0 and "%n" in source_text:
            if disambiguation:
                found = self._npgettext(disambiguation, source_text, source_text, n)
            else:
                found = self._ngettext(source_text, source_text, n)
        elif disambiguation:
            found = self._pgettext(disambiguation, source_text)
        else:
            found = self._gettext(source_text)
        return None if found == source_text else found


def language_choice(settings: QSettings | None = None) -> str:
    """The saved choice: "system", "ru", "kk" or "en" (anything else reads as "system")."""
    value = (settings or QSettings()).value(SETTING, SYSTEM)
    return value if value in CHOICES else SYSTEM


def save_language_choice(choice: str, settings: QSettings | None = None) -> None:
    if choice not in CHOICES:
        raise ValueError(f"unknown language choice {choice!r}")
    target = settings or QSettings()
    target.setValue(SETTING, choice)
    target.sync()


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means on this system: "ru", "kk" or "en"."""
    if choice in LANGUAGES:
        return choice
    system = system if system is not None else QLocale.system()
    # the user's preferred UI languages in order; the first one forumdesk has decides
    for name in [*system.uiLanguages(), system.name()]:
        found = name.replace("_", "-").split("-")[0].lower()
        if found in LANGUAGES:
            return found
    return ENGLISH


def install_translators(language: str | None = None) -> str:
    """Install forumdesk's and Qt's translators for `language` (default: the saved choice).

    Call it after the application's organisation and name are set (the setting lives in their
    QSettings) and before any window is built. Returns the language installed, "ru", "kk" or
    "en". The Qt-free core's messages (refusals, import reports) follow the same language.
    """
    remove_translators()
    resolved = resolve_language(language if language is not None else language_choice())
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QApplication")
    ours = CatalogueTranslator(resolved, app)
    app.installTranslator(ours)
    _installed.append(ours)
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    path = qt_dir / f"qtbase_{resolved}.qm"
    if path.exists():
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s could not be loaded", path)
            translator.deleteLater()
    elif resolved != ENGLISH:
        log.warning("Qt's own translation %s is missing", path)
    core_i18n.set_language(resolved)
    # Day and month names follow the window's language where it differs from the system's
    # (a system without a locale, "C", speaks English).
    system = QLocale.system()
    spoken = ENGLISH if system.language() == QLocale.Language.C else system.name().split("_")[0]
    if spoken != resolved:
        _locale_before.append(QLocale())
        QLocale.setDefault(QLocale(resolved))
    return resolved


def remove_translators() -> None:
    """Take back what install_translators() installed (tests, and a second run_gui)."""
    core_i18n.set_language(core_i18n.ENGLISH)
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()
    if _locale_before:
        QLocale.setDefault(_locale_before.pop())


def installed_language() -> str | None:
    """The language of the installed forumdesk translator, or None."""
    for translator in _installed:
        if isinstance(translator, CatalogueTranslator):
            return translator.language()
    return None


# --- Help > Language ---------------------------------------------------------------------------


def choose_language(parent: QWidget, prompts: Prompts, choice: str) -> None:
    """Save the choice and say that it applies at the next start."""
    if choice == language_choice():
        return
    save_language_choice(choice)
    prompts.information(
        parent, _tr("Language"), _tr("The new language is used the next time forumdesk starts.")
    )


def language_menu(parent: QWidget, prompts: Prompts) -> QMenu:
    """Help > Language: Русский, Қазақша, English, or as the system, the saved choice checked."""
    menu = QMenu(_tr("&Language"), parent)
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = language_choice()
    # Each language is named in itself, so that it can be found whatever the window speaks.
    for choice, text in (
        (RUSSIAN, "&Русский"),
        (KAZAKH, "&Қазақша"),
        (ENGLISH, "&English"),
        (SYSTEM, _tr("As the &system")),
    ):
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(choice == current)
        action.setData(choice)
        action.triggered.connect(
            lambda _checked=False, c=choice: choose_language(parent, prompts, c)
        )
        group.addAction(action)
        menu.addAction(action)
    return menu
