"""The core's messages in Russian: a complete, compiled catalogue, and real refusals read back.

The catalogue (resources/translations/forumdesk_core_ru.po and its .mo) is made again from the
code in a temporary folder and compared byte for byte with the shipped one; the services, the
readers and the import are then driven in Russian on real files. Every test runs in English
unless it switches (tests/conftest.py puts English back after each test).
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

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
from tests.scripts import load_script

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return load_script("update_core_translations")


@pytest.fixture
def russian() -> None:
    assert i18n.set_language("ru") == "ru"


# --- the catalogue ------------------------------------------------------------------------------


def test_the_shipped_catalogue_is_complete_and_compiled_from_the_code(
    tool: ModuleType, tmp_path: Path
) -> None:
    found = tool.extract()
    assert found.problems == []  # every _() is given a literal with named placeholders
    assert len(found.messages) > 200  # the extractor really read the code
    shutil.copy(tool.po_path("ru"), tmp_path / tool.po_path("ru").name)
    messages, untranslated = tool.update("ru", found, tmp_path)
    assert (messages, untranslated) == (len(found.messages), 0)
    assert tool.po_path("ru", tmp_path).read_text(encoding="utf-8") == tool.po_path("ru").read_text(
        encoding="utf-8"
    ), "run scripts/update_core_translations.py"
    assert tool.mo_path("ru", tmp_path).read_bytes() == tool.mo_path("ru").read_bytes()
    assert tool.stale_reasons("ru", found) == []
    assert tool.main(["--check"]) == 0


def test_every_translation_is_russian_and_keeps_placeholders_and_quotes(tool: ModuleType) -> None:
    entries = [e for e in tool.read_po(tool.po_path("ru")).values() if e.msgid]
    assert tool.placeholder_problems(entries) == []
    for entry in entries:
        assert len(entry.forms) == (3 if entry.plural is not None else 1), entry.msgid
        for form in entry.forms:
            assert CYRILLIC.search(form), (entry.msgid, form)
            assert form.count("«") == form.count("»"), form
            assert form.count("«") >= entry.msgid.count("«"), (entry.msgid, form)
            assert form.count("\n") == entry.msgid.count("\n"), form


def test_the_mo_file_is_what_python_gettext_reads(tool: ModuleType) -> None:
    import gettext

    with tool.mo_path("ru").open("rb") as handle:
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


# --- the extractor and compiler -----------------------------------------------------------------

_SAMPLE = """
from forumdesk.core.i18n import N_, _, gettext, ngettext

KINDS = {"a": N_("marked label")}


def refuse(name, count, kind):
    _("Plain message.")
    _("The room «{name}» is taken.").format(name=name)
    ngettext("{count} row", "{count} rows", count).format(count=count)
    # Translators: the kind of file, from KINDS
    _("A {kind} file").format(kind=gettext(KINDS[kind]))
    _(f"Broken {name}")
    _("Positional {0}").format(name)
    _(name)
"""


def test_the_extractor_reads_literals_and_reports_what_it_cannot(
    tool: ModuleType, tmp_path: Path
) -> None:
    package = tmp_path / "sample"
    package.mkdir()
    (package / "page.py").write_text(_SAMPLE, encoding="utf-8")
    (package / "ui").mkdir()
    (package / "ui" / "window.py").write_text('_("Qt does this one")\n', encoding="utf-8")
    found = tool.extract(package, dynamic=False)
    assert {k: m.plural for k, m in found.messages.items()} == {
        "marked label": None,
        "Plain message.": None,
        "The room «{name}» is taken.": None,
        "{count} row": "{count} rows",
        "A {kind} file": None,
        "Positional {0}": None,
    }
    assert found.messages["A {kind} file"].comments == ["the kind of file, from KINDS"]
    assert found.messages["Plain message."].locations == ["sample/page.py"]
    assert len(found.problems) == 3
    assert "page.py:13" in found.problems[0] and "literal" in found.problems[0]  # the f-string
    assert "page.py:14" in found.problems[1] and "{0}" in found.problems[1]
    assert "page.py:15" in found.problems[2]  # a variable


def test_updating_keeps_translations_adds_new_ones_and_drops_the_gone(
    tool: ModuleType, tmp_path: Path
) -> None:
    package, folder = tmp_path / "sample", tmp_path / "translations"
    package.mkdir()
    source = package / "page.py"
    source.write_text(
        '_("Kept")\n_("Gone")\nngettext("{n} day", "{n} days", 2)\n', encoding="utf-8"
    )
    tool.update("ru", tool.extract(package, dynamic=False), folder)
    entries = tool.read_po(tool.po_path("ru", folder))
    assert entries["Kept"].forms == [""] and entries["{n} day"].forms == ["", "", ""]
    entries["Kept"].forms = ["Оставлено"]
    entries["Gone"].forms = ["Ушло"]
    entries["{n} day"].forms = ["{n} день", "{n} дня", "{n} дней"]
    tool.po_path("ru", folder).write_text(
        tool.render_po([e for e in entries.values() if e.msgid], "ru"), encoding="utf-8"
    )

    source.write_text(
        '_("Kept")\n_("New \\"quoted\\"\\nline")\nngettext("{n} day", "{n} days", 2)\n',
        encoding="utf-8",
    )
    found = tool.extract(package, dynamic=False)
    assert tool.stale_reasons("ru", found, folder)  # the .po no longer matches the code
    assert tool.update("ru", found, folder) == (3, 1)
    again = tool.read_po(tool.po_path("ru", folder))
    assert again["Kept"].forms == ["Оставлено"]
    assert again['New "quoted"\nline'].forms == [""]  # new: untranslated
    assert "Gone" not in again
    assert [r for r in tool.stale_reasons("ru", found, folder) if "untranslated" in r]

    import gettext

    with tool.mo_path("ru", folder).open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.gettext("Kept") == "Оставлено"
    assert catalogue.gettext('New "quoted"\nline') == 'New "quoted"\nline'  # English for now
    assert [catalogue.ngettext("{n} day", "{n} days", n) for n in (1, 3, 5, 21)] == [
        "{n} день",
        "{n} дня",
        "{n} дней",
        "{n} день",
    ]


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
        "указано «эксперт/наука», а не «бизнес»; взято значение из строки 2."
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
