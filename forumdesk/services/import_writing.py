"""Writing thousands of imported people and links quickly, inside the import's transaction.

New people, registrations and assignments go in as plain multi-row INSERTs (no ORM object per
row); on SQLite straight through the driver's executemany. People who change are loaded as ORM
objects, so their version counters guard against a concurrent edit as everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.rows import PersonRow
from forumdesk.core.transliteration import latin_name
from forumdesk.db.journal import note_bulk
from forumdesk.db.models import Organization, Person, PersonUnavailability
from forumdesk.services.people import refresh_search_key

CHUNK = 500
_MAX_VARIABLES = 999  # parameters in one SQLite statement (the limit before SQLite 3.32)

_PERSON_COLUMNS = (
    "id",
    "family_name",
    "given_name",
    "patronymic",
    "display_name",
    "organization_id",
    "position",
    "country",
    "sector",
    "email",
    "phone",
    "language",
    "notes",
    "search_key",
    "version",
    "latin_name",
    "gender",
)


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def bulk_insert(
    session: Session, model: Any, columns: Sequence[str], rows: Sequence[tuple[object, ...]]
) -> None:
    """INSERT `rows` (values in `columns` order, as stored: enum values as strings), in order.

    `model` is an ORM class or its Table.
    """
    if not rows:
        return
    table = getattr(model, "__table__", model)
    note_bulk(session, table.name, "insert", len(rows))
    for name in columns:
        if name not in table.c:
            raise KeyError(f"{table.name} has no column {name}")
    if is_sqlite(session):
        _sqlite_insert(session, table.name, columns, rows)
        return
    insert = table.insert()
    for start in range(0, len(rows), 5 * CHUNK):
        session.execute(
            insert,
            [dict(zip(columns, row, strict=True)) for row in rows[start : start + 5 * CHUNK]],
        )


def _sqlite_insert(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[tuple[object, ...]]
) -> None:
    """Straight through the driver's executemany, many rows to a statement, in order.

    The cost of a statement per row is most of the work for a registration or an assignment (a
    few integers), and about a third of it for a person (fifteen columns, measured against
    executemany of one row a statement: 20,000 people in 140 ms instead of 200 ms): rows go in
    as multi-row VALUES, as many as SQLite's parameter limit allows, the rest one at a time.
    A column that no row gives a value (a list without notes or sectors) is written NULL in the
    statement itself: the driver looks each None up among its adapters before binding it, and
    leaving them out made 20,000 people's insert a fifth quicker.
    """
    connection = session.connection()
    empty = {at for at, value in enumerate(rows[0]) if value is None and _always_none(rows, at)}
    if empty:
        kept = [at for at in range(len(columns)) if at not in empty]
        pick = itemgetter(*kept) if len(kept) > 1 else None
        rows = (
            [pick(row) for row in rows]
            if pick is not None
            else [(row[kept[0]],) for row in rows]
            if kept
            else [()] * len(rows)
        )
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    one = f"({', '.join('NULL' if at in empty else '?' for at in range(len(columns)))})"
    per = max(_MAX_VARIABLES // max(len(columns) - len(empty), 1), 1)
    grouped = len(rows) - len(rows) % per if per > 1 else 0
    if grouped:
        connection.exec_driver_sql(
            head + ", ".join([one] * per),
            [
                tuple(chain.from_iterable(rows[start : start + per]))
                for start in range(0, grouped, per)
            ],
        )
    for start in range(grouped, len(rows), 5 * CHUNK):
        connection.exec_driver_sql(head + one, list(rows[start : start + 5 * CHUNK]))


def _always_none(rows: Sequence[tuple[object, ...]], at: int) -> bool:
    """Whether every row's value at `at` is None."""
    return list(map(itemgetter(at), rows)).count(None) == len(rows)


class OrganizationIds:
    """Organisation ids by name, ignoring case as the directory does; missing ones created."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, int] = dict(
            session.execute(select(Organization.name_key, Organization.id)).all()
        )
        self.by_name: dict[str, int] = {}
        self.created: list[int] = []  # ids of the organisations added (for undo)

    def ensure(self, names: Iterable[str]) -> None:
        """Create, in one statement, the organisations among `names` that do not exist yet."""
        missing: dict[str, str] = {}
        for name in dict.fromkeys(names):  # a list names each organisation many times
            if name in self.by_name:
                continue
            key = text.org_key(name)
            if key in self.by_key:
                self.by_name[name] = self.by_key[key]
            else:
                missing.setdefault(key, name)
        if not missing:
            return
        bulk_insert(
            self.session,
            Organization,
            ("name", "name_key", "version"),
            [(name, key, 1) for key, name in missing.items()],
        )
        keys = list(missing)
        for start in range(0, len(keys), CHUNK):
            query = select(Organization.name_key, Organization.id).where(
                Organization.name_key.in_(keys[start : start + CHUNK])
            )
            self.by_key.update(self.session.execute(query).all())
        self.created.extend(self.by_key[key] for key in keys)

    def id_for(self, name: str | None) -> int | None:
        if name is None:
            return None
        found = self.by_name.get(name)
        if found is None:
            self.ensure([name])
            found = self.by_key[text.org_key(name)]
            self.by_name[name] = found
        return found


def search_key(person: PersonRow) -> str:
    """A new person's search key: the directory's own rule (services.people). An import works
    these out before it takes the write lock (insert_people's `search_keys`)."""
    return text.person_search_key(
        person.family_name,
        person.given_name,
        person.patronymic,
        person.display_name,
        person.organization,
        person.email,
        person.phone,
        person.latin_name,
    )


def _person_values(
    person_id: int | None, person: PersonRow, organization_id: int | None, key: str | None
) -> tuple[object, ...]:
    """A new person's columns, in _PERSON_COLUMNS order, as stored (the id as given)."""
    sector = person.sector
    return (
        person_id,
        person.family_name,
        person.given_name,
        person.patronymic,
        person.display_name,
        organization_id,
        person.position,
        person.country,
        sector.value if sector else None,
        person.email,
        person.phone,
        person.language,
        person.notes,
        search_key(person) if key is None else key,
        1,
        person.latin_name,
        person.gender.value if person.gender else None,
    )


def insert_people(
    session: Session,
    people: Sequence[PersonRow],
    orgs: OrganizationIds,
    search_keys: Sequence[str | None] | None = None,
) -> list[int]:
    """Add people not stored yet (their rows' ids are ignored); returns their ids in order.

    `search_keys`, in the same order, are their search keys worked out beforehand (None: work
    it out here)."""
    id_for = orgs.id_for
    keys = search_keys if search_keys is not None else [None] * len(people)
    if is_sqlite(session):
        # The transaction took SQLite's write lock with its first statement (BEGIN IMMEDIATE):
        # the next ids are known, and giving them is what SQLite would do itself, three times
        # faster than INSERT ... RETURNING in parameter order.
        # AUTOINCREMENT: never hand out the id of a deleted person (an undo may bring them
        # back), so start after the highest id ever used, not the highest one present.
        used = (
            session.scalar(text_sql("SELECT seq FROM sqlite_sequence WHERE name = 'people'")) or 0
        )
        present = session.scalar(select(func.coalesce(func.max(Person.id), 0))) or 0
        first = max(int(used), int(present)) + 1
        ids = list(range(first, first + len(people)))
        bulk_insert(
            session,
            Person,
            _PERSON_COLUMNS,
            [
                _person_values(person_id, person, id_for(person.organization), key)
                for person_id, person, key in zip(ids, people, keys, strict=True)
            ],
        )
        return ids
    rows = [
        _person_values(None, person, id_for(person.organization), key)
        for person, key in zip(people, keys, strict=True)
    ]
    table = Person.__table__
    assert isinstance(table, Table)
    statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    values = [dict(zip(_PERSON_COLUMNS[1:], row[1:], strict=True)) for row in rows]
    return list(session.execute(statement, values).scalars())


def update_people(
    session: Session, updates: dict[int, dict[str, Any]], orgs: OrganizationIds
) -> None:
    """Apply each person's changes; a display name that was the default follows the names, and
    a Latin name that was the automatic one follows the display name."""
    ids = sorted(updates)
    names = dict(session.execute(select(Organization.id, Organization.name)).all()) if ids else {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for person in session.scalars(select(Person).where(Person.id.in_(chunk))):
            changes = dict(updates[person.id])
            was_default = person.display_name == text.default_display_name(
                person.family_name, person.given_name, person.patronymic
            )
            # a Latin name that was the automatic one of the name follows the name; one staff
            # typed (it differs) stays, unless the file gives one (then it is in `changes`)
            latin_was_automatic = not person.latin_name or person.latin_name == latin_name(
                person.display_name
            )
            if "organization" in changes:
                person.organization_id = orgs.id_for(str(changes.pop("organization")))
                names = (
                    names
                    if person.organization_id in names
                    else dict(session.execute(select(Organization.id, Organization.name)).all())
                )
            for name, value in changes.items():
                setattr(person, name, value)
            if was_default:
                person.display_name = text.default_display_name(
                    person.family_name, person.given_name, person.patronymic
                )
            if latin_was_automatic and "latin_name" not in changes:
                person.latin_name = latin_name(person.display_name)
            org_name = names.get(person.organization_id) if person.organization_id else None
            refresh_search_key(person, org_name)
    session.flush()


def insert_unavailability(
    session: Session, event_id: int, wanted: Iterable[tuple[int, datetime, datetime]]
) -> list[int]:
    """Add the periods `wanted` (person id, start, end) the person does not have yet at the
    event, each once; returns the new periods' ids.

    A file lists few periods: they go in as ORM objects, whose times SQLAlchemy stores as
    every other period's.
    """
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        return []
    people = sorted({person_id for person_id, _start, _end in wanted})
    have: set[tuple[int, datetime, datetime]] = set()
    for start in range(0, len(people), CHUNK):
        query = select(
            PersonUnavailability.person_id,
            PersonUnavailability.starts_at,
            PersonUnavailability.ends_at,
        ).where(
            PersonUnavailability.event_id == event_id,
            PersonUnavailability.person_id.in_(people[start : start + CHUNK]),
        )
        have.update((p, s, e) for p, s, e in session.execute(query))
    records = [
        PersonUnavailability(event_id=event_id, person_id=p, starts_at=s, ends_at=e)
        for p, s, e in wanted
        if (p, s, e) not in have
    ]
    session.add_all(records)
    session.flush()
    return [record.id for record in records]
