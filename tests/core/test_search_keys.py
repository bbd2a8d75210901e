"""A person's search key finds exactly what the whole of their names and contacts would find.

The key keeps each value's words once, in Latin letters, and leaves out what repeats; these tests
hold it to the plain rule it replaces: a search word is found when it lies inside the Latin form
of one of the person's values. And a name's Latin form, built word by word, is the one the whole
name gets.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from forumdesk.core import text
from forumdesk.core.memo import Memo
from forumdesk.core.transliteration import _table, latin_folded, latin_name, latin_name_of_parts

# letters that matter: Russian and Kazakh ones in both cases, Latin, ё (folded to е), a hyphen,
# an apostrophe and a digit; a space, a no-break space and a tab
_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБЁЖЩЮЯӘҚҢҰІabkszhAZ-'7"
_word = st.text(alphabet=_LETTERS, min_size=1, max_size=8)
_value = st.lists(_word, min_size=1, max_size=3).map(" ".join)
_optional = st.none() | _value
_spaced = st.lists(_word | st.sampled_from([" ", "\u00a0", "\t"]), max_size=6).map("".join)


def _found_by_the_plain_rule(parts: list[str | None], search: str) -> bool:
    """Every search word lies inside the folded Latin form of one of the values' words."""
    words = [w for part in parts if part for w in latin_folded(text.fold(part)).split()]
    return all(any(word in value for value in words) for word in text.search_words(search))


@settings(max_examples=400, deadline=None)
@given(
    family=_value,
    given_name=_optional,
    patronymic=_optional,
    display=_optional,
    organization=_optional,
    email=_optional,
    latin=_optional,
    search=_spaced,
    display_as_default=st.booleans(),
    latin_automatic=st.booleans(),
)
def test_a_search_finds_a_person_as_the_plain_rule_says(
    family: str,
    given_name: str | None,
    patronymic: str | None,
    display: str | None,
    organization: str | None,
    email: str | None,
    latin: str | None,
    search: str,
    display_as_default: bool,
    latin_automatic: bool,
) -> None:
    if display_as_default or display is None:
        display = text.default_display_name(family, given_name, patronymic)
    if latin_automatic:
        latin = latin_name(display)
    parts = [family, given_name, patronymic, display, latin, organization, email, "+7 701 555"]
    key = text.person_search_key(
        family, given_name, patronymic, display, organization, email, "+7 701 555", latin
    )
    found = all(word in key for word in text.search_words(search))
    assert found == _found_by_the_plain_rule(parts, search)
    # and the search for any of the person's own words finds them
    for part in parts:
        if part:
            assert all(word in key for word in text.search_words(part))


def test_the_key_holds_each_word_once_and_in_latin_letters() -> None:
    display = text.default_display_name("Кузнецов", "Пётр", "Сергеевич")
    key = text.person_search_key(
        "Кузнецов",
        "Пётр",
        "Сергеевич",
        display,
        "Минюст",
        "p.kuznetsov@minjust.kz",
        "+7 701 555 00 00",
        latin_name(display),
    )
    assert key == "kuznetsov petr sergeevich miniust p.kuznetsov@minjust.kz +7 701 555 00 00"
    # a Latin name typed otherwise, and a display name of one's own, are found too
    key = text.person_search_key(
        "Кузнецов", "Пётр", None, "Петя", None, None, None, "Kouznetsov Petr"
    )
    assert key == "kuznetsov petr petia kouznetsov petr"
    # an address in Cyrillic letters is found by what a search makes of it
    key = text.person_search_key("Иванов", None, None, "Иванов", None, "иван@почта.рф", None)
    assert all(word in key for word in text.search_words("иван@почта"))


def _latin_name_whole(name: str) -> str:
    """The rule over the whole text at once: each run of Cyrillic letters in Latin ones, in
    capitals where the run is two or more capitals (the word-by-word latin_name must agree)."""
    table = _table()

    def word(found: re.Match[str]) -> str:
        latin = found.group().translate(table)
        return latin.upper() if len(found.group()) > 1 and found.group().isupper() else latin

    return re.sub(r"[\u0400-\u04FF]+", word, name)


@settings(max_examples=400, deadline=None)
@given(st.lists(_word | st.sampled_from([" ", "  ", "\u00a0"]), min_size=1, max_size=8))
def test_a_name_word_by_word_is_the_whole_names_latin(pieces: list[str]) -> None:
    name = "".join(pieces)
    expected = _latin_name_whole(name) if text.is_cyrillic(name) else name
    assert latin_name(name) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_word | st.just(" "), min_size=1, max_size=3).map("".join), max_size=4))
def test_a_names_latin_from_its_parts_is_the_whole_names(parts: list[str]) -> None:
    assert latin_name_of_parts(parts) == latin_name(" ".join(parts))
    assert text.default_display_name("Иванов", "Пётр", None) == " ".join(
        text.default_display_parts("Иванов", "Пётр", None)
    )


def test_a_memo_works_each_value_out_once_and_forgets_at_its_limit() -> None:
    worked_out: list[str] = []

    def upper(value: str) -> str:
        worked_out.append(value)
        return value.upper()

    memo = Memo(upper, limit=2)
    assert (memo["a"], memo["a"], memo["b"]) == ("A", "A", "B")
    assert worked_out == ["a", "b"]
    assert memo["c"] == "C" and len(memo) == 1  # full: forgot a and b, kept c
