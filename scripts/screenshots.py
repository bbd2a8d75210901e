"""Render the main views of the demo forum to PNG files, offscreen.

    python scripts/screenshots.py OUTDIR [en|ru]

Uses a throwaway database and settings, so it never touches the user's own. The window speaks
English unless `ru` is given, with its translations installed as the program installs them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from forumdesk.config import resolve_database_url
from forumdesk.db.migrate import open_database

SIZE = (1366, 768)  # the smallest office screen forumdesk is made for


def _save(widget: QWidget, path: Path) -> None:
    # let queued work (the problem check, layouts) finish before the picture is taken
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] not in ("en", "ru")):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(argv[1])
    language = argv[2] if len(argv) == 3 else "en"
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="forumdesk-shots-"))
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("forumdesk-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from forumdesk.ui import i18n
    from forumdesk.ui.main_window import MainWindow
    from forumdesk.ui.session_editor import SessionEditorDialog

    i18n.install_translators(language)

    db = open_database(resolve_database_url(str(scratch / "demo.sqlite3")))
    window = MainWindow(db)
    window.resize(*SIZE)
    window.show()
    _save(window, out / "welcome.png")
    window.load_demo()
    pages = window.timetable_page
    pages.set_day(window.ctx.current_event.first_day)  # type: ignore[union-attr]
    _save(window, out / "timetable.png")
    pages.set_day(None)
    _save(window, out / "timetable-all-days.png")
    for page, name in (
        (window.sessions_page, "sessions"),
        (window.people_page, "people"),
        (window.setup_page, "event-setup"),
    ):
        window.show_page(page)
        _save(window, out / f"{name}.png")
    # the session with the most people (12), in the details dock and in the editor
    s10 = next(r for r in window.sessions_page.model._rows if r.code == "S10")
    window.show_page(window.sessions_page)
    window.ctx.session_selected.emit(s10.id)
    _save(window, out / "sessions-details.png")
    for dock, name in ((window.problems_dock, "problems"), (window.history_dock, "history")):
        dock.raise_()
        _save(window, out / f"sessions-{name}.png")
    window.problems_dock.show_accepted_check.setChecked(True)
    window.problems_dock.raise_()
    _save(window, out / "sessions-problems-accepted.png")
    window.details_dock.raise_()
    editor = SessionEditorDialog(window.ctx, s10.id, parent=window)
    editor.show()
    _save(editor, out / "session-editor.png")
    editor.close()
    from forumdesk.ui.note_dialog import NoteDialog

    problem = window.problems_dock.all_rows[0].message if window.problems_dock.all_rows else ""
    note = NoteDialog(window, "Accept problem", f"Why is this acceptable?\n{problem}")
    note.show()
    _save(note, out / "note.png")
    note.close()
    window.close()
    db.dispose()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
