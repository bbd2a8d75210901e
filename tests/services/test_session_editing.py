"""Tests for forumdesk.services.session_editing: the editor's save, all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.errors import (
    ConcurrentEditError,
    ConflictError,
    NotFoundError,
    ValidationError,
)
from forumdesk.core.rows import AssignmentRow, EventRow, PersonRow, SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions, venue
from forumdesk.services.session_editing import (
    SessionEdit,
    SessionPerson,
    add_session,
    save_session,
)
from tests.services.support import assert_readable


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2021, 11, day, hour, minute)


@dataclass
class Panel:
    """A scheduled session with a moderator and two speakers, and two people not in it."""

    row: SessionRow
    hall_a: int
    hall_b: int
    moderator: PersonRow
    first: PersonRow
    second: PersonRow
    newcomer: PersonRow
    other: PersonRow


@pytest.fixture
def panel(db: Database, event: EventRow) -> Panel:
    hall_a = venue.add_room(db, event.id, "Hall A")
    hall_b = venue.add_room(db, event.id, "Hall B")
    sessions.create_session(db, event.id, "Other", code="S2")
    row = sessions.create_session(
        db,
        event.id,
        "Medicines",
        code="S1",
        room_id=hall_a.id,
        starts_at=at(25, 10),
        ends_at=at(25, 11, 30),
    )
    moderator, first, second, newcomer, other = (
        people.create_person(db, family, given)
        for family, given in (
            ("Жаксыбекова", "Айгуль"),
            ("Brandt", "Stefan"),
            ("Rossi", "Maria"),
            ("Omarov", "Timur"),
            ("Lee", "Min"),
        )
    )
    assignments.assign_people(db, row.id, [moderator.id], Role.MODERATOR, expected_version=None)
    assignments.assign_people(
        db, row.id, [first.id, second.id], Role.SPEAKER, expected_version=None
    )
    return Panel(
        sessions.get_session(db, row.id),
        hall_a.id,
        hall_b.id,
        moderator,
        first,
        second,
        newcomer,
        other,
    )


def _people(db: Database, session_id: int) -> list[AssignmentRow]:
    return assignments.session_people(db, session_id)


def _as_saved(rows: list[AssignmentRow]) -> tuple[SessionPerson, ...]:
    return tuple(SessionPerson(r.person_id, r.role, r.position) for r in rows)


def _state(db: Database, session_id: int) -> tuple[object, ...]:
    """The session and its people exactly as stored, for 'nothing changed' checks."""
    return (sessions.get_session(db, session_id), _people(db, session_id))


def _edit(panel: Panel) -> SessionEdit:
    """Everything at once: fields, room and times, a role, a removal, an addition, an order."""
    return SessionEdit(
        {
            "title": "Patents and medicines",
            "kind": SessionKind.WORKSHOP,
            "room_id": panel.hall_b,
            "starts_at": at(26, 14),
            "ends_at": at(26, 15),
        },
        (
            SessionPerson(panel.moderator.id, Role.MODERATOR, 0),
            SessionPerson(panel.newcomer.id, Role.PANELIST, 1),
            SessionPerson(panel.second.id, Role.CO_MODERATOR, 2),
        ),
    )


def test_fields_place_and_people_are_saved_together(db: Database, panel: Panel) -> None:
    before = _state(db, panel.row.id)
    saved = save_session(
        db,
        panel.row.id,
        _edit(panel),
        expected_version=panel.row.version,
        expected_people=_as_saved(_people(db, panel.row.id)),
    )
    row = sessions.get_session(db, panel.row.id)
    assert (row.title, row.kind, row.room_id, row.starts_at, row.ends_at) == (
        "Patents and medicines",
        SessionKind.WORKSHOP,
        panel.hall_b,
        at(26, 14),
        at(26, 15),
    )
    assert [(p.person_id, p.role) for p in _people(db, panel.row.id)] == [
        (panel.moderator.id, Role.MODERATOR),
        (panel.second.id, Role.CO_MODERATOR),
        (panel.newcomer.id, Role.PANELIST),
    ]
    assert saved.version == row.version != panel.row.version
    assert saved.people == _as_saved(sorted(_people(db, panel.row.id), key=lambda p: p.position))

    # the undo edit is the same call the other way: everything back, exactly
    assert set(saved.undo.changes) == {"title", "kind", "room_id", "starts_at", "ends_at"}
    back = save_session(
        db,
        panel.row.id,
        saved.undo,
        expected_version=saved.version,
        expected_people=saved.people,
    )
    assert _state(db, panel.row.id)[1] == before[1]
    restored = sessions.get_session(db, panel.row.id)
    assert restored == replace(before[0], version=restored.version)
    assert restored.version > saved.version  # versions only go up, also on undo
    # and redo is the first edit again, based on what undo left
    save_session(
        db, panel.row.id, _edit(panel), expected_version=back.version, expected_people=back.people
    )
    assert sessions.get_session(db, panel.row.id).title == "Patents and medicines"


@pytest.mark.parametrize(
    ("spoil", "error"),
    [
        # the last person is unknown: found after the fields and the others were written
        (lambda p: (SessionPerson(404, Role.SPEAKER, 3),), NotFoundError),
        (lambda p: (SessionPerson(p.newcomer.id, Role.SPEAKER, 3),), ValidationError),  # twice
        (lambda p: (SessionPerson(p.other.id, "juggler", 3),), ValidationError),
    ],
)
def test_a_failure_partway_leaves_the_session_as_it_was(
    db: Database, panel: Panel, spoil: object, error: type[Exception]
) -> None:
    before = _state(db, panel.row.id)
    edit = _edit(panel)
    assert edit.people is not None
    spoiled = SessionEdit(edit.changes, edit.people + spoil(panel))  # type: ignore[operator]
    with pytest.raises(error):
        save_session(db, panel.row.id, spoiled, expected_version=panel.row.version)
    assert _state(db, panel.row.id) == before


@pytest.mark.parametrize(
    ("changes", "error", "needle"),
    [
        ({"code": "s2"}, ConflictError, "S2"),  # another session's code, in another case
        ({"starts_at": at(26, 14), "ends_at": at(26, 13)}, ValidationError, "end after"),
        ({"room_id": 404}, NotFoundError, "room"),
        ({"title": "  "}, ValidationError, "title"),
        ({"version": 1}, ValidationError, "version"),
    ],
)
def test_a_refused_field_writes_no_people_either(
    db: Database, panel: Panel, changes: dict[str, object], error: type[Exception], needle: str
) -> None:
    before = _state(db, panel.row.id)
    edit = _edit(panel)
    with pytest.raises(error) as caught:
        save_session(db, panel.row.id, SessionEdit(changes, edit.people), expected_version=None)
    assert_readable(caught.value, needle, ignore_case=True)
    assert _state(db, panel.row.id) == before


def test_a_save_based_on_a_stale_version_is_refused(db: Database, panel: Panel) -> None:
    sessions.update_session(
        db, panel.row.id, {"description": "changed at another desk"}, expected_version=None
    )
    before = _state(db, panel.row.id)
    with pytest.raises(ConcurrentEditError) as caught:
        save_session(db, panel.row.id, _edit(panel), expected_version=panel.row.version)
    assert_readable(caught.value, "was changed at", "from the desk")
    assert _state(db, panel.row.id) == before


def test_a_save_based_on_other_people_is_refused(db: Database, panel: Panel) -> None:
    """Someone else added a person meanwhile (that does not move the session's version)."""
    read = _as_saved(_people(db, panel.row.id))
    assignments.assign_people(
        db, panel.row.id, [panel.other.id], Role.PARTICIPANT, expected_version=None
    )
    before = _state(db, panel.row.id)
    with pytest.raises(ConcurrentEditError):
        save_session(
            db,
            panel.row.id,
            _edit(panel),
            expected_version=panel.row.version,
            expected_people=read,
        )
    assert _state(db, panel.row.id) == before


def test_a_save_of_only_people_still_moves_the_version(db: Database, panel: Panel) -> None:
    """So that a second desk saving the same session's people from the old version is refused."""
    people_now = _as_saved(_people(db, panel.row.id))
    added = SessionEdit({}, (*people_now, SessionPerson(panel.newcomer.id, Role.RAPPORTEUR, 9)))
    saved = save_session(db, panel.row.id, added, expected_version=panel.row.version)
    assert saved.undo == SessionEdit({}, tuple(sorted(people_now, key=lambda p: p.position)))
    assert saved.version == sessions.get_session(db, panel.row.id).version > panel.row.version
    with pytest.raises(ConcurrentEditError):
        save_session(db, panel.row.id, SessionEdit({}, ()), expected_version=panel.row.version)
    assert len(_people(db, panel.row.id)) == 4


def test_the_same_people_renumbered_is_no_change(db: Database, panel: Panel) -> None:
    """The editor numbers its list from 0; as the session lists them, nothing changed."""
    before = _state(db, panel.row.id)
    listed = _people(db, panel.row.id)
    renumbered = tuple(SessionPerson(p.person_id, p.role, 10 * n + 5) for n, p in enumerate(listed))
    saved = save_session(
        db,
        panel.row.id,
        SessionEdit({"title": panel.row.title}, renumbered),
        expected_version=panel.row.version,
    )
    assert saved.undo == SessionEdit({}, None)
    assert _state(db, panel.row.id) == before


def test_a_new_session_comes_with_its_people_and_undo_keeps_them(
    db: Database, event: EventRow, panel: Panel
) -> None:
    row = add_session(
        db,
        event.id,
        {
            "title": "Side event",
            "code": "S3",
            "room_id": panel.hall_a,
            "starts_at": at(25, 15),
            "ends_at": at(25, 16),
        },
        [
            SessionPerson(panel.newcomer.id, Role.MODERATOR, 0),
            SessionPerson(panel.other.id, Role.SPEAKER, 1),
        ],
    )
    assert (row.code, row.starts_at, row.moderators) == (
        "S3",
        at(25, 15),
        (panel.newcomer.display_name,),
    )
    made = _state(db, row.id)
    snapshot = sessions.delete_session(db, row.id, expected_version=None)
    sessions.restore_session(db, snapshot)
    back_row, back_people = _state(db, row.id)
    # all as it was, at a version above the deleted one (no desk's old copy matches it)
    assert (replace(back_row, version=row.version), back_people) == made  # type: ignore[arg-type]
    assert back_row.version == row.version + 1  # type: ignore[attr-defined]


def test_a_new_session_is_all_or_nothing(db: Database, event: EventRow, panel: Panel) -> None:
    count = len(sessions.list_sessions(db, event.id))
    with pytest.raises(NotFoundError):
        add_session(db, event.id, {"title": "Side event"}, [SessionPerson(404, Role.SPEAKER, 0)])
    with pytest.raises(ValidationError):
        add_session(db, event.id, {"code": "S9"}, [])  # no title
    assert len(sessions.list_sessions(db, event.id)) == count
