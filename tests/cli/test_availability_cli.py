"""`forumdesk edit-event --changeover` and `forumdesk unavailable add/remove/list`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from forumdesk.cli import main
from forumdesk.cli.shared import EXIT_OK, EXIT_USER_ERROR
from forumdesk.db.engine import Database
from forumdesk.services import availability, events, people
from forumdesk.services.demo import DemoResult


def _run(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_edit_event_sets_the_changeover_time(
    capsys: pytest.CaptureFixture[str], db_path: Path, db: Database, demo: DemoResult
) -> None:
    code, out, _err = _run(capsys, db_path, "edit-event", "--changeover", "15")
    assert code == EXIT_OK and "15 min" in out
    assert events.get_event(db, demo.event.id).changeover_minutes == 15
    code, _out, err = _run(capsys, db_path, "edit-event", "--changeover", "-5")
    assert code == EXIT_USER_ERROR and "negative" in err and len(err.splitlines()) == 1
    assert events.get_event(db, demo.event.id).changeover_minutes == 15


def test_unavailable_periods_are_added_listed_and_removed(
    capsys: pytest.CaptureFixture[str], db_path: Path, db: Database, demo: DemoResult
) -> None:
    person = people.search_people(db, event_id=demo.event.id)[0]
    code, out, err = _run(
        capsys, db_path, "unavailable", "add", str(person.id), "2021-11-25 09:00–12:00; 2021-11-26"
    )
    assert code == EXIT_OK, err
    assert person.display_name in out and "2021-11-25 09:00–12:00; 2021-11-26" in out
    stored = availability.list_unavailability(db, demo.event.id, person_id=person.id)
    assert [(p.starts_at, p.ends_at) for p in stored] == [
        (dt.datetime(2021, 11, 25, 9), dt.datetime(2021, 11, 25, 12)),
        (dt.datetime(2021, 11, 26), dt.datetime(2021, 11, 27)),
    ]
    code, out, _err = _run(capsys, db_path, "unavailable", "list", "--json")
    listed = json.loads(out)
    assert [p["start"] for p in listed] == ["2021-11-25 09:00", "2021-11-26 00:00"]
    code, out, _err = _run(capsys, db_path, "unavailable", "remove", str(stored[0].id))
    assert code == EXIT_OK and "2021-11-25 09:00–12:00" in out
    code, out, _err = _run(capsys, db_path, "unavailable", "list")
    assert "2021-11-26" in out and "09:00" not in out


def test_a_bad_period_is_one_line_and_adds_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, db: Database, demo: DemoResult
) -> None:
    person = people.search_people(db, event_id=demo.event.id)[0]
    code, _out, err = _run(
        capsys, db_path, "unavailable", "add", str(person.id), "2021-11-26; after lunch"
    )
    assert code == EXIT_USER_ERROR and "after lunch" in err and len(err.splitlines()) == 1
    assert availability.list_unavailability(db, demo.event.id) == []
