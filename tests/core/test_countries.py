"""Countries as ISO 3166 codes, read in any of three languages and shown in the reader's."""

from __future__ import annotations

import pytest

from forumdesk.core.countries import (
    country_choices,
    country_code,
    country_label,
    is_country_code,
    stored_country,
)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Russia", "RU"),
        ("Россия", "RU"),
        ("РФ", "RU"),
        ("Ресей", "RU"),
        ("UK", "GB"),
        ("USA", "US"),
        ("США", "US"),
        ("Казахстан", "KZ"),
        ("Қазақстан", "KZ"),
        ("kaz", "KZ"),
        ("kz", "KZ"),
        (" республика  казахстан ", "KZ"),
        ("Германия", "DE"),
        ("Франция", "FR"),
        ("Оңтүстік Корея", "KR"),
    ],
)
def test_names_in_three_languages_and_codes_give_the_code(written: str, code: str) -> None:
    assert country_code(written) == code
    assert stored_country(written) == code


def test_a_name_that_matches_no_country_is_kept_as_written() -> None:
    assert country_code("Атлантида") is None
    assert stored_country("Атлантида") == "Атлантида"
    assert not is_country_code("Атлантида")
    assert country_label("Атлантида", "ru") == "Атлантида"
    assert country_label("Атлантида", "en") == "Атлантида"
    assert stored_country(None) is None and stored_country("") is None


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("KZ", "en", "Kazakhstan"),
        ("KZ", "ru", "Казахстан"),
        ("KZ", "kk", "Қазақстан"),
        ("RU", "ru", "Россия"),
        ("RU", "kk", "Ресей"),
        ("GB", "en", "United Kingdom"),
        ("US", "ru", "США"),
        ("DE", "kk", "Германия"),
    ],
)
def test_codes_are_shown_in_the_readers_language(code: str, language: str, name: str) -> None:
    assert country_label(code, language) == name


def test_an_old_style_name_is_shown_in_the_readers_language() -> None:
    assert country_label("Kazakhstan", "ru") == "Казахстан"


def test_the_choices_are_every_country_in_that_languages_order() -> None:
    russian = country_choices("ru")
    assert len(russian) > 240
    names = [name for _code, name in russian]
    assert names == sorted(names, key=lambda n: n.casefold().replace("ё", "е"))
    assert ("KZ", "Казахстан") in russian
    assert ("KZ", "Қазақстан") in country_choices("kk")
