"""The import-attendees and import-programme commands (forumdesk.cli.imports)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from forumdesk import cli
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.people import search_people
from forumdesk.services.sessions import list_sessions
from tests.io.spreadsheets import ATTENDEE_HEADER, ATTENDEES, write_csv, write_xlsx
from tests.services.test_imports import snapshot


def run(argv: Sequence[str]) -> int:
    """The real command line, in-process."""
    return cli.main(list(argv))


@pytest.fixture
def event(db: Database) -> EventRow:
    from forumdesk.services.events import create_event

    return create_event(db, "Forum", "2021-11-25", "2021-11-26", timezone="Asia/Almaty")


def test_import_attendees_json_summary_and_exit_0(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [ATTENDEE_HEADER, *ATTENDEES], title="Участники")
    assert run(["--db", str(db_path), "import-attendees", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert {
        k: summary[k] for k in ("created", "updated", "unchanged", "rejected", "registered")
    } == {"created": 3, "updated": 0, "unchanged": 0, "rejected": 0, "registered": 3}
    assert "Иванов Пётр Сергеевич" in {p.display_name for p in search_people(db)}
    assert run(["import-attendees", str(path), "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 3


def test_rejected_rows_exit_1_and_write_nothing(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [["ФИО", "E-mail"], ["Иванов Иван", "i@x.kz"], ["Петров", "broken"]],
        encoding="cp1251",
        delimiter=";",
    )
    before = snapshot(db)
    assert run(["--db", str(db_path), "import-attendees", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Row 3, column «E-mail»: 'broken' is not a valid e-mail address." in out
    assert "Nothing was written" in out
    assert snapshot(db) == before
    rejects = tmp_path / "rejected.csv"
    assert (
        run(
            [
                "--db",
                str(db_path),
                "import-attendees",
                str(path),
                "--skip-invalid",
                "--rejects",
                str(rejects),
                "--json",
            ]
        )
        == 1
    )
    summary = json.loads(capsys.readouterr().out)
    assert (summary["created"], summary["rejected"]) == (1, 1)
    assert summary["rejects_path"] == str(rejects) and rejects.exists()


def test_file_level_errors_exit_2(
    db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "attendees.xlsx"
    path.write_bytes(b"%PDF-1.7 not a spreadsheet")
    assert run(["--db", str(db_path), "import-attendees", str(path)]) == 2
    assert "«attendees.xlsx» is a PDF document" in capsys.readouterr().err
    good = write_csv(tmp_path / "ok.csv", [["ФИО"], ["Иванов"]])
    assert run(["--db", str(db_path), "import-attendees", str(good), "--map", "ФИО=shoe"]) == 2
    assert "'shoe' is not a field" in capsys.readouterr().err
    assert run(["--db", str(db_path), "import-attendees", str(good), "--rejects", "x.csv"]) == 2
    assert run(["--db", str(db_path), "import-attendees", str(good), "--sheet", "Лист2"]) == 2


def test_map_dry_run_and_unknown_event(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "odd.csv", [["Участник", "Контакт"], ["Иванов Иван", "i@x.kz"]])
    assert (
        run(
            [
                "--db",
                str(db_path),
                "import-attendees",
                str(path),
                "--map",
                "Контакт=email",
                "--dry-run",
            ]
        )
        == 0
    )
    assert "Dry run: nothing was written." in capsys.readouterr().out
    assert search_people(db) == []
    assert run(["--db", str(db_path), "import-attendees", str(path), "--event", "99"]) == 1
    assert "There is no event 99" in capsys.readouterr().err


def test_import_programme(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "programme.csv",
        [
            ["Код", "Название", "Дата", "Начало", "Окончание", "Зал"],
            ["S1", "Маркировка", "2021-11-25", "10:00", "11:30", "Зал A"],
        ],
    )
    assert (
        run(
            [
                "--db",
                str(db_path),
                "import-programme",
                str(path),
                "--event",
                str(event.id),
                "--json",
            ]
        )
        == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert (summary["created"], summary["rooms_created"]) == (1, 1)
    assert [s.code for s in list_sessions(db, event.id)] == ["S1"]


def test_an_import_waiting_for_another_desk_says_so_once_and_imports(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "list.csv", [ATTENDEE_HEADER, *ATTENDEES])
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another desk's import, writing for a second
    released = threading.Timer(1.0, holder.rollback)
    released.start()
    try:
        assert run(["--db", str(db_path), "import-attendees", str(path)]) == 0
    finally:
        released.join()
        holder.close()
    assert capsys.readouterr().err.count("Waiting for another desk's import") == 1
    assert len(search_people(db)) == len(ATTENDEES)
