"""The daily hours automatic placement keeps to, when staff do not say otherwise.

A forum whose plenary opens at 08:30, or whose days run to 19:00, should not get proposals
squeezed into 09:00–18:00: by default the day runs from the earliest start to the latest end of
the sessions already on the timetable (rounded out to whole quarter hours), and never narrower
than 09:00–18:00. The window and the command line let staff choose other hours; `check_day_hours`
is the one rule both keep (the day starts before it ends).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import _
from forumdesk.db.engine import Database
from forumdesk.db.models import Event, ProgramSession
from forumdesk.scheduling.placement_model import DAY_ENDS, DAY_STARTS, PlacementSettings
from forumdesk.services.records import load

QUARTER = 15  # minutes: the hours are whole quarter hours
LAST_QUARTER = 24 * 60 - QUARTER  # a time of day cannot say 24:00; 23:45 is the latest end


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _clock(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def default_day_hours(db: Database, event_id: int) -> tuple[dt.time, dt.time]:
    """From the earliest start to the latest end of the event's placed sessions, in whole
    quarter hours, and never narrower than 09:00–18:00 (an event with nothing placed: that)."""
    opens, closes = _minutes(DAY_STARTS), _minutes(DAY_ENDS)
    with db.reader() as session:
        load(session, Event, event_id, "event")
        rows = session.execute(
            select(ProgramSession.starts_at, ProgramSession.ends_at).where(
                ProgramSession.event_id == event_id,
                ProgramSession.starts_at.is_not(None),
                ProgramSession.ends_at.is_not(None),
            )
        ).all()
    for starts_at, ends_at in rows:
        if starts_at is None or ends_at is None:  # the query leaves these out; for the types
            continue
        start = starts_at.hour * 60 + starts_at.minute
        # a session past midnight holds the day to its very end
        end = min(start + int((ends_at - starts_at).total_seconds() // 60), 24 * 60)
        opens = min(opens, start // QUARTER * QUARTER)
        closes = max(closes, min(-(-end // QUARTER) * QUARTER, LAST_QUARTER))
    return _clock(opens), _clock(closes)


def check_day_hours(starts: dt.time, ends: dt.time) -> None:
    """Refuse (ValidationError) a day that does not start before it ends."""
    if starts >= ends:
        raise ValidationError(
            _("The day must start before it ends: {starts} to {ends} is not a day.").format(
                starts=f"{starts:%H:%M}", ends=f"{ends:%H:%M}"
            ),
            field="day_hours",
        )


def with_day_hours(db: Database, event_id: int, settings: PlacementSettings) -> PlacementSettings:
    """The settings with the hours staff did not choose filled in from the event, checked."""
    starts, ends = settings.day_starts, settings.day_ends
    if starts is None or ends is None:
        default_starts, default_ends = default_day_hours(db, event_id)
        starts = default_starts if starts is None else starts
        ends = default_ends if ends is None else ends
    check_day_hours(starts, ends)
    return dataclasses.replace(settings, day_starts=starts, day_ends=ends)
