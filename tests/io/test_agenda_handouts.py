"""Handouts that go to the printer untouched (issue 15): what a participant reads on them.

Each test writes a real agenda workbook into tmp_path and reads it back with openpyxl: no staff
codes on breaks, one language on every page, sign-in sheets sized to the session's audience.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.db.engine import Database
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Lang
from forumdesk.io.agenda_xlsx import PARTS, write_agenda_workbook
from forumdesk.services.agenda import event_language, load_agenda
from forumdesk.services.assignments import assign_people, register_people
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import create_event
from forumdesk.services.exports import ExportOptions, export_agenda
from forumdesk.services.people import create_person
from forumdesk.services.sessions import create_session
from forumdesk.services.venue import add_room

STAFF_CODES = ("LUNCH1", "CB1", "REG1")
# Registered for the event, in no particular order: Cyrillic and Latin family names, a Ё.
ATTENDEES = [
    ("Щербаков", "Юрий", "Минюст"),
    ("Ёлкина", "Анна", "Минздрав"),
    ("Smith", "John", "Amazon EU"),
    ("Ахметов", "Данияр", "МТИ"),
    ("Ершов", "Павел", "ЕЭК"),
    ("Brown", "Alice", "WIPO"),
    ("Борисова", "Ольга", "Казпатент"),
    ("Adams", "Mark", "INTA"),
]


def _texts(ws: Worksheet) -> list[str]:
    return [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]


def _all_texts(path: Path) -> list[str]:
    book = load_workbook(path)
    return [text for ws in book.worksheets for text in _texts(ws)]


def handout_event(db: Database) -> int:
    """A Russian-language forum: a 400-seat plenary, a 30-seat panel, coded breaks."""
    event = create_event(
        db,
        "Форум по защите интеллектуальной собственности",
        "2027-04-15",
        "2027-04-16",
        city="Астана",
        venue="Конгресс-центр",
        timezone="Asia/Almaty",
    )
    hall = add_room(db, event.id, "Пленарный зал", 400)
    small = add_room(db, event.id, "Зал Б", 30)
    day = dt.date(2027, 4, 15)

    def at(hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute))

    create_session(
        db,
        event.id,
        "Регистрация участников",
        code="REG1",
        kind=SessionKind.REGISTRATION,
        starts_at=at(9),
        ends_at=at(10),
    )
    plenary = create_session(
        db,
        event.id,
        "Пленарное заседание",
        code="П1",
        kind=SessionKind.PLENARY,
        room_id=hall.id,
        starts_at=at(10),
        ends_at=at(11, 30),
    )
    create_session(
        db,
        event.id,
        "Кофе-брейк",
        code="CB1",
        kind=SessionKind.BREAK,
        starts_at=at(11, 30),
        ends_at=at(12),
        all_rooms=True,
    )
    panel = create_session(
        db,
        event.id,
        "Патентная защита лекарств",
        code="С1",
        room_id=small.id,
        starts_at=at(12),
        ends_at=at(13),
    )
    create_session(
        db,
        event.id,
        "Обед",
        code="LUNCH1",
        kind=SessionKind.BREAK,
        starts_at=at(13),
        ends_at=at(14),
    )
    people = [
        create_person(db, family, given, organization=org) for family, given, org in ATTENDEES
    ]
    ids = [p.id for p in people]
    register_people(db, event.id, ids, expected_statuses=None)
    assign_people(db, plenary.id, [ids[0]], Role.MODERATOR, expected_version=None)
    assign_people(db, plenary.id, [ids[3]], Role.SPEAKER, expected_version=None)
    assign_people(db, panel.id, [ids[1]], Role.MODERATOR, expected_version=None)
    assign_people(db, panel.id, [ids[2], ids[4]], Role.SPEAKER, expected_version=None)
    # someone who said no is not expected at the plenary
    cancelled = create_person(db, "Отказов", "Пётр", organization="ООО Нет")
    register_people(
        db, event.id, [cancelled.id], RegistrationStatus.CANCELLED, expected_statuses=None
    )
    return event.id


@pytest.fixture
def handout_data(db: Database) -> AgendaData:
    return load_agenda(db, handout_event(db))


# --- item 3: codes are for staff --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_breaks_print_their_title_not_their_staff_code(
    handout_data: AgendaData, tmp_path: Path, lang: Lang
) -> None:
    path = tmp_path / f"agenda-{lang}.xlsx"
    write_agenda_workbook(handout_data, path, parts=PARTS, lang=lang, include_all_registered=True)
    texts = _all_texts(path)
    for code in STAFF_CODES:
        assert not any(code in text for text in texts), code
    joined = "\n".join(texts)
    assert "Кофе-брейк" in joined and "Обед" in joined  # the break itself is there
    # sessions keep their codes: the programme, door sign and personal agenda name them alike
    assert "П1" in texts and "С1" in texts
    assert any(text.startswith("С1 · ") for text in texts)


# --- item 6: sign-in sheets sized to the session ----------------------------------------------


def _signin_block(ws: Worksheet, heading: str) -> list[tuple[object, ...]]:
    """The rows of one session's sign-in sheet, from its table head to the next session."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(n for n, row in enumerate(rows) if row[0] == heading)
    head = next(n for n in range(start, len(rows)) if rows[n][4] in ("Signature", "Подпись"))
    end = next(
        (
            n
            for n in range(head + 1, len(rows))
            if rows[n][0] in ("Sign-in sheet", "Лист регистрации")
        ),
        len(rows),
    )
    # rows of a continuation page's heading are left out: the list and its blank lines remain
    return [
        row
        for row in rows[head + 1 : end]
        if row[4] not in ("Signature", "Подпись") and not str(row[0]).startswith(heading)
    ]


def _names_and_letters(block: list[tuple[object, ...]]) -> tuple[list[str], list[object]]:
    letters = [row[0] for row in block if isinstance(row[0], str)]
    names = [str(row[1]) for row in block if isinstance(row[0], int) and row[1]]
    return letters, names


@pytest.mark.parametrize(
    ("lang", "letters", "names"),
    [
        (
            "ru",
            ["А", "Б", "Е", "Щ", "A", "B", "S"],
            [
                "Ахметов Данияр",
                "Борисова Ольга",
                "Ёлкина Анна",
                "Ершов Павел",
                "Щербаков Юрий",
                "Mark Adams",
                "Alice Brown",
                "John Smith",
            ],
        ),
        (
            "en",
            ["A", "B", "S", "А", "Б", "Е", "Щ"],
            [
                "Mark Adams",
                "Alice Brown",
                "John Smith",
                "Ахметов Данияр",
                "Борисова Ольга",
                "Ёлкина Анна",
                "Ершов Павел",
                "Щербаков Юрий",
            ],
        ),
    ],
)
def test_a_plenary_sheet_lists_everyone_registered_by_family_name_under_letters(
    handout_data: AgendaData, tmp_path: Path, lang: Lang, letters: list[str], names: list[str]
) -> None:
    path = tmp_path / f"signin-{lang}.xlsx"
    write_agenda_workbook(handout_data, path, parts=["signin"], lang=lang)
    ws = load_workbook(path).worksheets[0]
    block = _signin_block(ws, "П1 · Пленарное заседание")
    found_letters, found_names = _names_and_letters(block)
    assert found_letters == letters
    assert found_names == names  # Ё with Е, after it; the cancelled registration left out
    numbers = [row[0] for row in block if isinstance(row[0], int)]
    assert numbers == list(range(1, len(numbers) + 1))  # letters take no number
    moderator = next(row for row in block if row[1] == "Щербаков Юрий")
    assert moderator[3] == ("Модератор" if lang == "ru" else "Moderator")
    # 400 seats, 8 expected: the blank lines stop at two pages' worth, not 392
    blanks = [row for row in block if isinstance(row[0], int) and row[1] is None]
    assert len(blanks) == 60


def test_a_session_sheet_lists_those_assigned_and_blank_lines_for_the_seats_left(
    handout_data: AgendaData, tmp_path: Path
) -> None:
    path = tmp_path / "signin.xlsx"
    write_agenda_workbook(handout_data, path, parts=["signin"], lang="ru")
    ws = load_workbook(path).worksheets[0]
    block = _signin_block(ws, "С1 · Патентная защита лекарств")
    letters, names = _names_and_letters(block)
    assert names == ["Ёлкина Анна", "Ершов Павел", "John Smith"]
    assert letters == ["Е", "S"]
    blanks = [row for row in block if isinstance(row[0], int) and row[1] is None]
    assert len(blanks) == 30 - 3  # the room's 30 seats less the three on the list
    assert [row[0] for row in blanks] == list(range(4, 31))


def test_the_expected_audience_sizes_the_blank_lines_within_the_room(
    db: Database, tmp_path: Path
) -> None:
    event = create_event(db, "Forum", "2027-04-15", timezone="Asia/Almaty")
    room = add_room(db, event.id, "Hall", 100)
    start = dt.datetime(2027, 4, 15, 10)
    create_session(
        db,
        event.id,
        "Small talk",
        code="S1",
        room_id=room.id,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        expected_audience=12,
    )
    create_session(
        db,
        event.id,
        "No figures",
        code="S2",
        starts_at=start + dt.timedelta(hours=1),
        ends_at=start + dt.timedelta(hours=2),
    )
    path = tmp_path / "signin.xlsx"
    write_agenda_workbook(load_agenda(db, event.id), path, parts=["signin"])
    ws = load_workbook(path).worksheets[0]
    assert len(_signin_block(ws, "S1 · Small talk")) == 12  # expected audience, nobody listed
    # no room and no expected audience: lines to the end of the page, as many as fit
    no_figures = _signin_block(ws, "S2 · No figures")
    assert 3 <= len(no_figures) <= 12


# --- item 4: one language per sheet -----------------------------------------------------------


def _generated_words(lang: Lang) -> set[str]:
    """Every word the export itself writes in `lang`: headings, days, months, roles, kinds..."""
    import datetime as dt

    from forumdesk.core.enums import RegistrationStatus, Role, Sector, SessionKind
    from forumdesk.io import agenda_labels

    labels = agenda_labels.Labels(lang)
    texts: list[str] = [labels[key] for key in agenda_labels._TEXT]
    days = [dt.date(2021, 11, 22) + dt.timedelta(days=n) for n in range(7)]
    days += [dt.date(2021, month, 1) for month in range(1, 13)]
    texts += [labels.long_date(day) for day in days] + [labels.short_date(day) for day in days]
    texts += [labels.kind(k) for k in SessionKind] + [labels.role(r) for r in Role]
    texts += [labels.sector(s) for s in Sector] + [labels.status(s) for s in RegistrationStatus]
    texts = [re.sub(r"\{\w*\}|\d", " ", text) for text in texts]  # placeholders, years
    return {word for text in texts for word in re.findall(r"\w{4,}", text)}


def _words(path: Path) -> set[str]:
    book = load_workbook(path)
    found = {word for text in _all_texts(path) for word in re.findall(r"\w{4,}", text)}
    for ws in book.worksheets:
        found |= set(re.findall(r"\w{4,}", ws.title))
        for part in (ws.oddFooter.left, ws.oddFooter.right):
            found |= set(re.findall(r"\w{4,}", part.text or ""))
    return found


def test_a_russian_event_gets_russian_handouts_without_an_english_word(
    db: Database, tmp_path: Path
) -> None:
    event_id = handout_event(db)
    person = create_person(db, "Садыкова", "Динара", organization="ЕЭК", country="Kazakhstan")
    register_people(db, event_id, [person.id], expected_statuses=None)
    path = tmp_path / "ru.xlsx"
    result = export_agenda(
        db, event_id, path, ExportOptions(parts=PARTS, lang=event_language(db, event_id))
    )
    assert result.sheets[0] == "Программа"
    words = _words(path)
    assert not words & _generated_words("en"), words & _generated_words("en")
    programme = load_workbook(path)["Программа"]
    assert programme["A2"].value == "15–16 апреля 2027\u00a0г., Астана, Конгресс-центр"
    assert "Четверг, 15 апреля 2027\u00a0г." in _texts(programme)
    # the directory keeps countries as codes; the Russian list names them in Russian, and the
    # name as on a badge is in Latin letters beside the Cyrillic one
    people = load_workbook(path)["Участники"]
    row = next(r for r in people.iter_rows(values_only=True) if r[0] == "Садыкова Динара")
    assert row[1:4] == ("Sadykova Dinara", "ЕЭК", "Казахстан")


def test_an_english_export_of_the_demo_has_no_russian_generated_word(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    assert event_language(db, demo.event.id) == "en"
    path = tmp_path / "en.xlsx"
    export_agenda(db, demo.event.id, path, ExportOptions(parts=PARTS))
    words = _words(path)
    assert not words & _generated_words("ru"), words & _generated_words("ru")
    assert "Thursday" in " ".join(_all_texts(path))


@pytest.mark.parametrize(("lang", "country"), [("ru", "Германия"), ("en", "Germany")])
def test_countries_are_named_in_the_sheets_language(
    db: Database, tmp_path: Path, lang: Lang, country: str
) -> None:
    event = create_event(db, "Forum", "2027-04-15", timezone="Asia/Almaty")
    create_person(db, "Müller", "Hans", country="Германия", register_for=event.id)
    path = tmp_path / f"people-{lang}.xlsx"
    write_agenda_workbook(load_agenda(db, event.id), path, parts=["people"], lang=lang)
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert rows[1][:4] == ("Hans Müller", None, None, country)  # no Latin form: already Latin
