"""Undo and redo of imports (forumdesk.services.import_undo) on real SQLite files.

"As before" is checked on a dump of every table: what undo leaves must equal the dump taken
before the import, and what redo leaves the dump taken after it. A record the import changed
(rather than created) comes back with its old values at a newer version, never an older one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text as sql

from forumdesk.core.enums import Role
from forumdesk.core.errors import ConcurrentEditError, ConflictError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.import_undo import redo_import, undo_import
from forumdesk.services.imports import import_attendees
from forumdesk.services.programme_import import import_programme
from tests.io.spreadsheets import write_csv, write_xlsx
from tests.services.support import assert_readable

Dump = dict[str, list[tuple[object, ...]]]
# Ids are never reused (AUTOINCREMENT): undo leaves the counters where the import took them.
# the journal keeps the import and its undo: a record of what happened, not of what is
_NOT_COMPARED = ("sqlite_sequence", "alembic_version", "change_journal")
UNDOABLE = ImportOptions(undoable=True)  # what the window's wizard asks for


def dump(db: Database, *, without_versions: bool = False) -> Dump:
    """Every row of every table, in key order (optionally without the version counters)."""
    with db.reader() as session:
        tables = [
            name
            for (name,) in session.execute(
                sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
            if name not in _NOT_COMPARED
        ]
        found: Dump = {}
        for table in tables:
            columns = [row[1] for row in session.execute(sql(f"PRAGMA table_info({table})"))]
            # when and from which desk: bookkeeping of every write, like the version
            bookkeeping = {"version", "updated_at", "updated_by"} if without_versions else set()
            keep = [c for c in columns if c not in bookkeeping]
            found[table] = [
                tuple(row)
                for row in session.execute(
                    sql(f"SELECT {', '.join(keep)} FROM {table} ORDER BY {', '.join(columns)}")
                )
            ]
    return found


def versions(db: Database, table: str) -> dict[int, int]:
    with db.reader() as session:
        return dict(session.execute(sql(f"SELECT id, version FROM {table}")).all())  # type: ignore[arg-type]


def _attendees(
    tmp_path: Path, count: int = 20, *, extra: list[list[object]] | None = None, seated: bool = True
) -> Path:
    """`count` new people (two organisations new to the demo), some put in sessions S1, S2."""
    header = ["ФИО", "Организация", "Должность", "Эл. почта", "Сессии"]
    organisations = ("Новая Ассоциация", "Eurasian Economic Commission", "Фонд Роста")
    rows: list[list[object]] = [
        [
            f"Участникова{n:02d} Анна Петровна",
            organisations[n % 3],
            "Эксперт",
            f"anna{n:02d}@new.example",
            "S1; S2" if n % 4 == 0 else None,
        ]
        for n in range(count)
    ]
    rows += extra or []
    if not seated:
        header, rows = header[:-1], [row[:-1] for row in rows]
    return write_xlsx(tmp_path / "list.xlsx", [header, *rows])


def test_undo_removes_an_attendee_import_and_redo_brings_it_back_exactly(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    before = dump(db)
    summary = import_attendees(db, _attendees(tmp_path), event_id=demo.event.id, options=UNDOABLE)
    assert (summary.created, summary.registered, summary.assigned) == (20, 20, 10)
    changes = summary.changes
    assert changes is not None and not changes.is_empty
    assert (
        changes.count("people"),
        changes.count("registrations"),
        changes.count("assignments"),
        changes.count("organizations"),
    ) == (20, 20, 10, 2)
    after = dump(db)
    assert after != before

    undone = undo_import(db, changes)
    assert dump(db) == before  # every table, every column, versions too
    redone = redo_import(db, undone)
    assert dump(db) == after
    undo_import(db, redone)  # and again: what redo returns undoes the same way
    assert dump(db) == before


def test_people_the_import_changed_get_their_old_values_back(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    known = people.find_person_by_email(db, "m.rossi@wipo.int.example")
    assert known is not None and known.notes is None
    updated_row = [
        known.display_name,
        "Fresh Org Ltd",
        "Director General",
        "m.rossi@wipo.int.example",
        "S3",
    ]
    path = _attendees(tmp_path, extra=[updated_row])
    before, versions_before = dump(db, without_versions=True), versions(db, "people")
    summary = import_attendees(
        db,
        path,
        event_id=demo.event.id,
        options=ImportOptions(on_duplicate="overwrite", undoable=True),
    )
    assert (summary.created, summary.updated) == (20, 1)
    rossi = people.get_person(db, known.id)
    assert (rossi.organization, rossi.position) == ("Fresh Org Ltd", "Director General")
    after = dump(db, without_versions=True)

    assert summary.changes is not None
    undone = undo_import(db, summary.changes)
    assert dump(db, without_versions=True) == before
    assert people.get_person(db, known.id).organization == known.organization
    assert versions(db, "people")[known.id] > versions_before[known.id]  # newer, never older
    assert people.find_person_by_email(db, "anna00@new.example") is None

    redo_import(db, undone)
    assert dump(db, without_versions=True) == after
    assert people.get_person(db, known.id).organization == "Fresh Org Ltd"


def test_undo_is_refused_after_an_imported_person_was_edited(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    summary = import_attendees(
        db, _attendees(tmp_path, 5, seated=False), event_id=event.id, options=UNDOABLE
    )
    assert summary.changes is not None
    anna = people.find_person_by_email(db, "anna03@new.example")
    assert anna is not None
    people.update_person(db, anna.id, {"phone": "+7 701 000 00 00"}, expected_version=None)
    edited = dump(db)
    with pytest.raises(ConcurrentEditError) as refused:
        undo_import(db, summary.changes)
    assert_readable(
        refused.value, "cannot be undone", "Участникова03 Анна Петровна", "Nothing was undone"
    )
    assert dump(db) == edited  # nothing deleted, not even the people nobody touched


def test_an_edit_undone_since_does_not_block_undoing_the_import(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    # import, edit an imported person and a person the import changed, undo both edits
    # (their old values come back under newer versions): the import is still undoable
    known = people.find_person_by_email(db, "m.rossi@wipo.int.example")
    assert known is not None
    path = _attendees(
        tmp_path,
        5,
        extra=[[known.display_name, "Fresh Org Ltd", "Director", "m.rossi@wipo.int.example", None]],
        seated=False,
    )
    before = dump(db, without_versions=True)
    summary = import_attendees(
        db,
        path,
        event_id=demo.event.id,
        options=ImportOptions(on_duplicate="overwrite", undoable=True),
    )
    assert summary.changes is not None and summary.updated == 1
    after = dump(db, without_versions=True)
    for email in ("anna03@new.example", "m.rossi@wipo.int.example"):
        person = people.find_person_by_email(db, email)
        assert person is not None
        people.update_person(db, person.id, {"phone": "+7 701 000 00 00"}, expected_version=None)
        people.update_person(
            db, person.id, {"phone": person.phone}, expected_version=None
        )  # as an undo writes it
    assert dump(db, without_versions=True) == after

    undone = undo_import(db, summary.changes)
    assert dump(db, without_versions=True) == before
    redone = redo_import(db, undone)
    assert dump(db, without_versions=True) == after
    # and the same after an edit undone while the import was undone
    rossi = people.get_person(db, known.id)
    undone = undo_import(db, redone)
    people.update_person(db, known.id, {"notes": "temporary"}, expected_version=None)
    people.update_person(db, known.id, {"notes": None}, expected_version=None)
    assert rossi.notes is None
    redo_import(db, undone)
    assert dump(db, without_versions=True) == after


def test_undo_is_refused_when_a_new_record_depends_on_an_imported_one(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    session = sessions.create_session(db, event.id, "Пленарное заседание", code="P1")
    summary = import_attendees(
        db, _attendees(tmp_path, 5, seated=False), event_id=event.id, options=UNDOABLE
    )
    assert summary.changes is not None
    anna = people.find_person_by_email(db, "anna01@new.example")
    assert anna is not None
    assignments.assign_people(db, session.id, [anna.id], Role.SPEAKER, expected_version=None)
    assigned = dump(db)
    with pytest.raises(ConcurrentEditError) as refused:
        undo_import(db, summary.changes)
    assert_readable(refused.value, "Участникова01 Анна Петровна", "Nothing was undone")
    assert dump(db) == assigned


def test_undo_is_refused_after_an_imported_person_was_deleted(db: Database, tmp_path: Path) -> None:
    summary = import_attendees(db, _attendees(tmp_path, 5, seated=False), options=UNDOABLE)
    assert summary.changes is not None
    anna = people.find_person_by_email(db, "anna02@new.example")
    assert anna is not None
    people.delete_person(db, anna.id, expected_version=None)
    deleted = dump(db)
    with pytest.raises(ConcurrentEditError) as refused:
        undo_import(db, summary.changes)
    assert_readable(refused.value, "a person the import added", "Nothing was undone")
    assert dump(db) == deleted


def test_an_organisation_someone_joined_since_stays_after_undo(
    db: Database, tmp_path: Path
) -> None:
    summary = import_attendees(db, _attendees(tmp_path, 3, seated=False), options=UNDOABLE)
    assert summary.changes is not None and summary.changes.count("organizations") == 3
    after = dump(db)
    newcomer = people.create_person(db, "Newcomer", "Nick", organization="Фонд Роста")
    undone = undo_import(db, summary.changes)
    assert [p.id for p in people.search_people(db)] == [newcomer.id]
    assert people.get_person(db, newcomer.id).organization == "Фонд Роста"
    assert [row[1] for row in dump(db)["organizations"]] == ["Фонд Роста"]
    redone = redo_import(db, undone)  # the two others come back, the kept one is still there
    people.delete_person(db, newcomer.id, expected_version=None)
    assert dump(db) == after
    assert redone.count("organizations") == 2  # the kept one is no longer the import's own


def test_redo_is_refused_when_someone_took_an_imported_email_since(
    db: Database, tmp_path: Path
) -> None:
    summary = import_attendees(db, _attendees(tmp_path, 4, seated=False), options=UNDOABLE)
    assert summary.changes is not None
    undone = undo_import(db, summary.changes)
    people.create_person(db, "Другая", "Анна", email="anna02@new.example")
    taken = dump(db)
    with pytest.raises(ConflictError) as refused:
        redo_import(db, undone)
    assert_readable(refused.value, "cannot be redone", "Nothing was changed")
    assert dump(db) == taken


def test_redo_is_refused_after_a_changed_person_was_edited_again(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    known = people.find_person_by_email(db, "m.rossi@wipo.int.example")
    assert known is not None
    path = write_csv(
        tmp_path / "one.csv",
        [["ФИО", "Эл. почта", "Примечания"], [known.display_name, known.email, "VIP"]],
    )
    summary = import_attendees(db, path, event_id=demo.event.id, options=UNDOABLE)
    assert summary.updated == 1 and summary.changes is not None
    undone = undo_import(db, summary.changes)
    people.update_person(db, known.id, {"notes": "Edited after the undo"}, expected_version=None)
    edited = dump(db)
    with pytest.raises(ConcurrentEditError) as refused:
        redo_import(db, undone)
    assert_readable(refused.value, "cannot be redone", known.display_name)
    assert dump(db) == edited


def test_a_command_line_import_records_nothing_for_undo(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    summary = import_attendees(db, _attendees(tmp_path, 3, seated=False), event_id=event.id)
    assert summary.written and summary.created == 3
    assert summary.changes is None


def test_nothing_to_undo_when_nothing_was_written(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    path = _attendees(tmp_path, 3, seated=False)
    dry = import_attendees(db, path, options=ImportOptions(dry_run=True, undoable=True))
    assert dry.changes is None
    import_attendees(db, path, options=UNDOABLE)
    again = import_attendees(db, path, options=UNDOABLE)  # all there, nothing to fill in
    assert again.written and again.unchanged == 3
    assert again.changes is not None and again.changes.is_empty
    before = dump(db)
    redo_import(db, undo_import(db, again.changes))
    assert dump(db) == before


PROGRAMME_HEADER = [
    "Код",
    "Название",
    "Тип",
    "Трек",
    "Дата",
    "Начало",
    "Окончание",
    "Зал",
    "Модератор",
    "Спикеры",
]


def test_undo_and_redo_of_a_programme_import(db: Database, event: EventRow, tmp_path: Path) -> None:
    """New sessions, rooms, tracks and people; an existing session overwritten, a role changed."""
    hall = venue.add_room(db, event.id, "Большой зал")
    speaker = people.create_person(db, "Абенова", "Дана", email="abenova@gov.kz")
    existing = sessions.create_session(db, event.id, "Старое название", code="P1", room_id=hall.id)
    assignments.assign_people(db, existing.id, [speaker.id], Role.SPEAKER, expected_version=None)
    path = write_xlsx(
        tmp_path / "programme.xlsx",
        [
            PROGRAMME_HEADER,
            [
                "P1",
                "Открытие форума",
                "plenary",
                "Общий",
                "25.11.2021",
                "10:00",
                "11:30",
                "Зал А",
                "abenova@gov.kz",
                "Иванов Иван Иванович",
            ],
            [
                "S1",
                "Маркировка",
                "discussion",
                "Торговля",
                "26.11.2021",
                "10:00",
                "11:00",
                "Зал Б",
                None,
                "Иванов Иван Иванович; Петров Пётр",
            ],
            ["S2", "Без времени", None, "Торговля", None, None, None, "Большой зал", None, None],
        ],
    )
    before = dump(db, without_versions=True)
    summary = import_programme(
        db, path, event_id=event.id, options=ImportOptions(on_duplicate="overwrite", undoable=True)
    )
    assert (
        summary.created,
        summary.updated,
        summary.rooms_created,
        summary.tracks_created,
        summary.people_created,
    ) == (2, 1, 2, 2, 2)
    assert [(a.display_name, a.role) for a in assignments.session_people(db, existing.id)] == [
        ("Абенова Дана", Role.MODERATOR),
        ("Иванов Иван Иванович", Role.SPEAKER),
    ]
    changes = summary.changes
    assert changes is not None
    assert (
        changes.count("program_sessions"),
        changes.count("rooms"),
        changes.count("tracks"),
        changes.count("people"),
    ) == (2, 2, 2, 2)
    assert set(changes.before) == {"program_sessions", "assignments"}
    after = dump(db, without_versions=True)

    undone = undo_import(db, changes)
    assert dump(db, without_versions=True) == before
    assert sessions.get_session(db, existing.id).title == "Старое название"
    assert [(a.display_name, a.role) for a in assignments.session_people(db, existing.id)] == [
        ("Абенова Дана", Role.SPEAKER)
    ]
    redone = redo_import(db, undone)
    assert dump(db, without_versions=True) == after
    assert sessions.get_session(db, existing.id).room_name == "Зал А"
    undo_import(db, redone)
    assert dump(db, without_versions=True) == before


def test_a_programme_undo_is_refused_once_a_new_session_is_in_use(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    someone = people.create_person(db, "Абенова", "Дана", email="abenova@gov.kz")
    path = write_xlsx(
        tmp_path / "programme.xlsx",
        [
            PROGRAMME_HEADER,
            ["S1", "Маркировка", None, None, "26.11.2021", "10:00", "11:00", "Зал Б", None, None],
        ],
    )
    summary = import_programme(db, path, event_id=event.id, options=UNDOABLE)
    assert summary.changes is not None
    made = sessions.list_sessions(db, event.id)[0]
    assignments.assign_people(db, made.id, [someone.id], Role.MODERATOR, expected_version=None)
    in_use = dump(db)
    with pytest.raises(ConcurrentEditError) as refused:
        undo_import(db, summary.changes)
    assert_readable(refused.value, "«Маркировка»", "Nothing was undone")
    assert dump(db) == in_use
