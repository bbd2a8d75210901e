"""The command line's summary accounts for every row and lists name conflicts (issue 16, 2-3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forumdesk import cli
from forumdesk.db.engine import Database
from forumdesk.services.people import create_person, find_person_by_email
from tests.io.spreadsheets import write_csv


def _file(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "list.csv",
        [
            ["ФИО", "Страна", "E-mail"],
            ["Wang Wei", "China", ""],  # 2
            ["Wang Wei", "Singapore", ""],  # 3: another person, a likely duplicate
            ["Wang Wei", "", ""],  # 4: merged into row 2
            ["ФИО", "Страна", "E-mail"],  # 5: the header again
            ["X Y", "", "ivanov@example.kz"],  # 6: Иванов Иван's e-mail, another name
        ],
    )


def test_the_text_summary_adds_up_and_lists_rows_and_conflicts(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create_person(db, "Иванов", "Иван", email="ivanov@example.kz")
    assert cli.main(["--db", str(db_path), "import-attendees", str(_file(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert (
        "Rows read: 5 = 2 new + 0 updated + 1 unchanged + 0 skipped + 0 rejected + 1 merged "
        "+ 0 empty + 1 repeated header." in out
    )
    assert "Row 4: merged into row 2 (the same name and organisation)." in out
    assert "Row 5: the header row repeated." in out
    assert "Row 3: Wang Wei and Wang Wei (row 2)" in out
    assert "Name conflicts: 1" in out
    assert (
        "Row 6: ivanov@example.kz is «Иванов Иван» in the directory but «X Y» in the file; "
        "the stored name is kept." in out
    )
    person = find_person_by_email(db, "ivanov@example.kz")
    assert person is not None and person.display_name == "Иванов Иван"


def test_the_json_summary_and_taking_the_files_names(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = create_person(db, "Иванов", "Иван", email="ivanov@example.kz")
    argv = ["--db", str(db_path), "import-attendees", str(_file(tmp_path)), "--json"]
    assert cli.main([*argv, "--on-name-conflict", "replace"]) == 0
    data = json.loads(capsys.readouterr().out)
    counted = ("created", "updated", "unchanged", "skipped", "rejected", "merged")
    total = sum(data[k] for k in counted) + data["empty_rows"] + data["repeated_headers"]
    assert total == data["rows"] == 5
    assert [(r["row"], r["outcome"], r["into_row"]) for r in data["row_outcomes"]] == [
        (4, "merged", 2),
        (5, "repeated_header", None),
    ]
    assert data["name_conflicts"] == [
        {
            "row": 6,
            "email": "ivanov@example.kz",
            "person_id": stored.id,
            "stored_name": "Иванов Иван",
            "file_name": "X Y",
            "name_kept": "file",
        }
    ]
    person = find_person_by_email(db, "ivanov@example.kz")
    assert person is not None and person.display_name == "X Y"


def test_an_unknown_name_conflict_policy_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(
            [
                "--db",
                str(db_path),
                "import-attendees",
                str(_file(tmp_path)),
                "--on-name-conflict",
                "merge",
            ]
        )
    assert exited.value.code == 2
    assert "keep" in capsys.readouterr().err
