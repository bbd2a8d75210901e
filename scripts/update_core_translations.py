"""Extract the Qt-free core's messages into a gettext .po catalogue and compile it to .mo.

    python scripts/update_core_translations.py           # update the .po, then compile the .mo
    python scripts/update_core_translations.py --check   # change nothing; exit 1 if out of date

The core (forumdesk/ except ui/, which Qt's tr() and scripts/update_translations.py serve) marks
its user-facing messages with `_("...")`, `ngettext("...", "...", n)` and `N_("...")` from
forumdesk/core/i18n.py. This script reads them with `ast`, so every message must be a literal with
named placeholders, formatted after the call (`_("Row {row}").format(row=n)`); an f-string, a
variable or a positional "{0}" inside the call is reported as a problem. Vocabulary labels
(roles, session kinds, sectors, registration statuses), which messages show from data, come
from forumdesk/core/enums.py.

Updating keeps the existing translations, adds new messages untranslated (an empty msgstr) and
drops the messages that left the code. Compiling writes a standard .mo that Python's gettext
reads; untranslated messages are left out of it, so they show in English. The output does not
depend on when or where it is made: --check and the tests compare it byte for byte. There is no
Babel or msgfmt here to do this, and the format is small enough not to need them.
"""

from __future__ import annotations

import argparse
import ast
import string
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "forumdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
DOMAIN = "forumdesk_core"
SKIPPED = {"ui"}  # the window: translated with Qt (scripts/update_translations.py)

NAMES = {"ru": "Russian"}
# language -> its Plural-Forms (the expression gettext evaluates for n)
LANGUAGES = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
}
FUNCTIONS = {"_": 1, "N_": 1, "ngettext": 2}  # name -> how many leading literal arguments
VOCABULARY_COMMENT = "A vocabulary label (forumdesk/core/enums.py), shown inside messages."


@dataclass
class Message:
    """One message as the code has it."""

    msgid: str
    plural: str | None = None
    locations: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    messages: dict[str, Message] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(
        self, msgid: str, plural: str | None, where: str, comment: str | None, place: str
    ) -> None:
        message = self.messages.setdefault(msgid, Message(msgid, plural))
        if message.plural != plural:
            self.problems.append(
                f"{place}: {msgid!r} is used both with and without a plural, or with two plurals"
            )
        if where not in message.locations:
            message.locations.append(where)
        if comment and comment not in message.comments:
            message.comments.append(comment)


@dataclass
class Entry:
    """One message of a .po file: its source text and its translation(s)."""

    msgid: str
    plural: str | None = None
    forms: list[str] = field(default_factory=list)  # one, or nplurals for a plural message
    locations: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return bool(self.forms) and all(self.forms)


# --- extraction ---------------------------------------------------------------------------------


def placeholders(text: str) -> list[str]:
    """The names of the {placeholders} in `text`, sorted; ValueError for a malformed one."""
    return sorted(
        name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None
    )


def _check_placeholders(text: str, place: str, problems: list[str]) -> None:
    try:
        names = placeholders(text)
    except ValueError as exc:
        problems.append(f"{place}: {text!r} has a malformed placeholder ({exc})")
        return
    for name in names:
        if not name.isidentifier():
            problems.append(
                f"{place}: {text!r} has the placeholder {{{name}}}; name it, e.g. {{row}}"
            )


def _comment_above(lines: list[str], line: int) -> str | None:
    """A "# Translators: ..." comment right above `line` (1-based), for the .po file."""
    block: list[str] = []
    index = line - 2
    while index >= 0 and lines[index].lstrip().startswith("#"):
        block.insert(0, lines[index].strip().lstrip("#").strip())
        index -= 1
    for start, part in enumerate(block):
        if part.lower().startswith("translators:"):
            return " ".join([part.split(":", 1)[1].strip(), *block[start + 1 :]]).strip()
    return None


def extract_file(path: Path, where: str, out: Extraction) -> None:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    calls = sorted(
        (
            node
            for node in ast.walk(ast.parse(source, filename=str(path)))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in FUNCTIONS
        ),
        key=lambda node: (node.lineno, node.col_offset),
    )  # in reading order
    for node in calls:
        assert isinstance(node.func, ast.Name)
        place = f"{where}:{node.lineno}"
        count = FUNCTIONS[node.func.id]
        texts = [
            a.value
            for a in node.args[:count]
            if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if len(texts) != count or node.keywords or not all(texts):
            out.problems.append(
                f"{place}: {node.func.id}() needs {count} non-empty string "
                "literal(s) (format after the call; use gettext() for a "
                "marked label)"
            )
            continue
        before = len(out.problems)
        for text in texts:
            _check_placeholders(text, place, out.problems)
        if (
            count == 2
            and len(out.problems) == before
            and placeholders(texts[0]) != placeholders(texts[1])
        ):
            out.problems.append(
                f"{place}: the singular and plural of {texts[0]!r} have different placeholders"
            )
        out.add(
            texts[0],
            texts[1] if count == 2 else None,
            where,
            _comment_above(lines, node.lineno),
            place,
        )


def _vocabulary_labels() -> list[str]:
    from forumdesk.core import enums

    kinds = [
        value
        for value in vars(enums).values()
        if isinstance(value, type)
        and issubclass(value, enums.Vocabulary)
        and value is not enums.Vocabulary
    ]
    return [member.label for kind in kinds for member in kind]


def extract(package: Path = PACKAGE, *, dynamic: bool = True) -> Extraction:
    """Every message of `package` (ui/ aside), in the order the files and lines give them."""
    out = Extraction()
    root = package.parent
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] in SKIPPED:
            continue
        extract_file(path, path.relative_to(root).as_posix(), out)
    if dynamic:
        for label in _vocabulary_labels():
            out.add(label, None, "forumdesk/core/enums.py", VOCABULARY_COMMENT, "enums")
    return out


# --- .po files ----------------------------------------------------------------------------------


def _header(language: str) -> str:
    return (
        "Project-Id-Version: forumdesk\n"
        f"Language: {language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {LANGUAGES[language]}\n"
    )


def po_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{DOMAIN}_{language}.po"


def mo_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{DOMAIN}_{language}.mo"


def _unquote(text: str) -> str:
    body = text.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError(f"not a quoted string: {text!r}")
    out, chars = [], iter(body[1:-1])
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        escaped = next(chars, "")
        out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(escaped, "\\" + escaped))
    return "".join(out)


def _quote(text: str) -> str:
    return (
        '"'
        + (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t"))
        + '"'
    )


def parse_po(text: str) -> dict[str, Entry]:
    """The entries of a .po file by msgid (the header, msgid "", included)."""
    entries: dict[str, Entry] = {}
    entry: Entry | None = None
    target: tuple[str, int] | None = None  # ("msgid" | "plural" | "form", form index)

    def finish() -> None:
        if entry is not None:
            entries[entry.msgid] = entry

    def append(value: str) -> None:
        assert entry is not None and target is not None
        kind, index = target
        if kind == "msgid":
            entry.msgid += value
        elif kind == "plural":
            entry.plural = (entry.plural or "") + value
        else:
            entry.forms[index] += value

    comments: list[str] = []
    locations: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        try:
            if not line or line.startswith(("#~", "#,", "# ")) or line == "#":
                continue
            if line.startswith("#."):
                comments.append(line[2:].strip())
            elif line.startswith("#:"):
                locations.extend(line[2:].split())
            elif line.startswith("msgid_plural "):
                target = ("plural", 0)
                assert entry is not None
                entry.plural = ""
                append(_unquote(line[len("msgid_plural") :]))
            elif line.startswith("msgid "):
                finish()
                entry = Entry("", locations=locations, comments=comments)
                comments, locations = [], []
                target = ("msgid", 0)
                append(_unquote(line[len("msgid") :]))
            elif line.startswith("msgstr"):
                assert entry is not None
                keyword, _space, value = line.partition(" ")
                index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
                while len(entry.forms) <= index:
                    entry.forms.append("")
                target = ("form", index)
                append(_unquote(value))
            elif line.startswith('"'):
                append(_unquote(line))
            else:
                raise ValueError(f"unexpected line {line!r}")
        except (ValueError, AssertionError) as exc:
            raise ValueError(f"line {number} of the .po file: {exc}") from exc
    finish()
    return entries


def read_po(path: Path) -> dict[str, Entry]:
    return parse_po(path.read_text(encoding="utf-8")) if path.exists() else {}


def merge(old: dict[str, Entry], found: Extraction, language: str) -> list[Entry]:
    """The catalogue for the code as it is: old translations kept, new ones empty, gone dropped."""
    nplurals = int(LANGUAGES[language].split("nplurals=")[1].split(";")[0])
    entries = []
    for message in found.messages.values():
        wanted = nplurals if message.plural is not None else 1
        previous = old.get(message.msgid)
        forms = [""] * wanted
        if (
            previous is not None
            and previous.plural == message.plural
            and len(previous.forms) == wanted
        ):
            forms = list(previous.forms)
        entries.append(
            Entry(
                message.msgid,
                message.plural,
                forms,
                list(message.locations),
                list(message.comments),
            )
        )
    return entries


def render_po(entries: Iterable[Entry], language: str) -> str:
    lines = [
        f"# {NAMES[language]} messages of forumdesk's core: refusals, import reports, "
        "database errors.",
        "# Made by scripts/update_core_translations.py, which keeps what is translated here;",
        "# translate each empty msgstr, keeping its {placeholders} and «quotes».",
        'msgid ""',
        'msgstr ""',
        *(_quote(part) for part in _header(language).splitlines(keepends=True)),
    ]
    for entry in entries:
        lines.append("")
        lines.extend(f"#. {comment}" for comment in entry.comments)
        if entry.locations:
            lines.append("#: " + " ".join(entry.locations))
        if "{" in entry.msgid:
            lines.append("#, python-brace-format")
        lines.append(f"msgid {_quote(entry.msgid)}")
        if entry.plural is not None:
            lines.append(f"msgid_plural {_quote(entry.plural)}")
            lines.extend(f"msgstr[{i}] {_quote(form)}" for i, form in enumerate(entry.forms))
        else:
            lines.append(f"msgstr {_quote(entry.forms[0] if entry.forms else '')}")
    return "\n".join(lines) + "\n"


def updated_po(language: str, found: Extraction, folder: Path = TRANSLATIONS) -> str:
    """What the .po of `language` should hold for the messages `found` in the code."""
    return render_po(merge(read_po(po_path(language, folder)), found, language), language)


def placeholder_problems(entries: Iterable[Entry]) -> list[str]:
    """Translations whose placeholders differ from their source text's."""
    problems = []
    for entry in entries:
        if not entry.msgid:
            continue
        for form in entry.forms:
            try:
                if form and placeholders(form) != placeholders(entry.msgid):
                    problems.append(f"{entry.msgid!r}: {form!r} changes the placeholders")
            except ValueError as exc:
                problems.append(f"{entry.msgid!r}: {form!r} is malformed ({exc})")
    return problems


# --- .mo files ----------------------------------------------------------------------------------


def compile_mo(entries: Iterable[Entry], language: str) -> bytes:
    """A GNU .mo file of the translated entries (and the header), in a fixed order."""
    pairs: dict[bytes, bytes] = {b"": _header(language).encode("utf-8")}
    for entry in entries:
        if not entry.msgid or not entry.translated:
            continue
        key = entry.msgid if entry.plural is None else f"{entry.msgid}\0{entry.plural}"
        pairs[key.encode("utf-8")] = "\0".join(entry.forms).encode("utf-8")
    keys = sorted(pairs)
    ids = b"".join(key + b"\0" for key in keys)
    strs = b"".join(pairs[key] + b"\0" for key in keys)
    count = len(keys)
    key_start = 7 * 4 + 16 * count  # after the header and the two offset tables
    value_start = key_start + len(ids)
    offsets, key_at, value_at = [], 0, 0
    for key in keys:
        offsets.append((len(key), key_start + key_at, len(pairs[key]), value_start + value_at))
        key_at += len(key) + 1
        value_at += len(pairs[key]) + 1
    head = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    key_table = b"".join(struct.pack("<2I", length, at) for length, at, _l, _a in offsets)
    value_table = b"".join(struct.pack("<2I", length, at) for _l, _a, length, at in offsets)
    return head + key_table + value_table + ids + strs


# --- the command --------------------------------------------------------------------------------


def stale_reasons(language: str, found: Extraction, folder: Path = TRANSLATIONS) -> list[str]:
    """Why the shipped .po/.mo of `language` do not match the code (empty: they do)."""
    reasons = []
    po = po_path(language, folder)
    text = updated_po(language, found, folder)
    if not po.exists() or po.read_text(encoding="utf-8") != text:
        reasons.append(f"{po.name} does not match the code's messages")
    entries = parse_po(text)
    untranslated = [e.msgid for e in entries.values() if e.msgid and not e.translated]
    if untranslated:
        reasons.append(f"{po.name}: {len(untranslated)} untranslated, e.g. {untranslated[0]!r}")
    reasons.extend(placeholder_problems(entries.values()))
    mo = mo_path(language, folder)
    if not mo.exists() or mo.read_bytes() != compile_mo(entries.values(), language):
        reasons.append(f"{mo.name} is not compiled from {po.name}")
    return reasons


def update(language: str, found: Extraction, folder: Path = TRANSLATIONS) -> tuple[int, int]:
    """Write the .po and .mo of `language`; returns (messages, untranslated)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = updated_po(language, found, folder)
    po = po_path(language, folder)
    if not po.exists() or po.read_text(encoding="utf-8") != text:
        po.write_text(text, encoding="utf-8")
    entries = [e for e in parse_po(text).values() if e.msgid]
    mo_path(language, folder).write_bytes(compile_mo(entries, language))
    return len(entries), sum(1 for e in entries if not e.translated)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a catalogue is stale or unfinished",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # the vocabulary labels come from forumdesk.core.enums
    found = extract()
    for problem in found.problems:
        print(f"problem: {problem}", file=sys.stderr)
    status = 1 if found.problems else 0
    for language in LANGUAGES:
        if args.check:
            for reason in stale_reasons(language, found):
                print(reason, file=sys.stderr)
                status = 1
            continue
        messages, untranslated = update(language, found)
        print(
            f"{po_path(language).relative_to(ROOT)}: {messages} messages, "
            f"{untranslated} untranslated"
        )
        for problem in placeholder_problems(read_po(po_path(language)).values()):
            print(f"problem: {problem}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
