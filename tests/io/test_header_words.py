"""The header words of real registration exports, and two columns that fit one field (issue 16,
item 5): files built here, read by the real reader (io.tables), mapped by io.headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk.core.i18n import set_language
from forumdesk.io.header_words import (
    PEOPLE_SYNONYMS,
    PROGRAMME_SYNONYMS,
    ROW_NUMBER_HEADERS,
    WEAK_SYNONYMS,
)
from forumdesk.io.headers import (
    ColumnMapping,
    SetAside,
    guess_field,
    header_key,
    map_columns,
    numbers_rows,
)
from forumdesk.io.tables import read_tables
from tests.io.spreadsheets import Rows, write_csv, write_xlsx


def _mapped(path: Path, kind: str = "attendees") -> ColumnMapping:
    (table,) = read_tables(path)
    mapping = map_columns(table, kind)
    assert mapping is not None, f"no header found in {path.name}"
    return mapping


def _fields(mapping: ColumnMapping) -> dict[str, str]:
    return {mapping.headers[i]: name for i, name in mapping.fields.items()}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # Eventbrite, Cvent, Google Forms, Typeform
        ("Company Name", "organization"),
        ("Company", "organization"),
        ("Organization Name", "organization"),
        ("Company / Organisation", "organization"),
        ("Nationality", "country"),
        ("Citizenship", "country"),
        ("Nationality (as in passport)", "country"),
        ("Country/Region", "country"),
        ("Job Title", "position"),
        ("Designation", "position"),
        ("Cell Phone", "phone"),
        ("Work Phone", "phone"),
        ("Email Address", "email"),
        ("First Name", "given_name"),
        ("Last Name", "family_name"),
        ("What's your name?", "full_name"),
        ("Attendee Name", "full_name"),
        ("Preferred language", "language"),
        # Russian and Kazakh Excel
        ("Наименование организации", "organization"),
        ("Наименование организации (полностью)", "organization"),
        ("Название компании", "organization"),
        ("Гражданство", "country"),
        ("Страна проживания", "country"),
        ("Азаматтығы", "country"),
        ("Электронный адрес", "email"),
        ("Дополнительная информация", "notes"),
        ("Gender", "gender"),  # an optional field since issue 20
        ("Пол", "gender"),
        ("Name as in passport", "latin_name"),
        ("ФИО латиницей", "latin_name"),
        # near misses that must stay unrecognised: a wrong field is worse than none
        ("Order Date", None),
        ("Ticket Type", None),
        ("Company Address", None),
        ("National ID number", None),
        ("Submit Date (UTC)", None),
        ("ID", None),
        ("№ п/п", None),
        ("#", None),
    ],
)
def test_the_words_of_registration_exports(header: str, field: str | None) -> None:
    assert guess_field(header, "attendees") == field


def test_number_signs_count_in_a_header() -> None:
    """ "№" and "#" alone head a column: squashing them away made "№" match nothing at all."""
    assert header_key("№ п/п") == "№пп"
    assert header_key("Order #") == "order#"
    assert guess_field("№", "programme") == "code"
    assert guess_field("#", "programme") == "code"
    for header in ("ID", "No.", "№", "#", "№ п/п", "Order #", "Attendee ID", "S/N"):
        assert numbers_rows(header, "attendees"), header
        assert guess_field(header, "attendees") is None, header
    assert not numbers_rows("ID", "programme")  # there it is the session's code
    assert not numbers_rows("Name", "attendees")


def test_every_weak_word_is_a_synonym_of_its_field() -> None:
    """A weak word that named no field would never be guessed; one under the wrong field would
    rank another field's column."""
    synonyms = {"attendees": PEOPLE_SYNONYMS, "programme": PROGRAMME_SYNONYMS}
    for kind, fields in WEAK_SYNONYMS.items():
        for name, words in fields.items():
            known = {header_key(w) for w in synonyms[kind][name]}
            for word in words:
                assert header_key(word) in known, (kind, name, word)
                assert guess_field(word, kind) == name, (kind, name, word)
    for word in ROW_NUMBER_HEADERS:
        assert guess_field(word, "attendees") is None, word


@pytest.mark.parametrize("header", [["id", "name"], ["ID", "Name"], ["№", "ФИО"], ["#", "Name"]])
def test_a_file_headed_id_and_name_is_read_by_its_name_column(
    tmp_path: Path, header: list[str]
) -> None:
    path = write_csv(tmp_path / "list.csv", [header, ["1", "Иванов Иван"], ["2", "Jane Smith"]])
    mapping = _mapped(path)
    assert mapping.header_row == 1
    assert mapping.fields == {1: "full_name"}  # the numbers are not a field


def test_row_numbers_alone_do_not_make_a_header(tmp_path: Path) -> None:
    """A name column beside an unknown column still needs a second known one: «name» and
    «score» could head any table; numbers with no name are no list of people."""
    for rows in ([["id", "name", "score"], ["1", "A", "2"]], [["id", "#"], ["1", "2"]]):
        (table,) = read_tables(write_csv(tmp_path / "list.csv", rows))
        assert map_columns(table, "attendees") is None, rows[0]


def test_an_eventbrite_export_maps_company_name_and_nationality(tmp_path: Path) -> None:
    rows: Rows = [
        [
            "Order #",
            "Order Date",
            "First Name",
            "Last Name",
            "Email",
            "Ticket Type",
            "Attendee #",
            "Job Title",
            "Company Name",
            "Nationality",
            "Cell Phone",
        ],
        [
            "1001",
            "2026-10-01",
            "Jane",
            "Smith",
            "jane@example.com",
            "Delegate",
            "1",
            "Counsel",
            "WIPO",
            "United Kingdom",
            "+44 20 7946 0000",
        ],
    ]
    mapping = _mapped(write_xlsx(tmp_path / "eventbrite.xlsx", rows))
    assert _fields(mapping) == {
        "First Name": "given_name",
        "Last Name": "family_name",
        "Email": "email",
        "Job Title": "position",
        "Company Name": "organization",
        "Nationality": "country",
        "Cell Phone": "phone",
    }
    assert mapping.set_aside == ()


def test_a_russian_excel_list_maps_organisation_and_citizenship(tmp_path: Path) -> None:
    rows: Rows = [
        ["№ п/п", "Фамилия", "Имя", "Наименование организации", "Гражданство", "Эл. почта"],
        ["1", "Иванов", "Иван", "Министерство юстиции", "Казахстан", "i@example.kz"],
    ]
    mapping = _mapped(write_xlsx(tmp_path / "список.xlsx", rows, title="Список участников"))
    assert mapping.header_row == 3
    assert _fields(mapping) == {
        "Фамилия": "family_name",
        "Имя": "given_name",
        "Наименование организации": "organization",
        "Гражданство": "country",
        "Эл. почта": "email",
    }


@pytest.mark.parametrize(
    ("header", "used", "ignored"),
    [
        (["ФИО", "Company", "Organisation"], "Organisation", "Company"),
        (["ФИО", "Organisation", "Company"], "Organisation", "Company"),
        (["ФИО", "Организация", "Компания"], "Организация", "Компания"),
        (["Name", "Nationality", "Country"], "Country", "Nationality"),
        (["Name", "Гражданство", "Страна проживания"], "Страна проживания", "Гражданство"),
        (["Name", "Title", "Job title"], "Job title", "Title"),
        (["Name", "Email", "E-mail"], "Email", "E-mail"),  # equals: the leftmost
        (["Email", "Participant", "Full name"], "Full name", "Participant"),
    ],
)
def test_two_columns_for_one_field_say_which_was_used(
    tmp_path: Path, header: list[str], used: str, ignored: str
) -> None:
    path = write_csv(tmp_path / "list.csv", [header, ["a", "b", "c"]])
    mapping = _mapped(path)
    field = mapping.fields[header.index(used)]
    assert header.index(ignored) not in mapping.fields
    assert mapping.set_aside == (SetAside(header.index(ignored), field, header.index(used)),)


def test_session_and_title_in_a_programme_the_title_is_used(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "programme.csv",
        [
            ["Session", "Title", "Date", "Start", "End"],
            ["S1", "Opening", "25.11.2021", "10:00", "11:00"],
        ],
    )
    mapping = _mapped(path, "programme")
    assert mapping.fields[1] == "title" and 0 not in mapping.fields
    assert mapping.set_aside == (SetAside(0, "title", 1),)
    set_language("en")
    assert mapping.set_aside_notes() == [
        "Columns «Title» and «Session» both fit the title: «Title» was used, «Session» ignored."
    ]
    set_language("ru")
    try:
        (note,) = mapping.set_aside_notes()
        assert "«Title»" in note and "«Session»" in note and "названи" in note
        assert "was used" not in note
    finally:
        set_language("en")


def test_a_column_the_user_chose_keeps_the_field_and_the_other_is_named(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [["ФИО", "Компания", "Организация"], ["a", "b", "c"]])
    (table,) = read_tables(path)
    mapping = map_columns(table, "attendees", overrides={"Компания": "organization"})
    assert mapping is not None and mapping.fields == {0: "full_name", 1: "organization"}
    assert mapping.set_aside == (SetAside(2, "organization", 1),)
    ignored = map_columns(table, "attendees", overrides={"Организация": "ignore"})
    assert ignored is not None and ignored.fields == {0: "full_name", 1: "organization"}
    assert ignored.set_aside == ()  # the user's own "ignore" needs no word
