"""What the other desks committed: which records of which table changed, found cheaply.

Several desks share one database. Each desk asks, a few times a second, whether someone else
committed, and if so which records changed, so that its views reload only those records.

On SQLite, `PRAGMA data_version` on a connection kept for the purpose changes whenever another
connection commits; one pragma is the whole cost of a quiet poll. When it moved, a fingerprint
per table (row count, sum of versions, sum of keys: one indexed aggregate each) tells which
tables moved, and for those only, a snapshot of every record's (key, version) tells which
records were inserted, updated or deleted. No trigger, no change-log table and no migration:
any writer is seen (the command line, another version of forumdesk), nothing grows in the file,
and the cost is paid only by the tables that did change. Every update bumps `version`
(SQLAlchemy's version counter), every insert takes a key never used before (AUTOINCREMENT), so
the fingerprint moves with every commit that changes a table.

The published versions and the change journal are only ever added to: for them the detector
asks for the keys above the highest it knew (one indexed range each), and leaves out those this
desk wrote, the journal keeping the keys of the entries it writes through Core.

On PostgreSQL, a commit tells the others itself: in the same transaction it sends
`NOTIFY forumdesk_changes` with a JSON payload per table: the desk that wrote, the table and the
keys it flushed (or none, meaning "the whole table": a bulk statement). A desk LISTENs on a
connection of its own and reads what arrived without waiting.

A desk's own commits are known to it already (its views reload after its own commands), so both
detectors leave them out: on SQLite the records this desk flushed, at the version it flushed
them, are dropped from what the snapshot finds; on PostgreSQL a notice carrying this desk's own
token is dropped.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
import weakref
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, inspect
from sqlalchemy.orm import Session

from forumdesk.db.engine import Database
from forumdesk.db.journal import WRITTEN_IDS

# The tables a desk shows, with their key columns.
TABLE_KEYS: Mapping[str, tuple[str, ...]] = {
    "events": ("id",),
    "rooms": ("id",),
    "tracks": ("id",),
    "program_sessions": ("id",),
    "organizations": ("id",),
    "people": ("id",),
    "registrations": ("event_id", "person_id"),
    "assignments": ("session_id", "person_id"),
    "person_unavailability": ("id",),
    "accepted_problems": ("id",),
    "check_ins": ("id",),
}

# Tables only ever added to (rows are never changed; removed only with their event): the
# published versions and the change journal. They have no version column; a desk finds the
# other desks' new rows by their keys, above the highest it knew (AUTOINCREMENT: never reused).
APPENDED_TABLES: tuple[str, ...] = ("programme_versions", "change_journal")

NOTIFY_CHANNEL = "forumdesk_changes"
# PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; keys are split to stay well below.
_PAYLOAD_LIMIT = 7000

Key = Hashable  # an id, or a tuple of ids for a table with a composite key


@dataclass(frozen=True)
class ChangeSet:
    """The records that changed, per table; a table mapped to None changed as a whole."""

    records: Mapping[str, frozenset[Key] | None] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.records)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.records)

    def keys(self, table: str) -> frozenset[Key] | None:
        """The changed keys of `table` (empty when untouched, None when all of it changed)."""
        return self.records.get(table, frozenset())

    def touches(self, table: str, key: Key) -> bool:
        if table not in self.records:
            return False
        keys = self.records[table]
        return keys is None or key in keys

    def merged(self, other: ChangeSet) -> ChangeSet:
        records: dict[str, frozenset[Key] | None] = dict(self.records)
        for table, keys in other.records.items():
            if table in records:
                mine = records[table]
                records[table] = None if mine is None or keys is None else mine | keys
            else:
                records[table] = keys
        return ChangeSet(records)


# --- what this desk wrote ---------------------------------------------------------------------


class DeskWrites:
    """The records this desk's own transactions flushed, with the version each was left at.

    Listens to the ORM sessions bound to one engine (the desk's writes), so that the detector
    can tell this desk's commits from the others'. `notify_channel` set (PostgreSQL), the
    transaction also sends what it flushed to the other desks before it commits.
    """

    def __init__(self, notify_channel: str | None = None) -> None:
        self.token = uuid.uuid4().hex  # names this desk in its notices
        self.notify_channel = notify_channel
        # (table, key) -> the version it was flushed at (None: deleted)
        self.flushed: dict[tuple[str, Key], int | None] = {}

    @classmethod
    def of(cls, db: Database) -> DeskWrites:
        """The record of `db`'s writes, kept from now on as long as its engine lives.

        On PostgreSQL its transactions announce their changes to the other desks from now on.
        """
        desk = _desks.get(db.engine)
        if desk is None:
            desk = cls(None if db.is_sqlite else NOTIFY_CHANNEL)
            _desks[db.engine] = desk
        return desk

    def take(self, table: str, key: Key, version: int | None) -> bool:
        """True (and forgotten) when this desk left `key` of `table` at `version` itself."""
        marker = (table, key)
        left = self.flushed.pop(marker, _NOTHING)
        # a marker at another version: changed again since, by another desk
        return left is not _NOTHING and left == version

    def _on_flush(self, session: Session) -> None:
        pending: dict[str, set[Key] | None] = session.info.setdefault(_PENDING, {})
        flushed: dict[tuple[str, Key], int | None] = session.info.setdefault(_FLUSHED, {})
        for obj, deleted in _flushed_objects(session):
            table = getattr(obj, "__tablename__", None)
            if not isinstance(table, str) or (
                table not in TABLE_KEYS and table not in APPENDED_TABLES
            ):
                continue
            key = _key_of(obj)
            version = None if deleted else getattr(obj, "version", None)
            flushed[(table, key)] = version
            if table in pending:
                keys = pending[table]
                if keys is not None:
                    keys.add(key)
            else:
                pending[table] = {key}

    def _after_commit(self, session: Session) -> None:
        """What the transaction flushed is this desk's from now on (not if it rolled back)."""
        flushed = session.info.pop(_FLUSHED, None)
        journalled = session.info.pop(WRITTEN_IDS, None)
        if journalled:  # written through Core, not flushed: the journal kept their keys
            flushed = flushed or {}
            flushed.update((("change_journal", key), None) for key in journalled)
        if not flushed:
            return
        if len(self.flushed) + len(flushed) > 100_000:  # imports: forget, at worst a reload
            self.flushed.clear()
        self.flushed.update(flushed)

    def _on_statement(self, session: Session, table: str) -> None:
        pending: dict[str, set[Key] | None] = session.info.setdefault(_PENDING, {})
        pending[table] = None  # a bulk statement: which rows is not known here

    def _before_commit(self, session: Session) -> None:
        if self.notify_channel is None:
            session.info.pop(_PENDING, None)
            return
        session.flush()  # what commit() would flush next, so that it is announced too
        pending = session.info.pop(_PENDING, None)
        journalled = session.info.get(WRITTEN_IDS)
        if journalled:
            pending = pending or {}
            pending["change_journal"] = set(journalled)
        if not pending:
            return
        from sqlalchemy import func, select

        for payload in notice_payloads(self.token, pending):
            session.execute(select(func.pg_notify(self.notify_channel, payload)))


_PENDING = "forumdesk_pending_changes"
_FLUSHED = "forumdesk_flushed_versions"
_NOTHING = object()
_desks: weakref.WeakKeyDictionary[Engine, DeskWrites] = weakref.WeakKeyDictionary()


def announce_changes(db: Database) -> None:
    """Have `db`'s commits tell the other desks what they changed (PostgreSQL's NOTIFY).

    Called for every database opened, so that a commit from the command line is seen too.
    """
    DeskWrites.of(db)


def _desk_of(session: Session) -> DeskWrites | None:
    bind = session.bind
    return _desks.get(bind) if isinstance(bind, Engine) else None


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    desk = _desk_of(session)
    if desk is not None:
        desk._on_flush(session)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    desk = _desk_of(session)
    if desk is not None:
        desk._before_commit(session)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    desk = _desk_of(session)
    if desk is not None:
        desk._after_commit(session)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_FLUSHED, None)


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(state: Any) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    desk = _desk_of(state.session)
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if desk is not None and isinstance(table, str) and table in TABLE_KEYS:
        desk._on_statement(state.session, table)


def _flushed_objects(session: Session) -> Iterator[tuple[Any, bool]]:
    for obj in session.new:
        yield obj, False
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            yield obj, False
    for obj in session.deleted:
        yield obj, True


def _key_of(obj: Any) -> Key:
    state = inspect(obj)
    identity = state.identity
    if identity is None:
        # inserted by this flush: after_flush runs before the record joins the identity map,
        # its key is in its attributes already
        identity = state.mapper.primary_key_from_instance(obj)
    return identity[0] if len(identity) == 1 else tuple(identity)


# --- PostgreSQL notices -----------------------------------------------------------------------


def notice_payloads(desk: str, changes: Mapping[str, Iterable[Key] | None]) -> Iterator[str]:
    """The NOTIFY payloads for `changes`: one JSON object per table, split to fit the limit."""
    for table, keys in sorted(changes.items()):
        if keys is None:
            yield json.dumps({"desk": desk, "table": table, "keys": None})
            continue
        chunk: list[Any] = []
        size = 0
        for key in sorted(keys, key=repr):
            item = list(key) if isinstance(key, tuple) else key
            chunk.append(item)
            size += len(json.dumps(item)) + 2
            if size > _PAYLOAD_LIMIT:
                yield json.dumps({"desk": desk, "table": table, "keys": chunk})
                chunk, size = [], 0
        if chunk:
            yield json.dumps({"desk": desk, "table": table, "keys": chunk})


def read_notice(payload: str) -> tuple[str, str, frozenset[Key] | None] | None:
    """(desk, table, keys) from a payload, or None when it is not one of ours."""
    try:
        notice = json.loads(payload)
        desk, table, keys = notice["desk"], notice["table"], notice["keys"]
    except (ValueError, KeyError, TypeError):
        return None
    if (table not in TABLE_KEYS and table not in APPENDED_TABLES) or not isinstance(desk, str):
        return None
    if keys is None:
        return desk, table, None
    return desk, table, frozenset(tuple(k) if isinstance(k, list) else k for k in keys)


class PostgresChangeDetector:
    """LISTENs for the other desks' notices on a connection of its own; never blocks."""

    def __init__(self, db: Database) -> None:
        import psycopg

        self.writes = DeskWrites.of(db)
        url = db.url.set(drivername="postgresql")
        self._conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    ready = True  # LISTENing since it was made

    def poll(self) -> ChangeSet:
        """What the other desks committed since the last poll (empty when nothing)."""
        changes = ChangeSet()
        for notice in self._conn.notifies(timeout=0):
            read = read_notice(notice.payload)
            if read is None or read[0] == self.writes.token:
                continue
            _desk, table, keys = read
            changes = changes.merged(ChangeSet({table: keys}))
        return changes

    def close(self) -> None:
        self._conn.close()


# --- SQLite: data_version, fingerprints and snapshots -----------------------------------------


def _fingerprint_sql(table: str) -> str:
    columns = TABLE_KEYS[table]
    # a sum of keys: an insert and a delete in one commit still move it
    key_sum = " + ".join(f"{column} * {1_000_003**n}" for n, column in enumerate(columns))
    return (
        f"SELECT count(*), coalesce(sum(version), 0), coalesce(sum(({key_sum}) % 2147483647), 0)"
        f" FROM {table}"
    )


class SqliteChangeDetector:
    """Polls `PRAGMA data_version` on a kept connection; reports the records that changed."""

    def __init__(self, db: Database, *, snapshot: bool = True) -> None:
        """Know the database's present state: the fingerprints, and (`snapshot`) the records.

        Without `snapshot` (a window starting: a 50,000-person directory takes tens of
        milliseconds to read), the records are read by the first poll, which reports a table
        whose fingerprint moved meanwhile as changed as a whole.
        """
        assert db.is_sqlite and db.url.database, "a database file"
        self.writes = DeskWrites.of(db)
        # autocommit: each poll reads the latest committed state
        self._conn = sqlite3.connect(db.url.database, isolation_level=None, timeout=5)
        self._data_version = self._read_data_version()
        self._fingerprints: dict[str, tuple[int, int, int]] = {}
        self._snapshots: dict[str, dict[int, int]] = {}
        self._last_keys: dict[str, int] = {}  # of APPENDED_TABLES: the highest key known
        self._conn.execute("BEGIN")
        try:
            for table in TABLE_KEYS:
                self._fingerprints[table] = self._fingerprint(table)
                if snapshot:
                    self._snapshots[table] = self._snapshot(table)
            for table in APPENDED_TABLES:
                self._last_keys[table] = self._last_key(table)
        finally:
            self._conn.execute("COMMIT")

    @property
    def ready(self) -> bool:
        """True once the records are known: the next poll names the changed ones."""
        return bool(self._snapshots)

    def _read_data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _take_snapshots(self) -> dict[str, frozenset[Key] | None]:
        """The first poll of a detector made without them; tables that moved since, as wholes."""
        moved: dict[str, frozenset[Key] | None] = {}
        self._conn.execute("BEGIN")
        try:
            for table in TABLE_KEYS:
                fingerprint = self._fingerprint(table)
                if fingerprint != self._fingerprints[table]:
                    moved[table] = None
                self._fingerprints[table] = fingerprint
                self._snapshots[table] = self._snapshot(table)
            for table in APPENDED_TABLES:
                last = self._last_key(table)
                if last != self._last_keys[table]:
                    moved[table] = None
                self._last_keys[table] = last
        finally:
            self._conn.execute("COMMIT")
        return moved

    def _last_key(self, table: str) -> int:
        # max() of an INTEGER PRIMARY KEY is one step down the table's b-tree
        return int(self._conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    def _appended(self, table: str) -> set[Key]:
        """The keys of `table` added since the last poll by the other desks."""
        last = self._last_keys[table]
        fresh = [k for (k,) in self._conn.execute(f"SELECT id FROM {table} WHERE id > ?", (last,))]
        if not fresh:
            return set()
        self._last_keys[table] = max(fresh)
        take = self.writes.take
        return {key for key in fresh if not take(table, key, None)}

    def _fingerprint(self, table: str) -> tuple[int, int, int]:
        count, versions, keys = self._conn.execute(_fingerprint_sql(table)).fetchone()
        return int(count), int(versions), int(keys)

    def _snapshot(self, table: str) -> dict[int, int]:
        """Every record's version by key; a pair of ids packed into one integer, so that the
        dictionary is built and compared in C (50,000 people in a few milliseconds)."""
        columns = TABLE_KEYS[table]
        packed = columns[0] if len(columns) == 1 else f"({columns[0]} << 32) | {columns[1]}"
        return dict(self._conn.execute(f"SELECT {packed}, version FROM {table}"))

    def poll(self) -> ChangeSet:
        """What the other desks committed since the last poll (empty when nothing)."""
        if not self._snapshots:
            self._data_version = self._read_data_version()
            return ChangeSet(self._take_snapshots())
        version = self._read_data_version()
        if version == self._data_version:
            return ChangeSet()
        self._data_version = version
        records: dict[str, frozenset[Key] | None] = {}
        self._conn.execute("BEGIN")  # one consistent state across the tables
        try:
            for table in TABLE_KEYS:
                fingerprint = self._fingerprint(table)
                if fingerprint == self._fingerprints[table]:
                    continue
                self._fingerprints[table] = fingerprint
                fresh = self._snapshot(table)
                changed = self._diff(table, self._snapshots[table], fresh)
                self._snapshots[table] = fresh
                if changed:
                    records[table] = frozenset(changed)
            for table in APPENDED_TABLES:
                appended = self._appended(table)
                if appended:
                    records[table] = frozenset(appended)
        finally:
            self._conn.execute("COMMIT")
        return ChangeSet(records)

    def _diff(self, table: str, old: dict[int, int], new: dict[int, int]) -> set[Key]:
        # set operations on the items, in C: inserted or updated, then deleted
        packed = {key for key, _version in new.items() - old.items()}
        packed.update(old.keys() - new.keys())
        pair = len(TABLE_KEYS[table]) == 2
        take = self.writes.take
        changed: set[Key] = set()
        for key in packed:
            unpacked: Key = (key >> 32, key & 0xFFFFFFFF) if pair else key
            if not take(table, unpacked, new.get(key)):
                changed.add(unpacked)
        return changed

    def close(self) -> None:
        self._conn.close()


ChangeDetector = SqliteChangeDetector | PostgresChangeDetector


def change_detector(db: Database, *, snapshot: bool = True) -> ChangeDetector:
    """The detector for `db`'s kind of database (`snapshot`: see SqliteChangeDetector)."""
    if db.is_sqlite:
        return SqliteChangeDetector(db, snapshot=snapshot)
    return PostgresChangeDetector(db)
