"""Writes state the version they are based on, on the real PostgreSQL server: a stale one is
refused and changes nothing, a fresh one passes, and a record put back moves its version on."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from forumdesk.core.errors import ConcurrentEditError
from forumdesk.db.desks import application_name, other_desks
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services import placing, refusals, sessions, venue
from forumdesk.services.demo import load_demo
from forumdesk.services.records import change_time


def test_a_stale_room_deletion_is_refused_and_a_put_back_room_moves_on(pg: Database) -> None:
    event = load_demo(pg).event
    room = venue.list_rooms(pg, event.id)[0]
    venue.update_room(pg, room.id, {"capacity": 5}, expected_version=room.version)
    with pytest.raises(ConcurrentEditError):
        venue.delete_room(pg, room.id, expected_version=room.version)
    fresh = venue.list_rooms(pg, event.id)[0]
    assert (fresh.id, fresh.capacity) == (room.id, 5)
    snapshot = venue.delete_room(pg, room.id, expected_version=fresh.version)
    back = venue.restore_room(pg, snapshot)
    assert back.version == fresh.version + 1
    with pytest.raises(ConcurrentEditError):  # an old copy cannot write to the room put back
        venue.update_room(pg, room.id, {"name": "Old copy"}, expected_version=fresh.version)
    assert venue.list_rooms(pg, event.id)[0].name == room.name


def test_a_stale_track_edit_and_session_deletion_are_refused(pg: Database) -> None:
    event = load_demo(pg).event
    track = venue.list_tracks(pg, event.id)[0]
    venue.update_track(pg, track.id, {"color": "#123456"}, expected_version=track.version)
    with pytest.raises(ConcurrentEditError):
        venue.update_track(pg, track.id, {"name": "Stale"}, expected_version=track.version)
    assert venue.list_tracks(pg, event.id)[0].name == track.name
    with pytest.raises(ConcurrentEditError):
        venue.delete_track(pg, track.id, expected_version=track.version)

    row = sessions.list_sessions(pg, event.id)[0]
    sessions.update_session(pg, row.id, {"title": "Changed elsewhere"}, expected_version=None)
    with pytest.raises(ConcurrentEditError):
        sessions.delete_sessions(pg, [row.id], expected_versions={row.id: row.version})
    assert sessions.get_session(pg, row.id).title == "Changed elsewhere"
    fresh = sessions.get_session(pg, row.id)
    snapshots = sessions.delete_sessions(pg, [row.id], expected_versions={row.id: fresh.version})
    assert sessions.restore_sessions(pg, snapshots)[0].version == fresh.version + 1


def test_an_undo_of_a_move_based_on_the_version_it_left_is_refused_once_moved_on(
    pg: Database,
) -> None:
    event = load_demo(pg).event
    row = next(s for s in sessions.list_sessions(pg, event.id) if s.starts_at is not None)
    assert row.starts_at is not None
    left: dict[int, int] = {}
    previous = placing.move_session(
        pg,
        row.id,
        row.starts_at + dt.timedelta(hours=1),
        expected_version=row.version,
        left_versions=left,
    )
    assert left[row.id] == sessions.get_session(pg, row.id).version
    placing.resize_session(
        pg, row.id, row.starts_at + dt.timedelta(hours=4), expected_version=None
    )  # another desk
    with pytest.raises(ConcurrentEditError):
        placing.place_session(pg, row.id, previous, expected_version=left[row.id])
    assert sessions.get_session(pg, row.id).ends_at == row.starts_at + dt.timedelta(hours=4)
    fresh = sessions.get_session(pg, row.id).version
    placing.place_session(pg, row.id, previous, expected_version=fresh)
    assert sessions.get_session(pg, row.id).starts_at == row.starts_at


def test_a_stale_move_on_the_server_says_when_and_from_which_desk(
    pg: Database, postgres_url: URL
) -> None:
    """Two desks on the real server, named: the refusal names the desk that moved the session,
    and the server knows each desk by its name, also after a desk is renamed."""
    event = load_demo(pg).event
    pg.rename_desk("reception-1")
    other = open_database(postgres_url, desk="reception-2")
    try:
        seen = next(s for s in sessions.list_sessions(other, event.id) if s.code == "S3")
        assert seen.starts_at is not None
        placing.move_session(
            pg, seen.id, seen.starts_at + dt.timedelta(hours=2), expected_version=seen.version
        )
        moved = sessions.get_session(pg, seen.id)
        assert moved.updated_by == "reception-1" and moved.updated_at is not None
        with pytest.raises(ConcurrentEditError) as caught:
            placing.move_session(
                other,
                seen.id,
                seen.starts_at + dt.timedelta(hours=1),
                expected_version=seen.version,
            )
        message = str(refusals.session_refusal(other, caught.value, seen))
        assert message.startswith(
            f"S3 was moved to Hall C, 2021-11-25 15:00–16:30 at {change_time(moved.updated_at)}"
            " from the desk reception-1."
        )
        assert sessions.get_session(pg, seen.id) == moved

        other.rename_desk("press-centre")
        with other.reader() as session:
            name = session.execute(text("SHOW application_name")).scalar_one()
        assert name == application_name("press-centre")
        with pg.reader() as session:
            assert "press-centre" in other_desks(session.connection())
    finally:
        other.dispose()


def test_a_write_that_loses_the_race_to_another_desks_commit_names_that_desk(
    pg: Database, postgres_url: URL
) -> None:
    """Between this desk's version check and its UPDATE another desk commits (READ COMMITTED
    lets it): the database refuses the UPDATE (StaleDataError), and the refusal still says
    which record, when and from which desk, and nothing of this unit of work is kept."""
    from forumdesk.db.models import ProgramSession

    event = load_demo(pg).event
    pg.rename_desk("reception-1")
    other = open_database(postgres_url, desk="reception-2")
    try:
        row = next(s for s in sessions.list_sessions(pg, event.id) if s.code == "S3")
        with pytest.raises(ConcurrentEditError) as caught, pg.transaction() as session:
            record = session.get(ProgramSession, row.id)
            assert record is not None and record.version == row.version  # checked: as seen
            sessions.update_session(
                other, row.id, {"title": "Renamed at the other desk"}, expected_version=row.version
            )
            record.title = "Renamed here"
            session.flush()
        moved = sessions.get_session(pg, row.id)
        assert moved.title == "Renamed at the other desk" and moved.updated_by == "reception-2"
        error = caught.value
        assert (error.what, error.record_id, error.changed_by) == ("session", row.id, "reception-2")
        assert str(error).startswith(
            f"S3 was changed at {change_time(moved.updated_at)} from the desk reception-2."
        )
    finally:
        other.dispose()


def test_a_record_another_desk_took_away_meanwhile_is_explained_by_its_session(
    pg: Database, postgres_url: URL
) -> None:
    """This desk deletes a person's assignment while another desk takes that person out of the
    session first: the DELETE matches no row, and the refusal names the session the other
    desk changed, when and from which desk (the assignment itself is gone and has no name)."""
    from sqlalchemy import select

    from forumdesk.db.models import Assignment
    from forumdesk.services import assignments

    event = load_demo(pg).event
    other = open_database(postgres_url, desk="reception-2")
    try:
        row = next(s for s in sessions.list_sessions(pg, event.id) if s.code == "S3")
        person_id = assignments.session_people(pg, row.id)[0].person_id
        with pytest.raises(ConcurrentEditError) as caught, pg.transaction() as session:
            query = select(Assignment).where(
                Assignment.session_id == row.id, Assignment.person_id == person_id
            )
            assignment = session.execute(query).scalar_one()
            assignments.unassign_person(other, row.id, person_id, expected_version=None)
            session.delete(assignment)
            session.flush()
        changed = sessions.get_session(pg, row.id)
        assert changed.updated_by == "reception-2"
        assert (caught.value.what, caught.value.changed_by) == ("session", "reception-2")
        assert str(caught.value).startswith(
            f"S3 was changed at {change_time(changed.updated_at)} from the desk reception-2."
        )
        assert person_id not in {p.person_id for p in assignments.session_people(pg, row.id)}
    finally:
        other.dispose()
