"""The benchmark's generator: exact sizes, realistic content, a clean schedule, files that import.

No timings here (they live in `python -m bench`); these tests check that what the benchmark
measures is what it claims to be.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from bench.attendees import ATTENDEE_HEADER, feminine, patronymic
from bench.generator import (
    SIZES,
    ForumSize,
    clash_check_input,
    generate_event,
    synthetic_people,
    write_attendee_xlsx,
)
from forumdesk.core import text
from forumdesk.core.enums import Role, SessionKind
from forumdesk.db.engine import Database
from forumdesk.db.models import Assignment, Person, ProgramSession, Registration, Room
from forumdesk.scheduling.checker import ProblemKind, find_problems
from forumdesk.services.imports import import_attendees
from forumdesk.services.problems import check_event

LEADING = {Role.MODERATOR, Role.CO_MODERATOR}
STAFFED = {SessionKind.PLENARY, SessionKind.DISCUSSION, SessionKind.WORKSHOP}


def _count(db: Database, query: object) -> int:
    with db.reader() as session:
        return int(session.scalar(query) or 0)  # type: ignore[call-overload]


@pytest.mark.parametrize("name", ["S", "M", "L"])
def test_each_size_has_exactly_its_counts(db: Database, name: str) -> None:
    size = SIZES[name]
    forum = generate_event(db, name)
    event = forum.event_id
    in_event = select(ProgramSession.id).where(ProgramSession.event_id == event)
    assert _count(db, select(func.count()).select_from(in_event.subquery())) == size.sessions
    assert _count(db, select(func.count(Person.id))) == size.people
    assert _count(db, select(func.count()).where(Registration.event_id == event)) == size.people
    assert (
        _count(db, select(func.count()).where(Assignment.session_id.in_(in_event)))
        == size.assignments
    )
    assert _count(db, select(func.count()).where(Room.event_id == event)) == size.rooms
    assert len(forum.days) == size.days
    with db.reader() as session:
        days = {
            start.date()
            for start in session.scalars(
                select(ProgramSession.starts_at).where(ProgramSession.event_id == event)
            )
        }
    assert days == set(forum.days)


def test_people_are_realistic_and_their_emails_unique(db: Database) -> None:
    generate_event(db, "M")
    with db.reader() as session:
        people = session.execute(
            select(
                Person.family_name,
                Person.given_name,
                Person.patronymic,
                Person.email,
                Person.organization_id,
                Person.search_key,
                Person.display_name,
            )
        ).all()
    emails = [p.email for p in people]
    assert None not in emails
    assert len(set(emails)) == len(emails)
    cyrillic = [p for p in people if text.is_cyrillic(p.family_name)]
    assert 0.7 * len(people) < len(cyrillic) < 0.95 * len(people)  # Latin names too
    assert sum(1 for p in cyrillic if p.patronymic) > 0.8 * len(cyrillic)
    assert any(p.family_name.endswith("ова") for p in cyrillic)  # women's family names
    assert all(p.organization_id is not None for p in people)
    assert len({p.organization_id for p in people}) > 100
    # the services' own search key: filtering finds generated people like typed ones
    person = cyrillic[0]
    assert all(word in person.search_key for word in text.search_words(person.family_name))
    assert person.display_name == text.default_display_name(
        person.family_name, person.given_name, person.patronymic
    )


def test_the_schedule_is_clean_and_every_session_that_needs_one_has_a_moderator(
    db: Database,
) -> None:
    forum = generate_event(db, "L")
    with db.reader() as session:
        sessions = session.execute(
            select(
                ProgramSession.id,
                ProgramSession.kind,
                ProgramSession.starts_at,
                ProgramSession.ends_at,
                ProgramSession.room_id,
            ).where(ProgramSession.event_id == forum.event_id)
        ).all()
        roles: dict[int, list[Role]] = defaultdict(list)
        for session_id, role in session.execute(select(Assignment.session_id, Assignment.role)):
            roles[session_id].append(role)
    kinds = Counter(s.kind for s in sessions)
    assert kinds[SessionKind.BREAK] >= 3 * len(forum.days)
    assert kinds[SessionKind.PLENARY] == 2
    for s in sessions:
        if s.kind in STAFFED:
            assert LEADING & set(roles[s.id]), f"session {s.id} has no moderator"
            assert s.room_id is not None
        else:
            assert roles[s.id] == []  # nobody moderates a coffee break
        assert s.starts_at.minute % 15 == 0 and s.ends_at.minute % 15 == 0
        assert s.ends_at > s.starts_at
    found = Counter(problem.kind for problem in check_event(db, forum.event_id))
    for kind in (
        ProblemKind.ROOM_DOUBLE_BOOKED,
        ProblemKind.PERSON_DOUBLE_BOOKED,
        ProblemKind.NO_MODERATOR,
        ProblemKind.NO_ROOM,
        ProblemKind.OVER_CAPACITY,
        ProblemKind.OUTSIDE_EVENT_DAYS,
        ProblemKind.UNSCHEDULED,
    ):
        assert found[kind] == 0, kind


def test_the_same_seed_gives_the_same_people_and_longer_lists_extend_shorter_ones() -> None:
    assert synthetic_people(300, seed=7) == synthetic_people(300, seed=7)
    assert synthetic_people(300, seed=7)[:120] == synthetic_people(120, seed=7)
    assert synthetic_people(50, seed=7) != synthetic_people(50, seed=8)


def test_a_second_forum_in_the_same_database_gets_new_ids_and_free_emails(db: Database) -> None:
    first = generate_event(db, "S", seed=3)
    second = generate_event(db, "S", seed=3)  # the same people again: e-mails must differ
    assert not set(first.person_ids) & set(second.person_ids)
    assert not set(first.session_ids) & set(second.session_ids)
    assert _count(db, select(func.count(func.distinct(Person.email)))) == 400


def test_a_size_that_does_not_fit_is_refused(db: Database) -> None:
    too_many = ForumSize("X", sessions=400, people=100, assignments=2_000, days=1, rooms=2)
    with pytest.raises(ValueError, match="hold at most"):
        generate_event(db, too_many)
    too_few = ForumSize("Y", sessions=20, people=100, assignments=10, days=1, rooms=4)
    with pytest.raises(ValueError, match="fewer than"):
        generate_event(db, too_few)
    assert _count(db, select(func.count(Person.id))) == 0  # nothing half-written


def test_russian_name_forms() -> None:
    assert feminine("Иванов") == "Иванова"
    assert feminine("Ильин") == "Ильина"
    assert feminine("Ким") == "Ким"
    assert patronymic("Сергей", female=False) == "Сергеевич"
    assert patronymic("Юрий", female=True) == "Юрьевна"
    assert patronymic("Пётр", female=False) == "Петрович"
    assert patronymic("Нурлан", female=True) == "Нурлановна"


def test_the_attendee_spreadsheet_has_russian_headers_and_imports_whole(
    db: Database, tmp_path: Path
) -> None:
    path = write_attendee_xlsx(tmp_path / "attendees.xlsx", rows=300, seed=5)
    workbook = load_workbook(path, read_only=True)  # read-only keeps the file open: close it
    try:
        rows = list(workbook.active.iter_rows(values_only=True))
    finally:
        workbook.close()
    assert rows[0] == ATTENDEE_HEADER
    assert len(rows) == 301
    summary = import_attendees(db, path)
    assert summary.written and summary.rejected == 0
    assert summary.created == 300
    with db.reader() as session:
        emails = set(session.scalars(select(Person.email)))
    assert emails == {p.email for p in synthetic_people(300, seed=5)}


def test_the_checker_input_has_its_counts_and_gives_every_rule_work() -> None:
    data = clash_check_input(sessions=300, assignments=6_000, seed=2)
    assert len(data.sessions) == 300
    assert len(data.assignments) == 6_000
    assert len({(a.session_id, a.person_id) for a in data.assignments}) == 6_000
    assert {a.session_id for a in data.assignments} <= {s.id for s in data.sessions}
    assert data.settings.changeover_minutes > 0
    found = Counter(p.kind for p in find_problems(*data.arguments()))
    for kind in (
        ProblemKind.PERSON_DOUBLE_BOOKED,
        ProblemKind.CHANGEOVER_TOO_SHORT,
        ProblemKind.NOT_REGISTERED,
    ):
        assert found[kind] > 0, kind
    assert dt.date(2027, 5, 12) == data.settings.first_day
