"""Matching a registration form's answers to an event's sessions (issue 14, item 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.assignments import session_people
from forumdesk.services.imports import import_attendees
from forumdesk.services.session_answers import SessionAnswers
from forumdesk.services.sessions import create_session
from tests.io.spreadsheets import write_csv

SESSIONS = [
    (1, "S1", "Открытие форума"),
    (2, "S2", "Борьба с контрафактом"),
    (3, "S3", "Маркировка товаров"),
    (4, "S4", "Маркетплейсы и правообладатели"),
    (5, None, "Networking lunch"),
    (6, "P-7", "Panel on trade"),
]


@pytest.fixture
def answers() -> SessionAnswers:
    return SessionAnswers("Forum 2027", SESSIONS)


@pytest.mark.parametrize(
    ("answer", "session_id"),
    [
        ("S1", 1),
        (" s 1 ", 1),  # spaces and case do not count
        ("Session 1", 1),  # numbered the form's way: the code S1
        ("Session No. 2", 2),
        ("Сессия №3", 3),
        ("Session 4: Маркетплейсы и правообладатели", 4),
        ("S2 — Борьба с контрафактом", 2),
        ("открытие   ФОРУМА", 1),  # the title
        ("Открытие форума!", 1),  # punctuation does not count
        ("networking lunch", 5),  # a session without a code, by its title
        ("Маркетплейсы", 4),  # the start of one title
        ("p7", 6),
        ("Борьба", 2),
    ],
)
def test_an_answer_names_its_session(answers: SessionAnswers, answer: str, session_id: int) -> None:
    assert answers.resolve(answer) == (session_id, None)


def test_an_answer_that_names_no_session_or_several_says_why(answers: SessionAnswers) -> None:
    found, message = answers.resolve("Session 9")
    assert found is None and message is not None
    assert "«Forum 2027» has no session «Session 9»" in message
    found, message = answers.resolve("Марк")  # the start of two titles
    assert found is None and message is not None
    assert "«S3»" in message and "«S4»" in message
    found, message = answers.resolve("Ма")  # too short to stand for a title
    assert found is None and message is not None


def test_a_title_cut_at_its_comma_is_made_whole(answers: SessionAnswers) -> None:
    both = SessionAnswers("Forum", [*SESSIONS, (8, "S8", "Торговля, маркетплейсы и право")])
    assert both.rejoined(("S1", "Торговля", "маркетплейсы и право", "Session 4")) == (
        "S1",
        "Торговля, маркетплейсы и право",
        "Session 4",
    )
    assert answers.rejoined(("S1", "S2")) == ("S1", "S2")  # nothing to join


def test_a_form_answer_with_a_comma_title_puts_the_person_in_that_session(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    s1 = create_session(db, event.id, "Открытие форума", code="S1")
    trade = create_session(db, event.id, "Торговля, маркетплейсы и право", code="S2")
    path = write_csv(
        tmp_path / "form.csv",
        [
            ["Full name", "Email", "Which sessions will you attend?"],
            ["Anna Berg", "anna@example.com", "Session 1, Торговля, маркетплейсы и право"],
        ],
    )
    summary = import_attendees(db, path, event_id=event.id)
    assert (summary.created, summary.rejected, summary.assigned) == (1, 0, 2)
    assert summary.warnings == []
    assert [a.display_name for a in session_people(db, s1.id)] == ["Anna Berg"]
    assert [a.display_name for a in session_people(db, trade.id)] == ["Anna Berg"]
