"""busy_people: who is elsewhere while a session runs (the session editor shows it)."""

from __future__ import annotations

import datetime as dt

from forumdesk.db.engine import Database
from forumdesk.services import assignments, sessions
from forumdesk.services.demo import DemoResult


def _session(db: Database, event_id: int, code: str):  # type: ignore[no-untyped-def]
    return next(s for s in sessions.list_sessions(db, event_id) if s.code == code)


def test_busy_people_names_the_overlapping_sessions(db: Database, demo: DemoResult) -> None:
    from forumdesk.services.agenda import busy_people

    s1 = _session(db, demo.event.id, "S1")
    s2 = _session(db, demo.event.id, "S2")
    assert s1.starts_at is not None and s1.ends_at is not None
    s2_people = [row.person_id for row in assignments.session_people(db, s2.id)]
    busy = busy_people(
        db, demo.event.id, s2_people[:2], s1.starts_at, s1.ends_at, exclude_session_id=s1.id
    )
    # S2 runs at the same time as S1, so both people are busy in S2 with their roles
    assert set(busy) == set(s2_people[:2])
    assert all(items[0].session.id == s2.id for items in busy.values())
    later = s1.ends_at + dt.timedelta(hours=10)
    assert busy_people(db, demo.event.id, s2_people, later, later + dt.timedelta(hours=1)) == {}
