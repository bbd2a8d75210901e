"""The timetable page driven with the mouse and keyboard, checked in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from forumdesk.config import resolve_database_url
from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database
from forumdesk.services import placing, sessions, venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.commands.sessions import cancel_session
from forumdesk.ui.context import SESSIONS, AppContext
from forumdesk.ui.timetable.geometry import Column
from forumdesk.ui.timetable.session_block import SessionBlock, wrap_lines
from forumdesk.ui.timetable.timetable_page import SNAP_KEY, TimetablePage
from forumdesk.ui.timetable.timetable_view import TimetableView
from forumdesk.ui.timetable.unscheduled import UnscheduledDock, UnscheduledListModel
from tests.ui.prompts import ScriptedPrompts

DAY1, DAY2 = dt.date(2021, 11, 25), dt.date(2021, 11, 26)
LEFT = Qt.MouseButton.LeftButton
NO_BUTTON = Qt.MouseButton.NoButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


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


def _row(ctx: AppContext, code: str) -> SessionRow:
    return next(s for s in sessions.list_sessions(ctx.db, ctx.event_id or 0) if s.code == code)


def _block(view: TimetableView, ctx: AppContext, code: str) -> SessionBlock:
    block = view.block(_row(ctx, code).id)
    assert block is not None, f"{code} is not on the timetable"
    return block


def _column(view: TimetableView, day: dt.date, room_name: str) -> Column:
    return next(c for c in view.timetable.columns if c.day == day and c.name == room_name)


def _point(view: TimetableView, x: float, y: float) -> QPoint:
    """A viewport point for a scene point (scrolling it into view first)."""
    view.ensureVisible(x - 1, y - 1, 2, 2, 10, 10)
    return view.mapFromScene(QPointF(x, y))


def _mouse(
    view: TimetableView,
    kind: QEvent.Type,
    point: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
    modifiers: Qt.KeyboardModifier = NO_MODIFIER,
) -> None:
    viewport = view.viewport()
    event = QMouseEvent(
        kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, buttons, modifiers
    )
    QApplication.sendEvent(viewport, event)


def _press(
    view: TimetableView, point: QPoint, modifiers: Qt.KeyboardModifier = NO_MODIFIER
) -> None:
    _mouse(view, QEvent.Type.MouseButtonPress, point, LEFT, LEFT, modifiers)


def _move_to(view: TimetableView, start: QPoint, end: QPoint, steps: int = 6) -> None:
    for step in range(1, steps + 1):
        point = start + (end - start) * (step / steps)
        _mouse(view, QEvent.Type.MouseMove, point, NO_BUTTON, LEFT)


def _release(
    view: TimetableView, point: QPoint, modifiers: Qt.KeyboardModifier = NO_MODIFIER
) -> None:
    _mouse(view, QEvent.Type.MouseButtonRelease, point, LEFT, NO_BUTTON, modifiers)


def _drag(view: TimetableView, start: QPoint, end: QPoint) -> None:
    _press(view, start)
    _move_to(view, start, end)
    _release(view, end)


def _click(
    view: TimetableView, point: QPoint, modifiers: Qt.KeyboardModifier = NO_MODIFIER
) -> None:
    _press(view, point, modifiers)
    _release(view, point, modifiers)


def _key(view: TimetableView, key: Qt.Key) -> None:
    view.setFocus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(view, QKeyEvent(kind, key, NO_MODIFIER))


def _grab_point(block: SessionBlock) -> tuple[float, float]:
    """A scene point well inside the block, away from its bottom (resize) edge."""
    return block.place.x + block.place.width / 2, block.place.y + 12


# --- moving, resizing, unscheduling -----------------------------------------------------------


def test_dragging_a_block_moves_the_session_and_undo_redo_follow(
    page: TimetablePage, ctx: AppContext, prompts: ScriptedPrompts
) -> None:
    view = page.view
    before = _row(ctx, "S3")  # Hall C, 13:00–14:30
    block = _block(view, ctx, "S3")
    x, y = _grab_point(block)
    hall_d = _column(view, DAY1, "Hall D")
    two_hours = 120 * view.timetable.pixels_per_minute
    start = _point(view, x, y)
    end = start + QPoint(round(hall_d.x + hall_d.width / 2 - x), round(two_hours))
    _drag(view, start, end)

    moved = sessions.get_session(ctx.db, before.id)
    assert prompts.warnings == []
    assert moved.room_name == "Hall D"
    assert moved.starts_at == dt.datetime(2021, 11, 25, 15, 0)
    assert moved.ends_at == dt.datetime(2021, 11, 25, 16, 30)  # same length
    assert ctx.undo_stack.count() == 1
    assert view.selected_session_ids() == [before.id]
    assert view.block(before.id).place.first_column == hall_d.index  # type: ignore[union-attr]

    ctx.undo_stack.undo()
    back = sessions.get_session(ctx.db, before.id)
    assert (back.room_id, back.starts_at, back.ends_at) == (
        before.room_id,
        before.starts_at,
        before.ends_at,
    )
    assert (
        view.block(before.id).place.first_column
        == _column(  # type: ignore[union-attr]
            view, DAY1, "Hall C"
        ).index
    )

    ctx.undo_stack.redo()
    again = sessions.get_session(ctx.db, before.id)
    assert (again.room_name, again.starts_at) == ("Hall D", dt.datetime(2021, 11, 25, 15, 0))


def test_a_drag_of_a_session_changed_elsewhere_is_refused_and_moves_nothing(
    page: TimetablePage, ctx: AppContext, prompts: ScriptedPrompts
) -> None:
    """The page passes on the version it shows; another desk's change since wins."""
    before = _row(ctx, "S3")
    sessions.update_session(
        ctx.db, before.id, {"title": "Renamed at another desk"}, expected_version=None
    )
    view = page.view
    x, y = _grab_point(_block(view, ctx, "S3"))
    start = _point(view, x, y)
    _drag(view, start, start + QPoint(0, round(120 * view.timetable.pixels_per_minute)))
    assert prompts.warnings
    refusal = prompts.warnings[-1][1]  # it was renamed, not moved: where it is, not "moved"
    assert refusal.startswith("S3 was changed at") and "from the desk" in refusal
    assert "Where it is now: Hall C, 2021-11-25 13:00–14:30." in refusal
    after = sessions.get_session(ctx.db, before.id)
    assert (after.starts_at, after.ends_at) == (before.starts_at, before.ends_at)
    assert ctx.undo_stack.count() == 0


def test_undo_of_a_drag_another_desk_moved_on_since_is_refused_and_changes_nothing(
    page: TimetablePage, ctx: AppContext, prompts: ScriptedPrompts, db_path: Path
) -> None:
    """Ctrl+Z of this desk's drag, after another desk moved the session on, is refused with
    what happened (what, when, from which desk), and the other desk's move stays."""
    before = _row(ctx, "S3")
    view = page.view
    x, y = _grab_point(_block(view, ctx, "S3"))
    start = _point(view, x, y)
    _drag(view, start, start + QPoint(0, round(120 * view.timetable.pixels_per_minute)))
    dragged = sessions.get_session(ctx.db, before.id)
    assert dragged.starts_at != before.starts_at and ctx.undo_stack.count() == 1
    other = open_database(resolve_database_url(str(db_path)), desk="reception-2")
    try:
        hall_b = next(r for r in venue.list_rooms(other, ctx.event_id or 0) if r.name == "Hall B")
        placing.move_session(
            other,
            before.id,
            dt.datetime(2021, 11, 25, 9, 0),
            hall_b.id,
            expected_version=dragged.version,
        )
    finally:
        other.dispose()
    theirs = sessions.get_session(ctx.db, before.id)

    ctx.undo_stack.undo()  # what Ctrl+Z does (the window's Edit menu owns the shortcut)

    assert prompts.warnings
    refusal = prompts.warnings[-1][1]
    assert refusal.startswith("S3 was changed at") and "from the desk reception-2" in refusal
    assert "Where it is now: Hall B, 2021-11-25 09:00–10:30." in refusal
    now = sessions.get_session(ctx.db, before.id)
    assert (now.room_id, now.starts_at, now.ends_at, now.version) == (
        theirs.room_id,
        theirs.starts_at,
        theirs.ends_at,
        theirs.version,
    )
    assert not ctx.undo_stack.canUndo()  # the refused step is dropped, not left to fail again


def test_dragging_a_break_keeps_it_venue_wide_and_changes_only_its_time(
    page: TimetablePage, ctx: AppContext
) -> None:
    view = page.view
    coffee = next(
        s for s in sessions.list_sessions(ctx.db, ctx.event_id or 0) if s.title == "Coffee break"
    )  # 14:30–15:00, no room
    block = view.block(coffee.id)
    assert block is not None and block.place.venue_wide
    start = _point(view, block.place.x + 40, block.place.y + 8)
    hall_b = _column(view, DAY1, "Hall B")
    half_hour = round(30 * view.timetable.pixels_per_minute)
    _drag(
        view, start, QPoint(view.mapFromScene(QPointF(hall_b.x + 10, 0)).x(), start.y() + half_hour)
    )
    moved = sessions.get_session(ctx.db, coffee.id)
    assert (moved.room_id, moved.starts_at, moved.ends_at) == (
        None,
        dt.datetime(2021, 11, 25, 15, 0),
        dt.datetime(2021, 11, 25, 15, 30),
    )
    moved_block = view.block(coffee.id)
    assert moved_block is not None
    assert (moved_block.place.first_column, moved_block.place.last_column) == (0, 4)


@pytest.mark.parametrize(
    ("snap_minutes", "expected_end"), [(15, dt.time(15, 0)), (5, dt.time(15, 5))]
)
def test_dragging_the_bottom_edge_changes_the_end_on_the_chosen_grid(
    page: TimetablePage, ctx: AppContext, snap_minutes: int, expected_end: dt.time
) -> None:
    page.set_snap_minutes(snap_minutes)
    view = page.view
    before = _row(ctx, "S3")  # 13:00–14:30
    block = _block(view, ctx, "S3")
    edge = _point(
        view, block.place.x + block.place.width / 2, block.place.y + block.place.height - 2
    )
    stretch = round(33 * view.timetable.pixels_per_minute)  # to about 15:03
    _drag(view, edge, edge + QPoint(0, stretch))
    after = sessions.get_session(ctx.db, before.id)
    assert (after.room_id, after.starts_at) == (before.room_id, before.starts_at)  # kept
    assert after.ends_at == dt.datetime.combine(DAY1, expected_end)
    ctx.undo_stack.undo()
    assert sessions.get_session(ctx.db, before.id).ends_at == before.ends_at


def test_snap_changes_where_a_moved_block_lands(page: TimetablePage, ctx: AppContext) -> None:
    view = page.view
    before = _row(ctx, "S3")
    down = round(22 * view.timetable.pixels_per_minute)  # to about 13:22
    block = _block(view, ctx, "S3")
    start = _point(view, *_grab_point(block))
    page.set_snap_minutes(15)
    _drag(view, start, start + QPoint(0, down))
    assert sessions.get_session(ctx.db, before.id).starts_at == dt.datetime(2021, 11, 25, 13, 15)
    ctx.undo_stack.undo()
    page.set_snap_minutes(5)
    _drag(view, start, start + QPoint(0, down))
    assert sessions.get_session(ctx.db, before.id).starts_at == dt.datetime(2021, 11, 25, 13, 20)


def test_a_drag_back_to_where_it_started_changes_nothing(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    view = page.view
    block = _block(view, ctx, "S3")
    start = _point(view, *_grab_point(block))
    _press(view, start)
    _move_to(view, start, start + QPoint(200, 90))
    assert block.pos() != QPointF(block.place.x, block.place.y)  # it follows the mouse
    with qtbot.assertNotEmitted(view.move_requested):
        _move_to(view, start + QPoint(200, 90), start)
        _release(view, start)
    assert ctx.undo_stack.count() == 0
    assert block.pos() == QPointF(block.place.x, block.place.y)


def test_escape_cancels_a_drag_and_the_block_snaps_back(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    view = page.view
    before = _row(ctx, "S3")
    block = _block(view, ctx, "S3")
    home = block.pos()
    start = _point(view, *_grab_point(block))
    _press(view, start)
    _move_to(view, start, start + QPoint(-250, 120))
    assert block.pos() != home
    _key(view, Qt.Key.Key_Escape)
    assert block.pos() == home
    with qtbot.assertNotEmitted(view.move_requested):
        _move_to(view, start + QPoint(-250, 120), start + QPoint(-260, 150))
        _release(view, start + QPoint(-260, 150))
    assert block.pos() == home
    assert ctx.undo_stack.count() == 0
    assert sessions.get_session(ctx.db, before.id).starts_at == before.starts_at


def test_delete_unschedules_the_selected_block_and_undo_brings_it_back(
    page: TimetablePage, ctx: AppContext
) -> None:
    view = page.view
    s3 = _row(ctx, "S3")
    _click(view, _point(view, *_grab_point(_block(view, ctx, "S3"))))
    assert view.selected_session_ids() == [s3.id]
    _key(view, Qt.Key.Key_Delete)
    gone = sessions.get_session(ctx.db, s3.id)
    assert (gone.starts_at, gone.ends_at) == (None, None)
    assert view.block(s3.id) is None
    ctx.undo_stack.undo()
    back = sessions.get_session(ctx.db, s3.id)
    assert (back.room_id, back.starts_at, back.ends_at) == (s3.room_id, s3.starts_at, s3.ends_at)
    assert view.block(s3.id) is not None


def test_delete_with_several_selected_is_one_undo_step(
    page: TimetablePage, ctx: AppContext
) -> None:
    view = page.view
    s1, s3 = _row(ctx, "S1"), _row(ctx, "S3")
    _click(view, _point(view, *_grab_point(_block(view, ctx, "S1"))))
    _click(
        view,
        _point(view, *_grab_point(_block(view, ctx, "S3"))),
        Qt.KeyboardModifier.ControlModifier,
    )
    assert view.selected_session_ids() == [s1.id, s3.id]
    _key(view, Qt.Key.Key_Delete)
    assert [sessions.get_session(ctx.db, i).starts_at for i in (s1.id, s3.id)] == [None, None]
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert [sessions.get_session(ctx.db, i).starts_at for i in (s1.id, s3.id)] == [
        s1.starts_at,
        s3.starts_at,
    ]


def test_double_click_asks_to_open_the_session(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    view = page.view
    s3 = _row(ctx, "S3")
    point = _point(view, *_grab_point(_block(view, ctx, "S3")))
    with qtbot.waitSignal(page.open_session, timeout=1000) as blocker:
        _click(view, point)
        _mouse(view, QEvent.Type.MouseButtonDblClick, point, LEFT, LEFT)
        _release(view, point)
    assert blocker.args == [s3.id]
    assert ctx.undo_stack.count() == 0


def test_resting_on_a_block_shows_what_staff_ask_about(
    page: TimetablePage, ctx: AppContext
) -> None:
    view = page.view
    point = _point(view, *_grab_point(_block(view, ctx, "S3")))
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    )
    tip = QToolTip.text()
    for expected in (
        "S3",
        "Pharmaceuticals: Patent Protection",
        "discussion",
        "13:00–14:30",
        "Hall C",
        "Pharmaceuticals",
        "Волков Павел Геннадьевич",
        "80",
    ):
        assert expected in tip
    QToolTip.hideText()


# --- days and zoom ----------------------------------------------------------------------------


def _scheduled_ids(ctx: AppContext, day: dt.date) -> set[int]:
    return {
        s.id
        for s in sessions.list_sessions(ctx.db, ctx.event_id or 0)
        if s.starts_at is not None and s.starts_at.date() == day
    }


def test_the_day_selector_shows_only_that_days_sessions(
    page: TimetablePage, ctx: AppContext
) -> None:
    view = page.view
    assert [page.day_combo.itemData(i) for i in range(page.day_combo.count())] == [
        DAY1,
        DAY2,
        "all",
    ]
    assert {b.session_id for b in view.blocks()} == _scheduled_ids(ctx, DAY1)
    page.day_combo.setCurrentIndex(1)
    assert view.day == DAY2
    assert {b.session_id for b in view.blocks()} == _scheduled_ids(ctx, DAY2)
    assert {c.day for c in view.timetable.columns} == {DAY2}
    assert [c.name for c in view.timetable.columns] == [
        "Plenary Hall",
        "Hall A",
        "Hall B",
        "Hall C",
        "Hall D",
    ]


def test_all_days_puts_the_days_side_by_side(page: TimetablePage, ctx: AppContext) -> None:
    view = page.view
    page.day_combo.setCurrentIndex(page.day_combo.count() - 1)
    assert view.day is None
    assert {b.session_id for b in view.blocks()} == _scheduled_ids(ctx, DAY1) | _scheduled_ids(
        ctx, DAY2
    )
    first, second = view.timetable.day_spans
    assert (first.day, second.day) == (DAY1, DAY2)
    assert second.x >= first.x + first.width
    s8 = _block(view, ctx, "S8")  # day two
    assert s8.place.x >= second.x
    assert _block(view, ctx, "S3").place.x < second.x
    assert s8.place.y == view.timetable.y_for_minute(10 * 60)  # one clock for both days


def test_the_day_and_the_snap_are_remembered(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    page.set_day(DAY2)
    page.set_snap_minutes(5)
    assert int(QSettings().value(SNAP_KEY)) == 5
    again = TimetablePage(ctx)
    qtbot.addWidget(again)
    assert again.current_day == DAY2
    assert again.view.day == DAY2
    assert again.view.snap_minutes == 5
    assert again.snap_combo.currentData() == 5


def test_zoom_changes_block_heights(page: TimetablePage, ctx: AppContext) -> None:
    view = page.view
    height = _block(view, ctx, "S3").place.height
    zoom = view.pixels_per_minute
    page.zoom_in_button.click()
    assert view.pixels_per_minute > zoom
    taller = _block(view, ctx, "S3").place.height
    assert taller > height
    assert (taller + 1) / (height + 1) == pytest.approx(view.pixels_per_minute / zoom)
    page.zoom_out_button.click()
    page.zoom_out_button.click()
    assert _block(view, ctx, "S3").place.height < height


def test_ctrl_wheel_zooms(page: TimetablePage) -> None:
    view = page.view
    zoom = view.pixels_per_minute
    point = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        point,
        QPointF(view.viewport().mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        NO_BUTTON,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.pixels_per_minute > zoom


# --- the unscheduled dock ---------------------------------------------------------------------


def _drag_event(kind: type[QDragMoveEvent], point: QPoint, mime: object) -> QDragMoveEvent:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    try:
        return kind(QPointF(point), actions, mime, LEFT, NO_MODIFIER)  # type: ignore[arg-type]
    except TypeError:  # PySide6 before 6.12 only takes a QPoint (deprecated since)
        return kind(point, actions, mime, LEFT, NO_MODIFIER)  # type: ignore[arg-type]


def _drop(view: TimetableView, point: QPoint, mime: object) -> None:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    viewport = view.viewport()
    enter = _drag_event(QDragEnterEvent, point, mime)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = _drag_event(QDragMoveEvent, point, mime)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(point), actions, mime, LEFT, NO_MODIFIER)  # type: ignore[arg-type]
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    assert drop.dropAction() == Qt.DropAction.CopyAction


def test_dropping_from_the_unscheduled_dock_schedules_for_an_hour(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    workshop = sessions.create_session(ctx.db, ctx.event_id or 0, "Border workshop", code="W1")
    ctx.notify({SESSIONS})
    dock = UnscheduledDock(ctx)
    qtbot.addWidget(dock)
    assert [dock.model.row_at(r).id for r in range(dock.model.rowCount())] == [workshop.id]
    mime = dock.proxy.mimeData([dock.proxy.index(0, 0)])

    view = page.view
    hall_d = _column(view, DAY1, "Hall D")
    _drop(view, _point(view, hall_d.x + 30, view.timetable.y_for_minute(15 * 60 + 4)), mime)

    placed = sessions.get_session(ctx.db, workshop.id)
    assert (placed.room_name, placed.starts_at, placed.ends_at) == (
        "Hall D",
        dt.datetime(2021, 11, 25, 15, 0),
        dt.datetime(2021, 11, 25, 16, 0),
    )
    assert dock.model.rowCount() == 0
    assert view.selected_session_ids() == [workshop.id]
    ctx.undo_stack.undo()
    assert sessions.get_session(ctx.db, workshop.id).starts_at is None
    assert dock.model.rowCount() == 1


def test_dropping_several_puts_them_one_after_another(
    page: TimetablePage, ctx: AppContext, qtbot: QtBot
) -> None:
    first = sessions.create_session(ctx.db, ctx.event_id or 0, "First", code="W1")
    second = sessions.create_session(ctx.db, ctx.event_id or 0, "Second", code="W2")
    ctx.notify({SESSIONS})
    dock = UnscheduledDock(ctx)
    qtbot.addWidget(dock)
    mime = dock.proxy.mimeData([dock.proxy.index(1, 0), dock.proxy.index(0, 0)])
    view = page.view
    hall_d = _column(view, DAY1, "Hall D")
    _drop(view, _point(view, hall_d.x + 30, view.timetable.y_for_minute(15 * 60)), mime)
    starts = [sessions.get_session(ctx.db, s.id).starts_at for s in (first, second)]
    assert starts == [dt.datetime(2021, 11, 25, 15, 0), dt.datetime(2021, 11, 25, 16, 0)]
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert [sessions.get_session(ctx.db, s.id).starts_at for s in (first, second)] == [None, None]


def test_the_dock_filters_and_opens_on_double_click(ctx: AppContext, qtbot: QtBot) -> None:
    event_id = ctx.event_id or 0
    sessions.create_session(ctx.db, event_id, "Border workshop", code="W1")
    other = sessions.create_session(ctx.db, event_id, "Media briefing", code="W2")
    dock = UnscheduledDock(ctx)
    qtbot.addWidget(dock)
    assert dock.proxy.rowCount() == 2
    assert dock.count_label.text() == "2 session(s) to place"
    dock.filter_edit.setText("media")
    assert dock.proxy.rowCount() == 1
    with qtbot.waitSignal(dock.open_session, timeout=1000) as blocker:
        dock.list_view.doubleClicked.emit(dock.proxy.index(0, 0))
    assert blocker.args == [other.id]


def test_the_unscheduled_model_passes_the_model_tester(
    ctx: AppContext, qtmodeltester: object
) -> None:
    event_id = ctx.event_id or 0
    sessions.create_session(ctx.db, event_id, "Border workshop", code="W1")
    sessions.create_session(ctx.db, event_id, "Media briefing")
    model = UnscheduledListModel()
    model.set_rows(sessions.list_sessions(ctx.db, event_id, scheduled=False))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    assert Qt.ItemFlag.ItemIsDragEnabled in model.flags(model.index(0, 0))
    assert {model.data(model.index(r, 0)) for r in range(2)} == {
        "W1 — Border workshop",
        "Media briefing",
    }


# --- drawing ----------------------------------------------------------------------------------


def test_titles_wrap_into_the_lines_there_are() -> None:
    metrics = QFontMetricsF(QApplication.font())
    title = "Intellectual Property on the Internet and on Marketplaces"
    width = metrics.horizontalAdvance("Intellectual Property")
    assert wrap_lines(title, metrics, width, 0) == []
    one = wrap_lines(title, metrics, width, 1)
    assert len(one) == 1 and one[0].startswith("Intellectual") and one[0].endswith("…")
    two = wrap_lines(title, metrics, width, 2)
    assert two[0] == "Intellectual Property" and two[1].endswith("…")
    assert " ".join(wrap_lines(title, metrics, width, 10)) == title
    for line in wrap_lines(title, metrics, width, 3):
        assert metrics.horizontalAdvance(line) <= width
    narrow = wrap_lines(title, metrics, 30, 4)  # narrower than most words: each one elided
    assert len(narrow) == 4 and all(metrics.horizontalAdvance(line) <= 30 for line in narrow)


@pytest.mark.parametrize("zoom_steps", [-3, 0, 3])
def test_block_text_stays_inside_its_block(
    page: TimetablePage, ctx: AppContext, zoom_steps: int
) -> None:
    event_id = ctx.event_id or 0
    for code, start, minutes in (("Q1", 9 * 60, 30), ("Q2", 9 * 60, 15), ("Q3", 8 * 60, 45)):
        sessions.create_session(
            ctx.db,
            event_id,
            "A long title about counterfeit goods crossing the border "
            "and what customs can do about it",
            code=code,
            room_id=page.rooms[-1].id,
            starts_at=dt.datetime.combine(DAY2, dt.time()) + dt.timedelta(minutes=start),
            ends_at=dt.datetime.combine(DAY2, dt.time()) + dt.timedelta(minutes=start + minutes),
        )
    ctx.notify({SESSIONS})
    view = page.view
    page.set_day(None)
    for _ in range(abs(zoom_steps)):
        (view.zoom_in if zoom_steps > 0 else view.zoom_out)()
    page.grab()  # paints every block, laying out its text
    for block in view.blocks():
        lines = block._lay_out_text()
        rect = block.boundingRect()
        for font, _color, point, text in lines:
            metrics = QFontMetricsF(font)
            assert point.y() - metrics.ascent() >= rect.top() - 0.5, text
            assert point.y() + metrics.descent() <= rect.bottom() + 0.5, text
            assert point.x() + metrics.horizontalAdvance(text) <= rect.right() + 0.5, text
        if block.place.height >= 40:
            assert any(block.row.title.split()[0] in text for *_rest, text in lines)


def test_a_cancelled_session_keeps_its_block_struck_through(
    page: TimetablePage, ctx: AppContext
) -> None:
    row = _row(ctx, "S3")
    assert ctx.run(cancel_session(ctx, row, True))
    page.reload()
    block = _block(page.view, ctx, "S3")
    texts = block._lay_out_text()
    assert texts and all(font.strikeOut() for font, _color, _point, _text in texts)
    other = _block(page.view, ctx, "S4")._lay_out_text()
    assert other and not any(font.strikeOut() for font, _color, _point, _text in other)
