"""Header detection, column mapping and saved profiles (forumdesk.io.headers)."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from forumdesk.core.errors import NotFoundError, ValidationError
from forumdesk.io.headers import (
    ImportProfile,
    delete_profile,
    guess_field,
    header_key,
    list_profiles,
    load_profile,
    map_columns,
    parse_field,
    save_profile,
)
from forumdesk.io.tables import RawTable


def _table(*rows: list[str]) -> RawTable:
    return RawTable(
        path=Path("list.xlsx"),
        kind="xlsx",
        sheet="Лист1",
        sheet_names=("Лист1",),
        rows=[(n, list(r)) for n, r in enumerate(rows, start=1)],
    )


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("ФИО", "full_name"),
        ("Ф.И.О.", "full_name"),
        ("Full name", "full_name"),
        ("Фамилия", "family_name"),
        ("Тегі", "family_name"),
        ("Имя", "given_name"),
        ("Отчество", "patronymic"),
        ("Организация", "organization"),
        ("Ұйым", "organization"),
        ("Должность", "position"),
        ("Страна", "country"),
        ("Эл. почта", "email"),
        ("E-MAIL", "email"),
        ("Электронная почта", "email"),
        ("Email address", "email"),
        ("Телефон", "phone"),
        ("Which sessions will you attend?", "sessions"),
        ("Unavailable", "unavailable"),
        ("Not available", "unavailable"),
        ("Unavailable times", "unavailable"),
        ("Недоступен", "unavailable"),
        ("Не может", "unavailable"),
        ("Занят", "unavailable"),
        ("Не может присутствовать (даты, время)", "unavailable"),
        ("When are you not available?", "unavailable"),
        ("  ёмкость  ", None),
        ("Timestamp", None),
    ],
)
def test_attendee_headers_in_three_languages(header: str, field: str | None) -> None:
    assert guess_field(header, "attendees") == field


def test_programme_headers() -> None:
    assert guess_field("Модератор (e-mail)", "programme") == "moderators"
    assert guess_field("Спикеры (e-mail)", "programme") == "speakers"
    assert guess_field("Окончание", "programme") == "end"
    assert guess_field("Название", "programme") == "title"


def test_header_key_ignores_case_spaces_punctuation_and_yo() -> None:
    assert header_key(" Эл. Почта ") == header_key("эл почта") == "элпочта"
    assert header_key("Объём") == header_key("объем")


def test_the_first_row_naming_known_fields_is_the_header() -> None:
    table = _table(
        ["Список участников форума"],
        ["", "Утверждаю"],
        ["№", "ФИО", "Организация", "E-mail"],
        ["1", "Иванов Иван", "WIPO", "a@b.kz"],
    )
    mapping = map_columns(table, "attendees")
    assert mapping is not None
    assert mapping.header_row == 3
    assert mapping.fields == {1: "full_name", 2: "organization", 3: "email"}


def test_overrides_win_and_can_ignore_a_column() -> None:
    table = _table(["Участник", "Контакт", "Примечание"], ["Иванов", "a@b.kz", "VIP"])
    mapping = map_columns(
        table, "attendees", overrides={"Контакт": "e-mail", "примечание": "ignore"}
    )
    assert mapping is not None
    assert mapping.fields == {0: "full_name", 1: "email"}
    by_letter = map_columns(table, "attendees", overrides={"B": "email"})
    assert by_letter is not None and by_letter.fields[1] == "email"


def test_no_header_and_bad_field_names() -> None:
    assert map_columns(_table(["a", "b"], ["c", "d"]), "attendees") is None
    with pytest.raises(ValidationError, match="'shoe size' is not a field"):
        parse_field("shoe size", "attendees")


def test_header_row_can_be_given() -> None:
    table = _table(["ФИО", "E-mail"], ["Иванов", "a@b.kz"])
    mapping = map_columns(table, "attendees", header_row=2, overrides={"Иванов": "full_name"})
    assert mapping is not None and mapping.header_row == 2
    with pytest.raises(ValidationError, match="Row 9"):
        map_columns(table, "attendees", header_row=9)


def test_profiles_are_json_files_in_the_folder_given(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    assert list_profiles(folder) == []  # no folder yet: no profiles, no error
    path = save_profile(
        folder, ImportProfile(name=" Минторг ", columns={"Контакт": "email"}, delimiter=";")
    )
    assert path == folder / "Минторг.json"
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == "Минторг"
    loaded = load_profile(folder, "Минторг", "attendees")
    assert loaded.columns == {"Контакт": "email"} and loaded.delimiter == ";"
    assert [p.name for p in list_profiles(folder, "attendees")] == ["Минторг"]
    assert list_profiles(folder, "programme") == []
    assert list_profiles(tmp_path / "elsewhere") == []
    with pytest.raises(ValidationError, match="for attendees files"):
        load_profile(folder, "Минторг", "programme")
    with pytest.raises(
        NotFoundError, match=r"no import profile «Другой» \(saved profiles: Минторг"
    ):
        load_profile(folder, "Другой")
    with pytest.raises(ValidationError, match="cannot name a profile"):
        save_profile(folder, ImportProfile(name="../escape"))
    delete_profile(folder, "Минторг")
    assert not path.exists() and list_profiles(folder) == []
    with pytest.raises(NotFoundError, match="no import profile «Минторг»"):
        delete_profile(folder, "Минторг")


def test_a_profile_saved_on_a_full_disk_says_so_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "profiles"
    path = save_profile(folder, ImportProfile(name="Минторг", columns={"Контакт": "email"}))
    before = path.read_bytes()

    def full(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(ValidationError, match=r"could not be saved: The disk is full"):
        save_profile(folder, ImportProfile(name="Минторг", columns={"Почта": "email"}))
    assert path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["Минторг.json"]
