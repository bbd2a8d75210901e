"""Names in Latin letters by the passport scheme (ICAO Doc 9303 with Kazakhstan's letters)."""

from __future__ import annotations

import iuliia
import pytest
from iuliia.schema import TranslitSchema

from forumdesk.core.text import search_words
from forumdesk.core.transliteration import (
    KAZAKH_LETTERS,
    latin_folded,
    latin_name,
    scheme_letters,
)


def test_the_russian_letters_are_iuliias_icao_doc_9303() -> None:
    """iuliia's own samples of the scheme come out as iuliia writes them."""
    for cyrillic, latin in iuliia.ICAO_DOC_9303.samples:
        assert latin_name(cyrillic) == latin


@pytest.mark.parametrize(
    "name",
    [
        "Кузнецов Пётр Сергеевич",
        "Щукина Юлия",
        "Объедков Илья-Эдуард",
        "Жанна д'Арк Хорошилова",
        "Қасымов Әлихан Ғалымжанұлы",
        "Өмірзақ Ұлан Үміт Һ Іргебай Ң",
    ],
)
def test_the_same_letters_as_iuliias_engine(name: str) -> None:
    """The fast table gives what iuliia's engine gives with the same letters."""
    engine = TranslitSchema(name="check", mapping=scheme_letters())
    assert latin_name(name) == engine.translate(name)


def test_kazakh_letters_follow_kazakhstans_passports() -> None:
    assert latin_name("Қасымов Әлихан Ғалымжанұлы") == "Kasymov Alikhan Galymzhanuly"
    assert latin_name("Өмірбек Ұлан Үміт Һ Ің") == "Omirbek Ulan Umit H In"
    # iuliia itself leaves them: the reason for the extension
    assert iuliia.ICAO_DOC_9303.translate("Қ") == "Қ"
    assert set(KAZAKH_LETTERS) == set("әғқңөұүһі")


def test_capitals_stay_capitals_and_latin_stays_as_it_is() -> None:
    assert latin_name("КУЗНЕЦОВ Пётр") == "KUZNETSOV Petr"
    assert latin_name("ЖАНАР Ә") == "ZHANAR A"
    # a word in capitals is judged on its own, whatever the words beside it
    assert latin_name("ҚЖ") == "KZH" and latin_name("ҚЖ Ұлан") == "KZH Ulan"
    assert latin_name("John Smith") == "John Smith"
    assert latin_name("") is None
    assert latin_name(None) is None


def test_search_words_are_in_latin_letters() -> None:
    assert latin_folded("кузнецов smith") == "kuznetsov smith"
    assert search_words("  Смит  КУЗНЕЦОВ ") == ["smit", "kuznetsov"]
    assert search_words(None) == []
