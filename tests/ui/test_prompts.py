"""The prompts seam: the only place that opens Qt's standard dialogs, and its scripted double."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import forumdesk
from forumdesk.db.engine import Database
from forumdesk.ui.context import AppContext
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.prompts import Prompts
from tests.ui.prompts import ScriptedPrompts, UnexpectedPrompt

PACKAGE = Path(forumdesk.__file__).parent
SEAM = PACKAGE / "ui" / "prompts.py"
STANDARD_DIALOGS = {"QMessageBox", "QFileDialog", "QInputDialog", "QColorDialog", "QFontDialog"}
# Their static functions that open a modal dialog (enums such as QMessageBox.StandardButton
# are fine anywhere).
OPENING = {
    "question",
    "information",
    "warning",
    "critical",
    "about",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "getExistingDirectory",
    "getText",
    "getMultiLineText",
    "getItem",
    "getInt",
    "getDouble",
    "getColor",
    "getFont",
}


def _standard_dialogs_opened(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in OPENING
            and isinstance(node.value, ast.Name)
            and node.value.id in STANDARD_DIALOGS
        ):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.value.id}")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in STANDARD_DIALOGS:
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.func.id}()")
    return found


def test_only_the_prompts_module_opens_standard_dialogs() -> None:
    """Every question goes through Prompts, so that tests can answer it."""
    found = [
        place
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != SEAM
        for place in _standard_dialogs_opened(path)
    ]
    assert found == []
    assert _standard_dialogs_opened(SEAM)  # the check does see a call where there is one


def test_a_window_asks_through_the_prompts_it_was_given(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    assert isinstance(AppContext(db).prompts, Prompts)  # the real dialogs by default
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    assert window.ctx.prompts is prompts
    help_menu = window.menuBar().actions()[-1].menu()
    about = next(a for a in help_menu.actions() if a.text() == "&About forumdesk")
    about.trigger()
    [shown] = prompts.shown
    assert shown.kind == "about" and shown.parent is window and "forumdesk" in shown.text


def test_the_scripted_prompts_answer_in_order_and_refuse_the_unprepared(
    prompts: ScriptedPrompts,
) -> None:
    prompts.answer_questions(True, False)
    prompts.choose_files("a.xlsx", None)
    assert prompts.question(None, "Delete", "Delete S1?") is True
    assert prompts.save_file(None, "Save", "agenda.xlsx", "*.xlsx") == "a.xlsx"
    assert prompts.open_file(None, "Open", "/tmp", "*.xlsx") is None
    assert prompts.unanswered() == {"question": 1}
    assert prompts.question(None, "Delete", "Delete S2?") is False
    with pytest.raises(UnexpectedPrompt, match="Delete S3"):
        prompts.question(None, "Delete", "Delete S3?")
    with pytest.raises(UnexpectedPrompt):
        prompts.note(None, "Accept problem", "Why?")
    prompts.warning(None, "Move", "Hall A is taken.")
    assert prompts.questions == ["Delete S1?", "Delete S2?", "Delete S3?"]
    assert prompts.warnings == [("Move", "Hall A is taken.")]
    assert [s.kind for s in prompts.shown] == [
        "question",
        "save_file",
        "open_file",
        "question",
        "question",
        "note",
        "warning",
    ]
