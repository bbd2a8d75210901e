"""Cleaning attendee rows: names, e-mails, phones, countries (forumdesk.io.people_rows)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forumdesk.core import text
from forumdesk.core.countries import stored_country
from forumdesk.core.enums import Sector
from forumdesk.core.errors import ValidationError
from forumdesk.io.headers import map_columns
from forumdesk.io.people_rows import (
    _LONGEST_UNCHECKED,
    AttendeeRow,
    RowCleaner,
    _tidy,
    normalize_phone,
    split_full_name,
)
from forumdesk.io.tables import RawTable, RowProblem

HEADER = ["ФИО", "Организация", "Страна", "E-mail", "Телефон", "Сектор"]


def _cleaner(header: list[str] = HEADER) -> RowCleaner:
    table = RawTable(path=Path("x.csv"), kind="csv", sheet=None, sheet_names=(), rows=[(1, header)])
    mapping = map_columns(table, "attendees")
    assert mapping is not None
    return RowCleaner(mapping, None)


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Иванов Пётр Сергеевич", ("Иванов", "Пётр", "Сергеевич")),
        ("Кузнецов Елена", ("Кузнецов", "Елена", None)),
        ("Динара Садыкова", ("Садыкова", "Динара", None)),
        ("Марина Кузнецова", ("Кузнецова", "Марина", None)),
        ("Пётр Сергеевич Иванов", ("Иванов", "Пётр", "Сергеевич")),
        ("Ахметов Серик Болат ұлы", ("Ахметов", "Серик", "Болат ұлы")),
        ("John Smith", ("Smith", "John", None)),
        ("Mary Ann Smith", ("Smith", "Mary Ann", None)),
        ("IVANOV Petr", ("IVANOV", "Petr", None)),
        # a whole name in capitals shows no family name by its case (issue 16, item 7)
        ("JULIUS MAADA BIO", ("BIO", "JULIUS MAADA", None)),
        ("KARL HEINZ MUELLER", ("MUELLER", "KARL HEINZ", None)),
        ("ИВАНОВ ПЁТР СЕРГЕЕВИЧ", ("ИВАНОВ", "ПЁТР", "СЕРГЕЕВИЧ")),
        ("Ivanov Petr Sergeevich", ("Ivanov", "Petr", "Sergeevich")),
        ("Smith, John", ("Smith", "John", None)),
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig", None)),
        ("Мадонна", ("Мадонна", None, None)),
    ],
)
def test_full_names_are_split_in_the_order_their_script_suggests(
    full: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert split_full_name(full) == expected


def test_name_order_can_be_forced() -> None:
    assert split_full_name("Динара Садыкова", "family-first") == ("Динара", "Садыкова", None)
    assert split_full_name("Иванов Пётр", "given-first") == ("Пётр", "Иванов", None)


@pytest.mark.parametrize(
    ("given_phone", "expected"),
    [
        ("8 (701) 555-00-00", "+7 701 555 00 00"),
        ("77015550000", "+7 701 555 00 00"),
        ("+7 (495) 555 10 01", "+7 495 555 10 01"),
        ("7015550000", "+7 701 555 00 00"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("555-12-34", "555-12-34"),
        ("звонить секретарю", "звонить секретарю"),
    ],
)
def test_phones_are_normalised_where_they_parse(given_phone: str, expected: str) -> None:
    assert normalize_phone(given_phone) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Казахстан",
        "Kazakhstan",
        "KZ",
        "kaz",
        "Қазақстан",
        "РК",
        "Республика Казахстан",
        " казахстан ",
    ],
)
def test_countries_get_one_name(name: str) -> None:
    assert stored_country(name.strip()) == "KZ"


def test_unknown_countries_are_kept() -> None:
    assert stored_country("Атлантида") == "Атлантида"
    assert stored_country("Россия") == stored_country("Russian Federation") == "RU"


def test_a_row_is_cleaned() -> None:
    attendee = _cleaner().clean(
        7,
        [
            "  Иванов   Пётр\u00a0Сергеевич ",
            "WIPO",
            "Казахстан",
            " Ivanov@Example.KZ ",
            "87015550001",
            "Госорган",
        ],
    )
    assert isinstance(attendee, AttendeeRow) and attendee.row == 7
    assert (attendee.person.id, attendee.person.version) == (0, 0)  # not stored yet
    person = attendee.person
    assert (person.family_name, person.given_name, person.patronymic) == (
        "Иванов",
        "Пётр",
        "Сергеевич",
    )
    assert person.email == "ivanov@example.kz"
    assert person.phone == "+7 701 555 00 01"
    assert person.country == "KZ"
    assert person.latin_name == "Ivanov Petr Sergeevich"
    assert person.sector == Sector.GOVERNMENT
    assert person.display_name == "Иванов Пётр Сергеевич"


def test_empty_rows_are_none() -> None:
    assert _cleaner().clean(3, ["", "  ", "", "", ""]) is None
    assert text.clean(" \t ") is None


@pytest.mark.parametrize(
    "cells",
    [
        ["Иванов Иван", "WIPO"],  # the row ends before its last columns
        ["Иванов Иван", "WIPO", "", "", "", "", "unmapped"],  # and one that goes on past them
        ["Иванов Иван ", "WIPO", "", "  ", "", ""],  # not tidy: cleaned cell by cell
    ],
)
def test_fields_a_row_leaves_empty_are_none(cells: list[str]) -> None:
    attendee = _cleaner().clean(2, cells)
    assert isinstance(attendee, AttendeeRow)
    person = attendee.person
    assert (person.family_name, person.given_name, person.organization) == (
        "Иванов",
        "Иван",
        "WIPO",
    )
    empty = (person.patronymic, person.position, person.country, person.sector, person.email)
    assert empty == (None,) * 5
    assert (person.phone, person.language, person.notes, attendee.sessions) == (
        None,
        None,
        None,
        (),
    )


def test_each_problem_names_its_row_and_column() -> None:
    problems = _cleaner().clean(12, ["", "WIPO", "", "ivanov@", "", "Пираты"])
    assert isinstance(problems, list)
    texts = sorted(str(p) for p in problems)
    assert texts == [
        "Row 12, column «E-mail»: 'ivanov@' is not a valid e-mail address.",
        "Row 12, column «Сектор»: Unknown sector: 'Пираты' is not one of: government, "
        "intergovernmental, business, marketplace, creative industry, rights holder, "
        "expert/academia, media, other",
        "Row 12, column «ФИО»: the name is missing.",
    ]
    assert all(isinstance(p, RowProblem) and p.row == 12 for p in problems)


def test_too_long_values_are_refused_not_cut() -> None:
    problems = _cleaner().clean(4, ["Иванов Иван", "О" * 301, "", "", "", ""])
    assert isinstance(problems, list)
    assert str(problems[0]) == (
        "Row 4, column «Организация»: the value is too long (301 characters; at most 300)."
    )


@given(st.lists(st.text(max_size=300), min_size=0, max_size=8))
def test_no_row_crashes_the_cleaner(cells: list[str]) -> None:
    result = _cleaner().clean(2, cells)
    assert result is None or isinstance(result, AttendeeRow | list)
    if isinstance(result, AttendeeRow):
        family = result.person.family_name
        assert family and family == family.strip()
        assert len(family) <= 200


# Characters that make cleaning do something: spaces of every kind, controls, the "|" _tidy joins
# with, and what e-mails and phones are split on.
_MESSY = st.text(
    alphabet=[
        "И",
        "в",
        "A",
        "b",
        "1",
        "7",
        "+",
        "@",
        ".",
        " ",
        "|",
        ",",
        ";",
        "<",
        ">",
        "\u00a0",
        "\t",
        "\n",
        "\u200b",
        "\x07",
        "ё",
    ],
    max_size=14,
)


@given(st.lists(_MESSY, max_size=8))
def test_a_tidy_row_is_one_text_clean_would_leave_alone(cells: list[str]) -> None:
    if _tidy("|".join(cells)):
        assert all(text.clean(c) == (c or None) for c in cells)


def test_tidy_rows_are_told_apart() -> None:
    assert _tidy("|".join(["Иванов", "", "WIPO", "a|b"])) and _tidy("")
    for untidy in (["Иванов ", "x"], ["x", " Иванов"], ["a  b"], ["a\u00a0b"], ["a", " "]):
        assert not _tidy("|".join(untidy))


@given(st.lists(_MESSY, min_size=6, max_size=6))
def test_the_quick_way_through_a_row_gives_what_the_long_way_does(cells: list[str]) -> None:
    # A space in a seventh, unmapped column sends the same row through text.clean cell by cell
    cleaner = _cleaner()
    assert cleaner.clean(2, cells) == cleaner.clean(2, [*cells, " "])


@given(
    st.lists(
        st.lists(_MESSY | st.text(alphabet="Иваb ", min_size=195, max_size=205), max_size=7),
        max_size=5,
    )
)
def test_a_table_looked_at_whole_gives_what_each_row_does(rows: list[list[str]]) -> None:
    """look_at_table spares a tidy table's rows their own checks; the rows come out the same
    (long cells included: a row with one is refused whichever way)."""
    looked = _cleaner()
    looked.look_at_table(rows)
    assert looked._table_tidy == all(
        _tidy("|".join(row)) and all(len(c) <= _LONGEST_UNCHECKED for c in row) for row in rows
    )
    for number, row in enumerate(rows, start=2):
        assert looked.clean(number, row) == _cleaner().clean(number, row)


def test_a_tidy_table_is_told_apart_from_one_with_an_untidy_row() -> None:
    tidy = [["Иванов Пётр", "WIPO"], ["Smith John", "", "x|y"]]
    for untidy in (
        ["Петров ", "x"],
        [" Петров"],
        ["a  b"],
        ["a\tb"],
        ["x" * (_LONGEST_UNCHECKED + 1)],
    ):
        cleaner = _cleaner()
        cleaner.look_at_table([*tidy, untidy])
        assert not cleaner._table_tidy
    cleaner = _cleaner()
    cleaner.look_at_table(tidy)
    assert cleaner._table_tidy


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_a_phone_written_as_forumdesk_writes_it_stays_so(d: str) -> None:
    written = f"+7 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}"
    assert normalize_phone(written) == written
    assert normalize_phone(f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}") == written


# --- the "unavailable" column -------------------------------------------------------------------


def test_an_unavailable_column_gives_the_periods_it_lists() -> None:
    cleaner = _cleaner(["ФИО", "E-mail", "Недоступен"])
    one = cleaner.clean(2, ["Иванов Пётр", "p@example.kz", "2026-06-01 14:00-16:00"])
    assert isinstance(one, AttendeeRow)
    assert one.unavailable == ((dt.datetime(2026, 6, 1, 14), dt.datetime(2026, 6, 1, 16)),)
    assert one.warnings == ()
    several = cleaner.clean(
        3, ["Петрова Анна", "", "2026-06-01 14:00–16:00; 2026-06-02\n03.06.2026 9:00-10:30"]
    )
    assert isinstance(several, AttendeeRow)
    assert several.unavailable == (
        (dt.datetime(2026, 6, 1, 14), dt.datetime(2026, 6, 1, 16)),
        (dt.datetime(2026, 6, 2), dt.datetime(2026, 6, 3)),
        (dt.datetime(2026, 6, 3, 9), dt.datetime(2026, 6, 3, 10, 30)),
    )
    empty = cleaner.clean(4, ["Сидоров", "", "  "])
    assert isinstance(empty, AttendeeRow) and empty.unavailable == () and empty.warnings == ()


def test_a_period_that_cannot_be_read_is_a_warning_and_the_rest_are_kept() -> None:
    cleaner = _cleaner(["ФИО", "Unavailable times"])
    result = cleaner.clean(
        5, ["Иванов Пётр", "2026-06-01; after lunch; 2026-06-02 16:00-14:00; 2026-06-01"]
    )
    assert isinstance(result, AttendeeRow)  # imported all the same
    assert result.person.family_name == "Иванов"
    assert result.unavailable == ((dt.datetime(2026, 6, 1), dt.datetime(2026, 6, 2)),)
    assert [(w.row, w.column) for w in result.warnings] == [
        (5, "Unavailable times"),
        (5, "Unavailable times"),
    ]
    assert result.warnings[0].message == (
        "«after lunch» is not a period; write e.g. 2021-11-25 09:00–12:00, or a whole day as "
        "2021-11-26. It was not imported."
    )
    assert "ends before it starts" in result.warnings[1].message


def test_a_period_of_more_than_62_days_is_a_warning() -> None:
    cleaner = _cleaner(["ФИО", "Не может"])
    result = cleaner.clean(2, ["Иванов", "2026-01-01 – 2026-06-01"])
    assert isinstance(result, AttendeeRow)
    assert result.unavailable == ()
    assert [w.message for w in result.warnings] == [
        "the period «2026-01-01 – 2026-06-01» lasts more than 62 days; it was not imported."
    ]


@pytest.mark.parametrize(
    "header", ["Name (Latin)", "ФИО латиницей", "Name in English", "ФИО (как в паспорте)"]
)
def test_a_latin_name_column_is_taken_as_written(header: str) -> None:
    cleaner = _cleaner(["ФИО", header, "Страна"])
    assert cleaner.columns["latin_name"] == 1
    attendee = cleaner.clean(2, ["Кузнецов Пётр", "Kouznetsov Piotr", "РФ"])
    assert isinstance(attendee, AttendeeRow)
    assert (attendee.person.latin_name, attendee.person.country) == ("Kouznetsov Piotr", "RU")


def test_without_a_latin_column_the_name_is_transliterated() -> None:
    attendee = _cleaner(["ФИО", "Страна"]).clean(2, ["Қасымов Әлихан", "Атлантида"])
    assert isinstance(attendee, AttendeeRow)
    assert (attendee.person.latin_name, attendee.person.country) == (
        "Kasymov Alikhan",
        "Атлантида",  # no country by that name: kept as written
    )


@given(
    st.text(
        alphabet=["a", "Z", "1", "@", ".", "-", "ß", "İ", "Ё", "é", " ", "\u00a0", "\u200b", "\t"],
        max_size=14,
    )
)
def test_the_quick_way_through_an_email_gives_what_normalize_email_does(value: str) -> None:
    cleaner = _cleaner()
    problems: list[RowProblem] = []
    got = cleaner._email(2, value, problems)
    parts = [part for part in re.split(r"[;,\s]+", value) if part]
    try:
        expected = text.normalize_email(parts[0]) if parts else None
    except ValidationError:
        expected = None
        assert problems, value
    assert got == expected, value
    if len(parts) <= 1 and expected is not None:
        assert problems == []
