"""Start-up and error reporting: the window opens offscreen; a crash is logged and named."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from forumdesk import app
from forumdesk.core.errors import ValidationError
from tests.ui.prompts import ScriptedPrompts


def test_the_installed_command_opens_the_window_and_creates_the_database(
    tmp_path: Path, _isolated_user_dirs: Path
) -> None:
    database = tmp_path / "first-run.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", app.QUIT_AFTER_ENV: "300"}
    done = subprocess.run(
        [sys.executable, "-m", "forumdesk", "--db", str(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert database.exists() and database.stat().st_size > 0


def test_an_unopenable_database_is_reported_not_raised(
    qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    broken = tmp_path / "notes.sqlite3"
    broken.write_text("these are meeting notes, not a database", encoding="utf-8")
    previous_hook, previous_handlers = sys.excepthook, list(logging.getLogger().handlers)
    try:
        assert app.run_gui(str(broken), prompts=prompts) == 1
    finally:  # run_gui installs the app's hook and log file: keep them out of other tests
        sys.excepthook = previous_hook
        for handler in set(logging.getLogger().handlers) - set(previous_handlers):
            logging.getLogger().removeHandler(handler)
            handler.close()
    [shown] = prompts.shown
    assert shown.kind == "critical" and "not a forumdesk database" in shown.text
    assert broken.read_text(encoding="utf-8").startswith("these are meeting notes")


def test_an_unexpected_error_is_logged_and_the_log_is_named(
    tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    log_file = tmp_path / "forumdesk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger("forumdesk.app").addHandler(handler)
    previous = sys.excepthook
    try:
        app.install_excepthook(str(log_file), prompts)
        try:
            raise KeyError("room_id")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        sys.excepthook(ValidationError, ValidationError("The title is empty."), None)
    finally:
        sys.excepthook = previous
        logging.getLogger("forumdesk.app").removeHandler(handler)
        handler.close()
    shown = prompts.of_kind("critical")
    assert str(log_file) in shown[0].text and "Your data is safe" in shown[0].text
    assert shown[1].text == "The title is empty."
    logged = log_file.read_text(encoding="utf-8")
    assert "KeyError: 'room_id'" in logged and "Traceback" in logged


def test_an_empty_file_at_start_is_made_a_database_only_if_the_user_says_so(
    qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    empty = tmp_path / "new.sqlite3"
    empty.touch()
    prompts.answer_questions(False)
    previous_hook, previous_handlers = sys.excepthook, list(logging.getLogger().handlers)
    try:
        assert app.run_gui(str(empty), prompts=prompts) == 1
    finally:
        sys.excepthook = previous_hook
        for handler in set(logging.getLogger().handlers) - set(previous_handlers):
            logging.getLogger().removeHandler(handler)
            handler.close()
    [asked] = prompts.shown
    assert asked.kind == "question" and "is empty (0 bytes)" in asked.text
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite3"]
