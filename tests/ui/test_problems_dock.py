"""The Problems dock: checks after changes, accepting with undo, jumping to a session, marks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import Role
from forumdesk.core.rows import Placement, SessionRow
from forumdesk.db.engine import Database
from forumdesk.scheduling.checker import ProblemKind, Severity
from forumdesk.services import assignments, problems, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.commands.placement import PlaceSessionCommand
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.problem_marks import ERROR_INK
from forumdesk.ui.problems import (
    HOLD_AT_MOST_MS,
    AcceptProblemCommand,
    ProblemsDock,
    ProblemsTreeModel,
    count_text,
)
from tests.ui.prompts import ScriptedPrompts

CLASH_KEY = "room_double_booked:{0},{1}"


def _window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    if window.ctx.current_event is not None:  # the first check runs once the loop turns
        qtbot.waitUntil(lambda: bool(window.problems_label.text()))
    return window


def _dock(window: MainWindow) -> ProblemsDock:
    return window.problems_dock


def _by_code(db: Database, event_id: int) -> dict[str, SessionRow]:
    return {row.code: row for row in sessions.list_sessions(db, event_id) if row.code}


def _place(qtbot: QtBot, window: MainWindow, row: SessionRow, placement: Placement) -> None:
    dock = _dock(window)
    with qtbot.waitSignal(dock.checked, timeout=3000):
        assert window.ctx.run(
            PlaceSessionCommand(window.ctx, "Move", row.id, placement, row.version)
        )


def _move_s2_onto_s1(
    qtbot: QtBot, window: MainWindow, db: Database
) -> tuple[SessionRow, SessionRow]:
    rows = _by_code(db, window.ctx.event_id)  # type: ignore[arg-type]
    s1, s2 = rows["S1"], rows["S2"]
    _place(qtbot, window, s2, Placement(s1.room_id, s1.starts_at, s1.ends_at))
    return s1, s2


def test_a_starting_window_paints_before_it_checks(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    painted_when_checked: list[bool] = []
    _dock(window).checked.connect(lambda: painted_when_checked.append(window._painted))
    qtbot.wait(50)  # the event loop turns before the window is shown: nothing is checked yet
    assert painted_when_checked == []
    window.show()
    qtbot.waitUntil(lambda: bool(painted_when_checked))
    assert painted_when_checked == [True]
    found = [r for r in problems.check_event(db, demo.event.id) if not r.accepted]
    assert found and _dock(window).counts() == (
        sum(r.severity == Severity.ERROR for r in found),
        sum(r.severity == Severity.WARNING for r in found),
    )
    assert window.problems_label.text()


def test_a_window_that_is_never_painted_is_checked_all_the_same(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)  # never shown, as when started minimised
    with qtbot.waitSignal(_dock(window).checked, timeout=HOLD_AT_MOST_MS + 2000):
        pass
    assert not window._painted
    assert _dock(window).all_rows  # the demo's own warning is there


def test_a_room_clash_shows_under_errors_and_in_the_status_bar(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock, model = _dock(window), _dock(window).model
    assert window.problems_label.text() == "0 errors, 1 warning"
    assert not model.group_index(Severity.ERROR).isValid()

    s1, s2 = _move_s2_onto_s1(qtbot, window, db)
    errors_group = model.group_index(Severity.ERROR)
    assert errors_group.isValid() and errors_group.row() == 0
    assert model.data(errors_group).startswith("Errors (1)")
    clash_group = model.group_index(Severity.ERROR, ProblemKind.ROOM_DOUBLE_BOOKED)
    assert clash_group.parent() == errors_group
    problem = model.problem(model.index(0, 0, clash_group))
    assert problem is not None
    assert problem.key == CLASH_KEY.format(s1.id, s2.id)
    assert "Hall A is booked twice" in problem.message
    assert model.data(model.index(0, 1, clash_group)) == "S1, S2"
    assert window.problems_label.text() == "1 error, 1 warning"
    assert dock.counts() == (1, 1)
    assert not prompts.warnings


def test_one_recheck_for_a_burst_of_changes(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock = _dock(window)
    checks: list[int] = []
    dock.checked.connect(lambda: checks.append(1))
    for _ in range(5):
        window.ctx.notify({"sessions"})
    qtbot.waitUntil(lambda: bool(checks), timeout=3000)
    qtbot.wait(20)  # let any further queued re-check run (none is expected)
    assert len(checks) == 1


def test_accepting_with_a_note_hides_it_and_undo_brings_it_back(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock, model = _dock(window), _dock(window).model
    s1, s2 = _move_s2_onto_s1(qtbot, window, db)
    key = CLASH_KEY.format(s1.id, s2.id)
    prompts.write_notes("Joint session")
    assert dock.select_problem(key)
    assert dock.accept_button.isEnabled() and not dock.unaccept_button.isEnabled()

    with qtbot.waitSignal(dock.checked, timeout=3000):
        qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    [asked] = prompts.shown
    assert asked.kind == "note" and asked.parent is dock and "booked twice" in asked.text
    stored = {row.key: row for row in problems.check_event(db, demo.event.id)}
    assert stored[key].accepted and stored[key].accepted_note == "Joint session"
    assert not model.index_of(key).isValid()  # hidden while "show accepted" is off
    assert dock.counts() == (0, 1)
    assert window.problems_label.text() == "0 errors, 1 warning"
    assert window.problem_marks.outlines.severity.get(s2.id) is None

    dock.show_accepted_check.setChecked(True)
    index = model.index_of(key)
    assert index.isValid()
    assert model.data(index.siblingAtColumn(2)) == "Joint session"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None

    with qtbot.waitSignal(dock.checked, timeout=3000):
        window.ctx.undo_stack.undo()
    assert not problems.check_event(db, demo.event.id)[0].accepted
    assert dock.counts() == (1, 1)
    assert window.problems_label.text() == "1 error, 1 warning"
    with qtbot.waitSignal(dock.checked, timeout=3000):
        window.ctx.undo_stack.redo()
    assert dock.counts() == (0, 1)


def test_unaccepting_is_undoable_too(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock = _dock(window)
    s1, s2 = _move_s2_onto_s1(qtbot, window, db)
    key = CLASH_KEY.format(s1.id, s2.id)
    prompts.write_notes("Shared")
    dock.show_accepted_check.setChecked(True)
    dock.select_problem(key)
    with qtbot.waitSignal(dock.checked, timeout=3000):
        assert dock.accept_selected()
    dock.select_problem(key)
    assert dock.unaccept_button.isEnabled()
    with qtbot.waitSignal(dock.checked, timeout=3000):
        qtbot.mouseClick(dock.unaccept_button, Qt.MouseButton.LeftButton)
    assert problems.list_acceptances(db, demo.event.id) == []
    assert dock.counts() == (1, 1)
    with qtbot.waitSignal(dock.checked, timeout=3000):
        window.ctx.undo_stack.undo()
    [restored] = problems.list_acceptances(db, demo.event.id)
    assert restored.note == "Shared"
    assert dock.counts() == (0, 1)


def test_a_cancelled_note_accepts_nothing(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock = _dock(window)
    s1, s2 = _move_s2_onto_s1(qtbot, window, db)
    prompts.write_notes(None)
    dock.select_problem(CLASH_KEY.format(s1.id, s2.id))
    assert not dock.accept_selected()
    assert problems.list_acceptances(db, demo.event.id) == []
    assert window.ctx.undo_stack.count() == 1  # only the move


def test_an_accepted_problem_comes_back_when_its_facts_change(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock = _dock(window)
    s1, s2 = _move_s2_onto_s1(qtbot, window, db)
    key = CLASH_KEY.format(s1.id, s2.id)
    prompts.write_notes("Fine for now")
    dock.select_problem(key)
    with qtbot.waitSignal(dock.checked, timeout=3000):
        assert dock.accept_selected()
    assert dock.counts() == (0, 1)

    # still overlapping S1 in Hall A, but half an hour later: not what was accepted
    later = dt.timedelta(minutes=30)
    assert s1.starts_at is not None and s1.ends_at is not None
    _place(qtbot, window, s2, Placement(s1.room_id, s1.starts_at + later, s1.ends_at + later))
    index = dock.model.index_of(key)
    assert index.isValid()
    row = dock.model.problem(index)
    assert row is not None and not row.accepted
    # and it now runs into the 14:30 coffee break, which is for all rooms: a warning of its own
    assert dock.counts() == (1, 2)
    assert window.problems_label.text() == "1 error, 2 warnings"


def test_double_click_selects_the_session_on_its_day(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock, page = _dock(window), window.timetable_page
    # the warning of the demo is about S10, on the second day; show the first day
    page.set_day(demo.event.first_day)
    window.show_page(window.people_page)
    s10 = _by_code(db, demo.event.id)["S10"]
    warning = dock.model.group_index(Severity.WARNING, ProblemKind.NOT_REGISTERED)
    index = dock.model.index(0, 0, warning)
    assert dock.model.problem(index).session_ids == (s10.id,)  # type: ignore[union-attr]
    dock.show()
    dock.raise_()
    dock.tree.scrollTo(index)
    point = dock.tree.visualRect(index).center()
    with qtbot.waitSignal(window.ctx.session_selected, timeout=3000) as selected:
        qtbot.mouseDClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert selected.args == [s10.id]
    assert window.tabs.currentWidget() is page
    assert page.current_day == s10.starts_at.date()  # type: ignore[union-attr]
    assert page.view.selected_session_ids() == [s10.id]
    assert window.details_dock.session_id == s10.id


def test_problem_sessions_are_outlined_and_explained(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    page, marks = window.timetable_page, window.problem_marks
    page.set_day(demo.event.first_day)
    s1, s2 = _move_s2_onto_s1(qtbot, window, db)
    s10 = _by_code(db, demo.event.id)["S10"]  # the demo's own warning
    assert marks.outlines.severity == {
        s1.id: Severity.ERROR,
        s2.id: Severity.ERROR,
        s10.id: Severity.WARNING,
    }
    outlined = marks.outlines.outlined()
    block = page.view.block(s1.id)
    assert block is not None and outlined[s1.id] == block.sceneBoundingRect()
    assert "booked twice" in marks.tooltip(block)
    other = page.view.block(_by_code(db, demo.event.id)["S3"].id)
    assert other is not None and "booked twice" not in marks.tooltip(other)

    # the outline is drawn: red pixels along the block's left edge
    image = page.view.viewport().grab().toImage()
    edge = page.view.mapFromScene(block.sceneBoundingRect().topLeft()) + QPoint(2, 30)
    color = image.pixelColor(edge)
    assert color.red() > 150 and color.green() < 120, color.name()
    assert ERROR_INK.red() > 150

    # a day switch makes new blocks; the outlines follow without a re-check
    page.set_day(dt.date(2021, 11, 26))
    assert set(marks.outlines.outlined()) == {s10.id}
    page.set_day(demo.event.first_day)
    assert set(marks.outlines.outlined()) == {s1.id, s2.id}


def test_a_dragged_session_shades_where_its_people_are_busy(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    rows = _by_code(db, demo.event.id)
    s1, s5 = rows["S1"], rows["S5"]
    moderator = next(a for a in assignments.session_people(db, s5.id) if a.role == Role.MODERATOR)
    before = problems.busy_spans(db, s1.id)
    assert not any(moderator.display_name in s.reason for s in before)
    assignments.assign_people(db, s1.id, [moderator.person_id], Role.SPEAKER, expected_version=None)
    spans = problems.busy_spans(db, s1.id)
    [clash] = [s for s in spans if s.reason.startswith("S5: ")]
    assert (clash.starts_at, clash.ends_at) == (s5.starts_at, s5.ends_at)
    assert clash.severity == Severity.ERROR
    assert moderator.display_name in clash.reason
    assert len({(s.starts_at, s.ends_at, s.reason) for s in spans}) == len(spans)

    marks = window.problem_marks
    marks.drag_started(s1.id)
    assert marks.shading.spans == spans
    assert marks.shading.band_rects()  # on the shown days
    marks.drag_ended()
    assert marks.shading.spans == []


def test_a_real_drag_turns_the_shading_on_and_off(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    page, marks = window.timetable_page, window.problem_marks
    page.set_day(demo.event.first_day)
    s1 = _by_code(db, demo.event.id)["S1"]
    block = page.view.block(s1.id)
    assert block is not None
    seen: list[int | None] = []
    original = marks.drag_started

    def spy(session_id: int) -> None:
        seen.append(session_id)
        original(session_id)

    marks.drag_started = spy
    viewport: QWidget = page.view.viewport()
    start = page.view.mapFromScene(block.sceneBoundingRect().center())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + QPoint(0, 8 * step))
    assert seen == [s1.id] and marks.dragged == s1.id
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
    assert marks.dragged is None and marks.shading.spans == []


def test_the_accept_command_on_its_own(
    db: Database, demo: DemoResult, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    [warning] = problems.check_event(db, demo.event.id)
    command = AcceptProblemCommand(window.ctx, demo.event.id, [warning], "Guest of honour")
    assert window.ctx.run(command)
    assert problems.check_event(db, demo.event.id)[0].accepted
    window.ctx.undo_stack.undo()
    assert problems.list_acceptances(db, demo.event.id) == []
    window.ctx.undo_stack.redo()
    assert problems.check_event(db, demo.event.id)[0].accepted_note == "Guest of honour"


def test_the_view_menu_and_the_status_label_raise_the_dock(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, db, prompts)
    dock = _dock(window)
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    assert dock.toggleViewAction() in view_menu.actions()
    assert window.tabifiedDockWidgets(window.details_dock).count(dock) == 1
    dock.toggleViewAction().trigger()  # hide
    assert not dock.isVisible()
    qtbot.mouseClick(window.problems_label, Qt.MouseButton.LeftButton)
    assert dock.isVisible()


def test_the_tree_model_passes_the_model_tester(
    qtmodeltester: object,
    db: Database,
    demo: DemoResult,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
) -> None:
    window = _window(qtbot, db, prompts)
    _move_s2_onto_s1(qtbot, window, db)
    model = ProblemsTreeModel()
    model.set_rows(problems.check_event(db, demo.event.id))
    assert model.rowCount() == 2
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_rows([])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_counts_read_as_english_sentences() -> None:
    assert count_text(2, 5) == "2 errors, 5 warnings"
    assert count_text(1, 0) == "1 error, 0 warnings"
    assert count_text(0, 0) == "No problems"


def test_the_note_dialog_wraps_a_long_problem_to_a_sensible_width(
    qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    """Issue 14 item 10: the real prompt, not the scripted one, answered by typing and OK."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from forumdesk.ui.note_dialog import NoteDialog
    from forumdesk.ui.prompts import Prompts

    message = (
        "Hall A is booked twice: S1 Illegal Turnover of Industrial Products: Scale, Risks and "
        "Countermeasures (13:00–14:30) and S2 Intellectual Property on the Internet and on "
        "Marketplaces (13:00–14:30) on Thu 25.11"
    )
    seen: dict[str, int] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog)
        seen["width"] = dialog.width()
        seen["label_height"] = dialog.label.height()
        seen["line"] = dialog.label.fontMetrics().lineSpacing()
        qtbot.keyClicks(dialog.text_edit, "Joint session")
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, answer)
    note = Prompts().note(None, "Accept problem", f"Why is this acceptable?\n{message}")
    assert note == "Joint session"
    assert 300 < seen["width"] <= 800  # not 1,749 px
    assert seen["label_height"] >= 3 * seen["line"]  # the problem wraps onto several lines


def test_with_accepted_shown_messages_keep_the_docks_width_and_headings_are_whole(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    """Issue 14 item 10: "Show accepted" squeezed messages beside a note column."""
    window = _window(qtbot, db, prompts)
    window.resize(1366, 768)
    dock = _dock(window)
    dock.show()
    dock.raise_()
    s1, s2 = _move_s2_onto_s1(qtbot, window, db)
    prompts.write_notes("Joint session of the two halls, agreed with both moderators")
    assert dock.select_problem(CLASH_KEY.format(s1.id, s2.id))
    with qtbot.waitSignal(dock.checked, timeout=3000):
        qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    dock.show_accepted_check.setChecked(True)
    qtbot.wait(50)
    tree, model = dock.tree, dock.model
    viewport = tree.viewport().width()
    assert tree.columnWidth(0) >= viewport - 2  # the message has the whole width
    assert not tree.horizontalScrollBar().isVisible()
    index = model.index_of(CLASH_KEY.format(s1.id, s2.id))
    assert "Joint session of the two halls" in str(index.data())  # the note, under the message
    metrics = tree.fontMetrics()
    parents = [model.index(r, 0) for r in range(model.rowCount())]
    headings = parents + [model.index(r, 0, p) for p in parents for r in range(model.rowCount(p))]
    for heading in headings:
        if model.problem(heading) is not None:
            continue
        rect = tree.visualRect(heading)
        bold = metrics.boundingRect(str(heading.data())).width()
        assert rect.width() >= bold or rect.height() >= 2 * metrics.lineSpacing(), heading.data()
