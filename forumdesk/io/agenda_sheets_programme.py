"""The Programme sheet: day by day, in time order, with each session's people.

One landscape sheet; each day starts on a new page under a day heading, and the column headings
repeat at the top of every printed page. Plenaries are shaded blue, breaks grey across the row.
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
    row = sheet.add_styled(
        [event.name],
        [styles["title"]],
        sheet.fit_height([event.name], [styles["title"]], widths=[sum(_WIDTHS)], minimum=24),
    )
    sheet.merge(row, 1, row, last_col)
    where = ", ".join(
        p for p in (labels.date_span(event.first_day, event.last_day), event.city, event.venue) if p
    )
    subtitle = styles["subtitle"]
    row = sheet.add_styled(
        [where],
        [subtitle],
        sheet.fit_height([where], [subtitle], widths=[sum(_WIDTHS)], minimum=20),
    )
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
    sheet.add_styled(heads, head_looks, sheet.fit_height(heads, head_looks, minimum=18))

    scheduled = data.scheduled
    days = sorted({s.day for s in scheduled if s.day is not None})
    for index, day in enumerate(days):
        if index:
            sheet.page_break()
        heading = labels.long_date(day)
        height = sheet.fit_height([heading], [styles["day"]], widths=[sum(_WIDTHS)], minimum=22)
        row = sheet.add_styled(
            [heading] + [None] * (last_col - 1), [styles["day"]] * last_col, height
        )
        sheet.merge(row, 1, row, last_col)
        for session in (s for s in scheduled if s.day == day):
            _write_session(sheet, session, labels)
        yield
    if not days:
        yield
    sheet.finish()


def _people_lines(people: Sequence[SessionPerson]) -> list[str]:
    return [link.person.with_organization() for link in people]


def _speaker_lines(session: SessionRow, labels: Labels) -> list[str]:
    speakers = _people_lines(session.with_roles((Role.SPEAKER,)))
    panelists = _people_lines(session.with_roles((Role.PANELIST,)))
    if speakers and panelists:
        return [labels["speakers_colon"], *speakers, labels["panelists_colon"], *panelists]
    return speakers or panelists


def _write_session(sheet: SheetBuilder, session: SessionRow, labels: Labels) -> None:
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
        row = sheet.add_styled(cells, [look] * len(cells), height)
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
        sheet.add_styled(values, looks, height)


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
