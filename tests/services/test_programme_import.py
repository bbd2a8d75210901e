"""Programme import (forumdesk.services.programme_import): sessions, rooms, tracks, people."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from forumdesk.core.progress import WAITING
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.assignments import session_people
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.people import create_person, search_people
from forumdesk.services.programme_import import import_programme
from forumdesk.services.sessions import list_sessions
from forumdesk.services.venue import list_rooms, list_tracks
from tests.io.spreadsheets import write_csv, write_xlsx
from tests.services.test_imports import snapshot

HEADER = [
    "Код",
    "Название",
    "Тип",
    "Трек",
    "Дата",
    "Начало",
    "Окончание",
    "Зал",
    "Модератор (e-mail)",
    "Спикеры",
]


@pytest.fixture
def people(db: Database) -> None:
    create_person(db, "Абенова", "Дана", email="abenova@gov.kz")
    create_person(db, "Moreau", "Jean-Pierre", email="moreau@wipo.int")


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "programme.xlsx",
        [
            HEADER,
            [
                "P1",
                "Открытие форума",
                "Пленарное заседание",
                None,
                dt.date(2021, 11, 25),
                dt.time(10, 0),
                dt.time(11, 30),
                "Большой зал",
                "abenova@gov.kz",
                "Jean-Pierre Moreau; Иванов Иван Иванович",
            ],
            [
                None,
                "Кофе-брейк",
                "кофе-брейк",
                None,
                "25.11.2021",
                "11:30",
                "12:00",
                None,
                None,
                None,
            ],
            [
                "S1",
                "Маркировка товаров",
                "discussion",
                "Торговля",
                "2021-11-26",
                "10.00",
                "11.30",
                "зал А",
                "moreau@wipo.int",
                None,
            ],
            ["S2", "Без времени", None, "торговля", None, None, None, "Зал а", None, None],
        ],
        title="Программа форума",
    )


def test_sessions_rooms_tracks_and_people_are_created(
    db: Database, event: EventRow, people: None, programme: Path
) -> None:
    summary = import_programme(db, programme, event_id=event.id)
    assert (
        summary.created,
        summary.rejected,
        summary.rooms_created,
        summary.tracks_created,
        summary.people_created,
    ) == (4, 0, 2, 1, 1)
    sessions = {s.title: s for s in list_sessions(db, event.id)}
    opening = sessions["Открытие форума"]
    assert opening.kind.value == "plenary" and opening.room_name == "Большой зал"
    assert (opening.starts_at, opening.ends_at) == (
        dt.datetime(2021, 11, 25, 10),
        dt.datetime(2021, 11, 25, 11, 30),
    )
    assert [(a.display_name, a.role.value) for a in session_people(db, opening.id)] == [
        ("Абенова Дана", "moderator"),
        ("Jean-Pierre Moreau", "speaker"),
        ("Иванов Иван Иванович", "speaker"),
    ]
    assert sessions["Кофе-брейк"].kind.value == "break"
    assert sessions["Маркировка товаров"].room_name == "зал А"
    assert sessions["Без времени"].room_name == "зал А" and not sessions["Без времени"].starts_at
    assert [r.name for r in list_rooms(db, event.id)] == ["Большой зал", "зал А"]
    assert [t.name for t in list_tracks(db, event.id)] == ["Торговля"]
    assert len(search_people(db, "Иванов")) == 1


def test_a_programme_import_takes_the_backup_first(
    db: Database, event: EventRow, people: None, programme: Path, tmp_path: Path
) -> None:
    dry = import_programme(
        db, programme, event_id=event.id, options=ImportOptions(backup=True, dry_run=True)
    )
    assert dry.backup_path is None and not list(tmp_path.glob("*.bak"))
    summary = import_programme(db, programme, event_id=event.id, options=ImportOptions(backup=True))
    assert summary.written and summary.backup_path is not None
    assert list(tmp_path.glob("*.bak")) == [summary.backup_path]
    with closing(sqlite3.connect(summary.backup_path)) as backup:
        assert backup.execute("SELECT count(*) FROM program_sessions").fetchone() == (0,)
    assert len(list_sessions(db, event.id)) == 4


def test_a_programme_import_waits_for_another_desks_import(
    db: Database, db_path: Path, event: EventRow, people: None, programme: Path
) -> None:
    """Another desk holds the write lock: the import reports that it waits, then imports."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waits: list[int] = []

    def progress(done: int, total: int) -> bool:
        if done == WAITING:
            waits.append(done)
            if len(waits) == 2:
                holder.rollback()
        return True

    with closing(holder):
        summary = import_programme(db, programme, event_id=event.id, progress=progress)
    assert len(waits) == 2 and summary.written
    assert len(list_sessions(db, event.id)) == 4


def test_reimport_changes_nothing(
    db: Database, event: EventRow, people: None, programme: Path
) -> None:
    import_programme(db, programme, event_id=event.id)
    before = snapshot(db)
    summary = import_programme(db, programme, event_id=event.id)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 4)
    assert snapshot(db) == before


def test_update_fills_blanks_and_overwrite_replaces(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", [["Код", "Название"], ["S1", "Маркировка"]])
    import_programme(db, first, event_id=event.id)
    second = write_csv(
        tmp_path / "b.csv",
        [
            ["Код", "Название", "Дата", "Время", "Зал"],
            ["s1", "Маркировка товаров", "26.11.2021", "10:00–11:30", "Зал B"],
        ],
    )
    assert import_programme(db, second, event_id=event.id).updated == 1
    (session,) = list_sessions(db, event.id)
    assert session.title == "Маркировка" and session.room_name == "Зал B"
    assert session.starts_at == dt.datetime(2021, 11, 26, 10)
    import_programme(db, second, event_id=event.id, options=ImportOptions(on_duplicate="overwrite"))
    assert list_sessions(db, event.id)[0].title == "Маркировка товаров"


def test_bad_rows_are_rejected_with_row_and_column(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["Код", "Название", "Дата", "Начало", "Окончание", "Модератор"],
            ["S1", "Сессия", "2030-01-01", "10:00", "11:00", ""],
            ["S2", "Сессия 2", "25.11.2021", "12:00", "11:00", ""],
            ["S3", "", "", "", "", ""],
            ["S4", "Сессия 4", "", "", "", "nobody@x.kz"],
            ["S4", "Повтор", "", "", "", ""],
        ],
    )
    before = snapshot(db)
    summary = import_programme(db, path, event_id=event.id)
    assert [str(p) for p in summary.problems] == [
        "Row 2, column «Дата»: 01.01.2030 is outside the event (25.11.2021–26.11.2021).",
        "Row 3, column «Окончание»: the session ends (11:00) before it starts (12:00).",
        "Row 4, column «Название»: the session's title is missing.",
        "Row 5, column «Модератор»: nobody in the directory has the e-mail nobody@x.kz; "
        "import the attendees first or write the name.",
        "Row 6, column «Код»: the code S4 is already used in row 5.",
    ]
    assert summary.rejected == 5 and not summary.written
    assert snapshot(db) == before


# --- planned lengths (issue 14, item 4) -------------------------------------------------------


def test_a_length_column_or_the_start_and_end_give_the_planned_length(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    """An unscheduled session takes its length from "Длительность"; a scheduled one from its
    times; a break with no room is for all rooms. Dropped later, each lasts that long."""
    path = write_csv(
        tmp_path / "programme.csv",
        [
            ["Название", "Тип", "Дата", "Начало", "Окончание", "Длительность"],
            ["Панель", "discussion", None, None, None, "1:30"],
            ["Мастер-класс", "workshop", None, None, None, "45 мин"],
            ["Кофе-брейк", "break", "25.11.2021", "11:30", "11:50", None],
        ],
    )
    summary = import_programme(db, path, event_id=event.id)
    assert (summary.created, summary.rejected) == (3, 0)
    found = {s.title: s for s in list_sessions(db, event.id)}
    assert {title: s.planned_minutes for title, s in found.items()} == {
        "Панель": 90,
        "Мастер-класс": 45,
        "Кофе-брейк": 20,
    }
    assert (found["Кофе-брейк"].all_rooms, found["Панель"].all_rooms) == (True, False)


def test_a_length_that_is_not_one_rejects_the_row_saying_so(
    db: Database, event: EventRow, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "programme.csv",
        [["Название", "Duration"], ["Panel", "soon"]],
    )
    summary = import_programme(db, path, event_id=event.id)
    assert summary.rejected == 1
    assert "soon" in str(summary.problems[0].message)
    assert list_sessions(db, event.id) == []
