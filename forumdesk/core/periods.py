"""Periods of time written as people write them: "2021-11-25 09:00–12:00; 2021-11-26".

An attendee file's "unavailable" column, the command line and the person dialog all read and
write periods this way. A period is a pair of naive wall-clock datetimes (the event's local
time), the end excluded:

    2021-11-26                       the whole day
    2021-11-25 09:00–12:00           part of a day (a hyphen or a dash, spaces allowed)
    2021-11-25 18:00 – 2021-11-26 10:00   across midnight
    2021-11-25 – 2021-11-27          whole days, the last one included
    25.11.2021 09:00-12:00           the same with day.month.year

Several periods are separated by ";" or new lines.
"""

from __future__ import annotations

import datetime as dt
import re

from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import _

Period = tuple[dt.datetime, dt.datetime]

# Periods are about a forum's days; a longer one is almost certainly a typing mistake.
MAX_PERIOD = dt.timedelta(days=62)

_DATE = r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})"
_TIME = r"(\d{1,2}[:.]\d{2})"
_DASH = r"\s*[-–—]\s*"
_PATTERNS = (
    ("day", re.compile(rf"{_DATE}")),
    ("hours", re.compile(rf"{_DATE}\s+{_TIME}{_DASH}{_TIME}")),
    ("span", re.compile(rf"{_DATE}\s+{_TIME}{_DASH}{_DATE}\s+{_TIME}")),
    ("days", re.compile(rf"{_DATE}{_DASH}{_DATE}")),
)
_SEPARATORS = re.compile(r"[;\n]+")


def _date(value: str) -> dt.date:
    if "." in value:
        day, month, year = value.split(".")
    else:
        year, month, day = value.split("-")
    return dt.date(int(year), int(month), int(day))


def _time(value: str) -> dt.time:
    hour, minute = re.split(r"[:.]", value)
    return dt.time(int(hour), int(minute))


def _one(part: str) -> Period:
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(part)
        if match is None:
            continue
        groups = match.groups()
        if kind == "day":
            start = dt.datetime.combine(_date(groups[0]), dt.time())
            return start, start + dt.timedelta(days=1)
        if kind == "hours":
            day = _date(groups[0])
            return (
                dt.datetime.combine(day, _time(groups[1])),
                dt.datetime.combine(day, _time(groups[2])),
            )
        if kind == "span":
            return (
                dt.datetime.combine(_date(groups[0]), _time(groups[1])),
                dt.datetime.combine(_date(groups[2]), _time(groups[3])),
            )
        first, last = _date(groups[0]), _date(groups[1])
        return (
            dt.datetime.combine(first, dt.time()),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
        )
    raise ValueError(part)


def parse_periods(value: str) -> list[Period]:
    """The periods a text lists; a ValidationError names the first part that is not one."""
    return [parse_period(part) for part in period_parts(value)]


def period_parts(value: str) -> list[str]:
    """The parts of a text that each should be one period, spaces tidied; none empty."""
    parts = (" ".join(raw.split()) for raw in _SEPARATORS.split(value))
    return [part for part in parts if part]


def parse_period(part: str) -> Period:
    """One period (one of period_parts); a ValidationError says why it is not one."""
    try:
        start, end = _one(part)
    except ValueError as exc:  # no pattern fits, or a 31st of February, or 25:00
        raise ValidationError(
            _(
                "«{period}» is not a period; write e.g. 2021-11-25 09:00–12:00, or a whole "
                "day as 2021-11-26."
            ).format(period=part),
            field="unavailable",
        ) from exc
    if end <= start:
        raise ValidationError(
            _("The period «{period}» ends before it starts.").format(period=part),
            field="unavailable",
        )
    return start, end


def format_period(start: dt.datetime, end: dt.datetime) -> str:
    """A period as parse_periods reads it back: "2021-11-25 09:00–12:00", "2021-11-26"."""
    midnight = dt.time()
    if start.time() == midnight and end.time() == midnight:
        last = end.date() - dt.timedelta(days=1)
        if last == start.date():
            return start.date().isoformat()
        return f"{start.date().isoformat()} – {last.isoformat()}"
    if start.date() == end.date():
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
