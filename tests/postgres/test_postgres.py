"""The PostgreSQL path, against a real server: schema, services, concurrency, command line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import URL

from forumdesk import cli
from forumdesk.core.errors import ConcurrentEditError, ConflictError
from forumdesk.db.engine import Database
from forumdesk.db.migrate import head_revision, open_database
from forumdesk.db.models import Base
from forumdesk.services import agenda, events, people, sessions
from forumdesk.services.demo import load_demo

pytestmark = pytest.mark.postgres


def test_migrated_schema_equals_the_models(pg: Database) -> None:
    with pg.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == head_revision()


def test_demo_loads_once_and_searches_cyrillic(pg: Database) -> None:
    first = load_demo(pg)
    again = load_demo(pg)
    assert first.created and not again.created
    assert again.event.id == first.event.id
    listed = sessions.list_sessions(pg, first.event.id)
    assert {s.code for s in listed} >= {f"S{n}" for n in range(1, 11)}
    found = people.search_people(pg, "жаксыбек")
    assert [p.family_name for p in found] == ["Жаксыбекова"]


def test_the_agenda_reads_the_same_on_postgres(pg: Database) -> None:
    """The agenda's queries (each person once, through a union) work on PostgreSQL too."""
    event_id = load_demo(pg).event.id
    data = agenda.load_agenda(pg, event_id)
    assert [s.id for s in data.sessions] == [s.id for s in sessions.list_sessions(pg, event_id)]
    people_here = {link.person.id for s in data.sessions for link in s.people}
    people_here |= {r.person.id for r in data.registrations}
    assert people_here and set(data.people()) == people_here
    s1 = next(s for s in data.sessions if s.code == "S1")
    assert s1.moderators and s1.moderators == sessions.get_session(pg, s1.id).moderators


def test_constraints_hold_on_postgres(pg: Database) -> None:
    event = events.create_event(pg, "Forum", "2027-05-12", "2027-05-13", timezone="Asia/Almaty")
    other = events.create_event(pg, "Other", "2027-06-01", timezone="UTC")
    from forumdesk.services import venue

    foreign_room = venue.add_room(pg, other.id, "Hall X")
    created = sessions.create_session(pg, event.id, "Panel", code="S1")
    from forumdesk.db.models import ProgramSession

    with pytest.raises(ConflictError), pg.transaction() as session:
        record = session.get(ProgramSession, created.id)
        assert record is not None
        record.room_id = foreign_room.id  # the composite foreign key forbids another event's room
    with pytest.raises(ConflictError), pg.transaction() as session:
        record = session.get(ProgramSession, created.id)
        assert record is not None
        record.starts_at = dt.datetime(2027, 5, 12, 11)
        record.ends_at = dt.datetime(2027, 5, 12, 10)
    assert sessions.get_session(pg, created.id).room_id is None


def test_a_stale_edit_from_another_workstation_is_refused(postgres_url: URL) -> None:
    first, second = open_database(postgres_url), open_database(postgres_url)
    try:
        event = events.create_event(first, "Forum", "2027-05-12", timezone="Asia/Almaty")
        created = sessions.create_session(first, event.id, "Panel", code="S1")
        seen_by_second = sessions.get_session(second, created.id)
        sessions.update_session(
            first, created.id, {"title": "Panel on labelling"}, expected_version=None
        )
        with pytest.raises(ConcurrentEditError):
            sessions.update_session(
                second,
                created.id,
                {"title": "Panel on customs"},
                expected_version=seen_by_second.version,
            )
        assert sessions.get_session(second, created.id).title == "Panel on labelling"
    finally:
        first.dispose()
        second.dispose()


def test_command_line_on_postgres(postgres_url: URL, capsys: pytest.CaptureFixture[str]) -> None:
    url = postgres_url.render_as_string(hide_password=False)
    assert cli.main(["--db", url, "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", url, "sessions", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 17
    opening = next(s for s in listed if s["code"] == "P1")
    assert opening["start"] == "2021-11-25T10:00:00+06:00"
    assert opening["moderators"]
