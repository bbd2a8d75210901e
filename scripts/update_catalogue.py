"""Keep forumdesk's one gettext catalogue with Babel: extract, update, compile, check.

    python scripts/update_catalogue.py            # extract, update every language, compile the .mo
    python scripts/update_catalogue.py --check    # exit 1 if a language lacks a string, has a
                                                  # fuzzy one, or a placeholder differs

resources/translations/forumdesk.pot is the template: every message in the code. Babel reads
the code (babel.messages.extract with the keywords below) and this script adds the labels that
reach gettext()/translate() as values (vocabularies, problem kinds) and argparse's own strings,
which the command line translates too. Each language's resources/translations/<lang>/
LC_MESSAGES/forumdesk.po is then updated from the template (Babel's update: translations kept,
a changed source marked fuzzy, a gone one dropped) and compiled to forumdesk.mo (Babel's
compile). English needs only the plural forms.

The window's `tr("text", "disambiguation", n)` and `QCoreApplication.translate("Context", ...)`
are read by a small Babel extractor (extract_forumdesk below, which wraps Babel's own Python
extractor): the msgid is the source text, the disambiguation becomes msgctxt, and a text with
%n given a number is a plural entry (msgid == msgid_plural), as ui/i18n.py looks it up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
from collections.abc import Collection, Generator, Iterable, Mapping
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "forumdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
DOMAIN = "forumdesk"
# Every language the window and the command line speak; English is the source text.
LANGUAGES = ("ru", "kk", "en")
SOURCE_LANGUAGE = "en"
WIDTH = 100
# The headers' dates stay put, so that a catalogue changes only when a message does.
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

# What Babel's Python extractor looks for; extract_forumdesk turns the Qt calls into gettext's.
_QT_CALLS = {"tr", "_tr", "translate"}
KEYWORDS: dict[str, Any] = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "gettext_in": (2,),
}
_EXTRACTOR_KEYWORDS = {**dict.fromkeys(KEYWORDS), **dict.fromkeys(_QT_CALLS)}

# {name} / {0}, Qt's %n and %1, printf's %(name)s and %s: a translation keeps the same set.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d|%\([a-z_]+\)[a-z]|%[sdr]")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def extract_forumdesk(
    fileobj: Any,
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: dict[str, Any],
) -> Generator[tuple[int, str, Any, list[str]], None, None]:
    """Babel's Python extractor, with Qt's tr()/translate() read as gettext calls.

    tr(text, disambiguation="", n=-1) and translate(context, text, disambiguation, n): the text
    is the msgid, a disambiguation its msgctxt, and a text with %n and a number a plural entry.
    """
    for lineno, funcname, messages, comments in extract_python(
        fileobj, _EXTRACTOR_KEYWORDS, comment_tags, options
    ):
        if funcname not in _QT_CALLS:
            yield lineno, funcname, messages, comments
            continue
        args = list(messages) if isinstance(messages, tuple) else [messages]
        if funcname == "translate":
            if len(args) < 2:
                continue
            args = args[1:]  # the Qt context is not part of the key
        text = args[0]
        if not isinstance(text, str) or not text:
            continue  # painter.translate(0, y), or a label passed as a value (added separately)
        disambiguation = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
        plural = "%n" in text and len(args) > 2
        if plural and disambiguation:
            yield lineno, "npgettext", (disambiguation, text, text, None), comments
        elif plural:
            yield lineno, "ngettext", (text, text, None), comments
        elif disambiguation:
            yield lineno, "pgettext", (disambiguation, text), comments
        else:
            yield lineno, "gettext", text, comments


def _labels_held_in_data() -> list[tuple[str, str]]:
    """Labels that reach gettext()/translate() as values: (text, where it is defined)."""
    sys.path.insert(0, str(ROOT))
    from forumdesk.core import enums
    from forumdesk.scheduling.model import ProblemKind

    found: list[tuple[str, str]] = []
    for kind in vars(enums).values():
        if (
            isinstance(kind, type)
            and issubclass(kind, enums.Vocabulary)
            and kind is not (enums.Vocabulary)
        ):
            found += [(member.label, "forumdesk/core/enums.py") for member in kind]
    found += [(kind.label, "forumdesk/scheduling/model.py") for kind in ProblemKind]
    return found


def _argparse_messages() -> Iterable[tuple[int, Any, Any, list[str]]]:
    """argparse's own texts (usage:, options:, its errors): the command line translates them."""
    source = Path(argparse.__file__).read_bytes()
    keywords = {"_": None, "ngettext": (1, 2)}
    for lineno, funcname, messages, comments in extract_python(
        io.BytesIO(source), keywords, (), {}
    ):
        if funcname == "_" and isinstance(messages, str):
            yield lineno, messages, None, comments
        elif (
            funcname == "ngettext"
            and isinstance(messages, tuple)
            and isinstance(messages[0], str)
            and isinstance(messages[1], str)
        ):
            yield lineno, (messages[0], messages[1]), None, comments


def extract(package: Path = PACKAGE, *, dynamic: bool = True) -> Catalog:
    """The template: every message forumdesk shows, read from the code by Babel.

    `dynamic` adds the labels held in data and argparse's own texts (off for a sample package).
    """
    template = Catalog(project="forumdesk", domain=DOMAIN, charset="utf-8", fuzzy=False)
    template.creation_date = template.revision_date = FIXED_DATE
    method_map = [("**.py", extract_forumdesk)]
    for filename, lineno, message, comments, context in extract_from_dir(
        package,
        method_map,  # type: ignore[arg-type]  # Babel accepts a callable extractor
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        path = f"{package.name}/{Path(filename).as_posix()}"
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    if not dynamic:
        return template
    for text, path in _labels_held_in_data():
        if text not in template:
            template.add(text, None, [(path, 0)])
    for lineno, message, context, _comments in _argparse_messages():
        key = message[0] if isinstance(message, tuple) else message
        if template.get(key, context) is None:
            template.add(message, None, [("argparse.py", lineno)], context=context)
    return template


def po_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return po_path(language, folder).with_suffix(".mo")


def read_catalogue(path: Path, language: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, omit_header=False, ignore_obsolete=True)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def updated(language: str, template: Catalog, folder: Path = TRANSLATIONS) -> Catalog:
    """`language`'s catalogue brought up to the template (Babel's update)."""
    path = po_path(language, folder)
    if path.exists():
        catalog = read_catalogue(path, language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="forumdesk", fuzzy=False)
    catalog.update(template, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.revision_date = catalog.creation_date = FIXED_DATE
    catalog.fuzzy = False
    catalog.project, catalog.version = "forumdesk", ""
    return catalog


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def _forms(message: Message) -> list[str]:
    if isinstance(message.string, (tuple, list)):
        return list(message.string)
    return [message.string or ""]


def problems(language: str, catalog: Catalog, template: Catalog) -> list[str]:
    """What a translator still has to do in `language`: missing, fuzzy or wrong placeholders."""
    found: list[str] = []
    for wanted in template:
        if not wanted.id:
            continue
        message = catalog.get(wanted.id, wanted.context)
        source = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
        where = f"{language}: {source!r}" + (f" ({wanted.context})" if wanted.context else "")
        if message is None:
            found.append(f"{where} is not in the catalogue")
            continue
        plural = isinstance(wanted.id, tuple)
        if language == SOURCE_LANGUAGE and not (plural and wanted.id[0] == wanted.id[1]):
            continue  # English is the source text; it needs only the forms of Qt's %n texts
        forms = _forms(message)
        if message.fuzzy:
            found.append(f"{where} is fuzzy: check the translation and remove the flag")
        if not all(forms) or (plural and len(forms) != catalog.num_plurals):
            found.append(f"{where} is not translated")
            continue
        expected = placeholders(source)
        for form in forms:
            # a singular form may spell the number out ("one session") where the source has %n
            have = placeholders(form)
            if have != expected and not (plural and have == [p for p in expected if p != "%n"]):
                found.append(f"{where}: the placeholders {have} differ from {expected}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a catalogue is out of date or a translation is missing",
    )
    parser.add_argument("--language", action="append", choices=LANGUAGES, help="only this one")
    args = parser.parse_args(argv)
    languages = args.language or list(LANGUAGES)
    template = extract()
    trouble: list[str] = []
    pot = TRANSLATIONS / f"{DOMAIN}.pot"
    template_bytes = _po_bytes(template)
    if args.check:
        if not pot.exists() or pot.read_bytes() != template_bytes:
            trouble.append(f"{pot.name} is out of date: run scripts/update_catalogue.py")
    elif _write_if_changed(pot, template_bytes):
        print(f"updated {pot.relative_to(ROOT)}")
    for language in languages:
        catalog = updated(language, template)
        po, mo = _po_bytes(catalog), _mo_bytes(catalog)
        if args.check:
            path = po_path(language)
            if not path.exists() or path.read_bytes() != po:
                trouble.append(f"{language}: the .po is out of date: run update_catalogue.py")
            if not mo_path(language).exists() or mo_path(language).read_bytes() != mo:
                trouble.append(f"{language}: the .mo is not compiled from the .po")
        else:
            for path, data in ((po_path(language), po), (mo_path(language), mo)):
                if _write_if_changed(path, data):
                    print(f"updated {path.relative_to(ROOT)}")
        trouble += problems(language, catalog, template)
    for line in trouble:
        print(line, file=sys.stderr)
    if trouble:
        print(f"{len(trouble)} problem(s)", file=sys.stderr)
    return 1 if args.check and trouble else 0


if __name__ == "__main__":
    sys.exit(main())
