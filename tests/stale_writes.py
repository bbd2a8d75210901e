"""Every write path of the window, as a case the stale-write tests run on SQLite and PostgreSQL.

A case reads what the user sees (`seen`), another desk changes the record meanwhile
(`meddle`, a write that states no version), and the write based on what was seen must then be
refused and change nothing; read again, the same write passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.rows import Placement, SessionRow
from forumdesk.db.engine import Database
from forumdesk.db.models import Base
from forumdesk.services import (
    assignments,
    availability,
    events,
    people,
    placing,
    problems,
    session_editing,
    sessions,
    venue,
    versions,
)
from forumdesk.services.demo import DemoResult

HOUR = dt.timedelta(hours=1)


@dataclass(frozen=True)
class WritePath:
    name: str
    seen: Callable[[Database, DemoResult], Any]  # what the user saw (a version, a row…)
    meddle: Callable[[Database, DemoResult], object]  # another desk's change meanwhile
    write: Callable[[Database, DemoResult, Any], object]  # the write based on `seen`


def everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The whole database, table by table: what "nothing changed" is checked against."""
    with db.reader() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


# --- what the cases work on -------------------------------------------------------------------


def s3(db: Database, demo: DemoResult) -> SessionRow:
    return next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")


def _touch_s3(db: Database, demo: DemoResult) -> None:
    sessions.update_session(
        db, s3(db, demo).id, {"description": "Changed at desk 2"}, expected_version=None
    )


def _person(db: Database, demo: DemoResult, n: int = 0) -> Any:
    ids = sorted(a.person_id for a in assignments.session_people(db, s3(db, demo).id))
    return people.get_person(db, ids[n])


def _newcomer(db: Database) -> Any:
    found = people.find_person_by_email(db, "newcomer@example.org")
    return found or people.create_person(db, family_name="Newcomer", email="newcomer@example.org")


def _touch_person(db: Database, demo: DemoResult) -> None:
    person = _person(db, demo)
    people.update_person(db, person.id, {"notes": "Changed at desk 2"}, expected_version=None)


def _organisation(db: Database) -> Any:
    return people.list_organizations(db)[0]


def _room(db: Database, demo: DemoResult) -> Any:
    return venue.list_rooms(db, demo.event.id)[0]


def _track(db: Database, demo: DemoResult) -> Any:
    return venue.list_tracks(db, demo.event.id)[0]


def _period(db: Database, demo: DemoResult) -> Any:
    found = availability.list_unavailability(db, demo.event.id)
    if found:
        return found[0]
    start = dt.datetime.combine(demo.event.first_day, dt.time(8, 0))
    return availability.add_unavailability(
        db, demo.event.id, _person(db, demo).id, start, start + HOUR, "Dentist"
    )


def _problem(db: Database, demo: DemoResult) -> Any:
    return problems.check_event(db, demo.event.id)[0]


def _statuses(db: Database, demo: DemoResult) -> dict[int, RegistrationStatus | None]:
    person = _person(db, demo)
    found = {r.person_id: r.status for r in assignments.event_registrations(db, demo.event.id)}
    return {person.id: found.get(person.id)}


def _meddle_registration(db: Database, demo: DemoResult) -> None:
    person = _person(db, demo)
    assignments.register_people(
        db, demo.event.id, [person.id], RegistrationStatus.CANCELLED, expected_statuses=None
    )


def _meddle_acceptance(db: Database, demo: DemoResult) -> None:
    problem = _problem(db, demo)
    problems.accept_problems(
        db, demo.event.id, [(problem.key, problem.fingerprint)], "Desk 2", expected=None
    )


def _later(row: SessionRow) -> dt.datetime:
    assert row.starts_at is not None
    return row.starts_at + 2 * HOUR


# --- the cases --------------------------------------------------------------------------------

_SESSION = dict(seen=lambda db, d: s3(db, d).version, meddle=_touch_s3)

WRITE_PATHS = [
    WritePath(
        "session fields",
        write=lambda db, d, v: sessions.update_session(
            db, s3(db, d).id, {"title": "Mine"}, expected_version=v
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "session editor",
        write=lambda db, d, v: session_editing.save_session(
            db,
            s3(db, d).id,
            session_editing.SessionEdit({"title": "Mine"}),
            expected_version=v,
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "place",
        write=lambda db, d, v: placing.place_session(
            db, s3(db, d).id, Placement(None, None, None), expected_version=v
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "move",
        write=lambda db, d, v: placing.move_session(
            db, s3(db, d).id, _later(s3(db, d)), expected_version=v
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "resize",
        write=lambda db, d, v: placing.resize_session(
            db, s3(db, d).id, _later(s3(db, d)), expected_version=v
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "schedule",
        write=lambda db, d, v: placing.schedule_sessions(
            db,
            [s3(db, d).id],
            s3(db, d).room_id,
            _later(s3(db, d)),
            expected_versions={s3(db, d).id: v},
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "take off the timetable",
        write=lambda db, d, v: placing.unschedule_sessions(
            db, [s3(db, d).id], expected_versions={s3(db, d).id: v}
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "delete session",
        write=lambda db, d, v: sessions.delete_sessions(
            db, [s3(db, d).id], expected_versions={s3(db, d).id: v}
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "assign",
        write=lambda db, d, v: assignments.assign_people(
            db, s3(db, d).id, [_newcomer(db).id], Role.SPEAKER, expected_version=v
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "unassign",
        write=lambda db, d, v: assignments.unassign_people(
            db, s3(db, d).id, [_person(db, d).id], expected_version=v
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "change role",
        write=lambda db, d, v: assignments.change_role(
            db, s3(db, d).id, _person(db, d).id, Role.RAPPORTEUR, expected_version=v
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "reorder people",
        write=lambda db, d, v: assignments.reorder_people(
            db,
            s3(db, d).id,
            [a.person_id for a in assignments.session_people(db, s3(db, d).id)][::-1],
            expected_version=v,
        ),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "person",
        seen=lambda db, d: _person(db, d).version,
        meddle=_touch_person,
        write=lambda db, d, v: people.update_person(
            db, _person(db, d).id, {"position": "Mine"}, expected_version=v
        ),
    ),
    WritePath(
        "delete person",
        seen=lambda db, d: _person(db, d).version,
        meddle=_touch_person,
        write=lambda db, d, v: people.delete_people(
            db, [_person(db, d).id], expected_versions={_person(db, d).id: v}
        ),
    ),
    WritePath(
        "organisation",
        seen=lambda db, d: _organisation(db).version,
        meddle=lambda db, d: people.update_organization(
            db, _organisation(db).id, {"country": "Kazakhstan"}, expected_version=None
        ),
        write=lambda db, d, v: people.update_organization(
            db, _organisation(db).id, {"name": "Mine"}, expected_version=v
        ),
    ),
    WritePath(
        "delete organisation",
        seen=lambda db, d: _organisation(db).version,
        meddle=lambda db, d: people.update_organization(
            db, _organisation(db).id, {"country": "Kazakhstan"}, expected_version=None
        ),
        write=lambda db, d, v: people.delete_organization(
            db, _organisation(db).id, expected_version=v
        ),
    ),
    WritePath(
        "room",
        seen=lambda db, d: _room(db, d).version,
        meddle=lambda db, d: venue.update_room(
            db, _room(db, d).id, {"capacity": 7}, expected_version=None
        ),
        write=lambda db, d, v: venue.update_room(
            db, _room(db, d).id, {"name": "Mine"}, expected_version=v
        ),
    ),
    WritePath(
        "delete room",
        seen=lambda db, d: _room(db, d).version,
        meddle=lambda db, d: venue.update_room(
            db, _room(db, d).id, {"capacity": 7}, expected_version=None
        ),
        write=lambda db, d, v: venue.delete_room(db, _room(db, d).id, expected_version=v),
    ),
    WritePath(
        "reorder rooms",
        seen=lambda db, d: {r.id: r.version for r in venue.list_rooms(db, d.event.id)},
        meddle=lambda db, d: venue.update_room(
            db, _room(db, d).id, {"capacity": 7}, expected_version=None
        ),
        write=lambda db, d, v: venue.reorder_rooms(
            db, d.event.id, list(v)[::-1], expected_versions=v
        ),
    ),
    WritePath(
        "track",
        seen=lambda db, d: _track(db, d).version,
        meddle=lambda db, d: venue.update_track(
            db, _track(db, d).id, {"color": "#123456"}, expected_version=None
        ),
        write=lambda db, d, v: venue.update_track(
            db, _track(db, d).id, {"name": "Mine"}, expected_version=v
        ),
    ),
    WritePath(
        "delete track",
        seen=lambda db, d: _track(db, d).version,
        meddle=lambda db, d: venue.update_track(
            db, _track(db, d).id, {"color": "#123456"}, expected_version=None
        ),
        write=lambda db, d, v: venue.delete_track(db, _track(db, d).id, expected_version=v),
    ),
    WritePath(
        "reorder tracks",
        seen=lambda db, d: {t.id: t.version for t in venue.list_tracks(db, d.event.id)},
        meddle=lambda db, d: venue.update_track(
            db, _track(db, d).id, {"color": "#123456"}, expected_version=None
        ),
        write=lambda db, d, v: venue.reorder_tracks(
            db, d.event.id, list(v)[::-1], expected_versions=v
        ),
    ),
    WritePath(
        "event settings",
        seen=lambda db, d: events.get_event(db, d.event.id).version,
        meddle=lambda db, d: events.update_event(
            db, d.event.id, {"description": "Desk 2"}, expected_version=None
        ),
        write=lambda db, d, v: events.update_event(
            db, d.event.id, {"name": "Mine"}, expected_version=v
        ),
    ),
    WritePath(
        "availability",
        seen=lambda db, d: _period(db, d).version,
        meddle=lambda db, d: availability.update_unavailability(
            db, _period(db, d).id, {"note": "Desk 2"}, expected_version=None
        ),
        write=lambda db, d, v: availability.update_unavailability(
            db, _period(db, d).id, {"note": "Mine"}, expected_version=v
        ),
    ),
    WritePath(
        "delete availability",
        seen=lambda db, d: _period(db, d).version,
        meddle=lambda db, d: availability.update_unavailability(
            db, _period(db, d).id, {"note": "Desk 2"}, expected_version=None
        ),
        write=lambda db, d, v: availability.delete_unavailability(
            db, _period(db, d).id, expected_version=v
        ),
    ),
    WritePath(
        "registration",
        seen=_statuses,
        meddle=_meddle_registration,
        write=lambda db, d, v: assignments.register_people(
            db, d.event.id, list(v), RegistrationStatus.ATTENDED, expected_statuses=v
        ),
    ),
    WritePath(
        "withdraw registration",
        seen=_statuses,
        meddle=_meddle_registration,
        write=lambda db, d, v: assignments.unregister_people(
            db, d.event.id, list(v), expected_statuses=v
        ),
    ),
    WritePath(
        "accept problem",
        seen=lambda db, d: _problem(db, d),
        meddle=_meddle_acceptance,
        write=lambda db, d, p: problems.accept_problems(
            db, d.event.id, [(p.key, p.fingerprint)], "Mine", expected={p.key: p.acceptance}
        ),
    ),
    WritePath(
        "withdraw acceptance",
        seen=lambda db, d: _problem(db, d),
        meddle=_meddle_acceptance,
        write=lambda db, d, p: problems.unaccept_problems(
            db, d.event.id, [p.key], expected={p.key: p.acceptance}
        ),
    ),
    WritePath(
        "cancel session",
        write=lambda db, d, v: sessions.set_cancelled(db, s3(db, d).id, True, expected_version=v),
        **_SESSION,  # type: ignore[arg-type]
    ),
    WritePath(
        "publish version",
        # what the user saw: the number of the latest version; another desk publishes meanwhile
        seen=lambda db, d: len(versions.list_versions(db, d.event.id)),
        meddle=lambda db, d: versions.publish_version(db, d.event.id, expected_latest=None),
        write=lambda db, d, n: versions.publish_version(db, d.event.id, expected_latest=n),
    ),
]


def prepare(db: Database, demo: DemoResult) -> None:
    """What every case needs before the user looks: a newcomer, an unavailability period."""
    _newcomer(db)
    _period(db, demo)
