"""Live refresh on PostgreSQL: a commit tells the other desks what it changed (NOTIFY in the same
transaction), a desk LISTENs without blocking, a rolled-back write tells nobody, and two windows
on one server show each other's changes."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from forumdesk.db.changes import ChangeSet, PostgresChangeDetector
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.db.models import Person
from forumdesk.services import people, sessions
from forumdesk.services.demo import load_demo
from forumdesk.ui.commands.placement import MoveSessionCommand
from forumdesk.ui.main_window import MainWindow
from tests.ui.conftest import isolated_settings  # noqa: F401 - QSettings kept in tmp_path
from tests.ui.prompts import ScriptedPrompts

pytestmark = pytest.mark.postgres


def _poll_until(detector: PostgresChangeDetector, wanted: str, seconds: float = 2.0) -> ChangeSet:
    deadline = time.monotonic() + seconds
    changes = ChangeSet()
    while time.monotonic() < deadline:
        changes = changes.merged(detector.poll())
        if wanted in changes.tables:
            return changes
        time.sleep(0.02)
    return changes


def test_a_commit_on_one_desk_is_announced_to_the_other(pg: Database, postgres_url: URL) -> None:
    load_demo(pg)
    other = open_database(postgres_url)
    detector = PostgresChangeDetector(pg)
    try:
        assert not detector.poll()  # nothing waiting: returns at once
        person = people.search_people(other)[0]
        people.update_person(other, person.id, {"position": "Chair"}, expected_version=None)
        changes = _poll_until(detector, "people")
        assert changes.keys("people") == frozenset({person.id})
        # this desk's own commit is not announced back to it
        people.update_person(pg, person.id, {"position": "Mine"}, expected_version=None)
        time.sleep(0.2)
        assert not detector.poll()
    finally:
        detector.close()
        other.dispose()


def test_a_rolled_back_write_announces_nothing(pg: Database, postgres_url: URL) -> None:
    load_demo(pg)
    other = open_database(postgres_url)
    detector = PostgresChangeDetector(pg)
    try:
        person = people.search_people(other)[0]
        with pytest.raises(RuntimeError), other.transaction() as session:
            record = session.get(Person, person.id)
            assert record is not None
            record.position = "Never saved"
            session.flush()
            raise RuntimeError("cancelled")
        time.sleep(0.3)
        assert not detector.poll()
        with other.transaction() as session:  # a bulk statement: the whole table
            session.execute(
                Person.__table__.update().where(Person.id == person.id).values(position="Bulk")
            )
        assert _poll_until(detector, "people").keys("people") is None
    finally:
        detector.close()
        other.dispose()


def test_two_windows_on_one_server_show_each_others_moves(
    qtbot: QtBot, pg: Database, postgres_url: URL
) -> None:
    prompts = ScriptedPrompts()
    load_demo(pg)
    other = open_database(postgres_url)
    windows = [MainWindow(pg, prompts=prompts), MainWindow(other, prompts=prompts)]
    try:
        for window in windows:
            qtbot.addWidget(window)
            window.show()
        desk_a, desk_b = windows
        qtbot.waitUntil(lambda: desk_b.live_refresh.ready, timeout=2000)
        scheduled = sorted(
            r.id for r in desk_b.timetable_page.rows.values() if r.starts_at is not None
        )
        first, chosen = scheduled[:2]
        assert desk_b.timetable_page.view.select_session(chosen)
        row = desk_a.timetable_page.rows[first]
        assert row.starts_at is not None
        later = row.starts_at + dt.timedelta(minutes=30)
        assert desk_a.ctx.run(MoveSessionCommand(desk_a.ctx, "Move", row, None, later))
        qtbot.waitUntil(lambda: desk_b.timetable_page.rows[first].starts_at == later, timeout=2000)
        assert desk_b.timetable_page.view.selected_session_ids() == [chosen]
        assert sessions.get_session(other, first).starts_at == later
    finally:
        for window in windows:
            window.close()
        qtbot.wait(100)  # what the closing windows still read, read before the engines go
        other.dispose()
        pg.dispose()
