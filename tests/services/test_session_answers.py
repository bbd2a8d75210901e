"""Matching a registration form's answers to an event's sessions (issue 14, item 17)."""

from __future__ import annotations

import pytest

from forumdesk.services.session_answers import SessionAnswers

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
