"""Tests for forumdesk/io/collation.py: names in the order a Russian or an English list has."""

from __future__ import annotations

from forumdesk.io.collation import initial, name_key

NAMES = ["Zhou", "Ёлкина", "Özil", "Ершов", "Яковлев", "Adams", "Елисеев", "de Vries", "Ёж"]


def test_a_russian_list_puts_cyrillic_first_and_files_yo_with_ye() -> None:
    ordered = sorted(NAMES, key=lambda name: name_key(name, "ru"))
    # Ё counts as Е: Ёж (еж) before Елисеев (ел), Ёлкина (елк) before Ершов (ер)
    assert ordered == [
        "Ёж",
        "Елисеев",
        "Ёлкина",
        "Ершов",
        "Яковлев",
        "Adams",
        "de Vries",
        "Özil",
        "Zhou",
    ]


def test_an_english_list_puts_latin_first_with_accents_among_the_plain_letters() -> None:
    ordered = sorted(NAMES, key=lambda name: name_key(name, "en"))
    assert ordered[:4] == ["Adams", "de Vries", "Özil", "Zhou"]
    assert ordered[4:] == ["Ёж", "Елисеев", "Ёлкина", "Ершов", "Яковлев"]


def test_ye_sorts_before_yo_where_the_names_otherwise_tie() -> None:
    assert name_key("Елкин", "ru") < name_key("Ёлкин", "ru") < name_key("Елкина", "ru")


def test_the_heading_letter_of_a_name() -> None:
    assert [initial(n) for n in ("Ёлкина", "Özil", "de Vries", "'t Hooft", "123")] == [
        "Е",
        "O",
        "D",
        "T",
        "#",
    ]
