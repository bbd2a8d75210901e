"""The timetable's geometry (plain Python): columns, the clock, snapping, lanes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forumdesk.core.enums import VENUE_WIDE_KINDS, SessionKind
from forumdesk.core.rows import RoomRow, SessionRow
from forumdesk.ui.timetable.geometry import (
    BLOCK_MARGIN,
    MAX_COLUMN_WIDTH,
    MIN_COLUMN_WIDTH,
    TimetableLayout,
    at_minute,
    fitting_column_width,
    minutes_into,
    snap,
)

DAY1, DAY2, DAY3 = dt.date(2027, 5, 12), dt.date(2027, 5, 13), dt.date(2027, 5, 14)
ROOMS = [
    RoomRow(id=10 + n, event_id=1, name=name, capacity=cap, position=n, notes=None, version=1)
    for n, (name, cap) in enumerate([("Plenary", 500), ("Hall A", 120), ("Hall B", 80)])
]


def _session(
    session_id: int,
    day: dt.date | None,
    start: str,
    end: str,
    *,
    room: int | None = 11,
    kind: SessionKind = SessionKind.DISCUSSION,
    all_rooms: bool | None = None,
) -> SessionRow:
    """A row; plenaries, breaks and registration are placed across all rooms unless told."""

    def when(clock: str) -> dt.datetime | None:
        return None if day is None else dt.datetime.combine(day, dt.time.fromisoformat(clock))

    return SessionRow(
        id=session_id,
        event_id=1,
        code=f"S{session_id}",
        title=f"Session {session_id}",
        kind=kind,
        track_id=None,
        track_name=None,
        track_color=None,
        room_id=room,
        room_name=None,
        starts_at=when(start),
        ends_at=when(end),
        description=None,
        expected_audience=None,
        version=1,
        all_rooms=kind in VENUE_WIDE_KINDS if all_rooms is None else all_rooms,
    )


def _layout(
    sessions: list[SessionRow], days: list[dt.date] | None = None, **kwargs: float
) -> TimetableLayout:
    return TimetableLayout(
        days or [DAY1], ROOMS, sessions, column_width=100, pixels_per_minute=1.0, **kwargs
    )


# --- snapping and the clock -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minute", "step", "expected"),
    [
        (13 * 60 + 2, 5, 13 * 60),
        (13 * 60 + 3, 5, 13 * 60 + 5),
        (13 * 60 + 7, 15, 13 * 60),
        (13 * 60 + 8, 15, 13 * 60 + 15),
        (13 * 60 + 7.5, 15, 13 * 60 + 15),
        (13 * 60 + 4, 10, 13 * 60),
        (13 * 60 + 6, 10, 13 * 60 + 10),
    ],
)
def test_snap_goes_to_the_nearest_grid_line(minute: float, step: int, expected: int) -> None:
    assert snap(minute, step) == expected


def test_snap_refuses_a_step_of_nothing() -> None:
    with pytest.raises(ValueError, match="positive"):
        snap(600, 0)


@given(st.floats(min_value=0, max_value=2880, allow_nan=False), st.sampled_from([5, 10, 15]))
def test_a_snapped_minute_is_on_the_grid_and_near(minute: float, step: int) -> None:
    snapped = snap(minute, step)
    assert snapped % step == 0
    assert abs(snapped - minute) <= step / 2


@given(
    st.floats(min_value=0, max_value=1440, allow_nan=False), st.sampled_from([0.5, 1.0, 1.25, 3.0])
)
def test_y_and_minute_convert_both_ways(minute: float, zoom: float) -> None:
    layout = TimetableLayout([DAY1], ROOMS, [], pixels_per_minute=zoom)
    assert layout.minute_at(layout.y_for_minute(minute)) == pytest.approx(minute)


def test_the_clock_runs_from_eight_to_seven_by_default() -> None:
    layout = _layout([_session(1, DAY1, "10:00", "11:00")])
    assert (layout.first_minute, layout.last_minute) == (8 * 60, 19 * 60)
    assert layout.y_for_minute(8 * 60) == 0
    assert layout.height == 11 * 60


def test_the_clock_widens_to_whole_hours_around_early_and_late_sessions() -> None:
    layout = _layout([_session(1, DAY1, "07:30", "09:00"), _session(2, DAY1, "19:30", "20:15")])
    assert (layout.first_minute, layout.last_minute) == (7 * 60, 21 * 60)
    assert list(layout.hour_minutes())[:2] == [7 * 60, 8 * 60]


def test_the_clock_widens_to_the_spans_it_is_given_on_the_days_shown() -> None:
    """A proposal's ghosts, placed in hours staff chose, are not cut off by the clock."""
    ghosts = [
        (dt.datetime.combine(DAY1, dt.time(6, 30)), dt.datetime.combine(DAY1, dt.time(7, 15))),
        (dt.datetime.combine(DAY1, dt.time(19)), dt.datetime.combine(DAY1, dt.time(20, 30))),
        (dt.datetime.combine(DAY2, dt.time(5)), dt.datetime.combine(DAY2, dt.time(6))),
    ]
    layout = TimetableLayout([DAY1], ROOMS, [_session(1, DAY1, "10:00", "11:00")], widen_to=ghosts)
    assert (layout.first_minute, layout.last_minute) == (6 * 60, 21 * 60)  # not DAY2's 05:00
    assert (layout.scaled(pixels_per_minute=2).first_minute) == 6 * 60


def test_zoom_scales_heights_and_positions() -> None:
    rows = [_session(1, DAY1, "10:00", "11:30")]
    small, large = _layout(rows), _layout(rows).scaled(pixels_per_minute=2.0)
    assert large.blocks[1].y == 2 * small.blocks[1].y
    assert large.blocks[1].height + 1 == pytest.approx(2 * (small.blocks[1].height + 1))


def test_times_and_minutes_round_trip_across_midnight() -> None:
    late = dt.datetime(2027, 5, 13, 0, 30)
    assert minutes_into(DAY1, late) == 24 * 60 + 30
    assert at_minute(DAY1, 24 * 60 + 30) == late
    assert at_minute(DAY1, 13 * 60 + 5) == dt.datetime(2027, 5, 12, 13, 5)


# --- columns ----------------------------------------------------------------------------------


def test_one_day_has_one_column_per_room_in_order() -> None:
    layout = _layout([])
    assert [(c.name, c.capacity, c.x) for c in layout.columns] == [
        ("Plenary", 500, 0),
        ("Hall A", 120, 100),
        ("Hall B", 80, 200),
    ]
    assert layout.width == 300
    assert [span.day for span in layout.day_spans] == [DAY1]


def test_all_days_stand_side_by_side_with_a_gap() -> None:
    layout = _layout([], days=[DAY2, DAY1, DAY3], day_gap=10)
    assert [c.day for c in layout.columns] == [DAY1] * 3 + [DAY2] * 3 + [DAY3] * 3
    assert [span.x for span in layout.day_spans] == [0, 310, 620]
    assert layout.columns[3].x == 310
    assert layout.width == 920


def test_column_at_finds_the_column_and_the_nearest_across_a_gap() -> None:
    layout = _layout([], days=[DAY1, DAY2], day_gap=10)
    assert layout.column_at(150).name == "Hall A"  # type: ignore[union-attr]
    assert layout.column_at(-40).index == 0  # type: ignore[union-attr]
    assert layout.column_at(302).index == 2  # type: ignore[union-attr]  # nearer day one
    assert layout.column_at(308).index == 3  # type: ignore[union-attr]  # nearer day two
    assert layout.column_at(5000).index == 5  # type: ignore[union-attr]
    assert layout.day_span_at(450).day == DAY2  # type: ignore[union-attr]


def test_a_no_room_column_appears_only_on_a_day_that_needs_it() -> None:
    homeless = _session(1, DAY2, "10:00", "11:00", room=None)
    layout = _layout([homeless, _session(2, DAY1, "10:00", "11:00")], days=[DAY1, DAY2])
    assert [c.room_id for c in layout.columns] == [10, 11, 12, 10, 11, 12, None]
    no_room = layout.columns[-1]
    assert layout.blocks[1].x == no_room.x + BLOCK_MARGIN
    assert no_room.index not in layout.day_spans[1].room_columns
    assert no_room.index in layout.day_spans[1].columns


def test_a_venue_wide_break_without_a_room_needs_no_no_room_column() -> None:
    lunch = _session(1, DAY1, "12:00", "13:00", room=None, kind=SessionKind.BREAK)
    layout = _layout([lunch])
    assert all(c.room_id is not None for c in layout.columns)
    block = layout.blocks[1]
    assert block.venue_wide
    assert (block.first_column, block.last_column) == (0, 2)
    assert block.x == BLOCK_MARGIN
    assert block.width == 300 - 2 * BLOCK_MARGIN


def test_plenaries_span_every_room_even_with_a_room_of_their_own() -> None:
    plenary = _session(1, DAY1, "10:00", "12:00", room=10, kind=SessionKind.PLENARY)
    layout = _layout([plenary, _session(2, DAY1, "13:00", "14:00", room=12)])
    assert layout.blocks[1].width == 300 - 2 * BLOCK_MARGIN
    assert layout.blocks[2].x == 200 + BLOCK_MARGIN
    assert layout.blocks[2].y == 5 * 60


def test_an_event_without_rooms_still_has_a_column_per_day() -> None:
    layout = TimetableLayout(
        [DAY1, DAY2], [], [_session(1, DAY1, "09:00", "10:00", room=None, kind=SessionKind.PLENARY)]
    )
    assert [c.room_id for c in layout.columns] == [None, None]
    assert layout.blocks[1].first_column == 0


def test_sessions_off_the_shown_days_and_unscheduled_ones_are_left_out() -> None:
    rows = [
        _session(1, DAY1, "10:00", "11:00"),
        _session(2, DAY2, "10:00", "11:00"),
        _session(3, None, "10:00", "11:00"),
    ]
    assert set(_layout(rows).blocks) == {1}
    assert set(_layout(rows, days=[DAY1, DAY2]).blocks) == {1, 2}


# --- lanes and overlaps -----------------------------------------------------------------------


def test_a_double_booked_room_shows_both_sessions_side_by_side() -> None:
    rows = [
        _session(1, DAY1, "10:00", "11:00"),
        _session(2, DAY1, "10:30", "12:00"),
        _session(3, DAY1, "12:00", "13:00"),
    ]
    blocks = _layout(rows).blocks
    assert (blocks[1].lane, blocks[1].lanes, blocks[2].lane, blocks[2].lanes) == (0, 2, 1, 2)
    assert blocks[1].overlaps and blocks[2].overlaps
    assert blocks[2].x == 100 + 50 + BLOCK_MARGIN
    assert blocks[1].width == 50 - 2 * BLOCK_MARGIN
    assert (blocks[3].lanes, blocks[3].overlaps) == (1, False)  # starts as the other ends


def test_a_freed_lane_is_reused() -> None:
    rows = [
        _session(1, DAY1, "10:00", "12:00"),
        _session(2, DAY1, "10:00", "10:30"),
        _session(3, DAY1, "11:00", "11:30"),
    ]
    blocks = _layout(rows).blocks
    assert [blocks[i].lane for i in (1, 2, 3)] == [0, 1, 1]
    assert {blocks[i].lanes for i in (1, 2, 3)} == {2}


def test_a_room_session_during_a_break_is_flagged_with_the_break() -> None:
    """Flagged as what it is (during an all-rooms break), not as a room booked twice."""
    rows = [
        _session(1, DAY1, "12:00", "13:00", room=None, kind=SessionKind.BREAK),
        _session(2, DAY1, "12:30", "13:30", room=11),
        _session(3, DAY1, "13:00", "14:00", room=12),
    ]
    blocks = _layout(rows).blocks
    assert blocks[1].under_all_rooms and blocks[2].under_all_rooms
    assert not blocks[3].under_all_rooms
    assert not any(b.overlaps for b in blocks.values())


def test_clamping_keeps_blocks_inside_the_clock() -> None:
    layout = _layout([])
    assert layout.clamp_start(6 * 60, 60) == 8 * 60
    assert layout.clamp_start(18 * 60 + 30, 60) == 18 * 60
    assert layout.clamp_end(10 * 60, 10 * 60 + 5, 15) == 10 * 60 + 15
    assert layout.clamp_end(10 * 60, 23 * 60, 15) == 19 * 60


def test_column_width_fits_the_screen_within_readable_bounds() -> None:
    assert fitting_column_width(1000, 5) == 200
    assert fitting_column_width(1000, 40) == MIN_COLUMN_WIDTH
    assert fitting_column_width(3840, 2) == MAX_COLUMN_WIDTH
    assert fitting_column_width(2010, 10, day_gaps=1) == 200
