"""The one catalogue: every message of forumdesk, for the window, the core, the command line and
the exports, in each language, read with the standard library's gettext.

resources/translations/<lang>/LC_MESSAGES/forumdesk.po holds one language's translations (kept
with Babel by scripts/update_catalogue.py: extract, update, compile, check) and forumdesk.mo is
what this module loads. English is the source text itself; its catalogue holds only the plural
forms ("%n session(s)" -> "1 session" / "5 sessions").

The Qt-free code marks its texts the gettext way:

    from forumdesk.core.i18n import _, ngettext
    raise ValidationError(_("The code {code} is already used by the session «{title}».")
                          .format(code=code, title=title))
    ngettext("the event lasts {days} day", "the event lasts {days} days", days).format(days=days)

The literal goes inside _() with named placeholders, and formatting happens after it, so that
Babel can read every message from the code. A label held in data (a vocabulary value, a field's
name in a table built at import time) is marked with N_() where it is written and translated with
gettext() where it is shown. The window keeps Qt's tr(): ui/i18n.py installs a QTranslator that
looks its texts up in this same catalogue.

The language is one for the whole process: the window sets it with its own (ui/i18n.py), the
command line starts in English unless FORUMDESK_LANG=ru (or kk) is set. An export chooses its own
language whatever the process speaks: translations(lang) gives that language's catalogue. A
lookup is a dictionary's, so messages built for each bad row of a long import cost next to nothing.
"""

from __future__ import annotations

import gettext as _gettext
import logging
import os
from collections.abc import Callable
from pathlib import Path

from forumdesk.core.resources import resource_path

log = logging.getLogger(__name__)

DOMAIN = "forumdesk"
ENGLISH, RUSSIAN, KAZAKH = "en", "ru", "kk"
LANGUAGES = (ENGLISH, RUSSIAN, KAZAKH)
ENV_VAR = "FORUMDESK_LANG"

_english = _gettext.NullTranslations()
_loaded: dict[str, _gettext.NullTranslations] = {}
_language = ENGLISH
# The current catalogue's own lookups, rebound by set_language (one assignment: thread-safe).
_lookup: Callable[[str], str] = _english.gettext
_plural_lookup: Callable[[str, str, int], str] = _english.ngettext
_context_lookup: Callable[[str, str], str] = _english.pgettext


def catalogue_path(language: str) -> Path:
    """The compiled catalogue (.mo) of `language`, shipped in resources/translations/."""
    return resource_path("translations", language, "LC_MESSAGES", f"{DOMAIN}.mo")


def _load(language: str) -> _gettext.NullTranslations | None:
    if language not in _loaded:
        try:
            with catalogue_path(language).open("rb") as handle:
                _loaded[language] = _gettext.GNUTranslations(handle)
        except (OSError, ValueError) as exc:  # missing, or not a .mo file
            log.warning("the %s messages cannot be loaded: %s", language, exc)
            return None
    return _loaded[language]


def translations(language: str) -> _gettext.NullTranslations:
    """The catalogue of `language` (loaded once, then kept): for an export in its own language.

    A language forumdesk has no catalogue for, or a broken installation, reads as English.
    """
    if language not in LANGUAGES:
        return _english
    return _load(language) or _english


def set_language(language: str) -> str:
    """Speak `language` ("en", "ru" or "kk") from now on; returns the language now in effect.

    A language without a catalogue (a broken installation) leaves the messages in English.
    """
    global _language, _lookup, _plural_lookup, _context_lookup
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; forumdesk speaks {LANGUAGES}")
    catalogue = _load(language)
    if catalogue is None:
        language, catalogue = ENGLISH, _english
    _lookup, _plural_lookup = catalogue.gettext, catalogue.ngettext
    _context_lookup = catalogue.pgettext
    _language = language
    return language


def language() -> str:
    """The language messages are written in now: "en", "ru" or "kk"."""
    return _language


def language_from_environment(value: str | None = None) -> str:
    """The language FORUMDESK_LANG asks for ("ru", "kk_KZ.UTF-8", "en"...); English otherwise."""
    value = os.environ.get(ENV_VAR, "") if value is None else value
    code = value.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else ENGLISH


def _(message: str) -> str:
    """`message` (a literal, with named placeholders) in the current language."""
    return _lookup(message)


def gettext(message: str) -> str:
    """A text held in data, marked with N_() where it was written, in the current language."""
    return _lookup(message)


def pgettext(context: str, message: str) -> str:
    """`message` as it reads in `context` (the same English word translated two ways)."""
    return _context_lookup(context, message)


def gettext_in(language: str, message: str) -> str:
    """A text marked with N_(), in `language` whatever the process speaks (a letter to a person
    in their own language); English for a language forumdesk has no catalogue for."""
    return translations(language).gettext(message)


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
