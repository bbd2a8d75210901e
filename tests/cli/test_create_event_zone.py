"""`create-event` says which time zone it took, and takes a city for one (issue 14, item 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk.cli import events as cli_events
from forumdesk.cli import main
from forumdesk.cli.shared import EXIT_OK
from forumdesk.db.engine import Database
from forumdesk.services.events import list_events


def test_without_timezone_the_computers_zone_is_named(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli_events, "_local_timezone", lambda: "Europe/Berlin")
    code = main(
        [
            "--db",
            str(db_path),
            "create-event",
            "Forum",
            "--start",
            "2027-05-12",
            "--end",
            "2027-05-13",
        ]
    )
    captured = capsys.readouterr()
    assert code == EXIT_OK
    assert "this computer's zone, Europe/Berlin" in captured.err and "--timezone" in captured.err
    assert [e.timezone for e in list_events(db)] == ["Europe/Berlin"]


def test_a_city_is_taken_as_its_zone_without_a_word_about_the_computer(
    capsys: pytest.CaptureFixture[str], db_path: Path, db: Database
) -> None:
    args = ["create-event", "Forum", "--start", "2027-05-12", "--end", "2027-05-13"]
    code = main(["--db", str(db_path), *args, "--timezone", "Nur-Sultan"])
    captured = capsys.readouterr()
    assert code == EXIT_OK and captured.err == ""
    assert "(Asia/Almaty)" in captured.out
    assert [e.timezone for e in list_events(db)] == ["Asia/Almaty"]
