"""forumdesk.scheduling.busy: when a dragged session's people are busy, and how badly."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from forumdesk.core.enums import Role
from forumdesk.scheduling.busy import BusySpan, busy_spans
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckSession,
    CheckSettings,
    ProblemKind,
    Severity,
    Unavailability,
    find_problems,
)
from forumdesk.scheduling.model import clash_severity, unavailable_severity

DAY = dt.date(2021, 11, 25)
NAMES = {10: "Zhaksybekova", 11: "Petrov", 12: "Rossi"}


def at(clock: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(clock))


def session(sid: int, start: str | None, end: str | None, code: str | None = None) -> CheckSession:
    return CheckSession(
        sid,
        code,
        f"Session {sid}",
        starts_at=at(start) if start else None,
        ends_at=at(end) if end else None,
    )


def test_a_clash_is_a_span_per_other_session_naming_everyone_it_holds() -> None:
    sessions = [
        session(1, "10:00", "11:00", "S1"),
        session(2, "13:00", "14:30", "S2"),
        session(3, None, None, "S3"),  # not on the timetable: never busy
        session(4, "09:00", "10:00"),  # no code: named by its title
    ]
    links = [
        CheckAssignment(1, 10, Role.SPEAKER),
        CheckAssignment(1, 11, Role.PARTICIPANT),
        CheckAssignment(1, 12, Role.PARTICIPANT),
        CheckAssignment(2, 11, Role.PARTICIPANT),
        CheckAssignment(2, 12, Role.PARTICIPANT),
        CheckAssignment(2, 99, Role.MODERATOR),  # not in session 1: does not make it busy
        CheckAssignment(3, 10, Role.MODERATOR),
        CheckAssignment(4, 10, Role.MODERATOR),
    ]
    spans = busy_spans(1, sessions, links, NAMES, [])
    assert spans == [
        BusySpan(at("09:00"), at("10:00"), Severity.ERROR, "Session 4: Zhaksybekova"),
        BusySpan(at("13:00"), at("14:30"), Severity.WARNING, "S2: Petrov, Rossi"),
    ]


def test_the_worst_person_sets_a_span_s_severity() -> None:
    sessions = [session(1, "10:00", "11:00"), session(2, "10:30", "11:30", "S2")]
    links = [
        CheckAssignment(1, 11, Role.PARTICIPANT),
        CheckAssignment(1, 12, Role.PARTICIPANT),
        CheckAssignment(2, 11, Role.PARTICIPANT),
        CheckAssignment(2, 12, Role.SPEAKER),  # on stage there: an error
    ]
    [span] = busy_spans(1, sessions, links, NAMES, [])
    assert (span.severity, span.reason) == (Severity.ERROR, "S2: Petrov, Rossi")


def test_unavailability_is_a_span_an_error_for_someone_on_stage() -> None:
    periods = [
        Unavailability(7, 10, at("09:00"), at("12:00"), "flight"),
        Unavailability(8, 11, at("09:00"), at("12:00")),
        Unavailability(9, 12, at("15:00"), at("16:00")),  # not in the session
    ]
    links = [CheckAssignment(1, 10, Role.MODERATOR), CheckAssignment(1, 11, Role.PARTICIPANT)]
    [span] = busy_spans(1, [session(1, "10:00", "11:00")], links, NAMES, periods)
    assert (span.starts_at, span.ends_at) == (at("09:00"), at("12:00"))
    assert span.severity == Severity.ERROR
    assert span.reason == "unavailable: Petrov, Zhaksybekova"

    alone = [CheckAssignment(1, 11, Role.PARTICIPANT)]
    [span] = busy_spans(1, [session(1, "10:00", "11:00")], alone, NAMES, periods)
    assert span.severity == Severity.WARNING


def test_a_session_without_people_is_never_busy() -> None:
    links = [CheckAssignment(2, 10, Role.SPEAKER)]
    periods = [Unavailability(7, 10, at("09:00"), at("12:00"))]
    assert busy_spans(1, [session(2, "10:00", "11:00")], links, NAMES, periods) == []


@pytest.mark.parametrize(("role", "other"), list(itertools.product(Role, Role)))
def test_the_shading_and_the_checker_agree_on_a_clash(role: Role, other: Role) -> None:
    """The checker's problem and the drag's span have the same severity, for every pair."""
    sessions = [session(1, "10:00", "11:00", "S1"), session(2, "10:30", "11:30", "S2")]
    links = [CheckAssignment(1, 10, role), CheckAssignment(2, 10, other)]
    [problem] = [
        p
        for p in find_problems(sessions, [], links, [CheckPerson(10, "Z")], [], CheckSettings())
        if p.kind == ProblemKind.PERSON_DOUBLE_BOOKED
    ]
    [span] = busy_spans(1, sessions, links, NAMES, [])
    assert span.severity == problem.severity == clash_severity(role, other)


@pytest.mark.parametrize("role", list(Role))
def test_the_shading_and_the_checker_agree_on_unavailability(role: Role) -> None:
    sessions = [session(1, "10:00", "11:00", "S1")]
    links = [CheckAssignment(1, 10, role)]
    periods = [Unavailability(7, 10, at("10:30"), at("12:00"))]
    [problem] = [
        p
        for p in find_problems(
            sessions, [], links, [CheckPerson(10, "Z")], periods, CheckSettings()
        )
        if p.kind == ProblemKind.PERSON_UNAVAILABLE
    ]
    [span] = busy_spans(1, sessions, links, NAMES, periods)
    assert span.severity == problem.severity == unavailable_severity(role)
    assert (role == Role.PARTICIPANT) == (span.severity == Severity.WARNING)
