"""Cleaning what people type (forumdesk.core.text): the quick paths against the plain rules."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from forumdesk.core import text

_RUNS = re.compile(r"\s+")
# Every kind of space, controls and letters that casefold or fold (ё, ß)
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
        "\x1f",
        "\x07",
        "@",
        ".",
    ],
    max_size=20,
)


@given(_TYPED)
@example("  a  b  ")
@example("a\u00a0\tb\n")
def test_clean_collapses_every_run_of_spaces(value: str) -> None:
    assert text.clean(value) == (_RUNS.sub(" ", value).strip() or None)


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
