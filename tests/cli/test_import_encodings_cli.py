"""import-attendees on 8-bit CSV files: each read in its own encoding, an ambiguous one refused
with exit 2 until --encoding says which (forumdesk.cli.imports, forumdesk.io.encoding_detection)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk import cli
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.people import search_people
from tests.io.spreadsheets import write_csv
from tests.services.test_imports import snapshot


@pytest.fixture
def event(db: Database) -> EventRow:
    from forumdesk.services.events import create_event

    return create_event(db, "Forum", "2021-11-25", "2021-11-26", timezone="Asia/Almaty")


def _names(db: Database) -> set[tuple[str, str | None, str | None]]:
    return {(p.family_name, p.given_name, p.email) for p in search_people(db)}


@pytest.mark.parametrize(
    ("written", "rows", "expected"),
    [
        (
            "iso-8859-1",
            [["Last name", "First name", "E-mail"], ["Mahé", "Hélène", "helene@example.fr"]],
            {("Mahé", "Hélène", "helene@example.fr")},
        ),
        (
            "cp1252",
            [["Last name", "First name", "E-mail"], ["Müller", "Jürgen", "mueller@example.de"]],
            {("Müller", "Jürgen", "mueller@example.de")},
        ),
        (
            "iso-8859-7",
            [
                ["Last name", "First name", "E-mail"],
                ["Παπαδόπουλος", "Γιώργος", "gp@example.gr"],
                ["Κωνσταντίνου", "Μαρία", "mk@example.gr"],
            ],
            {
                ("Παπαδόπουλος", "Γιώργος", "gp@example.gr"),
                ("Κωνσταντίνου", "Μαρία", "mk@example.gr"),
            },
        ),
        (
            "koi8-r",
            [
                ["Фамилия", "Имя", "Организация", "Город", "E-mail"],
                ["Иванов", "Пётр", "Министерство юстиции", "Москва", "ivanov@example.ru"],
                ["Садыкова", "Динара", "Евразийская комиссия", "Астана", "dinara@example.kz"],
            ],
            {
                ("Иванов", "Пётр", "ivanov@example.ru"),
                ("Садыкова", "Динара", "dinara@example.kz"),
            },
        ),
        (
            "cp1251",
            [
                ["Фамилия", "Имя", "Организация", "Город", "E-mail"],
                ["Иванов", "Пётр", "ООО «Ромашка»", "Москва", "ivanov@example.ru"],
                ["Садыкова", "Динара", "Министерство юстиции", "Астана", "dinara@example.kz"],
                ["Smith", "John", "WIPO", "Женева", "john@example.com"],
            ],
            {
                ("Иванов", "Пётр", "ivanov@example.ru"),
                ("Садыкова", "Динара", "dinara@example.kz"),
                ("Smith", "John", "john@example.com"),
            },
        ),
    ],
)
def test_each_8bit_file_is_imported_in_its_own_encoding(
    db: Database,
    db_path: Path,
    event: EventRow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    rows: list[list[str]],
    expected: set[tuple[str, str, str]],
) -> None:
    path = write_csv(tmp_path / "list.csv", rows, encoding=written, delimiter=";")
    assert run(["--db", str(db_path), "import-attendees", str(path)]) == 0
    assert _names(db) == expected
    assert "read as" in capsys.readouterr().out


def test_an_ambiguous_file_exits_2_naming_the_candidates_until_encoding_is_given(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # «АО» (a joint-stock company) is «ÀÎ» in cp1252: two letters cannot tell which is meant
    rows = [
        ["Last name", "First name", "E-mail", "Organization"],
        ["Smith", "John", "js@example.com", "АО"],
    ]
    path = write_csv(tmp_path / "visa.csv", rows, encoding="cp1251", delimiter=";")
    before = snapshot(db)
    assert run(["--db", str(db_path), "import-attendees", str(path)]) == 2
    err = capsys.readouterr().err
    assert "cp1251" in err and "cp1252" in err and "--encoding" in err
    assert "--encoding cp1251:  Smith;John;js@example.com;АО" in err
    assert "--encoding cp1252:  Smith;John;js@example.com;ÀÎ" in err
    assert snapshot(db) == before  # nothing written
    args = ["--db", str(db_path), "import-attendees", str(path), "--encoding", "cp1251", "--json"]
    assert run(args) == 0
    capsys.readouterr()
    [person] = search_people(db)
    assert (person.family_name, person.given_name, person.organization) == ("Smith", "John", "АО")


def run(argv: list[str]) -> int:
    return cli.main(argv)
