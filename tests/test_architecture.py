"""The layers' import rules (shared/DESIGN.md): nothing below the UI imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import forumdesk

PACKAGE = Path(forumdesk.__file__).parent
QT_FREE = ["core", "db", "services", "scheduling", "io", "cli.py", "config.py"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
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
            m for m in _imports(path) if m.split(".")[0] in {"PySide6", "shiboken6"}
        )
        for entry in QT_FREE
        for path in _files(entry)
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}


def test_the_core_never_imports_the_ui() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in _imports(path) if m.startswith(("forumdesk.ui", "forumdesk.app"))
        )
        for entry in QT_FREE
        if entry != "cli.py"
        for path in _files(entry)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_rule_sees_real_files() -> None:
    # guard against the test above passing because it found nothing to read
    assert len([p for e in QT_FREE for p in _files(e)]) > 10
    assert "sqlalchemy" in _imports(PACKAGE / "db" / "models.py")


# Made a package with shared helpers of its own by the command-line part of issue 11; until that is
# merged these take cli.py's private helpers.
_CLI_MODULES_BEFORE_THE_PACKAGE = {"cli_check.py", "cli_export.py", "cli_import.py"}


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
        if path.name not in _CLI_MODULES_BEFORE_THE_PACKAGE
        and (taken := _private_names_taken(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
