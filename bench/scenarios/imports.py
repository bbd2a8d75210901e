"""Importing a 20,000-row attendee spreadsheet, against the floor of any import of that file.

Each run imports into a fresh copy of a database holding the event and no people yet, and
registers everyone for the event: the whole import a user starts (reading, mapping, cleaning,
matching, one transaction of bulk inserts). The baseline is the floor (issue 16, item 8): the
same file read the way forumdesk's reader reads it (python-calamine's from_filelike, then
to_python), plus the very rows the import writes (organisations, people, registrations, read
back from one untimed import beforehand) inserted with bare `sqlite3` executemany, in one
transaction, into a fresh copy of the same database, with the pragmas forumdesk's engine sets.
What no import of the file can go below; the floor's notes give its parse and its inserts apart.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

from bench.measure import Measured, format_seconds, repeat
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


# The tables an attendee import writes, parents first (the foreign keys are on)
WRITTEN_TABLES = ("organizations", "people", "registrations")


def measure_floor(job: WorkerJob) -> Measured:
    """Parse the file and insert, bare, the rows the import writes: the import's floor."""
    import python_calamine

    spreadsheet = job.path("attendees")
    template = job.path("import-target")
    written = _rows_an_import_writes(job, spreadsheet, template)
    state: dict[str, Any] = {}
    parse_times: list[float] = []
    insert_times: list[float] = []
    sizes: list[int] = []

    def setup() -> None:
        target = job.workdir / "floor.sqlite3"
        _remove(target)
        shutil.copyfile(template, target)
        connection = sqlite3.connect(target, isolation_level=None)
        # as forumdesk.db.engine sets them on every connection
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        state.update(connection=connection, path=target)

    def action() -> None:
        start = time.perf_counter()
        with spreadsheet.open("rb") as handle:
            workbook = python_calamine.CalamineWorkbook.from_filelike(handle)
            sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
            sizes.append(len(sheet.to_python(skip_empty_area=False)))
        parsed = time.perf_counter()
        connection: sqlite3.Connection = state["connection"]
        connection.execute("BEGIN IMMEDIATE")
        for table, (columns, rows) in written.items():
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
            )
        connection.execute("COMMIT")
        parse_times.append(parsed - start)
        insert_times.append(time.perf_counter() - parsed)

    def teardown() -> None:
        state.pop("connection").close()
        _remove(state.pop("path"))

    samples = repeat(action, job.runs, job.warmup, setup, teardown)
    runs = slice(job.warmup, None)  # the warm-up's parts are not figures
    parse = statistics.median(parse_times[runs])
    inserts = statistics.median(insert_times[runs])
    counts = ", ".join(f"{len(rows):,} {table}" for table, (_c, rows) in written.items())
    return Measured(
        samples,
        notes=[
            f"floor = calamine parse {format_seconds(parse)} (read {sizes[-1]:,} rows) + bare "
            f"sqlite3 inserts {format_seconds(inserts)} ({counts}); "
            f"floor / parse = {statistics.median(samples) / parse:.2f}×"
        ],
        extra={"parse_seconds": parse, "insert_seconds": inserts},
    )


def _rows_an_import_writes(
    job: WorkerJob, spreadsheet: Path, template: Path
) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Each table's columns and the rows one import of the file adds to it (untimed)."""
    from forumdesk.services.imports import import_attendees

    target = job.workdir / "floor-source.sqlite3"
    _remove(target)
    shutil.copyfile(template, target)
    before = _table_rows(target)
    database = open_database(resolve_database_url(str(target)))
    try:
        import_attendees(database, spreadsheet, event_id=resolve_event(database).id)
    finally:
        database.dispose()
    after = _table_rows(target)
    _remove(target)
    written = {}
    for table in WRITTEN_TABLES:
        columns, rows = after[table]
        old = set(before[table][1])
        written[table] = (columns, [row for row in rows if row not in old])
    changed = {t for t in after if t not in WRITTEN_TABLES and t != "sqlite_sequence"}
    changed = {t for t in changed if after[t] != before.get(t)}
    if changed or not written["people"][1]:
        raise RuntimeError(f"the import wrote other tables than {WRITTEN_TABLES}: {changed}")
    return written


def _table_rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        found = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            columns = [d[0] for d in cursor.description]
            found[table] = (columns, cursor.fetchall())
        return found
    finally:
        connection.close()


def _remove(path: Path) -> None:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
