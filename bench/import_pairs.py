"""The import against its floor, in pairs: robust to a shared machine's load.

`python -m bench --only import` measures the floor's runs, then the import's: when the load
changes between the two (other people's test runs on a 2-core machine), so does the ratio. Here
each timed import is paired with a timed floor right before it, in one process, and each pair
gives a ratio; the median of those ratios is the figure. CPU time (the process's own) is given
beside wall time: it hardly moves with other processes' load.

    python -m bench.import_pairs                  # 20,000 rows, 7 pairs
    python -m bench.import_pairs --rows 5000 --pairs 5

The floor is as in bench.scenarios.imports: python-calamine's parse of the file, plus bare
sqlite3 executemany of the very rows one import writes (read back from an untimed import), in
one transaction, with forumdesk's pragmas. Both run with the cycle collector paused, as the
import pauses it itself.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.attendees import write_attendee_xlsx
from bench.datasets import SEED, _import_target

# The tables an attendee import writes, parents first (the foreign keys are on)
_WRITTEN = ("organizations", "people", "registrations")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.import_pairs", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--pairs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="forumdesk-pairs-") as scratch:
        folder = Path(scratch)
        spreadsheet = write_attendee_xlsx(folder / "attendees.xlsx", args.rows, seed=SEED)
        template = _import_target(folder)
        written = _rows_an_import_writes(folder, spreadsheet, template)
        floor, imported = (
            _Floor(folder, spreadsheet, template, written),
            _Import(folder, spreadsheet, template),
        )
        floor.timed(), imported.timed()  # warm-up: imports, caches, the file in memory
        pairs = [(floor.timed(), imported.timed()) for _ in range(args.pairs)]
    wall = [i[0] / f[0] for f, i in pairs]
    cpu = [i[1] / f[1] for f, i in pairs]
    print(f"{args.rows:,} rows, {args.pairs} pairs (floor, then import)")
    for n, ((floor_wall, floor_cpu), (import_wall, import_cpu)) in enumerate(pairs, start=1):
        print(
            f"  pair {n}: floor {floor_wall * 1000:.0f} ms (cpu {floor_cpu * 1000:.0f}), "
            f"import {import_wall * 1000:.0f} ms (cpu {import_cpu * 1000:.0f}): "
            f"{wall[n - 1]:.2f}× wall, {cpu[n - 1]:.2f}× cpu"
        )
    print(
        f"median ratio: {statistics.median(wall):.2f}× wall "
        f"({min(wall):.2f}–{max(wall):.2f}), {statistics.median(cpu):.2f}× cpu "
        f"({min(cpu):.2f}–{max(cpu):.2f})"
    )


class _Timed:
    """A fresh copy of the target database for each run; the run itself timed."""

    def __init__(self, folder: Path, name: str, template: Path) -> None:
        self.target = folder / name
        self.template = template

    def fresh(self) -> Path:
        _remove(self.target)
        shutil.copyfile(self.template, self.target)
        return self.target

    def measure(self, action: Callable[[], object]) -> tuple[float, float]:
        gc.collect()
        enabled = gc.isenabled()
        gc.disable()
        try:
            wall, cpu = time.perf_counter(), time.process_time()
            action()
            return time.perf_counter() - wall, time.process_time() - cpu
        finally:
            if enabled:
                gc.enable()


class _Floor(_Timed):
    def __init__(
        self,
        folder: Path,
        spreadsheet: Path,
        template: Path,
        written: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
    ) -> None:
        super().__init__(folder, "floor.sqlite3", template)
        self.spreadsheet, self.written = spreadsheet, written

    def timed(self) -> tuple[float, float]:
        import python_calamine

        connection = sqlite3.connect(self.fresh(), isolation_level=None)
        # as forumdesk.db.engine sets them on every connection
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")

        def action() -> None:
            with self.spreadsheet.open("rb") as handle:
                workbook = python_calamine.CalamineWorkbook.from_filelike(handle)
                sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
                sheet.to_python(skip_empty_area=False)
            connection.execute("BEGIN IMMEDIATE")
            for table, (columns, rows) in self.written.items():
                marks = ", ".join("?" for _ in columns)
                connection.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )
            connection.execute("COMMIT")

        try:
            return self.measure(action)
        finally:
            connection.close()
            _remove(self.target)


class _Import(_Timed):
    def __init__(self, folder: Path, spreadsheet: Path, template: Path) -> None:
        super().__init__(folder, "import.sqlite3", template)
        self.spreadsheet = spreadsheet

    def timed(self) -> tuple[float, float]:
        from forumdesk.config import resolve_database_url
        from forumdesk.db.migrate import open_database
        from forumdesk.services.events import resolve_event
        from forumdesk.services.imports import import_attendees

        database = open_database(resolve_database_url(str(self.fresh())))
        event_id = resolve_event(database).id
        try:
            return self.measure(
                lambda: import_attendees(database, self.spreadsheet, event_id=event_id)
            )
        finally:
            database.dispose()
            _remove(self.target)


def _rows_an_import_writes(
    folder: Path, spreadsheet: Path, template: Path
) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Each written table's columns and the rows one import of the file adds (untimed)."""
    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database
    from forumdesk.services.events import resolve_event
    from forumdesk.services.imports import import_attendees

    target = folder / "source.sqlite3"
    shutil.copyfile(template, target)
    database = open_database(resolve_database_url(str(target)))
    try:
        import_attendees(database, spreadsheet, event_id=resolve_event(database).id)
    finally:
        database.dispose()
    before, after = _table_rows(template), _table_rows(target)
    _remove(target)
    return {
        table: (after[table][0], [row for row in after[table][1] if row not in before[table][1]])
        for table in _WRITTEN
    }


def _table_rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    connection = sqlite3.connect(path)
    try:
        found = {}
        for table in _WRITTEN:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            found[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        return found
    finally:
        connection.close()


def _remove(path: Path) -> None:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()


if __name__ == "__main__":
    main()
