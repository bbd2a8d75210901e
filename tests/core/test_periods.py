"""Periods as people write them (forumdesk.core.periods)."""

from __future__ import annotations

import datetime as dt

import pytest

from forumdesk.core.errors import ValidationError
from forumdesk.core.periods import format_period, parse_periods


def _at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2021, 11, day, hour, minute)


@pytest.mark.parametrize(
    ("written", "periods"),
    [
        ("2021-11-25 09:00–12:00; 2021-11-26", [(_at(25, 9), _at(25, 12)), (_at(26), _at(27))]),
        ("25.11.2021 9:00 - 12:30", [(_at(25, 9), _at(25, 12, 30))]),
        ("2021-11-25 18:00 — 2021-11-26 10:00", [(_at(25, 18), _at(26, 10))]),
        ("2021-11-25 – 2021-11-26\n", [(_at(25), _at(27))]),
        ("  ;  ", []),
    ],
)
def test_periods_are_read_as_written(written: str, periods: list[tuple[dt.datetime, ...]]) -> None:
    assert parse_periods(written) == periods


@pytest.mark.parametrize(
    "written", ["2021-11-25 09:00", "tomorrow", "2021-02-30", "2021-11-25 12:00–09:00"]
)
def test_what_is_not_a_period_is_refused_naming_it(written: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_periods(f"2021-11-26; {written}")
    assert written in str(refused.value)


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        (_at(25, 9), _at(25, 12), "2021-11-25 09:00–12:00"),
        (_at(26), _at(27), "2021-11-26"),
        (_at(25), _at(27), "2021-11-25 – 2021-11-26"),
        (_at(25, 18), _at(26, 10), "2021-11-25 18:00 – 2021-11-26 10:00"),
    ],
)
def test_a_period_is_written_as_it_is_read(
    start: dt.datetime, end: dt.datetime, written: str
) -> None:
    assert format_period(start, end) == written
    assert parse_periods(written) == [(start, end)]
