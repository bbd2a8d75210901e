"""Where things go on the timetable, in plain numbers (no Qt): columns, times, blocks.

The scene's x runs across columns, one per (day, room): a single day shows its rooms, "all days"
puts the days side by side, each with its rooms. y runs down the day's clock: y = 0 is the first
visible minute, and every day shares the same clock, so a block keeps its y when it changes day.
Times are minutes after the day's midnight (the event's wall clock, as the services store it).

A layout is rebuilt from rows for a reload, a zoom or a resize (cheap: one sort of the
sessions). While a block is dragged, only the lookups below run (`column_at`, `minute_at`,
`snap`), so a drag never touches the database or rebuilds anything.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from forumdesk.core.rows import RoomRow, SessionRow

DEFAULT_FIRST_MINUTE = 8 * 60
DEFAULT_LAST_MINUTE = 19 * 60
LAST_POSSIBLE_MINUTE = 48 * 60  # a session starting late may run past midnight (24 h at most)
SNAP_CHOICES = (5, 10, 15)
DEFAULT_SNAP_MINUTES = 15
ZOOM_LEVELS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)  # pixels per minute
DEFAULT_ZOOM = 1.25
MIN_COLUMN_WIDTH = 110.0
MAX_COLUMN_WIDTH = 320.0
DAY_GAP = 10.0  # between the days in "all days"
BLOCK_MARGIN = 2.0  # between a block and its column's edge


def snap(minute: float, step: int) -> int:
    """The grid line nearest to `minute` (ties go later, whatever Python's round() does)."""
    if step <= 0:
        raise ValueError("the snap step must be a positive number of minutes")
    return math.floor(minute / step + 0.5) * step


def minutes_into(day: dt.date, when: dt.datetime) -> float:
    """Minutes from `day`'s midnight to `when` (past 1440 when it runs into the next day)."""
    return (when - dt.datetime.combine(day, dt.time())).total_seconds() / 60


def at_minute(day: dt.date, minute: float) -> dt.datetime:
    """The wall-clock time `minute` minutes after `day`'s midnight, to the second."""
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=round(minute * 60))


def is_venue_wide(row: SessionRow) -> bool:
    """Drawn across the day's rooms: a session placed in all rooms (a break), not one room's."""
    return row.all_rooms


def fitting_column_width(available: float, columns: int, day_gaps: int = 0) -> float:
    """Share `available` pixels between the columns, within readable bounds."""
    if columns <= 0:
        return MAX_COLUMN_WIDTH
    share = (available - day_gaps * DAY_GAP) / columns
    return max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, math.floor(share)))


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    index: int
    day: dt.date
    room_id: int | None  # None: the "No room" column
    name: str | None  # None for the "No room" column: the view names it in the user's language
    capacity: int | None
    x: float
    width: float

    @property
    def is_no_room(self) -> bool:
        return self.room_id is None

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclasses.dataclass(frozen=True, slots=True)
class DaySpan:
    """One day's group of columns; venue-wide sessions span `room_columns`."""

    day: dt.date
    x: float
    width: float
    columns: tuple[int, ...]
    room_columns: tuple[int, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class BlockPlace:
    """Where one session's block sits, in scene coordinates."""

    session_id: int
    day: dt.date
    first_column: int
    last_column: int
    start_minute: float
    end_minute: float
    x: float
    y: float
    width: float
    height: float
    lane: int
    lanes: int
    overlaps: bool  # shares time with another block in its place: a double booking
    venue_wide: bool
    # a room session during an all-rooms one, or an all-rooms one with room sessions in it
    under_all_rooms: bool = False


class TimetableLayout:
    """Columns, clock and blocks for given days, rooms and sessions at one zoom and width."""

    def __init__(
        self,
        days: Sequence[dt.date],
        rooms: Sequence[RoomRow],
        sessions: Iterable[SessionRow],
        *,
        pixels_per_minute: float = DEFAULT_ZOOM,
        column_width: float = 160.0,
        day_gap: float = DAY_GAP,
        widen_to: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    ) -> None:
        if pixels_per_minute <= 0 or column_width <= 0:
            raise ValueError("zoom and column width must be positive")
        self.days = tuple(sorted(set(days)))
        self.rooms = tuple(rooms)
        self.pixels_per_minute = pixels_per_minute
        self.column_width = column_width
        self.day_gap = day_gap
        shown = set(self.days)
        self.sessions = tuple(
            s
            for s in sessions
            if s.starts_at is not None and s.ends_at is not None and s.starts_at.date() in shown
        )
        # each session's day and minutes, worked out once for the clock and the blocks
        self._timed: list[tuple[SessionRow, dt.date, float, float]] = []
        for row in self.sessions:
            day = row.starts_at.date()  # type: ignore[union-attr]
            start = minutes_into(day, row.starts_at)  # type: ignore[arg-type]
            end = max(minutes_into(day, row.ends_at), start + 1)  # type: ignore[arg-type]
            self._timed.append((row, day, start, end))
        room_ids = {room.id for room in self.rooms}
        # sessions whose room is not a column (no room yet) get a "No room" column on their day
        homeless_days = {
            day
            for row, day, _start, _end in self._timed
            if not is_venue_wide(row) and row.room_id not in room_ids
        }
        # other spans the clock must show (a proposal's ghosts, placed in the hours staff chose)
        self.widen_to = tuple((a, b) for a, b in widen_to if a.date() in shown)
        self.first_minute, self.last_minute = self._clock_range()
        self.columns: list[Column] = []
        self.day_spans: list[DaySpan] = []
        self._build_columns(homeless_days)
        self._column_lefts = [c.x for c in self.columns]
        self._span_lefts = [s.x for s in self.day_spans]
        self._span_of_day = {span.day: span for span in self.day_spans}
        self._column_of_room = {(c.day, c.room_id): c for c in self.columns}
        self.blocks: dict[int, BlockPlace] = self._place_blocks()

    # --- size -------------------------------------------------------------------------------

    @property
    def width(self) -> float:
        return self.day_spans[-1].x + self.day_spans[-1].width if self.day_spans else 0.0

    @property
    def height(self) -> float:
        return self.y_for_minute(self.last_minute)

    def scaled(
        self, pixels_per_minute: float | None = None, column_width: float | None = None
    ) -> TimetableLayout:
        """The same timetable at another zoom or column width."""
        return TimetableLayout(
            self.days,
            self.rooms,
            self.sessions,
            pixels_per_minute=pixels_per_minute or self.pixels_per_minute,
            column_width=column_width or self.column_width,
            day_gap=self.day_gap,
            widen_to=self.widen_to,
        )

    # --- the clock --------------------------------------------------------------------------

    def _clock_range(self) -> tuple[int, int]:
        """08:00–19:00, widened to whole hours around the earliest and latest session (and the
        spans it is to widen to)."""
        first, last = DEFAULT_FIRST_MINUTE, DEFAULT_LAST_MINUTE
        spans = [(start, end) for _row, _day, start, end in self._timed]
        for starts_at, ends_at in self.widen_to:
            start = minutes_into(starts_at.date(), starts_at)
            spans.append((start, max(minutes_into(starts_at.date(), ends_at), start + 1)))
        for start, end in spans:
            first = min(first, math.floor(start / 60) * 60)
            last = max(last, math.ceil(end / 60) * 60)
        return max(0, first), min(LAST_POSSIBLE_MINUTE, last)

    def y_for_minute(self, minute: float) -> float:
        return (minute - self.first_minute) * self.pixels_per_minute

    def minute_at(self, y: float) -> float:
        return self.first_minute + y / self.pixels_per_minute

    def hour_minutes(self) -> range:
        """The minutes at which hour lines are drawn."""
        return range(self.first_minute, self.last_minute + 1, 60)

    def clamp_start(self, minute: float, length: float) -> float:
        """Keep a block of `length` minutes inside the visible clock."""
        latest = max(self.first_minute, self.last_minute - length)
        return min(max(minute, self.first_minute), latest)

    def clamp_end(self, start: float, end: float, step: int) -> float:
        """An end at least one grid step after `start` and not past the visible clock."""
        return max(start + step, min(end, max(self.last_minute, start + step)))

    # --- columns ----------------------------------------------------------------------------

    def _build_columns(self, homeless_days: set[dt.date]) -> None:
        x = 0.0
        for day_number, day in enumerate(self.days):
            if day_number:
                x += self.day_gap
            day_x = x
            room_indices: list[int] = []
            for room in self.rooms:
                room_indices.append(self._add_column(day, room.id, room.name, room.capacity, x))
                x += self.column_width
            indices = list(room_indices)
            if day in homeless_days or not self.rooms:
                no_room = self._add_column(day, None, None, None, x)
                x += self.column_width
                indices.append(no_room)
                if not room_indices:  # nowhere else for venue-wide sessions to go
                    room_indices.append(no_room)
            self.day_spans.append(
                DaySpan(day, day_x, x - day_x, tuple(indices), tuple(room_indices))
            )

    def _add_column(
        self, day: dt.date, room_id: int | None, name: str | None, capacity: int | None, x: float
    ) -> int:
        index = len(self.columns)
        self.columns.append(Column(index, day, room_id, name, capacity, x, self.column_width))
        return index

    def column_at(self, x: float) -> Column | None:
        """The column under `x`; the nearest one when `x` is in a gap or beyond the edges."""
        if not self.columns:
            return None
        index = bisect.bisect_right(self._column_lefts, x) - 1
        if index < 0:
            return self.columns[0]
        column = self.columns[index]
        if x >= column.right and index + 1 < len(self.columns):
            following = self.columns[index + 1]  # in the gap between two days
            if following.x - x < x - column.right:
                return following
        return column

    def day_span_at(self, x: float) -> DaySpan | None:
        if not self.day_spans:
            return None
        index = max(0, bisect.bisect_right(self._span_lefts, x) - 1)
        span = self.day_spans[index]
        if x >= span.x + span.width and index + 1 < len(self.day_spans):
            following = self.day_spans[index + 1]
            if following.x - x < x - (span.x + span.width):
                return following
        return span

    def day_span(self, day: dt.date) -> DaySpan | None:
        return self._span_of_day.get(day)

    def room_column(self, day: dt.date, room_id: int | None) -> Column | None:
        return self._column_of_room.get((day, room_id))

    def span_bounds(self, span: DaySpan) -> tuple[float, float]:
        """Left and width of the room columns a venue-wide block covers on that day."""
        first = self.columns[span.room_columns[0]]
        last = self.columns[span.room_columns[-1]]
        return first.x, last.right - first.x

    # --- blocks -----------------------------------------------------------------------------

    def _place_blocks(self) -> dict[int, BlockPlace]:
        # A block's "place" is what it must not share with another at the same time:
        # a room column, or for venue-wide sessions the whole day (column None).
        places: dict[tuple[dt.date, int], list[tuple[float, float, SessionRow]]] = defaultdict(list)
        for row, day, start, end in self._timed:
            if is_venue_wide(row):
                places[(day, -1)].append((start, end, row))
            else:
                home = (
                    self._column_of_room.get((day, row.room_id))
                    or self._column_of_room[(day, None)]
                )
                places[(day, home.index)].append((start, end, row))
        blocks: dict[int, BlockPlace] = {}
        for (day, index), entries in places.items():
            column = self.columns[index] if index >= 0 else None
            for (start, end, row), lane, lanes, overlaps in _lanes(entries):
                blocks[row.id] = self._block(day, column, row.id, start, end, lane, lanes, overlaps)
        self._mark_blocks_under_venue_wide(blocks)
        return blocks

    def _block(
        self,
        day: dt.date,
        column: Column | None,
        session_id: int,
        start: float,
        end: float,
        lane: int,
        lanes: int,
        overlaps: bool,
    ) -> BlockPlace:
        if column is None:  # venue-wide: across the day's rooms
            span = self._span_of_day[day]
            left, width = self.span_bounds(span)
            first, last = span.room_columns[0], span.room_columns[-1]
        else:
            left, width, first, last = column.x, column.width, column.index, column.index
        lane_width = width / lanes
        return BlockPlace(
            session_id=session_id,
            day=day,
            first_column=first,
            last_column=last,
            start_minute=start,
            end_minute=end,
            x=left + lane * lane_width + BLOCK_MARGIN,
            y=self.y_for_minute(start),
            width=max(4.0, lane_width - 2 * BLOCK_MARGIN),
            height=max(4.0, (end - start) * self.pixels_per_minute - 1),
            lane=lane,
            lanes=lanes,
            overlaps=overlaps,
            venue_wide=column is None,
        )

    def _mark_blocks_under_venue_wide(self, blocks: dict[int, BlockPlace]) -> None:
        """A room session during an all-rooms one (a break) is drawn over it: flag both."""
        wide: dict[dt.date, list[BlockPlace]] = defaultdict(list)
        for block in blocks.values():
            if block.venue_wide:
                wide[block.day].append(block)
        if not wide:
            return
        flagged: set[int] = set()
        for block in blocks.values():
            if block.venue_wide:
                continue
            for other in wide.get(block.day, ()):
                if (
                    other.first_column <= block.first_column <= other.last_column
                    and block.start_minute < other.end_minute
                    and other.start_minute < block.end_minute
                ):
                    flagged.update((block.session_id, other.session_id))
        for session_id in flagged:
            blocks[session_id] = dataclasses.replace(blocks[session_id], under_all_rooms=True)


def _lanes(
    entries: list[tuple[float, float, SessionRow]],
) -> list[tuple[tuple[float, float, SessionRow], int, int, bool]]:
    """Side-by-side lanes for blocks sharing a place at the same time (interval colouring).

    A cluster is a run of blocks linked by overlaps; every block in a cluster of two or more
    overlaps at least one other, and the cluster's blocks share its lane count.
    """
    ordered = sorted(entries, key=lambda e: (e[0], -e[1], e[2].id))  # longest first
    result: list[tuple[tuple[float, float, SessionRow], int, int, bool]] = []
    cluster: list[tuple[tuple[float, float, SessionRow], int]] = []
    lane_ends: list[float] = []
    cluster_end = -math.inf

    def close() -> None:
        lanes = len(lane_ends)
        result.extend((entry, lane, lanes, len(cluster) > 1) for entry, lane in cluster)

    for entry in ordered:
        start, end, _row = entry
        if start >= cluster_end and cluster:
            close()
            cluster, lane_ends = [], []
        lane = next((n for n, lane_end in enumerate(lane_ends) if lane_end <= start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        cluster.append((entry, lane))
        cluster_end = end if len(cluster) == 1 else max(cluster_end, end)
    if cluster:
        close()
    return result
