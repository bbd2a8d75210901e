"""Importing a 20,000-row attendee spreadsheet, against python-calamine parsing the same file.

Each run imports into a fresh copy of a database holding the event and no people yet, and
registers everyone for the event: the whole import a user starts (reading, mapping, cleaning,
matching, one transaction of bulk inserts). The baseline reads the same file the way forumdesk's
reader does (from_filelike, then to_python) and nothing more: what no import can go below.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from bench.measure import Measured, repeat
from bench.worker import WorkerJob
from forumdesk.config import resolve_database_url
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services.events import resolve_event


def measure_import(job: WorkerJob) -> Measured:
    from forumdesk.services.imports import import_attendees

    spreadsheet = job.path("attendees")
    template = job.path("import-target")
    state: dict[str, Any] = {}
    summaries: list[Any] = []

    def setup() -> None:
        target = job.workdir / "import.sqlite3"
        _remove(target)
        shutil.copyfile(template, target)
        database = open_database(resolve_database_url(str(target)))
        state.update(db=database, event_id=resolve_event(database).id, path=target)

    def action() -> None:
        summaries.append(import_attendees(state["db"], spreadsheet, event_id=state["event_id"]))

    def teardown() -> None:
        database: Database = state.pop("db")
        database.dispose()
        _remove(state.pop("path"))

    samples = repeat(action, job.runs, job.warmup, setup, teardown)
    last = summaries[-1]
    if not last.written:
        raise RuntimeError(f"the import wrote nothing: {last.rejected} rows rejected")
    return Measured(
        samples,
        notes=[
            f"{last.rows:,} rows: {last.created:,} people created, {last.registered:,} registered"
        ],
        extra={"created": last.created, "rows": last.rows},
    )


def measure_calamine(job: WorkerJob) -> Measured:
    import python_calamine

    spreadsheet = job.path("attendees")
    sizes: list[int] = []

    def action() -> None:
        with spreadsheet.open("rb") as handle:
            workbook = python_calamine.CalamineWorkbook.from_filelike(handle)
            sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
            sizes.append(len(sheet.to_python(skip_empty_area=False)))

    samples = repeat(action, job.runs, job.warmup)
    return Measured(samples, notes=[f"calamine read {sizes[-1]:,} rows"])


def _remove(path: Path) -> None:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
