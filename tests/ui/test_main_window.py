"""The main window: welcome page, events, views, docks, undo, remembered state."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import events, people, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.commands.sessions import DeleteSessionsCommand
from forumdesk.ui.event_dialog import NewEventDialog
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.session_editor import SessionEditorDialog
from tests.ui.prompts import ScriptedPrompts


def _window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_empty_database_opens_on_the_welcome_page(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    assert window.pages.currentWidget() is window.welcome_page
    assert window.current_event is None
    assert not window.new_session_action.isEnabled()


def test_the_demo_button_opens_the_demo_on_the_timetable(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.timetable_page
    loaded = events.list_events(db)
    assert [e.name for e in loaded] == ["International Anti-Counterfeiting Forum 2021"]
    assert window.ctx.event_id == loaded[0].id
    assert "Anti-Counterfeiting" in window.windowTitle()
    assert len(window.timetable_page.rows) == 17
    assert window.counts_label.text().startswith("17 sessions")
    # the Sessions page is hidden behind the timetable: it reads its rows when first shown
    assert window.sessions_page.model.rowCount() == 0
    window.show_page(window.sessions_page)
    assert window.sessions_page.model.rowCount() == 17


def test_a_hidden_sessions_page_catches_up_with_changes_when_shown(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    window.show_page(window.sessions_page)
    first = window.sessions_page.model.rows()[0]
    window.show_page(window.timetable_page)
    assert window.ctx.run(
        DeleteSessionsCommand(window.ctx, [first.id], "Delete session", {first.id: first.version})
    )
    assert window.counts_label.text().startswith("16 sessions")
    window.show_page(window.sessions_page)
    assert [r.id for r in window.sessions_page.model.rows()].count(first.id) == 0
    assert window.sessions_page.model.rowCount() == 16


def test_creating_an_event_from_the_window(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    import datetime as dt

    created = window.create_event(
        {
            "name": "Forum 2027",
            "first_day": dt.date(2027, 5, 12),
            "last_day": dt.date(2027, 5, 13),
            "city": "Astana",
            "venue": "",
            "timezone": "Asia/Almaty",
        }
    )
    assert created is not None and window.ctx.event_id == created.id
    assert window.tabs.currentWidget() is window.setup_page
    bad = window.create_event(
        {
            "name": "Broken",
            "first_day": dt.date(2027, 5, 12),
            "last_day": dt.date(2027, 5, 1),
            "timezone": "UTC",
        }
    )
    assert bad is None and prompts.warnings and "last day" in prompts.warnings[-1][1]
    assert [e.name for e in events.list_events(db)] == ["Forum 2027"]


def test_the_last_event_and_view_reopen(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    other = events.create_event(db, "Forum 2027", "2027-05-12", timezone="Asia/Almaty")
    window = _window(qtbot, db, prompts)
    names = [window.event_combo.itemText(n) for n in range(window.event_combo.count())]
    window.event_combo.setCurrentIndex(next(n for n, t in enumerate(names) if "2027" in t))
    window.show_page(window.people_page)
    assert window.ctx.event_id == other.id
    window.close()
    reopened = _window(qtbot, db, prompts)
    assert reopened.ctx.event_id == other.id
    assert reopened.tabs.currentWidget() is reopened.people_page
    assert reopened.sessions_page.model.rowCount() == 0


def test_view_shortcuts_switch_pages(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    # the offscreen platform has no active window for QTest's key events to reach shortcuts
    # through, so trigger the action bound to each key sequence
    from PySide6.QtGui import QAction

    window = _window(qtbot, db, prompts)
    by_key = {
        a.shortcut().toString(): a
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty()
    }
    by_key["Ctrl+2"].trigger()
    assert window.tabs.currentWidget() is window.sessions_page
    by_key["Ctrl+4"].trigger()
    assert window.tabs.currentWidget() is window.setup_page
    by_key["Ctrl+3"].trigger()
    assert window.tabs.currentWidget() is window.people_page
    assert by_key["Ctrl+Z"] is window.undo_action


def test_double_click_in_sessions_opens_the_editor_and_saving_is_undoable(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    window.show_page(window.sessions_page)
    opened: list[SessionEditorDialog] = []

    def edit_and_accept(dialog: QDialog) -> None:
        assert isinstance(dialog, SessionEditorDialog)
        opened.append(dialog)
        dialog.title_edit.setText("Renamed in the editor")
        qtbot.wait(1)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, dialog.accept)

    window.editor_opened.connect(edit_and_accept)
    table = window.sessions_page.table
    row = next(
        r
        for r in range(window.sessions_page.proxy.rowCount())
        if window.sessions_page.proxy.index(r, 0).data() == "S3"
    )
    rect = table.visualRect(window.sessions_page.proxy.index(row, 4))
    # a real double-click is a press and release, then the double-click event
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened
    s3 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")
    assert s3.title == "Renamed in the editor"
    assert window.history_view.stack().count() == 1
    window.undo_action.trigger()
    s3 = sessions.get_session(db, s3.id)
    assert s3.title != "Renamed in the editor"
    # the views followed the database
    shown = [
        window.sessions_page.proxy.index(r, 4).data()
        for r in range(window.sessions_page.proxy.rowCount())
    ]
    assert s3.title in shown


def test_selecting_a_session_fills_the_details_dock(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    window.show_page(window.sessions_page)
    row = next(
        r
        for r in range(window.sessions_page.proxy.rowCount())
        if window.sessions_page.proxy.index(r, 0).data() == "S1"
    )
    window.sessions_page.table.selectRow(row)
    assert "S1" in window.details_dock.summary_label.text()
    assert window.details_dock.people_model.rowCount() >= 4
    assert window.details_dock.edit_button.isEnabled()


def _file_action(window: MainWindow, text: str) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def _counts(db: Database) -> tuple[int, int, int]:
    found = events.list_events(db)
    return (
        len(found),
        sum(len(sessions.list_sessions(db, e.id)) for e in found),
        len(people.search_people(db)),
    )


def test_a_new_event_is_an_undo_step(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> None:
    """File > New event… through its dialog; Edit > Undo takes the event back, Redo returns it."""
    window = _window(qtbot, db, prompts)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewEventDialog)
        dialog.name_edit.setText("Forum 2027")
        dialog.first_day_edit.setDate(QDate(2027, 5, 12))
        dialog.last_day_edit.setDate(QDate(2027, 5, 13))
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.new_event_action.trigger()
    [created] = events.list_events(db)
    assert created.name == "Forum 2027" and window.ctx.event_id == created.id
    assert window.tabs.currentWidget() is window.setup_page
    assert window.ctx.undo_stack.count() == 1
    assert "Forum 2027" in window.undo_action.text()

    window.undo_action.trigger()
    assert events.list_events(db) == []
    assert window.current_event is None
    assert window.pages.currentWidget() is window.welcome_page
    window.redo_action.trigger()
    assert events.list_events(db) == [created]  # the same event, the same id
    assert window.event_combo.count() == 1 and window.current_event == created
    assert prompts.warnings == []


def test_the_demo_is_an_undo_step_undone_and_redone_under_the_same_ids(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    _file_action(window, "Open the demo forum").trigger()
    loaded = _counts(db)
    [event] = events.list_events(db)
    session_ids = sorted(s.id for s in sessions.list_sessions(db, event.id))
    assert loaded[1] == 17 and window.ctx.event_id == event.id
    assert window.ctx.undo_stack.count() == 1

    window.undo_action.trigger()
    assert _counts(db) == (0, 0, 0)
    assert window.current_event is None
    assert window.pages.currentWidget() is window.welcome_page

    window.redo_action.trigger()
    assert _counts(db) == loaded
    assert events.list_events(db) == [event]
    assert sorted(s.id for s in sessions.list_sessions(db, event.id)) == session_ids
    assert window.current_event == event and len(window.timetable_page.rows) == 17

    # opening it again adds nothing, and leaves no step
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    _file_action(window, "Open the demo forum").trigger()
    assert _counts(db) == loaded and window.ctx.undo_stack.count() == 1
    assert prompts.warnings == []
