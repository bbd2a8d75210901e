"""The session editor with the event's languages side by side (issue 17): typed translations
are saved in one undoable step; a missing one shows the main text greyed and marked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.core.content_languages import text_in
from forumdesk.db.engine import Database
from forumdesk.services import events, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import AppContext
from forumdesk.ui.session_editor import SessionEditorDialog
from tests.ui.keyboard import type_text
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> AppContext:
    event = events.get_event(db, demo.event.id)
    events.update_event(
        db, event.id, {"content_languages": "en,ru,kk"}, expected_version=event.version
    )
    context = AppContext(db, prompts=prompts)
    context.set_event(events.get_event(db, demo.event.id))
    return context


def _editor(qtbot: QtBot, ctx: AppContext, session_id: int) -> SessionEditorDialog:
    dialog = SessionEditorDialog(ctx, session_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(qtbot: QtBot, dialog: SessionEditorDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_each_language_has_its_title_side_by_side(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s3 = next(s for s in sessions.list_sessions(ctx.db, demo.event.id) if s.code == "S3")
    dialog = _editor(qtbot, ctx, s3.id)

    assert list(dialog.title_edits) == ["en", "ru", "kk"]
    assert dialog.title_edits["en"] is dialog.title_edit
    assert dialog.title_edits["ru"].text() == (
        "Фармацевтика: патентная охрана лекарственных средств в ЕАЭС"
    )
    # side by side: the languages' fields share a row, left to right in the event's order
    x = [dialog.title_edits[lang].geometry().x() for lang in ("en", "ru", "kk")]
    y = {dialog.title_edits[lang].geometry().y() for lang in ("en", "ru", "kk")}
    assert x == sorted(x) and len(set(x)) == 3 and len(y) == 1
    # no Kazakh title: the English one shows, greyed, marked, and the field stays empty
    kazakh = dialog.title_edits["kk"]
    assert kazakh.text() == ""
    assert kazakh.placeholderText() == f"{s3.title} ⟨KK⟩"


def test_a_typed_translation_is_saved_and_undone_in_one_step(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s3 = next(s for s in sessions.list_sessions(ctx.db, demo.event.id) if s.code == "S3")
    dialog = _editor(qtbot, ctx, s3.id)
    type_text(dialog.title_edits["kk"], "Фармацевтика: дәрілерді патенттік қорғау")
    type_text(dialog.description_edits["kk"], "ЕАЭО патенттері")
    _ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted

    def kazakh(field: str) -> str | None:
        row = sessions.get_session(ctx.db, s3.id)
        return text_in(row.translations, "kk", field, main_language="en", main_text=row.title)

    assert kazakh("title") == "Фармацевтика: дәрілерді патенттік қорғау"
    assert kazakh("description") == "ЕАЭО патенттері"
    # the Russian texts the editor showed are kept as they were
    russian = sessions.get_session(ctx.db, s3.id).translations
    assert ("ru", "title", "Фармацевтика: патентная охрана лекарственных средств в ЕАЭС") in russian
    assert ctx.undo_stack.count() == 1

    ctx.undo_stack.undo()
    assert kazakh("title") is None and kazakh("description") is None
    assert sessions.get_session(ctx.db, s3.id).translations == s3.translations
    ctx.undo_stack.redo()
    assert kazakh("title") == "Фармацевтика: дәрілерді патенттік қорғау"


def test_clearing_a_translation_removes_it(qtbot: QtBot, ctx: AppContext, demo: DemoResult) -> None:
    s1 = next(s for s in sessions.list_sessions(ctx.db, demo.event.id) if s.code == "S1")
    dialog = _editor(qtbot, ctx, s1.id)
    dialog.title_edits["ru"].clear()
    assert dialog.title_edits["ru"].placeholderText() == f"{s1.title} ⟨RU⟩"
    _ok(qtbot, dialog)
    row = sessions.get_session(ctx.db, s1.id)
    assert text_in(row.translations, "ru", "title", main_language="en", main_text=row.title) is None
