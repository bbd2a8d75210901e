"""Extract forumdesk's translatable strings into Qt .ts files and compile them to .qm.

    python scripts/update_translations.py            # update the .ts files, then compile the .qm
    python scripts/update_translations.py --no-compile
    python scripts/update_translations.py --check    # exit 1 if a .ts is out of date or unfinished

Why not pyside6-lupdate: it reads `self.tr(...)` but not the module-level wrappers
(`def _tr(text): return QCoreApplication.translate("SomeContext", text)`), whose context is the
wrapper's own, nor `window.tr(...)` / `ctx.tr(...)`, whose context is the receiver's class. This
extractor reads the code with `ast` and gives every string the context PySide uses at run time:

- `self.tr` / `cls.tr` in a class: the class's name (PySide also looks up the base classes);
- `QCoreApplication.translate("Context", "text", ...)`: the explicit context;
- a module-level wrapper around QCoreApplication.translate: the wrapper's context;
- `window.tr` / `ctx.tr`: the class named in RECEIVER_CONTEXTS;
- `QSomeQtClass.tr`: Qt's own catalogue (qtbase_<lang>.qm), not extracted.

Labels that reach translate() as values (session kinds, roles, problem kinds, import fields)
come from DYNAMIC_SOURCES. Any other non-literal argument is reported as a problem: tr() must be
given a literal, and formatting happens after it (`self.tr("Edit {0}").format(name)`).

Existing translations are kept; new messages are added unfinished and messages that left the
code are marked vanished (translated) or obsolete (untranslated), as lupdate does.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "forumdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
BASENAME = "forumdesk"

# language code -> (the .ts language attribute, its number of plural forms, plural forms only?)
LANGUAGES: dict[str, tuple[str, int, bool]] = {
    "ru": ("ru_RU", 3, False),
    "en": ("en_US", 2, True),  # English needs only "1 session" / "5 sessions"
}

# `<receiver>.tr(...)` outside the receiver's own class: the class PySide looks the text up in.
RECEIVER_CONTEXTS = {"window": "MainWindow", "ctx": "AppContext"}

TRANSLATE_FUNCTIONS = {"translate"}  # QCoreApplication.translate / QApplication.translate


def _vocabulary_labels() -> list[str]:
    from forumdesk.core.enums import RegistrationStatus, Role, Sector, SessionKind

    return [m.label for kind in (SessionKind, Role, Sector, RegistrationStatus) for m in kind]


def _session_kind_labels() -> list[str]:
    from forumdesk.core.enums import SessionKind

    return [m.label for m in SessionKind]


def _problem_kind_labels() -> list[str]:
    from forumdesk.scheduling import ProblemKind

    return [m.label for m in ProblemKind]


def _import_field_labels() -> list[str]:
    from forumdesk.io.headers import FIELD_LABELS

    return list(FIELD_LABELS.values())


# Contexts whose translate() calls pass a label held in data rather than a literal.
DYNAMIC_SOURCES: dict[str, Callable[[], list[str]]] = {
    "Vocabulary": _vocabulary_labels,
    "SessionKind": _session_kind_labels,
    "ProblemKind": _problem_kind_labels,
    "ImportFields": _import_field_labels,
}


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""  # the disambiguation
    numerus: bool = False
    locations: list[tuple[str, int]] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


@dataclass
class Extraction:
    messages: dict[tuple[str, str, str], Message] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(
        self, context: str, source: str, comment: str, numerus: bool, where: tuple[str, int] | None
    ) -> None:
        message = self.messages.setdefault(
            (context, source, comment), Message(context, source, comment)
        )
        message.numerus = message.numerus or numerus
        if where is not None:
            message.locations.append(where)


@dataclass
class _Wrapper:
    """A module-level function that returns QCoreApplication.translate("Ctx", its argument...)."""

    context: str
    params: list[str]
    text: str  # the parameter that carries the source text
    comment: str | None
    number: str | None


def _arg(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _find_wrapper(func: ast.FunctionDef) -> _Wrapper | None:
    body = [s for s in func.body if not (isinstance(s, ast.Expr) and _literal(s.value) is not None)]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in TRANSLATE_FUNCTIONS
    ):
        return None
    context = _literal(_arg(call, 0, "context"))
    text = _arg(call, 1, "sourceText")
    params = [a.arg for a in func.args.args]
    if context is None or not isinstance(text, ast.Name) or text.id not in params:
        return None

    def param(node: ast.expr | None) -> str | None:
        return node.id if isinstance(node, ast.Name) and node.id in params else None

    return _Wrapper(
        context, params, text.id, param(_arg(call, 2, "disambiguation")), param(_arg(call, 3, "n"))
    )


class _Visitor(ast.NodeVisitor):
    def __init__(self, out: Extraction, filename: str, wrappers: dict[str, _Wrapper]) -> None:
        self.out = out
        self.filename = filename
        self.wrappers = wrappers
        self.classes: list[str] = []
        # per function: local names bound to a project class's instance or to its tr method,
        # e.g. `exporter = ExportActions(...)`, `tr = exporter.tr`
        self.instances: list[dict[str, str]] = [{}]
        self.tr_aliases: list[dict[str, str]] = [{}]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if (
            not self.classes
            and self.wrappers.get(node.name) is not None
            and (_find_wrapper(node) is not None)
        ):
            return  # the wrapper's own translate(context, text) call
        self.instances.append({})
        self.tr_aliases.append({})
        self.generic_visit(node)
        self.instances.pop()
        self.tr_aliases.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            return
        name, value = node.targets[0].id, node.value
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and (value.func.id[:1].isupper())
        ):
            self.instances[-1][name] = value.func.id
        elif isinstance(value, ast.Attribute) and value.attr == "tr":
            context = self._receiver_context(value.value)
            if context:
                self.tr_aliases[-1][name] = context

    def visit_Call(self, node: ast.Call) -> None:
        self._call(node)
        self.generic_visit(node)

    def _problem(self, node: ast.AST, text: str) -> None:
        self.out.problems.append(f"{self.filename}:{getattr(node, 'lineno', 0)}: {text}")

    def _call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.wrappers:
            wrapper = self.wrappers[func.id]

            def wrapper_arg(name: str | None) -> ast.expr | None:
                if name is None:
                    return None
                return _arg(node, wrapper.params.index(name), name)

            self._message(
                node,
                wrapper.context,
                wrapper_arg(wrapper.text),
                wrapper_arg(wrapper.comment),
                wrapper_arg(wrapper.number),
            )
        elif isinstance(func, ast.Name) and func.id in self.tr_aliases[-1]:
            self._message(
                node,
                self.tr_aliases[-1][func.id],
                _arg(node, 0, "sourceText"),
                _arg(node, 1, "disambiguation"),
                _arg(node, 2, "n"),
            )
        elif isinstance(func, ast.Name) and func.id == "tr":
            self._problem(node, "tr() through a name this script cannot follow")
        elif isinstance(func, ast.Name) and func.id in {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}:
            context = _literal(_arg(node, 0, "context"))
            if context is None:
                self._problem(node, f"{func.id}() needs a literal context")
                return
            self._message(
                node, context, _arg(node, 1, "sourceText"), _arg(node, 2, "disambiguation"), None
            )
        elif isinstance(func, ast.Name) and func.id == "QT_TR_NOOP":
            if not self.classes:
                self._problem(node, "QT_TR_NOOP() outside a class has no context")
                return
            self._message(node, self.classes[-1], _arg(node, 0, "sourceText"), None, None)
        elif isinstance(func, ast.Attribute) and func.attr in TRANSLATE_FUNCTIONS:
            owner = func.value
            if not (
                isinstance(owner, ast.Name) and owner.id in {"QCoreApplication", "QApplication"}
            ):
                return
            context = _literal(_arg(node, 0, "context"))
            if context is None:
                self._problem(node, "translate() needs a literal context")
                return
            self._message(
                node,
                context,
                _arg(node, 1, "sourceText"),
                _arg(node, 2, "disambiguation"),
                _arg(node, 3, "n"),
            )
        elif isinstance(func, ast.Attribute) and func.attr == "tr":
            context = self._receiver_context(func.value)
            if context is None:
                self._problem(node, f"tr() on an unknown receiver: {ast.unparse(func.value)}")
            elif context:
                self._message(
                    node,
                    context,
                    _arg(node, 0, "sourceText"),
                    _arg(node, 1, "disambiguation"),
                    _arg(node, 2, "n"),
                )

    def _receiver_context(self, receiver: ast.expr) -> str | None:
        """The class name PySide looks the text up in; "" for Qt's own classes."""
        if isinstance(receiver, ast.Name):
            if receiver.id in {"self", "cls"}:
                return self.classes[-1] if self.classes else None
            if receiver.id in self.instances[-1]:
                return self.instances[-1][receiver.id]
            if receiver.id in RECEIVER_CONTEXTS:
                return RECEIVER_CONTEXTS[receiver.id]
            if receiver.id.startswith("Q") and receiver.id[1:2].isupper():
                return ""  # e.g. QProgressDialog.tr("Cancel"): in qtbase_<lang>.qm
            return receiver.id if receiver.id[:1].isupper() else None
        if isinstance(receiver, ast.Attribute) and receiver.attr in RECEIVER_CONTEXTS:
            return RECEIVER_CONTEXTS[receiver.attr]  # self.ctx.tr, self.host.ctx.tr
        return None

    def _message(
        self,
        node: ast.Call,
        context: str,
        text: ast.expr | None,
        comment: ast.expr | None,
        number: ast.expr | None,
    ) -> None:
        source = _literal(text)
        if source is None:
            if isinstance(text, ast.Name | ast.Attribute | ast.Call | ast.Subscript) and (
                context in DYNAMIC_SOURCES
            ):
                return  # a label from data: DYNAMIC_SOURCES lists them
            shown = ast.unparse(text) if text is not None else "nothing"
            self._problem(node, f"tr() needs a literal string, not {shown[:60]}")
            return
        disambiguation = "" if comment is None else _literal(comment)
        if disambiguation is None and not (
            isinstance(comment, ast.Constant) and comment.value is None
        ):
            self._problem(node, "the disambiguation must be a literal")
            return
        numerus = number is not None and not (
            isinstance(number, ast.Constant) and number.value == -1
        )
        self.out.add(context, source, disambiguation or "", numerus, (self.filename, node.lineno))


def _python_files(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def extract(package: Path = PACKAGE, *, dynamic: bool = True) -> Extraction:
    """Every translatable message in the package's code, with the context it runs under."""
    out = Extraction()
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in _python_files(package)
    }
    module_wrappers: dict[str, dict[str, _Wrapper]] = {}
    for path, tree in trees.items():
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        module_wrappers[module] = {
            node.name: wrapper
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and (wrapper := _find_wrapper(node))
        }
    for path, tree in trees.items():
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        wrappers = dict(module_wrappers[module])
        for node in tree.body:  # `from forumdesk.x import _tr` brings that module's wrapper
            if isinstance(node, ast.ImportFrom) and node.module in module_wrappers:
                for alias in node.names:
                    if alias.name in module_wrappers[node.module]:
                        wrappers[alias.asname or alias.name] = module_wrappers[node.module][
                            alias.name
                        ]
        filename = path.relative_to(package.parent).as_posix()
        _Visitor(out, filename, wrappers).visit(tree)
    if dynamic:
        for context, labels in DYNAMIC_SOURCES.items():
            for label in labels():
                out.add(context, label, "", False, None)
    return out


# --- the .ts file --------------------------------------------------------------------------


@dataclass
class Entry:
    """One message as the .ts file holds it."""

    message: Message
    kind: str = "unfinished"  # "" (finished), "unfinished", "vanished", "obsolete"
    forms: list[str] = field(default_factory=list)  # one, or one per plural form
    translator_comment: str = ""


def parse_ts(text: str) -> dict[tuple[str, str, str], Entry]:
    """The messages of a .ts file's text, by (context, source, disambiguation)."""
    entries: dict[tuple[str, str, str], Entry] = {}
    for context in ET.fromstring(text).iter("context"):
        name = context.findtext("name", "")
        for element in context.iter("message"):
            translation = element.find("translation")
            numerus = element.get("numerus") == "yes"
            if translation is None:
                forms: list[str] = []
                kind = "unfinished"
            else:
                forms = (
                    [f.text or "" for f in translation.iter("numerusform")]
                    if numerus
                    else [translation.text or ""]
                )
                kind = translation.get("type", "")
            message = Message(
                name, element.findtext("source", ""), element.findtext("comment", ""), numerus
            )
            entries[message.key] = Entry(
                message, kind, forms, element.findtext("translatorcomment", "")
            )
    return entries


def read_ts(path: Path) -> dict[tuple[str, str, str], Entry]:
    return parse_ts(path.read_text(encoding="utf-8")) if path.exists() else {}


def merge(
    old: dict[tuple[str, str, str], Entry], found: Extraction, forms: int, plural_only: bool
) -> list[Entry]:
    """The new .ts content: found messages keep their translations; the rest are retired."""
    entries: list[Entry] = []
    for key, message in found.messages.items():
        if plural_only and not message.numerus:
            continue
        previous = old.get(key)
        if previous is not None and previous.message.numerus == message.numerus:
            kind = {"vanished": "", "obsolete": "unfinished"}.get(previous.kind, previous.kind)
            entry = Entry(message, kind, list(previous.forms), previous.translator_comment)
        else:
            entry = Entry(message)
        wanted = forms if message.numerus else 1
        entry.forms = (entry.forms + [""] * wanted)[:wanted]
        entries.append(entry)
    for key, previous in old.items():
        if key in found.messages and not (plural_only and not found.messages[key].numerus):
            continue
        if previous.kind in {"", "vanished"} and any(previous.forms):
            previous.kind = "vanished"
        else:
            previous.kind = "obsolete"
        previous.message.locations = []
        entries.append(previous)
    return entries


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def render_ts(
    entries: Iterable[Entry], language: str, ts_dir: Path, package: Path = PACKAGE
) -> str:
    """Qt's TS 2.1 XML, contexts sorted by name, messages in the order the code has them."""
    by_context: dict[str, list[Entry]] = {}
    for entry in entries:
        by_context.setdefault(entry.message.context, []).append(entry)
    relative = Path(os.path.relpath(package.parent, ts_dir))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="en_US">',
    ]
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_escape(context)}</name>"]
        retired = [e for e in by_context[context] if e.kind in {"vanished", "obsolete"}]
        current = [e for e in by_context[context] if e not in retired]
        for entry in current + retired:
            message = entry.message
            lines.append('    <message numerus="yes">' if message.numerus else "    <message>")
            for filename, line in message.locations:
                where = (relative / filename).as_posix()
                lines.append(f'        <location filename="{_escape(where)}" line="{line}"/>')
            lines.append(f"        <source>{_escape(message.source)}</source>")
            if message.comment:
                lines.append(f"        <comment>{_escape(message.comment)}</comment>")
            if entry.translator_comment:
                lines.append(
                    "        <translatorcomment>"
                    f"{_escape(entry.translator_comment)}</translatorcomment>"
                )
            kind = f' type="{entry.kind}"' if entry.kind else ""
            if message.numerus:
                lines.append(f"        <translation{kind}>")
                lines += [
                    f"            <numerusform>{_escape(form)}</numerusform>"
                    for form in entry.forms
                ]
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{kind}>{_escape(entry.forms[0])}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{BASENAME}_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{BASENAME}_{language}.qm"


def updated_ts(language: str, found: Extraction, folder: Path = TRANSLATIONS) -> str:
    """What the .ts of `language` should hold for the messages `found` in the code."""
    qt_language, forms, plural_only = LANGUAGES[language]
    entries = merge(read_ts(ts_path(language, folder)), found, forms, plural_only)
    return render_ts(entries, qt_language, folder)


def lrelease() -> str:
    """pyside6-lrelease: beside this Python (a venv's bin/ or Scripts/), else on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).exists():
            return str(here / name)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise SystemExit("pyside6-lrelease is missing: install PySide6-Essentials")
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def stale_messages(
    language: str, found: Extraction, folder: Path = TRANSLATIONS
) -> tuple[set[tuple[str, str, str]], int]:
    """The messages whose presence in the .ts differs from the code, and the unfinished count."""
    _qt, _forms, plural_only = LANGUAGES[language]
    wanted = {k for k, m in found.messages.items() if m.numerus or not plural_only}
    entries = read_ts(ts_path(language, folder))
    held = {k for k, e in entries.items() if e.kind not in {"vanished", "obsolete"}}
    unfinished = sum(1 for e in entries.values() if e.kind == "unfinished")
    return wanted ^ held, unfinished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-compile", action="store_true", help="update the .ts files only")
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a .ts misses messages or is unfinished",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # DYNAMIC_SOURCES import forumdesk's Qt-free vocabularies
    found = extract()
    for problem in found.problems:
        print(f"problem: {problem}", file=sys.stderr)
    status = 1 if found.problems else 0
    for language in LANGUAGES:
        ts = ts_path(language)
        if args.check:
            stale, unfinished = stale_messages(language, found)
            if stale or unfinished:
                print(
                    f"{ts.name}: {len(stale)} messages to add or retire, {unfinished} unfinished",
                    file=sys.stderr,
                )
                status = 1
            continue
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        text = updated_ts(language, found)
        if not ts.exists() or ts.read_text(encoding="utf-8") != text:
            ts.write_text(text, encoding="utf-8")
        unfinished = sum(1 for e in parse_ts(text).values() if e.kind == "unfinished")
        print(f"{ts.relative_to(ROOT)}: {len(parse_ts(text))} messages, {unfinished} unfinished")
        if not args.no_compile:
            compile_qm(ts, qm_path(language))
    return status


if __name__ == "__main__":
    sys.exit(main())
