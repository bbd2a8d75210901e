"""People's names in Latin letters, as a passport or a badge writes them, and Latin search keys.

Russia's and Kazakhstan's passports follow ICAO Doc 9303 (Russia by the order of the FMS of
2014, Kazakhstan by its Ministry of Internal Affairs' rules for documents). The `iuliia` library
ships that scheme for the Russian alphabet (`iuliia.ICAO_DOC_9303`: Кузнецов -> Kuznetsov,
Щукин -> Shchukin, Юлия -> Iuliia). It leaves the nine Kazakh letters as they are, so they are
added here from Kazakhstan's passport table, which writes each as the plain Latin letter ICAO's
machine-readable zone allows (the MRZ has no diacritics):

    Ә -> A   Ғ -> G   Қ -> K   Ң -> N   Ө -> O   Ұ -> U   Ү -> U   Һ -> H   І -> I

(so Әлихан Қасымұлы -> Alikhan Kasymuly, as on a Kazakh passport). Nothing else of the scheme
changes. The scheme maps each letter on its own, with no rule that looks at a neighbour or a
word ending; search keys use that to transliterate 50,000 rows with one `str.translate`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from pathlib import Path

from forumdesk.core.memo import Memo

# Kazakhstan's passport table for the letters the Russian alphabet lacks (see above)
KAZAKH_LETTERS: dict[str, str] = {
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"[\u0400-\u04FF]+")


@functools.cache
def scheme_letters() -> dict[str, str]:
    """ICAO Doc 9303 as iuliia ships it, with Kazakhstan's nine letters: lower case to lower."""
    import iuliia

    path = Path(iuliia.ICAO_DOC_9303.path)
    scheme = json.loads(path.read_text(encoding="utf-8"))
    # Letter by letter only: a scheme with context rules could not be a translate table.
    for contextual in ("prev_mapping", "next_mapping", "ending_mapping"):
        if scheme.get(contextual):
            raise RuntimeError(f"iuliia's ICAO Doc 9303 now has a {contextual}")
    return {**scheme["mapping"], **KAZAKH_LETTERS}


@functools.cache
def _table() -> dict[int, str]:
    """The scheme as a translate table, with capitals as iuliia writes them (Ж -> Zh)."""
    letters = scheme_letters()
    return str.maketrans(
        {**letters, **{key.upper(): value.capitalize() for key, value in letters.items()}}
    )


@functools.cache
def _folded_table() -> dict[int, str]:
    return str.maketrans(scheme_letters())


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def latin_name(name: str | None) -> str | None:
    """`name` in Latin letters by the passport scheme; Latin text is returned as it is.

    The same letters as iuliia's own `translate` (a test holds them to it), through
    `str.translate`, ten times faster. A word written in capitals stays in capitals
    (КУЗНЕЦОВ -> KUZNETSOV, where iuliia gives KuZNETSOV). The scheme maps letter by letter and
    capitals are judged word by word, so a name is the Latin of its words, each transliterated
    once and remembered: an import of 20,000 attendees names them with a few hundred words.
    """
    if not name:
        return None
    if _CYRILLIC.search(name) is None:
        return name
    return " ".join([_LATIN_WORDS[word] for word in name.split(" ")])


def latin_name_of_parts(parts: Sequence[str]) -> str | None:
    """latin_name(" ".join(parts)) for non-empty `parts`: the Latin of each part, joined (the
    scheme goes word by word), each part's remembered: family and given names repeat."""
    if not parts:
        return None
    return " ".join([_LATIN_PARTS[part] for part in parts])


def _latin_word(name: str) -> str:
    """latin_name of text without spaces: each run of Cyrillic letters in Latin ones, in
    capitals where the run is two or more letters in capitals."""
    return _WORD.sub(_latin_run, name)


_LATIN_WORDS = Memo(_latin_word)
_LATIN_PARTS = Memo(lambda part: latin_name(part) or "")


def _latin_run(found: re.Match[str]) -> str:
    text = found.group()
    latin = text.translate(_table())
    return latin.upper() if len(text) > 1 and text.isupper() else latin


def latin_folded(folded: str) -> str:
    """A folded (lower-case) text with its Cyrillic letters in Latin, for search keys and words.

    Fast: one `str.translate`; "кузнецов" -> "kuznetsov", "smith" stays "smith".
    """
    return folded.translate(_folded_table())
