"""A scan at the entrance desk, with forum L's 5,000 registrations, against a bare commit.

Each run scans the badge code of the next registered person (services.checkin.scan: parse,
check the code against the event's secret, read the person and the registration, store the
arrival, read it back), so every timed scan is a new arrival, as at the door at 9 o'clock. The
baseline is the least any saved scan costs: one raw INSERT and COMMIT through the same engine's
connection (same file, same pragmas: WAL, synchronous), in the same run. Both work on a copy of
the dataset.
"""

from __future__ import annotations

import shutil
from typing import Any

from bench.measure import Measured, repeat
from bench.worker import WorkerJob
from forumdesk.config import resolve_database_url
from forumdesk.core.enums import RegistrationStatus
from forumdesk.db.migrate import open_database
from forumdesk.services.assignments import event_registrations
from forumdesk.services.checkin import ScanOutcome, checkin_codes, scan
from forumdesk.services.events import resolve_event


def _copy(job: WorkerJob) -> Any:
    target = job.workdir / "checkin.sqlite3"
    shutil.copyfile(job.path("forum"), target)
    return open_database(resolve_database_url(str(target)))


def measure_scan(job: WorkerJob) -> Measured:
    db = _copy(job)
    try:
        event_id = resolve_event(db).id
        registered = [
            row.person_id
            for row in event_registrations(db, event_id)
            if row.status is not RegistrationStatus.CANCELLED
        ]
        codes = list(checkin_codes(db, event_id, registered).values())
        outcomes: list[ScanOutcome] = []

        def action() -> None:
            outcomes.append(scan(db, event_id, codes[len(outcomes) % len(codes)]).outcome)

        samples = repeat(action, job.runs, job.warmup)
        if any(outcome is not ScanOutcome.CHECKED_IN for outcome in outcomes):
            raise RuntimeError(f"a scan did not check in: {set(outcomes)}")
        return Measured(
            samples,
            notes=[f"{len(registered):,} registrations; each timed scan a new arrival"],
            extra={"registrations": len(registered)},
        )
    finally:
        db.dispose()


def measure_commit(job: WorkerJob) -> Measured:
    db = _copy(job)
    try:
        connection = db.engine.raw_connection()
        connection.execute("CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, value INTEGER)")
        connection.commit()
        written: list[int] = []

        def action() -> None:
            connection.execute("INSERT INTO bench_scratch (value) VALUES (?)", (len(written),))
            connection.commit()
            written.append(1)

        samples = repeat(action, job.runs, job.warmup)
        connection.close()
        return Measured(samples, notes=["one raw INSERT and COMMIT per run"])
    finally:
        db.dispose()
