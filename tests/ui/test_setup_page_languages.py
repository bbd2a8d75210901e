"""Event setup in several languages (issue 17): the content languages, the event's name, city
and venue side by side, room and track names per language; every edit one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from forumdesk.core.content_languages import text_in
from forumdesk.db.engine import Database
from forumdesk.services import events, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import AppContext
from forumdesk.ui.setup_page import SetupPage
from tests.ui.keyboard import type_text
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def page(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> SetupPage:
    ctx = AppContext(db, prompts=prompts)
    ctx.set_event(demo.event)
    widget = SetupPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_adding_kazakh_with_the_events_name_in_it_is_one_step(
    qtbot: QtBot, page: SetupPage, demo: DemoResult
) -> None:
    db, event_id = page.ctx.db, demo.event.id
    assert page.chosen_languages() == ("en", "ru")
    kazakh_name = page.event_text_edits["name", "kk"]
    assert not kazakh_name.isVisible()
    assert (
        page.event_text_edits["name", "ru"].text() == "Международный антиконтрафактный форум 2021"
    )

    qtbot.mouseClick(page.language_checks["kk"], Qt.MouseButton.LeftButton)
    assert kazakh_name.isVisible()
    assert kazakh_name.placeholderText() == "International Anti-Counterfeiting Forum 2021 ⟨KK⟩"
    type_text(kazakh_name, "Халықаралық форум")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)

    saved = events.get_event(db, event_id)
    assert saved.content_languages == ("en", "ru", "kk")
    assert text_in(saved.translations, "kk", "name", main_language="en", main_text=None) == (
        "Халықаралық форум"
    )
    assert page.ctx.undo_stack.count() == 1
    page.ctx.undo_stack.undo()
    restored = events.get_event(db, event_id)
    assert restored.content_languages == ("en", "ru")
    assert not any(lang == "kk" for lang, _f, _t in restored.translations)
    assert not page.language_checks["kk"].isChecked()


def test_a_room_name_in_russian_is_edited_in_its_column_and_undone(
    page: SetupPage, demo: DemoResult
) -> None:
    db, event_id = page.ctx.db, demo.event.id
    model = page.room_model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings[:2] == ["Room", "Room · Русский"]
    hall_a = next(r for r in range(model.rowCount()) if model.row_at(r).name == "Hall A")
    cell = model.index(hall_a, 1)
    assert cell.data() == "Зал A"

    model.setData(cell, "Зал «Астана»")
    assert venue.list_rooms(db, event_id)[hall_a].translations == (("ru", "name", "Зал «Астана»"),)
    assert model.index(hall_a, 1).data() == "Зал «Астана»"

    model.setData(model.index(hall_a, 1), "")  # cleared: falls back, greyed and marked
    assert venue.list_rooms(db, event_id)[hall_a].translations == ()
    shown = model.index(hall_a, 1)
    assert shown.data() == "Hall A ⟨RU⟩"
    assert shown.data(Qt.ItemDataRole.ForegroundRole) == QColor("#8A8A8A")
    assert shown.data(Qt.ItemDataRole.FontRole).italic()

    page.ctx.undo_stack.undo()
    page.ctx.undo_stack.undo()
    assert venue.list_rooms(db, event_id)[hall_a].translations == (("ru", "name", "Зал A"),)


def test_a_track_name_per_language(page: SetupPage, demo: DemoResult) -> None:
    model = page.track_model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Track · Русский"
    assert model.index(2, 1).data() == "Фармацевтика"
    model.setData(model.index(2, 1), "Фармация")
    track = venue.list_tracks(page.ctx.db, demo.event.id)[2]
    assert track.translations == (("ru", "name", "Фармация"),)
    page.ctx.undo_stack.undo()
    assert venue.list_tracks(page.ctx.db, demo.event.id)[2].translations == (
        ("ru", "name", "Фармацевтика"),
    )
