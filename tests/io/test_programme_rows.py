"""Tests for forumdesk.io.programme_rows: reading a programme's cells."""

from __future__ import annotations

import pytest

from forumdesk.io.programme_rows import parse_length


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("90", 90),
        ("90 min", 90),
        ("1:30", 90),
        ("1.5 h", 90),
        ("1,5 ч", 90),
        ("1 ч 30 мин", 90),
        ("2 hours", 120),
        ("20 мин.", 20),
    ],
)
def test_a_planned_length_as_staff_write_it(written: str, minutes: int) -> None:
    assert parse_length(written) == minutes


@pytest.mark.parametrize("written", ["soon", "0", "25:00", "90 apples", "-5"])
def test_what_is_not_a_length_is_refused(written: str) -> None:
    with pytest.raises(ValueError):
        parse_length(written)
