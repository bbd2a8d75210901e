"""Handouts that go to the printer untouched (issue 15): what a participant reads on them.

Each test writes a real agenda workbook into tmp_path and reads it back with openpyxl: no staff
codes on breaks, one language on every page, sign-in sheets sized to the session's audience.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind
from forumdesk.db.engine import Database
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Lang
from forumdesk.io.agenda_xlsx import PARTS, write_agenda_workbook
from forumdesk.services.agenda import load_agenda
from forumdesk.services.assignments import assign_people, register_people
from forumdesk.services.events import create_event
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
