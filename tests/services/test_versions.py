"""Published versions, the change journal, and what changed between two versions (demo forum)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from forumdesk.core.enums import Role
from forumdesk.core.errors import ConcurrentEditError, NotFoundError
from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, placing, sessions, venue, versions
from forumdesk.services.demo import DemoResult
from forumdesk.services.programme_changes import ChangeKind, letter_language

HOUR = dt.timedelta(hours=1)


def _session(db: Database, demo: DemoResult, code: str) -> SessionRow:
    return next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == code)


def _publish(db: Database, demo: DemoResult, name: str | None = None) -> versions.VersionRow:
    return versions.publish_version(db, demo.event.id, name, expected_latest=None)


def _kinds(db: Database, demo: DemoResult, since: int | None = None) -> list[tuple[str, str]]:
    found = versions.compare(db, demo.event.id, since).changes
    return [(c.kind.value, c.session.code or "") for c in found]


def _journal(db: Database) -> list[versions.JournalRow]:
    return versions.journal_entries(db)


# --- publishing -------------------------------------------------------------------------------


def test_versions_are_numbered_named_and_listed(db: Database, demo: DemoResult) -> None:
    first = _publish(db, demo, "  Sent  to speakers ")
    second = _publish(db, demo)
    listed = versions.list_versions(db, demo.event.id)
    assert [(v.number, v.name) for v in listed] == [(1, "Sent to speakers"), (2, None)]
    assert (first.number, second.number) == (1, 2)
    assert listed[0].published_by == db.desk
    assert first.stamp("Version {number} · {time}").startswith("Version 1 · ")


def test_a_version_published_meanwhile_refuses_the_next_number(
    db: Database, demo: DemoResult
) -> None:
    versions.publish_version(db, demo.event.id, expected_latest=0)
    with pytest.raises(ConcurrentEditError, match="published version 1"):
        versions.publish_version(db, demo.event.id, "mine", expected_latest=0)
    assert [v.number for v in versions.list_versions(db, demo.event.id)] == [1]
    assert versions.publish_version(db, demo.event.id, expected_latest=1).number == 2


def test_nothing_changed_since_a_version_is_no_change(db: Database, demo: DemoResult) -> None:
    _publish(db, demo)
    compared = versions.compare(db, demo.event.id)
    assert compared.changes == [] and compared.people == []
    assert compared.earlier == 1


def test_before_any_version_every_session_is_new(db: Database, demo: DemoResult) -> None:
    compared = versions.compare(db, demo.event.id)
    assert compared.earlier == 0
    assert {c.kind for c in compared.changes} == {ChangeKind.NEW}
    assert len(compared.changes) == len(sessions.list_sessions(db, demo.event.id))


def test_an_unknown_version_is_refused_in_words(db: Database, demo: DemoResult) -> None:
    with pytest.raises(NotFoundError, match="no version 7"):
        versions.compare(db, demo.event.id, 7)


# --- each kind of change ------------------------------------------------------------------------


def test_a_move_in_time_is_reported_with_both_times_and_tells_its_people(
    db: Database, demo: DemoResult
) -> None:
    s3 = _session(db, demo, "S3")
    _publish(db, demo)
    assert s3.starts_at is not None
    placing.move_session(db, s3.id, s3.starts_at + 2 * HOUR, expected_version=s3.version)
    compared = versions.compare(db, demo.event.id)
    assert [(c.kind, c.session.code) for c in compared.changes] == [(ChangeKind.MOVED, "S3")]
    change = compared.changes[0]
    assert change.before == f"{s3.starts_at:%d.%m %H:%M}–{s3.ends_at:%H:%M}"
    assert change.after is not None and f"{s3.starts_at + 2 * HOUR:%H:%M}" in change.after
    in_s3 = {a.person_id for a in assignments.session_people(db, s3.id)}
    assert set(change.affected) == in_s3
    assert {p.person_id for p in compared.people} == in_s3
    line = compared.people[0].lines[0]
    assert line.startswith("Your session S3") and s3.room_name in line  # type: ignore[operator]


def test_another_room_is_reported(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    rooms = venue.list_rooms(db, demo.event.id)
    other = next(r for r in rooms if r.id != s3.room_id)
    _publish(db, demo)
    sessions.update_session(db, s3.id, {"room_id": other.id}, expected_version=s3.version)
    [change] = versions.compare(db, demo.event.id).changes
    assert (change.kind, change.before, change.after) == (
        ChangeKind.ROOM,
        s3.room_name,
        other.name,
    )
    assert other.name in change.text()


def test_retitled_cancelled_and_reinstated(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    _publish(db, demo)
    sessions.update_session(db, s3.id, {"title": "Fakes online"}, expected_version=s3.version)
    row = sessions.set_cancelled(db, s3.id, True, expected_version=s3.version + 1)
    assert row.cancelled
    assert _kinds(db, demo) == [("cancelled", "S3"), ("retitled", "S3")]
    _publish(db, demo)
    sessions.set_cancelled(db, s3.id, False, expected_version=row.version)
    assert _kinds(db, demo) == [("reinstated", "S3")]


def test_cancelling_a_session_seen_at_an_old_version_is_refused(
    db: Database, demo: DemoResult
) -> None:
    s3 = _session(db, demo, "S3")
    sessions.update_session(db, s3.id, {"description": "x"}, expected_version=s3.version)
    with pytest.raises(ConcurrentEditError):
        sessions.set_cancelled(db, s3.id, True, expected_version=s3.version)
    assert not _session(db, demo, "S3").cancelled


def test_new_and_removed_sessions(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    in_s3 = {a.person_id for a in assignments.session_people(db, s3.id)}
    _publish(db, demo)
    sessions.delete_session(db, s3.id, expected_version=s3.version)
    sessions.create_session(db, demo.event.id, title="Late addition", code="S99")
    kinds = _kinds(db, demo)
    assert ("removed", "S3") in kinds and ("new", "S99") in kinds and len(kinds) == 2
    told = versions.compare(db, demo.event.id).people
    assert {p.person_id for p in told} == in_s3
    english = "You are no longer in S3 «" + s3.title + "»."
    russian = "Вы больше не участвуете в сессии S3 «" + s3.title + "»."
    assert all(p.lines == ((russian if p.language == "ru" else english),) for p in told)
    assert {p.language for p in told} == {"en", "ru"}


def test_people_added_removed_and_given_another_role(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    [first, second, *_rest] = assignments.session_people(db, s3.id)
    newcomer = people.create_person(
        db, family_name="Newcomer", given_name="Ann", email="ann@example.org", language="ru"
    )
    _publish(db, demo)
    version = s3.version
    assignments.unassign_person(db, s3.id, first.person_id, expected_version=version)
    version = _session(db, demo, "S3").version
    assignments.assign_person(db, s3.id, newcomer.id, Role.SPEAKER, expected_version=version)
    version = _session(db, demo, "S3").version
    other_role = Role.RAPPORTEUR if second.role != Role.RAPPORTEUR else Role.SPEAKER
    assignments.change_role(db, s3.id, second.person_id, other_role, expected_version=version)
    compared = versions.compare(db, demo.event.id)
    found = {(c.kind, c.person_id) for c in compared.changes}
    assert found == {
        (ChangeKind.PERSON_REMOVED, first.person_id),
        (ChangeKind.PERSON_ADDED, newcomer.id),
        (ChangeKind.ROLE, second.person_id),
    }
    told = {p.person_id: p for p in compared.people}
    assert set(told) == {first.person_id, newcomer.id, second.person_id}
    # the newcomer's language is Russian: their lines are in Russian
    assert told[newcomer.id].language == "ru"
    assert "S3" in told[newcomer.id].text and "You" not in told[newcomer.id].text


def test_an_undo_after_publishing_is_a_change(db: Database, demo: DemoResult) -> None:
    """The window's undo of a move calls the inverse move: after a publish it is a change."""
    s3 = _session(db, demo, "S3")
    assert s3.starts_at is not None
    previous = placing.move_session(db, s3.id, s3.starts_at + HOUR, expected_version=s3.version)
    _publish(db, demo)
    assert previous.starts_at is not None
    placing.move_session(
        db, s3.id, previous.starts_at, previous.room_id, expected_version=s3.version + 1
    )
    assert _kinds(db, demo) == [("moved", "S3")]
    assert _kinds(db, demo, 1) == [("moved", "S3")]
    assert versions.compare(db, demo.event.id, 1, 1).changes == []


def test_between_two_versions_ignores_what_came_after(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    _publish(db, demo)
    sessions.update_session(db, s3.id, {"title": "Second"}, expected_version=s3.version)
    _publish(db, demo)
    sessions.update_session(db, s3.id, {"title": "Third"}, expected_version=s3.version + 1)
    [change] = versions.compare(db, demo.event.id, 1, 2).changes
    assert change.session.title == "Second"


# --- the journal --------------------------------------------------------------------------------


def test_every_change_is_journalled_with_before_after_and_desk(
    db: Database, demo: DemoResult
) -> None:
    s3 = _session(db, demo, "S3")
    known = len(_journal(db))
    sessions.update_session(db, s3.id, {"title": "Renamed"}, expected_version=s3.version)
    [entry] = _journal(db)[known:]
    assert (entry.table_name, entry.kind, entry.desk) == ("program_sessions", "update", db.desk)
    assert json.loads(entry.before or "") == {"title": s3.title}
    assert json.loads(entry.after or "") == {"title": "Renamed"}
    assert json.loads(entry.record or "") == [s3.id]
    assert entry.event_id == demo.event.id


def test_an_assignment_is_journalled_under_its_event(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    first = assignments.session_people(db, s3.id)[0]
    known = len(_journal(db))
    assignments.unassign_person(db, s3.id, first.person_id, expected_version=s3.version)
    entries = [e for e in _journal(db)[known:] if e.table_name == "assignments"]
    assert [(e.kind, e.event_id) for e in entries] == [("delete", demo.event.id)]
    assert json.loads(entries[0].before or "")["person_id"] == first.person_id


def test_a_refused_write_leaves_no_journal_entry(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    sessions.update_session(db, s3.id, {"title": "One"}, expected_version=s3.version)
    known = len(_journal(db))
    with pytest.raises(ConcurrentEditError):
        sessions.update_session(db, s3.id, {"title": "Two"}, expected_version=s3.version)
    assert len(_journal(db)) == known


def test_an_import_is_one_journal_entry(db: Database) -> None:
    from forumdesk.services.demo import load_demo

    load_demo(db)  # the demo is loaded as an import: every session, room and person
    entries = _journal(db)
    bulk = [e for e in entries if e.kind == "bulk"]
    assert len(bulk) == 1
    assert all(e.kind != "insert" or e.table_name not in {"assignments"} for e in entries)
    counts = json.loads(bulk[0].after or "")["rows"]
    assert counts.get("assignments.insert", 0) > 10


def test_without_the_journal_nothing_is_written(db: Database, demo: DemoResult) -> None:
    s3 = _session(db, demo, "S3")
    known = len(_journal(db))
    db.journal.enabled = False
    sessions.update_session(db, s3.id, {"title": "Quiet"}, expected_version=s3.version)
    assert len(_journal(db)) == known


@pytest.mark.parametrize(
    ("stored", "language"),
    [
        ("ru", "ru"),
        ("RU-kz", "ru"),
        ("Russian", "ru"),
        ("русский", "ru"),
        ("en", "en"),
        (None, "en"),
        ("kk", "kk"),  # Kazakh has its catalogue (issue 17)
        ("de", "en"),  # a language without one: English
    ],
)
def test_letters_are_written_in_the_persons_language(stored: str | None, language: str) -> None:
    assert letter_language(stored) == language


def test_undoing_an_import_is_one_journal_entry_too(db: Database) -> None:
    from forumdesk.services.demo import load_demo
    from forumdesk.services.import_undo import undo_import

    loaded = load_demo(db, undoable=True)
    assert loaded.changes is not None
    known = len(_journal(db))
    undo_import(db, loaded.changes, what="demo")
    [entry] = _journal(db)[known:]
    assert (entry.kind, entry.table_name) == ("bulk", "*")
    assert json.loads(entry.after or "")["what"] == "undo demo"


def test_rooms_and_tracks_are_journalled(db: Database, demo: DemoResult) -> None:
    room = venue.list_rooms(db, demo.event.id)[0]
    track = venue.list_tracks(db, demo.event.id)[0]
    known = len(_journal(db))
    venue.update_room(db, room.id, {"name": "Renamed hall"}, expected_version=room.version)
    venue.update_track(db, track.id, {"name": "Renamed track"}, expected_version=track.version)
    entries = _journal(db)[known:]
    assert [(e.table_name, e.kind, json.loads(e.after or "")) for e in entries] == [
        ("rooms", "update", {"name": "Renamed hall"}),
        ("tracks", "update", {"name": "Renamed track"}),
    ]
    assert {e.event_id for e in entries} == {demo.event.id}
