"""Column widths of the pages' tables: an empty first run is never remembered (issue 14, item 9)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services.demo import load_demo
from forumdesk.ui.column_widths import RememberedColumnWidths, fit_columns
from forumdesk.ui.context import AppContext
from forumdesk.ui.people_page import PeoplePage
from forumdesk.ui.people_table_view import HEADER_STATE_KEY
from tests.ui.prompts import ScriptedPrompts


def _page(qtbot: QtBot, ctx: AppContext) -> PeoplePage:
    page = PeoplePage(ctx)
    qtbot.addWidget(page)
    page.resize(1920, 1000)
    page.show()
    qtbot.waitExposed(page)
    return page


def _names_fit(page: PeoplePage) -> None:
    table = page.table
    metrics = table.fontMetrics()
    widest_name = max(
        metrics.horizontalAdvance(str(page.model.index(r, 0).data()))
        for r in range(page.model.rowCount())
    )
    assert page.model.rowCount() > 10
    assert table.columnWidth(0) > widest_name  # "Katharina Be…" no more
    assert table.columnWidth(0) != table.horizontalHeader().defaultSectionSize()


def test_an_empty_first_run_leaves_no_widths_and_the_first_people_are_fitted(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    ctx = AppContext(db, prompts=prompts)
    first = _page(qtbot, ctx)  # a new database: nobody to measure
    assert first.model.rowCount() == 0
    first.hide()  # hiding saves the page's state
    first.save_state()
    assert QSettings().value(HEADER_STATE_KEY) is None

    demo = load_demo(db)
    ctx.set_event(demo.event)
    second = _page(qtbot, ctx)
    _names_fit(second)
    second.table.setColumnWidth(1, 321)  # from now on the user's own widths are kept
    second.hide()
    assert QSettings().value(HEADER_STATE_KEY) is not None
    third = _page(qtbot, ctx)
    assert third.table.columnWidth(1) == 321


def test_widths_saved_from_an_empty_table_by_an_older_version_are_dropped(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    empty = QTableView()
    qtbot.addWidget(empty)
    from PySide6.QtGui import QStandardItemModel

    empty.setModel(QStandardItemModel(0, 8))
    QSettings().setValue("people_page/header", empty.horizontalHeader().saveState())
    demo = load_demo(db)
    ctx = AppContext(db, prompts=prompts)
    ctx.set_event(demo.event)
    page = _page(qtbot, ctx)
    _names_fit(page)
    assert not QSettings().contains("people_page/header")


def test_fit_columns_keeps_each_column_within_its_cap(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    model = QStandardItemModel(0, 2)
    model.appendRow([QStandardItem("x" * 300), QStandardItem("short")])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    fit_columns(view, (10, 10))
    char = view.fontMetrics().averageCharWidth()
    assert view.columnWidth(0) <= 40 * char  # the long value is cut to its cap
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("short")
    widths = RememberedColumnWidths(view, "test/columns")
    widths.save()  # restored from nothing and not fitted yet: nothing is written
    assert not QSettings().contains("test/columns")
    widths.fit_once()
    widths.save()
    assert QSettings().contains("test/columns")
