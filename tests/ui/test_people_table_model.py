"""The People table model: the model tester, and filtering and sorting against plain references.

Rows are generated in memory as PersonRow values (a few thousand, Cyrillic and Latin, with ё,
empty fields and duplicates), so the references below can be written independently of the model.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from forumdesk.core.countries import country_label
from forumdesk.core.enums import RegistrationStatus, Sector
from forumdesk.core.rows import PersonRow
from forumdesk.core.text import fold
from forumdesk.core.transliteration import has_cyrillic, latin_folded, latin_name
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people
from forumdesk.services.demo import DemoResult
from forumdesk.ui.mime import PERSON_IDS_MIME, decode_ids
from forumdesk.ui.people_table_model import PERSON_ID_ROLE, PeopleTableModel, _text_key

FAMILIES = [
    "Иванов",
    "Иванова",
    "Королёв",
    "Королева",
    "Ёлкин",
    "Жаксыбекова",
    "Smith",
    "Schmidt",
    "O'Neil",
    "Müller",
    "Nguyen",
    "Абенова",
    "Ali",
]
GIVEN = ["Иван", "Мария", "Пётр", "Айгуль", "John", "Anna", "Émile", None]
PATRONYMICS = ["Иванович", "Сергеевна", "Маратовна", None, None]
ORGANIZATIONS = [
    "Евразийская экономическая комиссия",
    "World Customs Organization",
    "ООО «Рога и копыта»",
    "Stride Athletic GmbH",
    "Ёлочка",
    None,
]
POSITIONS = ["Director", "Главный специалист", "Head of Legal", None]
COUNTRIES = ["KZ", "RU", "DE", "FR", "Атлантида", None]  # codes, and a name kept as written
STATUS_CHOICES = [*RegistrationStatus, None]


Generated = tuple[list[PersonRow], dict[int, RegistrationStatus]]


def generate_rows(count: int, seed: int = 7) -> Generated:
    rng = random.Random(seed)
    rows, statuses = [], {}
    for n in range(count):
        family = rng.choice(FAMILIES) + rng.choice(["", "", str(n % 50)])
        given_name, patronymic = rng.choice(GIVEN), rng.choice(PATRONYMICS)
        rows.append(
            PersonRow(
                id=10_000 + n,
                family_name=family,
                given_name=given_name,
                patronymic=patronymic,
                display_name=" ".join(p for p in (family, given_name, patronymic) if p),
                organization_id=None,
                organization=rng.choice(ORGANIZATIONS),
                position=rng.choice(POSITIONS),
                country=rng.choice(COUNTRIES),
                sector=rng.choice([*Sector, None]),
                email=rng.choice([f"person{n}@example.org", None]),
                phone=rng.choice([f"+7 701 555 {n % 100:02d} {n % 37:02d}", None]),
                language=None,
                notes=None,
                version=1,
                latin_name=latin_name(" ".join(p for p in (family, given_name, patronymic) if p)),
            )
        )
        status = rng.choice(STATUS_CHOICES)
        if status is not None:
            statuses[rows[-1].id] = status
    return rows, statuses


def reference_matches(row: PersonRow, query: str) -> bool:
    """What the filter promises, written the slow, obvious way with services.text.fold: every
    word somewhere in what the row shows (the country by its name, the Latin name too)."""
    fields = (
        row.display_name,
        row.family_name,
        row.given_name,
        row.patronymic,
        row.latin_name,
        row.organization,
        row.position,
        country_label(row.country, "en"),
        row.sector.label if row.sector else None,
        row.email,
        row.phone,
    )
    haystack = fold(" ".join(f for f in fields if f))
    # a Cyrillic word also finds, in Latin letters, a name written in Latin («смит»: Smith)
    latin_written = "" if has_cyrillic(row.display_name) else fold(row.display_name)
    return all(
        word in haystack or (latin_folded(word) != word and latin_folded(word) in latin_written)
        for word in fold(query).split()
    )


def shown_ids(model: PeopleTableModel) -> list[int]:
    return [model.index(r, 0).data(PERSON_ID_ROLE) for r in range(model.rowCount())]


def column_values(model: PeopleTableModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.fixture(scope="module")
def generated() -> Generated:
    return generate_rows(3000)


@pytest.fixture
def model(generated: Generated) -> PeopleTableModel:
    built = PeopleTableModel()
    built.set_rows(*generated)
    return built


def test_the_model_passes_the_model_tester_on_the_demo(
    qtmodeltester: object, db: Database, demo: DemoResult
) -> None:
    model = PeopleTableModel()
    statuses = {r.person_id: r.status for r in assignments.event_registrations(db, demo.event.id)}
    model.set_rows(people.search_people(db), statuses)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == model.total_count == 62
    assert model.columnCount() == 9


def test_the_model_tester_stays_happy_through_filters_sorts_and_reloads(
    qtmodeltester: object, generated: Generated
) -> None:
    model = PeopleTableModel()
    model.set_rows(generated[0][:300], generated[1])
    qtmodeltester.check(model)  # type: ignore[attr-defined]  # keeps watching what follows
    model.set_filter("ива")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter("иван")
    model.set_rows(generated[0][100:400], generated[1])
    model.set_filter("")
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 300


@pytest.mark.parametrize(
    "query",
    [
        "иван",
        "ИВАН",
        "королев",
        "королёв",
        "ёлкин",
        "елкин",
        "мария иванов",
        "иванов мария",
        "рога",
        "«рога",
        "world customs",
        "person12@",
        "+7 701 555 0",
        "gmbh director",
        "rights holder",
        "émile",
        "EMILE",
        "o'neil",
        "nobody-like-this",
        "  иван   ",
    ],
)
def test_the_filter_shows_exactly_the_rows_holding_every_word(
    model: PeopleTableModel, generated: Generated, query: str
) -> None:
    model.set_filter(query)
    expected = {row.id for row in generated[0] if reference_matches(row, query)}
    assert set(shown_ids(model)) == expected
    assert len(shown_ids(model)) == len(expected)  # nobody twice


def test_yo_and_ye_find_each_other(model: PeopleTableModel) -> None:
    model.set_filter("королев")
    with_e = set(shown_ids(model))
    model.set_filter("КОРОЛЁВ")
    assert set(shown_ids(model)) == with_e
    names = {model.person_at(r).family_name.rstrip("0123456789") for r in range(model.rowCount())}
    assert names == {"Королёв", "Королева"}


def test_typing_letter_by_letter_and_back_agrees_with_a_fresh_filter(
    model: PeopleTableModel,
) -> None:
    target = "иванова мар"
    fresh = PeopleTableModel()
    fresh.set_rows(*generate_rows(3000))
    for end in [*range(1, len(target) + 1), *range(len(target) - 1, -1, -1)]:
        model.set_filter(target[:end])
        fresh.set_filter("")  # then the whole list is searched, not the rows shown
        fresh.set_filter(target[:end])
        assert shown_ids(model) == shown_ids(fresh), target[:end]
    assert model.rowCount() == model.total_count == 3000


@settings(max_examples=40, deadline=None)
@given(
    steps=st.lists(
        st.sampled_from(
            [
                "и",
                "ив",
                "ива",
                "иван",
                "ов",
                "мар",
                "ё",
                "е",
                "kaz",
                "a",
                "an",
                "ann",
                "",
                " ",
                "ivan",
                "казах",
            ]
        ),
        min_size=1,
        max_size=8,
    ),
    joiner=st.sampled_from(["", " "]),
)
def test_any_sequence_of_filters_agrees_with_the_reference(steps: list[str], joiner: str) -> None:
    rows, statuses = generate_rows(400, seed=3)
    model = PeopleTableModel()
    model.set_rows(rows, statuses)
    text = ""
    for step in steps:
        text = text + joiner + step if len(text) < 12 else step
        model.set_filter(text)
        expected = [r.id for r in rows if reference_matches(r, text)]
        assert sorted(shown_ids(model)) == sorted(expected), text


def test_an_unchanged_filter_does_not_reset(model: PeopleTableModel) -> None:
    assert model.set_filter("иван")
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    assert not model.set_filter("  ИВАН ")
    assert not resets


def _text_order_ok(values: list[str], descending: bool) -> bool:
    keys = [fold(v) for v in values]
    present = [k for k in keys if k]
    if descending:
        return keys == [""] * keys.count("") + present and present == sorted(present, reverse=True)
    return keys == present + [""] * keys.count("") and present == sorted(present)


@pytest.mark.parametrize("column", [1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_a_text_column_orders_it_with_empty_cells_last(
    model: PeopleTableModel, column: int, order: Qt.SortOrder
) -> None:
    model.sort(column, order)
    values = column_values(model, column)
    assert _text_order_ok(values, order == Qt.SortOrder.DescendingOrder)
    assert sorted(shown_ids(model)) == sorted(r.id for r in generate_rows(3000)[0])


def test_sorting_by_name_reads_family_given_patronymic(model: PeopleTableModel) -> None:
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    keys = [
        fold(f"{p.family_name}\0{p.given_name or ''}\0{p.patronymic or ''}")
        for p in (model.person_at(r) for r in range(model.rowCount()))
    ]
    assert keys == sorted(keys)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    descending = [
        fold(f"{p.family_name}\0{p.given_name or ''}\0{p.patronymic or ''}")
        for p in (model.person_at(r) for r in range(model.rowCount()))
    ]
    assert descending == sorted(keys, reverse=True)


def test_sorting_by_registration_follows_the_status_order(
    model: PeopleTableModel, generated: Generated
) -> None:
    model.sort(7, Qt.SortOrder.AscendingOrder)
    order = list(RegistrationStatus)
    ranks = [order.index(s) if (s := generated[1].get(i)) else len(order) for i in shown_ids(model)]
    assert ranks == sorted(ranks)
    assert model.index(0, 7).data() == "invited"
    assert model.index(model.rowCount() - 1, 7).data() == ""


def test_sorting_keeps_the_filter_and_a_filter_keeps_the_sort(model: PeopleTableModel) -> None:
    model.set_filter("мария")
    before = set(shown_ids(model))
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert set(shown_ids(model)) == before
    assert _text_order_ok(column_values(model, 3), descending=False)
    model.set_filter("мария kaz")
    assert set(shown_ids(model)) < before
    assert all(
        v == "Kazakhstan" or "kaz" in fold(model.person_at(r).display_name)
        for r, v in enumerate(column_values(model, 3))
    )
    assert _text_order_ok(column_values(model, 3), descending=False)


def test_a_sort_carries_persistent_indexes_with_their_people(model: PeopleTableModel) -> None:
    picked = [QPersistentModelIndex(model.index(r, 2)) for r in (0, 17, 2999)]
    ids = [model.person_at(i.row()).id for i in picked]
    model.sort(5, Qt.SortOrder.DescendingOrder)
    assert [model.person_at(i.row()).id for i in picked] == ids
    assert all(i.column() == 2 for i in picked)


def test_a_reload_keeps_filter_and_sort(model: PeopleTableModel, generated: Generated) -> None:
    model.set_filter("иван")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_rows(generated[0][:1000], generated[1])
    expected = {r.id for r in generated[0][:1000] if reference_matches(r, "иван")}
    assert set(shown_ids(model)) == expected
    assert _text_order_ok(column_values(model, 1), descending=True)
    assert (model.sort_column, model.sort_order) == (1, Qt.SortOrder.DescendingOrder)


def test_rows_answer_for_their_people(model: PeopleTableModel, generated: Generated) -> None:
    model.set_filter("smith")
    first, second = model.person_at(0), model.person_at(1)
    assert "smith" in fold(first.display_name)
    assert model.person_ids([1, 0, 1]) == [second.id, first.id]
    assert model.row_of(second.id) == 1
    hidden = next(r for r in generated[0] if "smith" not in fold(r.display_name))
    assert model.row_of(hidden.id) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(first.family_name)
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.data(QModelIndex()) is None


def test_dragging_rows_carries_the_person_ids(model: PeopleTableModel) -> None:
    indexes = [model.index(r, c) for r in (4, 2) for c in range(model.columnCount())]
    data = model.mimeData(indexes)
    assert decode_ids(PERSON_IDS_MIME, data) == model.person_ids([2, 4])
    assert model.mimeTypes() == [PERSON_IDS_MIME]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_headings_and_cells_read_as_staff_expect(db: Database, demo: DemoResult) -> None:
    model = PeopleTableModel()
    statuses = {r.person_id: r.status for r in assignments.event_registrations(db, demo.event.id)}
    model.set_rows(people.search_people(db), statuses)
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headings == [
        "Name",
        "Organisation",
        "Position",
        "Country",
        "Sector",
        "E-mail",
        "Phone",
        "Registration",
        "Name (Latin)",
    ]
    model.set_filter("жаксыбекова")
    assert [model.index(0, c).data() for c in range(9)] == [
        "Жаксыбекова Айгуль Маратовна",
        "Eurasian Economic Commission",
        "Member of the Board (Minister) for Internal Markets, Informatization and ICT",
        "Kazakhstan",
        "intergovernmental",
        "a.zhaksybekova@eecommission.org.example",
        "+7 495 555 10 01",
        "confirmed",
        "Zhaksybekova Aigul Maratovna",
    ]
    countries = model.countries()  # all rows, not only the filtered one
    assert countries[:2] == ["Armenia", "Belarus"] and "Russia" in countries
    assert countries == sorted(set(countries))


def test_update_people_changes_rows_in_place_and_the_filter_finds_the_new_text(
    qtmodeltester: object, model: PeopleTableModel, generated: Generated
) -> None:
    from dataclasses import replace

    from PySide6.QtTest import QSignalSpy

    model.sort(1, Qt.SortOrder.AscendingOrder)  # a sort column whose keys are then cached
    order = shown_ids(model)
    edited = replace(model.person_at(5), organization="Палата Заседателей", version=2)
    unknown = replace(generated[0][0], id=99_999)
    changed = QSignalSpy(model.dataChanged)
    resets = QSignalSpy(model.modelReset)
    assert model.update_people([edited, model.person_at(7), unknown]) == [99_999]
    assert changed.count() == 1 and resets.count() == 0  # the unchanged row says nothing
    assert shown_ids(model) == order  # it stays where it stood
    assert model.index(5, 1).data() == "Палата Заседателей"
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_filter("заседателей")
    assert shown_ids(model) == [edited.id]
    model.set_filter("")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # sorted again: by the new organisation
    at = shown_ids(model).index(edited.id)
    neighbours = [model.index(at + d, 1).data() for d in (-1, 1)]
    assert _text_key(neighbours[0]) <= _text_key("Палата Заседателей") <= _text_key(neighbours[1])


def test_latin_typing_finds_cyrillic_names_and_the_reverse(model: PeopleTableModel) -> None:
    """ "ivanova" shows the Ивановы (by their Latin names), «Смит»-style Cyrillic typing shows
    Latin names, and a country is found by the name the window shows for its code."""
    model.set_filter("ivanova")
    cyrillic = {
        model.person_at(r).family_name.rstrip("0123456789") for r in range(model.rowCount())
    }
    assert cyrillic == {"Иванова"}
    model.set_filter("Иванова")
    assert {
        model.person_at(r).family_name.rstrip("0123456789") for r in range(model.rowCount())
    } == {"Иванова"}
    extra = PeopleTableModel()
    smith = PersonRow(
        1,
        "Smith",
        "John",
        None,
        "John Smith",
        None,
        None,
        None,
        "KZ",
        None,
        None,
        None,
        None,
        None,
        1,
        latin_name="John Smith",
    )
    kuznetsov = PersonRow(
        2,
        "Кузнецов",
        "Пётр",
        None,
        "Кузнецов Пётр",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        1,
        latin_name="Kuznetsov Petr",
    )
    extra.set_rows([smith, kuznetsov])
    for typed, ids in (
        ("Смит", [1]),
        ("kuznetsov", [2]),
        ("KUZNETSOV petr", [2]),
        ("kazakhstan", [1]),
        ("KZ", []),
    ):
        extra.set_filter(typed)
        assert shown_ids(extra) == ids, typed
    extra.set_filter("")
    assert extra.index(0, extra.COLUMNS.index("latin_name")).data() == "John Smith"
    assert extra.index(0, extra.COLUMNS.index("country")).data() == "Kazakhstan"
