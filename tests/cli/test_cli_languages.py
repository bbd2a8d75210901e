"""The command line in Russian and Kazakh: every command's help and the lists, with no English left.

`forumdesk` runs as a separate process with FORUMDESK_LANG set, as a user runs it; its output is
read word by word. What may stay in Latin letters: option names, metavariables in capitals, the
choices in braces, commands in `backquotes`, file names, a few names of things (forumdesk, CSV,
JSON, ID...) and the forum's own content (the demo forum is written in English), which is read
from the same database with --json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from forumdesk.cli.registry import COMMANDS

ALLOWED = {
    "forumdesk", "e-mail", "csv", "json", "id", "db", "sqlite", "sqlalchemy", "postgresql",
    "iana", "asia/almaty", "astana", "excel", "plain", "utf-8", "bom", "rfc", "crm",
    "icalendar", "pdf", "xlsx", "xlsm", "xlsb", "xls", "ods", "ics", "a4", "letter", "en", "ru",
    "kk",
    "tab", "cp1251", "auto", "update", "overwrite", "skip", "new", "timestamp", "ignore",
    "email", "zone", "$forumdesk_db", "n", "m", "s",
    "add", "list", "remove",  # `forumdesk unavailable`'s actions, typed as they are
    "programme", "grid", "signin", "rooms", "personal", "people",  # --parts, typed as they are
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_./$'-]*")


def _run(args: list[str], language: str, check: bool = True) -> str:
    environment = {**os.environ, "FORUMDESK_LANG": language, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "forumdesk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
    )
    if check:
        assert done.returncode in (0, 1), done.stderr
    return done.stdout + done.stderr


def _english_words(output: str, content: set[str]) -> set[str]:
    text = re.sub(r"\{[^{}]*\}|`[^`]*`|\"[^\"]*\"", " ", output)  # choices, commands, examples
    found = set()
    for word in LATIN_WORD.findall(text):
        word = word.rstrip(".,;:)'")
        folded = word.casefold()
        if (
            not word
            or word.isupper()  # a metavariable: DB, ID, TZ
            or folded in ALLOWED
            or folded in content
            or (len(folded) > 2 and any(c.startswith(folded) for c in content))  # "Cou…"
            or "." in word  # a file name or an extension
            or folded in {c.name for c in COMMANDS}
        ):
            continue
        found.add(word)
    return found


def _options(output: str) -> str:
    """The output without option names (--event, -h)."""
    return re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", output)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    path = str(tmp_path_factory.mktemp("cli") / "demo.sqlite3")
    _run(["demo", "--db", path], "en")
    content: set[str] = set()
    for command in ("events", "sessions", "people"):
        for row in json.loads(_run([command, "--db", path, "--json"], "en")):
            for value in row.values():
                for word in LATIN_WORD.findall(str(value)):
                    content.add(word.rstrip(".,;:)'").casefold())
    return path, content


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_help_is_in_the_language_asked_for(language: str) -> None:
    outputs = [_run(["--help"], language)]
    outputs += [_run([command.name, "--help"], language) for command in COMMANDS]
    for output in outputs:
        assert _english_words(_options(output), set()) == set(), output
    usage = {"ru": "использование:", "kk": "қолданылуы:"}[language]
    assert outputs[0].startswith(usage)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_lists_and_the_check_are_in_the_language_asked_for(
    language: str, demo_db: tuple[str, set[str]]
) -> None:
    path, content = demo_db
    for command in ("events", "sessions", "people", "check"):
        output = _run([command, "--db", path], language)
        assert _english_words(_options(output), content) == set(), (command, output)
    sessions = _run(["sessions", "--db", path], language)
    heading = {"ru": "Код  Время", "kk": "Код  Қашан"}[language]
    assert sessions.startswith(heading)
    assert {"ru": "чт 25.11", "kk": "бс 25.11"}[language] in sessions  # the day, not "Thu 25 Nov"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_argparse_errors_are_in_the_language_asked_for(language: str, tmp_path: Path) -> None:
    output = _run(["events", "--bogus"], language, check=False)
    wanted = {"ru": "непонятные аргументы: --bogus", "kk": "түсініксіз аргументтер: --bogus"}
    assert wanted[language] in output
    assert _english_words(_options(output), set()) == set(), output


@pytest.fixture
def handouts_db(tmp_path: Path, demo_db: tuple[str, set[str]]) -> tuple[str, set[str]]:
    """The demo forum with two sessions taken off the timetable, for `schedule --auto`."""
    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database
    from forumdesk.services import placing

    path = str(tmp_path / "handouts.sqlite3")
    shutil.copyfile(demo_db[0], path)
    sessions = json.loads(_run(["sessions", "--db", path, "--json"], "en"))
    placed = [s["id"] for s in sessions if s["start"] and s["code"]][:2]
    database = open_database(resolve_database_url(path))
    try:
        placing.unschedule_sessions(database, placed, expected_versions=None)
    finally:
        database.dispose()
    return path, demo_db[1]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_versions_schedule_and_handouts_are_in_the_language_asked_for(
    language: str, handouts_db: tuple[str, set[str]], tmp_path: Path
) -> None:
    path, content = handouts_db[0], set(handouts_db[1])
    commands = [
        ["changes"],  # from the start: every session is new
        ["versions"],  # none published yet: the empty line
        ["publish"],
        ["versions"],
        ["changes"],  # nothing since the version just published
        ["schedule", "--auto", "--dry-run", "--time-limit", "5"],
        ["badges", str(tmp_path / "badges.pdf")],
        ["tents", str(tmp_path / "tents.pdf")],
        ["attendance", str(tmp_path / "attendance.xlsx")],
        ["export-csv", str(tmp_path / "people.csv"), "--what", "people"],
        ["export-ics", str(tmp_path / "programme.ics")],
    ]
    outputs = []
    for command in commands:
        output = _run([*command, "--db", path], language)
        if command == ["publish"]:  # the desk's name (the computer's) is content too
            for version in json.loads(_run(["versions", "--db", path, "--json"], "en")):
                content |= {w.casefold() for w in LATIN_WORD.findall(version["published_by"])}
        assert _english_words(_options(output), content) == set(), (command, output)
        outputs.append(output)
    # what the commands say, and not only in which letters
    wanted = {
        "ru": ("Опубликована версия", "бы размещ", "бейдж", "табличк", "отмет"),
        "kk": ("жарияланды", "орналастырылар еді", "бейдж", "тақтайша", "келу"),
    }[language]
    said = "".join(outputs)
    for words in wanted:
        assert words in said, (words, said)
    assert (tmp_path / "badges.pdf").stat().st_size > 0
