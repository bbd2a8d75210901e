"""The command line's own shape: one list of commands, no import circle inside forumdesk.cli (even
through a lazy import), no private name taken from another module, and a start that loads
neither the services nor SQLAlchemy nor Qt until a command runs.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import forumdesk.cli
from forumdesk.cli.registry import COMMANDS, build_parser

CLI = Path(forumdesk.cli.__file__).parent


def _module(path: Path) -> str:
    parts = path.relative_to(CLI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in the file, at the top or inside a function."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(path): path for path in CLI.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for module, names in _imported(path):
            # `from forumdesk.cli import events` imports the module forumdesk.cli.events
            targets.update(f"{module}.{n}" for n in names if f"{module}.{n}" in modules)
            if module in modules and not all(f"{module}.{n}" in modules for n in names):
                targets.add(module)
        graph[name] = targets & modules.keys() - {name}
    return graph


def test_the_graph_sees_the_package() -> None:
    graph = _graph()
    assert {"forumdesk.cli", "forumdesk.cli.shared", "forumdesk.cli.registry"} <= graph.keys()
    assert "forumdesk.cli.registry" in graph["forumdesk.cli"]
    assert "forumdesk.cli.shared" in graph["forumdesk.cli.events"]


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _graph()
    circles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        for target in sorted(graph[module]):
            if target in path:
                circles.append([*path[path.index(target) :], target])
            else:
                visit(target, [*path, target])

    for module in sorted(graph):
        visit(module, [module])
    assert circles == []


def test_no_private_name_is_taken_from_another_module() -> None:
    taken = {
        f"{path.name}: from {module} import {name}"
        for path in CLI.glob("*.py")
        for module, names in _imported(path)
        if module.startswith("forumdesk")
        for name in names
        # `_` (gettext's) and dunders such as __version__ are not private names
        if name.startswith("_") and name != "_" and not name.endswith("__")
    }
    assert taken == set()


def test_every_command_is_registered_once_in_the_readme_order() -> None:
    assert [command.name for command in COMMANDS] == [
        "demo",
        "create-event",
        "events",
        "sessions",
        "people",
        "edit-event",
        "unavailable",
        "import-attendees",
        "import-programme",
        "export-agenda",
        "export-ics",
        "export-csv",
        "badges",
        "tents",
        "attendance",
        "check",
        "schedule",
        "publish",
        "versions",
        "changes",
    ]
    args = build_parser().parse_args(["--db", "x.sqlite3", "events", "--json"])
    assert args.handler is next(c.run for c in COMMANDS if c.name == "events")


def test_starting_loads_nothing_heavy() -> None:
    # the window starts through forumdesk.cli, and `--help` should answer at once: the services,
    # SQLAlchemy, the spreadsheet libraries and Qt load when a command (or the window) needs them
    code = (
        "import sys\n"
        "from forumdesk.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('forumdesk.services', 'forumdesk.db', 'sqlalchemy', 'openpyxl',\n"
        "         'python_calamine', 'PySide6', 'forumdesk.app', 'forumdesk.ui')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: forumdesk" in result.stdout  # --help really ran
    assert result.stdout.splitlines()[-1] == "[]"
