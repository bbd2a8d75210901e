"""import-attendees on files headed as registration exports are (issue 16, item 5): the columns
are recognised, and of two columns that fit one field the summary names the one used and the
one ignored, in text and in JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from forumdesk import cli
from forumdesk.core.i18n import set_language
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.people import search_people
from tests.io.spreadsheets import write_csv, write_xlsx


def run(argv: Sequence[str]) -> int:
    return cli.main(list(argv))


@pytest.fixture
def event(db: Database) -> EventRow:
    from forumdesk.services.events import create_event

    return create_event(db, "Forum", "2021-11-25", "2021-11-26", timezone="Asia/Almaty")


def test_a_file_headed_id_and_name_is_imported_by_name(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "list.csv", [["id", "name"], ["1", "Иванов Иван"], ["2", "Jane Smith"]]
    )
    assert run(["--db", str(db_path), "import-attendees", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["columns"] == {"name": "full_name"}
    assert (summary["created"], summary["rejected"], summary["columns_set_aside"]) == (2, 0, [])
    assert {(p.family_name, p.given_name) for p in search_people(db)} == {
        ("Иванов", "Иван"),
        ("Smith", "Jane"),
    }


def test_company_name_and_nationality_are_stored(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(
        tmp_path / "cvent.xlsx",
        [
            ["Attendee ID", "First Name", "Last Name", "Company Name", "Nationality", "Email"],
            ["A-17", "Jane", "Smith", "WIPO", "Switzerland", "jane@example.com"],
        ],
    )
    assert run(["--db", str(db_path), "import-attendees", str(path)]) == 0
    assert "both fit" not in capsys.readouterr().out
    (jane,) = search_people(db)
    assert (jane.organization, jane.country, jane.email) == (
        "WIPO",
        "CH",  # stored as its ISO 3166 code (issue 17)
        "jane@example.com",
    )


def test_two_columns_for_one_field_are_named_in_text_and_json(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["ФИО", "Company", "Organisation", "Nationality", "Country", "E-mail"],
            ["Иванов Иван", "ТОО Ромашка", "Минюст", "Россия", "Казахстан", "i@example.kz"],
        ],
    )
    assert run(["--db", str(db_path), "import-attendees", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "Note: Columns «Organisation» and «Company» both fit the organisation: «Organisation» "
        "was used, «Company» ignored." in out
    )
    assert (
        "Note: Columns «Country» and «Nationality» both fit the country: «Country» was used, "
        "«Nationality» ignored." in out
    )
    assert run(["--db", str(db_path), "import-attendees", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["columns_set_aside"] == [
        {"column": "Company", "field": "organization", "used": "Organisation"},
        {"column": "Nationality", "field": "country", "used": "Country"},
    ]
    assert len([w for w in summary["warnings"] if "both fit" in w]) == 2
    (ivanov,) = search_people(db)
    assert (ivanov.organization, ivanov.country) == ("Минюст", "KZ")


def test_the_note_is_in_russian_for_a_russian_user(
    db: Database,
    db_path: Path,
    event: EventRow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_language("ru")  # as FORUMDESK_LANG=ru sets it when forumdesk starts; conftest resets it
    path = write_csv(
        tmp_path / "list.csv",
        [["ФИО", "Компания", "Организация"], ["Иванов Иван", "ТОО Ромашка", "Минюст"]],
    )
    assert run(["--db", str(db_path), "import-attendees", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "Столбцы «Организация» и «Компания» оба подходят для поля «организация»: взят "
        "«Организация», «Компания» пропущен." in out
    )
    assert "both fit" not in out and "organisation" not in out


def test_session_and_title_in_a_programme(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "programme.csv",
        [
            ["Session", "Title", "Date", "Start", "End"],
            ["Plenary", "Opening of the forum", "25.11.2021", "10:00", "11:00"],
        ],
    )
    assert run(["--db", str(db_path), "import-programme", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["columns_set_aside"] == [
        {"column": "Session", "field": "title", "used": "Title"}
    ]
    assert summary["columns"]["Title"] == "title" and "Session" not in summary["columns"]
