"""Undoing and redoing an import: one step, whatever the file's size.

An import records what it wrote (ChangeRecorder): the keys of the records it created and, for
the records it changed, their rows as they were before. `undo_import` deletes what was created
and writes the old rows back; it first reads the created rows and the changed rows as the
import left them, which is what `redo_import` puts back (created records under their own ids:
ids are never reused, see forumdesk.db.models). Each is one transaction of bulk statements.

Loading the demo forum (services.demo) is undone and redone the same way: it records what it
creates like an import does, and `what="demo"` makes the refusals speak of the demo forum.

Both refuse, changing nothing, when the records are no longer as they left them: a record's
content changed (a version that moved over the same content is no change: undoing a later edit
does that), a record is gone, or a record added later depends on one that undo would delete.
Versions only ever go up: a row written back gets the next version, not its old number, so
another workstation's stale edit is still caught. The rows move in bulk (services.bulk_rows).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from forumdesk.core.errors import ConcurrentEditError, ConflictError
from forumdesk.core.i18n import _
from forumdesk.db.engine import Database
from forumdesk.db.journal import as_one_entry
from forumdesk.services.bulk_rows import (
    Key,
    TableRows,
    as_key,
    content_hash,
    delete_rows,
    id_clauses,
    insert_rows,
    key_columns,
    read_rows,
    read_versions,
    table_named,
    write_rows,
)
from forumdesk.services.import_undo_messages import describe, refusal

# Parents first: redo inserts in this order, undo deletes in the reverse one.
TABLE_ORDER = (
    "events",
    "organizations",
    "people",
    "rooms",
    "tracks",
    "program_sessions",
    "registrations",
    "assignments",
    "person_unavailability",
)
# Records that would vanish with a parent the undo deletes: (child, its column, parent).
_DEPENDENTS = (
    ("assignments", "person_id", "people"),
    ("registrations", "person_id", "people"),
    ("person_unavailability", "person_id", "people"),
    ("assignments", "session_id", "program_sessions"),
    ("program_sessions", "room_id", "rooms"),
    ("program_sessions", "track_id", "tracks"),
    ("rooms", "event_id", "events"),
    ("tracks", "event_id", "events"),
    ("program_sessions", "event_id", "events"),
    ("registrations", "event_id", "events"),
    ("person_unavailability", "event_id", "events"),
    ("accepted_problems", "event_id", "events"),
)


@dataclass(frozen=True, slots=True)
class ImportChanges:
    """What a written import changed: keys it created, rows it updated (as they were before),
    and the version of each of those records as the import left them."""

    created: Mapping[str, tuple[Key, ...]] = field(default_factory=dict)
    before: Mapping[str, TableRows] = field(default_factory=dict)
    versions: Mapping[str, Mapping[Key, int]] = field(default_factory=dict)
    # each created or changed record's content as the import left it (TableRows.contents)
    contents: Mapping[str, Mapping[Key, int]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(self.created.values()) and not any(t.rows for t in self.before.values())

    def count(self, table: str) -> int:
        """How many records of `table` the import created."""
        return len(self.created.get(table, ()))


@dataclass(frozen=True, slots=True)
class UndoneImport:
    """An undone import: the rows it had created and the rows it had changed, as it left them
    (what redo writes), the old rows (for the next undo), and the versions undo left."""

    created: Mapping[str, TableRows]
    after: Mapping[str, TableRows]
    before: Mapping[str, TableRows]
    versions: Mapping[str, Mapping[Key, int]]


def _stale(
    name: str,
    rows: TableRows,
    keys: Sequence[Key],
    versions: Mapping[Key, int],
    contents: Mapping[Key, int],
) -> list[tuple[str, Key]]:
    """The records among `keys` that are gone, or changed since (not only renumbered).

    A version that moved with the content as it was is no change: undoing a later edit writes
    the old values back under a newer version, and that must not block undoing the import.
    """
    at = rows.columns.index("version")
    found = dict(zip(rows.keys, rows.rows, strict=True))
    stale = []
    for key in keys:
        row = found.get(key)
        if row is None or (
            row[at] != versions.get(key) and content_hash(row, at) != contents.get(key)
        ):
            stale.append((name, key))
    return stale


class ChangeRecorder:
    """Collects, inside the import's transaction, what the import creates and changes."""

    def __init__(self, active: bool = True) -> None:
        self.active = active  # an inactive recorder records nothing and finishes with None
        self._created: dict[str, dict[Key, None]] = defaultdict(dict)  # ordered key sets
        self._before: dict[str, dict[Key, tuple[Any, ...]]] = defaultdict(dict)

    def created(self, table: str, keys: Iterable[object]) -> None:
        """Records added (their versions and contents are read at the end)."""
        if not self.active:
            return
        self._created[table].update(dict.fromkeys(map(as_key, keys)))

    def updating(self, session: Session, table: str, keys: Iterable[object]) -> None:
        """Records about to change: their rows are read now (once; not for new ones)."""
        if not self.active:
            return
        wanted = [
            k
            for k in map(as_key, keys)
            if k not in self._created[table] and k not in self._before[table]
        ]
        if wanted:
            self._before[table].update(read_rows(session, table_named(table), wanted))

    def finish(self, session: Session) -> ImportChanges | None:
        """What was recorded, with each record's version and content as the import leaves it."""
        if not self.active:
            return None
        session.flush()
        versions: dict[str, Mapping[Key, int]] = {}
        contents: dict[str, Mapping[Key, int]] = {}
        for name in TABLE_ORDER:
            table = table_named(name)
            before = self._before.get(name, {})
            now = TableRows.of(
                table, read_rows(session, table, [*self._created.get(name, {}), *before])
            )
            known, content = now.versions(), now.contents()
            if before:  # a record whose version did not move was not written after all
                at = now.columns.index("version")
                for key in [k for k, row in before.items() if row[at] == known.get(k)]:
                    del before[key], known[key], content[key]
            if known:
                versions[name] = MappingProxyType(known)
                contents[name] = MappingProxyType(content)
        return ImportChanges(
            created=MappingProxyType(
                {name: tuple(sorted(keys)) for name, keys in self._created.items() if keys}
            ),
            before=MappingProxyType(
                {
                    name: TableRows.of(table_named(name), rows)
                    for name, rows in self._before.items()
                    if rows
                }
            ),
            versions=MappingProxyType(versions),
            contents=MappingProxyType(contents),
        )


# --- undo and redo ------------------------------------------------------------------------------


def undo_import(db: Database, changes: ImportChanges, *, what: str = "import") -> UndoneImport:
    """Delete what the import created and put back what it changed, in one transaction.

    Raises ConcurrentEditError (nothing changed) when a record has been edited or deleted since
    the import, or a record added since depends on one the import created. `what` is "import"
    or "demo" (the demo forum's loading): which the messages speak of.
    """
    with db.transaction() as session:
        as_one_entry(session, f"undo {what}", None)
        created: dict[str, TableRows] = {}
        after: dict[str, TableRows] = {}
        stale: list[tuple[str, Key]] = []
        for name in TABLE_ORDER:
            table, row_versions = table_named(name), changes.versions.get(name, {})
            contents = changes.contents.get(name, {})
            before = changes.before.get(name)
            for keys, into in (
                (changes.created.get(name, ()), created),
                (before.keys if before else (), after),
            ):
                if keys:
                    into[name] = TableRows.of(table, read_rows(session, table, keys))
                    stale += _stale(name, into[name], keys, row_versions, contents)
        if stale:
            raise refusal(session, stale, what, redo=False)
        versions = {
            name: write_rows(session, table_named(name), rows, after[name].versions())
            for name, rows in changes.before.items()
        }
        _refuse_dependents(session, created, what)
        kept = _organisations_in_use(session, changes.created)
        for name in reversed(TABLE_ORDER):
            keys = changes.created.get(name, ())
            if name == "organizations" and kept:
                keys = tuple(k for k in keys if k not in kept)
                created[name] = created[name].without(kept)
            delete_rows(session, table_named(name), keys)
        return UndoneImport(
            created=MappingProxyType(created),
            after=MappingProxyType(after),
            before=changes.before,
            versions=MappingProxyType(versions),
        )


def redo_import(db: Database, undone: UndoneImport, *, what: str = "import") -> ImportChanges:
    """Put back what undo_import took away: the created records under their own ids, and the
    changed records as the import left them. Refuses (nothing changed) like undo_import."""
    with db.transaction() as session:
        as_one_entry(session, f"redo {what}", None)
        stale: list[tuple[str, Key]] = []
        present: list[tuple[str, Key]] = []
        current: dict[str, TableRows] = {}
        for name in TABLE_ORDER:
            table = table_named(name)
            if name in undone.created:
                present += [
                    (name, k) for k in read_versions(session, table, undone.created[name].keys)
                ]
            if name in undone.after:
                wanted = undone.versions.get(name, {})
                current[name] = TableRows.of(table, read_rows(session, table, list(wanted)))
                stale += _stale(
                    name, current[name], list(wanted), wanted, undone.before[name].contents()
                )
        if present:
            raise refusal(session, present, what, redo=True, present=True)
        if stale:
            raise refusal(session, stale, what, redo=True)
        try:
            for name in TABLE_ORDER:
                if name in undone.created:
                    insert_rows(session, table_named(name), undone.created[name])
            session.flush()
        except IntegrityError as exc:
            raise ConflictError(
                _(
                    "The demo forum cannot be opened again: records added since it was undone "
                    "take the same e-mail, name or code. Nothing was changed."
                )
                if what == "demo"
                else _(
                    "The import cannot be redone: records added since it was undone take the same "
                    "e-mail, name or code. Nothing was changed."
                )
            ) from exc
        versions: dict[str, Mapping[Key, int]] = {}
        for name in TABLE_ORDER:
            new: dict[Key, int] = {}
            if name in undone.created:
                new.update(undone.created[name].versions())
            if name in undone.after:
                new.update(
                    write_rows(
                        session, table_named(name), undone.after[name], current[name].versions()
                    )
                )
            if new:
                versions[name] = MappingProxyType(new)
        contents = {
            name: MappingProxyType(
                {
                    **(undone.created[name].contents() if name in undone.created else {}),
                    **(undone.after[name].contents() if name in undone.after else {}),
                }
            )
            for name in versions
        }
        return ImportChanges(
            created=MappingProxyType(
                {name: rows.keys for name, rows in undone.created.items() if rows.keys}
            ),
            before=undone.before,
            versions=MappingProxyType(versions),
            contents=MappingProxyType(contents),
        )


def _refuse_dependents(session: Session, created: Mapping[str, TableRows], what: str) -> None:
    """Refuse when a record the import did not create refers to one it did.

    Counted first (the import's own records are all there: their versions were checked); the
    records are read only to name one in the refusal.
    """
    for child_name, column, parent_name in _DEPENDENTS:
        parents = created.get(parent_name)
        if parents is None or not parents.keys:
            continue
        child, parent_ids = table_named(child_name), {k[0] for k in parents.keys}
        ours = created.get(child_name, TableRows((column,), (), ()))
        at = ours.columns.index(column)
        expected = sum(1 for row in ours.rows if row[at] in parent_ids)
        clauses = list(id_clauses(child.c[column], parent_ids))
        found = sum(
            session.scalar(select(func.count()).select_from(child).where(clause)) or 0
            for clause in clauses
        )
        if found == expected:
            continue
        mine = set(ours.keys)
        for clause in clauses:
            query = select(*key_columns(child), child.c[column]).where(clause)
            for row in session.execute(query):
                if tuple(row[:-1]) not in mine:
                    record = describe(session, parent_name, (row[-1],))
                    raise ConcurrentEditError(
                        _(
                            "Opening the demo forum cannot be undone any more: records added "
                            "since refer to {record}. Nothing was undone."
                        ).format(record=record)
                        if what == "demo"
                        else _(
                            "The import cannot be undone any more: records added since refer to "
                            "{record}. Nothing was undone."
                        ).format(record=record)
                    )


def _organisations_in_use(session: Session, created: Mapping[str, tuple[Key, ...]]) -> set[Key]:
    """New organisations that people the undo keeps belong to (since): they stay."""
    organisations = created.get("organizations", ())
    if not organisations:
        return set()
    people, ours = table_named("people"), {k[0] for k in created.get("people", ())}
    used: set[Key] = set()
    for clause in id_clauses(people.c.organization_id, (k[0] for k in organisations)):
        query = select(people.c.id, people.c.organization_id).where(clause)
        used.update((org,) for pid, org in session.execute(query) if pid not in ours)
    return used
