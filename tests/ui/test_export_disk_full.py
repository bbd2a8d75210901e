"""A full disk during an export from the window: a warning saying so, never the crash dialog,
and the previous file kept as it was — for the agenda workbook, PDF, calendar and CSV.

The disk is "full" through a file-size limit on this process (RLIMIT_FSIZE, SIGXFSZ ignored):
every write past it fails with EFBIG, whichever thread or library makes it.
"""

from __future__ import annotations

import contextlib
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import versions
from forumdesk.services.demo import DemoResult
from forumdesk.services.exports import ExportOptions
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")

DISK_FULL = (
    "The disk is full, so «{}» could not be written. The previous file, if any, was left as it was."
)


@contextlib.contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """No file of this process can grow past `size` bytes while in force."""
    import resource

    before_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    before_signal = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, before_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, before_limit)
        signal.signal(signal.SIGXFSZ, before_signal)


def _export(window: MainWindow, prompts: ScriptedPrompts, fmt: str, path: Path) -> object:
    actions = window.export_actions
    if fmt == "xlsx":
        return actions.run_agenda_export(ExportOptions(), path)
    prompts.choose_files(path)
    run: Callable[[], object] = {
        "pdf": actions.export_pdf,
        "ics": actions.export_calendar,
        "csv": lambda: actions.export_csv("people"),
    }[fmt]
    return run()


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "ics", "csv"])
def test_a_full_disk_is_a_warning_and_the_old_file_is_kept(
    qtbot: QtBot,
    db: Database,
    demo: DemoResult,
    tmp_path: Path,
    prompts: ScriptedPrompts,
    fmt: str,
) -> None:
    versions.publish_version(db, demo.event.id, expected_latest=0)  # nothing to offer first
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    path = tmp_path / f"agenda.{fmt}"
    assert _export(window, prompts, fmt, path) == path
    path.chmod(0o644)
    before = path.read_bytes()
    prompts.shown.clear()

    with file_size_limit(len(before) // 2):
        assert _export(window, prompts, fmt, path) is None

    shown = [(s.kind, s.text) for s in prompts.shown if s.kind != "save_file"]
    assert shown == [("warning", DISK_FULL.format(path.name))]
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".agenda")) == []
