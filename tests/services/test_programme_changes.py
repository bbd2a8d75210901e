"""Who must be told: exactly the people whose own agenda differs, over random edits (hypothesis).

The brute force reads every person's agenda in both versions (Programme.agenda, a scan of all
roles per person) and compares them; `people_to_tell` must name exactly those people, and
`changes` must say something about every session whose agenda rows differ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forumdesk.config import resolve_database_url
from forumdesk.core.enums import Role
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services import assignments, placing, sessions, versions
from forumdesk.services.demo import DemoResult, load_demo
from forumdesk.services.programme_changes import (
    ChangeKind,
    PersonState,
    Programme,
    SessionState,
    changes,
    people_to_tell,
)

DAY = dt.datetime(2027, 5, 12, 9, 0)
ROOMS = ("Hall A", "Hall B", "Hall C", None)
PEOPLE = range(1, 13)


def _base() -> Programme:
    sessions_ = {
        sid: SessionState(
            f"S{sid}",
            f"Session {sid}",
            DAY + dt.timedelta(hours=sid),
            DAY + dt.timedelta(hours=sid + 1),
            ROOMS[sid % 3],
        )
        for sid in range(1, 7)
    }
    roles = {
        (sid, pid): Role.SPEAKER for sid in sessions_ for pid in PEOPLE if (sid + pid) % 4 == 0
    }
    people = {
        pid: PersonState(f"Person {pid}", f"p{pid}@example.org", "ru" if pid % 8 == 0 else "en")
        for pid in PEOPLE
    }
    return Programme.with_roles(sessions_, roles, people)


edit = st.one_of(
    st.tuples(st.just("move"), st.integers(1, 8), st.integers(-3, 3)),
    st.tuples(st.just("room"), st.integers(1, 8), st.sampled_from(ROOMS)),
    st.tuples(st.just("title"), st.integers(1, 8), st.sampled_from(["A", "B"])),
    st.tuples(st.just("cancel"), st.integers(1, 8), st.booleans()),
    st.tuples(st.just("delete"), st.integers(1, 8), st.none()),
    st.tuples(st.just("new"), st.integers(7, 8), st.none()),
    st.tuples(
        st.just("assign"),
        st.tuples(st.integers(1, 8), st.sampled_from(PEOPLE)),
        st.sampled_from(Role),
    ),
    st.tuples(
        st.just("unassign"), st.tuples(st.integers(1, 8), st.sampled_from(PEOPLE)), st.none()
    ),
)


def _edited(programme: Programme, edits: list[tuple[str, object, object]]) -> Programme:
    sessions_ = dict(programme.sessions)
    roles = dict(programme.roles)
    for kind, target, value in edits:
        if kind in {"assign", "unassign"}:
            assert isinstance(target, tuple)
            if target[0] not in sessions_:
                continue
            if kind == "assign":
                roles[target] = value  # type: ignore[assignment]
            else:
                roles.pop(target, None)
            continue
        assert isinstance(target, int)
        state = sessions_.get(target)
        if kind == "new":
            sessions_.setdefault(
                target,
                SessionState(f"S{target}", "New", DAY, DAY + dt.timedelta(hours=1), "Hall A"),
            )
            continue
        if state is None:
            continue
        if kind == "move" and state.starts_at and state.ends_at:
            shift = dt.timedelta(minutes=30 * int(value))  # type: ignore[call-overload]
            state = replace(state, starts_at=state.starts_at + shift, ends_at=state.ends_at + shift)
        elif kind == "room":
            state = replace(state, room=value)  # type: ignore[arg-type]
        elif kind == "title":
            state = replace(state, title=f"{state.title} {value}")
        elif kind == "cancel":
            state = replace(state, cancelled=bool(value))
        elif kind == "delete":
            del sessions_[target]
            roles = {key: role for key, role in roles.items() if key[0] != target}
            continue
        sessions_[target] = state
    return Programme.with_roles(sessions_, roles, programme.people)


@settings(max_examples=300, deadline=None)
@given(st.lists(edit, max_size=12), st.lists(edit, max_size=6))
def test_the_people_told_are_those_whose_agenda_differs(
    first: list[tuple[str, object, object]], second: list[tuple[str, object, object]]
) -> None:
    old = _edited(_base(), first)
    new = _edited(old, second)
    everyone = {pid for _sid, pid in (*old.roles, *new.roles)}
    brute = {pid for pid in everyone if old.agenda(pid) != new.agenda(pid)}
    told = people_to_tell(old, new)
    assert {p.person_id for p in told} == brute
    assert all(p.lines for p in told)  # nobody is told nothing
    # every session whose agenda rows differ for someone has at least one change listed
    changed = {c.session_id for c in changes(old, new, in_language="en")}
    for pid in brute:
        was, now = old.agenda(pid), new.agenda(pid)
        assert {sid for sid in was.keys() | now.keys() if was.get(sid) != now.get(sid)} <= changed


def test_a_snapshot_survives_its_json() -> None:
    programme = _edited(_base(), [("cancel", 2, True), ("room", 3, None)])
    assert Programme.from_json(programme.to_json()) == programme


def test_the_example_of_the_issue_in_both_languages() -> None:
    old = _base()
    new = _edited(old, [("move", 4, 4), ("room", 4, "Hall C")])
    [change] = [c for c in changes(old, new, in_language="en") if c.kind is ChangeKind.MOVED]
    assert change.text("en") == "S4 «Session 4» moved from 12.05 13:00–14:00 to 12.05 15:00–16:00"
    told = {p.person_id: p for p in people_to_tell(old, new)}
    assert set(told) == {4, 8, 12}  # the people in S4
    moved = "S4 «Session 4» {} 12.05 13:00–14:00{} 12.05 15:00–16:00, Hall C."
    assert told[4].language == "en"
    assert told[4].lines == ("Your session " + moved.format("moved from", " to"),)
    assert told[8].language == "ru"
    assert told[8].lines == ("Ваша сессия " + moved.format("перенесена: было", ", теперь"),)


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["move", "role", "unassign", "cancel"]), st.integers(0, 9)),
        min_size=1,
        max_size=6,
    )
)
def test_on_the_database_the_people_told_match_a_brute_force_diff(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int]]
) -> None:
    """The same over real edits through the services on the demo forum's file."""
    path = tmp_path_factory.mktemp("versions") / "forum.sqlite3"
    db = open_database(resolve_database_url(str(path)))
    try:
        _edit_and_compare(db, load_demo(db), edits)
    finally:
        db.dispose()


def _edit_and_compare(db: Database, demo: DemoResult, edits: list[tuple[str, int]]) -> None:
    published = versions.publish_version(db, demo.event.id, expected_latest=None)
    rows = [s for s in sessions.list_sessions(db, demo.event.id) if s.is_scheduled]
    for kind, n in edits:
        row = sessions.get_session(db, rows[n % len(rows)].id)
        people_in = assignments.session_people(db, row.id)
        if kind == "move" and row.starts_at:
            placing.move_session(
                db, row.id, row.starts_at + dt.timedelta(minutes=30), expected_version=row.version
            )
        elif kind == "role" and people_in:
            role = Role.RAPPORTEUR if people_in[0].role != Role.RAPPORTEUR else Role.PANELIST
            assignments.change_role(
                db, row.id, people_in[0].person_id, role, expected_version=row.version
            )
        elif kind == "unassign" and people_in:
            assignments.unassign_person(
                db, row.id, people_in[-1].person_id, expected_version=row.version
            )
        elif kind == "cancel":
            sessions.set_cancelled(db, row.id, not row.cancelled, expected_version=row.version)
    old = versions.version_programme(db, demo.event.id, published.number)
    new = versions.current_programme(db, demo.event.id)
    everyone = {pid for _sid, pid in (*old.roles, *new.roles)}
    brute = {pid for pid in everyone if old.agenda(pid) != new.agenda(pid)}
    compared = versions.compare(db, demo.event.id, published.number)
    assert {p.person_id for p in compared.people} == brute
