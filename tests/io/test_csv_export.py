"""Tests for forumdesk/io/csv_export.py: CSV that Excel opens with Cyrillic intact."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from forumdesk.core.enums import Role
from forumdesk.db.engine import Database
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Labels
from forumdesk.io.csv_export import people_table, session_table, write_csv
from forumdesk.services.agenda import load_agenda
from forumdesk.services.assignments import assign_people, register_people
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import create_event
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session


@pytest.fixture
def demo_data(db: Database, demo: DemoResult) -> AgendaData:
    return load_agenda(db, demo.event.id)


def _read(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def test_sessions_csv_starts_with_a_bom_and_reads_back(
    demo_data: AgendaData, tmp_path: Path
) -> None:
    path = tmp_path / "sessions.csv"
    heads, rows = session_table(demo_data, Labels("en"))
    assert write_csv(path, heads, rows) == len(demo_data.sessions)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # what makes Excel read it as UTF-8
    assert b"\r\n" in raw
    table = _read(path)
    assert table[0] == [
        "Code",
        "Title",
        "Kind",
        "Track",
        "Room",
        "Date",
        "Start",
        "End",
        "Moderators",
        "Speakers",
        "Panelists",
        "Description",
        "Status",
    ]
    assert all(row[-1] == "" for row in table[1:])  # none cancelled in the demo
    s1 = next(r for r in table if r[0] == "S1")
    assert s1[1:8] == [
        "Illegal Turnover of Industrial Products: Scale, Risks and Countermeasures",
        "Discussion",
        "Illicit Trade & Enforcement",
        "Hall A",
        "2021-11-25",
        "13:00",
        "14:30",
    ]
    assert s1[8] == (
        "Ахметов Данияр Канатович, Ministry of Trade and Integration of the Republic of Kazakhstan"
    )
    assert "Fiona MacLeod, Highland & Co. Spirits Ltd" in s1[10].split("; ")


def test_people_csv_in_russian_with_semicolons(demo_data: AgendaData, tmp_path: Path) -> None:
    path = tmp_path / "люди.csv"
    heads, rows = people_table(demo_data, Labels("ru"))
    write_csv(path, heads, rows, delimiter=";")
    table = _read(path, ";")
    assert table[0][:4] == ["Фамилия", "Имя", "Отчество", "ФИО"]
    zhaksybekova = next(r for r in table if r[0] == "Жаксыбекова")
    assert zhaksybekova[1:5] == [
        "Айгуль",
        "Маратовна",
        "Жаксыбекова Айгуль Маратовна",
        "Zhaksybekova Aigul Maratovna",  # as on a badge
    ]
    assert zhaksybekova[7] == "Казахстан"  # the code, named in the list's language
    assert zhaksybekova[11] == "Подтвердил участие"
    assert zhaksybekova[12] == "Спикер: P1"
    assert len(table) == len(demo_data.people()) + 1


def test_formula_like_fields_are_prefixed(db: Database, tmp_path: Path) -> None:
    event = create_event(db, "Event", "2027-01-10", timezone="UTC")
    start = dt.datetime(2027, 1, 10, 9)
    session = create_session(
        db,
        event.id,
        '=HYPERLINK("http://evil.example","x")',
        code="@S1",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )
    person = create_person(db, "-2+3", "Ann", phone="+7 701 555 00 00", email="ann@example.org")
    assign_people(db, session.id, [person.id], Role.SPEAKER, expected_version=None)
    register_people(db, event.id, [person.id], expected_statuses=None)
    data = load_agenda(db, event.id)
    sessions_path, people_path = tmp_path / "s.csv", tmp_path / "p.csv"
    write_csv(sessions_path, *session_table(data, Labels("en")))
    write_csv(people_path, *people_table(data, Labels("en")))
    session_row = _read(sessions_path)[1]
    assert session_row[:2] == ["'@S1", '\'=HYPERLINK("http://evil.example","x")']
    person_row = _read(people_path)[1]
    assert person_row[0] == "'-2+3"
    assert person_row[10] == "'+7 701 555 00 00"
    assert person_row[3] == "Ann -2+3"  # not at the start: harmless, left as it is
    assert person_row[4] == "Ann -2+3"  # the name in Latin letters, a badge's


def test_an_unknown_delimiter_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="delimiter"):
        write_csv(tmp_path / "x.csv", ["a"], [], delimiter="|")
    assert not (tmp_path / "x.csv").exists()


def _guarded_forum(db: Database) -> AgendaData:
    event = create_event(db, "Event", "2027-01-10", timezone="UTC")
    start = dt.datetime(2027, 1, 10, 9)
    session = create_session(
        db, event.id, "=SUM(1,2)", code="S1", starts_at=start, ends_at=start + dt.timedelta(hours=1)
    )
    person = create_person(
        db, "Müller", "Ann", phone="+41 22 730 11 11", email="ann.muller@example.org"
    )
    assign_people(db, session.id, [person.id], Role.SPEAKER, expected_version=None)
    register_people(db, event.id, [person.id], expected_statuses=None)
    return load_agenda(db, event.id)


def test_the_plain_flavour_is_rfc_4180_with_values_as_stored(db: Database, tmp_path: Path) -> None:
    data = _guarded_forum(db)
    path = tmp_path / "people.csv"
    write_csv(path, *people_table(data, Labels("en")), flavour="plain")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    assert raw.count(b"\r\n") == 2 and raw.endswith(b"\r\n")  # CRLF, RFC 4180
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "Müller"
    assert rows[1][9] == "ann.muller@example.org"
    assert rows[1][10] == "+41 22 730 11 11"  # no apostrophe: mail merge and CRMs take it as is
    sessions = tmp_path / "sessions.csv"
    write_csv(sessions, *session_table(data, Labels("en")), flavour="plain")
    with sessions.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle))[1][:2] == ["S1", "=SUM(1,2)"]


def test_the_excel_flavour_keeps_its_bom_and_guard(db: Database, tmp_path: Path) -> None:
    data = _guarded_forum(db)
    path = tmp_path / "people.csv"
    write_csv(path, *people_table(data, Labels("en")))  # "excel" unless told
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert _read(path)[1][10] == "'+41 22 730 11 11"
    sessions = tmp_path / "sessions.csv"
    write_csv(sessions, *session_table(data, Labels("en")), flavour="excel")
    assert _read(sessions)[1][1] == "'=SUM(1,2)"


def test_an_unknown_flavour_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="flavour"):
        write_csv(tmp_path / "x.csv", ["a"], [], flavour="tsv")  # type: ignore[arg-type]
    assert not (tmp_path / "x.csv").exists()
