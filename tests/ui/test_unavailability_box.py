"""The person dialog's unavailable periods: typed, added and removed, each an undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import availability, people
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import AppContext
from forumdesk.ui.people_page import PeoplePage
from forumdesk.ui.person_dialog import PersonDialog
from forumdesk.ui.unavailability_box import UnavailabilityBox
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> AppContext:
    context = AppContext(db, prompts=prompts)
    context.set_event(demo.event)
    return context


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> PeoplePage:
    shown = PeoplePage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _open_editor_on(qtbot: QtBot, page: PeoplePage, person_id: int, fill) -> None:  # type: ignore[no-untyped-def]
    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result()

    page.exec_dialog = run
    row = page.model.row_of(person_id)
    assert row is not None
    index = page.model.index(row, 0)
    page.table.scrollTo(index)
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    qtbot.keyClick(page.table, Qt.Key.Key_Return)


def _periods(ctx: AppContext, person_id: int) -> list[tuple[dt.datetime, dt.datetime]]:
    rows = availability.list_unavailability(ctx.db, ctx.event_id or 0, person_id=person_id)
    return [(r.starts_at, r.ends_at) for r in rows]


MORNING = (dt.datetime(2021, 11, 25, 9), dt.datetime(2021, 11, 25, 12))
DAY_TWO = (dt.datetime(2021, 11, 26), dt.datetime(2021, 11, 27))


def test_periods_typed_in_the_person_dialog_are_added_and_removed_with_undo(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, prompts: ScriptedPrompts
) -> None:
    rossi = next(p for p in people.search_people(ctx.db, "Rossi") if p.family_name == "Rossi")
    shown: list[list[str]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        box = dialog.findChild(UnavailabilityBox)
        assert box is not None and box.isVisible()
        assert not box.add_button.isEnabled()
        qtbot.keyClicks(box.period_edit, "2021-11-25 09:00-12:00; 2021-11-26")
        qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
        assert box.period_edit.text() == ""
        shown.append([box.period_list.item(i).text() for i in range(box.period_list.count())])
        # a typing mistake is reported and adds nothing
        qtbot.keyClicks(box.period_edit, "after lunch")
        qtbot.keyClick(box.period_edit, Qt.Key.Key_Return)
        assert prompts.warnings and "after lunch" in prompts.warnings[-1][1]
        assert box.period_edit.text() == "after lunch"  # kept, to be corrected
        assert dialog.isVisible()  # Enter added; it did not press OK
        # remove the first
        rect = box.period_list.visualItemRect(box.period_list.item(0))
        qtbot.mouseClick(box.period_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
        shown.append([box.period_list.item(i).text() for i in range(box.period_list.count())])
        dialog.reject()  # the periods do not wait for OK: each was a step of its own

    _open_editor_on(qtbot, page, rossi.id, fill)
    assert shown == [["2021-11-25 09:00–12:00", "2021-11-26"], ["2021-11-26"]]
    assert _periods(ctx, rossi.id) == [DAY_TWO]
    assert ctx.undo_stack.count() == 2
    assert ctx.undo_stack.undoText().startswith("Remove unavailable periods of")
    ctx.undo_stack.undo()
    assert _periods(ctx, rossi.id) == [MORNING, DAY_TWO]
    ctx.undo_stack.undo()
    assert _periods(ctx, rossi.id) == []
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    assert _periods(ctx, rossi.id) == [DAY_TWO]
