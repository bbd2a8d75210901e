"""Every row of an attendee list accounted for, and names never replaced without a word
(issue 16, items 2 and 3), on real SQLite files and CSV files built here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.import_common import ImportOptions, ImportSummary
from forumdesk.services.import_undo import undo_import
from forumdesk.services.imports import ImportFileError, import_attendees
from forumdesk.services.people import create_person, find_person_by_email, search_people
from tests.io.spreadsheets import write_csv

HEADER = ["ФИО", "Организация", "Страна", "E-mail"]


def outcomes(summary: ImportSummary) -> list[tuple[int, str, int | None]]:
    return [(o.row, o.outcome, o.into_row) for o in summary.sorted_outcomes()]


def test_every_row_is_counted_and_each_one_not_created_is_named(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [
            HEADER,
            ["Wang Wei", "", "China", ""],  # row 2
            ["Wang Wei", "", "Singapore", ""],  # 3: another country, another person
            ["Wang Wei", "", "", ""],  # 4: nothing tells it from row 2: merged
            ["", "", "", "", "seen at the door"],  # 5: nothing in the columns imported
            HEADER,  # 6: the header again
            ["Иванов Пётр", "WIPO", "", "ivanov@example.kz"],  # 7
            ["Иванов Пётр", "", "", "IVANOV@example.kz"],  # 8: the same e-mail
            ["Петров Иван", "", "", "not an e-mail"],  # 9: rejected
        ],
    )
    summary = import_attendees(db, path, options=ImportOptions(skip_invalid=True))
    assert summary.rows == 8
    assert (summary.created, summary.merged, summary.empty_rows) == (3, 2, 1)
    assert (summary.repeated_headers, summary.rejected) == (1, 1)
    assert summary.accounted() == summary.rows
    assert outcomes(summary) == [
        (4, "merged", 2),
        (5, "empty", None),
        (6, "repeated_header", None),
        (8, "merged", 7),
        (9, "rejected", None),
    ]
    rejected = summary.sorted_outcomes()[-1]
    assert "«E-mail»" in rejected.reason and "not a valid e-mail" in rejected.reason
    wangs = [d for d in summary.likely_duplicates if d.name == "Wang Wei"]
    assert [(d.row, d.other_row) for d in wangs] == [(3, 2)]
    assert len(search_people(db, "wang")) == 2
    text = "\n".join(summary.lines())
    assert (
        "Rows read: 8 = 3 new + 0 updated + 0 unchanged + 0 skipped + 1 rejected + 2 merged "
        "+ 1 empty + 1 repeated header." in text
    )
    assert "Row 4: merged into row 2 (the same name and organisation)." in text
    assert "Row 8: merged into row 7 (the same e-mail)." in text
    assert "Row 6: the header row repeated." in text
    assert "Row 5: empty" in text
    data = summary.to_json()
    assert (data["merged"], data["repeated_headers"], data["empty_rows"]) == (2, 1, 1)
    assert [r["row"] for r in data["row_outcomes"]] == [4, 5, 6, 8, 9]


def test_the_same_name_in_one_country_without_an_email_is_one_person(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [HEADER, ["Wang Wei", "", "China", ""], ["wang  WEI", "", "china", ""]],
    )
    summary = import_attendees(db, path)
    assert (summary.created, summary.merged) == (1, 1)
    assert outcomes(summary) == [(3, "merged", 2)]


def test_a_stored_namesake_in_another_country_is_not_matched(db: Database, tmp_path: Path) -> None:
    stored = create_person(db, "Wei", "Wang", country="China")
    path = write_csv(tmp_path / "list.csv", [HEADER, ["Wang Wei", "", "Singapore", ""]])
    summary = import_attendees(db, path)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 0, 0)
    assert [(d.row, d.person_id) for d in summary.likely_duplicates] == [(2, stored.id)]


def test_rows_of_a_person_already_stored_are_merged_or_skipped_and_listed(
    db: Database, tmp_path: Path
) -> None:
    stored = create_person(db, "Иванов", "Пётр", email="ivanov@example.kz", organization="WIPO")
    path = write_csv(
        tmp_path / "list.csv",
        [
            HEADER,
            ["Иванов Пётр", "ЕЭК", "", "ivanov@example.kz"],  # 2: by e-mail
            ["Иванов Пётр", "WIPO", "", ""],  # 3: by name and organisation: the same person
            ["Иванов Пётр", "WIPO", "", ""],  # 4: row 3 again, so the same person too
        ],
    )
    skipped = import_attendees(db, path, options=ImportOptions(on_duplicate="skip"))
    assert (skipped.skipped, skipped.merged, skipped.accounted()) == (1, 2, 3)
    assert [(o.row, o.outcome, o.into_row, o.person_id) for o in skipped.sorted_outcomes()] == [
        (2, "skipped", None, stored.id),
        (3, "merged", 2, stored.id),
        (4, "merged", 2, stored.id),  # into the row that stands for the person
    ]
    assert f"person {stored.id}" in str(skipped.sorted_outcomes()[0])
    updated = import_attendees(db, path)
    assert (updated.unchanged, updated.merged, updated.accounted()) == (1, 2, 3)


# --- the property: every row accounted for ------------------------------------------------

_NAMES = ("Wang Wei", "Иванов Пётр", "Анна Ли", "John Smith")
_COUNTRIES = ("", "China", "Singapore")
_ORGS = ("", "WIPO", "ЕЭК")
_EMAILS = ("", "a@example.kz", "b@example.kz", "c@example.kz", "not an e-mail")

person_rows = st.tuples(
    st.sampled_from(_NAMES),
    st.sampled_from(_ORGS),
    st.sampled_from(_COUNTRIES),
    st.sampled_from(_EMAILS),
).map(list)
any_row = st.one_of(
    person_rows,
    person_rows,
    person_rows,
    st.just(["", "", "", "", "a note in no column"]),
    st.just(list(HEADER)),
    st.just(["", "", "", "   "]),
)
stored_people = st.lists(
    st.tuples(
        st.sampled_from(_NAMES),
        st.sampled_from(_ORGS),
        st.sampled_from(_COUNTRIES),
        st.sampled_from(_EMAILS[:4]),
    ),
    max_size=4,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(any_row, min_size=1, max_size=14),
    stored=stored_people,
    policy=st.sampled_from(("update", "overwrite", "skip", "new")),
)
def test_the_counts_add_up_to_the_rows_read_and_every_row_not_created_is_listed_once(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[list[str]],
    stored: list[tuple[str, str, str, str]],
    policy: str,
) -> None:
    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database

    folder = tmp_path_factory.mktemp("accounting")
    db = open_database(resolve_database_url(str(folder / "forum.db")))
    try:
        emails: set[str] = set()
        for name, org, country, email in stored:
            given_name, _space, family = name.partition(" ")
            if email in emails:
                email = ""
            emails.add(email)
            create_person(
                db,
                family,
                given_name,
                organization=org or None,
                country=country or None,
                email=email or None,
            )
        path = write_csv(folder / "list.csv", [HEADER, *rows])
        # a line of nothing but blanks is no row: the reader passes over it (as a spreadsheet
        # leaves out a row with no cells)
        numbers = [n for n, cells in enumerate(rows, start=2) if any(c.strip() for c in cells)]
        people_before = len(search_people(db))
        options = ImportOptions(on_duplicate=policy, skip_invalid=True)
        if not numbers:
            with pytest.raises(ImportFileError):
                import_attendees(db, path, options=options)
            return
        summary = import_attendees(db, path, options=options)
        assert summary.rows == len(numbers)
        assert summary.accounted() == summary.rows
        listed = Counter(o.row for o in summary.row_outcomes)
        assert all(times == 1 for times in listed.values())  # each row listed once
        kinds = Counter(o.outcome for o in summary.row_outcomes)
        assert kinds["merged"] == summary.merged
        assert kinds["empty"] == summary.empty_rows
        assert kinds["repeated_header"] == summary.repeated_headers
        assert kinds["rejected"] == summary.rejected
        assert kinds["skipped"] == summary.skipped
        # the rows not listed each gave a person of their own: created or already stored
        assert set(listed) <= set(numbers)
        not_listed = set(numbers) - set(listed)
        assert len(not_listed) == summary.created + summary.updated + summary.unchanged
        listed_as = {o.row: o.outcome for o in summary.row_outcomes}
        for outcome in summary.row_outcomes:
            if outcome.outcome == "merged":
                assert outcome.into_row in not_listed or outcome.into_row in {
                    o.row for o in summary.row_outcomes if o.outcome == "skipped"
                }
                assert outcome.into_row is not None and outcome.into_row < outcome.row
                assert listed_as.get(outcome.into_row) in (None, "skipped")
        assert len(search_people(db)) == people_before + summary.created
    finally:
        db.dispose()


# --- item 3: same e-mail, another name ------------------------------------------------------


def _stored_ivanov(db: Database) -> int:
    return create_person(db, "Иванов", "Иван", email="ivanov@example.kz", position="Эксперт").id


@pytest.mark.parametrize("policy", ["update", "overwrite"])
def test_another_name_for_a_stored_email_is_a_conflict_and_the_stored_name_stays(
    db: Database, tmp_path: Path, policy: str
) -> None:
    person_id = _stored_ivanov(db)
    path = write_csv(
        tmp_path / "list.csv",
        [["Фамилия", "Имя", "E-mail", "Телефон"], ["Y", "X", "ivanov@example.kz", "87015550001"]],
    )
    summary = import_attendees(db, path, options=ImportOptions(on_duplicate=policy))
    assert [
        (c.row, c.email, c.person_id, c.stored, c.in_file, c.replaced)
        for c in summary.name_conflicts
    ] == [(2, "ivanov@example.kz", person_id, "Иванов Иван", "X Y", False)]
    person = find_person_by_email(db, "ivanov@example.kz")
    assert person is not None
    assert (person.family_name, person.given_name) == ("Иванов", "Иван")
    assert person.phone == "+7 701 555 00 01"  # the rest of the row is used as the policy says
    assert summary.updated == 1
    text = "\n".join(summary.lines())
    assert "Name conflicts: 1" in text
    assert "«Иванов Иван»" in text and "«X Y»" in text and "the stored name is kept" in text
    assert summary.to_json()["name_conflicts"][0]["name_kept"] == "stored"


def test_taking_the_files_name_is_one_undo_step_that_restores_the_stored_name(
    db: Database, tmp_path: Path, event: EventRow
) -> None:
    _stored_ivanov(db)
    create_person(db, "Петров", "Пётр", email="petrov@example.kz")
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["Фамилия", "Имя", "E-mail"],
            ["Y", "X", "ivanov@example.kz"],
            ["Сидоров", "Сидор", "petrov@example.kz"],
            ["Новая", "Анна", "anna@example.kz"],
        ],
    )
    options = ImportOptions(names_replaced=frozenset({"ivanov@example.kz"}), undoable=True)
    summary = import_attendees(db, path, event_id=event.id, options=options)
    assert [(c.email, c.replaced) for c in summary.name_conflicts] == [
        ("ivanov@example.kz", True),
        ("petrov@example.kz", False),
    ]
    renamed = find_person_by_email(db, "ivanov@example.kz")
    assert renamed is not None
    assert (renamed.family_name, renamed.given_name, renamed.display_name) == ("Y", "X", "X Y")
    kept = find_person_by_email(db, "petrov@example.kz")
    assert kept is not None and kept.display_name == "Петров Пётр"
    assert summary.changes is not None
    undo_import(db, summary.changes)
    restored = find_person_by_email(db, "ivanov@example.kz")
    assert restored is not None
    assert (restored.family_name, restored.given_name, restored.display_name) == (
        "Иванов",
        "Иван",
        "Иванов Иван",
    )
    assert find_person_by_email(db, "anna@example.kz") is None


def test_replace_takes_every_files_name(db: Database, tmp_path: Path) -> None:
    _stored_ivanov(db)
    path = write_csv(
        tmp_path / "list.csv", [["Фамилия", "Имя", "E-mail"], ["Y", "X", "ivanov@example.kz"]]
    )
    summary = import_attendees(db, path, options=ImportOptions(on_name_conflict="replace"))
    assert [c.replaced for c in summary.name_conflicts] == [True]
    assert "the file's name is taken" in "\n".join(summary.lines())
    person = find_person_by_email(db, "ivanov@example.kz")
    assert person is not None and person.display_name == "X Y"


@pytest.mark.parametrize(
    ("family", "given", "patronymic", "expected"),
    [
        ("ИВАНОВ", "иван", "", ("Иванов", "Иван", None)),  # case: the same name
        ("Иванов", "Иван", "Петрович", ("Иванов", "Иван", "Петрович")),  # a patronymic more
        ("Иван", "Иванов", "", ("Иванов", "Иван", None)),  # word order: the stored one stays
        ("Иван", "Иванов", "Петрович", ("Иванов", "Иван", None)),  # both
    ],
)
def test_the_same_name_written_differently_is_no_conflict(
    db: Database,
    tmp_path: Path,
    family: str,
    given: str,
    patronymic: str,
    expected: tuple[str, str, str | None],
) -> None:
    _stored_ivanov(db)
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["Фамилия", "Имя", "Отчество", "E-mail"],
            [family, given, patronymic, "ivanov@example.kz"],
        ],
    )
    summary = import_attendees(db, path)
    assert summary.name_conflicts == []
    person = find_person_by_email(db, "ivanov@example.kz")
    assert person is not None
    assert (person.family_name, person.given_name, person.patronymic) == expected


def test_yo_and_ye_are_the_same_name(db: Database, tmp_path: Path) -> None:
    create_person(db, "Пётров", "Семён", email="p@example.kz")
    path = write_csv(
        tmp_path / "list.csv", [["Фамилия", "Имя", "E-mail"], ["Петров", "Семен", "p@example.kz"]]
    )
    assert import_attendees(db, path).name_conflicts == []


def test_a_patronymic_stored_and_missing_from_the_file_is_no_conflict_in_overwrite(
    db: Database, tmp_path: Path
) -> None:
    create_person(db, "Иванов", "Иван", patronymic="Петрович", email="ivanov@example.kz")
    path = write_csv(
        tmp_path / "list.csv", [["ФИО", "E-mail"], ["Иван Иванов", "ivanov@example.kz"]]
    )
    summary = import_attendees(db, path, options=ImportOptions(on_duplicate="overwrite"))
    assert summary.name_conflicts == []
    person = find_person_by_email(db, "ivanov@example.kz")
    assert person is not None and person.display_name == "Иванов Иван Петрович"


def test_the_summary_speaks_russian(db: Database, tmp_path: Path) -> None:
    from forumdesk.core import i18n

    create_person(db, "Иванов", "Иван", email="ivanov@example.kz")
    path = write_csv(
        tmp_path / "list.csv",
        [
            HEADER,
            ["Wang Wei", "", "", ""],
            ["Wang Wei", "", "", ""],
            ["X Y", "", "", "ivanov@example.kz"],
        ],
    )
    i18n.set_language("ru")
    try:
        text = "\n".join(import_attendees(db, path).lines())
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert (
        "Прочитано строк: 3 = новых 1 + обновлено 0 + без изменений 1 + пропущено 0 + "
        "отклонено 0 + объединено 1 + пустых 0 + повторов заголовка 0." in text
    )
    assert "Строка 3: объединена со строкой 2 (те же имя и организация)." in text
    assert "Расхождение в именах: 1" in text
    assert "в справочнике — «Иванов Иван», а в файле — «X Y»; оставлено имя из справочника" in text


def _counts(summary: ImportSummary) -> tuple[int, ...]:
    return (
        summary.created,
        summary.updated,
        summary.unchanged,
        summary.skipped,
        summary.merged,
        summary.registered,
        summary.accounted(),
    )


@pytest.mark.parametrize("policy", ["update", "overwrite"])
def test_a_change_of_choice_counts_as_checking_again_would(
    db: Database, tmp_path: Path, event: EventRow, policy: str
) -> None:
    """choose_names on a check's summary gives, for every choice of names, the counts and
    conflicts a new check with that choice gives."""
    create_person(db, "Иванов", "Иван", email="ivanov@example.kz", position="Эксперт")
    create_person(db, "Петров", "Пётр", email="petrov@example.kz", phone="+7 701 555 00 02")
    create_person(db, "Сидоров", "Сидор", email="sidorov@example.kz")
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["Фамилия", "Имя", "E-mail", "Телефон"],
            ["Y", "X", "ivanov@example.kz", ""],  # a conflict, nothing else new: unchanged if kept
            ["Z", "W", "petrov@example.kz", "87015550009"],  # a conflict, and another phone
            ["Сидоров", "Сидор", "sidorov@example.kz", "87015550003"],  # no conflict: updated
            ["V", "U", "SIDOROV@example.kz", ""],  # the same e-mail: merged into row 4
            ["Новая", "Анна", "anna@example.kz", ""],
        ],
    )
    emails = ["ivanov@example.kz", "petrov@example.kz"]
    choices = [
        frozenset(e for e, take in zip(emails, bits, strict=True) if take)
        for bits in (
            (False, False),
            (True, False),
            (False, True),
            (True, True),
        )
    ]
    checks = {
        chosen: import_attendees(
            db,
            path,
            event_id=event.id,
            options=ImportOptions(on_duplicate=policy, names_replaced=chosen, dry_run=True),
        )
        for chosen in choices
    }
    # the counts do differ with the choice (else this would prove nothing)
    assert len({_counts(summary) for summary in checks.values()}) > 1
    for start in choices:
        summary = checks[start]
        for chosen in [*choices, start]:  # and back to where it started
            summary.choose_names(chosen)
            assert _counts(summary) == _counts(checks[chosen]), (start, chosen)
            assert [(c.email, c.replaced) for c in summary.name_conflicts] == [
                (c.email, c.replaced) for c in checks[chosen].name_conflicts
            ]
            assert summary.accounted() == summary.rows
