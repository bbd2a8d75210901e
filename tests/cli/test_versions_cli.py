"""`forumdesk publish`, `versions` and `changes` (forumdesk.cli.versions) on real files."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from forumdesk.cli import main
from forumdesk.cli.shared import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR
from forumdesk.db.engine import Database
from forumdesk.services import placing, sessions
from forumdesk.services.demo import DemoResult


def _run(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--db", str(db_path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _move_s3(db: Database, demo: DemoResult) -> None:
    s3 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")
    assert s3.starts_at is not None
    placing.move_session(
        db, s3.id, s3.starts_at + dt.timedelta(hours=2), expected_version=s3.version
    )


def test_publish_then_versions_lists_it(
    capsys: pytest.CaptureFixture[str], demo: DemoResult, db_path: Path
) -> None:
    code, out, _err = _run(capsys, db_path, "publish", "--name", "Sent on Monday")
    assert code == EXIT_OK and out.startswith("Published version 1 «Sent on Monday»")
    _run(capsys, db_path, "publish")
    code, out, _err = _run(capsys, db_path, "versions", "--json")
    listed: list[dict[str, Any]] = json.loads(out)
    assert [(v["number"], v["name"]) for v in listed] == [(1, "Sent on Monday"), (2, None)]
    code, out, _err = _run(capsys, db_path, "versions")
    assert "Sent on Monday" in out and out.count("\n") == 4


def test_changes_since_the_last_version_as_json(
    capsys: pytest.CaptureFixture[str], db: Database, demo: DemoResult, db_path: Path
) -> None:
    _run(capsys, db_path, "publish")
    _move_s3(db, demo)
    code, out, _err = _run(capsys, db_path, "changes", "--json")
    found = json.loads(out)
    assert code == EXIT_OK and found["from"] == 1 and found["to"] is None
    [change] = found["changes"]
    assert (change["kind"], change["session"]) == ("moved", "S3")
    assert change["before"] != change["after"] and len(change["people"]) > 0
    assert len(found["people"]) == len(change["people"])
    assert all(p["lines"][0] for p in found["people"])


def test_changes_between_two_versions_and_since_one(
    capsys: pytest.CaptureFixture[str], db: Database, demo: DemoResult, db_path: Path
) -> None:
    _run(capsys, db_path, "publish")
    _move_s3(db, demo)
    _run(capsys, db_path, "publish")
    code, out, _err = _run(capsys, db_path, "changes", "--between", "1", "2")
    assert code == EXIT_OK and "S3" in out and "moved from" in out
    code, out, _err = _run(capsys, db_path, "changes")
    assert out.startswith("Nothing changed")
    code, out, _err = _run(capsys, db_path, "changes", "--since", "1", "--json")
    assert [c["kind"] for c in json.loads(out)["changes"]] == ["moved"]


def test_the_people_to_tell_go_to_a_csv_for_mail_merge(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    demo: DemoResult,
    db_path: Path,
    tmp_path: Path,
) -> None:
    _run(capsys, db_path, "publish")
    _move_s3(db, demo)
    out_file = tmp_path / "tell.csv"
    code, out, _err = _run(capsys, db_path, "changes", "--people-csv", str(out_file))
    assert code == EXIT_OK and "people to tell written" in out
    with out_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and set(rows[0]) == {"email", "name", "language", "changes"}
    assert {r["language"] for r in rows} == {"en", "ru"}
    assert all("S3" in r["changes"] and "@" in r["email"] for r in rows)


def test_an_unknown_version_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], demo: DemoResult, db_path: Path
) -> None:
    code, _out, err = _run(capsys, db_path, "changes", "--since", "4")
    assert code == EXIT_USER_ERROR and "no version 4" in err and "Traceback" not in err


def test_since_and_between_together_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], demo: DemoResult, db_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["changes", "--since", "1", "--between", "1", "2", "--db", str(db_path)])
    assert stopped.value.code == EXIT_USAGE


def test_each_person_to_tell_gets_their_new_agenda(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    demo: DemoResult,
    db_path: Path,
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    from forumdesk.services import assignments

    _run(capsys, db_path, "publish")
    _move_s3(db, demo)
    out_file = tmp_path / "agendas.xlsx"
    code, out, _err = _run(capsys, db_path, "changes", "--agendas", str(out_file), "--json")
    assert code == EXIT_OK
    told = {p["name"] for p in json.loads(out)["people"]}
    s3 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")
    assert told == {a.display_name for a in assignments.session_people(db, s3.id)}
    [sheet] = load_workbook(out_file).worksheets
    everyone = {
        a.display_name
        for s in sessions.list_sessions(db, demo.event.id)
        for a in assignments.session_people(db, s.id)
    }
    names = {c.value for row in sheet.iter_rows() for c in row if c.value in everyone}
    assert names == told and everyone - told  # one page each, and nobody else's
    assert sheet.oddFooter.center.text.startswith("Draft: changed since version 1")
