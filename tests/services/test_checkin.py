"""Check-in at the door: badge codes, scans, repeated scans, strangers, counts, attendance."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.db.models import CheckIn, Event
from forumdesk.io.attendance_files import write_attendance_csv, write_attendance_xlsx
from forumdesk.services import checkin
from forumdesk.services.checkin import ScanOutcome
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session
from forumdesk.services.venue import add_room

# 09:12 in Nur-Sultan (UTC+6) on the forum's first day, as UTC
MORNING = dt.datetime(2021, 11, 25, 3, 12)


def _person(db: Database, event: EventRow | None, family: str, given: str, org: str) -> int:
    registered = event.id if event is not None else None
    return create_person(db, family, given, organization=org, register_for=registered).id


def test_a_code_reads_back_and_its_check_depends_on_the_event_secret(
    db: Database, event: EventRow, other_event: EventRow
) -> None:
    person = _person(db, event, "Иванов", "Иван", "ФТС")
    code = checkin.checkin_code(db, event.id, person)
    assert code.startswith(f"FD1:{event.id}:{person}:")
    assert checkin.parse_code(code.lower() + "\r") == (event.id, person, code[-6:])
    assert checkin.checkin_code(db, event.id, person) == code  # stable
    # the same ids under another event's secret give another check
    assert checkin.checkin_code(db, other_event.id, person)[-6:] != code[-6:]
    assert checkin.parse_code("hello") is None


def test_a_scan_marks_arrival_once_and_tells_when_at_the_next_scan(
    db: Database, event: EventRow
) -> None:
    person = _person(db, event, "Иванов", "Иван", "ФТС")
    code = checkin.checkin_code(db, event.id, person)

    first = checkin.scan(db, event.id, code, now=MORNING)
    again = checkin.scan(db, event.id, code, now=MORNING + dt.timedelta(hours=2))

    assert first.outcome is ScanOutcome.CHECKED_IN
    assert first.person is not None and first.person.organization == "ФТС"
    assert first.at == dt.datetime(2021, 11, 25, 9, 12)
    assert again.outcome is ScanOutcome.ALREADY
    assert again.at == dt.datetime(2021, 11, 25, 9, 12)
    assert again.check_in_id == first.check_in_id
    assert checkin.arrivals_on(db, event.id, dt.date(2021, 11, 25)) == (1, 1)
    # the next day is another arrival
    next_day = checkin.scan(db, event.id, code, now=MORNING + dt.timedelta(days=1))
    assert next_day.outcome is ScanOutcome.CHECKED_IN


def test_a_forged_or_mistyped_code_is_unknown_and_stores_nothing(
    db: Database, event: EventRow
) -> None:
    person = _person(db, event, "Иванов", "Иван", "ФТС")
    code = checkin.checkin_code(db, event.id, person)
    forged = code[:-6] + ("AAAAAA" if code[-6:] != "AAAAAA" else "BBBBBB")
    for scanned in (forged, f"FD1:{event.id}:{person + 1}:{code[-6:]}", "4600123456789", ""):
        assert checkin.scan(db, event.id, scanned, now=MORNING).outcome is ScanOutcome.UNKNOWN
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_a_badge_of_another_event_is_someone_not_registered_here(
    db: Database, event: EventRow, other_event: EventRow
) -> None:
    person = _person(db, other_event, "Smith", "Anna", "WIPO")
    code = checkin.checkin_code(db, other_event.id, person)

    result = checkin.scan(db, event.id, code, now=MORNING)

    assert result.outcome is ScanOutcome.NOT_REGISTERED
    assert result.person is not None and result.person.display_name == "Anna Smith"


def test_two_desks_scanning_one_badge_count_it_once(db_path: Path, event: EventRow) -> None:
    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database

    first_desk = open_database(resolve_database_url(str(db_path)))
    second_desk = open_database(resolve_database_url(str(db_path)))
    try:
        person = _person(first_desk, event, "Иванов", "Иван", "ФТС")
        code = checkin.checkin_code(first_desk, event.id, person)
        results = [
            checkin.scan(desk, event.id, code, now=MORNING) for desk in (first_desk, second_desk)
        ]
        assert [r.outcome for r in results] == [ScanOutcome.CHECKED_IN, ScanOutcome.ALREADY]
        assert checkin.arrivals_on(second_desk, event.id, dt.date(2021, 11, 25))[0] == 1
    finally:
        first_desk.dispose()
        second_desk.dispose()


def test_session_check_ins_count_against_the_room_seats(db: Database, event: EventRow) -> None:
    room = add_room(db, event.id, "Hall B", capacity=80)
    talk = create_session(
        db,
        event.id,
        "Marketplaces",
        code="S1",
        room_id=room.id,
        starts_at=dt.datetime(2021, 11, 25, 10, 0),
        ends_at=dt.datetime(2021, 11, 25, 11, 0),
    )
    people = [_person(db, event, f"Name{n}", "A", "Org") for n in range(3)]
    for person in people[:2]:
        result = checkin.check_in(db, event.id, person, session_id=talk.id, now=MORNING)
        assert result.outcome is ScanOutcome.CHECKED_IN

    counts = checkin.session_counts(db, event.id, dt.date(2021, 11, 25))

    assert [(c.code, c.room, c.seats, c.arrived) for c in counts] == [("S1", "Hall B", 80, 2)]
    # arriving at a session is not arriving at the event's day
    assert checkin.arrivals_on(db, event.id, dt.date(2021, 11, 25)) == (0, 3)


def test_undoing_a_check_in_takes_the_arrival_back(db: Database, event: EventRow) -> None:
    person = _person(db, event, "Иванов", "Иван", "ФТС")
    done = checkin.check_in(db, event.id, person, now=MORNING)
    assert done.check_in_id is not None

    checkin.remove_check_in(db, done.check_in_id, expected_version=done.version)

    assert checkin.arrivals_on(db, event.id, dt.date(2021, 11, 25)) == (0, 1)
    assert checkin.check_in(db, event.id, person, now=MORNING).outcome is ScanOutcome.CHECKED_IN


def test_names_typed_at_the_desk_find_registered_people_first(
    db: Database, event: EventRow
) -> None:
    here = _person(db, event, "Петрова", "Анна", "ЕЭК")
    stranger = _person(db, None, "Петров", "Олег", "Kaspi")
    checkin.check_in(db, event.id, here, now=MORNING)

    found = checkin.find_arriving(db, event.id, "петров", now=MORNING)

    assert [(c.person.id, c.registered) for c in found] == [(here, True), (stranger, False)]
    assert found[0].arrived_at == dt.datetime(2021, 11, 25, 9, 12)
    assert found[1].arrived_at is None
    assert checkin.find_arriving(db, event.id, "  ", now=MORNING) == []


def test_an_event_without_a_secret_gets_one_when_codes_are_made(
    db: Database, event: EventRow
) -> None:
    with db.transaction() as session:
        session.get_one(Event, event.id).checkin_key = None
    person = _person(db, event, "Иванов", "Иван", "ФТС")
    code = checkin.checkin_code(db, event.id, person)
    assert checkin.scan(db, event.id, code, now=MORNING).outcome is ScanOutcome.CHECKED_IN


def test_attendance_exports_to_excel_and_csv(db: Database, event: EventRow, tmp_path: Path) -> None:
    person = _person(db, event, "Иванов", "Иван", "=ФТС")
    checkin.check_in(db, event.id, person, now=MORNING)
    heads, rows = checkin.attendance_table(checkin.attendance(db, event.id))

    write_attendance_xlsx(tmp_path / "a.xlsx", "Forum", heads, rows)
    write_attendance_csv(tmp_path / "a.csv", heads, rows, delimiter=";")

    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Name"
    assert values[1][:2] == ["Иванов Иван", "=ФТС"]
    assert values[1][5:7] == ["2021-11-25", "09:12"]
    assert sheet["B2"].data_type == "s"
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle, delimiter=";"))
    assert read[1][:2] == ["Иванов Иван", "'=ФТС"]


@pytest.mark.parametrize("scanned", [" fd1:1:1:abcdef ", "FD1:1:1:ABCDEF\n"])
def test_scanners_case_and_spaces_are_ignored(scanned: str) -> None:
    assert checkin.parse_code(scanned) == (1, 1, "ABCDEF")
