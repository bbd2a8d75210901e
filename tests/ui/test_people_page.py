"""The People page, driven like a user drives it, then checked in the database through services.

Dialogs never block: the page's `exec_dialog` is replaced by a runner that shows the dialog,
fills it through its widgets and clicks its button; questions are answered by the scripted
prompts (tests/ui/prompts.py), which fail the test on a question nobody prepared an answer for.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.errors import NotFoundError
from forumdesk.core.rows import PersonRow, SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, events, people, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.assign_dialog import AssignToSessionDialog
from forumdesk.ui.commands.assignments import AssignPeopleCommand, RegisterPeopleCommand
from forumdesk.ui.commands.people import CreatePersonCommand, edit_person
from forumdesk.ui.context import AppContext
from forumdesk.ui.people_page import PeoplePage
from forumdesk.ui.people_table_model import PeopleTableModel
from forumdesk.ui.person_dialog import PersonDialog
from tests.ui.prompts import ScriptedPrompts


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """qtbot.keyClicks, also for Cyrillic (QTest only knows how to type ASCII)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char)
            )


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


class Runner:
    """Stands in for dialog.exec(): shows the dialog, lets `fill` work it, returns its result."""

    def __init__(self, qtbot: QtBot, fill: Callable[[QDialog], None]) -> None:
        self.qtbot, self.fill = qtbot, fill
        self.dialogs: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.qtbot.addWidget(dialog)
        self.dialogs.append(dialog)
        dialog.show()
        self.fill(dialog)
        return dialog.result()


def _click_row(
    qtbot: QtBot,
    page: PeoplePage,
    row: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    index = page.model.index(row, 0)
    page.table.scrollTo(index)
    qtbot.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        modifier,
        page.table.visualRect(index).center(),
    )


def _click_person(
    qtbot: QtBot,
    page: PeoplePage,
    person_id: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    row = page.model.row_of(person_id)
    assert row is not None, f"person {person_id} is not shown"
    _click_row(qtbot, page, row, modifier)


def _shown_names(page: PeoplePage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def _person(db: Database, family_name: str) -> PersonRow:
    return next(p for p in people.search_people(db, family_name) if p.family_name == family_name)


def _session(db: Database, event_id: int, code: str) -> SessionRow:
    return next(s for s in sessions.list_sessions(db, event_id) if s.code == code)


def _status(db: Database, event_id: int, person_id: int) -> RegistrationStatus | None:
    return {r.person_id: r.status for r in assignments.event_registrations(db, event_id)}.get(
        person_id
    )


# --- filtering, sorting, scope ---------------------------------------------------------------


def test_a_lower_case_cyrillic_filter_narrows_the_rows_and_the_count_says_so(
    qtbot: QtBot, page: PeoplePage
) -> None:
    assert page.model.rowCount() == 62
    assert page.count_label.text() == "62 people registered for this event"
    type_text(qtbot, page.filter_edit, "жаксыб")
    assert _shown_names(page) == ["Жаксыбекова Айгуль Маратовна"]
    assert page.count_label.text() == "1 of 62 people registered for this event"
    type_text(qtbot, page.filter_edit, " eurasian")  # every word must match, any field
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Escape)
    assert page.filter_edit.text() == ""
    assert page.model.rowCount() == 62


def test_yo_is_found_by_ye(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, demo: DemoResult
) -> None:
    created = people.create_person(ctx.db, "Королёв", "Сергей")
    assignments.register_people(ctx.db, demo.event.id, [created.id], expected_statuses=None)
    page.reload()
    type_text(qtbot, page.filter_edit, "королев серг")
    assert _shown_names(page) == ["Королёв Сергей"]


def test_clicking_the_organisation_heading_sorts_by_it(qtbot: QtBot, page: PeoplePage) -> None:
    header = page.table.horizontalHeader()
    position = QPoint(
        header.sectionViewportPosition(1) + header.sectionSize(1) // 2, header.height() // 2
    )
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    organisations = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert organisations == sorted(organisations, key=str.casefold)
    assert organisations[0] != organisations[-1]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    again = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert again == sorted(organisations, key=str.casefold, reverse=True)


def test_the_scope_switches_between_the_event_and_the_whole_directory(
    page: PeoplePage, ctx: AppContext
) -> None:
    ctx.run(CreatePersonCommand(ctx, {"family_name": "Outsider"}))
    assert "Outsider" not in _shown_names(page)  # not registered for the event
    page.set_event_scope(False)
    assert "Outsider" in _shown_names(page)
    assert page.count_label.text() == "63 people in the directory"
    assert page.model.index(page.model.row_of(_person(ctx.db, "Outsider").id) or 0, 7).data() == ""
    page.set_event_scope(True)
    assert page.model.rowCount() == 62


def test_without_an_event_the_page_lists_the_directory_and_cannot_register(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, demo: DemoResult
) -> None:
    _click_row(qtbot, page, 0)
    assert page.register_button.isEnabled() and page.assign_action.isEnabled()
    ctx.set_event(None)
    assert not page.event_scope
    assert page.model.rowCount() == 62
    assert page.count_label.text() == "62 people in the directory"
    _click_row(qtbot, page, 0)
    assert page.edit_action.isEnabled()
    assert not page.register_button.isEnabled() and not page.assign_action.isEnabled()
    other = events.create_event(ctx.db, "Forum 2027", "2027-05-12", timezone="Asia/Almaty")
    ctx.set_event(other)
    assert page.event_scope  # the user's choice of scope comes back with an event
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 people registered for this event"


# --- new, edit -------------------------------------------------------------------------------


def test_a_new_person_made_in_the_dialog_is_stored_registered_and_undoable(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, demo: DemoResult
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        assert dialog.register_for_event()  # the event's list: the newcomer is registered
        type_text(qtbot, dialog.family_name_edit, "Иванова")
        type_text(qtbot, dialog.given_name_edit, "Мария")
        dialog.organization_combo.setCurrentText("Eurasian Economic Commission")
        qtbot.keyClicks(dialog.email_edit, "m.ivanova@example.org")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    page.exec_dialog = Runner(qtbot, fill)
    type_text(qtbot, page.filter_edit, "жаксыб")  # hides the newcomer: the page clears it
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    created = people.find_person_by_email(ctx.db, "m.ivanova@example.org")
    assert created is not None
    assert (created.display_name, created.organization) == (
        "Иванова Мария",
        "Eurasian Economic Commission",
    )
    assert _status(ctx.db, demo.event.id, created.id) == RegistrationStatus.REGISTERED
    assert page.selected_ids() == [created.id]
    assert page.filter_edit.text() == ""
    assert page.model.rowCount() == 63
    assert ctx.undo_stack.count() == 1

    ctx.undo_stack.undo()
    assert people.find_person_by_email(ctx.db, "m.ivanova@example.org") is None
    assert page.model.rowCount() == 62
    ctx.undo_stack.redo()
    again = people.find_person_by_email(ctx.db, "m.ivanova@example.org")
    assert again is not None and again.id == created.id
    assert _status(ctx.db, demo.event.id, created.id) == RegistrationStatus.REGISTERED
    assert page.model.rowCount() == 63


def test_editing_the_selected_person_changes_them_and_undo_puts_it_back(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    rossi = _person(ctx.db, "Rossi")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog) and dialog.person == rossi
        dialog.position_edit.clear()
        qtbot.keyClicks(dialog.position_edit, "Deputy Director General")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    page.exec_dialog = Runner(qtbot, fill)
    _click_person(qtbot, page, rossi.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert people.get_person(ctx.db, rossi.id).position == "Deputy Director General"
    assert page.selected_ids() == [rossi.id]  # the reload kept the selection
    row = page.model.row_of(rossi.id)
    assert page.model.index(row or 0, 2).data() == "Deputy Director General"
    ctx.undo_stack.undo()
    assert people.get_person(ctx.db, rossi.id).position == rossi.position
    ctx.undo_stack.redo()
    assert people.get_person(ctx.db, rossi.id).position == "Deputy Director General"


def test_a_double_click_opens_the_editor_on_that_person(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    seen: list[PersonRow | None] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        seen.append(dialog.person)
        dialog.reject()

    page.exec_dialog = Runner(qtbot, fill)
    heller = _person(ctx.db, "Heller")
    row = page.model.row_of(heller.id)
    assert row is not None
    index = page.model.index(row, 3)
    page.table.scrollTo(index)
    # a real double click: press, release, then the double click
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    qtbot.mouseDClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    assert seen == [heller]
    assert ctx.undo_stack.count() == 0


def test_an_e_mail_taken_by_someone_else_is_reported_and_changes_nothing(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, prompts: ScriptedPrompts
) -> None:
    rossi, heller = _person(ctx.db, "Rossi"), _person(ctx.db, "Heller")
    assert heller.email is not None

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.email_edit.setText(heller.email or "")
        qtbot.keyClicks(dialog.phone_edit, " 99")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    runner = Runner(qtbot, fill)
    page.exec_dialog = runner
    _click_person(qtbot, page, rossi.id)
    page.edit_action.trigger()
    assert (
        len(prompts.warnings) == 1 and "already belongs to Markus Heller" in prompts.warnings[0][1]
    )
    assert people.get_person(ctx.db, rossi.id) == rossi
    assert ctx.undo_stack.count() == 0
    dialog = runner.dialogs[0]
    assert dialog.isVisible()  # still open, with what the user typed
    assert dialog.result() != QDialog.DialogCode.Accepted


# --- delete ----------------------------------------------------------------------------------


def test_deleting_two_selected_people_after_yes_and_undo_brings_back_their_sessions(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s1 = _session(ctx.db, demo.event.id, "S1")
    before = assignments.session_people(ctx.db, s1.id)
    verbeke, grant = _person(ctx.db, "Verbeke"), _person(ctx.db, "Grant")
    prompts.answer_questions(True)
    _click_person(qtbot, page, verbeke.id)
    _click_person(qtbot, page, grant.id, Qt.KeyboardModifier.ControlModifier)
    assert sorted(page.selected_ids()) == sorted([verbeke.id, grant.id])
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    [question] = prompts.of_kind("question")
    assert question.title == "Delete 2 people" and question.parent is page
    assert "Delete 2 people from the directory?" in question.text
    for gone in (verbeke, grant):
        with pytest.raises(NotFoundError):
            people.get_person(ctx.db, gone.id)
    assert len(assignments.session_people(ctx.db, s1.id)) == len(before) - 2
    assert page.model.rowCount() == 60
    assert len(page.selected_ids()) == 1  # the keyboard stays in the table, on a neighbour

    ctx.undo_stack.undo()
    assert assignments.session_people(ctx.db, s1.id) == before
    assert _status(ctx.db, demo.event.id, verbeke.id) == RegistrationStatus.CONFIRMED
    assert page.model.rowCount() == 62
    ctx.undo_stack.redo()
    assert len(assignments.session_people(ctx.db, s1.id)) == len(before) - 2


def test_answering_no_deletes_nothing(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, prompts: ScriptedPrompts
) -> None:
    prompts.answer_questions(False)
    rossi = _person(ctx.db, "Rossi")
    _click_person(qtbot, page, rossi.id)
    page.delete_action.trigger()
    assert prompts.questions and "Delete Martina Rossi from the directory?" in prompts.questions[0]
    assert people.get_person(ctx.db, rossi.id) == rossi
    assert ctx.undo_stack.count() == 0
    assert page.model.rowCount() == 62


def test_delete_in_the_filter_box_deletes_letters_not_people(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    _click_row(qtbot, page, 0)
    page.filter_edit.setFocus()
    qtbot.keyClicks(page.filter_edit, "xrossi")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Home)
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Delete)  # a question would fail the test
    assert page.filter_edit.text() == "rossi"
    assert _shown_names(page) == ["Martina Rossi"]
    assert ctx.undo_stack.count() == 0


# --- register, assign ------------------------------------------------------------------------


def test_registering_the_selected_people_sets_their_status_in_one_undo_step(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, demo: DemoResult
) -> None:
    first = people.create_person(ctx.db, "Newcomer", "Ann")
    second = people.create_person(ctx.db, "Newcomer", "Bob")
    brandt = _person(ctx.db, "Brandt")  # invited, becomes confirmed
    page.set_event_scope(False)
    qtbot.keyClicks(page.filter_edit, "newcomer")
    _click_row(qtbot, page, 0)
    _click_row(qtbot, page, 1, Qt.KeyboardModifier.ShiftModifier)
    page.register_actions[RegistrationStatus.CONFIRMED].trigger()
    for person in (first, second):
        assert _status(ctx.db, demo.event.id, person.id) == RegistrationStatus.CONFIRMED
    assert [page.model.index(r, 7).data() for r in range(2)] == ["confirmed", "confirmed"]
    assert sorted(page.selected_ids()) == [first.id, second.id]

    page.filter_edit.clear()
    _click_person(qtbot, page, brandt.id)
    page.register_actions[RegistrationStatus.CONFIRMED].trigger()
    assert _status(ctx.db, demo.event.id, brandt.id) == RegistrationStatus.CONFIRMED
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    assert _status(ctx.db, demo.event.id, brandt.id) == RegistrationStatus.INVITED
    ctx.undo_stack.undo()
    assert _status(ctx.db, demo.event.id, first.id) is None
    assert _status(ctx.db, demo.event.id, second.id) is None
    ctx.undo_stack.redo()
    assert _status(ctx.db, demo.event.id, second.id) == RegistrationStatus.CONFIRMED


def test_assigning_the_selected_people_to_s3_as_panelists(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, demo: DemoResult
) -> None:
    s3, s6 = _session(ctx.db, demo.event.id, "S3"), _session(ctx.db, demo.event.id, "S6")
    before = assignments.session_people(ctx.db, s3.id)
    rossi, grant = _person(ctx.db, "Rossi"), _person(ctx.db, "Grant")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AssignToSessionDialog)
        type_text(qtbot, dialog.filter_edit, "фарма")  # no such word: nothing left to choose
        assert dialog.visible_session_ids() == [] and not dialog.ok_button.isEnabled()
        dialog.filter_edit.clear()
        qtbot.keyClicks(dialog.filter_edit, "pharma")  # S3's title, and S6's track
        assert dialog.visible_session_ids() == [s3.id, s6.id]
        type_text(qtbot, dialog.filter_edit, " волков")  # S3's moderator
        assert dialog.visible_session_ids() == [s3.id]
        dialog.filter_edit.clear()
        qtbot.keyClicks(dialog.filter_edit, "pharma volkov")  # Latin typing finds Волков
        assert dialog.visible_session_ids() == [s3.id]
        assert dialog.session_id() == s3.id  # the only match is chosen
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("panelist"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    page.exec_dialog = Runner(qtbot, fill)
    _click_person(qtbot, page, rossi.id)
    _click_person(qtbot, page, grant.id, Qt.KeyboardModifier.ControlModifier)
    page.assign_action.trigger()

    after = assignments.session_people(ctx.db, s3.id)
    added = {row.person_id: row.role for row in after}
    assert added[rossi.id] == added[grant.id] == Role.PANELIST
    assert len(after) == len(before) + 2
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert assignments.session_people(ctx.db, s3.id) == before
    ctx.undo_stack.redo()
    assert len(assignments.session_people(ctx.db, s3.id)) == len(before) + 2


def test_assigning_someone_already_in_the_session_is_reported_and_changes_nothing(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s3 = _session(ctx.db, demo.event.id, "S3")
    before = assignments.session_people(ctx.db, s3.id)
    heller, rossi = _person(ctx.db, "Heller"), _person(ctx.db, "Rossi")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AssignToSessionDialog)
        assert dialog.select_session(s3.id)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    runner = Runner(qtbot, fill)
    page.exec_dialog = runner
    _click_person(qtbot, page, heller.id)
    _click_person(qtbot, page, rossi.id, Qt.KeyboardModifier.ControlModifier)
    page.assign_action.trigger()
    [(_title, warning)] = prompts.warnings
    assert "Markus Heller is already in S3" in warning
    assert assignments.session_people(ctx.db, s3.id) == before
    assert ctx.undo_stack.count() == 0
    assert runner.dialogs[0].isVisible()  # another session can be picked


# --- keeping the place -----------------------------------------------------------------------


def test_a_reload_keeps_the_selection_and_the_scroll_position(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    page.table.verticalScrollBar().setValue(30)
    top = page.model.person_at(page.table.rowAt(0))
    chosen = page.model.person_at(page.table.rowAt(0) + 2)
    _click_person(qtbot, page, chosen.id)
    ctx.run(edit_person(ctx, _person(ctx.db, "Berger"), {"position": "CEO"}))
    assert page.model.index(page.model.row_of(_person(ctx.db, "Berger").id) or 0, 2).data() == "CEO"
    assert page.selected_ids() == [chosen.id]
    assert page.current_person() == chosen
    assert page.model.person_at(page.table.rowAt(0)) == top


def test_a_hidden_page_reloads_only_when_shown_again(page: PeoplePage, ctx: AppContext) -> None:
    page.set_event_scope(False)
    page.hide()
    ctx.run(CreatePersonCommand(ctx, {"family_name": "Latecomer"}))
    assert page.model.total_count == 62  # nothing fetched for a page nobody sees
    page.show()
    assert page.model.total_count == 63
    assert "Latecomer" in _shown_names(page)


def test_assignments_elsewhere_cost_the_page_no_reload(
    page: PeoplePage, ctx: AppContext, demo: DemoResult
) -> None:
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))
    s3 = _session(ctx.db, demo.event.id, "S3")
    ctx.run(
        AssignPeopleCommand(
            ctx, s3.id, [_person(ctx.db, "Rossi").id], Role.SPEAKER, "Add Rossi", s3.version
        )
    )
    assert not resets
    ctx.run(
        RegisterPeopleCommand(
            ctx,
            demo.event.id,
            [_person(ctx.db, "Rossi").id],
            RegistrationStatus.ATTENDED,
            "Attended",
            {_person(ctx.db, "Rossi").id: page.model.status_of(_person(ctx.db, "Rossi").id)},
        )
    )
    assert resets


# --- keyboard and menus ----------------------------------------------------------------------


def test_the_keyboard_goes_from_the_filter_to_the_table_to_the_editor(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    opened: list[PersonRow | None] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        opened.append(dialog.person)
        dialog.reject()

    page.exec_dialog = Runner(qtbot, fill)
    page.activateWindow()
    page.focus_filter()
    assert QApplication.focusWidget() is page.filter_edit
    type_text(qtbot, page.filter_edit, "волков")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [_person(ctx.db, "Волков")]
    page.focus_filter()
    assert page.filter_edit.selectedText() == "волков"


def test_the_context_menu_and_toolbar_follow_the_selection(qtbot: QtBot, page: PeoplePage) -> None:
    menu = page.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "&New person…",
        "&Edit…",
        "&Register for this event",
        "&Assign to session…",
        "&Badges for selected…",
        "&Delete…",
    ]
    assert page.new_action.isEnabled()
    assert not page.edit_action.isEnabled() and not page.delete_action.isEnabled()
    assert not page.register_button.isEnabled()
    _click_row(qtbot, page, 3)
    assert page.edit_action.isEnabled() and page.delete_action.isEnabled()
    assert page.register_button.isEnabled() and page.assign_action.isEnabled()
    assert [a.text() for a in page.register_menu.actions()] == [
        "As invited",
        "As registered",
        "As confirmed",
        "As attended",
        "As cancelled",
    ]


def test_selected_rows_can_be_dragged_out_as_person_ids(qtbot: QtBot, page: PeoplePage) -> None:
    from forumdesk.ui.mime import PERSON_IDS_MIME, decode_ids

    _click_row(qtbot, page, 1)
    _click_row(qtbot, page, 4, Qt.KeyboardModifier.ControlModifier)
    assert page.table.dragEnabled()
    data = page.model.mimeData(page.table.selectionModel().selectedIndexes())
    assert decode_ids(PERSON_IDS_MIME, data) == page.selected_ids()
    assert len(page.selected_ids()) == 2


def test_the_selection_survives_sorting_and_filtering(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_ids()) == 62
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert len(page.selected_ids()) == 62
    rossi, heller = _person(ctx.db, "Rossi"), _person(ctx.db, "Heller")
    _click_person(qtbot, page, rossi.id)
    _click_person(qtbot, page, heller.id, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.filter_edit, "ross")
    assert page.selected_ids() == [rossi.id]  # the one still shown stays selected
    page.filter_edit.clear()
    assert page.selected_ids() == [rossi.id]


def test_column_widths_and_sorting_are_remembered(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    page.table.setColumnWidth(1, 333)
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    page.hide()
    again = PeoplePage(ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.table.columnWidth(1) == 333
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        3,
        Qt.SortOrder.DescendingOrder,
    )
    countries = [again.model.index(r, 3).data() for r in range(again.model.rowCount())]
    assert countries == sorted(countries, key=str.casefold, reverse=True)


def test_the_latin_name_column_starts_hidden_and_the_heading_menu_shows_it(
    qtbot: QtBot, page: PeoplePage, ctx: AppContext
) -> None:
    """Nine columns do not fit a small screen: the Latin name waits in the heading's menu;
    shown once, it stays shown next time."""
    latin = PeopleTableModel.COLUMNS.index("latin_name")
    header = page.table.horizontalHeader()
    assert header.isSectionHidden(latin)
    menu = page.table.column_menu()
    action = next(a for a in menu.actions() if a.text() == "Name (Latin)")
    assert not action.isChecked()
    action.trigger()
    assert not header.isSectionHidden(latin) and page.table.columnWidth(latin) > 40
    assert page.model.index(0, latin).data()  # the demo's people have Latin names
    page.hide()
    again = PeoplePage(ctx)
    qtbot.addWidget(again)
    again.show()
    assert not again.table.horizontalHeader().isSectionHidden(latin)


def test_the_filter_finds_cyrillic_names_from_latin_typing(qtbot: QtBot, page: PeoplePage) -> None:
    qtbot.keyClicks(page.filter_edit, "zhaksybekova")
    assert page.model.rowCount() == 1
    assert page.model.person_at(0).display_name == "Жаксыбекова Айгуль Маратовна"
