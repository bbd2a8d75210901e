"""The window's modules load nothing an export, a badge or the solver needs: those libraries
(openpyxl, reportlab, Babel, OR-Tools) load on first use, not before the first paint."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "reportlab", "segno", "babel", "ortools", "python_calamine", "icalendar")


def test_importing_the_window_loads_no_export_badge_or_solver_library() -> None:
    code = (
        "import sys, forumdesk.db.migrate, forumdesk.app, forumdesk.ui.main_window\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "PYTHONPATH": ":".join(sys.path)},
    )
    assert done.stdout.strip() == ""
