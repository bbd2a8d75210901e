"""The checker's fast paths (forumdesk.scheduling.index): buckets by person, keys as machine
integers, the one-pass search for people who may clash. They must change nothing staff see,
nor any fingerprint that earlier versions stored with an accepted problem.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from unittest import mock

import pytest
from hypothesis import given

import forumdesk.scheduling.index as index
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
from tests.scheduling.test_checker_properties import SETTINGS, Event, _findings, events, oracle

DAY = dt.date(2021, 11, 25)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute))


def rows(problems: list[Problem]) -> list[tuple[object, ...]]:
    return [
        (p.kind, p.severity, p.message, p.session_ids, p.person_ids, p.key, p.fingerprint)
        for p in problems
    ]


@SETTINGS
@given(events())
def test_buckets_of_one_key_change_nothing(event: Event) -> None:
    plain = event.check()  # small events: one bucket
    with mock.patch.object(index, "BUCKET_SIZE", 1):  # as many buckets as keys, or more
        bucketed = event.check()
    assert rows(bucketed) == rows(plain)
    assert _findings(bucketed) == oracle(event)


def sample_event() -> tuple[
    list[CheckSession],
    list[CheckRoom],
    list[CheckAssignment],
    list[CheckPerson],
    list[Unavailability],
    CheckSettings,
]:
    sessions = [
        CheckSession(1, "S1", "Opening", SessionKind.DISCUSSION, 1, at(10), at(11)),
        CheckSession(2, "S2", "Trade", SessionKind.WORKSHOP, 1, at(10, 30), at(12)),
        CheckSession(3, "S3", "Law", SessionKind.WORKSHOP, 2, at(12, 5), at(13)),
        CheckSession(4, "S4", "Later", SessionKind.PLENARY, None),
    ]
    rooms = [CheckRoom(1, "Hall A", 100), CheckRoom(2, "Hall B", 1)]
    assignments = [
        CheckAssignment(1, 10, Role.MODERATOR),
        CheckAssignment(2, 10, Role.SPEAKER),
        CheckAssignment(3, 10, Role.PARTICIPANT),
        CheckAssignment(3, 11, Role.SPEAKER),
        CheckAssignment(2, 11, Role.PARTICIPANT),
    ]
    people = [
        CheckPerson(10, "Aigul Zhaksybekova"),
        CheckPerson(11, "Ivan Petrov", None, False, RegistrationStatus.INVITED),
    ]
    periods = [Unavailability(7, 11, at(12), at(14), "flight")]
    return sessions, rooms, assignments, people, periods, CheckSettings(DAY, DAY, 10)


def test_fingerprints_are_the_ones_earlier_versions_stored() -> None:
    # computed by the checker before it was made fast: acceptances in databases hold these
    assert [(p.key, p.fingerprint) for p in find_problems(*sample_event())] == [
        ("room_double_booked:1,2", "de3f9776ca9cd8c53c9187e9402172c7"),
        ("person_double_booked:10:1,2", "289fcc0a96ed1f413e7e6d82e6eb970f"),
        ("person_unavailable:11:3:7", "e48506c2aff82c46001821613b125983"),
        ("over_capacity:3", "fea8c6a256122170636f7c054c50bbb7"),
        ("changeover_too_short:10:2,3", "5163521407206b4ae422e6bdb228c738"),
        ("changeover_too_short:11:2,3", "c85a8e81d656c7da14e1bab291317e48"),
        ("no_moderator:4", "786de41d9f7732865f0a81d6c3004d32"),
        ("not_registered:11", "5e3afdb805396034e453857c80080354"),
        ("unscheduled:4", "c33cedce35493fc82dfad8ee5206e23e"),
    ]


@pytest.mark.parametrize("bucket_size", [index.BUCKET_SIZE, 1])
@pytest.mark.parametrize("offset", [2**70, -(10**6), 10**9], ids=["huge", "negative", "large"])
def test_any_integer_person_id_gives_the_same_problems(offset: int, bucket_size: int) -> None:
    """Ids beyond 64-bit keys take the plain path; negative ones sort below zero. Either way
    the problems are those of the same event with small ids, with the ids swapped (in another
    order where the keys, which hold the ids as text, sort otherwise)."""
    sessions, rooms, assignments, people, periods, settings = sample_event()
    moved = find_problems(
        sessions,
        rooms,
        [dataclasses.replace(a, person_id=a.person_id + offset) for a in assignments],
        [dataclasses.replace(p, id=p.id + offset) for p in people],
        [dataclasses.replace(u, person_id=u.person_id + offset) for u in periods],
        settings,
    )
    with mock.patch.object(index, "BUCKET_SIZE", bucket_size):
        plain = find_problems(sessions, rooms, assignments, people, periods, settings)
    assert sorted(
        (p.kind, p.severity, p.message, p.session_ids, p.person_ids) for p in moved
    ) == sorted(
        (p.kind, p.severity, p.message, p.session_ids, tuple(i + offset for i in p.person_ids))
        for p in plain
    )


@pytest.mark.parametrize("bucket_size", [index.BUCKET_SIZE, 1])
def test_assignments_to_sessions_not_given_are_left_out_in_every_bucket(bucket_size: int) -> None:
    sessions, rooms, assignments, people, periods, settings = sample_event()
    strays = [CheckAssignment(42, 10, Role.SPEAKER), CheckAssignment(43, 11, Role.MODERATOR)]
    with mock.patch.object(index, "BUCKET_SIZE", bucket_size):
        assert rows(
            find_problems(sessions, rooms, strays + assignments + strays, people, periods, settings)
        ) == rows(find_problems(*sample_event()))


def test_a_session_that_ends_before_it_starts_still_gets_its_changeover() -> None:
    """Only sessions that end after they start let the scan judge a person by neighbouring
    parts alone; with a backwards session every person is looked at in full, as before."""
    sessions = [
        CheckSession(1, "S1", "Backwards", SessionKind.WORKSHOP, 1, at(12), at(9)),
        CheckSession(2, "S2", "Short", SessionKind.WORKSHOP, 2, at(10), at(10, 30)),
    ]
    assignments = [CheckAssignment(1, 10, Role.SPEAKER), CheckAssignment(2, 10, Role.SPEAKER)]
    [problem] = find_problems(
        sessions,
        [CheckRoom(1, "Hall A"), CheckRoom(2, "Hall B")],
        assignments,
        [CheckPerson(10, "Aigul Zhaksybekova")],
        [],
        CheckSettings(DAY, DAY, 90),
    )
    assert problem.kind == ProblemKind.CHANGEOVER_TOO_SHORT
    assert problem.key == "changeover_too_short:10:1,2"
    assert problem.message.startswith("Aigul Zhaksybekova has 60 minutes to get from Hall A")


def report_order(sessions: list[CheckSession], problems: list[Problem]) -> list[Problem]:
    """The documented order worked out from the problems alone: severity, kind, first session's
    place in time (sessions by start and id, the unscheduled ones last; an id given twice is
    placed where its last copy is), then key."""
    timed = sorted(
        (s for s in sessions if s.starts_at and s.ends_at), key=lambda s: (s.starts_at, s.id)
    )
    untimed = sorted((s for s in sessions if not (s.starts_at and s.ends_at)), key=lambda s: s.id)
    place = {s.id: n for n, s in enumerate(timed + untimed)}
    severities, kinds = list(Severity), list(ProblemKind)
    return sorted(
        problems,
        key=lambda p: (
            severities.index(p.severity),
            kinds.index(p.kind),
            min(place[s] for s in p.session_ids),
            p.key,
        ),
    )


@SETTINGS
@given(events())
def test_problems_come_in_report_order_with_ties_broken_by_key(event: Event) -> None:
    """Each rule tells the report where its problem goes (forumdesk.scheduling.model.Findings):
    the result must be the documented order, keys (text) deciding between problems of one
    kind whose first session is the same."""
    problems = event.check()
    assert rows(problems) == rows(report_order(event.sessions, problems))


def test_a_session_given_twice_is_placed_where_its_last_copy_is() -> None:
    """Assignments go to the last copy of a session id, and so does its place in the report,
    although the room rule found the clash at the first copy, earlier in the day."""
    sessions = [
        CheckSession(1, "S1", "Opening", SessionKind.WORKSHOP, 1, at(10), at(11)),
        CheckSession(2, "S2", "Trade", SessionKind.WORKSHOP, 1, at(10, 30), at(12)),
        CheckSession(5, "S5", "Law", SessionKind.WORKSHOP, 2, at(10, 15), at(11)),
        CheckSession(6, "S6", "Banks", SessionKind.WORKSHOP, 2, at(10, 20), at(11)),
        CheckSession(1, "S1", "Opening", SessionKind.WORKSHOP, 3, at(20), at(21)),
    ]
    problems = find_problems(sessions, [CheckRoom(n, f"Hall {n}") for n in (1, 2, 3)])
    assert [p.key for p in problems if p.kind == ProblemKind.ROOM_DOUBLE_BOOKED] == [
        "room_double_booked:5,6",
        "room_double_booked:1,2",
    ]
    assert rows(problems) == rows(report_order(sessions, problems))
