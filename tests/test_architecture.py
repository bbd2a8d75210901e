"""The layers' import rules (shared/DESIGN.md): nothing below the UI imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import forumdesk

PACKAGE = Path(forumdesk.__file__).parent
QT_FREE = ["core", "db", "services", "scheduling", "io", "cli", "config.py"]
# `forumdesk` with no command opens the window: this module (and only it) imports forumdesk.app,
# lazily, when that happens
STARTS_THE_WINDOW = Path("cli") / "window.py"


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
        for path in _files(entry)
        if path != PACKAGE / STARTS_THE_WINDOW
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_window_starter_reaches_the_ui() -> None:
    # the one exclusion above is a real module that starts the window, and reaches no further
    reached = {
        m
        for m in _imports(PACKAGE / STARTS_THE_WINDOW)
        if m.startswith(("forumdesk.ui", "forumdesk.app"))
    }
    assert reached == {"forumdesk.app"}


def test_the_rule_sees_real_files() -> None:
    # guard against the test above passing because it found nothing to read
    assert len([p for e in QT_FREE for p in _files(e)]) > 10
    assert "sqlalchemy" in _imports(PACKAGE / "db" / "models.py")


def test_io_reads_and_writes_files_importing_only_the_core() -> None:
    """io is pure readers and writers: no database, services, config, nor the top package."""
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            m
            for m in _imports(path)
            if m == "forumdesk"
            or (m.startswith("forumdesk.") and m.split(".")[1] not in {"core", "io"})
        )
        for path in _files("io")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert "forumdesk.core.rows" in _imports(PACKAGE / "io" / "agenda_data.py")
