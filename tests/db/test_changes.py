"""Change detection between desks on one SQLite file: what another desk committed, only that."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forumdesk.config import resolve_database_url
from forumdesk.db.changes import ChangeSet, SqliteChangeDetector, notice_payloads, read_notice
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.db.models import Person
from forumdesk.services import assignments, people, sessions
from forumdesk.services.demo import DemoResult


@pytest.fixture
def other_desk(db_path: Path, demo: DemoResult) -> Iterator[Database]:
    other = open_database(resolve_database_url(str(db_path)))
    yield other
    other.dispose()


def test_a_quiet_database_reports_nothing(db: Database, demo: DemoResult) -> None:
    detector = SqliteChangeDetector(db)
    try:
        assert not detector.poll()
        assert not detector.poll()
    finally:
        detector.close()


def test_another_desks_edit_is_reported_by_table_and_id(
    db: Database, demo: DemoResult, other_desk: Database
) -> None:
    detector = SqliteChangeDetector(db)
    try:
        person = people.search_people(db)[0]
        people.update_person(other_desk, person.id, {"position": "Chair"}, expected_version=None)
        changes = detector.poll()
        assert changes.records == {"people": frozenset({person.id})}
        assert not detector.poll()  # reported once
    finally:
        detector.close()


def test_inserts_deletes_and_composite_keys_are_reported(
    db: Database, demo: DemoResult, other_desk: Database
) -> None:
    detector = SqliteChangeDetector(db)
    try:
        session = sessions.list_sessions(db, demo.event.id)[0]
        present = {a.person_id for a in assignments.session_people(db, session.id)}
        newcomer = next(p for p in people.search_people(db) if p.id not in present)
        assignments.assign_person(
            other_desk, session.id, newcomer.id, "speaker", expected_version=None
        )
        assert detector.poll().keys("assignments") == frozenset({(session.id, newcomer.id)})
        created = people.create_person(other_desk, "Новикова")
        people.delete_person(other_desk, created.id, expected_version=None)
        changes = detector.poll()
        # created and deleted between two polls: never seen, nothing to show
        assert created.id not in (changes.keys("people") or frozenset())
        another = people.create_person(other_desk, "Орлов")
        assert detector.poll().keys("people") == frozenset({another.id})
        people.delete_person(other_desk, another.id, expected_version=None)
        assert another.id in (detector.poll().keys("people") or frozenset())
    finally:
        detector.close()


def test_this_desks_own_commits_are_left_out(
    db: Database, demo: DemoResult, other_desk: Database
) -> None:
    detector = SqliteChangeDetector(db)
    try:
        mine, theirs = people.search_people(db)[:2]
        people.update_person(db, mine.id, {"position": "Mine"}, expected_version=None)
        assert not detector.poll()
        people.update_person(db, mine.id, {"position": "Mine again"}, expected_version=None)
        people.update_person(other_desk, theirs.id, {"position": "Theirs"}, expected_version=None)
        assert detector.poll().records == {"people": frozenset({theirs.id})}
        # another desk changing what this desk changed last is reported
        people.update_person(other_desk, mine.id, {"position": "Theirs now"}, expected_version=None)
        assert detector.poll().records == {"people": frozenset({mine.id})}
    finally:
        detector.close()


def test_change_sets_merge_and_a_whole_table_absorbs_keys() -> None:
    a = ChangeSet({"people": frozenset({1}), "rooms": frozenset({2})})
    b = ChangeSet({"people": frozenset({3}), "rooms": None})
    merged = a.merged(b)
    assert merged.records == {"people": frozenset({1, 3}), "rooms": None}
    assert merged.touches("rooms", 99) and merged.touches("people", 3)
    assert not merged.touches("people", 2) and not merged.touches("events", 1)


def test_notice_payloads_fit_postgres_and_read_back() -> None:
    keys = set(range(1, 5000))
    payloads = list(notice_payloads("desk-a", {"people": keys, "assignments": {(1, 2)}}))
    assert len(payloads) > 2
    assert all(len(p.encode()) < 8000 for p in payloads)
    read = [read_notice(p) for p in payloads]
    assert ("desk-a", "assignments", frozenset({(1, 2)})) in read
    found: set[object] = set()
    for notice in read:
        assert notice is not None
        if notice[1] == "people":
            assert notice[2] is not None
            found |= notice[2]
    assert found == keys
    assert read_notice('{"desk": "x", "table": "secrets", "keys": null}') is None
    assert read_notice("not json") is None


def test_a_rolled_back_write_of_this_desk_does_not_hide_another_desks(
    db: Database, demo: DemoResult, other_desk: Database
) -> None:
    detector = SqliteChangeDetector(db)
    try:
        person = people.search_people(db)[0]
        with pytest.raises(RuntimeError), db.transaction() as session:
            record = session.get(Person, person.id)
            assert record is not None
            record.position = "Never saved"
            session.flush()  # the version this desk would have left, had it committed
            raise RuntimeError("cancelled")
        # another desk leaves the record at that very version
        people.update_person(
            other_desk, person.id, {"position": "Saved elsewhere"}, expected_version=None
        )
        assert detector.poll().records == {"people": frozenset({person.id})}
    finally:
        detector.close()


def test_an_import_like_bulk_insert_is_reported_by_id(
    db: Database, demo: DemoResult, other_desk: Database
) -> None:
    detector = SqliteChangeDetector(db)
    try:
        with other_desk.transaction() as session:
            session.execute(
                Person.__table__.insert(),
                [
                    {"family_name": f"Bulk{n}", "display_name": f"Bulk{n}", "version": 1}
                    for n in range(3)
                ],
            )
        ids = {p.id for p in people.search_people(db) if p.family_name.startswith("Bulk")}
        assert len(ids) == 3
        assert detector.poll().records == {"people": frozenset(ids)}
    finally:
        detector.close()


def test_a_detector_started_without_records_reports_what_moved_meanwhile_as_a_whole(
    db: Database, demo: DemoResult, other_desk: Database
) -> None:
    detector = SqliteChangeDetector(db, snapshot=False)
    try:
        person = people.search_people(db)[0]
        people.update_person(
            other_desk, person.id, {"position": "Before the first poll"}, expected_version=None
        )
        assert detector.poll().records == {"people": None}
        people.update_person(other_desk, person.id, {"position": "After it"}, expected_version=None)
        assert detector.poll().records == {"people": frozenset({person.id})}
    finally:
        detector.close()


def test_another_desks_publish_and_journal_entries_are_reported_and_this_desks_are_not(
    db: Database, demo: DemoResult, other_desk: Database
) -> None:
    from sqlalchemy import func, select

    from forumdesk.db.models import JournalEntry
    from forumdesk.services import versions

    def last_entry() -> int:
        with db.reader() as session:
            return int(session.scalar(select(func.max(JournalEntry.id))) or 0)

    detector = SqliteChangeDetector(db)
    try:
        published = versions.publish_version(other_desk, demo.event.id, expected_latest=0)
        changes = detector.poll()
        assert changes.tables == {"programme_versions"}
        assert len(changes.keys("programme_versions") or ()) == 1
        assert published.number == 1

        session = sessions.list_sessions(db, demo.event.id)[0]
        sessions.update_session(
            other_desk, session.id, {"title": "Moved on"}, expected_version=None
        )
        changes = detector.poll()
        assert changes.keys("program_sessions") == frozenset({session.id})
        assert changes.keys("change_journal") == frozenset({last_entry()})

        # this desk's own: a publish, a journalled edit, and an import-like grouped entry
        versions.publish_version(db, demo.event.id, expected_latest=1)
        sessions.update_session(db, session.id, {"title": "Mine"}, expected_version=None)
        with db.transaction() as unit:
            from forumdesk.db.journal import as_one_entry
            from forumdesk.db.models import ProgramSession

            as_one_entry(unit, "import programme", demo.event.id)
            record = unit.get(ProgramSession, session.id)
            assert record is not None
            record.title = "Imported"
        assert not detector.poll()
    finally:
        detector.close()
