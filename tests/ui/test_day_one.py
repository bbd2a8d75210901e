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

from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.rows import EventRow, SessionRow
from forumdesk.db.engine import Database
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


# --- the scenario -----------------------------------------------------------------------------


def test_day_one(qtbot: QtBot, db: Database, db_path: Path, prompts: ScriptedPrompts) -> None:
    assert db_path.exists()
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)

    _create_the_event(qtbot, window, db)
    _set_up_rooms_and_tracks(qtbot, window, db)
    _make_sessions_on_the_timetable(qtbot, window, db)
    assert prompts.warnings == []
