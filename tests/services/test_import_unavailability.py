"""An attendee file's "unavailable" column (forumdesk.services.imports): the periods it lists
become the people's unavailability periods at the event, once each, and undo takes back only
those the import added."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from forumdesk.core.errors import ConcurrentEditError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services import availability
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.import_undo import redo_import, undo_import
from forumdesk.services.imports import import_attendees
from forumdesk.services.people import create_person
from tests.io.spreadsheets import write_csv

UNDOABLE = ImportOptions(undoable=True)


def _periods(db: Database, event: EventRow) -> list[tuple[str, dt.datetime, dt.datetime]]:
    return [
        (row.person_name, row.starts_at, row.ends_at)
        for row in availability.list_unavailability(db, event.id)
    ]


def _file(tmp_path: Path, name: str = "list.csv") -> Path:
    return write_csv(
        tmp_path / name,
        [
            ["ФИО", "E-mail", "Недоступен"],
            ["Иванов Пётр", "petr@example.kz", "2021-11-25 14:00-16:00; 2021-11-26"],
            ["Smith John", "john@example.com", "25.11.2021 09:00–10:00\nwhenever"],
            ["Петрова Анна", "anna@example.kz", ""],
        ],
    )


def test_the_periods_are_added_and_a_bad_one_is_a_warning(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    summary = import_attendees(db, _file(tmp_path), event_id=event.id)
    assert (summary.created, summary.rejected, summary.problems) == (3, 0, [])
    assert summary.unavailable == 3
    assert sorted(_periods(db, event)) == [
        ("Smith John", dt.datetime(2021, 11, 25, 9), dt.datetime(2021, 11, 25, 10)),
        ("Иванов Пётр", dt.datetime(2021, 11, 25, 14), dt.datetime(2021, 11, 25, 16)),
        ("Иванов Пётр", dt.datetime(2021, 11, 26), dt.datetime(2021, 11, 27)),
    ]
    assert summary.warnings == [
        "row 3, column «Недоступен»: «whenever» is not a period; write e.g. 2021-11-25 "
        "09:00–12:00, or a whole day as 2021-11-26. It was not imported."
    ]
    assert "Unavailable periods added: 3." in list(summary.lines())


def test_reimporting_adds_no_period_twice(db: Database, event: EventRow, tmp_path: Path) -> None:
    person = create_person(db, "Иванов", "Пётр", email="petr@example.kz")
    availability.add_periods(db, event.id, person.id, "2021-11-26")  # one the file repeats
    dry = import_attendees(
        db, _file(tmp_path), event_id=event.id, options=ImportOptions(dry_run=True)
    )
    assert (dry.unavailable, dry.written) == (2, False)
    assert len(_periods(db, event)) == 1
    assert import_attendees(db, _file(tmp_path), event_id=event.id).unavailable == 2
    assert len(_periods(db, event)) == 3
    again = import_attendees(db, _file(tmp_path, "again.csv"), event_id=event.id)
    assert (again.unavailable, again.created) == (0, 0)
    assert len(_periods(db, event)) == 3


def test_a_person_listed_twice_gets_each_period_once(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "twice.csv",
        [
            ["Full name", "Email", "Unavailable times"],
            ["John Smith", "john@example.com", "2021-11-25"],
            ["John Smith", "john@example.com", "2021-11-25; 2021-11-26 10:00-11:00"],
        ],
    )
    summary = import_attendees(db, path, event_id=event.id)
    assert (summary.created, summary.unavailable) == (1, 2)
    assert len(_periods(db, event)) == 2


def test_without_an_event_the_periods_are_a_warning(db: Database, tmp_path: Path) -> None:
    summary = import_attendees(db, _file(tmp_path))
    assert (summary.created, summary.unavailable, summary.rejected) == (3, 0, 0)
    assert any("no event was chosen" in w and w.startswith("row 2") for w in summary.warnings)


def test_undo_removes_the_periods_the_import_added_and_nothing_else(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    person = create_person(db, "Иванов", "Пётр", email="petr@example.kz")
    availability.add_periods(db, event.id, person.id, "2021-11-26")
    before = _periods(db, event)
    summary = import_attendees(db, _file(tmp_path), event_id=event.id, options=UNDOABLE)
    assert summary.changes is not None
    assert summary.changes.count("person_unavailability") == 2
    after = _periods(db, event)
    assert len(after) == 3

    undone = undo_import(db, summary.changes)
    assert _periods(db, event) == before  # the period Petr had before the import stays
    redone = redo_import(db, undone)
    assert _periods(db, event) == after
    undo_import(db, redone)
    assert _periods(db, event) == before


def test_undo_is_refused_once_an_imported_period_was_changed(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    summary = import_attendees(db, _file(tmp_path), event_id=event.id, options=UNDOABLE)
    assert summary.changes is not None
    period = next(
        row
        for row in availability.list_unavailability(db, event.id)
        if row.person_name == "Smith John"
    )
    availability.update_unavailability(
        db, period.id, {"note": "moved flight"}, expected_version=period.version
    )
    with pytest.raises(ConcurrentEditError, match="an unavailable period of «Smith John»"):
        undo_import(db, summary.changes)
    assert len(_periods(db, event)) == 3
