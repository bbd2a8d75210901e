"""Alphabetical order of names as a Russian or an English list has it, without ICU.

The lists forumdesk prints mix Cyrillic and Latin family names. Python's own order (by code
point) puts Latin before Cyrillic, Ё after Я, "Özil" after "Zhou" and "de Vries" after "Young".
`name_key` gives the order a reader of the sheet's language expects: that language's alphabet
first, the other after it; Ё filed with Е (and after it where the names otherwise tie), Latin
letters with accents among the plain ones; case ignored. PyICU would do this with the CLDR
tables, but it needs a compiled ICU on every office workstation; Babel formats but does not sort.

`initial` is the letter a list's heading shows for a name: "Ё" comes under "Е", "Ö" under "O".
"""

from __future__ import annotations

import functools
import unicodedata

from forumdesk.io.agenda_labels import Lang

_CYRILLIC, _LATIN, _OTHER = "cyrillic", "latin", "other"
# Which script comes first in each language's lists.
_SCRIPT_ORDER: dict[str, tuple[str, ...]] = {
    "ru": (_CYRILLIC, _LATIN, _OTHER),
    "kk": (_CYRILLIC, _LATIN, _OTHER),
    "en": (_LATIN, _CYRILLIC, _OTHER),
}


@functools.cache
def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return _CYRILLIC
    if name.startswith("LATIN"):
        return _LATIN
    return _OTHER


@functools.cache
def _primary_char(char: str) -> str:
    """A letter without case and, for Latin letters, without accents; ё as е."""
    folded = char.casefold()
    if folded == "ё":
        return "е"
    if _script(char) == _LATIN:
        base = unicodedata.normalize("NFKD", folded)
        stripped = "".join(c for c in base if not unicodedata.combining(c))
        return stripped or folded
    return folded


def _letters(text: str) -> str:
    """The letters and digits of `text`: spaces, hyphens and apostrophes do not sort."""
    return "".join(c for c in text if c.isalnum())


def _first_script(text: str) -> str:
    for char in text:
        if char.isalpha():
            return _script(char)
    return _OTHER


def name_key(text: str, lang: Lang) -> tuple[int, str, str]:
    """A sort key for `text` in a list written in `lang` (see the module's docstring)."""
    letters = _letters(text)
    order = _SCRIPT_ORDER.get(lang, _SCRIPT_ORDER["en"])
    rank = order.index(_first_script(letters))
    primary = "".join(_primary_char(c) for c in letters)
    # Names that tie without accents and case still come in a fixed order: е before ё.
    return rank, primary, letters.casefold()


def initial(text: str) -> str:
    """The heading letter a name is listed under: "Ёлкина" under "Е", "Özil" under "O"."""
    for char in text:
        if char.isalpha():
            return _primary_char(char).upper()
    return "#"
