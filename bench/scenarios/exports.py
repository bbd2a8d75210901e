"""The full agenda export of L, against an openpyxl write-only dump of the same cells.

The export writes every part (programme, grids, sign-in sheets, door signs, personal agendas,
people list) with its styles, merges, row heights and page setup. The baseline writes the very
values that export produced (read back from it beforehand, untimed) into as many sheets with
openpyxl's write-only mode and no formatting: the cost of getting that many cells into an .xlsx
at all.
"""

from __future__ import annotations

from pathlib import Path

from bench.measure import Measured, repeat
from bench.worker import WorkerJob
from forumdesk.config import resolve_database_url
from forumdesk.db.migrate import open_database
from forumdesk.services.events import resolve_event

Sheets = list[tuple[str, list[list[object]]]]


def measure_export(job: WorkerJob) -> Measured:
    from forumdesk.services.exports import PARTS, ExportOptions, export_agenda

    db = open_database(resolve_database_url(str(job.path("forum"))))
    event_id = resolve_event(db).id
    target = job.workdir / "agenda.xlsx"
    everything = ExportOptions(parts=PARTS)  # every part, as the benchmark has always measured
    sheets: list[int] = []
    try:
        samples = repeat(
            lambda: sheets.append(len(export_agenda(db, event_id, target, everything).sheets)),
            job.runs,
            job.warmup,
        )
    finally:
        db.dispose()
    cells = sum(count for _name, count in cell_counts(read_cells(target)))
    return Measured(
        samples,
        notes=[
            f"{sheets[-1]} sheets, {cells:,} non-empty cells, "
            f"{target.stat().st_size / 2**20:.1f} MB"
        ],
    )


def read_cells(path: Path) -> Sheets:
    """Every sheet's values, empty cells as None (which a write-only sheet skips)."""
    import python_calamine

    with path.open("rb") as handle:
        workbook = python_calamine.CalamineWorkbook.from_filelike(handle)
        found = []
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            found.append(
                (name, [[None if value == "" else value for value in row] for row in rows])
            )
        return found


def cell_counts(sheets: Sheets) -> list[tuple[str, int]]:
    return [
        (name, sum(1 for row in rows for value in row if value is not None))
        for name, rows in sheets
    ]


def measure_dump(job: WorkerJob) -> Measured:
    from openpyxl import Workbook

    sheets = read_cells(job.path("agenda"))
    target = job.workdir / "dump.xlsx"

    def action() -> None:
        workbook = Workbook(write_only=True)
        for name, rows in sheets:
            sheet = workbook.create_sheet(name)
            for row in rows:
                sheet.append(row)
        workbook.save(target)

    samples = repeat(action, job.runs, job.warmup)
    cells = sum(count for _name, count in cell_counts(sheets))
    return Measured(samples, notes=[f"dumped {cells:,} cells on {len(sheets)} sheets"])
