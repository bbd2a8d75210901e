"""Which of an event's sessions an attendee's answer names ("S1", "Session 1", a title or the
start of one), for the "sessions" column of an attendee import.

Registration forms (Google Forms, Yandex Forms) ask "Which sessions will you attend?" and give
back whatever the form's options said: a code, "Session 4", "Session 4: Opening", a title, or
a title cut short. An answer is matched, ignoring case, spaces and punctuation, against the
sessions' codes, then their titles, then "Session N" as the code SN (or N), then "CODE: title",
then a title that only one session starts with. An answer that names no session, or several, is
a warning for the row it is on, never a reason to refuse the person (the import leaves that
session out and says so).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.i18n import _
from forumdesk.db.engine import Database
from forumdesk.db.models import Event, ProgramSession
from forumdesk.services.records import load

# "Session 1", "Session No. 1", "Сессия №1", "Секция 1: Открытие", "Panel 2 — Trade"
_NUMBERED = re.compile(
    r"^(?:session|section|panel|workshop|сессия|секция|панель)\s*"
    r"(?:no\.?|№|#|nr\.?)?\s*(\w+)\s*(?:[:.)\-–—]\s*(.*))?$"
)
# "S1: Opening", "S1 — Opening", "S1. Opening", "(S1) Opening"
_CODE_AND_TITLE = re.compile(r"^\(?([^\s:.)\-–—]+)\)?\s*[:.)\-–—]\s*(.+)$")
_NOT_WORD = re.compile(r"[\W_]+")
MIN_PREFIX = 4  # letters an answer needs before it may name a session by the start of its title


def compact(value: str) -> str:
    """An answer or a name without case, spaces or punctuation: "Session 1" -> "session1"."""
    return _NOT_WORD.sub("", text.fold(value))


class SessionAnswers:
    """An event's sessions, to find the one an answer names; each answer is looked up once."""

    def __init__(self, event_name: str, sessions: Iterable[tuple[int, str | None, str]]) -> None:
        self.event_name = event_name
        self._by_code: dict[str, list[int]] = defaultdict(list)
        self._by_title: dict[str, list[int]] = defaultdict(list)
        self._labels: dict[int, str] = {}
        for session_id, code, title in sessions:
            if code and compact(code):
                self._by_code[compact(code)].append(session_id)
            self._by_title[compact(title)].append(session_id)
            self._labels[session_id] = code or title
        self._titles = sorted(self._by_title)
        self._resolved: dict[str, tuple[int | None, str | None]] = {}

    def label(self, session_id: int) -> str:
        """How the session is named back to the user: its code, or its title."""
        return self._labels[session_id]

    def resolve(self, answer: str) -> tuple[int | None, str | None]:
        """(the session `answer` names, None), or (None, a message saying why none is)."""
        found = self._resolved.get(answer)
        if found is None:
            found = self._resolved[answer] = self._resolve(answer)
        return found

    def rejoined(self, answers: tuple[str, ...]) -> tuple[str, ...]:
        """`answers` with a title the list's commas cut in pieces made whole again.

        A form joins the boxes ticked with ", ", and the import splits the cell at commas: a
        title with a comma in it ("Торговля, маркетплейсы и право") arrives in pieces, which are
        joined back when together they are exactly one session's title (or code).
        """
        if len(answers) < 2:
            return answers
        joined: list[str] = []
        start = 0
        while start < len(answers):
            for end in range(len(answers), start + 1, -1):
                whole = ", ".join(answers[start:end])
                if len(self._exact(compact(whole))) == 1:
                    joined.append(whole)
                    start = end
                    break
            else:
                joined.append(answers[start])
                start += 1
        return tuple(joined)

    def _resolve(self, answer: str) -> tuple[int | None, str | None]:
        candidates = self._candidates(answer)
        if len(candidates) == 1:
            return (candidates[0], None)
        if not candidates:
            return (
                None,
                _(
                    "«{event}» has no session «{session}»; the person is imported without it "
                    "(write a session's code or title)."
                ).format(event=self.event_name, session=answer),
            )
        names = ", ".join(f"«{self._labels[c]}»" for c in candidates[:5])
        return (
            None,
            _(
                "«{session}» may be any of {sessions}; the person is imported without it "
                "(write the session's code)."
            ).format(session=answer, sessions=names),
        )

    def _candidates(self, answer: str) -> list[int]:
        key = compact(answer)
        if not key:
            return []
        exact = self._exact(key)
        if exact:
            return exact
        folded = text.fold(answer)
        numbered = _NUMBERED.match(folded)
        if numbered:
            number, rest = compact(numbered[1]), compact(numbered[2] or "")
            found = self._by_code.get(f"s{number}") or self._by_code.get(number, [])
            if found:
                return found
            if rest:
                return self._exact_title(rest) or self._prefixed(rest)
        code_and_title = _CODE_AND_TITLE.match(folded)
        if code_and_title:
            found = self._by_code.get(compact(code_and_title[1]), [])
            if found:
                return found
            rest = compact(code_and_title[2])
            found = self._exact_title(rest)
            if found:
                return found
        return self._prefixed(key)

    def _exact(self, key: str) -> list[int]:
        return self._by_code.get(key) or self._exact_title(key)

    def _exact_title(self, key: str) -> list[int]:
        return list(self._by_title.get(key, []))

    def _prefixed(self, key: str) -> list[int]:
        """The sessions whose title starts with `key` (a title cut short by the form)."""
        if len(key) < MIN_PREFIX:
            return []
        found: list[int] = []
        for title in self._titles:
            if title.startswith(key):
                found.extend(self._by_title[title])
        return found


def event_session_answers(session: Session, event_id: int) -> SessionAnswers:
    """The event's sessions as a SessionAnswers, inside a unit of work (the event must exist)."""
    event = load(session, Event, event_id, "event")
    query = (
        select(ProgramSession.id, ProgramSession.code, ProgramSession.title)
        .where(ProgramSession.event_id == event_id)
        .order_by(ProgramSession.id)
    )
    rows = [(session_id, code, title) for session_id, code, title in session.execute(query)]
    return SessionAnswers(event.name, rows)


def load_session_answers(db: Database, event_id: int) -> SessionAnswers:
    """The same, read on its own: what the import wizard's preview matches answers with."""
    with db.reader() as session:
        return event_session_answers(session, event_id)
