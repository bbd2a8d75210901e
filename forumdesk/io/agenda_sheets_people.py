"""The People sheet: everyone registered (and everyone holding a role) as an Excel table.

An Excel table gives staff the filter buttons on each heading and banded rows without any
setup; the heading row stays in view and repeats on every printed page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from forumdesk.core.countries import country_label
from forumdesk.core.transliteration import latin_name
from forumdesk.io.agenda_data import PeopleLine
from forumdesk.io.agenda_sheets_common import Book, Look, SheetBuilder, fitted_widths

ROWS_PER_UNIT = 500
# Name, Latin name (as on a passport or badge), organisation, country, sector, e-mail, status,
# roles: at most ~190 characters across, so that a landscape page still prints at a readable
# scale.
_MIN_WIDTHS = (18, 16, 16, 9, 10, 16, 11, 12)
_MAX_WIDTHS = (28, 22, 28, 14, 18, 40, 14, 30)
_EMAIL = 5  # the e-mail column: one line, never wrapped


def _latin(stored: str | None, display_name: str) -> str:
    """The Latin form where it tells the reader something: not a Latin name written again."""
    latin = stored or latin_name(display_name) or ""
    return "" if latin == display_name else latin


def people_units(lines: Sequence[PeopleLine]) -> int:
    return max(1, -(-len(lines) // ROWS_PER_UNIT))


def write_people(book: Book, lines: Sequence[PeopleLine]) -> Iterator[None]:
    """Write the table; yields after every ROWS_PER_UNIT people."""
    labels, styles = book.labels, book.styles
    heads = [
        labels["name"],
        labels["latin_name"],
        labels["organization"],
        labels["country"],
        labels["sector"],
        labels["email"],
        labels["status"],
        labels["roles"],
    ]
    rows = [
        [
            line.person.display_name,
            _latin(line.person.latin_name, line.person.display_name),
            line.person.organization or "",
            country_label(line.person.listed_country, labels.lang) or "",
            labels.sector(line.person.listed_sector),
            line.person.email or "",
            labels.status(line.status) if line.status else "",
            line.roles,
        ]
        for line in lines
    ]
    columns = [[head, *(row[i] for row in rows)] for i, head in enumerate(heads)]
    widths = fitted_widths(columns, _MIN_WIDTHS, _MAX_WIDTHS)
    sheet = SheetBuilder(
        book,
        labels["people"],
        widths,
        landscape=True,
        freeze="A2",
        title_rows=(1, 1),
        gridlines=True,
    )
    head_look = styles["head"]
    sheet.add_styled(
        heads,
        [head_look] * len(heads),
        sheet.fit_height(heads, [head_look] * len(heads), minimum=18),
    )
    looks = [styles["list"]] * len(heads)
    looks[_EMAIL] = styles["list_email"]
    # the height follows the wrapped cells; the e-mail keeps to its one line
    measured: list[Look | None] = [None if n == _EMAIL else look for n, look in enumerate(looks)]
    for start in range(0, len(rows), ROWS_PER_UNIT):
        for values in rows[start : start + ROWS_PER_UNIT]:
            sheet.add_styled(values, looks, sheet.fit_height(values, measured, minimum=15))
        yield
    if not rows:
        yield
    else:
        # An Excel table needs at least one row under its headings.
        ref = f"A1:{get_column_letter(len(heads))}{len(rows) + 1}"
        table = Table(displayName="People", ref=ref, autoFilter=AutoFilter(ref=ref))
        # Columns named here, as the streaming writer cannot read them back from the cells
        # (and so added through `tables`, not add_table(), which warns about just that).
        table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(heads, start=1)]
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        sheet.sheet.tables.add(table)
    sheet.finish()
