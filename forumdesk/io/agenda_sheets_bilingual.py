"""The bilingual Programme sheet: two languages side by side, as EEC programmes are laid out.

Each row holds one session: its time, then everything about it in the first language (left)
and in the second (right): code and title, room and track, moderators, speakers and panelists.
Headings are in both languages. Nothing of one language crosses into the other's column: a text
missing in a language stands there as the main language's text with a marker (agenda_data's
`in_language`). In the English column people are named in Latin letters, as their badges do.

Each day starts on a new page under its heading in both languages; a day longer than a page goes
on under the heading marked continued, as on the one-language Programme sheet.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from forumdesk.core.enums import LEADING_ROLES, Role, SessionKind
from forumdesk.core.rows import PersonRow, SessionRow
from forumdesk.core.transliteration import latin_name
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

# Time, then the session in each language
_WIDTHS = (12, 64, 64)


def bilingual_units(data: AgendaData) -> int:
    return max(1, len({s.day for s in data.scheduled}))


def write_bilingual_programme(
    book: Book, pair: Sequence[tuple[AgendaData, Labels]]
) -> Iterator[None]:
    """Write the sheet from the agenda in each of two languages (the same sessions, in the same
    order, their texts in that language); yields after each day."""
    (left, left_labels), (right, right_labels) = pair
    sheet = SheetBuilder(
        book,
        f"{left_labels['programme']} - {right_labels['programme']}"[:31],
        _WIDTHS,
        landscape=True,
        freeze="A4",
        title_rows=(3, 3),
    )
    styles = sheet.styles
    title_look, subtitle_look, head_look = styles["title"], styles["subtitle"], styles["head"]
    texts = [None, left.event.name, right.event.name]
    height = sheet.fit_height(texts, [title_look] * 3, minimum=24)
    sheet.add_styled(texts, [title_look] * 3, height)
    used = height
    texts = [None, _where(left, left_labels), _where(right, right_labels)]
    height = sheet.fit_height(texts, [subtitle_look] * 3, minimum=20)
    sheet.add_styled(texts, [subtitle_look] * 3, height)
    used += height
    heads = [
        f"{left_labels['time']} / {right_labels['time']}",
        left_labels["session"],
        right_labels["session"],
    ]
    heads_height = sheet.fit_height(heads, [head_look] * 3, minimum=18)
    sheet.add_styled(heads, [head_look] * 3, heads_height)
    page = _Page(sheet, book.page_height(True, _WIDTHS), heads_height, used + heads_height)

    right_sessions = {s.id: s for s in right.sessions}
    scheduled = left.scheduled
    days = sorted({s.day for s in scheduled if s.day is not None})
    for index, day in enumerate(days):
        if index:
            page.new()
        page.day = (left_labels.long_date(day), right_labels.long_date(day))
        page.day_heading(page.day)
        for session in (s for s in scheduled if s.day == day):
            _write_session(
                page,
                session,
                right_sessions[session.id],
                (left_labels, right_labels),
            )
        yield
    if not days:
        yield
    sheet.finish()


def _where(data: AgendaData, labels: Labels) -> str:
    event = data.event
    return ", ".join(
        p for p in (labels.date_span(event.first_day, event.last_day), event.city, event.venue) if p
    )


class _Page:
    """How full the printed page is (see agenda_sheets_programme._Page)."""

    def __init__(
        self, sheet: SheetBuilder, height: float, heads_height: float, used: float
    ) -> None:
        self.sheet = sheet
        self.height = height
        self.heads_height = heads_height
        self.used = used
        self.day: tuple[str, str] = ("", "")

    def new(self) -> None:
        self.sheet.page_break()
        self.used = self.heads_height

    def day_heading(self, texts: tuple[str, str], continued: tuple[str, str] | None = None) -> None:
        sheet = self.sheet
        look = sheet.styles["day"]
        values: list[object] = [None, *texts]
        if continued:
            values = [None, f"{texts[0]} ({continued[0]})", f"{texts[1]} ({continued[1]})"]
        height = sheet.fit_height(values, [look] * 3, minimum=22)
        sheet.add_styled(values, [look] * 3, height)
        self.used += height

    def keep(self, height: float, continued: tuple[str, str]) -> None:
        """Start the next page now unless `height` more fits on this one (a session's title
        and its first people stay together)."""
        if self.used + height > self.height and self.used > self.heads_height:
            self.new()
            self.day_heading(self.day, continued)

    def add(
        self,
        values: Sequence[object],
        looks: Sequence[Look],
        height: float,
        continued: tuple[str, str],
    ) -> None:
        if self.used + height > self.height:
            self.new()
            self.day_heading(self.day, continued)
        self.used += height
        self.sheet.add_styled(values, looks, height)


def _name(person: PersonRow, labels: Labels) -> str:
    """A person as the column's language writes them: in Latin letters for English."""
    name = person.display_name
    if labels.lang == "en":
        name = person.latin_name or latin_name(name) or name
    return ", ".join(p for p in (name, person.organization) if p)


def _people(session: SessionRow, labels: Labels) -> list[str]:
    lines: list[str] = []
    for roles, heading in (
        (LEADING_ROLES, "moderators_colon"),
        ((Role.SPEAKER,), "speakers_colon"),
        ((Role.PANELIST,), "panelists_colon"),
    ):
        people = [_name(link.person, labels) for link in session.with_roles(roles)]
        if people:
            lines += [labels[heading], *people]
    return lines


def _heading(session: SessionRow, labels: Labels) -> str:
    lines = [session.heading]
    place = " · ".join(p for p in (session.room_name, session.track_name) if p)
    if not session.track_name and session.kind not in (SessionKind.DISCUSSION, SessionKind.PLENARY):
        place = " · ".join(p for p in (place, labels.kind(session.kind)) if p)
    if place:
        lines.append(place)
    if session.cancelled:
        lines.insert(0, labels["cancelled"])
    return "\n".join(lines)


def _write_session(
    page: _Page,
    left: SessionRow,
    right: SessionRow,
    labels: tuple[Labels, Labels],
) -> None:
    sheet = page.sheet
    styles = sheet.styles
    assert left.starts_at is not None and left.ends_at is not None
    when = time_range(left.starts_at, left.ends_at)
    continued = (labels[0]["continued"], labels[1]["continued"])
    if left.is_break:
        look = styles["break"]
        values: list[object] = [when, _heading(left, labels[0]), _heading(right, labels[1])]
        page.add(values, [look] * 3, sheet.fit_height(values, [look] * 3, minimum=16), continued)
        return
    look = styles["plenary"] if left.kind is SessionKind.PLENARY else styles["cell"]
    bold = styles["plenary"] if look is styles["plenary"] else styles["cell_bold"]
    if left.cancelled:
        look, bold = styles["cancelled"], styles["cancelled_bold"]
    values = [when, _heading(left, labels[0]), _heading(right, labels[1])]
    looks = [bold, bold, bold]
    left_chunks = _chunks(_people(left, labels[0]), look)
    right_chunks = _chunks(_people(right, labels[1]), look)
    rows: list[tuple[list[object], list[Look]]] = [(values, looks)]
    for number in range(max(len(left_chunks), len(right_chunks))):
        texts = [
            "\n".join(chunks[number]) if number < len(chunks) else None
            for chunks in (left_chunks, right_chunks)
        ]
        if any(texts):
            rows.append(([None, *texts], [look, look, look]))
    heights = [sheet.fit_height(cells, row_looks, minimum=16) for cells, row_looks in rows]
    page.keep(sum(heights[:2]), continued)
    for (cells, row_looks), height in zip(rows, heights, strict=True):
        page.add(cells, row_looks, height, continued)


def _chunks(lines: list[str], look: Look) -> list[list[str]]:
    """The lines shared out over rows so that none passes Excel's row height limit."""
    pitch = line_height(look.size, look.bold, look.italic)
    room = int((MAX_ROW_HEIGHT - 10) / pitch)
    chunks: list[list[str]] = [[]]
    used = 0
    for line in lines:
        wrapped = text_lines(line, _WIDTHS[1], look.size, look.bold, look.italic)
        if chunks[-1] and used + wrapped > room:
            chunks.append([])
            used = 0
        chunks[-1].append(line)
        used += wrapped
    return [chunk for chunk in chunks if chunk]
