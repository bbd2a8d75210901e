"""Known given names decide the order of two-word names (issue 14, item 18)."""

from __future__ import annotations

import pytest

from forumdesk.io.given_names import given_names, is_given_name
from forumdesk.io.name_order import count_name_orders
from forumdesk.io.people_rows import split_full_name


def test_the_shipped_list_holds_the_regions_names() -> None:
    assert len(given_names()) > 250
    for name in ("Елена", "елена", "Арман", "Айгерим", "Пётр", "Петр", "Тигран", "Aigerim"):
        assert is_given_name(name), name
    for family in ("Пак", "Ким", "Иванов", "Цой"):
        assert not is_given_name(family), family


@pytest.mark.parametrize(
    ("full", "split"),
    [
        ("Елена Пак", ("Пак", "Елена", None)),
        ("Арман Пак", ("Пак", "Арман", None)),
        ("Пак Елена", ("Пак", "Елена", None)),
        ("Ким Арман", ("Ким", "Арман", None)),
        ("Марина Иванова", ("Иванова", "Марина", None)),  # "-ина" is weaker than a known name
        ("Иванова Марина", ("Иванова", "Марина", None)),
        ("Айгерим Нурланова", ("Нурланова", "Айгерим", None)),
        ("Пак Елена Викторовна", ("Пак", "Елена", "Викторовна")),
        ("Елена Викторовна Пак", ("Пак", "Елена", "Викторовна")),
        ("John Smith", ("Smith", "John", None)),
    ],
)
def test_two_word_names_are_split_by_known_given_names(
    full: str, split: tuple[str, str | None, str | None]
) -> None:
    assert split_full_name(full) == split


def test_a_files_order_is_taken_for_the_names_that_show_none() -> None:
    given_first = count_name_orders(["Елена Пак", "Арман Пак", "Мирослава Цой", "John Smith"])
    assert (given_first.given_first, given_first.family_first) == (2, 0)
    assert given_first.order == "given-first"
    assert split_full_name("Мирослава Цой", "auto", given_first.order) == (
        "Цой",
        "Мирослава",
        None,
    )
    assert split_full_name("John Smith", "auto", "family-first") == ("Smith", "John", None)
    mixed = count_name_orders(["Елена Пак", "Пак Арман", "Иванов Пётр"])
    assert mixed.order is None  # written both ways: each name is read as it looks
    assert split_full_name("Мирослава Цой", "auto", mixed.order)[0] == "Мирослава"
    assert count_name_orders(["Елена Пак"]).order is None  # one name is not a file's habit
