"""Which 8-bit encoding a CSV file was written in (cp1251, cp1252, KOI8-R, Greek...).

Every byte of an 8-bit file decodes in almost every 8-bit encoding, so "it decodes" proves
nothing: a Latin-1 «Hélène» reads in cp1251 as «Hйlиne» without an error. The candidates are
ranked by charset-normalizer and then judged by the letters each reading gives: a word that mixes
Latin and Cyrillic letters («Mьller»), a capital in the middle of a word («иВАНОВ», what KOI8-R
read as cp1251 gives), a Cyrillic or Greek text whose commonest letters are not the language's
commonest, a Latin word made only of accented letters («Èâàíîâ», Cyrillic read as cp1252), a
symbol stuck to letters («Ï¸òð») are what a wrong reading looks like. When one reading is
plausible it is used; when more than one is and they differ, AmbiguousEncodingError names them
so the user chooses (the wizard with a preview, the command line with --encoding).

Only the first SAMPLE_BYTES of a file are looked at.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from forumdesk.core.i18n import _
from forumdesk.io.raw_table import ImportFileError

SAMPLE_BYTES = 256 * 1024
# charset-normalizer is given less: it is thorough, and a quarter of a megabyte is plenty
_RANKING_BYTES = 64 * 1024

# In order of preference when two read the same: what Russian, Western and Greek Excel write
# first, the ISO and DOS/Mac ones after.
CANDIDATES = (
    "cp1251",
    "cp1252",
    "iso-8859-15",
    "iso-8859-1",
    "koi8-r",
    "cp1253",
    "iso-8859-7",
    "cp866",
    "mac-cyrillic",
)
# DOS and Mac Cyrillic are seldom seen now: offered only when none of the others reads well
_LEGACY = frozenset({"cp866", "mac-cyrillic"})
# a reading with more than this share of implausible words is not plausible
_BAD_SHARE = 0.1
_PREVIEW_LINES = 8
_MOST_CANDIDATES = 4

# the commonest letters of Russian (and, near enough, Kazakh) and of Greek text
_COMMON_CYRILLIC = frozenset("оеаинтсрвл")
_COMMON_GREEK = frozenset("αοιετσνηυρ")
_COMMON_SHARE = 0.4
_LETTERS_FOR_FREQUENCY = 60
# letters a forum's names and organisations are written in; anything else in a word is odd
_USUAL_LATIN = frozenset("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžčćđłńśźżőűăâîşţğıąęėįųūāēīņļķģ")
_USUAL_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіїєґў")
# typography that 8-bit files carry between words, not inside them
_TYPOGRAPHY = frozenset("«»–—№…‘’‚“”„°\u00a0\u00ad")
_USUAL_GREEK = frozenset("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋ")
# signs a table may hold on their own, between spaces or beside digits
_USUAL_SIGNS = _TYPOGRAPHY | frozenset("€£¥¢§±©®™×÷·•¹²³½¼¾µ")
_TOKEN = re.compile(r"[^\s;,|\"'\t()\[\]{}<>/\\:.!?=+*&%$#@^~`0-9-]+")
# C1 controls; C0 ones (a vertical tab Excel leaves in a cell) are the same in every reading
_C1_CONTROL = re.compile(r"[\x80-\x9f]")


class AmbiguousEncodingError(ImportFileError):
    """The file reads sensibly in more than one encoding: the user has to say which.

    `candidates` holds the encodings, likeliest first, and `previews` the first lines of the file
    as each of them reads it.
    """

    def __init__(self, name: str, candidates: list[str], previews: dict[str, str]) -> None:
        super().__init__(
            _(
                "{file} could be in {encodings}: its letters read sensibly in each. "
                "Say which with --encoding (e.g. --encoding {first})."
            ).format(file=name, encodings=", ".join(candidates), first=candidates[0])
        )
        self.candidates = candidates
        self.previews = previews

    def samples(self, width: int = 70) -> dict[str, str]:
        """For each candidate, the first line with letters beyond ASCII, as it reads it."""
        found: dict[str, str] = {}
        lines = {e: text.splitlines() for e, text in self.previews.items()}
        first = self.candidates[0]
        index = next((i for i, line in enumerate(lines[first]) if not line.isascii()), 0)
        for encoding in self.candidates:
            line = lines[encoding][index] if index < len(lines[encoding]) else ""
            found[encoding] = line if len(line) <= width else line[: width - 1] + "…"
        return found


@dataclass(frozen=True, slots=True)
class _Reading:
    encoding: str
    text: str
    bad: int  # implausible words
    words: int  # words with a letter beyond ASCII

    @property
    def plausible(self) -> bool:
        return self.bad <= self.words * _BAD_SHARE

    @property
    def share_bad(self) -> float:
        return self.bad / max(self.words, 1)


def detect_8bit_encoding(data: bytes, name: str) -> str:
    """The encoding of 8-bit (not UTF) text; AmbiguousEncodingError when two are plausible."""
    sample = data[:SAMPLE_BYTES]
    readings = [r for r in (_read(sample, e) for e in _ranked(sample)) if r is not None]
    if not readings:
        return "cp1251"  # every byte but 0x98 maps; the caller reports what does not
    plausible = [r for r in readings if r.plausible and r.encoding not in _LEGACY]
    if not plausible:
        plausible = [r for r in readings if r.plausible]
    if not plausible:  # none reads well: the least bad ones, and let the user look
        least = min(r.share_bad for r in readings)
        plausible = [r for r in readings if r.share_bad <= least + _BAD_SHARE]
    distinct: list[_Reading] = []
    for reading in plausible:
        if all(reading.text != other.text for other in distinct):
            distinct.append(reading)
    if len(distinct) == 1:
        return distinct[0].encoding
    candidates = [r.encoding for r in distinct][:_MOST_CANDIDATES]
    raise AmbiguousEncodingError(name, candidates, {e: preview_text(sample, e) for e in candidates})


def preview_text(data: bytes, encoding: str) -> str:
    """The first lines of `data` read in `encoding`, undecodable bytes shown as �."""
    head = data[:8192]
    lines = head.decode(encoding, errors="replace").splitlines()
    return "\n".join(lines[:_PREVIEW_LINES])


def _ranked(sample: bytes) -> list[str]:
    """The candidates, charset-normalizer's likeliest first, then the rest in our order."""
    from charset_normalizer import from_bytes

    ranked: list[str] = []
    for match in from_bytes(sample[:_RANKING_BYTES], cp_isolation=list(CANDIDATES)):
        for candidate in CANDIDATES:
            if _same_codec(candidate, match.encoding) and candidate not in ranked:
                ranked.append(candidate)
    return ranked + [c for c in CANDIDATES if c not in ranked]


def _same_codec(first: str, second: str) -> bool:
    import codecs

    return codecs.lookup(first).name == codecs.lookup(second).name


def _read(sample: bytes, encoding: str) -> _Reading | None:
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _C1_CONTROL.search(text):  # C1 controls: ISO-8859 reading what is Windows's 0x80-0x9F
        return None
    bad = words = 0
    counts = {"CYRILLIC": 0, "GREEK": 0}
    common = {"CYRILLIC": 0, "GREEK": 0}
    # lists repeat their cities, organisations and names: each distinct word is judged once
    tokens = Counter(t for t in _TOKEN.findall(text) if not t.isascii())
    for token, times in tokens.items():
        words += times
        if not any(c.isalpha() for c in token):
            # signs on their own: «€» is usual, «─» (KOI8-R reading cp1252's «€») is not
            if any(not c.isascii() and c not in _USUAL_SIGNS for c in token):
                bad += times
            continue
        if _odd_word(token):
            bad += times
        for char in token.lower():
            script, is_common = _letter(char)
            if script in counts:
                counts[script] += times
                common[script] += times * is_common
    for script, count in counts.items():
        # a text of many letters whose commonest are not the language's is a wrong reading
        if count >= _LETTERS_FOR_FREQUENCY and common[script] < count * _COMMON_SHARE:
            bad = max(bad, words)
    return _Reading(encoding, text, bad, words)


@functools.cache
def _letter(char: str) -> tuple[str, bool]:
    """The script of a (lower-case) character, and whether it is among its commonest."""
    base = unicodedata.normalize("NFD", char)[0]
    return _script(char), base in _COMMON_CYRILLIC or base in _COMMON_GREEK


@functools.cache
def _script(char: str) -> str:
    if char.isascii():
        return "LATIN" if char.isalpha() else ""
    if not char.isalpha():
        return ""
    word = unicodedata.name(char, "").split(" ", 1)[0]
    return word if word in ("LATIN", "CYRILLIC", "GREEK") else "OTHER"


def _odd_word(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    if any(not c.isalpha() and c not in _TYPOGRAPHY for c in token):
        return True  # a symbol stuck to letters: «Ï¸òð», «Ñåðãååâè÷»
    scripts = {_script(c) for c in letters}
    scripts.discard("")
    if len(scripts) != 1 or "OTHER" in scripts:
        return True  # «Mьller», «Hйlиne»: Latin and Cyrillic in one word
    script = scripts.pop()
    for previous, char in itertools.pairwise(letters):
        if previous.islower() and char.isupper():
            return True  # «иВАНОВ»: KOI8-R read as cp1251, and the reverse
    lower = [c.lower() for c in letters]
    if script == "LATIN":
        accented = [c for c in lower if not c.isascii()]
        if any(c not in _USUAL_LATIN for c in accented):
            return True  # «ð», «þ», «ª»: Cyrillic read as cp1252 gives these
        if len(letters) >= 3 and len(accented) * 2 > len(letters):
            return True  # «Èâàíîâ»: a Western word is mostly plain letters
    elif script == "CYRILLIC":
        if any(c not in _USUAL_CYRILLIC for c in lower):
            return True  # «Ђ», «Љ»: what cp1251 makes of DOS or Mac Cyrillic
    elif script == "GREEK":
        if any(c not in _USUAL_GREEK for c in lower):
            return True
        if "ς" in lower[:-1]:
            return True  # a final sigma inside a word: Russian «т» read as Greek
    return False
