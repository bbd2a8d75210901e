"""The layers' import rules (shared/DESIGN.md), read from the code with `ast`.

Imports point one way, `ui → services → (db, io, scheduling) → core`; nothing below the window
imports Qt; no two modules import each other, even through a third or inside a function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import forumdesk

PACKAGE = Path(forumdesk.__file__).parent
QT_FREE = ["core", "db", "services", "scheduling", "io", "cli", "config.py"]

# Which of forumdesk's floors each floor may import (besides itself); "forumdesk" is the
# package's own __init__, which holds the version and imports nothing. The window's floors (ui,
# app) may import everything but the command line; the command line starts the window from one
# module only (see test_only_the_launcher_reaches_the_window).
MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "db": {"core"},
    "io": {"core"},
    "scheduling": {"core"},
    "config": {"core"},
    "services": {"core", "db", "io", "scheduling", "config", "forumdesk"},
    "cli": {"core", "db", "io", "scheduling", "config", "services", "forumdesk", "app"},
    "app": {"core", "db", "io", "scheduling", "config", "services", "forumdesk", "ui"},
    "ui": {"core", "db", "io", "scheduling", "config", "services", "forumdesk", "ui"},
    "__main__": {"cli"},
}
LAUNCHER = "forumdesk.cli.window"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.relative_to(PACKAGE).parts
    }


MODULES = _modules()


def _imported(name: str, path: Path) -> Iterator[str]:
    """Every forumdesk module `name` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                # `from forumdesk.core import text` imports the module forumdesk.core.text
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in MODULES else base


def _graph() -> dict[str, set[str]]:
    return {
        name: {m for m in _imported(name, path) if m.split(".")[0] == "forumdesk" and m != name}
        for name, path in MODULES.items()
    }


def _floor(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _all_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _files(entry: str) -> list[Path]:
    target = PACKAGE / entry
    if target.is_file():
        return [target]
    return sorted(target.rglob("*.py")) if target.is_dir() else []


def test_the_core_never_imports_qt() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in _all_imports(path) if m.split(".")[0] in {"PySide6", "shiboken6"}
        )
        for entry in QT_FREE
        for path in _files(entry)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_launcher_reaches_the_window() -> None:
    offenders = {
        name: sorted(m for m in imported if _floor(m) in {"ui", "app"})
        for name, imported in _graph().items()
        if _floor(name) in {"core", "db", "services", "scheduling", "io", "cli", "config"}
        and name != LAUNCHER
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_imports_point_one_way() -> None:
    offenders = {
        name: sorted(
            m for m in imported if _floor(m) not in MAY_IMPORT[_floor(name)] | {_floor(name)}
        )
        for name, imported in _graph().items()
        if _floor(name) in MAY_IMPORT
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_floor_has_a_rule() -> None:
    floors = {_floor(name) for name in MODULES} - {"forumdesk"}
    assert floors <= MAY_IMPORT.keys()


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_two_modules_import_each_other() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    # the rule above must be able to fail: a circle through a third module is found
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize(
    ("module", "imports"),
    [
        ("forumdesk.db.models", "forumdesk.core.enums"),
        ("forumdesk.core.text", "forumdesk.core.errors"),
    ],
)
def test_the_graph_sees_real_imports(module: str, imports: str) -> None:
    # guard against the rules above passing because they found nothing to read
    assert imports in _graph()[module]
    assert len(MODULES) > 100
    assert "sqlalchemy" in _all_imports(PACKAGE / "db" / "models.py")


def _private_names_taken(source: str) -> list[str]:
    """`from forumdesk.x import _name` and `module._name` of an imported forumdesk module."""
    tree = ast.parse(source)
    modules: set[str] = set()
    taken: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("forumdesk"):
            for alias in node.names:
                if _is_private(alias.name):
                    taken.append(f"{node.module}.{alias.name}")
                else:
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            modules.update(
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if alias.name.startswith("forumdesk")
            )
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _is_private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            taken.append(f"{node.value.id}.{node.attr}")
    return taken


def _is_private(name: str) -> bool:
    return name.startswith("_") and name != "_" and not name.startswith("__")


def test_the_rule_on_private_names_sees_both_ways_of_taking_them() -> None:
    source = (
        "from forumdesk.core.i18n import _\n"
        "from forumdesk.core import text\n"
        "from forumdesk.services.people import _refresh, search_people\n"
        "text._BLANKS.sub(' ', x)\n"
        "self._own\n"
    )
    assert _private_names_taken(source) == ["forumdesk.services.people._refresh", "text._BLANKS"]


def test_no_module_takes_another_modules_private_names() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): taken
        for path in sorted(PACKAGE.rglob("*.py"))
        if (taken := _private_names_taken(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
