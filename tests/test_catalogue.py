"""The one catalogue: complete in every language, kept by Babel, ported from the old files.

scripts/update_catalogue.py is driven on the real code (every language must have every string,
with the same placeholders, nothing fuzzy, the .po and .mo up to date) and on small packages of
its own (what the extractor reads, what an update keeps); scripts/port_old_catalogues.py is
driven on old .ts and .po files written here. The exports and the window are then read in each
language and compared where they name the same thing.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from types import ModuleType

import pytest

from forumdesk.core import i18n
from forumdesk.core.enums import Role, SessionKind
from forumdesk.io.agenda_labels import Labels
from tests.scripts import load_script

CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return load_script("update_catalogue")


@pytest.fixture(scope="module")
def template(tool: ModuleType):  # a babel Catalog
    return tool.extract()


# --- the shipped catalogue ----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_every_language_has_every_string_with_its_placeholders(
    tool: ModuleType, template, language: str
) -> None:
    catalog = tool.updated(language, template)
    assert tool.problems(language, catalog, template) == []
    # the shipped .po is the code's (run scripts/update_catalogue.py) and the .mo compiled from it
    assert tool.po_path(language).read_bytes() == tool._po_bytes(catalog)
    assert tool.mo_path(language).read_bytes() == tool._mo_bytes(catalog)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_translation_is_in_cyrillic_and_keeps_quotes_and_lines(
    tool: ModuleType, language: str
) -> None:
    catalog = tool.read_catalogue(tool.po_path(language), language)
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            words = re.sub(r"\{\w*\}|%\(\w+\)\w", "", source)  # placeholders are not words
            if CYRILLIC.search(source) or not re.search("[A-Za-z]{3}", words) or "@" in source:
                continue  # a Cyrillic example, no words at all ("{0}, {1}"), an e-mail address
            assert CYRILLIC.search(form), (source, form)
            assert form.count("\n") == source.count("\n"), (source, form)
            assert form.count("«") == form.count("»"), form


def test_the_template_holds_the_window_the_core_the_exports_and_argparse(template) -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0]: m for m in template if m.id}
    assert len(ids) > 1000  # Babel really read the code
    assert ids["&File"].locations[0][0] == "forumdesk/ui/main_window.py"  # tr()
    assert isinstance(ids["%n session(s) to place"].id, tuple)  # tr(..., "", n): a plural
    assert "Imported." in ids  # the core's _()
    assert "Speakers and panelists" in ids  # the agenda's N_() headings
    assert "panelist" in ids and "room booked twice" in ids  # labels held in data
    assert "show this help message and exit" in ids  # argparse's own
    assert template.get("Name", "person") is not None  # a disambiguation is the msgctxt


def test_the_check_passes_on_the_shipped_files(tool: ModuleType) -> None:
    assert tool.main(["--check"]) == 0


# --- the extractor and an update ----------------------------------------------------------------

_SAMPLE = """
from PySide6.QtCore import QCoreApplication, QObject
from forumdesk.core.i18n import N_, _, ngettext, pgettext

KINDS = {"a": N_("marked label")}


def _tr(text, disambiguation=None, n=-1):
    return QCoreApplication.translate("Wrapped", text, disambiguation, n)


class Page(QObject):
    def build(self, count, name, painter):
        self.tr("Plain")
        self.tr("%n item(s)", "", count)
        self.tr("Name", "person")
        self.tr("Edit {0}").format(name)
        QCoreApplication.translate("Explicit", "Explicit text")
        _tr("%n row(s)", "", count)
        _("Core {name}").format(name=name)
        ngettext("{n} day", "{n} days", count)
        pgettext("weekday", "Monday")
        painter.translate(0, 10)
"""


def test_babel_reads_qt_and_gettext_calls(tool: ModuleType, tmp_path: Path) -> None:
    package = tmp_path / "sample"
    package.mkdir()
    (package / "page.py").write_text(_SAMPLE, encoding="utf-8")
    found = {(m.context, m.id) for m in tool.extract(package, dynamic=False) if m.id}
    assert found == {
        (None, "marked label"),
        (None, "Plain"),
        (None, ("%n item(s)", "%n item(s)")),
        ("person", "Name"),
        (None, "Edit {0}"),
        (None, "Explicit text"),
        (None, ("%n row(s)", "%n row(s)")),
        (None, "Core {name}"),
        (None, ("{n} day", "{n} days")),
        ("weekday", "Monday"),
    }


def test_an_update_keeps_translations_and_the_check_finds_what_is_wrong(
    tool: ModuleType, tmp_path: Path
) -> None:
    package, folder = tmp_path / "sample", tmp_path / "translations"
    package.mkdir()
    source = package / "page.py"
    source.write_text('_("Kept {name}")\n_("Gone")\nself.tr("%n day(s)", "", 2)\n', "utf-8")
    template = tool.extract(package, dynamic=False)
    catalog = tool.updated("ru", template, folder)
    assert tool.problems("ru", catalog, template)  # nothing translated yet
    catalog.get("Kept {name}").string = "Оставлено {name}"
    catalog.get(("%n day(s)", "%n day(s)")).string = ("%n день", "%n дня", "%n дней")
    tool.po_path("ru", folder).parent.mkdir(parents=True)
    tool.po_path("ru", folder).write_bytes(tool._po_bytes(catalog))

    source.write_text('_("Kept {name}")\n_("Kept {nam}")\nself.tr("%n day(s)", "", 2)\n', "utf-8")
    template = tool.extract(package, dynamic=False)
    again = tool.updated("ru", template, folder)
    assert again.get("Kept {name}").string == "Оставлено {name}"
    assert again.get("Gone") is None
    # Babel offers the near text's translation, marked fuzzy: the check refuses it
    assert again.get("Kept {nam}").fuzzy
    assert any("fuzzy" in p for p in tool.problems("ru", again, template))
    again.get("Kept {nam}").flags.discard("fuzzy")
    assert tool.problems("ru", again, template) == [
        "ru: 'Kept {nam}': the placeholders ['{name}'] differ from ['{nam}']"
    ]
    again.get("Kept {nam}").string = "Оставлено {nam}"
    assert tool.problems("ru", again, template) == []

    mo = tmp_path / "ru.mo"
    mo.write_bytes(tool._mo_bytes(again))
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert [compiled.ngettext("%n day(s)", "%n day(s)", n) for n in (1, 3, 5, 21)] == [
        "%n день",
        "%n дня",
        "%n дней",
        "%n день",
    ]


# --- porting the old catalogues -----------------------------------------------------------------

_OLD_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context><name>MainWindow</name>
  <message><source>&amp;File</source><translation>&amp;Файл (старый)</translation></message>
  <message><source>Zoom in</source><translation>Крупнее</translation></message>
  <message numerus="yes"><source>%n session(s) to place</source>
    <translation><numerusform>Р: %n</numerusform><numerusform>Р: %n</numerusform>
    <numerusform>Р: %n</numerusform></translation></message>
  <message><source>Unfinished</source><translation type="unfinished">Нет</translation></message>
</context>
</TS>
"""

_OLD_PO = """msgid ""
msgstr ""
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgid "Imported."
msgstr "Импортировано (старое)."
"""


def test_the_port_fills_only_what_the_catalogue_lacks(tool: ModuleType, tmp_path: Path) -> None:
    port = load_script("port_old_catalogues")
    folder = tmp_path / "translations"
    (folder / "ru" / "LC_MESSAGES").mkdir(parents=True)
    catalog = tool.read_catalogue(tool.po_path("ru"), "ru")
    catalog.get("Zoom in").string = ""  # a string another branch translated in the old file
    catalog.get(("%n session(s) to place", "%n session(s) to place")).string = ("", "", "")
    tool.po_path("ru", folder).write_bytes(tool._po_bytes(catalog))
    ts, po = tmp_path / "old_ru.ts", tmp_path / "old_core_ru.po"
    ts.write_text(_OLD_TS, encoding="utf-8")
    po.write_text(_OLD_PO, encoding="utf-8")

    language, olds = port.read_old(ts)
    assert language == "ru" and "Unfinished" not in {o.source for o in olds}
    filled, differences = port.port("ru", olds + port.read_old(po)[1], folder)
    assert filled == 2
    # what the catalogue had is kept; the old file's other wording is listed for a person
    assert any("&File" in line and "(старый)" in line for line in differences)
    assert any("Imported." in line for line in differences)
    with port.catalogue.mo_path("ru", folder).open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Zoom in") == "Крупнее"
    assert compiled.gettext("&File") == "&Файл"
    assert compiled.ngettext("%n session(s) to place", "%n session(s) to place", 5) == "Р: %n"


# --- the exports and the window say the same ----------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_exports_and_the_window_name_roles_and_kinds_alike(language: str) -> None:
    labels = Labels(language)  # type: ignore[arg-type]
    window = i18n.translations(language)
    for role in Role:
        assert labels.role(role).casefold() == window.gettext(role.label).casefold()
        assert CYRILLIC.search(labels.role(role)), role
    for kind in SessionKind:
        assert labels.kind(kind).casefold() == window.gettext(kind.label).casefold()
    assert labels["panelists"].casefold().startswith(window.gettext("panelist")[:5].casefold())


def test_panelist_reads_the_same_everywhere_in_russian() -> None:
    assert Labels("ru").role(Role.PANELIST) == "Участник панели"
    assert i18n.translations("ru").gettext("panelist") == "участник панели"
    assert Labels("ru")["panelists_colon"] == "Участники панели:"


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_an_export_speaks_its_own_language_whatever_the_process_speaks(language: str) -> None:
    import datetime as dt

    i18n.set_language("ru")
    labels = Labels(language)
    day = dt.date(2021, 11, 25)
    expected = {
        "en": ("Thursday, 25 November 2021", "Time", "Thu 25 Nov"),
        # dates as CLDR writes them (Babel), the year kept with its «г.»/«ж.» by a no-break space
        "ru": ("Четверг, 25 ноября 2021\u00a0г.", "Время", "чт 25.11"),
        "kk": ("2021\u00a0ж. 25 қараша, бейсенбі", "Уақыт", "бс 25.11"),
    }[language]
    assert (labels.long_date(day), labels["time"], labels.short_date(day)) == expected
    assert i18n.language() == "ru"  # the process's language is untouched
