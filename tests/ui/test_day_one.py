"""Day one (issue 14): an empty database file, the real window, and everything a new member of
staff does on their first day, through the widgets they would use, checked in the database at
each step.

The event is created in its dialog, rooms and tracks typed into Event setup, sessions made on the
timetable (a double-click, a drag across empty time, Ctrl+D, a coffee break across all rooms),
two attendee files imported (a Russian Excel CSV and an xlsx), people added in the session
editor by typing and Enter, a clash accepted in the Problems dock, undo and redo from the keyboard,
and the agenda exported to xlsx and read back.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, QEvent, QPoint, Qt, QTime, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTableView,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from forumdesk.config import resolve_database_url
from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.rows import EventRow, SessionRow
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.scheduling.model import ProblemKind
from forumdesk.services import assignments, events, people, problems, sessions, venue
from forumdesk.ui.event_dialog import NewEventDialog
from forumdesk.ui.export_dialog import ExportAgendaDialog
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.session_editor import ALL_ROOMS, SessionEditorDialog
from forumdesk.ui.timetable.timetable_view import TimetableView
from tests.ui.keyboard import type_text
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_timetable import LEFT, _column, _mouse, _move_to, _point, _press, _release

DAY1, DAY2 = dt.date(2027, 5, 12), dt.date(2027, 5, 13)
ROOMS = [("Пленарный зал", 400), ("Зал A", 120), ("Зал B", 80), ("Зал C", 40)]
TRACKS = ["Товарные знаки", "Маркетплейсы"]

# the first attendee list: exported from Excel on a Russian Windows (cp1251, semicolons)
CSV_HEADER = ["Фамилия", "Имя", "Отчество", "Организация", "Должность", "Эл. почта"]
CSV_PEOPLE = [
    ["Жаксыбеков", "Ерлан", "Маратович", "Минюст РК", "Директор", "erlan@example.kz"],
    ["Иванова", "Мария", "Петровна", "ЕЭК", "Советник", "ivanova@example.ru"],
    ["Ким", "Алексей", None, "Wildberries", "Юрист", "kim@example.kz"],
]
# the second: an xlsx from a partner's registration desk
XLSX_HEADER = ["Фамилия", "Имя", "Организация", "E-mail", "Страна"]
XLSX_PEOPLE = [
    ["Smith", "John", "Amazon EU", "john.smith@example.com", "United Kingdom"],
    ["Нурланова", "Айгерим", "Kaspi.kz", "aigerim@example.kz", "Казахстан"],
]


# --- plumbing ---------------------------------------------------------------------------------


def _when_shown(kind: type[QWidget], drive: Callable[[QWidget], None]) -> None:
    """Drive the next `kind` dialog once its own event loop runs; if driving it fails, close
    it anyway so the test fails instead of waiting for a click."""

    def run() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
            None,
        )
        if dialog is None:  # not shown yet: look again once the loop turns
            QTimer.singleShot(10, run)
            return
        try:
            drive(dialog)
        finally:
            if dialog.isVisible() and isinstance(dialog, QDialog):
                dialog.reject()

    QTimer.singleShot(0, run)


def _action(window: MainWindow, keys: str) -> QAction:
    found = [a for a in window.findChildren(QAction) if a.shortcut().toString() == keys]
    assert len(found) == 1, f"{keys}: {[a.text() for a in found]}"
    return found[0]


def _event(db: Database) -> EventRow:
    [event] = events.list_events(db)
    return event


def _sessions(db: Database) -> dict[str, SessionRow]:
    rows = sessions.list_sessions(db, _event(db).id)
    titles = [row.title for row in rows]
    assert len(set(titles)) == len(titles), titles
    return {row.title: row for row in rows}


def _click_ok(qtbot: QtBot, dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


# --- 1. the event -----------------------------------------------------------------------------


def _create_the_event(qtbot: QtBot, window: MainWindow, db: Database) -> EventRow:
    assert window.pages.currentWidget() is window.welcome_page
    assert events.list_events(db) == []

    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, NewEventDialog)
        type_text(dialog.name_edit, "Форум ИС 2027")
        dialog.first_day_edit.setDate(QDate(2027, 5, 12))
        dialog.last_day_edit.setDate(QDate(2027, 5, 13))
        type_text(dialog.city_edit, "Астана")
        dialog.timezone_combo.setCurrentText("Asia/Almaty")
        _click_ok(qtbot, dialog)

    _when_shown(NewEventDialog, fill_in)
    qtbot.mouseClick(window.create_event_button, Qt.MouseButton.LeftButton)

    event = _event(db)
    assert (event.name, event.city, event.timezone) == ("Форум ИС 2027", "Астана", "Asia/Almaty")
    assert event.days == [DAY1, DAY2]
    assert venue.list_rooms(db, event.id) == []
    assert window.ctx.event_id == event.id
    assert window.pages.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.setup_page  # rooms and tracks come next
    assert window.ctx.undo_stack.count() == 1
    return event


# --- 2. rooms and tracks ----------------------------------------------------------------------


def _type_into_new_row(qtbot: QtBot, table: QTableView, name: str) -> None:
    """The name cell the Add button opened for typing: replace the suggested name and Enter."""
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    type_text(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits the typed name once the loop turns
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)


def _set_up_rooms_and_tracks(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    page, event_id = window.setup_page, window.ctx.event_id or 0
    for n, (name, seats) in enumerate(ROOMS, start=1):
        page.new_room_seats.setValue(seats)
        qtbot.mouseClick(page.add_room_button, Qt.MouseButton.LeftButton)
        assert venue.list_rooms(db, event_id)[-1].name == f"Room {n}"  # added at once
        _type_into_new_row(qtbot, page.room_table, name)
        assert [(r.name, r.capacity) for r in venue.list_rooms(db, event_id)] == ROOMS[:n]
    for n, name in enumerate(TRACKS, start=1):
        qtbot.mouseClick(page.add_track_button, Qt.MouseButton.LeftButton)
        _type_into_new_row(qtbot, page.track_table, name)
        assert sorted(t.name for t in venue.list_tracks(db, event_id)) == sorted(TRACKS[:n])
    tracks = venue.list_tracks(db, event_id)
    assert sorted(t.name for t in tracks) == sorted(TRACKS)
    assert len({t.color for t in tracks}) == 2 and all(t.color for t in tracks)
    assert [page.room_model.row_at(n).name for n in range(4)] == [name for name, _ in ROOMS]
    # the event, then a step per room and per track: adding a row and naming it is one step
    assert window.ctx.undo_stack.count() == 1 + 4 + 2
    assert TRACKS[1] in window.ctx.undo_stack.undoText()


# --- 3. sessions on the timetable ---------------------------------------------------------------


def _open_editor_by(
    qtbot: QtBot, window: MainWindow, gesture: Callable[[], None], fill_in: Callable[..., None]
) -> SessionEditorDialog:
    """Make the gesture that opens the session editor; fill it in and press OK."""
    seen: list[SessionEditorDialog] = []

    def on_opened(dialog: QDialog) -> None:
        assert isinstance(dialog, SessionEditorDialog)
        seen.append(dialog)

        def drive() -> None:
            try:
                fill_in(dialog)
                _click_ok(qtbot, dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, drive)

    window.editor_opened.connect(on_opened)
    try:
        gesture()
    finally:
        window.editor_opened.disconnect(on_opened)
    assert len(seen) == 1, "the gesture opened no editor"
    assert seen[0].result() == QDialog.DialogCode.Accepted, seen[0].message_label.text()
    return seen[0]


def _double_click(view: TimetableView, point: QPoint) -> None:
    _press(view, point)
    _release(view, point)
    _mouse(view, QEvent.Type.MouseButtonDblClick, point, LEFT, LEFT)
    _release(view, point)


def _at(view: TimetableView, room: str, hour: int, minute: int) -> QPoint:
    column = _column(view, DAY1, room)
    return _point(view, column.x + 30, view.timetable.y_for_minute(hour * 60 + minute + 2))


def _where(dialog: SessionEditorDialog) -> tuple[object, ...]:
    placement = dialog.placement()
    return (dialog.room_combo.currentText().split(" (")[0], placement.starts_at, placement.ends_at)


def _fields(
    title: str, *, kind: SessionKind | None = None, track: str | None = None
) -> Callable[[SessionEditorDialog], None]:
    def fill_in(dialog: SessionEditorDialog) -> None:
        type_text(dialog.title_edit, title)
        if kind is not None:
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
        if track is not None:
            dialog.track_combo.setCurrentIndex(dialog.track_combo.findText(track))

    return fill_in


def _make_sessions_on_the_timetable(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    _action(window, "Ctrl+1").trigger()  # View > Timetable
    assert window.tabs.currentWidget() is window.timetable_page
    page, view = window.timetable_page, window.timetable_page.view
    page.set_day(DAY1)
    assert [c.name for c in view.timetable.columns] == [name for name, _ in ROOMS]
    steps = window.ctx.undo_stack.count()

    # a double-click on empty time: the editor opens with the room and the hour filled in
    opening = _open_editor_by(
        qtbot,
        window,
        lambda: _double_click(view, _at(view, "Пленарный зал", 10, 0)),
        _fields("Открытие форума", kind=SessionKind.PLENARY, track=TRACKS[0]),
    )
    assert _where(opening) == (
        "Пленарный зал",
        dt.datetime(2027, 5, 12, 10, 0),
        dt.datetime(2027, 5, 12, 11, 0),
    )
    row = _sessions(db)["Открытие форума"]
    assert (row.room_name, row.starts_at, row.ends_at, row.kind, row.track_name) == (
        "Пленарный зал",
        dt.datetime(2027, 5, 12, 10, 0),
        dt.datetime(2027, 5, 12, 11, 0),
        SessionKind.PLENARY,
        TRACKS[0],
    )
    assert view.block(row.id) is not None

    # a drag across empty time: the span dragged is the session's time
    start = _at(view, "Зал A", 10, 30)
    end = start + QPoint(0, round(90 * view.timetable.pixels_per_minute))

    def drag() -> None:
        _press(view, start)
        _move_to(view, start, end)
        assert view.target_band.isVisible() and view.target_band.text == "Зал A · 10:30–12:00"
        _release(view, end)

    panel = _open_editor_by(
        qtbot, window, drag, _fields("Защита товарных знаков на маркетплейсах", track=TRACKS[1])
    )
    assert _where(panel) == (
        "Зал A",
        dt.datetime(2027, 5, 12, 10, 30),
        dt.datetime(2027, 5, 12, 12, 0),
    )
    row = _sessions(db)["Защита товарных знаков на маркетплейсах"]
    assert (row.room_name, row.starts_at, row.ends_at, row.kind) == (
        "Зал A",
        dt.datetime(2027, 5, 12, 10, 30),
        dt.datetime(2027, 5, 12, 12, 0),
        SessionKind.DISCUSSION,
    )

    # Ctrl+D: a copy right after the selected session, in its room
    block = view.block(row.id)
    assert block is not None
    grab = _point(view, block.place.x + block.place.width / 2, block.place.y + 12)
    _press(view, grab)
    _release(view, grab)
    assert view.selected_session_ids() == [row.id]
    _action(window, "Ctrl+D").trigger()
    copies = [
        s
        for s in sessions.list_sessions(db, _event(db).id)
        if s.title == row.title and s.id != row.id
    ]
    assert [(c.room_name, c.starts_at, c.ends_at) for c in copies] == [
        ("Зал A", dt.datetime(2027, 5, 12, 12, 0), dt.datetime(2027, 5, 12, 13, 30))
    ]
    assert view.selected_session_ids() == [copies[0].id]
    # the copy is given its own title, in the editor it opens from the timetable (Ctrl+E)
    copy_block = view.block(copies[0].id)
    assert copy_block is not None

    def retitle(dialog: SessionEditorDialog) -> None:
        assert dialog.original is not None and dialog.original.id == copies[0].id
        dialog.title_edit.selectAll()
        type_text(dialog.title_edit, "Защита товарных знаков: практикум")

    _open_editor_by(qtbot, window, lambda: _action(window, "Ctrl+E").trigger(), retitle)
    assert sessions.get_session(db, copies[0].id).title == "Защита товарных знаков: практикум"

    # the coffee break: made in one room, put across all rooms in the editor, half an hour
    def coffee(dialog: SessionEditorDialog) -> None:
        assert _where(dialog) == (
            "Зал B",
            dt.datetime(2027, 5, 12, 13, 30),
            dt.datetime(2027, 5, 12, 14, 30),
        )
        _fields("Кофе-брейк", kind=SessionKind.BREAK)(dialog)
        dialog.room_combo.setCurrentIndex(dialog.room_combo.findData(ALL_ROOMS))
        dialog.end_edit.setTime(QTime(14, 0))

    _open_editor_by(qtbot, window, lambda: _double_click(view, _at(view, "Зал B", 13, 30)), coffee)
    row = _sessions(db)["Кофе-брейк"]
    assert (row.kind, row.all_rooms, row.room_id, row.starts_at, row.ends_at) == (
        SessionKind.BREAK,
        True,
        None,
        dt.datetime(2027, 5, 12, 13, 30),
        dt.datetime(2027, 5, 12, 14, 0),
    )
    coffee_block = view.block(row.id)
    assert coffee_block is not None and coffee_block.place.venue_wide
    assert len(sessions.list_sessions(db, _event(db).id)) == 4
    # created, created, duplicated, retitled, created: one undo step each
    assert window.ctx.undo_stack.count() == steps + 5
    assert window.counts_label.text().startswith("4 sessions, 0 not on the timetable")


# --- 4. two attendee lists ---------------------------------------------------------------------


def _write_russian_excel_csv(path: Path) -> Path:
    with path.open("w", encoding="cp1251", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(CSV_HEADER)
        writer.writerows(CSV_PEOPLE)
    return path


def _write_partner_xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Регистрация"
    sheet.append(XLSX_HEADER)
    for row in XLSX_PEOPLE:
        sheet.append(row)
    workbook.save(path)
    return path


def _import_attendees(
    qtbot: QtBot, window: MainWindow, prompts: ScriptedPrompts, path: Path, fields: list[str]
) -> int:
    """File > Import attendees (Ctrl+I), the file chosen with Browse, every page in turn; the
    number of people the check page says will be created."""
    window.import_actions.exec_wizard = lambda wizard: wizard.show()  # driven, not waited on
    _action(window, "Ctrl+I").trigger()
    wizard = window.import_actions.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    prompts.choose_files(path)
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.event_combo.currentData() == window.ctx.event_id
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_page, wizard.file_page.error_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert [c.currentData() for c in wizard.mapping_page.field_combos] == fields
    wizard.next()
    check = wizard.check_page
    assert wizard.currentPage() is check
    assert check.summary is not None and check.problems_table.rowCount() == 0
    created = check.summary.created
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page, wizard.confirm_page.error_label.text()
    assert wizard.summary_page.count_labels["created"].text() == str(created)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    return created


def _import_both_lists(
    qtbot: QtBot, window: MainWindow, db: Database, prompts: ScriptedPrompts, folder: Path
) -> None:
    event_id, steps = window.ctx.event_id or 0, window.ctx.undo_stack.count()
    assert people.search_people(db) == []
    csv_path = _write_russian_excel_csv(folder / "Участники.csv")
    assert csv_path.read_bytes().startswith("Фамилия;Имя".encode("cp1251"))
    fields = ["family_name", "given_name", "patronymic", "organization", "position", "email"]
    assert _import_attendees(qtbot, window, prompts, csv_path, fields) == 3
    registered = people.search_people(db, event_id=event_id)
    assert sorted((p.family_name, p.given_name, p.organization) for p in registered) == sorted(
        (row[0], row[1], row[3]) for row in CSV_PEOPLE
    )
    erlan = people.search_people(db, "Жаксыбеков")[0]
    assert (erlan.patronymic, erlan.position, erlan.email) == (
        "Маратович",
        "Директор",
        "erlan@example.kz",
    )

    xlsx_path = _write_partner_xlsx(folder / "Партнёры.xlsx")
    fields = ["family_name", "given_name", "organization", "email", "country"]
    assert _import_attendees(qtbot, window, prompts, xlsx_path, fields) == 2
    registered = people.search_people(db, event_id=event_id)
    assert len(registered) == 5
    smith = people.search_people(db, "john.smith@example.com")[0]
    assert (smith.family_name, smith.given_name, smith.organization) == (
        "Smith",
        "John",
        "Amazon EU",
    )
    assert window.ctx.undo_stack.count() == steps + 2  # an undo step per import


# --- 5. people in the session editor ------------------------------------------------------------


def _add_by_typing(
    qtbot: QtBot, dialog: SessionEditorDialog, text: str, role: Role, person_id: int
) -> None:
    """Choose the role, type part of a name in Add people and press Enter: added, still open."""
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role.value))
    dialog.search_edit.setFocus()
    type_text(dialog.search_edit, text)
    assert dialog.selected_results() and dialog.selected_results()[0].id == person_id
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.search_edit.text() == ""
    assert (person_id, role) in [(a.person_id, a.role) for a in dialog.people_model.rows()]


def _person(db: Database, text: str) -> int:
    [found] = people.search_people(db, text)
    return found.id


def _edit_people_of(
    qtbot: QtBot,
    window: MainWindow,
    title: str,
    wanted: list[tuple[str, Role]],
) -> SessionRow:
    """Double-click the session's block and add `wanted` by typing; OK saves them all."""
    db, view = window.db, window.timetable_page.view
    row = _sessions(db)[title]
    block = view.block(row.id)
    assert block is not None
    point = _point(view, block.place.x + block.place.width / 2, block.place.y + 12)

    def add_everyone(dialog: SessionEditorDialog) -> None:
        assert dialog.original is not None and dialog.original.id == row.id
        for text, role in wanted:
            _add_by_typing(qtbot, dialog, text, role, _person(db, text))
        assert assignments.session_people(db, row.id) == []  # nothing saved before OK

    _open_editor_by(qtbot, window, lambda: _double_click(view, point), add_everyone)
    saved = [(a.person_id, a.role) for a in assignments.session_people(db, row.id)]
    assert saved == [(_person(db, text), role) for text, role in wanted]
    return row


def _assign_people(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    steps = window.ctx.undo_stack.count()
    _edit_people_of(
        qtbot,
        window,
        "Открытие форума",
        [("Жаксыбеков", Role.MODERATOR), ("john.smith", Role.SPEAKER)],
    )
    # John Smith speaks at the panel too, which starts before the opening ends
    _edit_people_of(
        qtbot,
        window,
        "Защита товарных знаков на маркетплейсах",
        [("Иванова", Role.MODERATOR), ("Smith", Role.SPEAKER), ("Нурланова", Role.PANELIST)],
    )
    assert window.ctx.undo_stack.count() == steps + 2  # one step per OK


# --- 6. a problem, accepted with a note ---------------------------------------------------------


def _clash_key(db: Database, event_id: int) -> str:
    smith = _person(db, "john.smith")
    [clash] = [
        p for p in problems.check_event(db, event_id) if p.kind == ProblemKind.PERSON_DOUBLE_BOOKED
    ]
    assert clash.person_ids == (smith,) and len(clash.session_ids) == 2
    return clash.key


def _accept_the_clash(
    qtbot: QtBot, window: MainWindow, db: Database, prompts: ScriptedPrompts
) -> str:
    dock, event_id = window.problems_dock, window.ctx.event_id or 0
    key = _clash_key(db, event_id)
    # the dock checks again once the loop turns after a burst of changes
    qtbot.waitUntil(lambda: key in {row.key for row in dock.open_rows()}, timeout=5000)
    # the status bar's count brings the dock forward (it sits behind Details)
    qtbot.mouseClick(window.problems_label, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=2000)
    panel = _sessions(db)["Защита товарных знаков на маркетплейсах"]
    assert window.problem_marks.outlines.severity.get(panel.id) is not None
    shown = {row.key: row for row in dock.open_rows()}
    assert key in shown and "Smith" in shown[key].message
    # the copy of the panel has nobody to moderate it: a warning the dock shows too
    practicum = _sessions(db)["Защита товарных знаков: практикум"]
    assert any(
        r.kind == ProblemKind.NO_MODERATOR and r.session_ids == (practicum.id,)
        for r in dock.open_rows()
    )
    errors, warnings = dock.counts()
    assert errors >= 1
    assert window.problems_label.text().startswith(f"{errors} error")

    prompts.write_notes("Джон Смит выступает в начале панели, потом уходит на открытие")
    index = dock.model.index_of(key)
    assert index.isValid()
    dock.tree.scrollTo(index)
    qtbot.mouseClick(
        dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=dock.tree.visualRect(index).center()
    )
    assert [row.key for row in dock.selected_problems()] == [key]
    assert dock.accept_button.isEnabled()
    with qtbot.waitSignal(dock.checked, timeout=5000):
        qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    assert prompts.of_kind("note")[-1].parent is dock
    stored = {row.key: row for row in problems.check_event(db, event_id)}
    assert stored[key].accepted
    assert stored[key].accepted_note == (
        "Джон Смит выступает в начале панели, потом уходит на открытие"
    )
    assert key not in {row.key for row in dock.open_rows()}
    assert dock.counts() == (errors - 1, warnings)
    assert window.problem_marks.outlines.severity.get(panel.id) is None
    return key


# --- 7. undo and redo from the keyboard ---------------------------------------------------------


def _press_keys(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Ctrl+<key> where the user is: on the timetable, in the active window."""
    with qtbot.waitSignal(window.problems_dock.checked, timeout=5000):
        qtbot.keyClick(window.timetable_page.view, key, Qt.KeyboardModifier.ControlModifier)


def _undo_and_redo(qtbot: QtBot, window: MainWindow, db: Database, key: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.timetable_page.view.setFocus()
    stack, event_id = window.ctx.undo_stack, window.ctx.event_id or 0
    panel = _sessions(db)["Защита товарных знаков на маркетплейсах"]
    panel_people = [(a.person_id, a.role) for a in assignments.session_people(db, panel.id)]
    top = stack.index()

    _press_keys(qtbot, window, Qt.Key.Key_Z)  # the acceptance
    assert stack.index() == top - 1
    assert not {r.key: r for r in problems.check_event(db, event_id)}[key].accepted
    assert key in {row.key for row in window.problems_dock.open_rows()}
    _press_keys(qtbot, window, Qt.Key.Key_Z)  # the panel's people
    assert stack.index() == top - 2
    assert assignments.session_people(db, panel.id) == []
    assert not [
        p for p in problems.check_event(db, event_id) if p.kind == ProblemKind.PERSON_DOUBLE_BOOKED
    ]

    _press_keys(qtbot, window, Qt.Key.Key_Y)
    assert stack.index() == top - 1
    assert [(a.person_id, a.role) for a in assignments.session_people(db, panel.id)] == panel_people
    _press_keys(qtbot, window, Qt.Key.Key_Y)
    assert stack.index() == top
    accepted = {r.key: r for r in problems.check_event(db, event_id)}[key]
    assert accepted.accepted and accepted.accepted_note is not None
    assert key not in {row.key for row in window.problems_dock.open_rows()}


# --- 8. the agenda, exported and read back ------------------------------------------------------


def _export_the_agenda(
    window: MainWindow, db: Database, prompts: ScriptedPrompts, folder: Path
) -> None:
    target = folder / "Программа форума.xlsx"
    exporter = window.export_actions
    prompts.choose_files(target)

    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, ExportAgendaDialog)
        for part, check in dialog.part_checks.items():
            check.setChecked(part in ("programme", "people"))
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
        dialog.browse_button.click()  # the file dialog, scripted: gives the target
        dialog.accept()
        return dialog.result()

    exporter.exec_dialog = drive
    prompts.answer_questions(True)  # publish it as version 1 first: what goes out is named
    _action(window, "Ctrl+Shift+E").trigger()
    assert not prompts.warnings
    assert "version 1" in prompts.questions[-1]
    footer = openpyxl.load_workbook(target)["Программа"].oddFooter.center.text
    assert footer.startswith("Версия 1 · ")
    workbook = openpyxl.load_workbook(target, read_only=True)
    assert workbook.sheetnames == ["Программа", "Участники"]
    programme = " ".join(
        str(cell) for row in workbook["Программа"].iter_rows(values_only=True) for cell in row
    )
    for row in sessions.list_sessions(db, window.ctx.event_id or 0):
        assert row.title in programme, row.title
    for name in ("Жаксыбеков", "Иванова", "Smith", "Нурланова"):
        assert name in programme, name
    listed = " ".join(
        str(cell) for row in workbook["Участники"].iter_rows(values_only=True) for cell in row
    )
    for name in ("Жаксыбеков", "Smith", "Нурланова"):
        assert name in listed, name
    workbook.close()
    assert str(target) in window.statusBar().currentMessage()


# --- the scenario -----------------------------------------------------------------------------


def test_day_one(
    qtbot: QtBot, db: Database, db_path: Path, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    assert db_path.exists()
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)

    _create_the_event(qtbot, window, db)
    _set_up_rooms_and_tracks(qtbot, window, db)
    _make_sessions_on_the_timetable(qtbot, window, db)
    _import_both_lists(qtbot, window, db, prompts, tmp_path)
    _assign_people(qtbot, window, db)
    key = _accept_the_clash(qtbot, window, db, prompts)
    _undo_and_redo(qtbot, window, db, key)
    _export_the_agenda(window, db, prompts, tmp_path)
    assert prompts.unanswered() == {}

    # the day's work is in the file: another desk opening it sees all of it
    window.close()
    other = open_database(resolve_database_url(str(db_path)))
    try:
        [event] = events.list_events(other)
        assert len(venue.list_rooms(other, event.id)) == 4
        assert len(sessions.list_sessions(other, event.id)) == 4
        assert len(people.search_people(other, event_id=event.id)) == 5
        assert [p.accepted_note for p in problems.check_event(other, event.id) if p.accepted] == [
            "Джон Смит выступает в начале панели, потом уходит на открытие"
        ]
    finally:
        other.dispose()
    assert prompts.warnings == []
