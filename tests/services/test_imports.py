"""Attendee import (forumdesk.services.imports) on real SQLite files and files built here."""

from __future__ import annotations

import csv
import gc
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text as sql

from forumdesk.core.errors import CancelledError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.assignments import event_registrations, session_people
from forumdesk.services.demo import DemoResult
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.imports import ImportFileError, import_attendees
from forumdesk.services.people import create_person, find_person_by_email, search_people
from forumdesk.services.sessions import create_session
from tests.io.spreadsheets import ATTENDEE_HEADER, ATTENDEES, write_csv, write_xlsx


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables an import may touch: equal snapshots mean nothing changed."""
    tables = ("people", "organizations", "registrations", "assignments", "program_sessions")
    with db.reader() as session:
        return {
            t: [tuple(r) for r in session.execute(sql(f"SELECT * FROM {t} ORDER BY 1, 2"))]
            for t in tables
        }


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "attendees.xlsx", [ATTENDEE_HEADER, *ATTENDEES], title="Список участников"
    )


def test_xlsx_with_a_title_row_is_imported_and_registered(
    db: Database, event: EventRow, xlsx: Path
) -> None:
    summary = import_attendees(db, xlsx, event_id=event.id)
    assert (summary.created, summary.updated, summary.rejected, summary.registered) == (3, 0, 0, 3)
    assert summary.header_row == 3 and summary.written
    ivanov = find_person_by_email(db, "ivanov@example.kz")
    assert ivanov is not None
    assert (ivanov.family_name, ivanov.given_name, ivanov.patronymic) == (
        "Иванов",
        "Пётр",
        "Сергеевич",
    )
    assert ivanov.display_name == "Иванов Пётр Сергеевич"
    assert ivanov.phone == "+7 701 555 00 01" and ivanov.country == "KZ"
    assert ivanov.organization == "WIPO"
    smith = find_person_by_email(db, "john@example.com")
    assert smith is not None and smith.display_name == "John Smith"
    assert smith.country == "GB"
    assert len(event_registrations(db, event.id)) == 3
    assert [p.display_name for p in search_people(db, "динара")] == ["Садыкова Динара"]


def test_reimporting_the_same_file_changes_nothing(
    db: Database, event: EventRow, xlsx: Path
) -> None:
    import_attendees(db, xlsx, event_id=event.id)
    before = snapshot(db)
    summary = import_attendees(db, xlsx, event_id=event.id)
    assert (summary.created, summary.updated, summary.unchanged, summary.registered) == (0, 0, 3, 0)
    assert snapshot(db) == before


def test_the_same_people_from_a_cp1251_csv_with_a_full_name_column_change_nothing(
    db: Database, event: EventRow, xlsx: Path, tmp_path: Path
) -> None:
    import_attendees(db, xlsx, event_id=event.id)
    before = snapshot(db)
    rows = [
        ["ФИО", "Организация", "Страна", "E-mail", "Телефон"],
        ["Иванов Пётр Сергеевич", "wipo", "KZ", "IVANOV@example.kz", "8 (701) 555-00-01"],
        ["Садыкова Динара", "ЕЭК", "Казахстан", "", "+7 701 555 00 02"],
    ]
    path = write_csv(tmp_path / "excel.csv", rows, encoding="cp1251", delimiter=";")
    summary = import_attendees(db, path, event_id=event.id)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert snapshot(db) == before


def test_rows_with_errors_block_the_import_and_name_row_and_column(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    rows = [
        ["ФИО", "E-mail"],
        ["Иванов Иван", "ivan@x.kz"],
        ["Петров Пётр", "not-an-email"],
        ["", "orphan@x.kz"],
    ]
    path = write_csv(tmp_path / "list.csv", rows)
    before = snapshot(db)
    summary = import_attendees(db, path, event_id=event.id)
    assert summary.rejected == 2 and not summary.written
    assert [str(p) for p in summary.problems] == [
        "Row 3, column «E-mail»: 'not-an-email' is not a valid e-mail address.",
        "Row 4, column «ФИО»: the name is missing.",
    ]
    assert snapshot(db) == before


def test_skip_invalid_imports_the_rest_and_writes_an_xlsx_rejects_file(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    rows = [ATTENDEE_HEADER, *ATTENDEES, ["Ошибкин", "Ян", None, None, None, None, "bad@", None]]
    path = write_xlsx(tmp_path / "list.xlsx", rows)
    summary = import_attendees(
        db, path, event_id=event.id, options=ImportOptions(skip_invalid=True)
    )
    assert (summary.created, summary.rejected) == (3, 1) and summary.written
    assert summary.rejects_path == tmp_path / "list - rejected.xlsx"
    sheet = openpyxl.load_workbook(summary.rejects_path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == [*ATTENDEE_HEADER, "Error"]
    assert values[1][:7] == ["Ошибкин", "Ян", None, None, None, None, "bad@"]
    assert values[1][8] == "row 5, column «Эл. почта»: 'bad@' is not a valid e-mail address."


def test_rejects_from_a_csv_are_a_utf8_csv_with_bom(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [["ФИО", "E-mail"], ["Иванов", "x@"], ["Петров", "p@x.kz"]],
        delimiter=";",
    )
    out = tmp_path / "out.csv"
    summary = import_attendees(db, path, options=ImportOptions(skip_invalid=True, rejects_path=out))
    assert summary.created == 1 and summary.rejects_path == out
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        assert list(csv.reader(stream, delimiter=";")) == [
            ["ФИО", "E-mail", "Error"],
            ["Иванов", "x@", "row 2, column «E-mail»: 'x@' is not a valid e-mail address."],
        ]


def test_duplicate_policies(db: Database, tmp_path: Path) -> None:
    create_person(db, "Иванов", "Пётр", email="ivanov@example.kz", position="Старший эксперт")
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["Фамилия", "Имя", "E-mail", "Должность", "Телефон"],
            ["Иванов", "Пётр", "ivanov@example.kz", "Эксперт", "87015550001"],
        ],
    )
    skipped = import_attendees(db, path, options=ImportOptions(on_duplicate="skip"))
    assert skipped.skipped == 1
    assert find_person_by_email(db, "ivanov@example.kz").phone is None  # type: ignore[union-attr]
    filled = import_attendees(db, path)
    assert filled.updated == 1
    person = find_person_by_email(db, "ivanov@example.kz")
    assert person is not None
    assert (person.phone, person.position) == ("+7 701 555 00 01", "Старший эксперт")
    overwritten = import_attendees(db, path, options=ImportOptions(on_duplicate="overwrite"))
    assert overwritten.updated == 1
    assert find_person_by_email(db, "ivanov@example.kz").position == "Эксперт"  # type: ignore[union-attr]
    again = import_attendees(db, path, options=ImportOptions(on_duplicate="new"))
    assert (again.created, again.skipped) == (0, 1)  # an e-mail is always the same person


def test_without_email_name_and_organisation_identify_people(db: Database, tmp_path: Path) -> None:
    create_person(db, "Петров", "Иван", organization="WIPO")
    path = write_csv(
        tmp_path / "list.csv",
        [["ФИО", "Организация", "Телефон"], ["Петров Иван", "wipo", "87015550009"]],
    )
    assert import_attendees(db, path).updated == 1
    new = import_attendees(db, path, options=ImportOptions(on_duplicate="new"))
    assert new.created == 1 and new.likely_duplicates[0].reason.startswith("same name")


def test_likely_duplicates_are_shown_never_merged(db: Database, tmp_path: Path) -> None:
    known = create_person(db, "Sadykova", "Dinara", email="dinara@un.org")
    path = write_csv(
        tmp_path / "list.csv", [["ФИО", "E-mail"], ["Садыкова Динара", "d.sadykova@eec.int"]]
    )
    summary = import_attendees(db, path)
    assert summary.created == 1
    assert [(d.row, d.person_id) for d in summary.likely_duplicates] == [(2, known.id)]
    assert len(search_people(db)) == 2


def test_a_sessions_column_assigns_participants(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    s1 = create_session(db, event.id, "Маркировка товаров", code="S1")
    s2 = create_session(db, event.id, "Защита прав в Интернете", code="S2")
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["Full name", "Email", "Which sessions will you attend?"],
            ["John Smith", "john@example.com", "S1; защита прав в интернете"],
            ["Anna Berg", "anna@example.com", "Session 1"],
        ],
    )
    summary = import_attendees(db, path, event_id=event.id)
    assert (summary.created, summary.assigned) == (2, 3)
    assert [a.display_name for a in session_people(db, s1.id)] == ["John Smith", "Anna Berg"]
    assert [a.role.value for a in session_people(db, s2.id)] == ["participant"]
    assert import_attendees(db, path, event_id=event.id).assigned == 0
    bad = write_csv(tmp_path / "bad.csv", [["ФИО", "Сессии"], ["Иванов", "S9"]])
    summary = import_attendees(db, bad, event_id=event.id)
    assert (summary.problems, summary.rejected, summary.created) == ([], 0, 1)  # a warning only
    assert summary.warnings == [
        "row 2, column «Сессии»: «Anti-Counterfeiting Forum» has no session «S9»; the person "
        "is imported without it (write a session's code or title)."
    ]


def test_dry_run_and_cancel_write_nothing(db: Database, event: EventRow, xlsx: Path) -> None:
    before = snapshot(db)
    dry = import_attendees(db, xlsx, event_id=event.id, options=ImportOptions(dry_run=True))
    assert dry.created == 3 and not dry.written
    assert snapshot(db) == before
    seen: list[tuple[int, int]] = []

    def cancel_when_writing(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < total  # the last report is after everything was written

    with pytest.raises(CancelledError, match="nothing was changed"):
        import_attendees(db, xlsx, event_id=event.id, progress=cancel_when_writing)
    assert seen and seen[-1][0] == seen[-1][1]
    assert snapshot(db) == before


def test_the_import_takes_the_backup_first_and_keeps_it_only_if_it_wrote(
    db: Database, db_path: Path, event: EventRow, xlsx: Path, tmp_path: Path
) -> None:
    """With `backup`, the service copies the database (SQLite's online backup, named as before
    a migration) at the start of its unit of work; the copy is the database before the import."""
    create_person(db, "Прежний", "Участник")
    summary = import_attendees(db, xlsx, event_id=event.id, options=ImportOptions(backup=True))
    copy = summary.backup_path
    assert summary.written and copy is not None and copy.exists()
    assert copy.parent == db_path.parent
    assert re.fullmatch(re.escape(db_path.name) + r"\.\d{8}-\d{6}(-\d+)?\.bak", copy.name)
    with closing(sqlite3.connect(copy)) as backup:
        assert backup.execute("SELECT count(*) FROM people").fetchone() == (1,)
        assert backup.execute("SELECT count(*) FROM registrations").fetchone() == (0,)
    assert len(search_people(db)) == 4
    assert import_attendees(db, xlsx, event_id=event.id).backup_path is None  # not asked for

    # nothing written, no copy left: a dry run, a cancel, rows that block the import
    bad = write_csv(tmp_path / "bad.csv", [["ФИО", "E-mail"], ["Петров Пётр", "not-an-email"]])
    dry = import_attendees(db, xlsx, options=ImportOptions(backup=True, dry_run=True))
    blocked = import_attendees(db, bad, options=ImportOptions(backup=True))
    assert (dry.written, dry.backup_path, blocked.written, blocked.backup_path) == (
        False,
        None,
        False,
        None,
    )
    with pytest.raises(CancelledError):
        import_attendees(
            db, xlsx, options=ImportOptions(backup=True), progress=lambda done, total: done < total
        )
    assert sorted(tmp_path.glob("*.bak")) == [copy]


def test_file_level_problems_write_nothing(db: Database, tmp_path: Path) -> None:
    before = snapshot(db)
    no_header = write_csv(tmp_path / "numbers.csv", [["1", "2"], ["3", "4"]])
    with pytest.raises(ImportFileError, match=r"No header row found in «numbers\.csv»"):
        import_attendees(db, no_header)
    only_header = write_csv(tmp_path / "header.csv", [["ФИО", "E-mail"]])
    with pytest.raises(ImportFileError, match="no rows below it"):
        import_attendees(db, only_header)
    no_name = write_csv(tmp_path / "noname.csv", [["E-mail", "Телефон"], ["a@b.kz", "1"]])
    with pytest.raises(ImportFileError, match="no name column"):
        import_attendees(db, no_name)
    assert snapshot(db) == before


def test_a_refusal_naming_a_thousand_columns_stays_readable(db: Database, tmp_path: Path) -> None:
    # issue 16, item 6: one refusal once listed about 1,000 column names (26 KB)
    header = ["E-mail", *(f"Measurement {n:04d}" for n in range(999))]
    wide = write_csv(tmp_path / "wide.csv", [header, ["a@b.kz", *["1"] * 999]])
    with pytest.raises(ImportFileError, match="no name column") as caught:
        import_attendees(db, wide, options=ImportOptions(header_row=1))
    message = str(caught.value)
    assert "«E-mail», «Measurement 0000», «Measurement 0001»" in message
    assert "and 988 more" in message and "Measurement 0998" not in message
    assert len(message) < 600, len(message)


def test_profiles_remember_a_mapping(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "odd.csv", [["Участник", "Контакт"], ["Иванов Иван", "i@x.kz"]])
    first = import_attendees(
        db,
        path,
        options=ImportOptions(columns={"Контакт": "email"}, save_profile="Минторг", dry_run=True),
    )
    assert first.columns == {"Участник": "full_name", "Контакт": "email"}
    second = import_attendees(db, path, options=ImportOptions(profile="Минторг"))
    assert second.created == 1
    assert find_person_by_email(db, "i@x.kz") is not None


def test_the_demo_directory_is_matched(db: Database, demo: DemoResult, tmp_path: Path) -> None:
    people = search_people(db)
    someone = next(p for p in people if p.email)
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["Фамилия", "Имя", "E-mail"],
            [someone.family_name, someone.given_name or "", someone.email or ""],
        ],
    )
    summary = import_attendees(db, path, event_id=demo.event.id)
    assert (summary.created, summary.registered) == (0, 0)


cells = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.text(min_size=150, max_size=450),
    st.sampled_from(
        [
            "ivan@example.kz",
            "IVAN@EXAMPLE.KZ",
            "bad@",
            "Иванов Иван Иванович",
            "87015550000",
            "Казахстан",
            "=1+1",
            "  ",
            "\u00a0",
            "S1",
        ]
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(cells, min_size=0, max_size=7), min_size=1, max_size=12))
def test_no_input_crashes_the_importer_or_leaves_a_partial_import(
    db: Database, tmp_path: Path, rows: list[list[str]]
) -> None:
    header = ["ФИО", "Организация", "E-mail", "Телефон", "Страна", "Должность", "Сессии"]
    path = write_csv(tmp_path / "fuzz.csv", [header, *rows])
    before = snapshot(db)
    try:
        summary = import_attendees(db, path)
    except ImportFileError:
        assert snapshot(db) == before  # a file-level problem writes nothing
        return
    after = snapshot(db)
    if summary.rejected:
        assert not summary.written and after == before
    else:
        assert summary.written
        assert len(after["people"]) == len(before["people"]) + summary.created


def test_imported_people_never_take_a_deleted_persons_id(db: Database, tmp_path: Path) -> None:
    """An undo of a deletion must be able to put the person back under their own id."""
    from forumdesk.services import people as people_service

    gone = people_service.create_person(db, "Deleted", "Person", email="gone@x.example")
    snapshot = people_service.delete_person(db, gone.id, expected_version=None)
    path = write_csv(
        tmp_path / "new.csv",
        [["Фамилия", "Имя", "Эл. почта"], ["Новикова", "Анна", "anna@x.example"]],
    )
    summary = import_attendees(db, path)
    assert summary.created == 1
    assert all(p.id != gone.id for p in search_people(db))
    restored = people_service.restore_person(db, snapshot)
    assert restored.id == gone.id


def test_hundreds_of_rows_are_registered_and_seated_in_file_order(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    """More rows than one multi-row INSERT holds: every group and the rest land, in order."""
    s1 = create_session(db, event.id, "Пленарное заседание", code="S1")
    names = [f"Участник{n:03d} Иван" for n in range(601)]
    path = write_csv(
        tmp_path / "many.csv",
        [
            ["ФИО", "Эл. почта", "Сессии"],
            *([name, f"p{n}@example.kz", "S1"] for n, name in enumerate(names)),
        ],
    )
    summary = import_attendees(db, path, event_id=event.id)
    assert (summary.created, summary.registered, summary.assigned) == (601, 601, 601)
    assert len(event_registrations(db, event.id)) == 601
    seated = session_people(db, s1.id)
    assert [p.display_name for p in seated] == names
    assert [p.position for p in seated] == list(range(601))
    with db.reader() as session:
        person_ids = [
            r[0] for r in session.execute(sql("SELECT person_id FROM registrations ORDER BY rowid"))
        ]
    assert person_ids == sorted(person_ids)  # registered in the file's order, as created


def test_the_cycle_collector_rests_only_while_importing(
    db: Database, event: EventRow, xlsx: Path, tmp_path: Path
) -> None:
    seen: list[bool] = []
    import_attendees(
        db,
        xlsx,
        event_id=event.id,
        progress=lambda done, total: seen.append(gc.isenabled()) or True,
    )
    assert seen and not any(seen)
    assert gc.isenabled()
    with pytest.raises(ImportFileError):
        import_attendees(db, tmp_path / "missing.xlsx")
    assert gc.isenabled()
    gc.disable()
    try:
        import_attendees(db, xlsx, event_id=event.id)
        assert not gc.isenabled()  # left as the program had it
    finally:
        gc.enable()


def test_a_gender_column_is_read_in_peoples_words_and_a_bad_one_named(
    db: Database, tmp_path: Path
) -> None:
    from forumdesk.core.enums import Gender

    create_person(db, "Сатпаева", "Дана", email="dana@example.kz")
    path = write_xlsx(
        tmp_path / "gender.xlsx",
        [
            ["Фамилия", "Имя", "E-mail", "Пол"],
            ["Иванова", "Анна", "anna@example.kz", "ж"],
            ["Smith", "John", "john@example.org", "Male"],
            ["Сатпаева", "Дана", "dana@example.kz", "жен."],  # fills in a blank
            ["Ким", "Ли", "li@example.kz", ""],
        ],
    )
    import_attendees(db, path)
    genders = {
        address: getattr(find_person_by_email(db, address), "gender", "missing")
        for address in ("anna@example.kz", "john@example.org", "dana@example.kz", "li@example.kz")
    }
    assert genders == {
        "anna@example.kz": Gender.FEMALE,
        "john@example.org": Gender.MALE,
        "dana@example.kz": Gender.FEMALE,
        "li@example.kz": None,
    }
    bad = write_xlsx(tmp_path / "bad.xlsx", [["Фамилия", "Gender"], ["Петров", "unknown-word"]])
    before = snapshot(db)
    summary = import_attendees(db, bad)
    assert summary.rejected == 1 and not summary.written
    [problem] = [str(p) for p in summary.problems]
    assert "row 2, column «Gender»" in problem and "female, male, another" in problem
    assert snapshot(db) == before
