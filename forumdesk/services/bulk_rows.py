"""Whole rows of a table read, written, inserted and deleted in bulk, by their keys.

What import undo and redo (forumdesk.services.import_undo) move back and forth. An import's new
records have consecutive ids (they were inserted together), so keys go to the database mostly
as ranges (id BETWEEN first AND last): a 20,000-person import is one range.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, bindparam, delete, select, update
from sqlalchemy.orm import Session

from forumdesk.db.models import Base

Key = tuple[Any, ...]  # a primary key's values, in the table's key order

_CHUNK = 500  # ids in one IN list (under SQLite's old limit of 999 parameters)
_RUN = 8  # consecutive ids that go as one range rather than in an IN list


@dataclass(frozen=True, slots=True)
class TableRows:
    """Whole rows of one table as read, with their keys: what redo inserts or undo writes back."""

    columns: tuple[str, ...]
    keys: tuple[Key, ...]
    rows: tuple[tuple[Any, ...], ...]

    @classmethod
    def of(cls, table: Table, rows: Mapping[Key, tuple[Any, ...]]) -> TableRows:
        """`rows` as read_rows read them (the columns of `row_columns`)."""
        columns = tuple(c.name for c in row_columns(table))
        return cls(columns, tuple(rows), tuple(rows.values()))

    def versions(self) -> dict[Key, int]:
        at = self.columns.index("version")
        return {key: int(row[at]) for key, row in zip(self.keys, self.rows, strict=True)}

    def contents(self) -> dict[Key, int]:
        """Each row's content without its version, as a hash: what an edit would change."""
        at = self.columns.index("version")
        return {key: content_hash(row, at) for key, row in zip(self.keys, self.rows, strict=True)}

    def without(self, keys: set[Key]) -> TableRows:
        kept = [(k, r) for k, r in zip(self.keys, self.rows, strict=True) if k not in keys]
        return TableRows(self.columns, tuple(k for k, _r in kept), tuple(r for _k, r in kept))


# When and from which desk a record was last written: set by the database layer on every write
# (forumdesk.db.models.Versioned), so neither read back as content nor written back by undo.
_STAMPS = frozenset({"updated_at", "updated_by"})


def row_columns(table: Table) -> list[Any]:
    """The columns a record's row is read, compared and written back with."""
    return [c for c in table.columns if c.name not in _STAMPS]


def content_hash(row: Sequence[Any], version_at: int) -> int:
    return hash(tuple(_hashable(v) for i, v in enumerate(row) if i != version_at))


def _hashable(value: Any) -> Any:
    """A JSON column's value (translations: a dict) as text that hashes; others as they are."""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def table_named(name: str) -> Table:
    return Base.metadata.tables[name]


def as_key(key: object) -> Key:
    return key if isinstance(key, tuple) else (key,)


def key_columns(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def id_clauses(column: Any, ids: Iterable[int]) -> Iterator[ColumnElement[bool]]:
    """Conditions that together select exactly `ids`: a range per run, IN lists for the rest."""
    ordered = sorted(set(ids))
    scattered: list[int] = []
    start = 0
    while start < len(ordered):
        end = start
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        if end - start + 1 >= _RUN:
            yield column.between(ordered[start], ordered[end])
        else:
            scattered.extend(ordered[start : end + 1])
        start = end + 1
    for at in range(0, len(scattered), _CHUNK):
        yield column.in_(scattered[at : at + _CHUNK])


def key_clauses(table: Table, keys: Iterable[Key]) -> Iterator[ColumnElement[bool]]:
    """Conditions that together select exactly the records with these keys."""
    columns = key_columns(table)
    if len(columns) == 1:
        yield from id_clauses(columns[0], (k[0] for k in keys))
        return
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for first, second in keys:
        grouped[first].append(second)
    for first, seconds in sorted(grouped.items()):
        for clause in id_clauses(columns[1], seconds):
            yield and_(columns[0] == first, clause)


def _key_getter(table: Table, columns: Sequence[str]) -> Callable[[Sequence[Any]], Key]:
    at = [list(columns).index(c.name) for c in key_columns(table)]
    if len(at) == 1:
        only = at[0]
        return lambda row: (row[only],)
    first, second = at
    return lambda row: (row[first], row[second])


def read_rows(session: Session, table: Table, keys: Sequence[Key]) -> dict[Key, tuple[Any, ...]]:
    """The rows (`row_columns`) of the records with these keys (those that exist), by key."""
    columns = row_columns(table)
    key_of = _key_getter(table, [c.name for c in columns])
    found: dict[Key, tuple[Any, ...]] = {}
    connection = session.connection()  # plain rows: no ORM bookkeeping for 20,000 of them
    for clause in key_clauses(table, keys):
        for row in connection.execute(select(*columns).where(clause)).all():
            found[key_of(row)] = tuple(row)
    return found


def read_versions(session: Session, table: Table, keys: Sequence[Key]) -> dict[Key, int]:
    """The version of each record with one of these keys that exists."""
    columns = key_columns(table)
    found: dict[Key, int] = {}
    for clause in key_clauses(table, keys):
        query = select(*columns, table.c.version).where(clause)
        found.update((tuple(row[:-1]), int(row[-1])) for row in session.execute(query))
    return found


def insert_rows(session: Session, table: Table, rows: TableRows) -> None:
    """INSERT the rows as they were read; on SQLite the import's own fast path does it."""
    # here, not at the top: the window imports this module (its undo command) at start-up
    from forumdesk.services.import_writing import bulk_insert, is_sqlite

    if not rows.rows:
        return
    if not is_sqlite(session):
        session.execute(
            table.insert(), [dict(zip(rows.columns, row, strict=True)) for row in rows.rows]
        )
        return
    dialect = session.get_bind().dialect
    processors = [
        (at, processor)
        for at, name in enumerate(rows.columns)
        if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        is not None
    ]
    stored = rows.rows
    if processors:  # to what the driver takes: enums to their values, times to text
        stored = tuple(_stored(row, processors) for row in rows.rows)
    bulk_insert(session, table, rows.columns, stored)


def _stored(
    row: tuple[Any, ...], processors: Sequence[tuple[int, Callable[[Any], Any]]]
) -> tuple[Any, ...]:
    values = list(row)
    for at, processor in processors:
        values[at] = processor(values[at])
    return tuple(values)


def write_rows(
    session: Session, table: Table, rows: TableRows, versions: Mapping[Key, int]
) -> dict[Key, int]:
    """Write `rows` over the records with their keys, each at the next version; new versions."""
    keys = {c.name for c in key_columns(table)}
    values = [c for c in rows.columns if c not in keys and c != "version"]
    statement = (
        update(table)
        .where(and_(*(table.c[name] == bindparam(f"key_{name}") for name in keys)))
        .values({name: bindparam(f"new_{name}") for name in [*values, "version"]})
    )
    written: dict[Key, int] = {}
    parameters = []
    for key, row in zip(rows.keys, rows.rows, strict=True):
        written[key] = versions[key] + 1
        record = dict(zip(rows.columns, row, strict=True))
        parameters.append(
            {
                **{f"key_{n}": record[n] for n in keys},
                **{f"new_{n}": record[n] for n in values},
                "new_version": written[key],
            }
        )
    if parameters:
        session.execute(statement, parameters)
    return written


def delete_rows(session: Session, table: Table, keys: Sequence[Key]) -> None:
    for clause in key_clauses(table, keys):
        session.execute(delete(table).where(clause))
