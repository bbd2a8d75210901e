"""The core's language: messages from services, readers and the database, without Qt.

The window is translated with Qt's tr(); the Qt-free core (services, io, db, scheduling, config)
cannot use it, yet its refusals and import reports reach the staff as they are, through str(exc)
and the import summary. So the core marks its user-facing texts the gettext way:

    from forumdesk.core.i18n import _, ngettext
    raise ValidationError(_("The code {code} is already used by the session «{title}».")
                          .format(code=code, title=title))
    ngettext("the event lasts {days} day", "the event lasts {days} days", days).format(days=days)

The literal goes inside _() with named placeholders, and formatting happens after it, so that
scripts/update_core_translations.py can read every message from the code (with `ast`) into
resources/translations/forumdesk_core_ru.po, whose compiled .mo is what set_language("ru") loads.
English is the source text itself: it needs no catalogue. A label held in data (a vocabulary
value, a field's name in a table built at import time) is marked with N_() where it is written
and translated with gettext() where it is shown.

The language is one for the whole process: the window sets it with its own (ui/i18n.py), the
command line starts in English unless FORUMDESK_LANG=ru is set. A lookup is a dictionary's, so
messages built for each bad row of a long import cost next to nothing.
"""

from __future__ import annotations

import gettext as _gettext
import logging
import os
from collections.abc import Callable
from pathlib import Path

from forumdesk.core.resources import resource_path

log = logging.getLogger(__name__)

DOMAIN = "forumdesk_core"
ENGLISH, RUSSIAN = "en", "ru"
LANGUAGES = (ENGLISH, RUSSIAN)
ENV_VAR = "FORUMDESK_LANG"

_english = _gettext.NullTranslations()
_loaded: dict[str, _gettext.NullTranslations] = {ENGLISH: _english}
_language = ENGLISH
# The current catalogue's own lookups, rebound by set_language (one assignment: thread-safe).
_lookup: Callable[[str], str] = _english.gettext
_plural_lookup: Callable[[str, str, int], str] = _english.ngettext


def catalogue_path(language: str) -> Path:
    """The compiled catalogue (.mo) of `language`, shipped in resources/translations/."""
    return resource_path("translations", f"{DOMAIN}_{language}.mo")


def _load(language: str) -> _gettext.NullTranslations | None:
    if language not in _loaded:
        try:
            with catalogue_path(language).open("rb") as handle:
                _loaded[language] = _gettext.GNUTranslations(handle)
        except (OSError, ValueError) as exc:  # missing, or not a .mo file
            log.warning("the %s messages cannot be loaded: %s", language, exc)
            return None
    return _loaded[language]


def set_language(language: str) -> str:
    """Speak `language` ("ru" or "en") from now on; returns the language now in effect.

    A language without a catalogue (a broken installation) leaves the messages in English.
    """
    global _language, _lookup, _plural_lookup
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; forumdesk speaks {LANGUAGES}")
    translations = _load(language)
    if translations is None:
        language, translations = ENGLISH, _english
    _lookup, _plural_lookup = translations.gettext, translations.ngettext
    _language = language
    return language


def language() -> str:
    """The language messages are written in now: "ru" or "en"."""
    return _language


def language_from_environment(value: str | None = None) -> str:
    """The language FORUMDESK_LANG asks for ("ru", "ru_RU.UTF-8", "en"...); English otherwise."""
    value = os.environ.get(ENV_VAR, "") if value is None else value
    code = value.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else ENGLISH


def _(message: str) -> str:
    """`message` (a literal, with named placeholders) in the current language."""
    return _lookup(message)


def gettext(message: str) -> str:
    """A text held in data, marked with N_() where it was written, in the current language."""
    return _lookup(message)


def gettext_in(language: str, message: str) -> str:
    """A text marked with N_(), in `language` whatever the process speaks (a letter to a person
    in their own language); English for a language forumdesk has no catalogue for."""
    translations = _load(language) if language in LANGUAGES else None
    return (translations or _english).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number `n` (Russian has three: 1, 3 and 5 differ)."""
    return _plural_lookup(singular, plural, n)


def foreign_detail(detail: str) -> str:
    """ " (detail)" to end a message with a library's or the system's own words, which are
    English: shown only while messages are in English, so that a Russian message never has
    English inside it (the caller logs the detail for the log file)."""
    return f" ({detail})" if detail and _language == ENGLISH else ""


def N_(message: str) -> str:
    """Mark a literal for translation without translating it yet (see gettext())."""
    return message


# The command line speaks English unless told otherwise; the window sets its own language.
if language_from_environment() != ENGLISH:
    set_language(language_from_environment())
