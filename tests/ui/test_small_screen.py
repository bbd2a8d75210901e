"""Every page and dock usable at 1366×768 with the demo forum (issue 14, item 11).

The window is sized like the smallest office screen forumdesk is made for; on each page no
scroll area scrolls sideways and the columns staff need are in sight.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import assignments, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.session_editor import SessionEditorDialog
from forumdesk.ui.session_table_model import SessionTableModel
from tests.ui.prompts import ScriptedPrompts

SCREEN = (1366, 768)
USABLE_HEIGHT = 768 - 40  # a task bar or a panel takes the rest


def _settle() -> None:
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        QApplication.processEvents()


def _sideways(window: QWidget) -> list[str]:
    """The scroll areas on screen that show a horizontal scroll bar."""
    found = []
    for area in window.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and not area.visibleRegion().isEmpty() and bar.isVisible():
            parent = area.parentWidget()
            found.append(f"{type(area).__name__} in {parent.objectName() if parent else '?'}")
    return found


def _column_in_sight(table: QTableView, column: int) -> bool:
    right = table.columnViewportPosition(column) + table.columnWidth(column)
    return (
        not table.isColumnHidden(column)
        and table.columnViewportPosition(column) >= 0
        and right <= table.viewport().width()
    )


@pytest.fixture
def window(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> MainWindow:
    shown = MainWindow(db, prompts=prompts)
    qtbot.addWidget(shown)
    shown.resize(*SCREEN)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: bool(shown.problems_label.text()))
    return shown


def test_no_page_scrolls_sideways_with_any_dock_raised(window: MainWindow) -> None:
    s10 = next(s for s in sessions.list_sessions(window.db, window.ctx.event_id) if s.code == "S10")  # type: ignore[arg-type]
    window.ctx.session_selected.emit(s10.id)  # twelve people, long organisations
    window.problems_dock.show_accepted_check.setChecked(True)
    for page in (
        window.timetable_page,
        window.sessions_page,
        window.people_page,
        window.setup_page,
    ):
        window.show_page(page)
        for dock in (window.history_dock, window.problems_dock, window.details_dock):
            dock.raise_()
            _settle()
            assert _sideways(window) == [], (type(page).__name__, dock.objectName())


def test_the_sessions_page_shows_track_and_moderators_beside_the_docks(
    window: MainWindow,
) -> None:
    window.show_page(window.sessions_page)
    _settle()
    table = window.sessions_page.table
    assert window.unscheduled_dock.isVisible() and window.details_dock.isVisible()
    for name in SessionTableModel.COLUMNS:
        assert _column_in_sight(table, SessionTableModel.COLUMNS.index(name)), name
    # day and time are read whole, never cut
    metrics = table.fontMetrics()
    for name in ("day", "time"):
        column = SessionTableModel.COLUMNS.index(name)
        widest = max(
            metrics.horizontalAdvance(str(table.model().index(r, column).data()))
            for r in range(table.model().rowCount())
        )
        assert table.columnWidth(column) > widest, name


def test_the_people_page_shows_every_column_and_whole_names(window: MainWindow) -> None:
    window.show_page(window.people_page)
    _settle()
    table = window.people_page.table
    for column in range(table.model().columnCount()):
        assert _column_in_sight(table, column), column
    metrics = table.fontMetrics()
    names = [str(table.model().index(r, 0).data()) for r in range(table.model().rowCount())]
    cut = [n for n in names if metrics.horizontalAdvance(n) + 8 > table.columnWidth(0)]
    assert len(cut) <= len(names) // 10, cut  # the odd very long name may elide


def test_the_editor_shows_all_twelve_people_of_a_session(qtbot: QtBot, window: MainWindow) -> None:
    s10 = next(s for s in sessions.list_sessions(window.db, window.ctx.event_id) if s.code == "S10")  # type: ignore[arg-type]
    assert len(assignments.session_people(window.db, s10.id)) == 12
    editor = SessionEditorDialog(window.ctx, s10.id, parent=window)
    qtbot.addWidget(editor)
    editor.show()
    editor.resize(min(editor.width(), SCREEN[0]), min(editor.height(), USABLE_HEIGHT))
    _settle()
    assert editor.height() <= USABLE_HEIGHT and editor.width() <= SCREEN[0]
    table = editor.people_table
    last = table.model().rowCount() - 1
    assert last == 11
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert not table.horizontalScrollBar().isVisible()
