"""The first window: welcome page, demo forum, sessions table, remembered event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import events, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.main_window import MainWindow


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_empty_database_opens_on_the_welcome_page(qtbot: QtBot, db: Database) -> None:
    window = _window(qtbot, db)
    assert window.pages.currentWidget() is window.welcome_page
    assert window.current_event is None


def test_the_demo_button_loads_and_shows_the_demo_forum(qtbot: QtBot, db: Database) -> None:
    window = _window(qtbot, db)
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.sessions_page
    loaded = events.list_events(db)
    assert [e.name for e in loaded] == ["International Anti-Counterfeiting Forum 2021"]
    assert window.session_proxy.rowCount() == len(sessions.list_sessions(db, loaded[0].id))
    assert "Anti-Counterfeiting" in window.windowTitle()


def test_typing_in_the_filter_narrows_the_table(qtbot: QtBot, db: Database,
                                                demo: DemoResult) -> None:
    window = _window(qtbot, db)
    total = window.session_proxy.rowCount()
    qtbot.keyClicks(window.filter_edit, "marketplaces")
    shown = [window.session_proxy.index(r, 0).data() for r in range(window.session_proxy.rowCount())]
    assert 0 < len(shown) < total
    assert "S2" in shown
    window.filter_edit.clear()
    assert window.session_proxy.rowCount() == total


def test_the_last_event_reopens(qtbot: QtBot, db: Database, demo: DemoResult) -> None:
    other = events.create_event(db, "Forum 2027", "2027-05-12", timezone="Asia/Almaty")
    window = _window(qtbot, db)
    names = [window.event_combo.itemText(n) for n in range(window.event_combo.count())]
    window.event_combo.setCurrentIndex(next(n for n, t in enumerate(names) if "2027" in t))
    assert window.current_event is not None and window.current_event.id == other.id
    window.close()
    reopened = _window(qtbot, db)
    assert reopened.current_event is not None and reopened.current_event.id == other.id
    assert reopened.session_proxy.rowCount() == 0


def test_session_table_model_passes_the_model_tester(qtmodeltester: object, db: Database,
                                                     demo: DemoResult) -> None:
    from forumdesk.ui.session_table_model import SessionTableModel

    model = SessionTableModel()
    model.set_rows(sessions.list_sessions(db, demo.event.id))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 17
