"""Issue 14 on the timetable: planned lengths, all-rooms breaks, creating where it goes, what a
drag shows, and problems told apart. Driven with the mouse and keyboard, checked in the
database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from forumdesk.core import i18n as core_i18n
from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import assignments, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.context import SESSIONS, AppContext
from forumdesk.ui.i18n import install_translators, remove_translators
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.session_editor import SessionEditorDialog
from forumdesk.ui.timetable.mark_styles import (
    DURING_ALL_ROOMS,
    NO_MODERATOR,
    PERSON_TWICE,
    ROOM_TWICE,
)
from forumdesk.ui.timetable.target_band import BandState
from forumdesk.ui.timetable.timetable_page import TimetablePage
from forumdesk.ui.timetable.timetable_view import TimetableView
from forumdesk.ui.timetable.unscheduled import UnscheduledDock
from tests.ui.keyboard import type_text
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_timetable import (
    DAY1,
    LEFT,
    NO_BUTTON,
    _click,
    _column,
    _drag_event,
    _drop,
    _mouse,
    _move_to,
    _point,
    _press,
    _release,
)


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> AppContext:
    context = AppContext(db, prompts=prompts)
    context.set_event(demo.event)
    return context


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> Iterator[TimetablePage]:
    widget = TimetablePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_day(DAY1)
    yield widget


def _code(ctx: AppContext, code: str) -> SessionRow:
    return next(s for s in sessions.list_sessions(ctx.db, ctx.event_id or 0) if s.code == code)


def _ok(qtbot: QtBot, dialog: QDialog) -> None:
    buttons = dialog.buttons  # type: ignore[attr-defined]
    qtbot.mouseClick(buttons.button(buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _dock(qtbot: QtBot, ctx: AppContext) -> UnscheduledDock:
    ctx.notify({SESSIONS})
    dock = UnscheduledDock(ctx)
    qtbot.addWidget(dock)
    return dock


# --- item 4: a session's planned length ------------------------------------------------------


def test_a_planned_length_typed_in_the_editor_is_what_a_drop_gives(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    event_id = ctx.event_id or 0
    panel = sessions.create_session(ctx.db, event_id, "Border panel", code="W1")
    editor = SessionEditorDialog(ctx, panel.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.length_spin.selectAll()
    type_text(editor.length_spin, "90")
    _ok(qtbot, editor)
    assert sessions.get_session(ctx.db, panel.id).planned_minutes == 90

    dock = _dock(qtbot, ctx)
    mime = dock.proxy.mimeData([dock.proxy.index(0, 0)])
    view = page.view
    hall_d = _column(view, DAY1, "Hall D")
    _drop(view, _point(view, hall_d.x + 30, view.timetable.y_for_minute(15 * 60)), mime)

    placed = sessions.get_session(ctx.db, panel.id)
    assert (placed.room_name, placed.starts_at, placed.ends_at) == (
        "Hall D",
        dt.datetime(2021, 11, 25, 15, 0),
        dt.datetime(2021, 11, 25, 16, 30),
    )
    block = view.block(panel.id)
    assert block is not None
    assert block.place.end_minute - block.place.start_minute == 90


# --- item 5: breaks across all rooms --------------------------------------------------------


def test_a_break_dropped_on_a_room_goes_across_all_rooms_and_books_none(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    event_id = ctx.event_id or 0
    coffee = sessions.create_session(
        ctx.db, event_id, "Afternoon coffee", kind=SessionKind.BREAK, planned_minutes=20
    )
    dock = _dock(qtbot, ctx)
    mime = dock.proxy.mimeData([dock.proxy.index(0, 0)])
    view = page.view
    hall_b = _column(view, DAY1, "Hall B")
    _drop(view, _point(view, hall_b.x + 30, view.timetable.y_for_minute(16 * 60 + 30)), mime)

    placed = sessions.get_session(ctx.db, coffee.id)
    assert (placed.all_rooms, placed.room_id) == (True, None)  # not a booking of Hall B
    assert (placed.starts_at, placed.ends_at) == (
        dt.datetime(2021, 11, 25, 16, 30),
        dt.datetime(2021, 11, 25, 16, 50),
    )
    block = view.block(coffee.id)
    assert block is not None and block.place.venue_wide
    room_columns = view.timetable.day_span(DAY1).room_columns  # type: ignore[union-attr]
    assert (block.place.first_column, block.place.last_column) == (
        room_columns[0],
        room_columns[-1],
    )
    ctx.undo_stack.undo()
    assert sessions.get_session(ctx.db, coffee.id).starts_at is None


def test_the_editor_puts_a_session_in_all_rooms(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    plenary = next(s for s in sessions.list_sessions(ctx.db, ctx.event_id or 0) if s.code == "P1")
    assert plenary.room_name == "Plenary Hall" and not plenary.all_rooms
    editor = SessionEditorDialog(ctx, plenary.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.room_combo.setCurrentIndex(editor.room_combo.findData("all"))
    _ok(qtbot, editor)
    saved = sessions.get_session(ctx.db, plenary.id)
    assert (saved.all_rooms, saved.room_id) == (True, None)
    block = page.view.block(plenary.id)
    assert block is not None and block.place.venue_wide
    ctx.undo_stack.undo()
    undone = sessions.get_session(ctx.db, plenary.id)
    assert (undone.all_rooms, undone.room_name) == (False, "Plenary Hall")


def test_the_ghost_of_a_dragged_session_shows_its_planned_length(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    sessions.create_session(ctx.db, ctx.event_id or 0, "Long panel", planned_minutes=120)
    dock = _dock(qtbot, ctx)
    mime = dock.proxy.mimeData([dock.proxy.index(0, 0)])
    view = page.view
    hall_d = _column(view, DAY1, "Hall D")
    point: QPoint = _point(view, hall_d.x + 30, view.timetable.y_for_minute(15 * 60))
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(view.viewport(), _drag_event(kind, point, mime))  # type: ignore[arg-type]
    ghost = view.target_band.band
    assert round(ghost.height()) == round(120 * view.timetable.pixels_per_minute)


# --- item 6: creating a session where it goes ------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> MainWindow:
    main = MainWindow(db, prompts=prompts)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.show_page(main.timetable_page)
    main.timetable_page.set_day(DAY1)
    return main


def _accept_as(qtbot: QtBot, title: str, seen: list[SessionEditorDialog]) -> Callable[..., None]:
    """An editor_opened slot: note the editor, give the session a title and press OK."""

    def fill_in(dialog: QDialog) -> None:
        assert isinstance(dialog, SessionEditorDialog)
        seen.append(dialog)
        type_text(dialog.title_edit, title)
        QTimer.singleShot(0, lambda: _ok(qtbot, dialog))

    return fill_in


def _where(dialog: SessionEditorDialog) -> tuple[object, ...]:
    placement = dialog.placement()
    return (dialog.room_combo.currentText().split(" (")[0], placement.starts_at, placement.ends_at)


def test_double_click_on_an_empty_slot_creates_a_session_there_in_one_undo_step(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    view = window.timetable_page.view
    seen: list[SessionEditorDialog] = []
    window.editor_opened.connect(_accept_as(qtbot, "Side event", seen))
    hall_d = _column(view, DAY1, "Hall D")
    point = _point(view, hall_d.x + 40, view.timetable.y_for_minute(17 * 60 + 3))
    _press(view, point)
    _release(view, point)
    _mouse(view, QEvent.Type.MouseButtonDblClick, point, LEFT, LEFT)
    _release(view, point)

    [editor] = seen
    assert _where(editor) == (
        "Hall D",
        dt.datetime(2021, 11, 25, 17, 0),
        dt.datetime(2021, 11, 25, 18, 0),
    )
    event_id = window.ctx.event_id or 0
    [created] = [s for s in sessions.list_sessions(db, event_id) if s.title == "Side event"]
    assert (created.room_name, created.starts_at) == ("Hall D", dt.datetime(2021, 11, 25, 17))
    assert window.ctx.undo_stack.count() == 1
    assert view.block(created.id) is not None
    window.ctx.undo_stack.undo()
    assert [s for s in sessions.list_sessions(db, event_id) if s.title == "Side event"] == []


def test_dragging_across_empty_time_creates_a_session_with_that_span(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    view = window.timetable_page.view
    seen: list[SessionEditorDialog] = []
    window.editor_opened.connect(_accept_as(qtbot, "Press briefing", seen))
    hall_d = _column(view, DAY1, "Hall D")
    view.centerOn(hall_d.x + 40, view.timetable.y_for_minute(17 * 60))  # no scrolling on the way
    start = _point(view, hall_d.x + 40, view.timetable.y_for_minute(16 * 60 + 2))
    end = start + QPoint(0, round(90 * view.timetable.pixels_per_minute))
    _press(view, start)
    _move_to(view, start, end)
    band = view.target_band
    assert band.isVisible() and band.text == "Hall D · 16:00–17:30"
    _release(view, end)

    assert not band.isVisible()
    [editor] = seen
    assert _where(editor) == (
        "Hall D",
        dt.datetime(2021, 11, 25, 16, 0),
        dt.datetime(2021, 11, 25, 17, 30),
    )
    event_id = window.ctx.event_id or 0
    [created] = [s for s in sessions.list_sessions(db, event_id) if s.title == "Press briefing"]
    assert (created.starts_at, created.ends_at) == (
        dt.datetime(2021, 11, 25, 16, 0),
        dt.datetime(2021, 11, 25, 17, 30),
    )


def test_shift_drag_on_empty_time_still_selects_with_a_rubber_band(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = window.timetable_page.view
    seen: list[SessionEditorDialog] = []
    window.editor_opened.connect(_accept_as(qtbot, "Never", seen))
    hall_b, hall_d = _column(view, DAY1, "Hall B"), _column(view, DAY1, "Hall D")
    start = _point(view, hall_d.x + 20, view.timetable.y_for_minute(16 * 60 + 45))  # empty
    ppm = view.timetable.pixels_per_minute
    end = start + QPoint(round(hall_b.x - hall_d.x), -round(45 * ppm))
    shift = Qt.KeyboardModifier.ShiftModifier
    _press(view, start, shift)
    for step in range(1, 7):
        point = start + (end - start) * (step / 6)
        _mouse(view, QEvent.Type.MouseMove, point, NO_BUTTON, LEFT, shift)
    _release(view, end, shift)
    assert seen == []
    assert len(view.selected_session_ids()) >= 2


def test_ctrl_d_duplicates_the_selected_session_with_its_people_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    view = window.timetable_page.view
    ctx = window.ctx
    s3 = _code(ctx, "S3")  # Hall C, 13:00–14:30
    block = view.block(s3.id)
    assert block is not None
    _click(view, _point(view, block.place.x + 20, block.place.y + 12))
    assert view.selected_session_ids() == [s3.id]
    by_key = {a.shortcut().toString(): a for a in window.findChildren(QAction)}
    by_key["Ctrl+D"].trigger()

    event_id = ctx.event_id or 0
    [copy] = [
        s for s in sessions.list_sessions(db, event_id) if s.title == s3.title and s.id != s3.id
    ]
    assert (copy.code, copy.room_name, copy.starts_at, copy.ends_at) == (
        None,
        "Hall C",
        dt.datetime(2021, 11, 25, 14, 30),
        dt.datetime(2021, 11, 25, 16, 0),
    )
    people = [(a.person_id, a.role) for a in assignments.session_people(db, s3.id)]
    assert [(a.person_id, a.role) for a in assignments.session_people(db, copy.id)] == people
    assert view.selected_session_ids() == [copy.id]
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert [s.id for s in sessions.list_sessions(db, event_id) if s.title == s3.title] == [s3.id]
    ctx.undo_stack.redo()
    assert sessions.get_session(db, copy.id).starts_at == dt.datetime(2021, 11, 25, 14, 30)


# --- item 7: what a drag shows at its target -------------------------------------------------


def test_a_dragged_block_shows_its_target_room_and_time_and_a_clash_before_the_drop(
    page: TimetablePage, ctx: AppContext
) -> None:
    view = page.view
    s3 = _code(ctx, "S3")  # Hall C, 13:00–14:30
    block = view.block(s3.id)
    assert block is not None
    x, y = block.place.x + block.place.width / 2, block.place.y + 12
    start = _point(view, x, y)
    band = view.target_band
    ppm = view.timetable.pixels_per_minute

    hall_a = _column(view, DAY1, "Hall A")  # S1 is there 13:00–14:30
    to_hall_a = start + QPoint(round(hall_a.x + 30 - x), 0)
    _press(view, start)
    _move_to(view, start, to_hall_a)
    assert band.isVisible()
    assert band.text == "Hall A · 13:00–14:30 · booked: S1"
    assert block.shown_time() == "13:00–14:30"
    assert band.state == BandState.ROOM_CLASH
    assert band.band.left() == pytest.approx(hall_a.x)

    hall_d = _column(view, DAY1, "Hall D")  # free from 15:00; a break runs 14:30–15:00
    into_break = start + QPoint(round(hall_d.x + 30 - x), round(90 * ppm))
    _move_to(view, to_hall_a, into_break)
    assert band.text == "Hall D · 14:30–16:00 · during Coffee break"
    assert band.state == BandState.DURING_ALL_ROOMS

    free = start + QPoint(round(hall_d.x + 30 - x), round(120 * ppm))
    _move_to(view, into_break, free)
    assert (band.text, band.state) == ("Hall D · 15:00–16:30", BandState.FREE)
    assert block.shown_time() == "15:00–16:30"  # the block itself says its new time
    _release(view, free)
    assert not band.isVisible()
    moved = sessions.get_session(ctx.db, s3.id)
    assert (moved.room_name, moved.starts_at) == ("Hall D", dt.datetime(2021, 11, 25, 15))


def test_stretching_a_block_shows_the_new_end(page: TimetablePage, ctx: AppContext) -> None:
    view = page.view
    s4 = _code(ctx, "S4")  # Hall D, 13:00–14:30
    block = view.block(s4.id)
    assert block is not None
    edge = _point(view, block.place.x + 20, block.place.y + block.place.height - 2)
    lower = edge + QPoint(0, round(60 * view.timetable.pixels_per_minute))
    _press(view, edge)
    _move_to(view, edge, lower)
    assert view.target_band.text == "Hall D · 13:00–15:30 · during Coffee break"
    assert block.shown_time() == "13:00–15:30"
    _release(view, lower)
    assert sessions.get_session(ctx.db, s4.id).ends_at == dt.datetime(2021, 11, 25, 15, 30)


# --- item 8: each kind of problem its own look, with a legend ---------------------------------


def _checked_window(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> MainWindow:
    main = MainWindow(db, prompts=prompts)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: bool(main.problems_label.text()))
    main.show_page(main.timetable_page)
    main.timetable_page.set_day(DAY1)
    return main


def test_each_kind_of_problem_has_its_own_look_and_a_break_never_covers_a_sessions_text(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    event_id = demo.event.id
    rows = {s.code: s for s in sessions.list_sessions(db, event_id) if s.code}
    # someone of S1 also speaks in S3 at the same time; a discussion with nobody leading it
    speaker = assignments.session_people(db, rows["S1"].id)[-1]
    assignments.assign_person(
        db, rows["S3"].id, speaker.person_id, Role.SPEAKER, expected_version=None
    )
    hall_d = next(r for r in venue.list_rooms(db, event_id) if r.name == "Hall D")
    lonely = sessions.create_session(
        db,
        event_id,
        "Nobody leads this",
        code="S99",
        room_id=hall_d.id,
        starts_at=dt.datetime(2021, 11, 25, 17),
        ends_at=dt.datetime(2021, 11, 25, 18),
        translations={"ru": {"title": "Никто не ведёт"}},  # the demo is in two languages
    )
    window = _checked_window(qtbot, db, demo, prompts)
    view, marks = window.timetable_page.view, window.problem_marks

    # the user drags S2 (Hall B) onto S1's hall, and stretches S4 into the coffee break
    s2 = view.block(rows["S2"].id)
    assert s2 is not None
    start = _point(view, s2.place.x + s2.place.width / 2, s2.place.y + 12)
    hall_a = _column(view, DAY1, "Hall A")
    with qtbot.waitSignal(window.problems_dock.checked, timeout=5000):
        _drag_to(
            view, start, start + QPoint(round(hall_a.x + 30 - s2.place.x - s2.place.width / 2), 0)
        )
    s4 = view.block(rows["S4"].id)
    assert s4 is not None
    view.centerOn(s4.sceneBoundingRect().center())  # the drag needs no scrolling
    edge = _point(view, s4.place.x + 20, s4.place.y + s4.place.height - 2)
    with qtbot.waitSignal(window.problems_dock.checked, timeout=5000):
        _drag_to(view, edge, edge + QPoint(0, round(60 * view.timetable.pixels_per_minute)))

    coffee = next(s for s in sessions.list_sessions(db, event_id) if s.title == "Coffee break")
    looks = {
        "room": marks.outlines.styles_of(rows["S1"].id),
        "person": marks.outlines.styles_of(rows["S3"].id),
        "moderator": marks.outlines.styles_of(lonely.id),
        "break": marks.outlines.styles_of(rows["S4"].id),
    }
    assert looks["room"][0] is ROOM_TWICE
    assert PERSON_TWICE in looks["person"]
    assert looks["moderator"] == (NO_MODERATOR,)
    assert DURING_ALL_ROOMS in looks["break"]
    assert DURING_ALL_ROOMS in marks.outlines.styles_of(coffee.id)
    four = (ROOM_TWICE, PERSON_TWICE, NO_MODERATOR, DURING_ALL_ROOMS)
    assert len({s.color.name() for s in four}) == 4  # each its colour,
    assert len({s.line for s in four}) == 4  # its line
    assert len({s.badge for s in four}) == 4  # and its badge

    # the break's outline stops at S4, which is drawn over it: S4's text stays clear
    s4 = view.block(rows["S4"].id)
    break_block = view.block(coffee.id)
    assert s4 is not None and break_block is not None
    assert not marks.outlines.visible_part(coffee.id).contains(s4.sceneBoundingRect().center())
    image = view.viewport().grab().toImage()
    crossing = view.mapFromScene(
        QPointF(s4.sceneBoundingRect().center().x(), break_block.sceneBoundingRect().top() + 2.5)
    )
    assert image.pixelColor(crossing).name() != DURING_ALL_ROOMS.color.name()
    # and S1's corner carries the badge of a room booked twice
    s1 = view.block(rows["S1"].id)
    assert s1 is not None
    corner = view.mapFromScene(s1.sceneBoundingRect().topRight() + QPointF(-8.5, 8.5))
    assert image.pixelColor(corner).name() == ROOM_TWICE.color.name()


def test_the_legend_names_every_look_and_the_view_menu_hides_it(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _checked_window(qtbot, db, demo, prompts)
    legend = window.timetable_page.legend
    assert legend.isVisible()
    assert [label.text() for _style, label in legend.entries] == [
        "Room booked twice",
        "Person in two places",
        "No moderator",
        "During an all-rooms break",
        "Other problem",
        "Other warning",
    ]
    assert [style for style, _label in legend.entries][:4] == [
        ROOM_TWICE,
        PERSON_TWICE,
        NO_MODERATOR,
        DURING_ALL_ROOMS,
    ]
    window.legend_action.trigger()
    assert not legend.isVisible()
    window.legend_action.trigger()
    assert legend.isVisible()


def _drag_to(view: TimetableView, start: QPoint, end: QPoint) -> None:
    _press(view, start)
    _move_to(view, start, end)
    _release(view, end)


def test_the_legend_never_makes_the_window_wider_than_1366_in_russian(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    install_translators("ru")
    core_i18n.set_language("ru")
    try:
        window = _checked_window(qtbot, db, demo, prompts)
        legend = window.timetable_page.legend
        assert legend.entries[0][1].text() == "Зал занят дважды"
        assert window.width() == 1366
        assert legend.minimumSizeHint().width() < 900
    finally:
        remove_translators()
        core_i18n.set_language("en")


def test_the_window_fits_1366_in_kazakh_too(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    """Kazakh words run longest: every page, dock and button still fits a 1366-pixel screen."""
    install_translators("kk")
    core_i18n.set_language("kk")
    try:
        window = _checked_window(qtbot, db, demo, prompts)
        assert window.windowTitle() and window.width() == 1366
    finally:
        remove_translators()
        core_i18n.set_language("en")
