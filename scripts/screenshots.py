"""Render every page, dock and main dialog of the demo forum to PNG files, offscreen, at the
size a 1366×768 screen gives them.

    python scripts/screenshots.py --out OUTDIR [--lang en|ru|kk]
    python scripts/screenshots.py OUTDIR [en|ru|kk]          (the older form still works)

Uses a throwaway database, settings and import file, so it never touches the user's own. The
window speaks English unless `ru` or `kk` is given, with its translations installed as the program
installs them. Each picture is named after what it shows; the list is printed as it is written.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from forumdesk.config import resolve_database_url
from forumdesk.db.migrate import open_database

SIZE = (1366, 768)  # the smallest office screen forumdesk is made for
USABLE_HEIGHT = 768 - 40  # a task bar or a panel takes the rest
WINDOW = (SIZE[0], USABLE_HEIGHT - 30)  # the main window, less its title bar

# A small attendee list in the shape registrations send, with one row the import cannot use.
ATTENDEES = [
    ["Фамилия", "Имя", "Отчество", "Организация", "Должность", "Страна", "Эл. почта", "Телефон"],
    ["Иванов", "Пётр", "Сергеевич", "WIPO", "Эксперт", "Казахстан", "ivanov@example.kz", ""],
    ["Садыкова", "Динара", "", "ЕЭК", "Директор", "KZ", "dinara@example.kz", "77015550002"],
    ["Smith", "John", "", "Marketplace Ltd", "Head of Legal", "UK", "john@example.com", ""],
    ["", "", "", "Без имени", "", "", "not-an-address", ""],
]


def _settle(seconds: float = 0.3) -> None:
    # let queued work (the problem check, layouts) finish before the picture is taken
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()


def _save(widget: QWidget, path: Path) -> None:
    _settle()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def _show_dialog(dialog: QDialog, path: Path) -> None:
    """Show `dialog` as the program would (never taller than the screen) and save it."""
    dialog.show()
    _settle(0.1)
    dialog.resize(min(dialog.width(), SIZE[0]), min(dialog.height(), USABLE_HEIGHT))
    _save(dialog, path)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_positional", nargs="?", metavar="OUTDIR", help=argparse.SUPPRESS)
    parser.add_argument(
        "lang_positional", nargs="?", choices=("en", "ru", "kk"), help=argparse.SUPPRESS
    )
    parser.add_argument("--out", type=Path, help="the folder for the PNG files")
    parser.add_argument("--lang", choices=("en", "ru", "kk"), help="the window's language (en)")
    args = parser.parse_args(argv)
    out = args.out or (Path(args.out_positional) if args.out_positional else None)
    if out is None:
        parser.error("say where the pictures go: --out OUTDIR")
    args.out = out
    args.lang = args.lang or args.lang_positional or "en"
    return args


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="forumdesk-shots-"))
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("forumdesk-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from forumdesk.services import sessions
    from forumdesk.ui import i18n
    from forumdesk.ui.assign_dialog import AssignToSessionDialog
    from forumdesk.ui.day_hours_dialog import DayHoursDialog, remembered_day_hours
    from forumdesk.ui.event_dialog import NewEventDialog
    from forumdesk.ui.export_dialog import ExportAgendaDialog
    from forumdesk.ui.main_window import MainWindow
    from forumdesk.ui.note_dialog import NoteDialog
    from forumdesk.ui.open_database_dialog import OpenDatabaseDialog
    from forumdesk.ui.person_dialog import PersonDialog
    from forumdesk.ui.session_editor import SessionEditorDialog
    from forumdesk.ui.unavailability_box import UnavailabilityBox

    i18n.install_translators(args.lang)

    db = open_database(resolve_database_url(str(scratch / "demo.sqlite3")))
    window = MainWindow(db)
    window.resize(*WINDOW)
    window.show()
    _save(window, out / "welcome.png")
    window.load_demo()
    event = window.ctx.current_event
    assert event is not None
    pages = window.timetable_page
    pages.set_day(event.first_day)
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
    s10 = next(s for s in sessions.list_sessions(db, event.id) if s.code == "S10")
    window.show_page(window.sessions_page)
    window.ctx.session_selected.emit(s10.id)
    _save(window, out / "sessions-details.png")
    for dock, name in ((window.problems_dock, "problems"), (window.history_dock, "history")):
        dock.raise_()
        _save(window, out / f"sessions-{name}.png")
    window.problems_dock.show_accepted_check.setChecked(True)
    window.problems_dock.raise_()
    _save(window, out / "sessions-problems-accepted.png")
    window.show_page(window.setup_page)
    _save(window, out / "event-setup-problems.png")
    window.details_dock.raise_()
    window.show_page(window.people_page)
    _save(window, out / "people-details.png")

    editor = SessionEditorDialog(window.ctx, s10.id, parent=window)
    _show_dialog(editor, out / "session-editor.png")
    editor.close()

    people_page = window.people_page
    new_person = PersonDialog(
        people_page._organizations(),
        None,
        parent=window,
        countries=people_page.model.countries(),
        event_name=event.name,
    )
    _show_dialog(new_person, out / "person-new.png")
    new_person.close()
    model = people_page.model
    # the person with the longest name and organisation: the hardest to fit
    person = max(
        (model.person_at(r) for r in range(model.rowCount())),
        key=lambda p: len(p.display_name) + len(p.organization or ""),
    )
    if person is not None:
        edit_person = PersonDialog(
            people_page._organizations(),
            person,
            parent=window,
            countries=people_page.model.countries(),
        )
        box = UnavailabilityBox(window.ctx, event, person.id, person.display_name, edit_person)
        edit_person.add_section(box)
        _show_dialog(edit_person, out / "person-edit.png")
        edit_person.close()

    assign = AssignToSessionDialog(sessions.list_sessions(db, event.id), 3, parent=window)
    _show_dialog(assign, out / "assign-to-session.png")
    assign.close()

    event_dialog = NewEventDialog(window)
    _show_dialog(event_dialog, out / "event-new.png")
    event_dialog.close()

    export = ExportAgendaDialog(window.ctx, window)
    _show_dialog(export, out / "export-agenda.png")
    export.close()

    hours = DayHoursDialog(remembered_day_hours(db, event.id), window)
    _show_dialog(hours, out / "place-day-hours.png")
    hours.close()

    problem = window.problems_dock.all_rows[0].message if window.problems_dock.all_rows else ""
    note = NoteDialog(
        window,
        QCoreApplication.translate("ProblemsDock", "Accept problem"),
        QCoreApplication.translate("ProblemsDock", "Why is this acceptable?\n{0}").format(problem),
    )
    _show_dialog(note, out / "note-accept-problem.png")
    note.close()

    open_db = OpenDatabaseDialog(window.ctx.prompts, window, keyring_available=True)
    _show_dialog(open_db, out / "open-database-file.png")
    open_db.server_radio.setChecked(True)
    _save(open_db, out / "open-database-server.png")
    open_db.close()

    attendees = scratch / "Участники форума.csv"
    with attendees.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(ATTENDEES)
    window.import_actions.exec_wizard = lambda wizard: wizard.show()
    wizard = window.import_actions.open_wizard("attendees", path=attendees)
    wizard.resize(min(wizard.width(), SIZE[0]), min(wizard.height(), USABLE_HEIGHT))
    for name in ("file", "sheet", "mapping", "check", "confirm", "summary"):
        _save(wizard, out / f"import-{name}.png")
        if name == "check":  # the row without a name goes to the file of rejected rows
            wizard.check_page.skip_invalid_check.setChecked(True)
            _settle(1.0)
        if name != "summary":
            wizard.next()
            _settle(1.0)  # the import runs in a worker thread
    wizard.close()

    window.close()
    db.dispose()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
