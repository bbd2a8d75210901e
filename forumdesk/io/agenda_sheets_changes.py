"""The Changes sheet: what changed since the previous version, and who must be told.

Two tables on one sheet: the changes, grouped by session in programme order (session, kind, the
change in plain words), then everyone whose own agenda changed, with their e-mail, language and
their own lines (in their language), ready for a mail merge.
"""

from __future__ import annotations

from collections.abc import Iterator

from forumdesk.io.agenda_data import AgendaEdition
from forumdesk.io.agenda_sheets_common import Book, SheetBuilder

_WIDTHS = (34, 30, 10, 70)


def write_changes(book: Book, edition: AgendaEdition) -> Iterator[None]:
    labels, styles = book.labels, book.styles
    sheet = SheetBuilder(book, labels["changes"], _WIDTHS, landscape=True, gridlines=True)
    title = (
        labels["changes_since"].format(number=edition.since)
        if edition.since
        else labels["changes_first"]
    )
    row = sheet.add_styled([title], [styles["title"]], 24)
    sheet.merge(row, 1, row, len(_WIDTHS))
    head = styles["head"]
    cell, bold = styles["cell"], styles["cell_bold"]
    heads = [labels["session"], labels["what_changed"], None, None]
    row = sheet.add_styled(heads, [head] * 4, 18)
    sheet.merge(row, 2, row, 4)
    shown = None
    for session, _kind, line in edition.changes:
        values = [session if session != shown else None, line, None, None]
        row = sheet.add_styled(
            values,
            [bold, cell, cell, cell],
            sheet.fit_height(values[:2], [bold, cell], widths=[_WIDTHS[0], sum(_WIDTHS[1:])]),
        )
        sheet.merge(row, 2, row, 4)
        shown = session
    sheet.add([None])
    row = sheet.add_styled([labels["people_to_tell"]], [styles["subtitle"]], 20)
    sheet.merge(row, 1, row, len(_WIDTHS))
    heads = [labels["name"], labels["email"], labels["language"], labels["their_changes"]]
    sheet.add_styled(heads, [head] * 4, 18)
    for name, email, language, lines in edition.people:
        values = [name, email, language, lines]
        sheet.add_styled(values, [cell] * 4, sheet.fit_height(values, [cell] * 4, minimum=15))
    yield
    sheet.finish()
