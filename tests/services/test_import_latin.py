"""An attendee import that updates a person keeps their Latin name right (issue 17, item 2):
an automatic one follows the new name, one the file gives is taken, one staff typed stays."""

from __future__ import annotations

from pathlib import Path

from forumdesk.core.rows import PersonRow
from forumdesk.core.transliteration import latin_name
from forumdesk.db.engine import Database
from forumdesk.services import import_undo
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.imports import import_attendees
from forumdesk.services.people import create_person, find_person_by_email, update_person
from tests.io.spreadsheets import write_csv

EMAIL = "a.ivanova@example.kz"
REPLACE = ImportOptions(on_name_conflict="replace")


def _person(db: Database) -> PersonRow:
    found = find_person_by_email(db, EMAIL)
    assert found is not None
    return found


def _married(tmp_path: Path, latin: str | None = None) -> Path:
    """A list where Анна Иванова comes back as Анна Петрова, with or without a Latin column."""
    head = ["Фамилия", "Имя", "E-mail"] + (["Name (Latin)"] if latin is not None else [])
    row = ["Петрова", "Анна", EMAIL] + ([latin] if latin is not None else [])
    return write_csv(tmp_path / "list.csv", [head, row])


def test_an_automatic_latin_name_follows_the_new_name(db: Database, tmp_path: Path) -> None:
    before = create_person(db, "Иванова", "Анна", email=EMAIL)
    assert before.latin_name == latin_name(before.display_name)
    summary = import_attendees(db, _married(tmp_path), options=REPLACE)
    assert summary.updated == 1
    after = _person(db)
    assert after.family_name == "Петрова"
    assert after.latin_name == latin_name(after.display_name) != before.latin_name
    assert "Petrova" in (after.latin_name or "")


def test_a_latin_name_staff_typed_stays_when_the_name_changes(db: Database, tmp_path: Path) -> None:
    created = create_person(db, "Иванова", "Анна", email=EMAIL)
    update_person(db, created.id, {"latin_name": "Anna IVANOVA-SMITH"}, expected_version=None)
    import_attendees(db, _married(tmp_path), options=REPLACE)
    after = _person(db)
    assert after.family_name == "Петрова"
    assert after.latin_name == "Anna IVANOVA-SMITH"


def test_a_latin_name_column_is_taken_over_an_automatic_one(db: Database, tmp_path: Path) -> None:
    create_person(db, "Иванова", "Анна", email=EMAIL)
    import_attendees(db, _married(tmp_path, "Anna PETROVA"), options=REPLACE)
    assert _person(db).latin_name == "Anna PETROVA"


def test_a_latin_name_column_replaces_a_typed_one_only_when_overwriting(
    db: Database, tmp_path: Path
) -> None:
    created = create_person(db, "Иванова", "Анна", email=EMAIL)
    update_person(db, created.id, {"latin_name": "Anna IVANOVA-SMITH"}, expected_version=None)
    path = _married(tmp_path, "Anna PETROVA")
    import_attendees(db, path, options=REPLACE)  # fill in blanks: what staff typed stays
    assert _person(db).latin_name == "Anna IVANOVA-SMITH"
    overwrite = ImportOptions(on_duplicate="overwrite", on_name_conflict="replace")
    import_attendees(db, path, options=overwrite)
    assert _person(db).latin_name == "Anna PETROVA"


def test_undoing_the_import_brings_the_latin_name_back(db: Database, tmp_path: Path) -> None:
    before = create_person(db, "Иванова", "Анна", email=EMAIL)
    undoable = ImportOptions(on_name_conflict="replace", undoable=True)
    summary = import_attendees(db, _married(tmp_path), options=undoable)
    assert _person(db).latin_name != before.latin_name
    assert summary.changes is not None
    import_undo.undo_import(db, summary.changes)
    restored = _person(db)
    assert (restored.family_name, restored.latin_name) == ("Иванова", before.latin_name)
