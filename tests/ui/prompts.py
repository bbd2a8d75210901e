"""The window's prompts, scripted: what a test hands the window instead of real dialogs.

`ScriptedPrompts` records every prompt the window shows and answers the ones that need an
answer (a question, a file, a note, a colour) from what the test prepared beforehand; a prompt
the test did not prepare an answer for fails the test, so no dialog ever waits for a click.
Messages that need no answer (a warning, information) are only recorded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from forumdesk.ui.prompts import Prompts


@dataclass(frozen=True, slots=True)
class Shown:
    """One prompt as the user would have seen it."""

    kind: str  # the Prompts method: "question", "save_file", "warning", ...
    title: str
    text: str  # the message, the label, or the folder or file name offered
    parent: QWidget | None = None


class UnexpectedPrompt(AssertionError):
    """The window asked something the test prepared no answer for."""


class ScriptedPrompts(Prompts):
    """Answers from a script, in order, per kind of prompt; records everything shown."""

    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self._answers: dict[str, deque[object]] = {}

    # --- preparing answers ------------------------------------------------------------------

    def answer_questions(self, *answers: bool) -> None:
        self._prepare("question", answers)

    def choose_files(self, *paths: str | Path | None) -> None:
        """The files the next open or save dialogs return (None: cancelled)."""
        self._prepare("file", [None if p is None else str(p) for p in paths])

    def write_notes(self, *notes: str | None) -> None:
        self._prepare("note", notes)

    def type_lines(self, *lines: str | None) -> None:
        """What the next one-line text prompts return (None: cancelled)."""
        self._prepare("line", lines)

    def pick_colors(self, *colors: QColor | None) -> None:
        self._prepare("color", colors)

    # --- what was shown ---------------------------------------------------------------------

    def of_kind(self, kind: str) -> list[Shown]:
        return [s for s in self.shown if s.kind == kind]

    @property
    def questions(self) -> list[str]:
        return [s.text for s in self.of_kind("question")]

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """(title, message) of each warning: the refusals and failures reported."""
        return [(s.title, s.text) for s in self.of_kind("warning")]

    def unanswered(self) -> dict[str, int]:
        """Prepared answers nobody asked for, by kind."""
        return {kind: len(left) for kind, left in self._answers.items() if left}

    # --- the prompts ------------------------------------------------------------------------

    def open_file(
        self, parent: QWidget | None, title: str, folder: str, file_filter: str
    ) -> str | None:
        return self._answer("open_file", "file", parent, title, folder, (str, type(None)))

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str, file_filter: str
    ) -> str | None:
        return self._answer("save_file", "file", parent, title, suggested, (str, type(None)))

    def question(
        self, parent: QWidget | None, title: str, text: str, *, default: bool = False
    ) -> bool:
        return self._answer("question", "question", parent, title, text, (bool,))

    def note(self, parent: QWidget | None, title: str, label: str) -> str | None:
        return self._answer("note", "note", parent, title, label, (str, type(None)))

    def line(self, parent: QWidget | None, title: str, label: str, initial: str) -> str | None:
        return self._answer("line", "line", parent, title, label, (str, type(None)))

    def color(self, parent: QWidget | None, title: str, initial: QColor) -> QColor | None:
        return self._answer("color", "color", parent, title, initial.name(), (QColor, type(None)))

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("information", title, text, parent))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("warning", title, text, parent))

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("critical", title, text, parent))

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("about", title, text, parent))

    # --- the script -------------------------------------------------------------------------

    def _prepare(self, queue: str, answers: Iterable[object]) -> None:
        self._answers.setdefault(queue, deque()).extend(answers)

    def _answer(
        self,
        kind: str,
        queue: str,
        parent: QWidget | None,
        title: str,
        text: str,
        types: tuple[type, ...],
    ) -> Any:
        self.shown.append(Shown(kind, title, text, parent))
        left = self._answers.get(queue)
        if not left:
            raise UnexpectedPrompt(f"unexpected {kind}: {title!r}: {text!r}")
        answer = left.popleft()
        assert isinstance(answer, types), f"a {kind} cannot be answered with {answer!r}"
        return answer
