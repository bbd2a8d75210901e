"""The change journal: every change to the programme, written in the transaction that makes it.

Sessions, their placements, assignments, rooms and tracks are journalled in one place, a flush
listener on the desk's write sessions, rather than by every service: whatever a service, an
undo or the command line changes through the ORM is written down with what it was before and
after, when (UTC) and from which desk, in the same transaction (a rolled-back change leaves no
entry). A bulk write (an import, or its undo) is one entry for the whole unit of work, counting
the rows it wrote per table, not one per row: `as_one_entry` groups a unit of work that way, and
a bulk statement on a journalled table does so by itself.

The journal is the record of who did what; what changed between two published versions is read
from the versions' snapshots (services.versions), which a journal entry cannot get wrong.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import CursorResult, insert, inspect, select
from sqlalchemy.orm import InstanceState, Mapper, Session
from sqlalchemy.orm.base import NO_VALUE

from forumdesk.db.models import Assignment, JournalEntry, ProgramSession, Room, Track, utc_now

# The tables the journal follows, by ORM class
JOURNALLED: dict[type, str] = {
    ProgramSession: "program_sessions",
    Assignment: "assignments",
    Room: "rooms",
    Track: "tracks",
}
# bookkeeping, not part of what a record is
_LEFT_OUT = frozenset({"version", "updated_at", "updated_by"})
_GROUP = "forumdesk_journal_group"
# a Core INSERT of the table, made once: the ORM's bulk insert would cost an edit more
_INSERT = insert(JournalEntry.__table__)  # type: ignore[arg-type]
_INSERT_RETURNING = _INSERT.returning(JournalEntry.__table__.c.id)
BULK = "bulk"
ALL_TABLES = "*"  # the table of a bulk entry
# session.info: the ids of the entries a transaction wrote, so that this desk's change detector
# (forumdesk.db.changes) tells them from the entries other desks write
WRITTEN_IDS = "forumdesk_journal_ids"


def _plain(value: object) -> object:
    """A column's value as JSON holds it."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def _dumps(values: dict[str, object] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


class _Group:
    """A unit of work journalled as one entry: the rows it wrote, counted per table and kind."""

    def __init__(self, what: str, event_id: int | None) -> None:
        self.what = what
        self.event_id = event_id
        self.counts: Counter[str] = Counter()

    def after(self) -> dict[str, object]:
        return {"what": self.what, "rows": dict(sorted(self.counts.items()))}


class Journal:
    """Writes the journal for one database's write sessions (see Database.__init__).

    `enabled` False stops it (the benchmark measures an edit with and without it).
    """

    def __init__(self, desk: Callable[[], str]) -> None:
        self._desk = desk
        self.enabled = True

    # --- listeners -----------------------------------------------------------------------------

    def after_flush(self, session: Session, _context: object) -> None:
        """Journal what the flush wrote; history and the new/dirty/deleted lists still hold the
        state from before the flush."""
        if not self.enabled:
            return
        group: _Group | None = session.info.get(_GROUP)
        entries: list[dict[str, Any]] = []
        events: dict[int, int | None] = {}
        for obj, kind in _flushed(session):
            table = JOURNALLED.get(type(obj))
            if table is None:
                continue
            if group is not None:
                if kind != "update" or inspect(obj).committed_state:
                    group.counts[f"{table}.{kind}"] += 1
                continue
            state = inspect(obj)
            before, after = _values(state, kind)
            if kind == "update" and before == after:
                continue
            key = state.key[1] if state.key is not None else None
            entries.append(
                {
                    "event_id": self._event_of(session, obj, events),
                    "table_name": table,
                    "record": json.dumps(
                        list(key) if key else state.mapper.primary_key_from_instance(obj)
                    ),
                    "kind": kind,
                    "before": _dumps(before),
                    "after": _dumps(after),
                }
            )
        if entries:
            stamp = {"changed_at": utc_now(), "desk": self._desk()}
            rows = [{**entry, **stamp} for entry in entries]
            written: list[int] = session.info.setdefault(WRITTEN_IDS, [])
            connection = session.connection()
            if len(rows) == 1:
                # one row (an edit) as a single execute: executemany's set-up costs more than it
                written.append(_key(connection.execute(_INSERT, rows[0])))
            else:
                written.extend(connection.scalars(_INSERT_RETURNING, rows))

    def on_statement(self, state: Any) -> None:
        """A bulk ORM statement (UPDATE … WHERE, DELETE …) on a journalled table: the unit of
        work becomes one entry, if it is not one already."""
        if not self.enabled or not (state.is_insert or state.is_update or state.is_delete):
            return
        table = getattr(getattr(state.statement, "table", None), "name", None)
        if table in JOURNALLED.values():
            kind = "insert" if state.is_insert else "update" if state.is_update else "delete"
            group = state.session.info.setdefault(_GROUP, _Group(BULK, None))
            # how many rows a bulk statement touches is not known before it runs: the table
            # is named (a count of 0); rows written through bulk_insert are counted there
            group.counts[f"{table}.{kind}"] += 0

    def before_commit(self, session: Session) -> None:
        """Write a grouped unit of work's one entry."""
        if session.info.get(_GROUP) is not None:
            # what commit() would flush after this belongs to the group: counted in it, not
            # journalled as entries of its own after the group's entry
            session.flush()
        group: _Group | None = session.info.pop(_GROUP, None)
        if group is None or not self.enabled or not group.counts:
            return
        result = session.connection().execute(
            _INSERT,
            {
                "event_id": group.event_id,
                "changed_at": utc_now(),
                "desk": self._desk(),
                # several tables: `after` counts the rows of each
                "table_name": ALL_TABLES,
                "record": None,
                "kind": BULK,
                "before": None,
                "after": _dumps(group.after()),
            },
        )
        session.info.setdefault(WRITTEN_IDS, []).append(_key(result))

    @staticmethod
    def after_rollback(session: Session) -> None:
        session.info.pop(_GROUP, None)
        session.info.pop(WRITTEN_IDS, None)

    def _event_of(self, session: Session, obj: object, events: dict[int, int | None]) -> int | None:
        event_id = getattr(obj, "event_id", None)
        if event_id is not None or not isinstance(obj, Assignment):
            return event_id
        session_id = obj.session_id
        if session_id not in events:
            # a Core query: an ORM one would try to flush inside this flush
            events[session_id] = session.connection().scalar(
                select(ProgramSession.event_id).where(ProgramSession.id == session_id)
            )
        return events[session_id]


def _key(result: CursorResult[Any]) -> int:
    """The id of the one entry an INSERT wrote (the driver's last row id: no extra query)."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def as_one_entry(session: Session, what: str, event_id: int | None) -> None:
    """Journal the unit of work of `session`, from here to its commit, as one entry (an import).

    Rows written straight through the driver are counted with `note_bulk`.
    """
    group = session.info.get(_GROUP)
    if group is None or group.what == BULK:
        fresh = _Group(what, event_id)
        if group is not None:
            fresh.counts.update(group.counts)
        session.info[_GROUP] = fresh


def note_bulk(session: Session, table: str, kind: str, rows: int) -> None:
    """Count `rows` written to `table` outside the ORM (an import's driver-level INSERT)."""
    if table in JOURNALLED.values() and rows:
        group = session.info.setdefault(_GROUP, _Group(BULK, None))
        group.counts[f"{table}.{kind}"] += rows


def _flushed(session: Session) -> Iterator[tuple[object, str]]:
    for obj in session.new:
        yield obj, "insert"
    for obj in session.dirty:
        # only the journalled kinds, and those with a changed value (_values compares)
        if type(obj) in JOURNALLED:
            yield obj, "update"
    for obj in session.deleted:
        yield obj, "delete"


def _values(
    state: InstanceState[Any], kind: str
) -> tuple[dict[str, object] | None, dict[str, object] | None]:
    """(before, after): every column of an inserted or deleted record, the changed ones of an
    updated one (from the values the flush was based on, which after_flush still holds)."""
    columns = _columns(state.mapper)
    values = state.dict
    if kind == "insert":
        return None, {key: _plain(values.get(key)) for key in columns}
    if kind == "delete":
        return {key: _plain(values.get(key)) for key in columns}, None
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    for key, old in state.committed_state.items():
        if key not in columns:
            continue
        old_value, new_value = _plain(None if old is NO_VALUE else old), _plain(values.get(key))
        if old_value != new_value:
            before[key] = old_value
            after[key] = new_value
    return before, after


_COLUMNS: dict[Mapper[Any], frozenset[str]] = {}


def _columns(mapper: Mapper[Any]) -> frozenset[str]:
    """The names of a record's own columns, bookkeeping left out."""
    found = _COLUMNS.get(mapper)
    if found is None:
        found = frozenset(a.key for a in mapper.column_attrs if a.key not in _LEFT_OUT)
        _COLUMNS[mapper] = found
    return found
