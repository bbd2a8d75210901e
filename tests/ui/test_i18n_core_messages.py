"""In a Russian window, what the Qt-free core says (refusals, import reports) is Russian too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from forumdesk.core import i18n as core_i18n
from forumdesk.core.errors import NotFoundError
from forumdesk.db.engine import Database
from forumdesk.services import events, venue
from forumdesk.ui import i18n as ui_i18n
from forumdesk.ui.commands.venue import AddRoomCommand
from forumdesk.ui.main_window import MainWindow
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def translated() -> Iterator[None]:
    yield
    ui_i18n.remove_translators()


def test_a_refusal_in_the_russian_window_reads_in_russian(
    qtbot: QtBot, db: Database, translated: None, prompts: ScriptedPrompts
) -> None:
    assert ui_i18n.install_translators("ru") == "ru"
    assert core_i18n.language() == "ru"
    event = events.create_event(db, "Форум 2027", "2027-05-12", "2027-05-13")
    venue.add_room(db, event.id, "Зал А")
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    assert window.ctx.event_id == event.id

    assert not window.ctx.run(AddRoomCommand(window.ctx, event.id, "зал а", None))
    # the undo step's name, capitalised as the warning's title
    assert prompts.warnings == [("Добавление зала «зал а»", "В мероприятии уже есть зал «Зал А».")]

    ui_i18n.remove_translators()  # the window's language goes, and the core's with it
    assert core_i18n.language() == "en"
    assert not window.ctx.run(AddRoomCommand(window.ctx, event.id, "зал а", None))
    assert prompts.warnings[-1][1] == "The event already has a room called 'Зал А'."


def test_the_warning_shows_the_core_message_in_russian_over_the_window(
    qtbot: QtBot, db: Database, translated: None, prompts: ScriptedPrompts
) -> None:
    ui_i18n.install_translators("ru")
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    with pytest.raises(NotFoundError) as refused:
        events.update_event(db, 12345, {"name": "Другое"}, expected_version=None)
    window.ctx.report_error("изменение мероприятия", refused.value)
    assert prompts.warnings == [
        ("Изменение мероприятия", "Этого мероприятия больше нет (возможно, его удалили).")
    ]
    assert prompts.shown[0].parent is window
