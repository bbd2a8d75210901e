"""Telling who is who: file duplicates, directory matches, likely duplicates."""

from __future__ import annotations

from forumdesk.io.duplicates import (
    Directory,
    KnownPerson,
    fuzzy_key,
    group_rows,
    match_entities,
    skeleton,
)
from forumdesk.io.people_rows import PersonDraft


def _known(
    pid: int,
    family: str,
    given: str | None,
    *,
    email: str | None = None,
    organization: str | None = None,
) -> KnownPerson:
    return KnownPerson(
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
    )


def test_cyrillic_and_latin_spellings_share_a_skeleton() -> None:
    assert skeleton("Кузнецов") == skeleton("Kuznetsov") == skeleton("Kuznecov")
    assert skeleton("Сергей") == skeleton("Sergey") == skeleton("Sergei")
    assert skeleton("Жанна") == skeleton("Zhanna")
    assert fuzzy_key("Садыкова", "Динара") == fuzzy_key("Dinara", "Sadykova")
    assert skeleton("Иванов") != skeleton("Петров")


def test_rows_of_one_person_are_grouped_and_disagreements_noted() -> None:
    drafts = [
        PersonDraft(row=2, family_name="Иванов", given_name="Пётр", email="p@x.kz"),
        PersonDraft(
            row=3,
            family_name="Иванов",
            given_name="Пётр",
            email="p@x.kz",
            phone="+7 701 555 00 00",
            position="Эксперт",
            sessions=("S1",),
        ),
        PersonDraft(
            row=4,
            family_name="Иванов",
            given_name="Пётр",
            email="p@x.kz",
            position="Директор",
            sessions=("S2",),
        ),
        PersonDraft(row=5, family_name="Петров", organization="WIPO"),
        PersonDraft(row=6, family_name="петров ", organization="wipo", email="pp@x.kz"),
    ]
    drafts[4].family_name = "Петров"
    entities, notes = group_rows(drafts)
    assert [e.rows for e in entities] == [[2, 3, 4], [5, 6]]
    first = entities[0]
    assert first.draft.phone == "+7 701 555 00 00" and first.draft.position == "Эксперт"
    assert first.sessions == ["S1", "S2"]
    assert entities[1].draft.email == "pp@x.kz"
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
            PersonDraft(row=2, family_name="Другой", email="P@X.KZ".lower()),  # same e-mail
            PersonDraft(
                row=3,
                family_name="Петров",
                given_name="Иван",
                organization="wipo",
                email="ivan@wipo.int",
            ),  # name+org, no e-mail
            PersonDraft(row=4, family_name="Садыкова", given_name="Динара"),  # transliteration
            PersonDraft(
                row=5,
                family_name="Смирнов",
                given_name="Олег",
                organization="ЕЭК",
                email="new@x.kz",
            ),  # another e-mail
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
    entities, _ = group_rows(
        [PersonDraft(row=2, family_name="Петров", given_name="Иван", organization="WIPO")]
    )
    likely = match_entities(entities, directory, by_name=False)
    assert entities[0].person_id is None
    assert [d.person_id for d in likely] == [2]
