"""Tests for forumdesk.services.assignments: people in sessions, and registrations."""

from __future__ import annotations

import pytest

from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.errors import ConflictError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions
from tests.services.support import assert_readable

R = RegistrationStatus


@pytest.fixture
def talk(event: EventRow, db: Database) -> int:
    return sessions.create_session(db, event.id, "Border enforcement", code="S1").id


@pytest.fixture
def crowd(db: Database) -> list[int]:
    """Four people: Anna Smith, Иванов Иван, Ben Lee, Rossi Martina."""
    return [
        people.create_person(db, *name).id
        for name in (("Smith", "Anna"), ("Иванов", "Иван"), ("Lee", "Ben"), ("Rossi", "Martina"))
    ]


def lineup(db: Database, session_id: int) -> list[tuple[int, Role, int]]:
    """Who is in the session, with role and position, as the session lists them."""
    return [(a.person_id, a.role, a.position) for a in assignments.session_people(db, session_id)]


def statuses(db: Database, event_id: int) -> dict[int, RegistrationStatus]:
    return {r.person_id: r.status for r in assignments.event_registrations(db, event_id)}


# --- assignments ------------------------------------------------------------------------------


def test_assign_people_after_those_already_there(db: Database, talk: int, crowd: list[int]) -> None:
    """New people go after the existing ones; the list puts leading roles first."""
    anna, ivan, ben, _ = crowd
    assignments.assign_person(db, talk, anna, Role.SPEAKER, expected_version=None)
    rows = assignments.assign_people(db, talk, [ivan, ben], "co-moderator", expected_version=None)
    assert [(r.person_id, r.role, r.position) for r in rows] == [
        (ivan, Role.CO_MODERATOR, 1),
        (ben, Role.CO_MODERATOR, 2),
    ]
    assert lineup(db, talk) == [
        (ivan, Role.CO_MODERATOR, 1),
        (ben, Role.CO_MODERATOR, 2),
        (anna, Role.SPEAKER, 0),
    ]
    assert rows[0].display_name == "Иванов Иван"


def test_assign_nobody_is_a_no_op(db: Database, talk: int) -> None:
    assert assignments.assign_people(db, talk, [], Role.SPEAKER, expected_version=None) == []
    assert lineup(db, talk) == []


def test_one_duplicate_among_three_adds_none(db: Database, talk: int, crowd: list[int]) -> None:
    """All or nothing: a person already in the session blocks the whole batch, named."""
    anna, ivan, ben, _ = crowd
    assignments.assign_person(db, talk, ivan, Role.MODERATOR, expected_version=None)
    before = lineup(db, talk)
    with pytest.raises(ConflictError) as caught:
        assignments.assign_people(db, talk, [anna, ivan, ben], Role.SPEAKER, expected_version=None)
    assert_readable(caught.value, "Иванов Иван", "S1 «Border enforcement»", "moderator")
    assert lineup(db, talk) == before


@pytest.mark.parametrize(
    ("case", "error", "needle"),
    [
        ("listed twice", ValidationError, "twice"),
        ("bad role", ValidationError, "keynoter"),
        ("missing person", NotFoundError, "person"),
        ("missing session", NotFoundError, "session"),
    ],
)
def test_assign_people_rejections_add_nothing(
    db: Database, talk: int, crowd: list[int], case: str, error: type[Exception], needle: str
) -> None:
    anna, ivan = crowd[:2]
    args = {
        "listed twice": (talk, [anna, ivan, anna], Role.SPEAKER),
        "bad role": (talk, [anna, ivan], "keynoter"),
        "missing person": (talk, [anna, 999, ivan], Role.SPEAKER),
        "missing session": (talk + 50, [anna], Role.SPEAKER),
    }[case]
    with pytest.raises(error) as caught:
        assignments.assign_people(db, *args, expected_version=None)
    assert_readable(caught.value, needle)
    assert lineup(db, talk) == []
    assert people.get_person(db, anna).version == 1


def test_unassign_and_restore_assignment(db: Database, talk: int, crowd: list[int]) -> None:
    """Undoing an unassign puts the person back with the same role and place."""
    anna, ivan, ben, _ = crowd
    assignments.assign_people(db, talk, [anna, ivan, ben], Role.PANELIST, expected_version=None)
    before = lineup(db, talk)
    row = assignments.unassign_person(db, talk, ivan, expected_version=None)
    assert (row.person_id, row.role, row.position) == (ivan, Role.PANELIST, 1)
    assert [p for p, _, _ in lineup(db, talk)] == [anna, ben]
    restored = assignments.restore_assignment(db, row)
    assert restored == row
    assert lineup(db, talk) == before


def test_unassign_someone_not_there_is_not_found(db: Database, talk: int, crowd: list[int]) -> None:
    with pytest.raises(NotFoundError) as caught:
        assignments.unassign_person(db, talk, crowd[1], expected_version=None)
    assert_readable(caught.value, "Иванов Иван", "S1 «Border enforcement»")


def test_restore_assignment_when_already_back_is_refused(
    db: Database, talk: int, crowd: list[int]
) -> None:
    anna = crowd[0]
    assignments.assign_person(db, talk, anna, Role.SPEAKER, expected_version=None)
    row = assignments.unassign_person(db, talk, anna, expected_version=None)
    assignments.assign_person(db, talk, anna, Role.MODERATOR, expected_version=None)
    with pytest.raises(ConflictError) as caught:
        assignments.restore_assignment(db, row)
    assert_readable(caught.value, "Anna Smith")
    assert lineup(db, talk) == [(anna, Role.MODERATOR, 0)]


def test_unassign_people_and_restore_assignments(db: Database, talk: int, crowd: list[int]) -> None:
    """Several people leave in one go, and come back in one go."""
    anna, ivan, ben, _ = crowd
    assignments.assign_people(db, talk, [anna, ivan, ben], Role.SPEAKER, expected_version=None)
    before = lineup(db, talk)
    rows = assignments.unassign_people(db, talk, [ben, anna], expected_version=None)
    assert [r.person_id for r in rows] == [ben, anna]
    assert lineup(db, talk) == [(ivan, Role.SPEAKER, 1)]
    assignments.restore_assignments(db, rows)
    assert lineup(db, talk) == before


def test_unassign_people_is_all_or_nothing(db: Database, talk: int, crowd: list[int]) -> None:
    """If one of them is not in the session, nobody is taken out."""
    anna, ivan, ben, _ = crowd
    assignments.assign_people(db, talk, [anna, ben], Role.SPEAKER, expected_version=None)
    before = lineup(db, talk)
    with pytest.raises(NotFoundError):
        assignments.unassign_people(db, talk, [anna, ivan], expected_version=None)
    assert lineup(db, talk) == before


def test_restore_assignments_is_all_or_nothing(db: Database, talk: int, crowd: list[int]) -> None:
    anna, ivan = crowd[:2]
    assignments.assign_people(db, talk, [anna, ivan], Role.SPEAKER, expected_version=None)
    rows = assignments.unassign_people(db, talk, [anna, ivan], expected_version=None)
    assignments.assign_person(db, talk, ivan, Role.PARTICIPANT, expected_version=None)
    with pytest.raises(ConflictError):
        assignments.restore_assignments(db, rows)
    assert lineup(db, talk) == [(ivan, Role.PARTICIPANT, 0)]


def test_change_role_and_undo(db: Database, talk: int, crowd: list[int]) -> None:
    anna = crowd[0]
    assignments.assign_person(db, talk, anna, Role.SPEAKER, expected_version=None)
    previous = assignments.change_role(db, talk, anna, "Moderator", expected_version=None)
    assert previous == Role.SPEAKER
    assert lineup(db, talk) == [(anna, Role.MODERATOR, 0)]
    assert sessions.get_session(db, talk).moderators == ("Anna Smith",)
    assignments.change_role(db, talk, anna, previous, expected_version=None)
    assert lineup(db, talk) == [(anna, Role.SPEAKER, 0)]


def test_change_role_rejections(db: Database, talk: int, crowd: list[int]) -> None:
    """An unknown role or someone not in the session changes nothing."""
    anna, ivan = crowd[:2]
    assignments.assign_person(db, talk, anna, Role.SPEAKER, expected_version=None)
    with pytest.raises(ValidationError) as caught:
        assignments.change_role(db, talk, anna, "chair-person", expected_version=None)
    assert_readable(caught.value, "chair-person")
    with pytest.raises(NotFoundError):
        assignments.change_role(db, talk, ivan, Role.SPEAKER, expected_version=None)
    assert lineup(db, talk) == [(anna, Role.SPEAKER, 0)]


def test_reorder_people_and_undo(db: Database, talk: int, crowd: list[int]) -> None:
    anna, ivan, ben, _ = crowd
    assignments.assign_people(db, talk, [anna, ivan, ben], Role.SPEAKER, expected_version=None)
    previous = assignments.reorder_people(db, talk, [ben, anna, ivan], expected_version=None)
    assert previous == [anna, ivan, ben]
    assert [p for p, _, _ in lineup(db, talk)] == [ben, anna, ivan]
    assignments.reorder_people(db, talk, previous, expected_version=None)
    assert [p for p, _, _ in lineup(db, talk)] == [anna, ivan, ben]


@pytest.mark.parametrize("wrong", ["missing", "stranger", "twice"])
def test_reorder_people_with_wrong_set_is_refused(
    db: Database, talk: int, crowd: list[int], wrong: str
) -> None:
    anna, ivan, ben, rossi = crowd
    assignments.assign_people(db, talk, [anna, ivan, ben], Role.SPEAKER, expected_version=None)
    before = lineup(db, talk)
    order = {"missing": [ben, anna], "stranger": [ben, anna, rossi], "twice": [ben, ben, anna]}[
        wrong
    ]
    with pytest.raises(ValidationError) as caught:
        assignments.reorder_people(db, talk, order, expected_version=None)
    assert_readable(caught.value, "once")
    assert lineup(db, talk) == before


def test_session_people_of_missing_session(db: Database) -> None:
    with pytest.raises(NotFoundError):
        assignments.session_people(db, 31)


# --- registrations ----------------------------------------------------------------------------


def test_register_people_and_undo(event: EventRow, db: Database, crowd: list[int]) -> None:
    """register_people returns previous statuses (None: new); restoring them undoes it all."""
    anna, ivan, ben, _ = crowd
    assignments.register_people(db, event.id, [anna], R.INVITED, expected_statuses=None)
    previous = assignments.register_people(
        db, event.id, [anna, ivan, ivan, ben], "Confirmed", expected_statuses=None
    )
    assert previous == {anna: R.INVITED, ivan: None, ben: None}
    assert statuses(db, event.id) == {anna: R.CONFIRMED, ivan: R.CONFIRMED, ben: R.CONFIRMED}
    assignments.restore_registrations(db, event.id, previous, expected_statuses=None)
    assert statuses(db, event.id) == {anna: R.INVITED}


def test_register_people_rejections_register_nobody(
    event: EventRow, db: Database, crowd: list[int]
) -> None:
    anna, ivan = crowd[:2]
    assignments.register_people(db, event.id, [anna], R.INVITED, expected_statuses=None)
    with pytest.raises(ValidationError) as caught:
        assignments.register_people(db, event.id, [anna, ivan], "maybe", expected_statuses=None)
    assert_readable(caught.value, "maybe")
    with pytest.raises(NotFoundError) as caught:
        assignments.register_people(
            db, event.id, [anna, ivan, 999], R.CONFIRMED, expected_statuses=None
        )
    assert_readable(caught.value, "person")
    with pytest.raises(NotFoundError) as caught:
        assignments.register_people(db, event.id + 9, [anna], expected_statuses=None)
    assert_readable(caught.value, "event")
    assert statuses(db, event.id) == {anna: R.INVITED}


def test_unregister_people_and_undo(event: EventRow, db: Database, crowd: list[int]) -> None:
    anna, ivan, ben, _ = crowd
    assignments.register_people(db, event.id, [anna, ivan], R.ATTENDED, expected_statuses=None)
    previous = assignments.unregister_people(db, event.id, [anna, ben], expected_statuses=None)
    assert previous == {anna: R.ATTENDED, ben: None}
    assert statuses(db, event.id) == {ivan: R.ATTENDED}
    assignments.restore_registrations(db, event.id, previous, expected_statuses=None)
    assert statuses(db, event.id) == {anna: R.ATTENDED, ivan: R.ATTENDED}


def test_registrations_are_per_event(
    event: EventRow, other_event: EventRow, db: Database, crowd: list[int]
) -> None:
    anna = crowd[0]
    assignments.register_people(db, other_event.id, [anna], expected_statuses=None)
    assert statuses(db, event.id) == {}
    assert statuses(db, other_event.id) == {anna: R.REGISTERED}


def test_registration_counts(event: EventRow, db: Database, crowd: list[int]) -> None:
    anna, ivan, ben, rossi = crowd
    assignments.register_people(
        db, event.id, [anna, ivan, ben], R.CONFIRMED, expected_statuses=None
    )
    assignments.register_people(db, event.id, [rossi], R.CANCELLED, expected_statuses=None)
    assert assignments.registration_counts(db, event.id) == {R.CONFIRMED: 3, R.CANCELLED: 1}
