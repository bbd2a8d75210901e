"""Tests for forumdesk/services/exports.py: options, filters, and the three exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from forumdesk import __version__
from forumdesk.core.errors import NotFoundError, ValidationError
from forumdesk.db.engine import Database
from forumdesk.services.agenda import event_language
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import create_event
from forumdesk.services.exports import (
    PARTS,
    ExportOptions,
    export_agenda,
    export_calendar,
    export_csv,
)
from forumdesk.services.people import create_person
from forumdesk.services.venue import list_rooms, list_tracks
from tests.services.support import assert_readable


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


# --- options ----------------------------------------------------------------------------------


def test_options_round_trip_through_json() -> None:
    options = ExportOptions(
        parts=("grid", "programme"),
        days=(dt.date(2021, 11, 26),),
        room_ids=(3, 1),
        track_ids=(),
        paper="Letter",
        lang="ru",
        include_all_registered=True,
        grid_step=30,
    )
    stored = json.loads(json.dumps(options.to_dict()))
    assert ExportOptions.from_dict(stored) == options
    assert ExportOptions.from_dict(ExportOptions().to_dict()) == ExportOptions()
    assert options.parts == ("programme", "grid")  # always in workbook order
    assert ExportOptions(room_ids=[2, 1]).room_ids == (2, 1)  # type: ignore[arg-type]


def test_defaults_are_the_programme_and_the_grid_on_a4() -> None:
    options = ExportOptions()
    assert options.parts == ("programme", "grid")  # not 86 pages of every part
    assert (options.paper, options.lang, options.grid_step) == ("A4", "en", 15)
    assert options.days is options.room_ids is options.track_ids is None
    assert not options.include_all_registered


def test_bad_remembered_values_fall_back_to_the_defaults() -> None:
    restored = ExportOptions.from_dict(
        {
            "parts": ["grid", "nonsense"],
            "days": ["not a date"],
            "room_ids": "7",
            "track_ids": [1, "x"],
            "paper": "a3",
            "lang": "fr",
            "include_all_registered": "yes",
            "grid_step": 7,
            "unknown": 1,
        }
    )
    assert restored == ExportOptions(parts=("grid",))
    assert ExportOptions.from_dict(None) == ExportOptions()
    assert ExportOptions.from_dict(
        {"paper": "letter", "parts": "people, programme"}
    ) == ExportOptions(paper="Letter", parts=("programme", "people"))


def test_options_fitted_to_another_event_drop_what_it_lacks(db: Database, demo: DemoResult) -> None:
    rooms = [r.id for r in list_rooms(db, demo.event.id)]
    tracks = [t.id for t in list_tracks(db, demo.event.id)]
    remembered = ExportOptions(
        days=(dt.date(2021, 11, 26), dt.date(2030, 1, 1)),
        room_ids=(rooms[1], 999),
        track_ids=(998,),
    )
    fitted = remembered.fitted_to(demo.event, rooms, tracks)
    assert fitted.days == (dt.date(2021, 11, 26),)
    assert fitted.room_ids == (rooms[1],)
    assert fitted.track_ids is None  # nothing left of the filter: all tracks


# --- the agenda -------------------------------------------------------------------------------


def test_export_agenda_writes_the_workbook(db: Database, demo: DemoResult, out: Path) -> None:
    result = export_agenda(db, demo.event.id, out / "agenda.xlsx")
    assert not result.cancelled
    assert load_workbook(out / "agenda.xlsx").sheetnames == list(result.sheets)
    # by default the programme and the grid, headed in the event's language (English)
    assert result.sheets == ("Programme", "Grid Thu 25 Nov", "Grid Fri 26 Nov")
    everything = export_agenda(db, demo.event.id, out / "all.xlsx", ExportOptions(parts=PARTS))
    assert len(everything.sheets) == 7


def test_without_options_the_headings_follow_the_events_language(db: Database, out: Path) -> None:
    event = create_event(db, "Форум по защите прав", "2027-04-15", "2027-04-16", city="Астана")
    assert event_language(db, event.id) == "ru"
    result = export_agenda(db, event.id, out / "ru.xlsx")
    assert result.sheets == ("Программа", "Сетка")
    programme = load_workbook(out / "ru.xlsx")["Программа"]
    assert programme["A2"].value == "15–16 апреля 2027 г., Астана"


def test_chosen_parts_only_and_letter_paper(db: Database, demo: DemoResult, out: Path) -> None:
    result = export_agenda(
        db,
        demo.event.id,
        out / "two.xlsx",
        ExportOptions(parts=("people", "programme"), paper="Letter"),
    )
    assert result.sheets == ("Programme", "People")
    book = load_workbook(out / "two.xlsx")
    assert book.sheetnames == ["Programme", "People"]
    assert {ws.page_setup.paperSize for ws in book.worksheets} == {1}  # Letter


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (ExportOptions(parts=()), "at least one part"),
        (ExportOptions(paper="A3"), "A4 or Letter"),
        (ExportOptions(lang="de"), "ru, kk or en"),  # type: ignore[arg-type]
        (ExportOptions(grid_step=7), "time step"),
    ],
)
def test_unusable_options_are_refused_before_any_work(
    db: Database, demo: DemoResult, out: Path, options: ExportOptions, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        export_agenda(db, demo.event.id, out / "x.xlsx", options)
    assert list(out.iterdir()) == []


def test_days_rooms_and_tracks_narrow_the_agenda(db: Database, demo: DemoResult, out: Path) -> None:
    rooms = {r.name: r.id for r in list_rooms(db, demo.event.id)}
    options = ExportOptions(
        parts=("programme", "grid", "rooms"),
        days=(dt.date(2021, 11, 25),),
        room_ids=(rooms["Hall A"], rooms["Hall B"]),
    )
    result = export_agenda(db, demo.event.id, out / "a.xlsx", options)
    assert result.sheets == ("Programme", "Grid Thu 25 Nov", "Rooms")
    book = load_workbook(out / "a.xlsx")
    codes = [r[1] for r in book["Programme"].iter_rows(min_row=4, values_only=True) if r[1]]
    assert codes == ["S1", "S2", "S5", "S7"]
    texts = [v for r in book["Programme"].iter_rows(values_only=True) for v in r if v]
    assert "Lunch break" in texts  # venue-wide, without a room: kept
    assert "Friday, 26 November 2021" not in texts
    heads = next(book["Grid Thu 25 Nov"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert heads == ("Time", "Hall A", "Hall B")
    signs = [c.value for c in book["Rooms"]["A"] if c.font.sz == 60]
    assert signs == ["Hall A", "Hall B"]


def test_a_track_filter_keeps_its_sessions_the_plenaries_and_the_breaks(
    db: Database, demo: DemoResult, out: Path
) -> None:
    pharma = next(t.id for t in list_tracks(db, demo.event.id) if t.name == "Pharmaceuticals")
    export_agenda(
        db, demo.event.id, out / "t.xlsx", ExportOptions(parts=("programme",), track_ids=(pharma,))
    )
    rows = list(load_workbook(out / "t.xlsx")["Programme"].iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows if r[1]] == ["P1", "S3", "S6", "P2"]
    assert {"Lunch break", "Coffee break"} <= {r[2] for r in rows}


def test_unknown_days_rooms_and_tracks_are_named(db: Database, demo: DemoResult, out: Path) -> None:
    path = out / "x.xlsx"
    with pytest.raises(ValidationError) as caught:
        export_agenda(db, demo.event.id, path, ExportOptions(days=(dt.date(2022, 1, 1),)))
    assert_readable(caught.value, "2022-01-01", "International Anti-Counterfeiting Forum 2021")
    with pytest.raises(ValidationError) as caught:
        export_agenda(db, demo.event.id, path, ExportOptions(room_ids=(999,)))
    assert_readable(caught.value, "room", "999")
    with pytest.raises(ValidationError) as caught:
        export_agenda(db, demo.event.id, path, ExportOptions(track_ids=(998,)))
    assert_readable(caught.value, "track", "998")
    with pytest.raises(ValidationError) as caught:
        export_agenda(db, demo.event.id, path, ExportOptions(parts=("agenda",)))
    assert_readable(caught.value, "agenda", "programme")
    with pytest.raises(NotFoundError):
        export_agenda(db, 12345, path)
    assert list(out.iterdir()) == []


def test_a_cancelled_export_keeps_the_previous_file(
    db: Database, demo: DemoResult, out: Path
) -> None:
    path = out / "agenda.xlsx"
    export_agenda(db, demo.event.id, path, ExportOptions(parts=("people",)))
    before = path.read_bytes()
    calls: list[int] = []

    def cancel_at_five(done: int, total: int) -> bool:
        calls.append(done)
        return done < 5

    result = export_agenda(db, demo.event.id, path, progress=cancel_at_five)
    assert result.cancelled
    assert calls == [1, 2, 3, 4, 5]
    assert path.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["agenda.xlsx"]


def test_an_export_that_fails_midway_keeps_the_previous_file(
    db: Database, demo: DemoResult, out: Path
) -> None:
    path = out / "agenda.xlsx"
    export_agenda(db, demo.event.id, path, ExportOptions(parts=("programme",)))
    before = path.read_bytes()

    def fail_in_the_sign_in_sheets(done: int, total: int) -> bool:
        if done == 8:
            raise MemoryError("out of memory")
        return True

    with pytest.raises(MemoryError):
        export_agenda(
            db, demo.event.id, path, ExportOptions(parts=PARTS), progress=fail_in_the_sign_in_sheets
        )
    assert path.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["agenda.xlsx"]


# --- calendars and CSV ------------------------------------------------------------------------


def test_export_calendar_for_the_event_and_for_one_person(
    db: Database, demo: DemoResult, out: Path
) -> None:
    assert export_calendar(db, demo.event.id, out / "all.ics") == 17
    count = export_calendar(
        db, demo.event.id, out / "grant.ics", person_email="  O.Grant@AEBRUS.ru.example "
    )
    assert count == 3
    calendar = Calendar.from_ical((out / "grant.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 3
    assert str(calendar.get("prodid")) == f"-//forumdesk//forumdesk {__version__}//EN"


def test_a_calendar_for_someone_absent_gets_a_message(
    db: Database, demo: DemoResult, out: Path
) -> None:
    with pytest.raises(NotFoundError) as caught:
        export_calendar(db, demo.event.id, out / "x.ics", person_email="nobody@example.org")
    assert_readable(caught.value, "nobody@example.org")
    create_person(db, "Loner", "Lee", email="lee@example.org")
    with pytest.raises(NotFoundError):
        export_calendar(db, demo.event.id, out / "x.ics", person_email="lee@example.org")
    assert list(out.iterdir()) == []


def test_a_calendar_for_someone_without_scheduled_sessions_is_refused(
    db: Database, out: Path
) -> None:
    from forumdesk.services.assignments import assign_people
    from forumdesk.services.sessions import create_session

    event = create_event(db, "Planning", "2027-02-01", timezone="UTC")
    session = create_session(db, event.id, "Not yet placed")
    person = create_person(db, "Waiting", "Wendy", email="wendy@example.org")
    assign_people(db, session.id, [person.id], "speaker", expected_version=None)
    with pytest.raises(ValidationError) as caught:
        export_calendar(db, event.id, out / "w.ics", person_email="wendy@example.org")
    assert_readable(caught.value, "Wendy Waiting", "no scheduled session")


def test_export_csv_of_sessions_and_people(db: Database, demo: DemoResult, out: Path) -> None:
    assert export_csv(db, demo.event.id, out / "s.csv", "sessions") == 17
    assert export_csv(db, demo.event.id, out / "p.csv", "people", lang="ru", delimiter=";") == 62
    assert (out / "p.csv").read_text(encoding="utf-8-sig").startswith("Фамилия;Имя;")
    with pytest.raises(ValidationError, match="sessions or people"):
        export_csv(db, demo.event.id, out / "x.csv", "rooms")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="comma, a semicolon or a tab"):
        export_csv(db, demo.event.id, out / "x.csv", "people", delimiter="|")
    with pytest.raises(ValidationError, match="ru, kk or en"):
        export_csv(db, demo.event.id, out / "x.csv", "people", lang="de")  # type: ignore[arg-type]
    assert not (out / "x.csv").exists()
