"""Known given names (resources/names/given_names.txt): the evidence that tells "Елена Пак"
(given name first) from "Пак Елена" (family name first) when neither word has a surname's
ending. The list is read once, on first use; case and ё/е do not matter.
"""

from __future__ import annotations

import functools

from forumdesk.core import text
from forumdesk.core.resources import resource_path


@functools.cache
def given_names() -> frozenset[str]:
    """The shipped list, folded; empty if the file is missing (names are then split as before)."""
    try:
        lines = resource_path("names", "given_names.txt").read_text(encoding="utf-8").splitlines()
    except OSError:  # an incomplete installation: splitting names still works, a little worse
        return frozenset()
    return frozenset(
        text.fold(line) for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def is_given_name(word: str) -> bool:
    """Whether `word` is a common given name of the region ("Елена", "Арман", "Aigerim")."""
    return text.fold(word.strip(".,")) in given_names()
