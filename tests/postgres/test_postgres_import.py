"""Attendee import on PostgreSQL: the same file gives the same directory there as on SQLite.

The import writes new people, registrations and assignments with bulk INSERTs of its own, one
way on SQLite (ids given, multi-row VALUES) and another on other servers (INSERT ... RETURNING).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text as sql

from forumdesk.db.engine import Database
from forumdesk.services.events import create_event
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.import_undo import redo_import, undo_import
from forumdesk.services.imports import import_attendees
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session
from tests.io.spreadsheets import ATTENDEE_HEADER, write_xlsx

pytestmark = pytest.mark.postgres


def _written(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """What the import wrote, without the ids each server hands out."""
    queries = {
        "people": "SELECT p.family_name, p.given_name, p.patronymic, p.display_name, o.name, "
        "p.position, p.country, p.email, p.phone, p.search_key, p.version FROM people p "
        "LEFT JOIN organizations o ON o.id = p.organization_id ORDER BY p.id",
        "registrations": "SELECT p.email, r.status FROM registrations r JOIN people p "
        "ON p.id = r.person_id ORDER BY p.id",
        "assignments": "SELECT p.email, a.role, a.position FROM assignments a JOIN people p "
        "ON p.id = a.person_id ORDER BY a.position",
    }
    with db.reader() as session:
        return {
            name: [tuple(row) for row in session.execute(sql(query))]
            for name, query in queries.items()
        }


def test_an_import_writes_the_same_on_postgres_as_on_sqlite(
    pg: Database, db: Database, tmp_path: Path
) -> None:
    rows = [
        [
            f"Участник{n:03d}",
            "Иван",
            "Петрович" if n % 2 else None,
            "WIPO" if n % 3 else f"ТОО «Компания {n % 7}»",
            "Эксперт",
            "Казахстан",
            f"p{n}@example.kz",
            f"8 701 555 {n:04d}",
        ]
        for n in range(700)
    ]
    path = write_xlsx(
        tmp_path / "list.xlsx", [[*ATTENDEE_HEADER, "Сессии"], *([*row, "S1"] for row in rows)]
    )
    for database in (pg, db):
        event = create_event(database, "Форум", "2027-05-12", "2027-05-14")
        create_session(database, event.id, "Пленарное заседание", code="S1")
        create_person(database, "Участник002", "Иван", organization="WIPO")  # filled in
        summary = import_attendees(database, path, event_id=event.id)
        assert (summary.created, summary.updated, summary.registered) == (699, 1, 700)
    assert _written(pg) == _written(db)
    assert len(_written(pg)["assignments"]) == 700


def test_an_import_is_undone_and_redone_on_postgres(pg: Database, tmp_path: Path) -> None:
    rows = [
        [
            f"Участник{n:03d}",
            "Иван",
            None,
            "WIPO" if n % 2 else f"ТОО «Новая {n}»",
            "Эксперт",
            "Казахстан",
            f"u{n}@example.kz",
            f"8 701 555 {n:04d}",
        ]
        for n in range(60)
    ]
    path = write_xlsx(
        tmp_path / "list.xlsx", [[*ATTENDEE_HEADER, "Сессии"], *([*row, "S1"] for row in rows)]
    )
    event = create_event(pg, "Форум", "2027-05-12", "2027-05-14")
    create_session(pg, event.id, "Пленарное заседание", code="S1")
    create_person(pg, "Участник001", "Иван", organization="WIPO")  # filled in by the import
    before = _written(pg)
    summary = import_attendees(pg, path, event_id=event.id, options=ImportOptions(undoable=True))
    assert (summary.created, summary.updated) == (59, 1) and summary.changes is not None
    after = _written(pg)
    assert len(after["people"]) == 60 and after != before

    undone = undo_import(pg, summary.changes)
    restored = _written(pg)
    assert restored["registrations"] == restored["assignments"] == []
    # the filled-in person has its old values back, under a newer version
    assert [row[:-1] for row in restored["people"]] == [row[:-1] for row in before["people"]]

    redo_import(pg, undone)
    again = _written(pg)
    assert {k: v for k, v in again.items() if k != "people"} == {
        k: v for k, v in after.items() if k != "people"
    }
    assert [row[:-1] for row in again["people"]] == [row[:-1] for row in after["people"]]
