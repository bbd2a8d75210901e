"""The docks' tabs and titles read whole at 1366×768, in English, Russian and Kazakh.

Along the bottom of the right-hand docks, four tabs shared about 350 pixels and read
"Сведения о се…", "Ист…", "Пробл…", "Та…"; the Kazakh title of the Unscheduled dock was cut
too. scripts/screenshots.py takes the pictures of the same window.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QStyle, QTabBar
from pytestqt.qtbot import QtBot

from forumdesk.core import i18n as core_i18n
from forumdesk.db.engine import Database
from forumdesk.services.demo import DemoResult
from forumdesk.ui import i18n
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_small_screen import SCREEN, _cut, every_page, shown_window

VERTICAL = {
    QTabBar.Shape.RoundedEast,
    QTabBar.Shape.RoundedWest,
    QTabBar.Shape.TriangularEast,
    QTabBar.Shape.TriangularWest,
}


@pytest.fixture(params=["en", "ru", "kk"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window's language for one test (Kazakh words run longest), taken away after."""
    i18n.install_translators(request.param)
    core_i18n.set_language(request.param)
    yield request.param
    i18n.remove_translators()
    core_i18n.set_language("en")


def _dock_tab_bars(window: MainWindow) -> list[QTabBar]:
    """The tab bars of docks tabified together (the window's own, not a page's or a dock's)."""
    return [
        bar
        for bar in window.findChildren(QTabBar)
        if bar.parentWidget() is window and bar.isVisible() and bar.count() > 1
    ]


def _cut_tabs(bar: QTabBar) -> list[str]:
    """The tabs of `bar` too short for their text with the style's margins: what shows elided."""
    vertical = bar.shape() in VERTICAL
    metrics = bar.fontMetrics()
    cut = []
    for i in range(bar.count()):
        rect, hint = bar.tabRect(i), bar.tabSizeHint(i)
        length, needed = (
            (rect.height(), hint.height()) if vertical else (rect.width(), hint.width())
        )
        text = bar.tabText(i)
        # a tab's text needs its advance and a little room each side, whatever the style says
        if length < needed or length < metrics.horizontalAdvance(text) + 16:
            cut.append(f"{text!r}: {length} < {max(needed, metrics.horizontalAdvance(text) + 16)}")
    return cut


def _cut_title(dock: QDockWidget) -> str | None:
    """The title of a dock standing alone, if it does not fit left of its float/close buttons."""
    buttons = [
        b for b in dock.findChildren(QAbstractButton) if b.objectName().startswith("qt_dockwidget")
    ]
    right = min((b.geometry().left() for b in buttons if b.isVisible()), default=dock.width())
    margin = dock.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleMargin, None, dock)
    needed = dock.fontMetrics().horizontalAdvance(dock.windowTitle()) + 2 * margin
    return None if needed <= right else f"{dock.windowTitle()!r}: {right} < {needed}"


def test_every_dock_tab_and_title_reads_whole_at_1366(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, language: str
) -> None:
    window = shown_window(qtbot, db, prompts)
    assert window.width() == SCREEN[0]  # and the window is no wider for it
    for page in (window.timetable_page, window.sessions_page):
        window.show_page(page)
        for dock in (window.details_dock, window.problems_dock):
            dock.raise_()
            qtbot.wait(20)
            bars = _dock_tab_bars(window)
            titles = sorted(bar.tabText(i) for bar in bars for i in range(bar.count()))
            tabified = [window.details_dock, *window.tabifiedDockWidgets(window.details_dock)]
            assert titles == sorted(d.windowTitle() for d in tabified)  # every tab is checked
            assert len(titles) == 4
            assert [cut for bar in bars for cut in _cut_tabs(bar)] == [], language
            assert window.width() == SCREEN[0]
    alone = [
        d
        for d in window.findChildren(QDockWidget)
        if d.isVisible() and not window.tabifiedDockWidgets(d)
    ]
    assert window.unscheduled_dock in alone
    assert [cut for d in alone if (cut := _cut_title(d))] == [], language


def test_no_toolbar_or_button_label_is_cut_in_kazakh_either(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, language: str
) -> None:
    """test_small_screen looks at every label and button in English and Russian; Kazakh too."""
    window = shown_window(qtbot, db, prompts)
    for page in every_page(window):
        window.show_page(page)
        for dock in (window.details_dock, window.problems_dock, window.changes_dock):
            dock.raise_()
            qtbot.wait(20)
            assert _cut(window) == [], (language, type(page).__name__, dock.objectName())


def test_the_dock_layout_a_user_left_comes_back_with_its_tabs_whole(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, language: str
) -> None:
    first = shown_window(qtbot, db, prompts)
    first.problems_dock.raise_()
    first.close()  # saves the docks' layout
    assert isinstance(QSettings().value("main_window/state"), QByteArray)
    again = shown_window(qtbot, db, prompts)
    # the tab the user raised is the one in front again, the others behind it
    assert not again.problems_dock.visibleRegion().isEmpty()
    assert again.details_dock.visibleRegion().isEmpty()
    bars = _dock_tab_bars(again)
    assert bars and [cut for bar in bars for cut in _cut_tabs(bar)] == []
    assert again.width() == SCREEN[0]
