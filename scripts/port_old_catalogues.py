"""Bring translations from the old catalogues (Qt .ts, the core's .po) into the one catalogue.

    python scripts/port_old_catalogues.py OLD.ts OLD.po ...      # fill what the new one lacks
    python scripts/port_old_catalogues.py --from-branch BRANCH     # the old files as on BRANCH

Until every branch has moved to resources/translations/<lang>/LC_MESSAGES/forumdesk.po, new
strings may arrive with their Russian in the old files (forumdesk_ru.ts, forumdesk_en.ts,
forumdesk_core_ru.po). This script first brings the catalogue up to the code (as
update_catalogue.py does), then fills every message that is still untranslated (or fuzzy) from
the old files, matching the source text (and the disambiguation, where the .ts gives one), and
compiles. A translation already in the catalogue is never replaced: where an old file says
otherwise, the difference is listed for a person to judge. The language of each file is read from
it (the .ts `language` attribute, the .po `Language:` header) unless --language says it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import update_catalogue as catalogue  # the script beside this one
from babel.messages.pofile import read_po

OLD_FILES = (
    "resources/translations/forumdesk_ru.ts",
    "resources/translations/forumdesk_en.ts",
    "resources/translations/forumdesk_core_ru.po",
)


@dataclass(frozen=True)
class OldTranslation:
    source: str
    context: str | None  # the disambiguation, which the new catalogue keeps as msgctxt
    forms: tuple[str, ...]  # one form, or the plural forms


def read_ts(path: Path) -> tuple[str, list[OldTranslation]]:
    """The language and the finished translations of a Qt .ts file."""
    root = ET.parse(path).getroot()
    language = (root.get("language") or "").split("_")[0]
    found: list[OldTranslation] = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if not source or translation is None:
            continue
        if translation.get("type") in ("unfinished", "obsolete"):
            continue
        forms = [form.text or "" for form in translation.findall("numerusform")]
        if not forms:
            forms = [translation.text or ""]
        if all(forms):
            found.append(OldTranslation(source, message.findtext("comment"), tuple(forms)))
    return language, found


def read_old_po(path: Path) -> tuple[str, list[OldTranslation]]:
    """The language and the finished translations of a gettext .po file."""
    with path.open("rb") as handle:
        old = read_po(handle)
    language = str(old.locale).split("_")[0] if old.locale else ""
    found: list[OldTranslation] = []
    for message in old:
        if not message.id or message.fuzzy:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        forms = tuple(s or "" for s in strings)
        if all(forms):
            found.append(OldTranslation(source, message.context, forms))
    return language, found


def read_old(path: Path) -> tuple[str, list[OldTranslation]]:
    return read_ts(path) if path.suffix == ".ts" else read_old_po(path)


def port(
    language: str, olds: list[OldTranslation], folder: Path = catalogue.TRANSLATIONS
) -> tuple[int, list[str]]:
    """Fill `language`'s catalogue from `olds`; returns how many were filled and the differences.

    The catalogue is brought up to the code first, then written and compiled.
    """
    template = catalogue.extract()
    catalog = catalogue.updated(language, template, folder)
    by_key: dict[tuple[str, str | None], OldTranslation] = {}
    for old in olds:
        by_key.setdefault((old.source, old.context or None), old)
    by_source: dict[str, OldTranslation] = {}
    for old in olds:
        by_source.setdefault(old.source, old)
    filled, differences = 0, []
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        old = by_key.get((source, message.context)) or by_source.get(source)
        if old is None:
            continue
        plural = isinstance(message.id, tuple)
        current = list(message.string) if plural else [message.string]
        if all(current) and not message.fuzzy:
            wanted = list(old.forms) if plural else [old.forms[0]]
            if current != wanted:
                differences.append(
                    f"{language}: {source!r}: kept {current}, the old file has {wanted}"
                )
            continue
        if plural:
            forms = list(old.forms)
            if len(forms) == 1:  # an old singular message for a new plural one: every form
                forms = forms * catalog.num_plurals
            if len(forms) != catalog.num_plurals:
                continue
            message.string = tuple(forms)
        else:
            if language == catalogue.SOURCE_LANGUAGE:
                continue  # English needs only its plurals
            message.string = old.forms[0]
        message.flags.discard("fuzzy")
        filled += 1
    po = catalogue.po_path(language, folder)
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_bytes(catalogue._po_bytes(catalog))
    catalogue.mo_path(language, folder).write_bytes(catalogue._mo_bytes(catalog))
    return filled, differences


def files_from_branch(branch: str, into: Path) -> list[Path]:
    """The old catalogues as `branch` has them, copied into `into` (those it still has)."""
    found = []
    for name in OLD_FILES:
        shown = subprocess.run(
            ["git", "show", f"{branch}:{name}"],
            cwd=catalogue.ROOT,
            capture_output=True,
            check=False,
        )
        if shown.returncode == 0:
            path = into / Path(name).name
            path.write_bytes(shown.stdout)
            found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="old .ts and .po files")
    parser.add_argument("--from-branch", help="read the old files from this git branch")
    parser.add_argument("--language", help="the language of every file given (else read from it)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        files = list(args.files)
        if args.from_branch:
            files += files_from_branch(args.from_branch, Path(folder))
        if not files:
            parser.error("give old .ts/.po files or --from-branch")
        per_language: dict[str, list[OldTranslation]] = {}
        for path in files:
            language, olds = read_old(path)
            language = args.language or language
            if language not in catalogue.LANGUAGES:
                print(f"{path}: language {language!r} is not one forumdesk speaks", file=sys.stderr)
                return 1
            per_language.setdefault(language, []).extend(olds)
        for language, olds in per_language.items():
            filled, differences = port(language, olds)
            print(f"{language}: {filled} translation(s) brought in")
            for line in differences:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
