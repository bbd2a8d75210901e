"""Automatic placement in the window: Session > Place unscheduled sessions…, the ghost blocks
and the proposal panel (accept all, accept the ticked, discard), Cancel, and Suggest a slot
from the session editor and from a block's context menu. Every test drives the real window and
asserts on the database through the services."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton, QTimeEdit
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Role
from forumdesk.db.engine import Database
from forumdesk.scheduling.checker import Severity
from forumdesk.services import assignments, events, placing, problems, sessions, venue
from forumdesk.services.people import create_person
from forumdesk.ui.day_hours_dialog import DayHoursDialog, remember_day_hours
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.session_editor import SessionEditorDialog
from forumdesk.ui.suggest_slot_dialog import SuggestSlotDialog
from tests.ui.prompts import ScriptedPrompts

THU = dt.date(2021, 11, 25)


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(THU + dt.timedelta(days=day), dt.time(hour, minute))


@pytest.fixture
def generated(db: Database) -> dict[str, object]:
    """A two-day event drawn at random (seeded): three rooms, an opening on the timetable and
    sixteen sessions to place, sharing eight people so that some can clash."""
    rng = random.Random(19)
    event = events.create_event(db, "Generated forum", "2021-11-25", "2021-11-26")
    rooms = [
        venue.add_room(db, event.id, f"Hall {c}", cap)
        for c, cap in zip("ABC", (120, 60, 30), strict=True)
    ]
    people = [create_person(db, f"Person{n}", "Test", register_for=event.id) for n in range(1, 9)]
    opening = sessions.create_session(
        db,
        event.id,
        "Opening",
        code="S0",
        room_id=rooms[0].id,
        starts_at=_at(0, 9),
        ends_at=_at(0, 10),
    )
    assignments.assign_person(db, opening.id, people[0].id, Role.MODERATOR, expected_version=None)
    free = []
    for n in range(1, 17):
        row = sessions.create_session(
            db,
            event.id,
            f"Panel {n}",
            code=f"S{n}",
            planned_minutes=rng.choice([45, 60, 90]),
            expected_audience=rng.randint(10, 100),
        )
        for k, person in enumerate(rng.sample(people, 3)):
            role = Role.MODERATOR if k == 0 else Role.SPEAKER
            assignments.assign_person(db, row.id, person.id, role, expected_version=None)
        free.append(row.id)
    return {"event": event, "free": free, "opening": opening.id, "rooms": rooms}


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, generated: dict[str, object], prompts: ScriptedPrompts
) -> MainWindow:
    win = MainWindow(db, prompts=prompts)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.placement_actions.time_limit = 3.0
    win.placement_actions.exec_hours_dialog = _take_hours
    return win


def _take_hours(dialog: QDialog) -> int:
    """The day's hours dialog, answered OK with what it was prefilled with."""
    assert isinstance(dialog, DayHoursDialog)
    dialog.accept()
    return dialog.result()


def _errors(db: Database, event_id: int) -> list[object]:
    return [p for p in problems.check_event(db, event_id) if p.severity == Severity.ERROR]


def _scheduled(db: Database, ids: list[int]) -> set[int]:
    return {i for i in ids if sessions.get_session(db, i).is_scheduled}


def _place(qtbot: QtBot, window: MainWindow) -> None:
    window.placement_actions.place_action.trigger()
    assert window.timetable_page.proposal_panel.isVisible()


def test_accept_all_places_every_session_clean_and_one_undo_puts_them_all_back(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    event = generated["event"]
    free: list[int] = generated["free"]  # type: ignore[assignment]
    assert window.placement_actions.place_action in window.menuBar().actions()[2].menu().actions()
    _place(qtbot, window)
    panel = window.timetable_page.proposal_panel
    assert panel.placed_list.count() == len(free)
    assert panel.unplaced_list.isHidden()
    # the proposal is drawn as ghost blocks; nothing is written yet
    proposed = {spot.session_id for spot in window.timetable_page.view.proposed()}
    assert proposed == set(free)
    assert window.timetable_page.view.ghosts()
    assert _scheduled(db, free) == set()
    steps = window.ctx.undo_stack.count()

    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)

    assert _scheduled(db, free) == set(free)
    assert _errors(db, event.id) == []  # type: ignore[attr-defined]
    assert window.ctx.undo_stack.count() == steps + 1
    assert not panel.isVisible() and window.timetable_page.view.ghosts() == []
    # placed sessions show as real blocks on the timetable
    window.timetable_page.set_day(None)
    assert all(window.timetable_page.view.block(i) is not None for i in free)

    window.ctx.undo_stack.undo()
    assert _scheduled(db, free) == set()
    assert sessions.get_session(db, generated["opening"]).is_scheduled  # type: ignore[arg-type]
    window.ctx.undo_stack.redo()
    assert _scheduled(db, free) == set(free)
    assert _errors(db, event.id) == []  # type: ignore[attr-defined]


def test_accept_ticked_places_only_the_sessions_left_ticked(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    free: list[int] = generated["free"]  # type: ignore[assignment]
    _place(qtbot, window)
    panel = window.timetable_page.proposal_panel
    view = window.timetable_page.view
    qtbot.mouseClick(panel.tick_none_button, Qt.MouseButton.LeftButton)
    assert panel.chosen_ids() == [] and not panel.accept_chosen_button.isEnabled()
    wanted = set()
    for row in range(3):
        item = panel.placed_list.item(row)
        rect = panel.placed_list.visualItemRect(item)
        # the tick box sits at the item's left edge
        qtbot.mouseClick(
            panel.placed_list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=rect.topLeft() + rect.topLeft().__class__(10, rect.height() // 2),
        )
        wanted.add(int(item.data(Qt.ItemDataRole.UserRole)))
    assert set(panel.chosen_ids()) == wanted
    assert "3 of 16" in panel.accept_chosen_button.text().replace("&", "")
    faded = {g.session_id for g in view.ghosts() if not g.chosen}
    assert faded and not faded & wanted

    qtbot.mouseClick(panel.accept_chosen_button, Qt.MouseButton.LeftButton)

    assert _scheduled(db, free) == wanted
    assert _errors(db, generated["event"].id) == []  # type: ignore[attr-defined]
    window.ctx.undo_stack.undo()
    assert _scheduled(db, free) == set()


def test_discard_changes_nothing(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    free: list[int] = generated["free"]  # type: ignore[assignment]
    steps = window.ctx.undo_stack.count()
    _place(qtbot, window)
    panel = window.timetable_page.proposal_panel
    qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert window.timetable_page.view.ghosts() == []
    assert _scheduled(db, free) == set()
    assert window.ctx.undo_stack.count() == steps


def test_cancel_keeps_the_best_placement_found_so_far(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    free: list[int] = generated["free"]  # type: ignore[assignment]
    window.placement_actions.time_limit = 600.0  # only Cancel can stop it in a test's time
    dialogs: list[QProgressDialog] = []

    def press_cancel(dialog: QProgressDialog) -> None:
        dialogs.append(dialog)
        button = dialog.findChild(QPushButton)
        assert button is not None
        button.click()  # before the solver has started: only a first placement is there

    window.placement_actions.dialog_created = press_cancel
    _place(qtbot, window)
    assert dialogs
    proposal = window.placement_actions.proposal
    assert proposal is not None and proposal.cancelled
    panel = window.timetable_page.proposal_panel
    assert "Stopped by Cancel" in panel.summary_label.text()
    assert panel.placed_list.count() == len(proposal.spots) > 0
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert _scheduled(db, free) == {spot.session_id for spot in proposal.spots}
    assert _errors(db, generated["event"].id) == []  # type: ignore[attr-defined]


def test_a_session_moved_at_another_desk_meanwhile_refuses_the_whole_proposal(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    generated: dict[str, object],
    prompts: ScriptedPrompts,
) -> None:
    free: list[int] = generated["free"]  # type: ignore[assignment]
    _place(qtbot, window)
    steps = window.ctx.undo_stack.count()
    # another desk puts the opening elsewhere while the proposal is on screen
    opening = sessions.get_session(db, generated["opening"])  # type: ignore[arg-type]
    placing.move_session(
        db,
        opening.id,
        _at(1, 9),
        opening.room_id,
        keep_room=True,
        expected_version=opening.version,
    )
    panel = window.timetable_page.proposal_panel
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert _scheduled(db, free) == set()  # nothing half-applied
    assert window.ctx.undo_stack.count() == steps
    warning = prompts.shown[-1]
    assert warning.kind == "warning"
    assert "Opening" in warning.text or "S0" in warning.text
    assert not panel.isVisible()


def test_suggest_a_slot_in_the_editor_places_the_session_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    session_id = generated["free"][0]  # type: ignore[index]
    editor = SessionEditorDialog(window.ctx, session_id, parent=window)
    qtbot.addWidget(editor)
    seen: list[SuggestSlotDialog] = []

    def choose_second(dialog: QDialog) -> int:
        assert isinstance(dialog, SuggestSlotDialog)
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        tree = dialog.slot_tree
        assert tree.topLevelItemCount() >= 2
        assert all(slot.clean for slot in dialog.slots[:2])
        item = tree.topLevelItem(1)
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
        )
        assert dialog.chosen() == dialog.slots[1]
        qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    editor.exec_dialog = choose_second
    steps = window.ctx.undo_stack.count()
    qtbot.mouseClick(editor.suggest_button, Qt.MouseButton.LeftButton)
    assert seen
    slot = seen[0].slots[1]
    row = sessions.get_session(db, session_id)
    assert (row.room_id, row.starts_at, row.ends_at) == (slot.room_id, slot.starts_at, slot.ends_at)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert window.ctx.undo_stack.count() == steps + 1
    assert _errors(db, generated["event"].id) == []  # type: ignore[attr-defined]
    window.ctx.undo_stack.undo()
    assert not sessions.get_session(db, session_id).is_scheduled


def test_suggest_a_slot_from_a_blocks_context_menu_moves_it_there(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    opening_id: int = generated["opening"]  # type: ignore[assignment]
    view = window.timetable_page.view
    menu = view.session_menu(opening_id)
    suggest = next(a for a in menu.actions() if a.text().replace("&", "") == "Suggest a slot…")
    chosen: list[object] = []

    def take_first(dialog: QDialog) -> int:
        assert isinstance(dialog, SuggestSlotDialog)
        chosen.append(dialog.chosen())
        dialog.accept()
        return dialog.result()

    window.placement_actions.exec_dialog = take_first
    suggest.trigger()
    slot = chosen[0]
    row = sessions.get_session(db, opening_id)
    # not where it is already: that is no suggestion
    assert (row.room_id, row.starts_at) != (generated["rooms"][0].id, _at(0, 9))  # type: ignore[index]
    assert (row.room_id, row.starts_at) == (slot.room_id, slot.starts_at)  # type: ignore[attr-defined]
    assert "free" in slot.reason  # type: ignore[attr-defined]
    window.ctx.undo_stack.undo()
    assert sessions.get_session(db, opening_id).starts_at == _at(0, 9)


def test_what_cannot_be_placed_is_listed_with_its_reason(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    event = generated["event"]
    marathon = sessions.create_session(
        db,
        event.id,
        "Marathon",
        code="S99",
        planned_minutes=600,  # type: ignore[attr-defined]
    )
    _place(qtbot, window)
    panel = window.timetable_page.proposal_panel
    assert not panel.unplaced_list.isHidden()
    assert panel.unplaced_label.text() == "1 session(s) cannot be placed:"
    (reason,) = [panel.unplaced_list.item(n).text() for n in range(panel.unplaced_list.count())]
    assert reason == (
        "S99 «Marathon»: it lasts 600 minutes, longer than the event's day (09:00–18:00)."
    )
    assert marathon.id not in {spot.session_id for spot in window.timetable_page.view.proposed()}
    assert panel.placed_list.count() == len(generated["free"])  # type: ignore[arg-type]
    assert "cannot be placed" in panel.summary_label.text()


def test_placing_asks_the_days_hours_prefilled_with_the_events_own_day(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    event = generated["event"]
    room = generated["rooms"][1]  # type: ignore[index]
    # the second day's plenary opens at 08:30 and a reception runs to 19:00
    for title, starts, ends in (
        ("Plenary", _at(1, 8, 30), _at(1, 10)),
        ("Reception", _at(1, 18), _at(1, 19)),
    ):
        sessions.create_session(
            db,
            event.id,
            title,
            room_id=room.id,
            starts_at=starts,
            ends_at=ends,  # type: ignore[attr-defined]
        )
    shown: list[tuple[str, str]] = []

    def cancel(dialog: QDialog) -> int:
        assert isinstance(dialog, DayHoursDialog)
        shown.append((dialog.from_edit.text(), dialog.to_edit.text()))
        dialog.reject()
        return dialog.result()

    window.placement_actions.exec_hours_dialog = cancel
    window.placement_actions.place_action.trigger()
    assert shown == [("08:30", "19:00")]
    # Cancel: nothing worked out, nothing shown
    assert window.placement_actions.proposal is None
    assert not window.timetable_page.proposal_panel.isVisible()


def test_the_hours_chosen_reach_the_solver_and_are_remembered_for_the_event(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    shown: list[tuple[str, str]] = []

    def noon_to_five(dialog: QDialog) -> int:
        assert isinstance(dialog, DayHoursDialog)
        shown.append((dialog.from_edit.text(), dialog.to_edit.text()))
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.from_edit.setTime(QTime(12, 0))
        dialog.to_edit.setTime(QTime(16, 0))
        dialog.to_edit.setCurrentSection(QTimeEdit.Section.HourSection)
        qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Up)  # an hour later: 17:00
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    window.placement_actions.exec_hours_dialog = noon_to_five
    _place(qtbot, window)
    assert shown == [("09:00", "18:00")]  # the generated event keeps to 09:00-18:00
    proposal = window.placement_actions.proposal
    assert proposal is not None and proposal.spots
    for spot in proposal.spots:
        assert dt.time(12) <= spot.starts_at.time() and spot.ends_at.time() <= dt.time(17), spot
    summary = window.timetable_page.proposal_panel.summary_label.text()
    assert "Each day from 12:00 to 17:00." in summary

    window.placement_actions.exec_hours_dialog = noon_to_five
    _place(qtbot, window)
    assert shown[1] == ("12:00", "17:00")  # remembered for this event


def test_suggest_a_slot_keeps_to_the_hours_last_chosen(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    event = generated["event"]
    remember_day_hours(db, event.id, (dt.time(13), dt.time(16, 30)))  # type: ignore[attr-defined]
    offered: list[object] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, SuggestSlotDialog)
        offered.extend(dialog.slots)
        dialog.reject()
        return dialog.result()

    window.placement_actions.exec_dialog = look
    window.placement_actions.suggest_slot(generated["free"][0])  # type: ignore[index]
    assert offered
    for slot in offered:
        assert dt.time(13) <= slot.starts_at.time()  # type: ignore[attr-defined]
        assert slot.ends_at.time() <= dt.time(16, 30)  # type: ignore[attr-defined]


def test_the_timetable_reaches_down_to_ghosts_placed_before_its_usual_day(
    qtbot: QtBot, window: MainWindow, db: Database, generated: dict[str, object]
) -> None:
    def six_to_ten(dialog: QDialog) -> int:
        assert isinstance(dialog, DayHoursDialog)
        dialog.from_edit.setTime(QTime(6, 0))
        dialog.to_edit.setTime(QTime(10, 0))
        dialog.accept()
        return dialog.result()

    window.placement_actions.exec_hours_dialog = six_to_ten
    window.timetable_page.set_day(None)
    assert window.timetable_page.view.timetable.first_minute == 8 * 60
    _place(qtbot, window)
    view = window.timetable_page.view
    earliest = min(spot.starts_at for spot in view.proposed())
    assert earliest.time() < dt.time(8)
    assert view.timetable.first_minute <= earliest.hour * 60
    assert all(ghost.sceneBoundingRect().top() >= 0 for ghost in view.ghosts())
    qtbot.mouseClick(window.timetable_page.proposal_panel.discard_button, Qt.MouseButton.LeftButton)
    assert view.timetable.first_minute == 8 * 60  # back to the usual day
