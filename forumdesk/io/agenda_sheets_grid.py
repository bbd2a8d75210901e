"""The grid sheets: one day as a timetable, rooms across, time down the side.

Each session is one merged block over the time it lasts (code, time, title, moderators) in its
track's colour; breaks and other room-less venue-wide sessions run across all rooms. Two
sessions booked into one room at once each get a lane of that room's column, so nothing is
hidden. Rows follow the chosen time step; a row grows where a short session needs the room to
show its text, which stretches the time scale a little but never cuts a title off.

More than eight rooms do not fit one readable landscape page: the rooms are then shared out over
several sheets for the day, each with the time column and the all-room blocks.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from forumdesk.core.enums import SessionKind
from forumdesk.core.rows import SessionRow
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Labels, time_range
from forumdesk.io.agenda_sheets_common import (
    Book,
    Look,
    SheetBuilder,
    rows_height,
)

MAX_ROOMS_PER_SHEET = 8
_TIME_WIDTH = 7.0
_PAGE_WIDTH = 150.0  # characters across a landscape page at a readable scale
_HOUR_HEIGHT = 52.0  # points per hour before rows grow to fit their text


@dataclass(frozen=True)
class _Column:
    """A room (or the no-room column) with the lanes its overlapping sessions need."""

    name: str
    lanes: int


@dataclass(frozen=True)
class _Block:
    session: SessionRow
    first_slot: int
    last_slot: int  # inclusive
    column: int  # index into the day's columns; -1: across all rooms
    lane: int


@dataclass(frozen=True)
class _DayLayout:
    day: dt.date
    start: dt.datetime
    slots: int
    columns: list[_Column]
    blocks: list[_Block]


def grid_layouts(data: AgendaData, step: int, labels: Labels) -> list[_DayLayout]:
    """Each day with sessions, laid out on the grid (rooms, lanes, blocks)."""
    layouts = []
    for day in data.days:
        sessions = [s for s in data.sessions_on(day) if s.ends_at is not None]
        if sessions:
            layouts.append(_layout_day(data, day, sessions, step, labels["no_room"]))
    return layouts


def grid_units(layouts: Sequence[_DayLayout]) -> int:
    return sum(len(_room_chunks(layout.columns)) for layout in layouts) or 1


def _slot_range(session: SessionRow, start: dt.datetime, step: int, slots: int) -> tuple[int, int]:
    assert session.starts_at is not None and session.ends_at is not None
    first = int((session.starts_at - start).total_seconds() // 60 // step)
    end_minutes = (session.ends_at - start).total_seconds() / 60
    last = min(slots, math.ceil(end_minutes / step)) - 1
    return first, max(first, last)


def _layout_day(
    data: AgendaData, day: dt.date, sessions: list[SessionRow], step: int, no_room_name: str
) -> _DayLayout:
    midnight = dt.datetime.combine(day, dt.time())
    first_minute = min(
        (s.starts_at - midnight).total_seconds() // 60  # type: ignore[operator]
        for s in sessions
    )
    last_minute = max(
        (s.ends_at - midnight).total_seconds() / 60  # type: ignore[operator]
        for s in sessions
    )
    last_minute = min(last_minute, 24 * 60)  # a session past midnight ends the grid there
    start = midnight + dt.timedelta(minutes=int(first_minute // step * step))
    slots = max(
        1,
        math.ceil(
            (midnight + dt.timedelta(minutes=last_minute) - start).total_seconds() / 60 / step
        ),
    )
    ranges = {s.id: _slot_range(s, start, step, slots) for s in sessions}

    in_rooms = [s for s in sessions if s.room_id is not None]
    spanning: list[SessionRow] = []
    no_room: list[SessionRow] = []
    for session in (s for s in sessions if s.room_id is None):
        first, last = ranges[session.id]
        overlaps = any(ranges[o.id][0] <= last and first <= ranges[o.id][1] for o in in_rooms)
        across = session.all_rooms or session.is_venue_wide  # a break for every room
        (no_room if overlaps or not across else spanning).append(session)

    columns: list[_Column] = []
    blocks: list[_Block] = []
    room_order = [r for r in data.rooms if any(s.room_id == r.id for s in in_rooms)]
    groups: list[tuple[str, list[SessionRow]]] = [
        (room.name, [s for s in in_rooms if s.room_id == room.id]) for room in room_order
    ]
    if no_room:
        groups.append((no_room_name, no_room))
    for name, members in groups:
        lanes_end: list[int] = []
        for session in sorted(members, key=lambda s: ranges[s.id]):
            first, last = ranges[session.id]
            lane = next((i for i, end in enumerate(lanes_end) if end < first), len(lanes_end))
            if lane == len(lanes_end):
                lanes_end.append(last)
            else:
                lanes_end[lane] = last
            blocks.append(_Block(session, first, last, len(columns), lane))
        columns.append(_Column(name, max(1, len(lanes_end))))
    for session in spanning:
        first, last = ranges[session.id]
        blocks.append(_Block(session, first, last, -1, 0))
    return _DayLayout(day, start, slots, columns, blocks)


def _room_chunks(columns: list[_Column]) -> list[list[int]]:
    """Column indexes shared out over sheets of at most MAX_ROOMS_PER_SHEET rooms, evenly."""
    if not columns:
        return [[]]
    sheets = math.ceil(len(columns) / MAX_ROOMS_PER_SHEET)
    size = math.ceil(len(columns) / sheets)
    indexes = list(range(len(columns)))
    return [indexes[i : i + size] for i in range(0, len(indexes), size)]


def write_grids(book: Book, layouts: Sequence[_DayLayout], step: int) -> Iterator[None]:
    """Write a grid sheet per day (per group of rooms); yields after each sheet."""
    if not layouts:
        SheetBuilder(book, book.labels["grid"], [40], landscape=True).finish()
        yield
        return
    for layout in layouts:
        chunks = _room_chunks(layout.columns)
        for number, chunk in enumerate(chunks, start=1):
            suffix = f" ({number}-{len(chunks)})" if len(chunks) > 1 else ""
            _write_chunk(book, layout, chunk, step, suffix)
            yield


def _block_text(session: SessionRow, labels: Labels) -> str:
    assert session.starts_at is not None and session.ends_at is not None
    when = time_range(session.starts_at, session.ends_at)
    if session.is_break:
        return f"{session.title} · {when}"
    head = f"{session.public_code} · {when}" if session.public_code else when
    if session.cancelled:
        head = f"{labels['cancelled']} · {head}"
    lines = [head, session.title]
    if session.moderators:
        lines.append(f"{labels['moderators_colon']} {', '.join(session.moderators)}")
    return "\n".join(lines)


def _block_look(book: Book, session: SessionRow) -> Look:
    styles = book.styles
    if session.cancelled:
        return styles["grid_cancelled"]
    if session.is_break:
        return styles["grid_break"]
    if session.track_color:
        return styles.track(session.track_color)
    if session.kind is SessionKind.PLENARY:
        return styles["grid_plenary"]
    return styles["grid_block"]


def _write_chunk(book: Book, layout: _DayLayout, chunk: list[int], step: int, suffix: str) -> None:
    labels, styles = book.labels, book.styles
    columns = [layout.columns[i] for i in chunk]
    room_width = max(16.0, min(32.0, (_PAGE_WIDTH - _TIME_WIDTH) / max(1, len(columns))))
    widths = [_TIME_WIDTH]
    first_col_of: dict[int, int] = {}  # day column index -> first sheet column (1-based)
    for index, column in zip(chunk, columns, strict=True):
        first_col_of[index] = len(widths) + 1
        widths.extend([max(10.0, room_width / column.lanes)] * column.lanes)
    if not columns:
        widths.append(room_width)
    last_col = len(widths)

    title = f"{labels['grid']} {labels.short_date(layout.day)}{suffix}"
    sheet = SheetBuilder(book, title, widths, landscape=True, freeze="B3", title_rows=(1, 2))
    heading = f"{book.event_name} — {labels.long_date(layout.day)}"
    title_look = styles["title"]
    row = sheet.add_styled(
        [heading],
        [title_look],
        sheet.fit_height([heading], [title_look], widths=[sum(widths)], minimum=26),
    )
    sheet.merge(row, 1, row, last_col)
    heads: list[object] = [labels["time"]] + [None] * (last_col - 1)
    for index, column in zip(chunk, columns, strict=True):
        heads[first_col_of[index] - 1] = column.name
    head_look = styles["head_center"]
    head_height = max(
        18.0, *(rows_height([(str(h), widths[i], head_look)]) for i, h in enumerate(heads) if h)
    )
    row = sheet.add_styled(heads, [head_look] * last_col, head_height)
    for index, column in zip(chunk, columns, strict=True):
        first = first_col_of[index]
        sheet.merge(row, first, row, first + column.lanes - 1)

    # Which block each cell belongs to, and the text of each block's top-left cell.
    cells: dict[tuple[int, int], Look] = {}
    texts: dict[tuple[int, int], str] = {}
    heights = [_HOUR_HEIGHT * step / 60] * layout.slots
    merges = []
    for block in layout.blocks:
        if block.column == -1:
            col_first, col_last = 2, last_col
        elif block.column in first_col_of:
            col_first = col_last = first_col_of[block.column] + block.lane
        else:
            continue
        look = _block_look(book, block.session)
        for slot in range(block.first_slot, block.last_slot + 1):
            for col in range(col_first, col_last + 1):
                cells[(slot, col)] = look
        text = _block_text(block.session, labels)
        texts[(block.first_slot, col_first)] = text
        merges.append((block.first_slot, col_first, block.last_slot, col_last))
        rows = block.last_slot - block.first_slot + 1
        needed = rows_height([(text, sum(widths[col_first - 1 : col_last]), look)])
        for slot in range(block.first_slot, block.last_slot + 1):
            heights[slot] = max(heights[slot], needed / rows)

    # Time labels every quarter hour at least (every row when the step is longer).
    label_every = max(1, math.ceil(15 / step))
    time_look = styles["grid_time"]
    empty = {False: styles["grid_empty"], True: styles["grid_empty_mark"]}
    top = sheet.row + 1
    for slot in range(layout.slots):
        moment = layout.start + dt.timedelta(minutes=slot * step)
        closes_label = (slot + 1) % label_every == 0 or slot == layout.slots - 1
        values: list[object] = [f"{moment:%H:%M}" if slot % label_every == 0 else None]
        looks = [time_look]
        for col in range(2, last_col + 1):
            block_look = cells.get((slot, col))
            values.append(None if block_look is None else texts.get((slot, col)))
            looks.append(empty[closes_label] if block_look is None else block_look)
        # rounded up: a block's rows must add up to at least the height its text needs
        sheet.add(values, looks, math.ceil(heights[slot] * 10) / 10)
        if slot % label_every == 0:
            sheet.merge(top + slot, 1, top + min(slot + label_every, layout.slots) - 1, 1)
    for first_slot, col_first, last_slot, col_last in merges:
        sheet.merge(top + first_slot, col_first, top + last_slot, col_last)
    sheet.finish()
