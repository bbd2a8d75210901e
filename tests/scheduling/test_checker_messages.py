"""The checker writes its messages in the language in use; keys and fingerprints do not change."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from forumdesk.core import i18n
from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSettings,
    Problem,
    ProblemKind,
    Unavailability,
    find_problems,
)
from forumdesk.scheduling.messages import texts
from tests.scheduling.test_checker import DAY1, at, check, of_kind, session

ENGLISH_WORDS = {
    "is",
    "are",
    "and",
    "but",
    "the",
    "of",
    "has",
    "to",
    "no",
    "not",
    "yet",
    "seats",
    "said",
    "event",
    "room",
    "minutes",
    "overlap",
    "booked",
}


@pytest.fixture
def russian() -> Iterator[None]:
    assert i18n.set_language("ru") == "ru"
    yield
    i18n.set_language("en")


def _every_kind() -> list[Problem]:
    """One small event that breaks most rules at once."""
    people = [
        CheckPerson(10, "Айгуль Жаксыбекова", None, False, RegistrationStatus.INVITED),
        CheckPerson(11, "Иван Петров", None),
    ]
    sessions = [
        session(1, "10:00", "11:00", 1, kind=SessionKind.DISCUSSION),
        session(2, "10:30", "11:30", 1),
        session(3, "11:35", "12:30", 2, audience=80),
        session(4, None, None),
        session(5, "10:00", "11:00", None),
    ]
    periods = [Unavailability(1, 11, at("11:30"), at("13:00"), "рейс")]
    return check(
        sessions,
        (
            (1, 10, Role.SPEAKER),
            (2, 11, Role.MODERATOR),
            (3, 11, Role.MODERATOR),
            (5, 10, Role.PANELIST),
        ),
        people=people,
        periods=periods,
        settings=CheckSettings(DAY1, DAY1, changeover_minutes=10),
    )


def test_messages_follow_the_language_and_nothing_else_does(russian: None) -> None:
    in_russian = _every_kind()
    i18n.set_language("en")
    in_english = _every_kind()
    assert {p.kind for p in in_english} >= {
        ProblemKind.ROOM_DOUBLE_BOOKED,
        ProblemKind.PERSON_DOUBLE_BOOKED,
        ProblemKind.CHANGEOVER_TOO_SHORT,
        ProblemKind.NO_MODERATOR,
        ProblemKind.NO_ROOM,
        ProblemKind.UNSCHEDULED,
        ProblemKind.OVER_CAPACITY,
        ProblemKind.PERSON_UNAVAILABLE,
        ProblemKind.NOT_REGISTERED,
    }
    # the same problems, in the same order, accepted by the same keys and fingerprints
    assert [(p.kind, p.key, p.fingerprint) for p in in_russian] == [
        (p.kind, p.key, p.fingerprint) for p in in_english
    ]
    for russian_problem, english_problem in zip(in_russian, in_english, strict=True):
        assert russian_problem.message != english_problem.message
        words = set(re.findall(r"[a-z]+", russian_problem.message))
        assert not words & ENGLISH_WORDS, russian_problem.message  # no English sentence left


def test_russian_sentences_read_right(russian: None) -> None:
    problems = _every_kind()
    [room] = of_kind(problems, ProblemKind.ROOM_DOUBLE_BOOKED)
    assert room.message == (
        "Hall A: двойное бронирование — S1 «Session 1» "
        "(2021-11-25 10:00–11:00) и S2 «Session 2» (2021-11-25 10:30–11:30) "
        "пересекаются."
    )
    [changeover] = of_kind(problems, ProblemKind.CHANGEOVER_TOO_SHORT)
    assert changeover.message.startswith(
        "Иван Петров: 5 минут на переход из зала Hall A (модератор в S2 «Session 2»"
    )
    assert changeover.message.endswith("по правилам мероприятия нужно 10 минут.")
    [moderator] = of_kind(problems, ProblemKind.NO_MODERATOR)
    assert moderator.message == "У сессии S1 «Session 1» (дискуссия) нет модератора."
    [unregistered] = [
        p for p in of_kind(problems, ProblemKind.NOT_REGISTERED) if p.person_ids == (10,)
    ]
    assert unregistered.message.endswith("(пока только приглашение).")
    [away] = of_kind(problems, ProblemKind.PERSON_UNAVAILABLE)
    assert away.message.startswith("Иван Петров — модератор в S3 «Session 3»")
    assert away.message.endswith(" (рейс).")


@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 минута"), (3, "3 минуты"), (5, "5 минут"), (21, "21 минута")]
)
def test_minutes_take_the_russian_plural(russian: None, count: int, words: str) -> None:
    assert texts().minutes(count) == words


def test_over_capacity_counts_people_in_both_languages(russian: None) -> None:
    people = [CheckPerson(n, f"P{n}", None) for n in range(20, 23)]
    crowded = [session(1, "10:00", "11:00", 1)]
    assignments = tuple((1, n, Role.PARTICIPANT) for n in range(20, 23))

    def over(language: str) -> str:
        i18n.set_language(language)
        [problem] = of_kind(
            find_problems(
                crowded,
                [CheckRoom(1, "Hall A", 2)],
                [CheckAssignment(s, p, role) for s, p, role in assignments],
                people,
                [],
                CheckSettings(DAY1, DAY1),
            ),
            ProblemKind.OVER_CAPACITY,
        )
        return problem.message

    assert over("ru") == ("На S1 «Session 1» записаны 3 участника, но вместимость зала Hall A — 2.")
    assert over("en") == "3 people are assigned to S1 «Session 1», but Hall A seats 2."
