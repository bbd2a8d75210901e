"""The Programme sheet: day by day, in time order, with each session's people.

One landscape sheet; each day starts on a new page under a day heading, and the column headings
repeat at the top of every printed page. A day longer than a page goes on over pages it breaks
itself, each under the day's heading marked "(continued)": a participant holding the second
page of a day reads which day it is. Plenaries are shaded blue, breaks grey across the row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from forumdesk.core.enums import LEADING_ROLES, Role, SessionKind
from forumdesk.core.rows import SessionPerson, SessionRow
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Labels, time_range
from forumdesk.io.agenda_sheets_common import (
    MAX_ROW_HEIGHT,
    Book,
    Look,
    SheetBuilder,
    line_height,
    text_lines,
)

# Time, code, session (title and track), room, moderators, speakers and panelists.
_WIDTHS = (12, 7, 42, 14, 30, 52)
_SPEAKER_COLUMN = 5  # 0-based: the column that may need continuation rows


def programme_units(data: AgendaData) -> int:
    return max(1, len({s.day for s in data.scheduled}))


def write_programme(book: Book, data: AgendaData) -> Iterator[None]:
    """Write the sheet; yields after each day (progress and cancel points)."""
    labels = book.labels
    sheet = SheetBuilder(
        book, labels["programme"], _WIDTHS, landscape=True, freeze="A4", title_rows=(3, 3)
    )
    styles = book.styles
    event = data.event
    last_col = len(_WIDTHS)
    title_height = sheet.fit_height(
        [event.name], [styles["title"]], widths=[sum(_WIDTHS)], minimum=24
    )
    row = sheet.add_styled([event.name], [styles["title"]], title_height)
    sheet.merge(row, 1, row, last_col)
    where = ", ".join(
        p for p in (labels.date_span(event.first_day, event.last_day), event.city, event.venue) if p
    )
    subtitle = styles["subtitle"]
    where_height = sheet.fit_height([where], [subtitle], widths=[sum(_WIDTHS)], minimum=20)
    row = sheet.add_styled([where], [subtitle], where_height)
    sheet.merge(row, 1, row, last_col)
    heads = [
        labels["time"],
        labels["code"],
        labels["session"],
        labels["room"],
        labels["moderators"],
        labels["speakers"],
    ]
    head_looks = [styles["head"]] * len(heads)
    heads_height = sheet.fit_height(heads, head_looks, minimum=18)
    sheet.add_styled(heads, head_looks, heads_height)
    page = _Page(sheet, book.page_height(True, _WIDTHS), heads_height)
    page.used = title_height + where_height + heads_height

    scheduled = data.scheduled
    days = sorted({s.day for s in scheduled if s.day is not None})
    for index, day in enumerate(days):
        if index:
            page.new()
        page.day = labels.long_date(day)
        page.day_heading(page.day)
        for session in (s for s in scheduled if s.day == day):
            _write_session(page, session, labels)
        yield
    if not days:
        yield
    sheet.finish()


class _Page:
    """How full the printed page is; a row that does not fit starts the next page under the
    day's heading marked continued (the column headings repeat by themselves)."""

    def __init__(self, sheet: SheetBuilder, height: float, heads_height: float) -> None:
        self.sheet = sheet
        self.height = height
        self.heads_height = heads_height
        self.used = 0.0
        self.day = ""

    def new(self) -> None:
        self.sheet.page_break()
        self.used = self.heads_height

    def day_heading(self, text: str) -> None:
        sheet = self.sheet
        look = sheet.styles["day"]
        last_col = len(_WIDTHS)
        height = sheet.fit_height([text], [look], widths=[sum(_WIDTHS)], minimum=22)
        row = sheet.add_styled([text] + [None] * (last_col - 1), [look] * last_col, height)
        sheet.merge(row, 1, row, last_col)
        self.used += height

    def add(self, values: Sequence[object], looks: Sequence[Look], height: float) -> int:
        if self.used + height > self.height:
            self.new()
            self.day_heading(f"{self.day} ({self.sheet.book.labels['continued']})")
        self.used += height
        return self.sheet.add_styled(values, looks, height)


def _people_lines(people: Sequence[SessionPerson]) -> list[str]:
    return [link.person.with_organization() for link in people]


def _speaker_lines(session: SessionRow, labels: Labels) -> list[str]:
    speakers = _people_lines(session.with_roles((Role.SPEAKER,)))
    panelists = _people_lines(session.with_roles((Role.PANELIST,)))
    if speakers and panelists:
        return [labels["speakers_colon"], *speakers, labels["panelists_colon"], *panelists]
    return speakers or panelists


def _write_session(page: _Page, session: SessionRow, labels: Labels) -> None:
    sheet = page.sheet
    styles = sheet.styles
    assert session.starts_at is not None and session.ends_at is not None
    when = time_range(session.starts_at, session.ends_at)
    if session.is_break:
        look = styles["break"]
        title = session.title + (f" ({session.room_name})" if session.room_name else "")
        cells = [when, None, title, None, None, None]
        height = sheet.fit_height(
            [when, None, title],
            [look] * 3,
            widths=[_WIDTHS[0], _WIDTHS[1], sum(_WIDTHS[2:])],
            minimum=16,
        )
        row = page.add(cells, [look] * len(cells), height)
        sheet.merge(row, 3, row, len(_WIDTHS))
        return
    look = styles["plenary"] if session.kind is SessionKind.PLENARY else styles["cell"]
    bold = styles["plenary"] if look is styles["plenary"] else styles["cell_bold"]
    if session.cancelled:  # struck through where it was, so that nobody looks for it
        look, bold = styles["cancelled"], styles["cancelled_bold"]
    title = session.title
    if session.track_name:
        title += f"\n{session.track_name}"
    elif session.kind not in (SessionKind.DISCUSSION, SessionKind.PLENARY):
        title += f"\n{labels.kind(session.kind)}"
    if session.cancelled:
        title = f"{labels['cancelled']}\n{title}"
    moderators = "\n".join(_people_lines(session.with_roles(LEADING_ROLES)))
    speakers = _speaker_lines(session, labels)
    chunks = _speaker_chunks(speakers, look)
    looks = [bold, bold, bold, look, look, look]
    for number, chunk in enumerate(chunks):
        if number == 0:
            values: list[object] = [
                when,
                session.public_code,
                title,
                session.room_name,
                moderators,
                "\n".join(chunk),
            ]
        else:  # the rest of a long list of speakers, under the same session
            values = [None, None, None, None, None, "\n".join(chunk)]
        height = sheet.fit_height(values, looks, minimum=16)
        page.add(values, looks, height)


def _speaker_chunks(speakers: list[str], look: Look) -> list[list[str]]:
    """The speaker lines shared out over rows so that none passes Excel's height limit (each
    line measured wrapped in the speakers' column); a session continues on the next row."""
    width = _WIDTHS[_SPEAKER_COLUMN]
    pitch = line_height(look.size, look.bold, look.italic)
    room = int((MAX_ROW_HEIGHT - 10) / pitch)  # wrapped lines a row can hold
    chunks: list[list[str]] = [[]]
    used = 0
    for line in speakers:
        lines = text_lines(line, width, look.size, look.bold, look.italic)
        if chunks[-1] and used + lines > room:
            chunks.append([])
            used = 0
        chunks[-1].append(line)
        used += lines
    return chunks
