"""The files the scenarios read, made once per benchmark run in its scratch folder.

Databases are generated (bench.generator), the attendee spreadsheet written, the agenda of L
exported once for the export baseline to copy. Each is made the first time a chosen scenario
asks for it; how long that took is kept for the JSON report.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from bench.generator import PEOPLE_50K, SIZES, TIMETABLE_DAY, ForumSize, generate_database

SEED = 1


def _fresh(path: Path) -> Path:
    """`path` with no database left from an earlier run (--keep): made anew, never added to."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return path


def _forum(size: ForumSize) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = _fresh(folder / f"{size.name}.sqlite3")
        generate_database(path, size, SEED)
        return path

    return make


def _people(count: int) -> Callable[[Path], Path]:
    size = ForumSize(
        f"people-{count // 1000}k",
        PEOPLE_50K.sessions,
        count,
        PEOPLE_50K.assignments,
        PEOPLE_50K.days,
        PEOPLE_50K.rooms,
    )
    return _forum(size)


def _attendees(rows: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        from bench.attendees import write_attendee_xlsx

        return write_attendee_xlsx(folder / f"attendees-{rows}.xlsx", rows, seed=SEED)

    return make


def _import_target(folder: Path) -> Path:
    """A database holding an event and nobody yet: where the import puts 20,000 people."""
    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database
    from forumdesk.services.events import create_event

    path = _fresh(folder / "import-target.sqlite3")
    db = open_database(resolve_database_url(str(path)))
    try:
        create_event(
            db,
            "Евразийский форум по защите интеллектуальной собственности",
            "2027-05-12",
            "2027-05-14",
            city="Астана",
            timezone="Asia/Almaty",
        )
    finally:
        db.dispose()
    return path


def _agenda(forum: str) -> Callable[[Path, Datasets], Path]:
    def make(folder: Path, datasets: Datasets) -> Path:
        from forumdesk.config import resolve_database_url
        from forumdesk.db.migrate import open_database
        from forumdesk.services.events import resolve_event
        from forumdesk.services.exports import PARTS, ExportOptions, export_agenda

        db = open_database(resolve_database_url(str(datasets.get(forum))))
        try:
            path = folder / f"agenda-{forum}.xlsx"
            # every part, as the benchmark has always measured (the default is two of them)
            return export_agenda(db, resolve_event(db).id, path, ExportOptions(parts=PARTS)).path
        finally:
            db.dispose()

    return make


class Datasets:
    """Named inputs, made on first request: "forum-L", "people-50000", "attendees-20000"..."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: dict[str, Path] = {}
        self.seconds: dict[str, float] = {}

    def get(self, name: str) -> Path:
        if name not in self.paths:
            start = time.perf_counter()
            self.paths[name] = self._make(name)
            self.seconds[name] = time.perf_counter() - start
        return self.paths[name]

    def _make(self, name: str) -> Path:
        kind, _, argument = name.partition("-")
        if kind == "forum":
            return _forum(SIZES[argument])(self.folder)
        if name == TIMETABLE_DAY.name:
            return _forum(TIMETABLE_DAY)(self.folder)
        if kind == "people":
            return _people(int(argument))(self.folder)
        if kind == "attendees":
            return _attendees(int(argument))(self.folder)
        if name == "import-target":
            return _import_target(self.folder)
        if kind == "agenda":
            return _agenda(f"forum-{argument}")(self.folder, self)
        raise KeyError(f"no dataset called {name}")
