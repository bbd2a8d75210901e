"""What a refused stale write says: which record, when and from which desk it was changed.

A write based on an old version of a record is refused in two places: by the services, which
compare the version the user saw with the stored one, and by the database itself, when another
desk commits between that comparison and this desk's UPDATE (SQLAlchemy's version counter then
matches no row: StaleDataError). Both refusals read the record as it is now and say the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, inspect, select
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
    "check_ins": "check-in",
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
_STAMP = ("version", "updated_at", "updated_by", *_NAMED_BY)


@dataclass(frozen=True)
class _Written:
    """A versioned record a flush writes: where it is, the version it was read at, and the
    records it belongs to (an assignment's session), which can explain it when it is gone."""

    table: Table
    key: tuple[Any, ...]
    version: int
    parents: tuple[tuple[Table, Any], ...]


def remember_written(session: Session, _context: object, _instances: object) -> None:
    """Before each flush, note which versioned records it writes and at which version they were
    read: a flush that fails leaves them expired, and the refusal needs to know."""
    written: dict[tuple[Table, Any], _Written] = session.info.setdefault(_WRITTEN, {})
    for obj in (*session.dirty, *session.deleted):
        if not isinstance(obj, Versioned):
            continue
        state = inspect(obj)
        version = state.committed_state.get("version", state.dict.get("version"))
        table = state.mapper.local_table
        if version is None or state.identity is None or (table, state.identity) in written:
            continue
        parents = tuple(
            (key.column.table, state.dict[key.parent.key])
            for key in table.foreign_keys
            if state.dict.get(key.parent.key) is not None and "updated_by" in key.column.table.c
        )
        written[(table, state.identity)] = _Written(table, state.identity, version, parents)


def stale_flush_error(session: Session, fallback: str) -> ConcurrentEditError:
    """The refusal of a flush whose UPDATE or DELETE matched no row at its version: another
    desk committed meanwhile. Rolls the failed unit of work back, finds which record moved on
    (of those `remember_written` noted) and reads it as it is now; a record that is gone (an
    assignment another desk removed) is explained by the record it belonged to (its session)."""
    written: dict[tuple[Table, Any], _Written] = session.info.pop(_WRITTEN, {})
    session.rollback()
    for record in written.values():
        now = _read(session, record.table, record.key)
        if now is not None and now["version"] == record.version:
            continue  # this one was as read: not the record that moved on
        told, what = now, WHAT.get(record.table.name)
        if now is None or stamped_message(_Record(now)) is None:
            parents = [(table, _read(session, table, (key,))) for table, key in record.parents]
            stamped = [(t, row) for t, row in parents if row is not None and row["updated_at"]]
            if stamped:
                table, told = max(stamped, key=lambda pair: pair[1]["updated_at"])
                what = WHAT.get(table.name)
        message = stamped_message(_Record(told)) if told is not None else None
        return ConcurrentEditError(
            message or fallback,
            what=what,
            record_id=record.key[0] if len(record.key) == 1 else record.key,
            changed_at=told["updated_at"] if told is not None else None,
            changed_by=told["updated_by"] if told is not None else None,
        )
    return ConcurrentEditError(fallback)


def _read(session: Session, table: Table, key: tuple[Any, ...]) -> Any:
    """The stamp (version, when, which desk, name) of a row as it is now, or None if gone."""
    columns = [column for column in table.c if column.name in _STAMP]
    where = [column == value for column, value in zip(table.primary_key, key, strict=True)]
    return session.execute(select(*columns).where(*where)).mappings().first()


class _Record:
    """A row read back, answering like a record (getattr of its columns, None for others)."""

    def __init__(self, row: Any) -> None:
        self._row = dict(row)

    def __getattr__(self, name: str) -> Any:
        return self._row.get(name)
