"""Tests for forumdesk.services.people: the organisations and people directory."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from forumdesk.core.enums import RegistrationStatus, Role, Sector
from forumdesk.core.errors import ConcurrentEditError, ConflictError, NotFoundError, ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.db.models import Person
from forumdesk.services import assignments, people, sessions
from tests.services.support import assert_readable


def names(rows: list) -> list[str]:
    return [r.display_name for r in rows]


def everyone(db: Database) -> list[tuple[object, ...]]:
    """The whole directory, for 'nothing changed' checks."""
    return [
        (p.id, p.display_name, p.email, p.organization, p.version) for p in people.search_people(db)
    ]


# --- organisations ----------------------------------------------------------------------------


def test_create_organization_reads_back(db: Database) -> None:
    org = people.create_organization(
        db,
        " World  Intellectual Property Organization ",
        country="Switzerland",
        sector="Intergovernmental",
    )
    assert people.list_organizations(db) == [org]
    assert (org.name, org.country, org.sector) == (
        "World Intellectual Property Organization",
        "CH",  # kept as its ISO code
        Sector.INTERGOVERNMENTAL,
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        (
            {"name": "ЕВРАЗИЙСКАЯ ЭКОНОМИЧЕСКАЯ КОМИССИЯ"},
            ConflictError,
            "ЕВРАЗИЙСКАЯ ЭКОНОМИЧЕСКАЯ КОМИССИЯ",
        ),
        ({"name": "  "}, ValidationError, "organisation name"),
        ({"name": "Other", "sector": "aliens"}, ValidationError, "aliens"),
    ],
)
def test_create_organization_rejections(
    db: Database, kwargs: dict, error: type[Exception], needle: str
) -> None:
    """A name taken ignoring case (Cyrillic too), no name or a bad sector add nothing."""
    existing = people.create_organization(db, "Евразийская экономическая комиссия")
    with pytest.raises(error) as caught:
        people.create_organization(db, **kwargs)
    assert_readable(caught.value, needle)
    assert people.list_organizations(db) == [existing]


def test_person_organization_is_found_ignoring_case(db: Database) -> None:
    """Naming an existing organisation in another case reuses it instead of adding one."""
    wipo = people.create_organization(db, "WIPO")
    person = people.create_person(db, "Rossi", "Martina", organization="wipo ")
    assert (person.organization_id, person.organization) == (wipo.id, "WIPO")
    created = people.create_person(db, "Ли", "Мин", organization="Новая Компания")
    assert people.get_person(db, created.id).organization == "Новая Компания"
    assert [o.name for o in people.list_organizations(db)] == ["WIPO", "Новая Компания"]
    with db.transaction() as session:
        assert (
            people.find_or_create_organization(session, "НОВАЯ компания").id
            == created.organization_id
        )


def test_list_organizations_search(db: Database) -> None:
    people.create_organization(db, "Евразийская патентная организация")
    people.create_organization(db, "WIPO")
    assert [o.name for o in people.list_organizations(db, "ПАТЕНТНАЯ")] == [
        "Евразийская патентная организация"
    ]
    assert len(people.list_organizations(db, " ")) == 2


def test_rename_organization_updates_search_and_undo(db: Database) -> None:
    """Renaming returns the old values; people are found by the new name, not the old one."""
    org = people.create_organization(db, "Atameken", country="KZ")
    person = people.create_person(db, "Кенжебаев", "Тимур", organization="Atameken")
    previous = people.update_organization(
        db, org.id, {"name": "Палата предпринимателей"}, expected_version=org.version
    )
    assert previous == {"name": "Atameken"}
    assert names(people.search_people(db, "палата")) == [person.display_name]
    assert names(people.search_people(db, "palata")) == [person.display_name]
    assert people.search_people(db, "atameken") == []
    assert people.get_person(db, person.id).organization == "Палата предпринимателей"
    people.update_organization(db, org.id, previous, expected_version=None)
    assert names(people.search_people(db, "atameken")) == [person.display_name]
    assert people.list_organizations(db)[0].name == "Atameken"


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"name": "wipo"}, ConflictError),
        ({"name": ""}, ValidationError),
        ({"sector": "nope"}, ValidationError),
        ({"website": "x"}, ValidationError),
    ],
)
def test_update_organization_rejections_change_nothing(
    db: Database, changes: dict, error: type[Exception]
) -> None:
    org = people.create_organization(db, "Atameken")
    people.create_organization(db, "WIPO")
    before = people.list_organizations(db)
    with pytest.raises(error) as caught:
        people.update_organization(db, org.id, {"country": "KZ", **changes}, expected_version=None)
    assert_readable(caught.value)
    assert people.list_organizations(db) == before


def test_update_organization_stale_or_missing(db: Database) -> None:
    org = people.create_organization(db, "Atameken")
    people.update_organization(db, org.id, {"country": "KZ"}, expected_version=org.version)
    with pytest.raises(ConcurrentEditError):
        people.update_organization(db, org.id, {"country": "RU"}, expected_version=org.version)
    assert people.list_organizations(db)[0].country == "KZ"
    with pytest.raises(NotFoundError) as caught:
        people.update_organization(db, 99, {"country": "KZ"}, expected_version=None)
    assert_readable(caught.value, "organisation")


def test_delete_organization_keeps_people(db: Database) -> None:
    org = people.create_organization(db, "WIPO")
    person = people.create_person(db, "Rossi", "Martina", organization="WIPO")
    people.delete_organization(db, org.id, expected_version=None)
    assert people.list_organizations(db) == []
    kept = people.get_person(db, person.id)
    assert (kept.family_name, kept.organization_id, kept.organization) == ("Rossi", None, None)
    assert people.search_people(db, "wipo") == []
    with pytest.raises(NotFoundError):
        people.delete_organization(db, org.id, expected_version=None)


# --- people: create ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("family", "given", "patronymic", "expected"),
    [
        ("Жаксыбекова", "Айгуль", "Маратовна", "Жаксыбекова Айгуль Маратовна"),
        ("Громов", "Виктор", None, "Громов Виктор"),
        ("Smith", "Anna", None, "Anna Smith"),
        ("Zhaksybekova", "Aigul", "Maratovna", "Zhaksybekova Aigul Maratovna"),
        ("Madonna", None, None, "Madonna"),
    ],
)
def test_default_display_name(
    db: Database, family: str, given: str | None, patronymic: str | None, expected: str
) -> None:
    """Cyrillic names (or with a patronymic): Family Given Patronymic; Latin: Given Family."""
    row = people.create_person(db, family, given, patronymic)
    assert people.get_person(db, row.id).display_name == expected


def test_create_person_stores_every_field(db: Database) -> None:
    row = people.create_person(
        db,
        "Rossi",
        "Martina",
        display_name="Dr Martina Rossi",
        organization="WIPO",
        position="Director",
        country="Switzerland",
        sector="intergovernmental",
        email=" M.Rossi@WIPO.int.example ",
        phone="+41 22 338 9111",
        language="en",
        notes="Vegetarian\n",
    )
    stored = people.get_person(db, row.id)
    assert stored == row
    assert (stored.display_name, stored.organization, stored.email, stored.sector) == (
        "Dr Martina Rossi",
        "WIPO",
        "m.rossi@wipo.int.example",
        Sector.INTERGOVERNMENTAL,
    )
    assert (stored.position, stored.phone, stored.notes) == (
        "Director",
        "+41 22 338 9111",
        "Vegetarian",
    )
    # the list reads plain columns, not the ORM object: every field must land in its place
    assert people.search_people(db) == [row]
    assert people.search_people(db, "rossi wipo") == [row]


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"email": "A@X.example"}, ConflictError, "a@x.example"),
        ({"email": "not-an-email"}, ValidationError, "not-an-email"),
        ({"family_name": "  "}, ValidationError, "family name"),
        ({"sector": "aliens"}, ValidationError, "aliens"),
        ({"birthday": "1990-01-01"}, ValidationError, "birthday"),
    ],
)
def test_create_person_rejections_add_nothing(
    db: Database, kwargs: dict, error: type[Exception], needle: str
) -> None:
    """Taken e-mail (ignoring case), bad e-mail, no family name... add neither person nor org."""
    people.create_person(db, "Owner", "Olga", email="a@x.example")
    before = everyone(db)
    args = {"family_name": "New", "organization": "Brand New Org"} | kwargs
    with pytest.raises(error) as caught:
        people.create_person(db, **args)
    assert_readable(caught.value, needle)
    if error is ConflictError:
        assert_readable(caught.value, "Olga Owner")
    assert everyone(db) == before
    assert people.list_organizations(db) == []


# --- people: update ---------------------------------------------------------------------------


def test_update_person_and_undo(db: Database) -> None:
    """update_person returns the previous values, organisation included; they restore it."""
    row = people.create_person(db, "Rossi", "Martina", organization="WIPO", email="m@w.example")
    previous = people.update_person(
        db,
        row.id,
        {"organization": "EUIPO", "email": "MR@euipo.example", "position": "Head"},
        expected_version=row.version,
    )
    assert previous == {"organization": "WIPO", "email": "m@w.example", "position": None}
    changed = people.get_person(db, row.id)
    assert (changed.organization, changed.email, changed.position) == (
        "EUIPO",
        "mr@euipo.example",
        "Head",
    )
    people.update_person(db, row.id, previous, expected_version=None)
    restored = people.get_person(db, row.id)
    assert (restored.organization, restored.email, restored.position) == (
        "WIPO",
        "m@w.example",
        None,
    )


def test_default_display_name_follows_name_changes(db: Database) -> None:
    """A default display name follows the name; undo restores both."""
    row = people.create_person(db, "Иванова", "Мария")
    previous = people.update_person(db, row.id, {"family_name": "Петрова"}, expected_version=None)
    assert previous == {
        "family_name": "Иванова",
        "display_name": "Иванова Мария",
        "latin_name": "Ivanova Mariia",
    }
    assert people.get_person(db, row.id).display_name == "Петрова Мария"
    assert people.get_person(db, row.id).latin_name == "Petrova Mariia"
    people.update_person(db, row.id, previous, expected_version=None)
    assert people.get_person(db, row.id).display_name == "Иванова Мария"
    assert people.get_person(db, row.id).latin_name == "Ivanova Mariia"


def test_latin_name_by_the_passport_scheme_then_as_typed(db: Database) -> None:
    """A new person's Latin name is their name transliterated (Kazakh letters too); one typed
    by hand stays when the name changes, and cleared it is the transliteration again."""
    kazakh = people.create_person(db, "Қасымов", "Әлихан")
    assert kazakh.latin_name == "Kasymov Alikhan"
    row = people.create_person(db, "Кузнецов", "Пётр", latin_name="Kouznetsov Petr")
    assert row.latin_name == "Kouznetsov Petr"
    people.update_person(db, row.id, {"given_name": "Павел"}, expected_version=None)
    assert people.get_person(db, row.id).latin_name == "Kouznetsov Petr"
    people.update_person(db, row.id, {"latin_name": " "}, expected_version=None)
    assert people.get_person(db, row.id).latin_name == "Kuznetsov Pavel"
    english = people.create_person(db, "Smith", "Anna")
    assert english.latin_name == "Anna Smith"


def test_search_finds_either_alphabet_from_the_other(db: Database) -> None:
    """Latin typing finds Cyrillic names and Cyrillic typing finds Latin ones; a name typed
    by hand in Latin is found too."""
    kuznetsov = people.create_person(db, "Кузнецов", "Пётр", organization="Минюст")
    smith = people.create_person(db, "Smith", "John")
    typed = people.create_person(db, "Щукина", "Юлия", latin_name="Shukina Julia")
    people.create_person(db, "Petrov", "Ivan")
    assert names(people.search_people(db, "kuznetsov")) == [kuznetsov.display_name]
    assert names(people.search_people(db, "KUZNETSOV petr")) == [kuznetsov.display_name]
    assert names(people.search_people(db, "minius")) == [kuznetsov.display_name]
    assert names(people.search_people(db, "Смит")) == [smith.display_name]
    assert names(people.search_people(db, "кузнецов")) == [kuznetsov.display_name]
    assert names(people.search_people(db, "julia")) == [typed.display_name]
    assert names(people.search_people(db, "shchukina")) == [typed.display_name]
    assert names(people.search_people(db, "Щукина")) == [typed.display_name]


def test_hand_typed_display_name_stays(db: Database) -> None:
    """A display name typed by hand is kept when the name changes; cleared, it is the default."""
    row = people.create_person(db, "Smith", "Anna", display_name="Dr. A. Smith")
    people.update_person(db, row.id, {"family_name": "Smith-Jones"}, expected_version=None)
    assert people.get_person(db, row.id).display_name == "Dr. A. Smith"
    people.update_person(db, row.id, {"display_name": ""}, expected_version=None)
    assert people.get_person(db, row.id).display_name == "Anna Smith-Jones"


@pytest.mark.parametrize(
    ("changes", "error", "needle"),
    [
        ({"email": "taken@x.example"}, ConflictError, "taken@x.example"),
        ({"email": "TAKEN@x.example"}, ConflictError, "taken@x.example"),
        ({"email": "nobody at all"}, ValidationError, "nobody at all"),
        ({"family_name": ""}, ValidationError, "family name"),
        ({"id": 5}, ValidationError, "id"),
    ],
)
def test_update_person_rejections_change_nothing(
    db: Database, changes: dict, error: type[Exception], needle: str
) -> None:
    """A refused update changes no field and creates no organisation."""
    people.create_person(db, "Owner", "Olga", email="taken@x.example")
    row = people.create_person(db, "Rossi", "Martina", email="m@w.example")
    before = everyone(db)
    with pytest.raises(error) as caught:
        people.update_person(
            db, row.id, {"organization": "Brand New Org", **changes}, expected_version=None
        )
    assert_readable(caught.value, needle)
    assert everyone(db) == before
    assert people.list_organizations(db) == []


def test_update_person_stale_or_missing(db: Database) -> None:
    row = people.create_person(db, "Rossi", "Martina")
    people.update_person(db, row.id, {"position": "A"}, expected_version=row.version)
    with pytest.raises(ConcurrentEditError):
        people.update_person(db, row.id, {"position": "B"}, expected_version=row.version)
    assert people.get_person(db, row.id).position == "A"
    with pytest.raises(NotFoundError) as caught:
        people.update_person(db, 404, {"position": "B"}, expected_version=None)
    assert_readable(caught.value, "person")


# --- people: delete, get, find ----------------------------------------------------------------


def test_delete_and_restore_person(event: EventRow, db: Database) -> None:
    """Undoing a delete brings back the same id, fields, organisation, roles, registration."""
    row = people.create_person(db, "Rossi", "Martina", organization="WIPO", email="m@w.example")
    talk = sessions.create_session(db, event.id, "Talk")
    assignments.assign_person(db, talk.id, row.id, Role.SPEAKER, expected_version=None)
    assignments.register_people(
        db, event.id, [row.id], RegistrationStatus.CONFIRMED, expected_statuses=None
    )

    snapshot = people.delete_person(db, row.id, expected_version=None)
    assert people.search_people(db) == []
    assert assignments.session_people(db, talk.id) == []
    assert assignments.event_registrations(db, event.id) == []

    restored = people.restore_person(db, snapshot)
    stored = people.get_person(db, row.id)
    assert restored == stored
    assert (stored.id, stored.display_name, stored.email, stored.organization) == (
        row.id,
        "Martina Rossi",
        "m@w.example",
        "WIPO",
    )
    assert [(a.person_id, a.role) for a in assignments.session_people(db, talk.id)] == [
        (row.id, Role.SPEAKER)
    ]
    assert [(r.person_id, r.status) for r in assignments.event_registrations(db, event.id)] == [
        (row.id, RegistrationStatus.CONFIRMED)
    ]
    assert names(people.search_people(db, "wipo")) == ["Martina Rossi"]


def test_restore_person_refused_when_email_was_taken(db: Database) -> None:
    row = people.create_person(db, "Rossi", "Martina", email="m@w.example")
    snapshot = people.delete_person(db, row.id, expected_version=None)
    people.create_person(db, "Newcomer", email="M@W.example")
    before = everyone(db)
    with pytest.raises(ConflictError) as caught:
        people.restore_person(db, snapshot)
    assert_readable(caught.value, "m@w.example")
    assert everyone(db) == before


def test_missing_person_is_not_found(db: Database) -> None:
    for call in (
        lambda: people.get_person(db, 1),
        lambda: people.delete_person(db, 1, expected_version=None),
    ):
        with pytest.raises(NotFoundError) as caught:
            call()
        assert_readable(caught.value, "person")


def test_find_person_by_email_ignores_case(db: Database) -> None:
    row = people.create_person(db, "Rossi", "Martina", email="m.rossi@wipo.example")
    assert people.find_person_by_email(db, " M.Rossi@WIPO.example ") == row
    assert people.find_person_by_email(db, "other@wipo.example") is None
    assert people.find_person_by_email(db, "  ") is None


# --- search -----------------------------------------------------------------------------------


@pytest.fixture
def directory(db: Database) -> dict[str, int]:
    """A few people with Cyrillic and Latin names, organisations, e-mails and phones."""
    rows = {
        "zh": people.create_person(
            db,
            "Жаксыбекова",
            "Айгуль",
            "Маратовна",
            organization="Евразийская экономическая комиссия",
            email="a.zhaksybekova@eec.example",
        ),
        "korolev": people.create_person(db, "Королёв", "Сергей", organization="Роспатент"),
        "fedorov": people.create_person(db, "Федоров", "Пётр", phone="+7 701 555 0101"),
        "rossi": people.create_person(
            db, "Rossi", "Martina", organization="WIPO", email="m.rossi@wipo.example"
        ),
    }
    return {key: row.id for key, row in rows.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("жаксы", ["zh"]),
        ("ЖАКСЫБЕКОВА", ["zh"]),
        ("королев", ["korolev"]),
        ("КОРОЛЁВ", ["korolev"]),
        ("фёдоров", ["fedorov"]),
        ("петр", ["fedorov"]),
        ("айгуль маратовна", ["zh"]),
        ("маратовна rossi", []),
        ("экономическая", ["zh"]),
        ("wipo", ["rossi"]),
        ("M.ROSSI@wipo", ["rossi"]),
        ("zhaksybekova@", ["zh"]),
        ("555 0101", ["fedorov"]),
        ("", ["rossi", "zh", "korolev", "fedorov"]),
    ],
)
def test_search_people(
    db: Database, directory: dict[str, int], query: str, expected: list[str]
) -> None:
    """Every word must match name, organisation, e-mail or phone, ignoring case and ё/е."""
    found = [p.id for p in people.search_people(db, query)]
    assert sorted(found) == sorted(directory[key] for key in expected)


def test_search_people_order_limit_and_event_filter(
    event: EventRow, db: Database, directory: dict[str, int]
) -> None:
    """Results sort by family name; limit cuts; an event keeps only its registered people."""
    assert [p.family_name for p in people.search_people(db)] == [
        "Rossi",
        "Жаксыбекова",
        "Королёв",
        "Федоров",
    ]
    assert len(people.search_people(db, limit=2)) == 2
    assignments.register_people(
        db, event.id, [directory["korolev"], directory["rossi"]], expected_statuses=None
    )
    assert [p.id for p in people.search_people(db, event_id=event.id)] == [
        directory["rossi"],
        directory["korolev"],
    ]
    assert [p.id for p in people.search_people(db, "королев", event_id=event.id)] == [
        directory["korolev"]
    ]
    assert people.search_people(db, "жаксы", event_id=event.id) == []


def test_refresh_all_search_keys_rebuilds_them(db: Database, directory: dict[str, int]) -> None:
    """The migration helper rebuilds search keys, organisation names included."""
    with db.transaction() as session:
        session.execute(update(Person).values(search_key=""))
    assert people.search_people(db, "wipo") == []
    with db.transaction() as session:
        people.refresh_all_search_keys(session)
    assert [p.id for p in people.search_people(db, "wipo")] == [directory["rossi"]]
    assert [p.id for p in people.search_people(db, "жаксы")] == [directory["zh"]]


def test_a_person_created_for_an_event_is_registered_in_the_same_unit_of_work(
    db: Database, event: EventRow
) -> None:
    row = people.create_person(db, "Омаров", "Тимур", register_for=event.id)
    [registration] = assignments.event_registrations(db, event.id)
    assert (registration.person_id, registration.status) == (row.id, RegistrationStatus.REGISTERED)
    snapshot = people.delete_person(db, row.id, expected_version=None)  # undo
    assert people.search_people(db) == [] and assignments.event_registrations(db, event.id) == []
    people.restore_person(db, snapshot)  # redo: the same person, registered again
    assert [r.person_id for r in assignments.event_registrations(db, event.id)] == [row.id]

    with pytest.raises(NotFoundError):
        people.create_person(db, "Ли", "Мин", register_for=404)
    assert [p.id for p in people.search_people(db)] == [row.id]  # nobody half-created
