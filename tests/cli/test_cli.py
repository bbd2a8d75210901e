"""The `forumdesk` command line, in-process through main() and as the real `python -m forumdesk`."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Protocol

import pytest

from forumdesk import __version__
from forumdesk.cli import main
from forumdesk.cli.shared import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR
from forumdesk.config import DB_ENV_VAR, default_database_path, log_dir
from forumdesk.db.engine import Database
from forumdesk.db.models import Person
from forumdesk.services.demo import DemoResult
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session

SESSION_KEYS = {"id", "code", "title", "kind", "room", "start", "end", "moderators"}
EVENT_KEYS = {"id", "name", "start", "end", "timezone"}
PERSON_KEYS = {
    "id",
    "family_name",
    "given_name",
    "patronymic",
    "display_name",
    "organization",
    "position",
    "country",
    "email",
    "phone",
}
ALMATY_2021 = dt.timedelta(hours=6)


class Run(Protocol):
    def __call__(self, *args: str, db: Path | str | None = ...) -> Captured: ...


class Captured:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db_path: Path) -> Run:
    """Run main() in-process on `db_path` (given with --db before the command)."""

    def run(*args: str, db: Path | str | None = db_path) -> Captured:
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        code = main(argv)
        captured = capsys.readouterr()
        return Captured(code, captured.out, captured.err)

    return run


def _one_line_error(result: Captured) -> str:
    """The failure as the user sees it: exit 1, one line on stderr, no traceback."""
    assert result.code == EXIT_USER_ERROR
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("forumdesk: ")
    assert "Something went wrong" not in lines[0]  # a user's mistake is not a crash
    return lines[0]


def _forumdesk(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if db is not None:
        env[DB_ENV_VAR] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "forumdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


# --- version and demo -------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"forumdesk {__version__}"


def test_demo_then_sessions_lists_the_programme(cli: Run, db_path: Path) -> None:
    loaded = cli("demo")
    assert loaded.code == EXIT_OK
    assert "Loaded the demo forum" in loaded.out and str(db_path) in loaded.out

    result = cli("sessions", "--json")
    assert result.code == EXIT_OK and result.err == ""
    sessions = result.json()
    assert len(sessions) == 17
    codes = {s["code"] for s in sessions}
    assert {f"S{n}" for n in range(1, 11)} <= codes
    for item in sessions:
        assert set(item) >= SESSION_KEYS
        start = dt.datetime.fromisoformat(item["start"])
        end = dt.datetime.fromisoformat(item["end"])
        assert item["start"].endswith("+06:00") and item["end"].endswith("+06:00")
        assert start.utcoffset() == end.utcoffset() == ALMATY_2021
        assert start < end
        assert isinstance(item["moderators"], list)
    starts = [s["start"] for s in sessions]
    assert starts == sorted(starts)
    assert sessions[0]["start"] == "2021-11-25T08:30:00+06:00"
    s2 = next(s for s in sessions if s["code"] == "S2")
    assert s2["room"] == "Hall B" and s2["start"] == "2021-11-25T13:00:00+06:00"


def test_unscheduled_session_has_no_times(cli: Run, demo: DemoResult, db: Database) -> None:
    create_session(db, demo.event.id, "Side meeting, time to be agreed", code="X1")
    sessions = cli("sessions", "--json", "--event", str(demo.event.id)).json()
    assert len(sessions) == 18
    last = sessions[-1]
    assert (last["code"], last["title"]) == ("X1", "Side meeting, time to be agreed")
    assert last["start"] is None and last["end"] is None and last["room"] is None
    assert all(s["start"] is not None for s in sessions[:-1])


def test_demo_twice_adds_nothing(cli: Run) -> None:
    assert cli("demo").code == EXIT_OK
    counts = (
        len(cli("events", "--json").json()),
        len(cli("people", "--json").json()),
        len(cli("sessions", "--json").json()),
    )

    again = cli("demo")
    assert again.code == EXIT_OK
    assert "already there" in again.out and "nothing was added" in again.out
    assert (
        len(cli("events", "--json").json()),
        len(cli("people", "--json").json()),
        len(cli("sessions", "--json").json()),
    ) == counts
    assert counts[0] == 1 and counts[1] > 0


# --- events -----------------------------------------------------------------------------------


def test_create_event_then_list_it(cli: Run) -> None:
    created = cli(
        "create-event",
        "Астанинский форум",
        "--start",
        "2025-06-02",
        "--end",
        "2025-06-04",
        "--timezone",
        "Asia/Almaty",
        "--city",
        "Astana",
    )
    assert created.code == EXIT_OK and created.err == ""
    assert "Created event" in created.out and "Астанинский форум" in created.out

    [event] = cli("events", "--json").json()
    assert set(event) >= EVENT_KEYS
    assert event["name"] == "Астанинский форум"
    assert (event["start"], event["end"]) == ("2025-06-02", "2025-06-04")
    assert event["timezone"] == "Asia/Almaty"
    assert event["city"] == "Astana"
    assert isinstance(event["id"], int)


def test_create_event_json(cli: Run) -> None:
    result = cli(
        "create-event",
        "Summit",
        "--start",
        "2025-01-10",
        "--end",
        "2025-01-10",
        "--timezone",
        "Europe/Moscow",
        "--json",
    )
    event = result.json()
    assert event["name"] == "Summit" and event["timezone"] == "Europe/Moscow"
    assert cli("events", "--json").json()[0]["id"] == event["id"]


def test_sessions_with_two_events_asks_which(cli: Run) -> None:
    cli(
        "create-event",
        "Spring Forum",
        "--start",
        "2025-03-03",
        "--end",
        "2025-03-04",
        "--timezone",
        "UTC",
    )
    cli(
        "create-event",
        "Autumn Forum",
        "--start",
        "2025-10-06",
        "--end",
        "2025-10-07",
        "--timezone",
        "UTC",
    )
    ids = {e["name"]: e["id"] for e in cli("events", "--json").json()}

    result = cli("sessions")
    line = _one_line_error(result)
    assert result.out == ""
    assert "--event" in line
    assert f"{ids['Spring Forum']} Spring Forum" in line
    assert f"{ids['Autumn Forum']} Autumn Forum" in line

    chosen = cli("sessions", "--event", str(ids["Spring Forum"]))
    assert chosen.code == EXIT_OK and "Spring Forum" in chosen.out


@pytest.mark.parametrize("command", ["sessions", "people"])
def test_unknown_event_is_a_readable_error(cli: Run, demo: DemoResult, command: str) -> None:
    result = cli(command, "--event", "999")
    line = _one_line_error(result)
    assert "event" in line
    assert result.out == ""


@pytest.mark.parametrize(
    ("start", "end", "zone", "words"),
    [
        ("2025-06-04", "2025-06-02", "Asia/Almaty", "before"),
        ("2025-13-01", "2025-06-02", "Asia/Almaty", "2025-13-01"),
        ("4 June", "2025-06-02", "Asia/Almaty", "YYYY-MM-DD"),
        ("2025-06-02", "2025-06-04", "Mars/Olympus_Mons", "Mars/Olympus_Mons"),
    ],
)
def test_create_event_refuses_bad_input_and_creates_nothing(
    cli: Run, start: str, end: str, zone: str, words: str
) -> None:
    result = cli("create-event", "Forum", "--start", start, "--end", end, "--timezone", zone)
    assert words in _one_line_error(result)
    assert cli("events", "--json").json() == []


def test_events_on_an_empty_database(cli: Run) -> None:
    result = cli("events")
    assert result.code == EXIT_OK
    assert "No events yet" in result.out


# --- people and sessions search ---------------------------------------------------------------


def test_people_json_keys(cli: Run, demo: DemoResult) -> None:
    people = cli("people", "--json").json()
    assert len(people) == demo.people_added
    for person in people:
        assert set(person) >= PERSON_KEYS
    rossi = next(p for p in people if p["family_name"] == "Rossi")
    assert rossi["email"] == "m.rossi@wipo.int.example"


@pytest.mark.parametrize("needle", ["жаксыбекова", "ЖАКСЫБЕКОВА", "жаксыбекова айгуль"])
def test_people_search_ignores_cyrillic_case(cli: Run, demo: DemoResult, needle: str) -> None:
    found = cli("people", "--json", "--search", needle).json()
    assert [(p["family_name"], p["given_name"]) for p in found] == [("Жаксыбекова", "Айгуль")]


def test_people_search_table_and_no_match(cli: Run, demo: DemoResult) -> None:
    table = cli("people", "--search", "громов")
    assert table.code == EXIT_OK and "Громов" in table.out
    assert "Rossi" not in table.out
    nobody = cli("people", "--search", "nobody-by-this-name")
    assert nobody.code == EXIT_OK and "Nobody matches." in nobody.out


def test_people_event_filter_shows_only_registered(
    cli: Run, demo: DemoResult, db: Database
) -> None:
    outsider = create_person(db, "Outsider", "Olga", email="olga.outsider@example.org")
    everyone = {p["id"] for p in cli("people", "--json").json()}
    registered = {p["id"] for p in cli("people", "--json", "--event", str(demo.event.id)).json()}
    assert outsider.id in everyone
    assert outsider.id not in registered
    assert registered == everyone - {outsider.id}
    assert len(registered) == demo.people_added


def test_sessions_search(cli: Run, demo: DemoResult) -> None:
    found = cli("sessions", "--json", "--search", "marketplaces").json()
    assert [s["code"] for s in found] == ["S2"]
    breaks = cli("sessions", "--json", "--search", "BREAK").json()
    assert {s["title"] for s in breaks} == {"Lunch break", "Coffee break"}
    none = cli("sessions", "--search", "no such session")
    assert none.code == EXIT_OK and "no sessions matching" in none.out


# --- where the database is --------------------------------------------------------------------


def test_db_before_or_after_the_command(cli: Run, demo: DemoResult, db_path: Path) -> None:
    before = cli("events", "--json")
    after = cli("events", "--json", "--db", str(db_path), db=None)
    assert before.code == after.code == EXIT_OK
    assert before.json() == after.json()
    assert [e["id"] for e in after.json()] == [demo.event.id]
    assert not default_database_path().exists()


def test_non_database_file_is_a_readable_error(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "agenda.docx"
    content = b"PK\x03\x04 this is a word document, not a database" * 100
    path.write_bytes(content)
    line = _one_line_error(cli("events", db=path))
    assert "not a forumdesk database" in line and str(path) in line
    assert path.read_bytes() == content


def test_malformed_url_is_a_readable_error(cli: Run) -> None:
    line = _one_line_error(cli("events", db="postgresql://staff@localhost:port/forum"))
    assert "postgresql" in line
    assert not (log_dir() / "forumdesk.log").exists()


def test_unsupported_url_is_a_readable_error(cli: Run) -> None:
    line = _one_line_error(cli("events", db="mysql://staff@localhost/forum"))
    assert "mysql" in line


# --- the real entry point ---------------------------------------------------------------------


def test_entry_point_demo_and_sessions(tmp_path: Path) -> None:
    path = tmp_path / "forum.sqlite3"
    loaded = _forumdesk("demo", db=path)
    assert loaded.returncode == 0, loaded.stderr
    assert "Traceback" not in loaded.stderr and loaded.stderr == ""
    assert path.is_file()

    listed = _forumdesk("sessions", "--json", db=path)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 17

    table = _forumdesk("people", "--search", "жаксыбекова", db=path)
    assert table.returncode == 0 and "Жаксыбекова" in table.stdout


def test_entry_point_user_errors_exit_1_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "forum.sqlite3"
    bad = _forumdesk(
        "create-event", "Forum", "--start", "2025-06-04", "--end", "2025-06-02", db=path
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert len(bad.stderr.splitlines()) == 1 and bad.stderr.startswith("forumdesk: ")
    assert bad.stdout == ""

    unknown = _forumdesk("sessions", "--event", "999", db=path)
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr

    usage = _forumdesk("sessions", "--event", "not-a-number", db=path)
    assert usage.returncode == EXIT_USAGE and "Traceback" not in usage.stderr


def test_no_command_opens_the_window(tmp_path: Path) -> None:
    path = tmp_path / "forum.sqlite3"
    env = dict(os.environ, FORUMDESK_QUIT_AFTER_MS="300")  # the window closes by itself
    result = subprocess.run(
        [sys.executable, "-m", "forumdesk", "--db", str(path)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert path.is_file()  # the window opened (and migrated) the database it was given


def test_no_command_without_qt_is_a_readable_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "forumdesk.app", None)  # `import forumdesk.app` fails
    code = main(["--db", str(db_path)])
    captured = capsys.readouterr()
    line = _one_line_error(Captured(code, captured.out, captured.err))
    assert "The window cannot start because Qt is not available" in line
    assert not db_path.exists()


def test_command_line_does_not_import_qt(demo: DemoResult, db_path: Path) -> None:
    code = (
        "import sys\n"
        "from forumdesk.cli import main\n"
        "code = main(['--db', sys.argv[1], 'events'])\n"
        "print('PySide6 loaded:', 'PySide6' in sys.modules, 'exit:', code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(db_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert demo.event.name in result.stdout  # the command really ran
    assert result.stdout.splitlines()[-1] == "PySide6 loaded: False exit: 0"


def test_closed_pipe_ends_quietly(db: Database, db_path: Path) -> None:
    # Far more output than a pipe holds, so the command is still writing when the reader leaves.
    with db.transaction() as session:
        session.add_all(
            Person(
                family_name=f"Participant{n:05d}",
                given_name="Anna",
                display_name=f"Anna Participant{n:05d}",
                email=f"anna.participant{n:05d}@example.org",
                position="Senior Expert, Department of Intellectual Property",
            )
            for n in range(3000)
        )
    env = dict(os.environ, **{DB_ENV_VAR: str(db_path)})
    with subprocess.Popen(
        [sys.executable, "-m", "forumdesk", "people", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().strip() == b"["
        process.stdout.close()
        errors = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=120)
    assert "Traceback" not in errors
    assert "Exception ignored" not in errors
    assert errors == ""
    assert code == 0
