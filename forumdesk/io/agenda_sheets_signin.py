"""The sign-in sheets: a printed page (or more) per session to sign at the door.

Each session's page carries its title, time, room, moderators and speakers, then a numbered
table of everyone assigned to it with organisation, role and a blank signature column, then
blank numbered lines for walk-ins down to the bottom of the page. The pages are broken here
rather than by the spreadsheet, so that a long list continues under a repeated heading.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from forumdesk.core.enums import LEADING_ROLES, SPEAKING_ROLES
from forumdesk.core.rows import SessionRow
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import time_range
from forumdesk.io.agenda_sheets_common import Book, Look, SheetBuilder

# No., name, organisation, role, signature.
_WIDTHS = (5, 30, 34, 15, 24)
_LINE_HEIGHT = 24.0  # room to sign
_SPACER = 6.0
_MIN_BLANK_LINES = 3
_MAX_BLANK_LINES = 12


def signin_sessions(data: AgendaData) -> list[SessionRow]:
    """Sessions that get a sign-in sheet: all scheduled ones but breaks and registration."""
    return [s for s in data.scheduled if not s.is_break]


class _Page:
    """Tracks how full the current printed page is."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.used = 0.0

    def fits(self, height: float) -> bool:
        return self.used + height <= self.height

    def take(self, height: float) -> None:
        self.used += height


def write_signin(book: Book, sessions: Sequence[SessionRow]) -> Iterator[None]:
    """Write the sheet; yields after each session."""
    labels = book.labels
    sheet = SheetBuilder(book, labels["signin"], _WIDTHS, landscape=False, row_height=_LINE_HEIGHT)
    if not sessions:
        sheet.finish()
        yield
        return
    for index, session in enumerate(sessions):
        if index:
            sheet.page_break()
        _write_session(sheet, book, session)
        yield
    sheet.finish()


def _merged_line(
    sheet: SheetBuilder, text: str, look: Look, page: _Page, minimum: float = 0.0
) -> None:
    height = sheet.fit_height([text], [look], widths=[sum(_WIDTHS)], minimum=minimum)
    row = sheet.add_styled([text], [look], height)
    sheet.merge(row, 1, row, len(_WIDTHS))
    page.take(height)


def _table_head(sheet: SheetBuilder, book: Book, page: _Page) -> None:
    labels = book.labels
    heads = [
        labels["number"],
        labels["name"],
        labels["organization"],
        labels["role"],
        labels["signature"],
    ]
    look = book.styles["head"]
    height = sheet.fit_height(heads, [look] * len(heads), minimum=18)
    sheet.add_styled(heads, [look] * len(heads), height)
    page.take(height)


def _continued(sheet: SheetBuilder, book: Book, session: SessionRow, page: _Page) -> None:
    """Start a new page for the same session under a short heading."""
    sheet.page_break()
    page.used = 0.0
    title = f"{session.heading} ({book.labels['continued']})"
    _merged_line(sheet, title, book.styles["info"], page, minimum=18)
    _table_head(sheet, book, page)


def _write_session(sheet: SheetBuilder, book: Book, session: SessionRow) -> None:
    labels, styles = book.labels, book.styles
    assert session.starts_at is not None and session.ends_at is not None
    page = _Page(book.page_height(False, _WIDTHS))
    _merged_line(sheet, labels["signin_title"], styles["subtitle"], page, minimum=18)
    _merged_line(sheet, session.heading, styles["signin_title"], page, minimum=22)
    where = ", ".join(
        p
        for p in (
            labels.long_date(session.starts_at.date()),
            time_range(session.starts_at, session.ends_at),
            session.room_name,
        )
        if p
    )
    _merged_line(sheet, where, styles["info"], page)
    moderators = "; ".join(
        link.person.with_organization() for link in session.with_roles(LEADING_ROLES)
    )
    if moderators:
        _merged_line(sheet, f"{labels['moderators_colon']} {moderators}", styles["info"], page)
    speakers = "; ".join(
        link.person.with_organization() for link in session.with_roles(SPEAKING_ROLES)
    )
    if speakers:
        _merged_line(sheet, f"{labels['speakers_colon']} {speakers}", styles["info"], page)
    sheet.add([], height=_SPACER)
    page.take(_SPACER)
    _table_head(sheet, book, page)

    row_looks = [
        styles["signin_number"],
        styles["signin_row"],
        styles["signin_row"],
        styles["signin_row"],
        styles["signin_row"],
    ]
    number = 0
    for link in session.people:
        number += 1
        values: list[object] = [
            number,
            link.person.display_name,
            link.person.organization or "",
            labels.role(link.role),
            None,
        ]
        height = sheet.fit_height(values, row_looks, minimum=_LINE_HEIGHT)
        if not page.fits(height):
            _continued(sheet, book, session, page)
        sheet.add_styled(values, row_looks, height)
        page.take(height)
    # Blank numbered lines for people who come without being on the list: down to the end of
    # the page, between a few and a dozen of them.
    if not page.fits(_MIN_BLANK_LINES * _LINE_HEIGHT):
        _continued(sheet, book, session, page)
    for _ in range(_MAX_BLANK_LINES):
        if not page.fits(_LINE_HEIGHT):
            break
        number += 1
        sheet.add_styled([number, None, None, None, None], row_looks, _LINE_HEIGHT)
        page.take(_LINE_HEIGHT)
