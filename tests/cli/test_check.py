"""`forumdesk check` (forumdesk.cli.check): output, --json and exit codes, on real files.

`run` parses through the real command line's parser (forumdesk.cli.registry.build_parser) and
calls the handler it set, so a refusal raises its typed error here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any, Protocol

import pytest

from forumdesk.cli import registry
from forumdesk.cli.shared import EXIT_OK
from forumdesk.core.enums import Role
from forumdesk.core.errors import ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, events, people, placing, problems, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import EventChoiceError

JSON_KEYS = {
    "kind",
    "severity",
    "message",
    "sessions",
    "people",
    "session_ids",
    "person_ids",
    "key",
    "fingerprint",
    "accepted",
    "note",
}


class Run(Protocol):
    def __call__(self, *args: str) -> Result: ...


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


def build_parser() -> argparse.ArgumentParser:
    """The real command line's parser, which registers `check`."""
    return registry.build_parser()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], db_path: Path) -> Run:
    def call(*args: str) -> Result:
        parsed = build_parser().parse_args(["check", "--db", str(db_path), *args])
        code = parsed.handler(parsed)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def clash(db: Database) -> EventRow:
    """A one-day event whose Hall A is booked twice; Ivan Petrov has no e-mail."""
    event = events.create_event(db, "Forum", "2021-11-25", timezone="Asia/Almaty")
    hall = venue.add_room(db, event.id, "Hall A")
    first = sessions.create_session(
        db,
        event.id,
        "Opening",
        code="P1",
        kind="plenary",
        room_id=hall.id,
        starts_at=dt.datetime(2021, 11, 25, 10),
        ends_at=dt.datetime(2021, 11, 25, 11),
    )
    second = sessions.create_session(
        db,
        event.id,
        "Customs",
        code="S1",
        kind="workshop",
        room_id=hall.id,
        starts_at=dt.datetime(2021, 11, 25, 10, 30),
        ends_at=dt.datetime(2021, 11, 25, 11, 30),
    )
    ivan = people.create_person(db, "Petrov", "Ivan")
    anna = people.create_person(db, "Kim", "Anna", email="anna.kim@example.org")
    assignments.register_people(db, event.id, [ivan.id, anna.id], expected_statuses=None)
    assignments.assign_person(db, first.id, ivan.id, Role.MODERATOR, expected_version=None)
    assignments.assign_person(db, second.id, ivan.id, Role.SPEAKER, expected_version=None)
    assignments.assign_person(db, second.id, anna.id, Role.SPEAKER, expected_version=None)
    return event


def test_the_demo_forum_passes_with_one_warning(demo: DemoResult, run: Run) -> None:
    result = run()
    assert result.code == EXIT_OK
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == "«International Anti-Counterfeiting Forum 2021»: 1 warning."
    assert lines[1] == "WARNING not registered [S10]"
    assert "Stefan Brandt is panelist of S10" in result.out


def test_json_lists_every_problem_with_its_keys(demo: DemoResult, run: Run) -> None:
    result = run("--json")
    assert result.code == EXIT_OK
    [problem] = result.json()
    assert set(problem) == JSON_KEYS
    assert (
        problem["kind"],
        problem["severity"],
        problem["sessions"],
        problem["people"],
        problem["accepted"],
        problem["note"],
    ) == ("not_registered", "warning", ["S10"], ["s.brandt@brandtkeller.de.example"], False, None)


def test_an_open_error_exits_1(clash: EventRow, run: Run) -> None:
    result = run("--json")
    assert result.code == 1
    found = {p["kind"]: p for p in result.json()}
    assert set(found) == {"room_double_booked", "person_double_booked"}
    assert found["room_double_booked"]["sessions"] == ["P1", "S1"]
    assert found["room_double_booked"]["people"] == []
    # a person without an e-mail is named
    assert found["person_double_booked"]["people"] == ["Ivan Petrov"]
    assert all(p["severity"] == "error" and not p["accepted"] for p in found.values())

    text = run()
    assert text.code == 1
    assert text.out.splitlines()[0] == "«Forum»: 2 errors."
    assert "ERROR   room booked twice [P1, S1]" in text.out
    assert "Hall A is booked twice: P1 «Opening» (2021-11-25 10:00–11:00)" in text.out


def test_accepting_every_error_exits_0(clash: EventRow, db: Database, run: Run) -> None:
    for row in problems.check_event(db, clash.id):
        problems.accept_problem(
            db, clash.id, row.key, row.fingerprint, "Agreed with the chair", expected=None
        )
    result = run("--json")
    assert result.code == EXIT_OK
    assert [(p["accepted"], p["note"]) for p in result.json()] == [
        (True, "Agreed with the chair")
    ] * 2

    text = run()
    assert text.code == EXIT_OK
    assert text.out.splitlines()[0] == "«Forum»: no open problems; 2 accepted."
    assert "\nAccepted:\n" in text.out
    assert "Accepted: Agreed with the chair" in text.out


def test_only_errors_decide_the_exit_code(clash: EventRow, db: Database, run: Run) -> None:
    """With the clash moved away, a plenary without a moderator is only a warning."""
    [plenary, workshop] = sessions.list_sessions(db, clash.id)
    placing.move_session(db, workshop.id, dt.datetime(2021, 11, 25, 12), expected_version=None)
    assignments.unassign_person(
        db, plenary.id, plenary_moderator(db, plenary.id), expected_version=None
    )
    result = run("--json")
    assert [(p["kind"], p["severity"]) for p in result.json()] == [("no_moderator", "warning")]
    assert result.code == EXIT_OK


def plenary_moderator(db: Database, session_id: int) -> int:
    [row] = [a for a in assignments.session_people(db, session_id) if a.role == Role.MODERATOR]
    return row.person_id


def test_an_event_without_problems(db: Database, run: Run) -> None:
    events.create_event(db, "Quiet forum", "2021-11-25")
    result = run()
    assert (result.code, result.out) == (EXIT_OK, "No problems found in «Quiet forum».\n")
    assert run("--json").json() == []


def test_several_events_need_event_id(clash: EventRow, db: Database, run: Run) -> None:
    other = events.create_event(db, "Quiet forum", "2022-03-01")
    with pytest.raises(EventChoiceError):
        run()
    assert run("--event", str(other.id)).code == EXIT_OK
    assert run("--event", str(clash.id)).code == 1


def test_an_empty_database_is_a_readable_error(db: Database, run: Run) -> None:
    with pytest.raises(ValidationError, match="holds no event"):
        run()


def test_the_command_is_described_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(["check", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "--event ID" in out and "--json" in out and "status 1" in out
