"""`forumdesk schedule --auto` (forumdesk.cli.schedule): output, --json, --dry-run, exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from forumdesk.cli import registry
from forumdesk.cli.shared import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR
from forumdesk.core.enums import Role
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.scheduling.checker import Severity
from forumdesk.services import assignments, events, people, problems, sessions, venue


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], db_path: Path):  # type: ignore[no-untyped-def]
    def call(*args: str) -> Result:
        parsed = registry.build_parser().parse_args(
            ["schedule", "--auto", "--db", str(db_path), "--time-limit", "5", *args]
        )
        code = parsed.handler(parsed)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def forum(db: Database) -> EventRow:
    """One day, Hall A placed 10:00-11:00 with Petrov moderating; three panels to place."""
    event = events.create_event(db, "Forum", "2021-11-25", timezone="Asia/Almaty")
    hall = venue.add_room(db, event.id, "Hall A", 50)
    venue.add_room(db, event.id, "Hall B", 50)
    petrov = people.create_person(db, "Petrov", "Ivan", register_for=event.id)
    opening = sessions.create_session(
        db,
        event.id,
        "Opening",
        code="P1",
        room_id=hall.id,
        starts_at=dt.datetime(2021, 11, 25, 10),
        ends_at=dt.datetime(2021, 11, 25, 11),
    )
    assignments.assign_person(db, opening.id, petrov.id, Role.MODERATOR, expected_version=None)
    for n in (1, 2, 3):
        row = sessions.create_session(db, event.id, f"Panel {n}", code=f"S{n}")
        assignments.assign_person(db, row.id, petrov.id, Role.MODERATOR, expected_version=None)
    return event


def _scheduled(db: Database, event: EventRow) -> int:
    return sum(row.is_scheduled for row in sessions.list_sessions(db, event.id))


def test_dry_run_prints_the_placement_and_writes_nothing(
    forum: EventRow, db: Database, run: Any
) -> None:
    result = run("--dry-run")
    assert result.code == EXIT_OK
    assert result.out.startswith("«Forum»: would place 3 sessions in")
    assert "\nEach day from 09:00 to 18:00.\n" in result.out  # the event's own day
    assert "S1 «Panel 1»" in result.out
    assert _scheduled(db, forum) == 1


def test_auto_places_every_session_with_no_error(forum: EventRow, db: Database, run: Any) -> None:
    result = run("--json")
    assert result.code == EXIT_OK
    report = result.json()
    assert report["applied"] is True
    assert sorted(p["session"] for p in report["placed"]) == [
        "S1 «Panel 1»",
        "S2 «Panel 2»",
        "S3 «Panel 3»",
    ]
    assert report["unplaced"] == []
    assert _scheduled(db, forum) == 4
    assert [p for p in problems.check_event(db, forum.id) if p.severity == Severity.ERROR] == []


def test_a_session_that_fits_nowhere_exits_1_with_its_reason(
    forum: EventRow, db: Database, run: Any
) -> None:
    crowd = sessions.create_session(db, forum.id, "Crowd", code="S9", kind="workshop")
    for n in range(51):
        person = people.create_person(db, f"Guest{n}")
        assignments.assign_person(db, crowd.id, person.id, Role.PARTICIPANT, expected_version=None)
    result = run()
    assert result.code == EXIT_USER_ERROR
    assert "Could not place 1 session:" in result.out
    assert "S9 «Crowd»: 51 people are assigned, and no room seats that many" in result.out
    assert _scheduled(db, forum) == 4  # the others are placed all the same


def test_a_bad_time_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        registry.build_parser().parse_args(["schedule", "--auto", "--time-limit", "soon"])
    assert exit_info.value.code == 2
    assert "not a number of seconds" in capsys.readouterr().err


def test_the_day_hours_given_reach_the_solver(forum: EventRow, db: Database, run: Any) -> None:
    # Petrov moderates the 10:00 opening and all three panels: with the day from 06:00 to
    # 10:00 they can only go before it, which the default day (09:00-18:00) would not allow
    result = run("--time-limit", "2", "--day-from", "06:00", "--day-to", "10:00", "--json")
    assert result.code == EXIT_OK, result.out + result.err
    report = result.json()
    assert (report["day_from"], report["day_to"]) == ("06:00", "10:00")
    placed = report["placed"]
    assert len(placed) == 3
    for spot in placed:
        starts = dt.datetime.fromisoformat(spot["starts_at"])
        ends = dt.datetime.fromisoformat(spot["ends_at"])
        assert dt.time(6) <= starts.time() and ends.time() <= dt.time(10), spot
    assert _scheduled(db, forum) == 4


@pytest.mark.parametrize("option", ["--day-from", "--day-to"])
def test_a_time_of_day_that_is_not_one_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], option: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        registry.build_parser().parse_args(["schedule", "--auto", option, "8h30"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "not a time of day: '8h30' (write it as HH:MM, e.g. 08:30)" in err
    assert "Traceback" not in err


def test_a_day_that_ends_before_it_starts_is_a_usage_error_and_places_nothing(
    forum: EventRow, db: Database, run: Any
) -> None:
    result = run("--day-from", "18:00", "--day-to", "09:00")
    assert result.code == EXIT_USAGE
    assert "The day must start before it ends: 18:00 to 09:00 is not a day." in result.err
    # a day that ends before the event's default start (09:00) is no day either
    result = run("--day-to", "08:00")
    assert result.code == EXIT_USAGE
    assert "09:00 to 08:00 is not a day." in result.err
    assert _scheduled(db, forum) == 1
