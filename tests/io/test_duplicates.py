"""Telling who is who: file duplicates, directory matches, likely duplicates."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from forumdesk.core.rows import PersonRow
from forumdesk.core.text import default_display_name, fold
from forumdesk.core.transliteration import latin_name
from forumdesk.io.duplicates import (
    NAME_CONFLICT,
    NAME_REORDERED,
    SAME_NAME,
    Directory,
    fuzzy_key,
    group_rows,
    match_entities,
    name_key,
    name_relation,
    skeleton,
)
from forumdesk.io.people_rows import AttendeeRow


def _known(
    pid: int,
    family: str,
    given: str | None,
    *,
    email: str | None = None,
    organization: str | None = None,
) -> PersonRow:
    return PersonRow(
        pid,
        family,
        given,
        None,
        f"{family} {given or ''}".strip(),
        None,
        organization,
        None,
        None,
        None,
        email,
        None,
        None,
        None,
        1,
    )


def _row(
    row: int,
    family: str,
    given: str | None = None,
    *,
    organization: str | None = None,
    position: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    sessions: tuple[str, ...] = (),
) -> AttendeeRow:
    """A file's row, as RowCleaner gives it: a person not stored yet (id and version 0)."""
    person = PersonRow(
        id=0,
        family_name=family,
        given_name=given,
        patronymic=None,
        display_name=default_display_name(family, given, None),
        organization_id=None,
        organization=organization,
        position=position,
        country=None,
        sector=None,
        email=email,
        phone=phone,
        language=None,
        notes=None,
        version=0,
        latin_name=latin_name(default_display_name(family, given, None)),
    )
    return AttendeeRow(row, person, sessions)


def test_cyrillic_and_latin_spellings_share_a_skeleton() -> None:
    assert skeleton("Кузнецов") == skeleton("Kuznetsov") == skeleton("Kuznecov")
    assert skeleton("Сергей") == skeleton("Sergey") == skeleton("Sergei")
    assert skeleton("Жанна") == skeleton("Zhanna")
    assert fuzzy_key("Садыкова", "Динара") == fuzzy_key("Dinara", "Sadykova")
    assert skeleton("Иванов") != skeleton("Петров")


def test_rows_of_one_person_are_grouped_and_disagreements_noted() -> None:
    rows = [
        _row(2, "Иванов", "Пётр", email="p@x.kz"),
        _row(
            3,
            "Иванов",
            "Пётр",
            email="p@x.kz",
            phone="+7 701 555 00 00",
            position="Эксперт",
            sessions=("S1",),
        ),
        _row(4, "Иванов", "Пётр", email="p@x.kz", position="Директор", sessions=("S2",)),
        _row(5, "Петров", organization="WIPO"),
        _row(6, "Петров", organization="wipo", email="pp@x.kz"),
    ]
    entities, notes = group_rows(rows)
    assert [e.rows for e in entities] == [[2, 3, 4], [5, 6]]
    first = entities[0]
    assert first.person.phone == "+7 701 555 00 00" and first.person.position == "Эксперт"
    assert first.sessions == ["S1", "S2"]
    assert entities[1].person.email == "pp@x.kz"
    assert notes == [
        "Row 4 repeats row 2 (the same e-mail) but gives position «Директор» "
        "instead of «Эксперт»; row 2's value is used."
    ]


def test_matching_against_the_directory() -> None:
    directory = Directory(
        [
            _known(1, "Иванов", "Пётр", email="p@x.kz"),
            _known(2, "Петров", "Иван", organization="WIPO"),
            _known(3, "Sadykova", "Dinara", email="dinara@un.org"),
            _known(4, "Смирнов", "Олег", email="old@x.kz", organization="ЕЭК"),
        ]
    )
    entities, _ = group_rows(
        [
            _row(2, "Другой", email="P@X.KZ".lower()),  # same e-mail
            _row(
                3, "Петров", "Иван", organization="wipo", email="ivan@wipo.int"
            ),  # name+org, no e-mail
            _row(4, "Садыкова", "Динара"),  # transliteration
            _row(5, "Смирнов", "Олег", organization="ЕЭК", email="new@x.kz"),  # another e-mail
        ]
    )
    likely = match_entities(entities, directory)
    assert [(e.person_id, e.matched_by) for e in entities] == [
        (1, "email"),
        (2, "name"),
        (None, None),
        (None, None),
    ]
    assert [(d.row, d.person_id) for d in likely] == [(4, 3), (5, 4)]
    assert "similar name" in likely[0].reason
    assert "another e-mail" in likely[1].reason


def test_by_name_off_only_trusts_emails() -> None:
    directory = Directory([_known(2, "Петров", "Иван", organization="WIPO")])
    entities, _ = group_rows([_row(2, "Петров", "Иван", organization="WIPO")])
    likely = match_entities(entities, directory, by_name=False)
    assert entities[0].person_id is None
    assert [d.person_id for d in likely] == [2]


def test_a_later_row_that_fills_in_a_name_renames_the_person_the_default_way() -> None:
    entities, notes = group_rows(
        [_row(2, "Иванов", email="p@x.kz"), _row(3, "Иванов", "Пётр", email="p@x.kz")]
    )
    assert notes == []
    person = entities[0].person
    assert (person.given_name, person.display_name) == ("Пётр", "Иванов Пётр")
    assert person.latin_name == "Ivanov Petr"  # the automatic Latin name follows


def test_a_latin_name_the_file_gives_stays_when_a_later_row_fills_in_a_name() -> None:
    first = _row(2, "Иванов", email="p@x.kz")
    first = replace(first, person=replace(first.person, latin_name="Ivanoff"))
    entities, _notes = group_rows([first, _row(3, "Иванов", "Пётр", email="p@x.kz")])
    assert entities[0].person.latin_name == "Ivanoff"


def test_a_person_removed_from_the_directory_matches_nobody_any_more() -> None:
    directory = Directory(
        [
            _known(1, "Иванов", "Пётр", email="ivanov@example.kz", organization="WIPO"),
            _known(2, "Иванов", "Пётр", organization="WIPO"),
        ]
    )
    directory.remove(1)
    directory.remove(99)  # nobody: nothing happens
    entities, _notes = group_rows(
        [_row(2, "Иванов", "Пётр", organization="WIPO", email="ivanov@example.kz")]
    )
    match_entities(entities, directory)
    assert entities[0].person_id == 2 and entities[0].matched_by == "name"
    assert set(directory.people) == {2} and "ivanov@example.kz" not in directory.by_email
    directory.remove(2)
    assert not (directory.by_name or directory.by_name_org or directory.by_fuzzy)


# --- issue 16: countries tell namesakes apart; how a file's name stands to a stored one ---


def _person(
    family: str,
    given: str | None = None,
    patronymic: str | None = None,
    *,
    country: str | None = None,
) -> PersonRow:
    return PersonRow(
        0,
        family,
        given,
        patronymic,
        default_display_name(family, given, patronymic),
        None,
        None,
        None,
        country,
        None,
        None,
        None,
        None,
        None,
        0,
    )


def test_namesakes_in_two_countries_are_two_people_and_a_row_with_no_country_joins_the_first() -> (
    None
):
    rows = [
        AttendeeRow(2, _person("Wei", "Wang", country="China")),
        AttendeeRow(3, _person("Wei", "Wang", country="Singapore")),
        AttendeeRow(4, _person("Wei", "Wang")),
        AttendeeRow(5, _person("Wei", "Wang", country="Singapore")),
    ]
    entities, _notes = group_rows(rows)
    assert [(e.row, e.rows) for e in entities] == [(2, [2, 4]), (3, [3, 5])]
    assert [row for row, _how in entities[0].merged] == [4]
    likely = match_entities(entities, Directory([]))
    assert [(d.row, d.other_row) for d in likely] == [(3, 2)]
    assert "another organisation, country" in likely[0].reason


def test_a_stored_namesake_in_another_country_is_only_a_likely_duplicate() -> None:
    stored = replace(_known(7, "Wei", "Wang"), country="China")
    entities, _notes = group_rows([AttendeeRow(2, _person("Wei", "Wang", country="Singapore"))])
    likely = match_entities(entities, Directory([stored]))
    assert entities[0].person_id is None
    assert [(d.row, d.person_id) for d in likely] == [(2, 7)]
    assert likely[0].reason == "same name and organisation but another country"


def test_name_relation() -> None:
    stored = _person("Иванов", "Иван")
    assert name_relation(stored, _person("ИВАНОВ", "иван")) == SAME_NAME
    assert name_relation(stored, _person("Иванов", "Иван", "Петрович")) == SAME_NAME
    assert name_relation(_person("Иванов", "Иван", "Петрович"), _person("Иванов")) == SAME_NAME
    assert name_relation(_person("Пётров", "Семён"), _person("Петров", "Семен")) == SAME_NAME
    assert name_relation(stored, _person("Иван", "Иванов")) == NAME_REORDERED
    assert name_relation(_person("Иванов", "Иван", "Петрович"), _person("Иван", "Иванов")) == (
        NAME_REORDERED
    )
    assert name_relation(stored, _person("Y", "X")) == NAME_CONFLICT
    assert name_relation(stored, _person("Петров", "Иван")) == NAME_CONFLICT
    assert name_relation(stored, _person("Ivanov", "Ivan")) == NAME_CONFLICT  # another alphabet
    # a word more that is not a patronymic is another name
    assert name_relation(stored, _person("Иван", "Иванов Сидоров")) == NAME_CONFLICT


_PART = st.none() | st.text(
    alphabet=["И", "в", "Ё", "ё", "A", "ß", " ", "\u00a0", "\t", "\u200b", "\x07", "-"],
    max_size=6,
)


@given(
    family=st.text(alphabet=["И", "ё", "A", " ", "\t"], min_size=1, max_size=6),
    given_name=_PART,
    patronymic=_PART,
)
def test_a_name_key_is_the_whole_name_folded(
    family: str, given_name: str | None, patronymic: str | None
) -> None:
    whole = fold(" ".join(filter(None, (family, given_name, patronymic))))
    assert name_key(family, given_name, patronymic) == whole
