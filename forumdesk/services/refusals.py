"""Saying what another desk did when this desk's edit is refused as stale.

A refused write (ConcurrentEditError) knows when and from which desk its record was last
written. For a session on the timetable the window also knows where the user last saw it, so
the refusal can say what happened in one sentence a coordinator reads at a glance: "S3 was
moved to Hall B, 2026-06-04 14:00–15:00, at 14:02 from the desk reception-2".
"""

from __future__ import annotations

import datetime as dt

from forumdesk.core.errors import ConcurrentEditError, NotFoundError
from forumdesk.core.i18n import _
from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import sessions
from forumdesk.services.records import change_time


def session_refusal(
    db: Database, error: ConcurrentEditError, seen: SessionRow | None
) -> ConcurrentEditError:
    """`error` (a refused write to session `error.record_id`) told as what happened to it since
    `seen` (the session as this desk last showed it, if known)."""
    if not isinstance(error.record_id, int):
        return error
    try:
        now = sessions.get_session(db, error.record_id)
    except NotFoundError:
        return error
    return ConcurrentEditError(
        explain_session_change(error, seen, now),
        what=error.what,
        record_id=error.record_id,
        changed_at=error.changed_at,
        changed_by=error.changed_by,
    )


def explain_session_change(
    error: ConcurrentEditError, seen: SessionRow | None, now: SessionRow
) -> str:
    """One or two sentences: what became of the session, when and from which desk; then that
    the change made here was not saved."""
    name = now.code or f"«{now.title}»"
    kept = _("Your change was not saved: the timetable now shows the session as it is.")
    if error.changed_at is None or not error.changed_by:
        return f"{error} {_where_now(now)}"
    time, desk = change_time(error.changed_at), error.changed_by
    moved = seen is not None and (seen.room_id, seen.starts_at) != (now.room_id, now.starts_at)
    if moved and not now.is_scheduled:
        said = _("{name} was taken off the timetable at {time} from the desk {desk}.").format(
            name=name, time=time, desk=desk
        )
    elif moved:
        said = _("{name} was moved to {place} at {time} from the desk {desk}.").format(
            name=name, place=place(now), time=time, desk=desk
        )
    elif seen is not None and seen.ends_at != now.ends_at and now.is_scheduled:
        said = _("{name} was changed to {place} at {time} from the desk {desk}.").format(
            name=name, place=place(now), time=time, desk=desk
        )
    else:
        said = _("{name} was changed at {time} from the desk {desk}.").format(
            name=name, time=time, desk=desk
        )
        return f"{said} {_where_now(now)} {kept}"
    return f"{said} {kept}"


def _where_now(now: SessionRow) -> str:
    if not now.is_scheduled:
        return _("It is not on the timetable now.")
    return _("Where it is now: {place}.").format(place=place(now))


def place(row: SessionRow) -> str:
    """Where and when a session is: "Hall B, 2026-06-04 14:00–15:00" (no room: the time)."""
    if row.starts_at is None or row.ends_at is None:
        return ""
    when = _span(row.starts_at, row.ends_at)
    return f"{row.room_name}, {when}" if row.room_name else when


def _span(start: dt.datetime, end: dt.datetime) -> str:
    if start.date() == end.date():
        return f"{start:%Y-%m-%d} {start:%H:%M}–{end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
