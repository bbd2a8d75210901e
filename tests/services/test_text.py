"""Cleaning what people type (forumdesk.core.text): the quick paths against the plain rules."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from forumdesk.core import text

_RUNS = re.compile(r"\s+")
# What clean makes one space of: spaces, controls and the invisible marks pasted text carries
_BLANK_RUNS = re.compile(r"[\s\x00-\x1f\x7f\u200b\u200e\u200f\ufeff]+")
# Every kind of space, controls, invisible marks and letters that casefold or fold (ё, ß)
_TYPED = st.text(
    alphabet=[
        "a",
        "B",
        "ё",
        "Ё",
        "ß",
        "Щ",
        " ",
        "\u00a0",
        "\t",
        "\n",
        "\u2003",
        "\u200b",
        "\u200e",
        "\ufeff",
        "\x1f",
        "\x07",
        "\x7f",
        "@",
        ".",
    ],
    max_size=20,
)


@given(_TYPED)
@example("  a  b  ")
@example("a\u00a0\tb\n")
@example("\ufeffИванов\u200b\u200e ")
def test_clean_collapses_every_run_of_spaces_controls_and_invisible_marks(value: str) -> None:
    assert text.clean(value) == (_BLANK_RUNS.sub(" ", value).strip() or None)


def test_one_cleaner_for_typed_values_and_file_cells() -> None:
    assert text.clean("\ufeffИванов\u200b") == "Иванов"
    assert text.clean("Пётр\u200bИванов") == "Пётр Иванов"
    assert text.clean("a\x00\x7fb") == "a b"
    assert text.clean(" Иванов ") == "Иванов" and text.clean("\u200b") is None


@given(_TYPED)
@example(" Ёлка  ПАЛКА ")
@example("ß\u2003x")
def test_fold_is_casefolded_with_e_for_yo_and_single_spaces(value: str) -> None:
    assert text.fold(value) == _RUNS.sub(" ", value.casefold().replace("ё", "е")).strip()


def test_names_read_in_the_order_their_script_does() -> None:
    assert text.default_display_name("Иванов", "Пётр", "Сергеевич") == "Иванов Пётр Сергеевич"
    assert text.default_display_name("Ivanov", "Petr", "Sergeevich") == "Ivanov Petr Sergeevich"
    assert text.default_display_name("Smith", "John", None) == "John Smith"
    assert text.default_display_name("Смит", None, None) == "Смит"
    assert text.default_display_name("Smith", "", "") == "Smith"


def test_a_quoted_list_shows_a_few_names_and_counts_the_rest() -> None:
    assert text.quoted_list(["a", " ", "b"]) == "«a», «b»"
    assert text.quoted_list([]) == ""
    assert text.quoted_list([str(n) for n in range(14)], shown=12) == (
        "«0», «1», «2», «3», «4», «5», «6», «7», «8», «9», «10», «11» and 2 more"
    )
    assert text.quoted_list("abc", shown=3) == "«a», «b», «c»"
