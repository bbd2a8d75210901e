"""What a refused stale write says: which record, when and from which desk it was changed.

A write based on an old version of a record is refused in two places: by the services, which
compare the version the user saw with the stored one, and by the database itself, when another
desk commits between that comparison and this desk's UPDATE (SQLAlchemy's version counter then
matches no row: StaleDataError). Both refusals read the record as it is now and say the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from forumdesk.core.errors import ConcurrentEditError
from forumdesk.core.i18n import _
from forumdesk.db.models import Versioned

# The name a refusal gives each kind of record, by table ("session" for program_sessions)
WHAT = {
    "events": "event",
    "rooms": "room",
    "tracks": "track",
    "program_sessions": "session",
    "organizations": "organisation",
    "people": "person",
    "registrations": "registration",
    "assignments": "assignment",
    "person_unavailability": "unavailability period",
    "accepted_problems": "accepted problem",
}
_NAMED_BY = ("code", "title", "display_name", "name")


def record_name(record: Any) -> str | None:
    """How a refusal names a record: a session by its code (else its title), a person by their
    name, a room, track, event or organisation by its name; None for what has no name."""
    code = getattr(record, "code", None)
    if code:
        return str(code)
    for attribute in _NAMED_BY[1:]:
        value = getattr(record, attribute, None)
        if value:
            return f"«{value}»"
    return None


def change_time(changed_at: dt.datetime, today: dt.date | None = None) -> str:
    """When a record was changed (stored in UTC), in this computer's time: "14:02" today,
    "2026-12-03 14:02" on another day."""
    local = changed_at.replace(tzinfo=dt.UTC).astimezone()
    if local.date() == (today or dt.date.today()):
        return f"{local.hour:02d}:{local.minute:02d}"
    return f"{local:%Y-%m-%d} {local.hour:02d}:{local.minute:02d}"


def stamped_message(record: Any) -> str | None:
    """ "S3 was changed at 14:02 from the desk reception-2. …", or None when the record has
    no name or was written before forumdesk kept when and where."""
    changed_at = getattr(record, "updated_at", None)
    changed_by = getattr(record, "updated_by", None)
    name = record_name(record)
    if not name or changed_at is None or not changed_by:
        return None
    return _(
        "{name} was changed at {time} from the desk {desk}. Your change was not saved: "
        "look at it as it is now and make your change again if it is still needed."
    ).format(name=name, time=change_time(changed_at), desk=changed_by)


_WRITTEN = "forumdesk_written"


def remember_written(session: Session, _context: object, _instances: object) -> None:
    """Before each flush, note which versioned records it writes and at which version they were
    read: a flush that fails leaves them expired, and the refusal needs to know."""
    written = session.info.setdefault(_WRITTEN, {})
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, Versioned):
            state = inspect(obj)
            version = state.committed_state.get("version", state.dict.get("version"))
            if version is not None and state.identity is not None:
                written.setdefault((state.mapper, state.identity), version)


def stale_flush_error(session: Session, fallback: str) -> ConcurrentEditError:
    """The refusal of a flush whose UPDATE or DELETE matched no row at its version: another
    desk committed meanwhile. Rolls the failed unit of work back, finds which record moved on
    (of those `remember_written` noted) and reads it as it is now."""
    written = session.info.pop(_WRITTEN, {})
    session.rollback()
    for (mapper, key), version in written.items():
        table = mapper.local_table
        wanted = {"version", "updated_at", "updated_by", *_NAMED_BY}
        columns = [column for column in table.c if column.name in wanted]
        where = [column == value for column, value in zip(mapper.primary_key, key, strict=True)]
        now = session.execute(select(*columns).where(*where)).mappings().first()
        if now is not None and now["version"] == version:
            continue  # this one was as read: not the record that moved on
        message = stamped_message(_Record(now)) if now is not None else None
        return ConcurrentEditError(
            message or fallback,
            what=WHAT.get(table.name),
            record_id=key[0] if len(key) == 1 else key,
            changed_at=now["updated_at"] if now is not None else None,
            changed_by=now["updated_by"] if now is not None else None,
        )
    return ConcurrentEditError(fallback)


class _Record:
    """A row read back, answering like a record (getattr of its columns, None for others)."""

    def __init__(self, row: Any) -> None:
        self._row = dict(row)

    def __getattr__(self, name: str) -> Any:
        return self._row.get(name)
