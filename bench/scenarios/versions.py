"""Versions of the programme (issue 18): what changed between two versions of L, and what the
change journal costs an edit.

- `measure_changes`: on a copy of forum L (300 sessions, 20,000 assignments), version 1 is
  published, 200 random edits are made through the services (moves, other rooms, titles,
  cancellations, people removed, other roles), version 2 is published; the figure is
  `versions.compare(…, 1, 2)`: reading both snapshots, comparing them, and writing every
  affected person's lines.
- `measure_edit`: 50 moves of random sessions through `placing.move_session`, each its own unit
  of work committed to the file, with the journal on (`journal` true) or off (the baseline, in
  the same run): the journal's INSERT is the only difference.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench.measure import Measured, repeat
from bench.worker import WorkerJob
from forumdesk.config import resolve_database_url
from forumdesk.core.enums import Role
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services.events import resolve_event

EDITS_BETWEEN_VERSIONS = 200
EDITS_PER_RUN = 50


def _copy(job: WorkerJob) -> Database:
    target = job.workdir / "forum.sqlite3"
    shutil.copyfile(job.path("forum"), target)
    return open_database(resolve_database_url(str(Path(target))))


def random_edits(db: Database, event_id: int, count: int, seed: int = 18) -> int:
    """`count` random edits of the programme through the services; returns how many changed
    something (an edit that does not apply, such as a role already held, is skipped)."""
    from forumdesk.services import assignments, placing, sessions, venue

    rng = random.Random(seed)
    rows = [s for s in sessions.list_sessions(db, event_id) if s.is_scheduled]
    rooms = [r.id for r in venue.list_rooms(db, event_id)]
    made = 0
    for _ in range(count):
        row = sessions.get_session(db, rng.choice(rows).id)
        kind = rng.choice(("move", "room", "title", "cancel", "unassign", "role"))
        if kind == "move" and row.starts_at is not None:
            shift = dt.timedelta(minutes=rng.choice((-60, -30, 30, 60, 24 * 60)))
            placing.move_session(db, row.id, row.starts_at + shift, expected_version=row.version)
        elif kind == "room" and not row.all_rooms:
            room = rng.choice([r for r in rooms if r != row.room_id])
            sessions.update_session(db, row.id, {"room_id": room}, expected_version=row.version)
        elif kind == "title":
            title = f"{row.title} ({rng.randint(1, 99)})"[:500]
            sessions.update_session(db, row.id, {"title": title}, expected_version=row.version)
        elif kind == "cancel":
            sessions.set_cancelled(db, row.id, not row.cancelled, expected_version=row.version)
        else:
            people = assignments.session_people(db, row.id)
            if not people:
                continue
            person = rng.choice(people)
            if kind == "unassign":
                assignments.unassign_person(
                    db, row.id, person.person_id, expected_version=row.version
                )
            else:
                role = rng.choice([r for r in Role if r != person.role])
                assignments.change_role(
                    db, row.id, person.person_id, role, expected_version=row.version
                )
        made += 1
    return made


def measure_changes(job: WorkerJob) -> Measured:
    from forumdesk.services import versions

    db = _copy(job)
    try:
        event_id = resolve_event(db).id
        versions.publish_version(db, event_id, "before", expected_latest=None)
        made = random_edits(db, event_id, EDITS_BETWEEN_VERSIONS)
        versions.publish_version(db, event_id, "after", expected_latest=None)
        found: list[versions.Comparison] = []
        samples = repeat(
            lambda: found.append(versions.compare(db, event_id, 1, 2)), job.runs, job.warmup
        )
        programme = versions.version_programme(db, event_id, 2)
    finally:
        db.dispose()
    compared = found[-1]
    return Measured(
        samples,
        notes=[
            f"{len(programme.sessions)} sessions, {len(programme.roles):,} assignments; "
            f"{made} edits; {len(compared.changes)} changes, "
            f"{len(compared.people):,} people to tell"
        ],
        extra={"changes": len(compared.changes), "people": len(compared.people)},
    )


def measure_edit(job: WorkerJob) -> Measured:
    """EDITS_PER_RUN session moves, each committed; the journal on or off (`journal`).

    Each timed run of this variant is paired with an untimed-for-the-table run of the other,
    in alternating order, so that the notes can give the ratio of the two measured side by side
    in one process (the table's ratio compares two processes, run one after the other on a
    machine that others share).
    """
    from forumdesk.services import placing, sessions

    journal = bool(job.params["journal"])
    db = _copy(job)
    try:
        event_id = resolve_event(db).id
        rows = [s for s in sessions.list_sessions(db, event_id) if s.is_scheduled]
        rng = random.Random(7)
        versions_of = {s.id: s.version for s in rows}
        starts = {s.id: s.starts_at for s in rows}
        forth = {s.id: True for s in rows}

        def edits() -> None:
            for _ in range(EDITS_PER_RUN):
                sid = rng.choice(rows).id
                shift = dt.timedelta(minutes=15 if forth[sid] else -15)
                start = starts[sid]
                assert start is not None
                placing.move_session(db, sid, start + shift, expected_version=versions_of[sid])
                starts[sid], forth[sid] = start + shift, not forth[sid]
                versions_of[sid] += 1

        other: list[float] = []
        turn = [0]

        def other_first() -> None:  # the other variant, before or after, in turn
            turn[0] += 1
            if turn[0] % 2:
                _timed_other(db, journal, edits, other)
            db.journal.enabled = journal

        def other_after() -> None:
            if not turn[0] % 2:
                _timed_other(db, journal, edits, other)
            db.journal.enabled = journal

        samples = repeat(edits, job.runs, job.warmup, setup=other_first, teardown=other_after)
    finally:
        db.dispose()
    mine, theirs = statistics.median(samples), statistics.median(other[job.warmup :] or other)
    on, off = (mine, theirs) if journal else (theirs, mine)
    return Measured(
        samples,
        notes=[
            f"{EDITS_PER_RUN} moves per run, each its own transaction; journal "
            + ("on" if journal else "off")
            + f"; side by side in this process: on/off = {on / off:.2f}×"
        ],
        extra={"side_by_side_ratio": on / off},
    )


def _timed_other(db: Database, journal: bool, edits: Callable[[], None], into: list[float]) -> None:
    db.journal.enabled = not journal
    start = time.perf_counter()
    edits()
    into.append(time.perf_counter() - start)
