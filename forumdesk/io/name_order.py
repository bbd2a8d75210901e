"""The order a file writes its full names in, told from the names that show it.

"Елена Пак" shows its order (Елена is a known given name), "Мирослава Цой" does not; in a file
where the names that show their order put the given name first, so does "Мирослава Цой". This
is what the import's "auto" order uses for Cyrillic names that show nothing (Latin names keep
the given name first), and what the wizard tells the user the file looks like.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from forumdesk.core import text
from forumdesk.io.headers import ColumnMapping
from forumdesk.io.people_rows import name_order_shown

# Of the Cyrillic names that show their order, the share that must agree for the file's order
# to be taken for the others: a clear majority, so that a few odd names do not decide it.
AGREEMENT = 0.75
SAMPLE = 2_000  # names looked at: enough to tell, and quick for a file of any size


@dataclass(frozen=True, slots=True)
class NameOrderCount:
    """How many of a file's Cyrillic full names show the family name first or last."""

    family_first: int = 0
    given_first: int = 0

    @property
    def order(self) -> str | None:
        """ "family-first" or "given-first" if the names showing an order agree, else None."""
        shown = self.family_first + self.given_first
        if shown < 2:
            return None
        if self.family_first >= AGREEMENT * shown:
            return "family-first"
        if self.given_first >= AGREEMENT * shown:
            return "given-first"
        return None


def count_name_orders(names: Iterable[str]) -> NameOrderCount:
    family_first = given_first = 0
    for number, name in enumerate(names):
        if number >= SAMPLE:
            break
        if "," in name or not text.is_cyrillic(name):
            continue
        tokens = name.split()
        if len(tokens) < 2:
            continue
        shown = name_order_shown(tokens)
        if shown is True:
            family_first += 1
        elif shown is False:
            given_first += 1
    return NameOrderCount(family_first, given_first)


def file_name_orders(
    mapping: ColumnMapping, rows: Sequence[tuple[int, Sequence[str]]]
) -> NameOrderCount:
    """The count for the full-name column of `rows` (none without such a column)."""
    column = mapping.column_of("full_name")
    if column is None:
        return NameOrderCount()
    return count_name_orders(
        cells[column] for _number, cells in rows if column < len(cells) and cells[column].strip()
    )
