"""The session editor: fields and people edited together, saved as one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import event as sa_event

from forumdesk.core.enums import Role
from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, people, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import AppContext
from forumdesk.ui.session_editor import SessionEditorDialog
from tests.ui.keyboard import type_text
from tests.ui.prompts import ScriptedPrompts


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> AppContext:
    context = AppContext(db, prompts=prompts)
    context.set_event(demo.event)
    return context


def _session(db: Database, event_id: int, code: str) -> SessionRow:
    return next(s for s in sessions.list_sessions(db, event_id) if s.code == code)


def _editor(qtbot: QtBot, ctx: AppContext, session_id: int | None = None) -> SessionEditorDialog:
    dialog = SessionEditorDialog(ctx, session_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _add_by_search(qtbot: QtBot, dialog: SessionEditorDialog, text: str, role: Role) -> None:
    dialog.search_edit.clear()
    type_text(dialog.search_edit, text)
    assert dialog.results_model.rowCount() >= 1
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role.value))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def test_fields_and_people_are_saved_together_and_undone_in_one_step(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    before_people = assignments.session_people(ctx.db, s3.id)
    dialog = _editor(qtbot, ctx, s3.id)
    dialog.title_edit.clear()
    type_text(dialog.title_edit, "Патентная защита лекарств")
    _add_by_search(qtbot, dialog, "жаксыбек", Role.PANELIST)  # Cyrillic, lower case
    dialog.people_model.set_role(0, Role.CO_MODERATOR)
    dialog.people_table.selectRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == dialog.DialogCode.Accepted

    saved = sessions.get_session(ctx.db, s3.id)
    after_people = assignments.session_people(ctx.db, s3.id)
    assert saved.title == "Патентная защита лекарств"
    newcomer = people.search_people(ctx.db, "Жаксыбекова")[0]
    assert (newcomer.id, Role.PANELIST) in {(a.person_id, a.role) for a in after_people}
    assert before_people[1].person_id not in {a.person_id for a in after_people}
    assert {a.person_id: a.role for a in after_people}[
        before_people[0].person_id
    ] == Role.CO_MODERATOR
    assert ctx.undo_stack.count() == 1

    ctx.undo_stack.undo()
    assert sessions.get_session(ctx.db, s3.id).title == s3.title
    assert assignments.session_people(ctx.db, s3.id) == before_people
    ctx.undo_stack.redo()
    assert sessions.get_session(ctx.db, s3.id).title == "Патентная защита лекарств"
    assert len(assignments.session_people(ctx.db, s3.id)) == len(after_people)


def test_the_order_of_people_is_saved(qtbot: QtBot, ctx: AppContext, demo: DemoResult) -> None:
    s1 = _session(ctx.db, demo.event.id, "S1")
    before = [a.person_id for a in assignments.session_people(ctx.db, s1.id)]
    dialog = _editor(qtbot, ctx, s1.id)
    dialog.people_table.selectRow(2)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    dialog.accept()
    stored = sorted(assignments.session_people(ctx.db, s1.id), key=lambda a: a.position)
    assert [a.person_id for a in stored][:3] == [before[0], before[2], before[1]]


def test_a_new_session_with_people_is_one_step(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    count = len(sessions.list_sessions(ctx.db, demo.event.id))
    dialog = _editor(qtbot, ctx)
    qtbot.keyClicks(dialog.code_edit, "S11")
    qtbot.keyClicks(dialog.title_edit, "Marketplaces and brand protection")
    dialog.scheduled_check.setChecked(True)
    dialog.day_combo.setCurrentIndex(1)
    dialog.start_edit.setTime(QTime(15, 0))
    dialog.end_edit.setTime(QTime(16, 30))
    dialog.room_combo.setCurrentIndex(2)
    _add_by_search(qtbot, dialog, "wipo", Role.MODERATOR)
    dialog.accept()
    created = _session(ctx.db, demo.event.id, "S11")
    assert created.starts_at == dt.datetime(2021, 11, 26, 15, 0)
    assert created.ends_at == dt.datetime(2021, 11, 26, 16, 30)
    assert created.moderators
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert len(sessions.list_sessions(ctx.db, demo.event.id)) == count


def test_people_busy_at_the_same_time_are_shown(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s1 = _session(ctx.db, demo.event.id, "S1")
    s2_moderator = assignments.session_people(ctx.db, _session(ctx.db, demo.event.id, "S2").id)[0]
    dialog = _editor(qtbot, ctx, s1.id)
    dialog.add_people([people.get_person(ctx.db, s2_moderator.person_id)], Role.SPEAKER)
    qtbot.waitUntil(lambda: any("S2" in r.busy for r in dialog.people_model.rows()))
    busy_row = next(r for r in dialog.people_model.rows() if r.person_id == s2_moderator.person_id)
    assert "13:00–14:30" in busy_row.busy


def test_an_empty_title_keeps_the_dialog_open_and_changes_nothing(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    dialog = _editor(qtbot, ctx, s3.id)
    dialog.title_edit.clear()
    dialog.accept()
    assert dialog.isVisible()
    assert "title" in dialog.message_label.text()
    assert sessions.get_session(ctx.db, s3.id).title == s3.title
    assert ctx.undo_stack.count() == 0


def test_a_refused_save_reports_and_changes_nothing(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    before_people = assignments.session_people(ctx.db, s3.id)
    dialog = _editor(qtbot, ctx, s3.id)
    dialog.title_edit.setText("Another title")
    dialog.code_edit.setText("S4")  # taken
    _add_by_search(qtbot, dialog, "жаксыбек", Role.PANELIST)
    dialog.accept()
    assert dialog.isVisible()
    assert prompts.warnings and "S4" in prompts.warnings[-1][1]
    assert sessions.get_session(ctx.db, s3.id).title == s3.title
    assert assignments.session_people(ctx.db, s3.id) == before_people
    assert ctx.undo_stack.count() == 0


def test_a_person_created_on_the_spot_is_registered_and_added(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    from forumdesk.services.assignments import event_registrations
    from forumdesk.ui.person_dialog import PersonDialog

    s3 = _session(ctx.db, demo.event.id, "S3")
    dialog = _editor(qtbot, ctx, s3.id)

    def fill_and_accept(person_dialog: QDialog) -> int:
        assert isinstance(person_dialog, PersonDialog)
        type_text(person_dialog.family_name_edit, "Ыбырайкызы")
        type_text(person_dialog.given_name_edit, "Арайлым")
        assert person_dialog.register_for_event()
        person_dialog.accept()
        return int(person_dialog.result())

    dialog.exec_dialog = fill_and_accept
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.RAPPORTEUR.value))
    qtbot.mouseClick(dialog.new_person_button, Qt.MouseButton.LeftButton)
    created = people.search_people(ctx.db, "ыбырай")
    assert [p.display_name for p in created] == ["Ыбырайкызы Арайлым"]
    assert created[0].id in {r.person_id for r in event_registrations(ctx.db, demo.event.id)}
    added = [r for r in dialog.people_model.rows() if r.person_id == created[0].id]
    assert added and added[0].role == Role.RAPPORTEUR
    ctx.undo_stack.undo()  # creating and registering was one step
    assert people.search_people(ctx.db, "ыбырай") == []


def _write_transactions(db: Database) -> list[str]:
    """Every write transaction begun on `db` from now on (SQLite's BEGIN IMMEDIATE)."""
    begun: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement == "BEGIN IMMEDIATE":
            begun.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", seen)
    return begun


def test_the_save_is_one_transaction_one_step_and_undo_redo_restore_all(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s1 = _session(ctx.db, demo.event.id, "S1")
    before = (sessions.get_session(ctx.db, s1.id), assignments.session_people(ctx.db, s1.id))
    dialog = _editor(qtbot, ctx, s1.id)
    dialog.title_edit.setText("Renamed")
    dialog.scheduled_check.setChecked(True)
    dialog.start_edit.setTime(QTime(16, 0))
    dialog.end_edit.setTime(QTime(17, 0))
    _add_by_search(qtbot, dialog, "жаксыбек", Role.PANELIST)
    dialog.people_model.set_role(1, Role.CO_MODERATOR)
    dialog.people_table.selectRow(2)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.people_table.selectRow(1)
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    begun = _write_transactions(ctx.db)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(begun) == 1  # fields, times, a role, a removal, an addition, an order: one unit
    after = (sessions.get_session(ctx.db, s1.id), assignments.session_people(ctx.db, s1.id))
    assert after[0].title == "Renamed" and after[0].starts_at is not None
    assert after[0].starts_at.time() == dt.time(16, 0)
    assert after[1] != before[1]
    assert ctx.undo_stack.count() == 1

    ctx.undo_stack.undo()
    back = sessions.get_session(ctx.db, s1.id)
    assert (back.title, back.starts_at, back.ends_at, back.moderators) == (
        before[0].title,
        before[0].starts_at,
        before[0].ends_at,
        before[0].moderators,
    )
    assert assignments.session_people(ctx.db, s1.id) == before[1]
    ctx.undo_stack.redo()
    again = sessions.get_session(ctx.db, s1.id)
    assert (again.title, again.starts_at) == (after[0].title, after[0].starts_at)
    assert [(a.person_id, a.role) for a in assignments.session_people(ctx.db, s1.id)] == [
        (a.person_id, a.role) for a in after[1]
    ]
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.canUndo()


def test_ok_without_a_change_leaves_no_step(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s1 = _session(ctx.db, demo.event.id, "S1")
    dialog = _editor(qtbot, ctx, s1.id)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert ctx.undo_stack.count() == 0
    assert sessions.get_session(ctx.db, s1.id).version == s1.version


def test_a_save_after_a_change_elsewhere_is_refused_and_writes_nothing(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    """Another desk edits the session (or its people) while the editor is open: OK refuses."""
    s3 = _session(ctx.db, demo.event.id, "S3")
    dialog = _editor(qtbot, ctx, s3.id)
    dialog.title_edit.setText("My title")
    _add_by_search(qtbot, dialog, "жаксыбек", Role.PANELIST)
    sessions.update_session(ctx.db, s3.id, {"description": "theirs"}, expected_version=None)
    elsewhere = (sessions.get_session(ctx.db, s3.id), assignments.session_people(ctx.db, s3.id))
    dialog.accept()
    assert dialog.isVisible()
    assert prompts.warnings and "S3 was changed at" in prompts.warnings[-1][1]
    assert (
        sessions.get_session(ctx.db, s3.id),
        assignments.session_people(ctx.db, s3.id),
    ) == elsewhere
    assert ctx.undo_stack.count() == 0

    # people changed elsewhere do not move the session's version, and are caught all the same
    prompts.shown.clear()
    dialog = _editor(qtbot, ctx, s3.id)
    dialog.title_edit.setText("My title")
    newcomer = people.create_person(ctx.db, "Omarov", "Timur")
    assignments.assign_people(ctx.db, s3.id, [newcomer.id], Role.PARTICIPANT, expected_version=None)
    dialog.accept()
    assert prompts.warnings and "S3 was changed at" in prompts.warnings[-1][1]
    assert sessions.get_session(ctx.db, s3.id).title == s3.title


def test_a_person_gone_meanwhile_fails_the_whole_save(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    before = (sessions.get_session(ctx.db, s3.id), assignments.session_people(ctx.db, s3.id))
    dialog = _editor(qtbot, ctx, s3.id)
    dialog.title_edit.setText("My title")
    dialog.room_combo.setCurrentIndex(1)
    newcomer = people.create_person(ctx.db, "Omarov", "Timur")
    dialog.add_people([newcomer], Role.SPEAKER)
    people.delete_person(ctx.db, newcomer.id, expected_version=None)  # another desk
    dialog.accept()
    assert dialog.isVisible()
    assert prompts.warnings and "no longer exists" in prompts.warnings[-1][1]
    assert (
        sessions.get_session(ctx.db, s3.id),
        assignments.session_people(ctx.db, s3.id),
    ) == before
    assert ctx.undo_stack.count() == 0


def _press(qtbot: QtBot, widget: object, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)  # type: ignore[arg-type]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_in_add_people_adds_the_first_match_and_keeps_the_editor_open(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult, key: Qt.Key
) -> None:
    """Issue 14 item 1: Enter adds; the dialog closes only by its own buttons."""
    s3 = _session(ctx.db, demo.event.id, "S3")
    before = len(assignments.session_people(ctx.db, s3.id))
    dialog = _editor(qtbot, ctx, s3.id)
    dialog.search_edit.setFocus()
    type_text(dialog.search_edit, "жаксыбек")
    first = dialog.selected_results()[0]
    _press(qtbot, dialog.search_edit, key)
    assert dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected  # neither accepted nor closed
    assert first.id in dialog.people_model.person_ids()
    assert dialog.search_edit.text() == ""
    # a second person the same way, then Enter in the results list adds too
    type_text(dialog.search_edit, "а")
    dialog.results_view.setFocus()
    chosen = dialog.selected_results()[0]
    _press(qtbot, dialog.results_view, key)
    assert dialog.isVisible()
    assert chosen.id in dialog.people_model.person_ids()
    # Enter in an ordinary field does not save either
    _press(qtbot, dialog.title_edit, key)
    assert dialog.isVisible()
    assert len(assignments.session_people(ctx.db, s3.id)) == before
    assert ctx.undo_stack.count() == 0
    # OK saves, once, with everyone added
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = {a.person_id for a in assignments.session_people(ctx.db, s3.id)}
    assert {first.id, chosen.id} <= saved
    assert ctx.undo_stack.count() == 1


def test_no_button_of_the_editor_is_pressed_by_enter(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _editor(qtbot, ctx)
    from PySide6.QtWidgets import QPushButton

    buttons = dialog.findChildren(QPushButton)
    assert buttons
    assert not [b.text() for b in buttons if b.isDefault() or b.autoDefault()]


def test_name_and_role_fit_the_people_added_to_a_new_session(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    """Issue 14 item 2: columns sized to the people, not to an empty table."""
    dialog = _editor(qtbot, ctx)
    dialog.resize(1100, 680)
    qtbot.waitExposed(dialog)
    for text in ("Жаксыбек", "Кузнец"):
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.MODERATOR.value))
        _add_by_search(qtbot, dialog, text, Role.MODERATOR)
    qtbot.wait(10)
    table = dialog.people_table
    metrics = table.fontMetrics()
    columns = dialog.people_model.COLUMNS
    assert dialog.people_model.rowCount() >= 2
    for row in dialog.people_model.rows():
        assert table.columnWidth(columns.index("name")) > metrics.horizontalAdvance(
            row.display_name
        )
        from forumdesk.ui.people_table_model import vocabulary_label

        assert table.columnWidth(columns.index("role")) > metrics.horizontalAdvance(
            vocabulary_label(row.role)
        )


def test_the_day_list_shows_each_day_once_with_the_sessions_day_current(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    """Issue 14 item 3: the session's day is found among the event's days, not added again."""
    scheduled = [s for s in sessions.list_sessions(ctx.db, demo.event.id) if s.starts_at]
    last_day = max(s.starts_at for s in scheduled if s.starts_at).date()
    row = next(s for s in scheduled if s.starts_at and s.starts_at.date() == last_day)
    dialog = _editor(qtbot, ctx, row.id)
    combo = dialog.day_combo
    texts = [combo.itemText(n) for n in range(combo.count())]
    assert len(texts) == len(set(texts)) == len(ctx.current_event.days)  # type: ignore[union-attr]
    assert combo.currentIndex() == ctx.current_event.days.index(last_day)  # type: ignore[union-attr]
    assert dialog.placement().starts_at == row.starts_at


def test_ticking_cancelled_in_the_editor_cancels_in_one_undoable_step(
    qtbot: QtBot, ctx: AppContext, demo: DemoResult
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    dialog = _editor(qtbot, ctx, s3.id)
    assert not dialog.cancelled_check.isChecked()
    qtbot.mouseClick(dialog.cancelled_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    saved = sessions.get_session(ctx.db, s3.id)
    assert saved.cancelled and saved.starts_at == s3.starts_at  # it keeps its place
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert not sessions.get_session(ctx.db, s3.id).cancelled
    again = _editor(qtbot, ctx, s3.id)
    ctx.undo_stack.redo()
    again.reject()
    assert _editor(qtbot, ctx, s3.id).cancelled_check.isChecked()


def test_the_panel_balance_follows_the_people_being_edited(qtbot: QtBot, ctx: AppContext) -> None:
    """A new session: no panel yet; two government people make it one sector only; a
    business speaker mixes it; the audience does not count."""
    from forumdesk.core.enums import Gender, Sector
    from forumdesk.services import people

    people.create_organization(
        ctx.db, "Balance Ministry", country="Kazakhstan", sector="government"
    )
    first = people.create_person(
        ctx.db, "Balanceova", "Aida", organization="Balance Ministry", gender=Gender.FEMALE
    )
    second = people.create_person(ctx.db, "Balanceov", "Erlan", organization="Balance Ministry")
    third = people.create_person(ctx.db, "Balancer", "Tom", sector=Sector.BUSINESS, country="UK")
    dialog = _editor(qtbot, ctx)
    assert "no moderators or speakers yet" in dialog.balance_label.text()

    dialog.add_people([first], Role.MODERATOR)
    dialog.add_people([second], Role.SPEAKER)

    shown = dialog.balance_label.text()
    assert "Sectors: government 2" in shown
    assert "Countries: Kazakhstan 2" in shown
    assert "Gender: female 1, not recorded 1" in shown
    assert "All from one sector: government" in shown

    dialog.add_people([third], Role.PARTICIPANT)
    assert "2 moderators and speakers" in dialog.balance_label.text()
    fourth = people.create_person(ctx.db, "Balancey", "Ann", sector=Sector.BUSINESS)
    dialog.add_people([fourth], Role.SPEAKER)
    shown = dialog.balance_label.text()
    assert "Sectors: government 2, business 1" in shown
    assert "All from one sector" not in shown
