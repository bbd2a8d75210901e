"""Page-per-item sheets: door signs (a room's day) and personal agendas (a person's forum).

Both are one sheet with a page break after each item, so "Print" gives one sheet of paper per
door and per person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.rows import PersonRow, SessionRow
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import time_range
from forumdesk.io.agenda_sheets_common import Book, Look, SheetBuilder

# --- door signs --------------------------------------------------------------------------------

# Time and session, filling a landscape page at full scale.
_SIGN_WIDTHS = (38, 110)
# Type sizes of a sign's sessions (time, title, people), largest first: a sign takes the
# largest that fits the day on one page; a day too long even for the last goes on over pages
# (the room's name on each), never with a session cut from its moderators.
_SIGN_LOOKS = (
    ("sign_time_32", "sign_title_40", "sign_people_22"),
    ("sign_time_28", "sign_title_36", "sign_people_20"),
    ("sign_time_28", "sign_title_32", "sign_people_18"),
    ("sign_time_24", "sign_title_28", "sign_people_16"),
)
# Heights are measured at the widest of Calibri's stand-ins (io/font_metrics: Carlito and
# DejaVu Sans), so a sign's titles need no narrower column of their own.
_SIGN_WRAP_MARGIN = 1.0
_SignRow = tuple[list[object], list["Look | None"], float]


def room_days(data: AgendaData) -> list[tuple[str, dt.date, list[SessionRow]]]:
    """Each (room, day) with sessions in that room, in room order then day order; the day's
    all-rooms sessions (breaks) are on every room's page that day."""
    found = []
    for room in data.rooms:
        for day in data.days:
            day_sessions = data.sessions_on(day)
            if not any(s.room_id == room.id for s in day_sessions):
                continue
            found.append(
                (room.name, day, [s for s in day_sessions if s.room_id == room.id or s.all_rooms])
            )
    return found


def _sign_sessions(
    book: Book, sheet: SheetBuilder, sessions: Sequence[SessionRow], looks: tuple[str, str, str]
) -> list[list[_SignRow]]:
    """Each session's rows (values, looks, height) on a sign, in the given type sizes."""
    styles, labels = book.styles, book.labels
    time_look, title_look, people_look = (styles[name] for name in looks)
    narrow = [w * _SIGN_WRAP_MARGIN for w in _SIGN_WIDTHS]
    blocks: list[list[_SignRow]] = []
    size = people_look.size
    break_looks: list[Look | None] = [
        styles[f"sign_break_time_{size:g}"],
        styles[f"sign_people_{size:g}"],
    ]
    for session in sessions:
        assert session.starts_at is not None and session.ends_at is not None
        values: list[object] = [time_range(session.starts_at, session.ends_at), session.heading]
        if session.is_break:  # a grey line: what the door is for is the sessions
            height = sheet.fit_height(values, [None, break_looks[1]], widths=narrow)
            blocks.append([(values, break_looks, height), ([], [], round(size * 0.4))])
            continue
        row_looks: list[Look | None] = [time_look, title_look]
        # the time keeps to one line (it shrinks to fit): the title sets the height
        rows = [(values, row_looks, sheet.fit_height(values, [None, title_look], widths=narrow))]
        if session.moderators:
            values = [None, f"{labels['moderators_colon']} {', '.join(session.moderators)}"]
            row_looks = [None, people_look]
            rows.append((values, row_looks, sheet.fit_height(values, row_looks, widths=narrow)))
        rows.append(([], [], round(title_look.size * 0.45)))
        blocks.append(rows)
    return blocks


def _sign_pages(blocks: list[list[_SignRow]], room: float) -> list[list[_SignRow]]:
    """The rows of each page: whole sessions, as many as fit in `room` points."""
    pages: list[list[_SignRow]] = [[]]
    used = 0.0
    for block in blocks:
        height = sum(row[2] for row in block)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].extend(block)
        used += height
    return pages


def write_room_signs(
    book: Book, signs: Sequence[tuple[str, dt.date, list[SessionRow]]]
) -> Iterator[None]:
    """A landscape page per room per day, read from across a corridor; yields after each room day.

    The room's name in 60 points, the date, then the day's sessions (time, title, moderators)
    in the largest sizes that fit one page, the titles 40 points down to 28. A day with more
    sessions than fit at 28 points goes on over a second page rather than going smaller: a sign
    is printed once a day and stays on the door, so every page lists consecutive sessions.
    """
    labels, styles = book.labels, book.styles
    sheet = SheetBuilder(book, labels["rooms"], _SIGN_WIDTHS, landscape=True)
    width = sum(_SIGN_WIDTHS)
    page = book.page_height(True, _SIGN_WIDTHS)
    room_look, date_look = styles["sign_room"], styles["sign_date"]
    for index, (room, day, sessions) in enumerate(signs):
        heading = sheet.fit_height(
            [room], [room_look], widths=[width * _SIGN_WRAP_MARGIN], minimum=76
        )
        room_left = page - heading - 30 - 8
        for tier in _SIGN_LOOKS:
            blocks = _sign_sessions(book, sheet, sessions, tier)
            pages = _sign_pages(blocks, room_left)
            if len(pages) == 1:
                break
        for number, rows in enumerate(pages):
            if index or number:
                sheet.page_break()
            row = sheet.add_styled([room], [room_look], heading)
            sheet.merge(row, 1, row, 2)
            date = labels.long_date(day)
            if number:
                date = f"{date} ({labels['continued']})"
            row = sheet.add_styled([date], [date_look], 30)
            sheet.merge(row, 1, row, 2)
            sheet.add([], height=8)
            for values, looks, height in rows:
                sheet.add(values, looks, height)
        yield
    if not signs:
        yield
    sheet.finish()


# --- personal agendas --------------------------------------------------------------------------

# Date, time, session, room, role.
_PERSONAL_WIDTHS = (12, 12, 50, 17, 16)


def agenda_people(data: AgendaData, include_all_registered: bool) -> list[PersonRow]:
    """Who gets a personal agenda: everyone with a role other than participant, and with
    `include_all_registered` also everyone registered (but those who cancelled)."""
    chosen: dict[int, PersonRow] = {}
    for session in data.sessions:
        for link in session.people:
            if link.role is not Role.PARTICIPANT or include_all_registered:
                chosen[link.person.id] = link.person
    if include_all_registered:
        for registration in data.registrations:
            if registration.status is not RegistrationStatus.CANCELLED:
                chosen.setdefault(registration.person.id, registration.person)
    return sorted(chosen.values(), key=lambda p: p.sort_key)


def write_personal(book: Book, data: AgendaData, people: Sequence[PersonRow]) -> Iterator[None]:
    """A portrait page per person: their sessions and role, with the plenaries and breaks
    everyone attends shown in grey; yields after each person."""
    labels, styles = book.labels, book.styles
    sheet = SheetBuilder(book, labels["personal"], _PERSONAL_WIDTHS, landscape=False, row_height=16)
    width = sum(_PERSONAL_WIDTHS)
    roles = data.roles_by_person()
    scheduled = data.scheduled
    shared = [s for s in scheduled if s.is_venue_wide]
    order = {s.id: n for n, s in enumerate(scheduled)}
    event = data.event
    event_line = ", ".join(
        p for p in (event.name, labels.date_span(event.first_day, event.last_day), event.city) if p
    )
    heads = [labels["date"], labels["time"], labels["session"], labels["room"], labels["role"]]
    for index, person in enumerate(people):
        if index:
            sheet.page_break()
        look = styles["title"]
        row = sheet.add_styled(
            [person.display_name],
            [look],
            sheet.fit_height([person.display_name], [look], widths=[width], minimum=26),
        )
        sheet.merge(row, 1, row, 5)
        about = ", ".join(p for p in (person.position, person.organization) if p)
        for text in (about, event_line):
            if text:
                look = styles["subtitle"]
                row = sheet.add_styled(
                    [text], [look], sheet.fit_height([text], [look], widths=[width], minimum=18)
                )
                sheet.merge(row, 1, row, 5)
        sheet.add([], height=8)
        sheet.add_styled(heads, [styles["head"]] * 5, 18)
        own = {s.id: role for s, role in roles.get(person.id, ()) if s.starts_at is not None}
        items = sorted(
            {
                s.id: s for s in (*shared, *(s for s, _ in roles.get(person.id, ()) if s.id in own))
            }.values(),
            key=lambda s: order[s.id],
        )
        if not own:
            look = styles["muted"]
            row = sheet.add_styled([labels["no_sessions"]] + [None] * 4, [look] * 5, 18)
            sheet.merge(row, 1, row, 5)
        previous_day = None
        for session in items:
            assert session.starts_at is not None and session.ends_at is not None
            role = own.get(session.id)
            day = session.starts_at.date()
            values = [
                labels.short_date(day) if day != previous_day else None,
                time_range(session.starts_at, session.ends_at),
                session.heading,
                session.room_name,
                labels.role(role) if role else None,
            ]
            previous_day = day
            if session.cancelled:  # struck through where it was
                values[2] = f"{labels['cancelled']}: {session.heading}"
                looks = [styles["cancelled"]] * 5
            elif role is None:
                looks = [styles["muted"]] * 5
            else:
                looks = [
                    styles["cell"],
                    styles["cell"],
                    styles["cell_bold"],
                    styles["cell"],
                    styles["cell"],
                ]
            sheet.add_styled(values, looks, sheet.fit_height(values, looks, minimum=16))
        yield
    if not people:
        yield
    sheet.finish()
