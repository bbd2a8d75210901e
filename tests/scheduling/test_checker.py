"""Each rule of forumdesk.scheduling.checker and its boundaries, on small hand-made events."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Problem,
    ProblemKind,
    Severity,
    Unavailability,
    find_problems,
)

DAY1 = dt.date(2021, 11, 25)
DAY2 = dt.date(2021, 11, 26)
TWO_DAYS = CheckSettings(DAY1, DAY2)
ROOMS = [CheckRoom(1, "Hall A", 100), CheckRoom(2, "Hall B", 50), CheckRoom(3, "Hall C")]
PEOPLE = [
    CheckPerson(10, "Aigul Zhaksybekova", "a.z@example.org"),
    CheckPerson(11, "Ivan Petrov", "i.p@example.org"),
    CheckPerson(12, "Maria Rossi", None),
]


def at(clock: str, day: dt.date = DAY1) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock))


def session(
    sid: int,
    start: str | None,
    end: str | None,
    room: int | None = 1,
    *,
    day: dt.date = DAY1,
    end_day: dt.date | None = None,
    kind: SessionKind = SessionKind.WORKSHOP,
    audience: int | None = None,
) -> CheckSession:
    """A session S<sid>; workshops by default, so that no moderator rule interferes."""
    return CheckSession(
        sid,
        f"S{sid}",
        f"Session {sid}",
        kind,
        room,
        at(start, day) if start else None,
        at(end, end_day or day) if end else None,
        audience,
    )


def check(
    sessions: list[CheckSession],
    assignments: tuple[tuple[int, int, Role], ...] = (),
    *,
    people: list[CheckPerson] = PEOPLE,
    periods: list[Unavailability] | None = None,
    settings: CheckSettings = TWO_DAYS,
) -> list[Problem]:
    return find_problems(
        sessions,
        ROOMS,
        [CheckAssignment(s, p, role) for s, p, role in assignments],
        people,
        periods or [],
        settings,
    )


def of_kind(problems: list[Problem], kind: ProblemKind) -> list[Problem]:
    return [p for p in problems if p.kind == kind]


# --- a room booked twice ----------------------------------------------------------------------


def test_overlapping_sessions_in_one_room_are_one_error() -> None:
    problems = check([session(1, "10:00", "11:00"), session(2, "10:30", "12:00")])
    [problem] = problems
    assert problem.kind == ProblemKind.ROOM_DOUBLE_BOOKED
    assert problem.severity == Severity.ERROR
    assert problem.session_ids == (1, 2)
    assert problem.person_ids == ()
    assert problem.key == "room_double_booked:1,2"
    assert problem.message == (
        "Hall A is booked twice: S1 «Session 1» (2021-11-25 10:00–11:00) and "
        "S2 «Session 2» (2021-11-25 10:30–12:00) overlap."
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("10:00", "11:00"), ("11:00", "12:00")),  # touching: half-open intervals
        (("11:00", "12:00"), ("10:00", "11:00")),
        (("10:00", "10:30"), ("10:30:01", "11:00")),
    ],
)
def test_touching_or_separate_sessions_do_not_clash(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert check([session(1, *first), session(2, *second)]) == []


def test_one_second_of_overlap_is_a_clash() -> None:
    problems = check([session(1, "10:00", "11:00:01"), session(2, "11:00", "12:00")])
    assert [p.kind for p in problems] == [ProblemKind.ROOM_DOUBLE_BOOKED]


def test_same_hours_on_different_days_or_rooms_do_not_clash() -> None:
    sessions = [
        session(1, "10:00", "11:00"),
        session(2, "10:00", "11:00", day=DAY2),
        session(3, "10:00", "11:00", room=2),
    ]
    assert check(sessions) == []


def test_a_session_over_midnight_clashes_with_the_next_mornings() -> None:
    late = session(1, "23:00", "01:00", end_day=DAY2)
    early = session(2, "00:30", "02:00", day=DAY2)
    [problem] = check([late, early], settings=CheckSettings(DAY1, DAY2))
    assert problem.session_ids == (1, 2)
    assert "2021-11-25 23:00 – 2021-11-26 01:00" in problem.message


def test_nested_sessions_clash_with_the_long_one_only() -> None:
    sessions = [
        session(1, "09:00", "13:00"),
        session(2, "09:30", "10:00"),
        session(3, "10:00", "11:00"),
        session(4, "12:00", "12:30"),
    ]
    keys = {p.key for p in check(sessions)}
    assert keys == {"room_double_booked:1,2", "room_double_booked:1,3", "room_double_booked:1,4"}


def test_identical_sessions_and_every_pair_of_three() -> None:
    sessions = [
        session(3, "10:00", "11:00"),
        session(1, "10:00", "11:00"),
        session(2, "10:15", "10:45"),
    ]
    problems = check(sessions)
    assert {p.key for p in problems} == {
        "room_double_booked:1,2",
        "room_double_booked:1,3",
        "room_double_booked:2,3",
    }
    assert len(problems) == 3


def test_unscheduled_sessions_never_clash() -> None:
    problems = check([session(1, "10:00", "11:00"), session(2, None, None)])
    assert [p.kind for p in problems] == [ProblemKind.UNSCHEDULED]


# --- a person in two places -------------------------------------------------------------------


def test_person_in_overlapping_sessions_names_both_roles() -> None:
    sessions = [session(1, "10:00", "11:00", room=1), session(2, "10:45", "12:00", room=2)]
    [problem] = check(sessions, ((1, 10, Role.MODERATOR), (2, 10, Role.SPEAKER)))
    assert problem.kind == ProblemKind.PERSON_DOUBLE_BOOKED
    assert problem.severity == Severity.ERROR
    assert problem.person_ids == (10,)
    assert problem.session_ids == (1, 2)
    assert problem.message == (
        "Aigul Zhaksybekova is in two sessions at the same time: moderator of S1 «Session 1» "
        "(2021-11-25 10:00–11:00) and speaker of S2 «Session 2» (2021-11-25 10:45–12:00)."
    )


@pytest.mark.parametrize(
    ("roles", "severity"),
    [
        ((Role.PARTICIPANT, Role.PARTICIPANT), Severity.WARNING),
        ((Role.PARTICIPANT, Role.RAPPORTEUR), Severity.ERROR),
        ((Role.CO_MODERATOR, Role.PANELIST), Severity.ERROR),
    ],
)
def test_clash_severity_depends_on_the_roles(roles: tuple[Role, Role], severity: Severity) -> None:
    sessions = [session(1, "10:00", "11:00", room=1), session(2, "10:00", "11:00", room=2)]
    [problem] = check(sessions, ((1, 11, roles[0]), (2, 11, roles[1])))
    assert problem.severity == severity
    assert roles[0].label in problem.message and roles[1].label in problem.message


def test_person_in_touching_sessions_or_on_two_days_is_fine() -> None:
    sessions = [
        session(1, "10:00", "11:00", room=1),
        session(2, "11:00", "12:00", room=1),
        session(3, "10:00", "11:00", room=2, day=DAY2),
    ]
    people = ((1, 10, Role.SPEAKER), (2, 10, Role.SPEAKER), (3, 10, Role.SPEAKER))
    assert check(sessions, people) == []


def test_each_clashing_pair_of_a_person_is_reported_once() -> None:
    sessions = [
        session(1, "10:00", "12:00", room=1),
        session(2, "10:30", "11:00", room=2),
        session(3, "11:30", "12:30", room=3),
    ]
    people = ((1, 12, Role.SPEAKER), (2, 12, Role.PARTICIPANT), (3, 12, Role.PANELIST))
    problems = of_kind(check(sessions, people), ProblemKind.PERSON_DOUBLE_BOOKED)
    assert sorted(p.key for p in problems) == [
        "person_double_booked:12:1,2",
        "person_double_booked:12:1,3",
    ]


# --- changeover between rooms -----------------------------------------------------------------


def _changeovers(
    sessions: list[CheckSession], minutes: int, roles: tuple[Role, ...] = ()
) -> list[Problem]:
    people = tuple((s.id, 10, roles[n] if roles else Role.SPEAKER) for n, s in enumerate(sessions))
    return of_kind(
        check(sessions, people, settings=CheckSettings(DAY1, DAY2, minutes)),
        ProblemKind.CHANGEOVER_TOO_SHORT,
    )


@pytest.mark.parametrize(
    ("next_start", "minutes", "reported"),
    [
        ("11:10", 15, True),
        ("11:14", 15, True),
        ("11:15", 15, False),  # exactly the buffer is enough
        ("11:00", 15, True),  # back to back in another room
        ("11:00", 0, False),  # no buffer set: back to back is fine
        ("11:30", 15, False),
    ],
)
def test_changeover_buffer_boundaries(next_start: str, minutes: int, reported: bool) -> None:
    sessions = [session(1, "10:00", "11:00", room=1), session(2, next_start, "12:30", room=2)]
    assert bool(_changeovers(sessions, minutes)) == reported


def test_changeover_message_and_identity() -> None:
    sessions = [session(1, "10:00", "11:00", room=1), session(2, "11:05", "12:00", room=2)]
    [problem] = _changeovers(sessions, 15, (Role.MODERATOR, Role.PANELIST))
    assert problem.severity == Severity.WARNING
    assert problem.session_ids == (1, 2) and problem.person_ids == (10,)
    assert problem.key == "changeover_too_short:10:1,2"
    assert problem.message == (
        "Aigul Zhaksybekova has 5 minutes to get from Hall A (moderator of S1 «Session 1» "
        "(2021-11-25 10:00–11:00)) to Hall B (panelist of S2 «Session 2» "
        "(2021-11-25 11:05–12:00)); the event allows 15 minutes."
    )


def test_back_to_back_in_another_room_says_no_time() -> None:
    sessions = [session(1, "10:00", "11:00", room=1), session(2, "11:00", "12:00", room=2)]
    [problem] = _changeovers(sessions, 10)
    assert "has no time to get from Hall A" in problem.message


def test_same_room_or_no_room_needs_no_changeover() -> None:
    same_room = [session(1, "10:00", "11:00", room=1), session(2, "11:00", "12:00", room=1)]
    no_room = [session(1, "10:00", "11:00", room=1), session(2, "11:00", "12:00", room=None)]
    assert _changeovers(same_room, 30) == []
    assert _changeovers(no_room, 30) == []


def test_changeover_from_a_long_session_behind_a_nested_one() -> None:
    """The session just before by start is not the one that ends last."""
    sessions = [
        session(1, "09:00", "11:55", room=1),  # long
        session(2, "10:00", "10:30", room=2),  # nested in it (a clash)
        session(3, "12:00", "13:00", room=3),
    ]
    problems = _changeovers(sessions, 10)
    assert [p.key for p in problems] == ["changeover_too_short:10:1,3"]
    assert "has 5 minutes to get from Hall A" in problems[0].message


def test_changeover_against_several_earlier_sessions() -> None:
    sessions = [
        session(1, "10:00", "11:00", room=1),
        session(2, "10:30", "11:00", room=2),
        session(3, "11:05", "12:00", room=3),
    ]
    assert sorted(p.key for p in _changeovers(sessions, 10)) == [
        "changeover_too_short:10:1,3",
        "changeover_too_short:10:2,3",
    ]


def test_changeover_overnight_counts_the_gap() -> None:
    sessions = [
        session(1, "23:00", "23:55", room=1),
        session(2, "00:00", "01:00", room=2, day=DAY2),
    ]
    [problem] = _changeovers(sessions, 10)
    assert "has 5 minutes" in problem.message


# --- moderators, rooms, the timetable ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "severity"),
    [
        (SessionKind.DISCUSSION, Severity.ERROR),
        (SessionKind.PLENARY, Severity.WARNING),
        (SessionKind.WORKSHOP, None),
        (SessionKind.BREAK, None),
        (SessionKind.OTHER, None),
    ],
)
def test_sessions_without_a_moderator(kind: SessionKind, severity: Severity | None) -> None:
    problems = of_kind(
        check([session(1, "10:00", "11:00", kind=kind)], ((1, 10, Role.SPEAKER),)),
        ProblemKind.NO_MODERATOR,
    )
    assert [p.severity for p in problems] == ([severity] if severity else [])
    if severity:
        assert problems[0].message == f"S1 «Session 1» ({kind.label}) has no moderator."


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.CO_MODERATOR])
def test_a_moderator_or_co_moderator_leads_a_discussion(role: Role) -> None:
    problems = check([session(1, "10:00", "11:00", kind=SessionKind.DISCUSSION)], ((1, 10, role),))
    assert problems == []


def test_an_unscheduled_discussion_still_needs_a_moderator() -> None:
    problems = check([session(1, None, None, room=None, kind=SessionKind.DISCUSSION)])
    assert [(p.kind, p.severity) for p in problems] == [
        (ProblemKind.NO_MODERATOR, Severity.ERROR),
        (ProblemKind.UNSCHEDULED, Severity.INFO),
    ]
    assert problems[1].message == "S1 «Session 1» is not on the timetable yet."


@pytest.mark.parametrize(
    ("kind", "reported"),
    [
        (SessionKind.WORKSHOP, True),
        (SessionKind.PLENARY, True),
        (SessionKind.OTHER, True),
        (SessionKind.BREAK, False),
        (SessionKind.REGISTRATION, False),
    ],
)
def test_scheduled_sessions_without_a_room(kind: SessionKind, reported: bool) -> None:
    problems = of_kind(
        check([session(1, "10:00", "11:00", room=None, kind=kind)], ((1, 10, Role.MODERATOR),)),
        ProblemKind.NO_ROOM,
    )
    assert len(problems) == int(reported)
    if reported:
        assert problems[0].severity == Severity.WARNING
        assert "(2021-11-25 10:00–11:00) is on the timetable but has no room" in problems[0].message


def test_unscheduled_sessions_are_notes_not_room_problems() -> None:
    problems = check([session(1, None, None, room=None), session(2, None, None, room=1)])
    assert [(p.kind, p.severity, p.session_ids) for p in problems] == [
        (ProblemKind.UNSCHEDULED, Severity.INFO, (1,)),
        (ProblemKind.UNSCHEDULED, Severity.INFO, (2,)),
    ]


# --- capacity ---------------------------------------------------------------------------------


def _crowd(count: int) -> list[CheckPerson]:
    return [CheckPerson(100 + n, f"Guest {n}") for n in range(count)]


@pytest.mark.parametrize(
    ("assigned", "audience", "severity"),
    [
        (50, None, None),  # exactly full
        (51, None, Severity.ERROR),
        (10, 50, None),
        (10, 51, Severity.WARNING),
        (51, 80, Severity.ERROR),  # one problem, the worse one
    ],
)
def test_capacity(assigned: int, audience: int | None, severity: Severity | None) -> None:
    sessions = [session(1, "10:00", "11:00", room=2, audience=audience)]  # Hall B seats 50
    people = _crowd(assigned)
    problems = of_kind(
        check(sessions, tuple((1, p.id, Role.PARTICIPANT) for p in people), people=people),
        ProblemKind.OVER_CAPACITY,
    )
    assert [p.severity for p in problems] == ([severity] if severity else [])
    if severity == Severity.ERROR:
        assert (
            problems[0].message
            == f"{assigned} people are assigned to S1 «Session 1», but Hall B seats 50."
        )
    elif severity == Severity.WARNING:
        assert (
            problems[0].message
            == f"S1 «Session 1» expects an audience of {audience}, but Hall B seats 50."
        )


def test_rooms_without_a_capacity_are_never_full() -> None:
    people = _crowd(500)
    sessions = [session(1, "10:00", "11:00", room=3, audience=10_000)]
    assert check(sessions, tuple((1, p.id, Role.PARTICIPANT) for p in people), people=people) == []


def test_capacity_counts_every_role_and_unscheduled_sessions() -> None:
    people = _crowd(51)
    roles = [Role.MODERATOR, Role.SPEAKER] + [Role.PARTICIPANT] * 49
    sessions = [session(1, None, None, room=2)]
    problems = check(
        sessions, tuple((1, p.id, r) for p, r in zip(people, roles, strict=True)), people=people
    )
    assert [p.kind for p in problems] == [ProblemKind.OVER_CAPACITY, ProblemKind.UNSCHEDULED]


# --- the event's days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "where"),
    [
        (
            at("09:00", DAY1 - dt.timedelta(days=1)),
            at("10:00", DAY1 - dt.timedelta(days=1)),
            "before the event's first day",
        ),
        (at("23:30", DAY1 - dt.timedelta(days=1)), at("00:30"), "before the event's first day"),
        (at("23:30", DAY2), at("00:30", DAY2 + dt.timedelta(days=1)), "after the event's last day"),
        (
            at("10:00", DAY2 + dt.timedelta(days=3)),
            at("11:00", DAY2 + dt.timedelta(days=3)),
            "after the event's last day",
        ),
        (at("00:00"), at("01:00"), None),  # the first minute of the first day
        (at("23:00", DAY2), at("00:00", DAY2 + dt.timedelta(days=1)), None),  # ends at midnight
    ],
)
def test_sessions_outside_the_events_days(
    start: dt.datetime, end: dt.datetime, where: str | None
) -> None:
    sessions = [CheckSession(1, "S1", "Session 1", SessionKind.WORKSHOP, 1, start, end)]
    problems = check(sessions)
    if where is None:
        assert problems == []
    else:
        [problem] = problems
        assert (problem.kind, problem.severity) == (ProblemKind.OUTSIDE_EVENT_DAYS, Severity.ERROR)
        assert where in problem.message
        assert "(the event runs 2021-11-25 to 2021-11-26)" in problem.message


def test_without_event_days_nothing_is_outside() -> None:
    sessions = [session(1, "10:00", "11:00", day=dt.date(2030, 1, 1))]
    assert check(sessions, settings=CheckSettings()) == []


# --- unavailability ---------------------------------------------------------------------------


def _period(
    pid: int, start: dt.datetime, end: dt.datetime, note: str | None = None, person: int = 10
) -> Unavailability:
    return Unavailability(pid, person, start, end, note)


@pytest.mark.parametrize(
    ("start", "end", "reported"),
    [
        ("09:00", "10:30", True),  # starts before the session
        ("10:00", "10:01", True),  # same start
        ("10:59", "13:00", True),  # starts inside
        ("08:00", "12:00", True),  # covers it
        ("09:00", "10:00", False),  # ends as it starts
        ("11:00", "12:00", False),  # starts as it ends
    ],
)
def test_unavailability_boundaries(start: str, end: str, reported: bool) -> None:
    problems = check(
        [session(1, "10:00", "11:00")],
        ((1, 10, Role.SPEAKER),),
        periods=[_period(7, at(start), at(end))],
    )
    assert [p.kind for p in problems] == ([ProblemKind.PERSON_UNAVAILABLE] if reported else [])


def test_unavailability_message_severity_and_key() -> None:
    sessions = [
        session(1, "10:00", "11:00", room=1),
        session(2, "10:00", "11:00", room=2, day=DAY2),
    ]
    periods = [
        _period(7, at("09:00"), at("13:00"), "flight to Geneva"),
        _period(8, at("09:00", DAY2), at("12:00", DAY2), person=11),
    ]
    problems = of_kind(
        check(sessions, ((1, 10, Role.SPEAKER), (2, 11, Role.PARTICIPANT)), periods=periods),
        ProblemKind.PERSON_UNAVAILABLE,
    )
    assert [(p.severity, p.key, p.session_ids, p.person_ids) for p in problems] == [
        (Severity.ERROR, "person_unavailable:10:1:7", (1,), (10,)),
        (Severity.WARNING, "person_unavailable:11:2:8", (2,), (11,)),
    ]
    assert problems[0].message == (
        "Aigul Zhaksybekova is speaker of S1 «Session 1» (2021-11-25 10:00–11:00) but said they "
        "are unavailable 2021-11-25 09:00–13:00 (flight to Geneva)."
    )


def test_one_period_over_several_sessions_and_days() -> None:
    sessions = [
        session(1, "16:00", "17:00"),
        session(2, "09:00", "10:00", day=DAY2),
        session(3, "12:00", "13:00", day=DAY2),
    ]
    periods = [_period(7, at("15:00"), at("11:00", DAY2))]
    assignments = tuple((s.id, 10, Role.SPEAKER) for s in sessions)
    problems = check(sessions, assignments, periods=periods)
    assert [p.key for p in problems] == ["person_unavailable:10:1:7", "person_unavailable:10:2:7"]
    assert "2021-11-25 15:00 – 2021-11-26 11:00" in problems[0].message


def test_periods_of_people_without_sessions_are_ignored() -> None:
    periods = [_period(7, at("09:00"), at("13:00"), person=12)]
    assert check([session(1, "10:00", "11:00")], ((1, 10, Role.SPEAKER),), periods=periods) == []


# --- registration -----------------------------------------------------------------------------


def test_programme_people_who_are_not_registered() -> None:
    people = [
        CheckPerson(10, "Aigul Zhaksybekova", registered=False, status=RegistrationStatus.INVITED),
        CheckPerson(11, "Ivan Petrov", registered=False),
        CheckPerson(12, "Maria Rossi", registered=False, status=RegistrationStatus.CANCELLED),
    ]
    sessions = [session(1, "10:00", "11:00"), session(2, None, None)]
    assignments = (
        (2, 10, Role.MODERATOR),
        (1, 10, Role.SPEAKER),
        (1, 11, Role.PARTICIPANT),
        (1, 12, Role.RAPPORTEUR),
    )
    problems = of_kind(check(sessions, assignments, people=people), ProblemKind.NOT_REGISTERED)
    assert [(p.severity, p.person_ids, p.session_ids) for p in problems] == [
        (Severity.WARNING, (10,), (1, 2)),
        (Severity.WARNING, (12,), (1,)),
    ]
    assert problems[0].message == (
        "Aigul Zhaksybekova is speaker of S1 «Session 1», moderator of S2 «Session 2» but is not "
        "registered for the event (only invited so far)."
    )
    assert problems[1].message.endswith("(their registration is cancelled).")


def test_registered_people_and_participants_are_fine() -> None:
    people = [
        CheckPerson(10, "Aigul Zhaksybekova", registered=True, status=RegistrationStatus.CONFIRMED),
        CheckPerson(11, "Ivan Petrov", registered=False),
    ]
    assignments = ((1, 10, Role.MODERATOR), (1, 11, Role.PARTICIPANT))
    assert check([session(1, "10:00", "11:00")], assignments, people=people) == []


# --- the report as a whole --------------------------------------------------------------------


def test_problems_come_errors_first_then_by_kind_and_time() -> None:
    sessions = [
        session(1, "14:00", "15:00", room=None),  # no room (warning)
        session(2, "10:00", "11:00"),
        session(3, "10:30", "11:30"),  # room clash
        session(4, "09:00", "10:00", day=DAY2 + dt.timedelta(days=1)),  # outside
        session(5, None, None, room=None),
    ]  # unscheduled (note)
    problems = check(sessions)
    assert [(p.severity, p.kind) for p in problems] == [
        (Severity.ERROR, ProblemKind.ROOM_DOUBLE_BOOKED),
        (Severity.ERROR, ProblemKind.OUTSIDE_EVENT_DAYS),
        (Severity.WARNING, ProblemKind.NO_ROOM),
        (Severity.INFO, ProblemKind.UNSCHEDULED),
    ]


def test_input_order_changes_nothing() -> None:
    sessions = [
        session(
            n,
            f"{9 + n % 4:02d}:{15 * (n % 3):02d}",
            f"{10 + n % 4:02d}:30",
            room=1 + n % 3,
            kind=SessionKind.DISCUSSION,
        )
        for n in range(1, 13)
    ]
    assignments = [
        CheckAssignment(s.id, 10 + s.id % 3, Role(list(Role)[s.id % 6])) for s in sessions
    ]
    settings = CheckSettings(DAY1, DAY2, 20)
    expected = find_problems(sessions, ROOMS, assignments, PEOPLE, [], settings)
    shuffler = random.Random(7)
    for _ in range(5):
        shuffler.shuffle(sessions)
        shuffler.shuffle(assignments)
        assert find_problems(sessions, ROOMS, assignments, PEOPLE, [], settings) == expected
    assert len(expected) > 10


def test_key_stays_and_fingerprint_changes_when_the_facts_change() -> None:
    before = check([session(1, "10:00", "11:00"), session(2, "10:30", "12:00")])
    moved = check([session(1, "10:00", "11:00"), session(2, "10:45", "12:00")])
    renamed = check(
        [
            session(1, "10:00", "11:00"),
            CheckSession(2, "S2", "New title", SessionKind.WORKSHOP, 1, at("10:30"), at("12:00")),
        ]
    )
    assert before[0].key == moved[0].key == renamed[0].key
    assert before[0].fingerprint != moved[0].fingerprint
    assert before[0].fingerprint == renamed[0].fingerprint  # the title causes no clash


def test_assignments_to_unknown_sessions_and_people_do_not_break_the_check() -> None:
    sessions = [session(1, "10:00", "11:00", room=1), session(2, "10:00", "11:00", room=2)]
    assignments = ((1, 99, Role.SPEAKER), (2, 99, Role.SPEAKER), (42, 99, Role.SPEAKER))
    [problem] = check(sessions, assignments)
    assert problem.message.startswith("Person #99 is in two sessions at the same time")


# --- a session during an all-rooms break (issue 14, item 5) -----------------------------------


def _all_rooms(sid: int, start: str, end: str, *, day: dt.date = DAY1) -> CheckSession:
    return CheckSession(
        sid,
        None,
        f"Coffee {sid}",
        SessionKind.BREAK,
        None,
        at(start, day),
        at(end, day),
        None,
        all_rooms=True,
    )


def test_a_session_in_a_room_during_an_all_rooms_break_is_a_warning_of_its_own() -> None:
    problems = check(
        [
            _all_rooms(1, "11:00", "11:30"),
            session(2, "10:30", "11:15", room=1),  # runs into the break
            session(3, "11:30", "12:00", room=2),  # starts as it ends: fine
            session(4, "09:00", "10:00", room=1),
            _all_rooms(5, "11:00", "11:30", day=DAY2),  # another day
        ]
    )
    assert [(p.kind, p.severity, p.session_ids) for p in problems] == [
        (ProblemKind.DURING_ALL_ROOMS, Severity.WARNING, (2, 1))
    ]
    assert problems[0].key == "during_all_rooms:2,1"
    assert problems[0].message == (
        "S2 «Session 2» (2021-11-25 10:30–11:15) in Hall A overlaps «Coffee 1»"
        " (2021-11-25 11:00–11:30), which is for all rooms."
    )


def test_an_all_rooms_break_books_no_room() -> None:
    """Two sessions in other rooms and the break: no room is booked twice."""
    problems = check([_all_rooms(1, "11:00", "11:30"), session(2, "12:00", "13:00", room=1)])
    assert problems == []


def test_a_long_session_that_began_the_day_before_still_meets_the_break() -> None:
    late = session(2, "20:00", "10:00", room=1, end_day=DAY2)
    problems = check([late, _all_rooms(1, "09:30", "10:00", day=DAY2)])
    assert [p.kind for p in of_kind(problems, ProblemKind.DURING_ALL_ROOMS)] == [
        ProblemKind.DURING_ALL_ROOMS
    ]
