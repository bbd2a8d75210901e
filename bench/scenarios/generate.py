"""How long the generator takes to write a forum (L: 300 sessions, 5,000 people, 20,000
assignments) into a fresh, migrated database. Not a target of the issue: the generator's own
promise is seconds, not minutes."""

from __future__ import annotations

import itertools
from pathlib import Path

from bench.generator import SIZES, generate_event
from bench.measure import Measured, repeat
from bench.worker import WorkerJob
from forumdesk.config import resolve_database_url
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database


def measure_generate(job: WorkerJob) -> Measured:
    size = SIZES[str(job.params.get("size", "L"))]
    numbers = itertools.count()
    state: dict[str, Database | Path] = {}

    def setup() -> None:
        path = job.workdir / f"generated-{next(numbers)}.sqlite3"
        state["path"] = path
        state["db"] = open_database(resolve_database_url(str(path)))

    def teardown() -> None:
        database = state.pop("db")
        assert isinstance(database, Database)
        database.dispose()
        path = state.pop("path")
        assert isinstance(path, Path)
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()

    def action() -> None:
        database = state["db"]
        assert isinstance(database, Database)
        generate_event(database, size)

    samples = repeat(action, job.runs, job.warmup, setup, teardown)
    return Measured(
        samples,
        notes=[
            f"size {size.name}: {size.sessions} sessions, {size.people:,} people, "
            f"{size.assignments:,} assignments, {size.days} days, {size.rooms} rooms"
        ],
    )
