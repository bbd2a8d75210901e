"""The core's messages in Russian: real refusals and import reports read back.

The catalogue itself (resources/translations/<lang>/LC_MESSAGES/forumdesk.po) is checked in
tests/test_catalogue.py; here the services, the readers and the import are driven in Russian on
real files. Every test runs in English unless it switches (tests/conftest.py puts English back
after each test).
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import forumdesk
from forumdesk.core import i18n
from forumdesk.core.enums import Role, Sector
from forumdesk.core.errors import ConflictError, NotFoundError, ValidationError
from forumdesk.core.i18n import ngettext
from forumdesk.core.rows import PersonRow
from forumdesk.db.engine import Database
from forumdesk.io.duplicates import group_rows
from forumdesk.io.people_rows import AttendeeRow
from forumdesk.io.tables import ImportFileError
from forumdesk.services import events, people, sessions, venue
from forumdesk.services.import_common import ImportOptions, ImportSummary
from forumdesk.services.imports import import_attendees

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@pytest.fixture
def russian() -> None:
    assert i18n.set_language("ru") == "ru"


# --- the catalogue ------------------------------------------------------------------------------


def test_the_mo_file_is_what_python_gettext_reads() -> None:
    import gettext

    with i18n.catalogue_path("ru").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.info()["language"] == "ru"
    assert catalogue.gettext("Imported.") == "Импорт завершён."
    assert catalogue.gettext("moderator") == "модератор"  # vocabulary labels come along


def test_the_core_language_module_never_imports_qt() -> None:
    tree = ast.parse(
        (Path(forumdesk.__file__).parent / "core" / "i18n.py").read_text(encoding="utf-8")
    )
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "forumdesk.core.resources" in imported  # the rule reads the real file
    assert not {m for m in imported if m.split(".")[0] in {"PySide6", "shiboken6"}}


# --- the language in use ------------------------------------------------------------------------


def test_plural_forms_follow_russian_grammar(russian: None) -> None:
    lines = []
    for rows in (1, 3, 5, 11, 22):
        summary = ImportSummary(kind="attendees", file="/tmp/list.csv", header_row=1, rows=rows)
        lines.append(next(summary.lines()))
    assert lines == [
        "«list.csv»: заголовки в строке 1, 1 строка данных.",
        "«list.csv»: заголовки в строке 1, 3 строки данных.",
        "«list.csv»: заголовки в строке 1, 5 строк данных.",
        "«list.csv»: заголовки в строке 1, 11 строк данных.",
        "«list.csv»: заголовки в строке 1, 22 строки данных.",
    ]
    i18n.set_language("en")
    assert (
        next(ImportSummary(kind="attendees", file="list.csv", header_row=1, rows=1).lines())
        == "«list.csv»: header in row 1, 1 rows."
    )


def test_a_service_refuses_in_russian_then_in_english_again(db: Database, russian: None) -> None:
    with pytest.raises(ValidationError) as refused:
        people.create_person(db, "Иванов", "Пётр", email="not-an-address")
    assert str(refused.value) == "«not-an-address» — неправильный адрес эл. почты."
    with pytest.raises(ValidationError, match=r"^Поле «фамилия» не может быть пустым\.$"):
        people.create_person(db, "  ")
    event = events.create_event(db, "Форум", "2027-05-12", "2027-05-13")
    venue.add_room(db, event.id, "Зал А")
    with pytest.raises(ConflictError, match=r"^В мероприятии уже есть зал «Зал А»\.$"):
        venue.add_room(db, event.id, "зал а")
    with pytest.raises(NotFoundError, match=r"^Этой сессии больше нет \(возможно, её удалили\)"):
        sessions.get_session(db, 999)

    assert i18n.set_language("en") == "en"
    with pytest.raises(ValidationError) as again:
        people.create_person(db, "Иванов", "Пётр", email="not-an-address")
    assert str(again.value) == "'not-an-address' is not a valid e-mail address."


def test_vocabularies_read_and_list_labels_in_the_language_in_use(russian: None) -> None:
    assert Role.parse("Сомодератор") is Role.CO_MODERATOR
    assert Role.parse("co-moderator") is Role.CO_MODERATOR  # English stays understood
    assert Sector.parse("эксперт, наука") is Sector.EXPERT
    with pytest.raises(ValueError, match="модератор, сомодератор, спикер"):
        Role.parse("ведущий")
    i18n.set_language("en")
    with pytest.raises(ValueError, match="'Сомодератор' is not one of: moderator"):
        Role.parse("Сомодератор")


def test_an_import_reports_the_file_and_its_rows_in_russian(
    db: Database, tmp_path: Path, russian: None
) -> None:
    pdf = tmp_path / "список.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")
    with pytest.raises(ImportFileError) as refused:
        import_attendees(db, pdf)
    assert str(refused.value) == (
        "«список.xlsx» — документ PDF, а не таблица; попросите прислать список в виде файла Excel."
    )

    listing = tmp_path / "участники.csv"
    listing.write_text(
        "ФИО;E-mail;Организация\n"
        "Иванов Пётр Сергеевич;ivanov@example.kz;Минюст\n"
        "Петрова Анна;petrova(at)example.kz;Минюст\n",
        encoding="utf-8",
    )
    summary = import_attendees(db, listing, options=ImportOptions(dry_run=True))
    assert [str(p) for p in summary.problems] == [
        "Строка 3, столбец «E-mail»: «petrova(at)example.kz» — неправильный адрес эл. почты."
    ]
    lines = list(summary.lines())
    assert lines[0] == "«участники.csv»: заголовки в строке 1, 2 строки данных, кодировка utf-8."
    assert lines[1] == (
        "Люди: новых — 1, обновлено — 0, без изменений — 0, пропущено — 0; отклонено строк: 1."
    )
    assert lines[-1] == "Пробный запуск: ничего не записано."


def test_notes_on_repeated_rows_name_the_field_and_value_in_russian(russian: None) -> None:
    business = PersonRow(
        0,
        "Иванов",
        None,
        None,
        "Иванов",
        None,
        None,
        None,
        None,
        Sector.BUSINESS,
        "i@x.kz",
        None,
        None,
        None,
        0,
    )
    expert = dataclasses.replace(business, sector=Sector.EXPERT)
    _entities, notes = group_rows([AttendeeRow(2, business), AttendeeRow(5, expert)])
    assert notes == [
        "Строка 5 повторяет строку 2 (та же эл. почта), но в поле «сектор» "
        "указано «эксперт, наука», а не «бизнес»; взято значение из строки 2."
    ]


def test_a_missing_catalogue_leaves_the_messages_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delitem(i18n._loaded, "ru", raising=False)
    monkeypatch.setattr(i18n, "catalogue_path", lambda language: tmp_path / "missing.mo")
    assert i18n.set_language("ru") == "en"
    assert i18n.language() == "en"
    assert ngettext("{n} day", "{n} days", 1) == "{n} day"
    with pytest.raises(ValueError, match="klingon"):
        i18n.set_language("klingon")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ru", "ru"),
        ("ru_RU.UTF-8", "ru"),
        ("RU", "ru"),
        ("en", "en"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_forumdesk_lang_names_the_command_line_language(value: str, expected: str) -> None:
    assert i18n.language_from_environment(value) == expected


def test_the_command_line_speaks_russian_only_when_asked(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "forumdesk",
        "create-event",
        "Форум",
        "--start",
        "2027-05-13",
        "--end",
        "2027-05-12",
        "--db",
        str(tmp_path / "forum.sqlite3"),
    ]
    environment = {k: v for k, v in os.environ.items() if k != i18n.ENV_VAR}
    english = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=environment, check=False
    )
    russian = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**environment, i18n.ENV_VAR: "ru"},
        check=False,
    )
    assert english.returncode == russian.returncode != 0
    assert "The event's last day is before its first day." in english.stderr
    assert "Последний день мероприятия раньше первого." in russian.stderr
