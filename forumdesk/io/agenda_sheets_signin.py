"""The sign-in sheets: a printed page (or more) per session to sign at the door.

Each session's page carries its title, time, room, moderators and speakers, then a numbered
table of everyone expected, by family name under letter headings (А, Б, В… or A, B, C…, in the
sheet language's order), with organisation, role and a blank signature column, then blank
numbered lines for walk-ins. The pages are broken here rather than by the spreadsheet, so that a
long list continues under a repeated heading.

Who is expected: at a plenary, everyone registered for the event (but those who cancelled) and
everyone with a role in it; at any other session, the people assigned to it.

How many blank lines: the seats the session is not yet sure of, its audience (the expected
audience, else the room's capacity, and never more than the room holds) less the people listed,
but at least a few for the unexpected and at most two pages' worth (`MAX_BLANK_LINES`): a
2,000-seat hall does not get 70 pages of blanks; people beyond those sign on the desk's own
copies. A session with neither figure gets blank lines to the end of its page, a few at least.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from forumdesk.core.enums import (
    LEADING_ROLES,
    SPEAKING_ROLES,
    RegistrationStatus,
    Role,
    SessionKind,
)
from forumdesk.core.rows import PersonRow, SessionRow
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Lang, time_range
from forumdesk.io.agenda_sheets_common import Book, Look, SheetBuilder
from forumdesk.io.collation import initial, name_key

# No., name, organisation, role, signature.
_WIDTHS = (5, 30, 34, 15, 24)
_LINE_HEIGHT = 24.0  # room to sign
_SPACER = 6.0
_LETTER_HEIGHT = 18.0
MIN_BLANK_LINES = 3
# Without a figure for the audience: blank lines to the end of the page, at most this many.
_PAGE_FILL_LINES = 12
# With one: the seats left, at most about two A4 pages of lines.
MAX_BLANK_LINES = 60


@dataclass(frozen=True, slots=True)
class SigninSheet:
    """One session's sign-in sheet: who is expected, in list order, and how many blank lines."""

    session: SessionRow
    expected: tuple[tuple[PersonRow, Role | None], ...]
    blank_lines: int | None  # None: to the end of the page (no figure for the audience)


def signin_sessions(data: AgendaData, lang: Lang = "en") -> list[SigninSheet]:
    """A sheet for each scheduled session but breaks and registration, in programme order."""
    capacities = {room.id: room.capacity for room in data.rooms}
    registered = [
        r.person for r in data.registrations if r.status is not RegistrationStatus.CANCELLED
    ]
    sheets = []
    for session in data.scheduled:
        if session.is_break:
            continue
        roles: dict[int, tuple[PersonRow, Role | None]] = {}
        for link in session.people:  # a person's first role in agenda order: the leading one
            roles.setdefault(link.person.id, (link.person, link.role))
        if session.kind is SessionKind.PLENARY:
            for person in registered:
                roles.setdefault(person.id, (person, None))
        expected = sorted(roles.values(), key=lambda entry: _person_key(entry[0], lang))
        audience = _audience(session, capacities.get(session.room_id) if session.room_id else None)
        blanks = (
            None
            if audience is None
            else max(MIN_BLANK_LINES, min(MAX_BLANK_LINES, audience - len(expected)))
        )
        sheets.append(SigninSheet(session, tuple(expected), blanks))
    return sheets


def _person_key(person: PersonRow, lang: Lang) -> tuple[object, ...]:
    return (
        name_key(person.family_name, lang),
        name_key(person.given_name or "", lang),
        name_key(person.patronymic or "", lang),
        person.id,
    )


def _audience(session: SessionRow, capacity: int | None) -> int | None:
    """How many people the session seats: its expected audience within the room's capacity."""
    known = [n for n in (session.expected_audience, capacity) if n]
    return min(known) if known else None


class _Page:
    """Tracks how full the current printed page is."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.used = 0.0

    def fits(self, height: float) -> bool:
        return self.used + height <= self.height

    def take(self, height: float) -> None:
        self.used += height


def write_signin(book: Book, sheets: Sequence[SigninSheet]) -> Iterator[None]:
    """Write the sheet; yields after each session."""
    labels = book.labels
    sheet = SheetBuilder(book, labels["signin"], _WIDTHS, landscape=False, row_height=_LINE_HEIGHT)
    if not sheets:
        sheet.finish()
        yield
        return
    for index, signin in enumerate(sheets):
        if index:
            sheet.page_break()
        _write_session(sheet, book, signin)
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


def _write_session(sheet: SheetBuilder, book: Book, signin: SigninSheet) -> None:
    labels, styles = book.labels, book.styles
    session = signin.session
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
    letter = None
    letter_looks = [styles["cell_bold"]] + [None] * (len(_WIDTHS) - 1)
    for person, role in signin.expected:
        values: list[object] = [
            number + 1,
            person.display_name,
            person.organization or "",
            labels.role(role) if role else "",
            None,
        ]
        height = sheet.fit_height(values, row_looks, minimum=_LINE_HEIGHT)
        heading = initial(person.family_name)
        if heading != letter:
            # a letter heading never ends a page: it goes over with its first name
            if not page.fits(_LETTER_HEIGHT + height):
                _continued(sheet, book, session, page)
            row = sheet.add_styled(
                [heading] + [None] * (len(_WIDTHS) - 1), letter_looks, _LETTER_HEIGHT
            )
            sheet.merge(row, 1, row, len(_WIDTHS))
            page.take(_LETTER_HEIGHT)
            letter = heading
        elif not page.fits(height):
            _continued(sheet, book, session, page)
        number += 1
        sheet.add_styled(values, row_looks, height)
        page.take(height)
    # Blank numbered lines for people who come without being on the list.
    if not page.fits(MIN_BLANK_LINES * _LINE_HEIGHT):
        _continued(sheet, book, session, page)
    if signin.blank_lines is None:  # down to the end of the page, a few at least
        blanks = MIN_BLANK_LINES
        while blanks < _PAGE_FILL_LINES and page.fits((blanks + 1) * _LINE_HEIGHT):
            blanks += 1
    else:
        blanks = signin.blank_lines
    for _ in range(blanks):
        if not page.fits(_LINE_HEIGHT):
            _continued(sheet, book, session, page)
        number += 1
        sheet.add_styled([number, None, None, None, None], row_looks, _LINE_HEIGHT)
        page.take(_LINE_HEIGHT)
