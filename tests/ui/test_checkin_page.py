"""The Check-in page at the door: a simulated USB scanner (keystrokes ending in Enter), repeated
scans, a stranger's code, a name typed and picked, registering on the spot, undo; then the
database is asked through the services."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from forumdesk.core.enums import RegistrationStatus
from forumdesk.db.engine import Database
from forumdesk.services import assignments, checkin, people, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui.checkin_page import CheckInPage
from forumdesk.ui.context import AppContext
from tests.ui.prompts import ScriptedPrompts
from tests.ui.test_people_page import type_text


@pytest.fixture
def ctx(qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts) -> AppContext:
    context = AppContext(db, prompts=prompts)
    context.set_event(demo.event)
    return context


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> CheckInPage:
    shown = CheckInPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _registered(db: Database, event_id: int) -> list[int]:
    return [
        row.person_id
        for row in assignments.event_registrations(db, event_id)
        if row.status is not RegistrationStatus.CANCELLED
    ]


def _scan(qtbot: QtBot, page: CheckInPage, code: str, *, wait: bool = True) -> None:
    """What a USB scanner does: types the code a key at a time, then presses Enter; then (with
    `wait`) until the scanning thread's answer is shown."""
    page.scan_edit.setFocus()
    qtbot.keyClicks(page.scan_edit, code)
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    if wait:
        qtbot.waitUntil(lambda: page.pending == 0)


def _arrived_today(db: Database, event_id: int) -> int:
    return checkin.arrivals_on(db, event_id, checkin.today_for(db, event_id))[0]


def test_scans_mark_arrivals_once_and_say_so_large(
    qtbot: QtBot, page: CheckInPage, ctx: AppContext, db: Database
) -> None:
    event_id = ctx.event_id
    assert event_id is not None
    first, second = _registered(db, event_id)[:2]
    codes = checkin.checkin_codes(db, event_id, [first, second])
    name = people.get_person(db, first).display_name

    _scan(qtbot, page, codes[first])

    assert name in page.feedback_label.text()
    assert "Welcome" in page.feedback_label.text()
    assert page.scan_edit.text() == ""  # ready for the next badge
    assert _arrived_today(db, event_id) == 1

    _scan(qtbot, page, codes[second])
    _scan(qtbot, page, codes[first])  # the same badge again

    assert "Already checked in at" in page.feedback_label.text()
    assert name in page.feedback_label.text()
    assert _arrived_today(db, event_id) == 2
    assert "Arrived today: 2 of" in page.totals_label.text()
    assert ctx.undo_stack.count() == 2  # the repeated scan left no step

    ctx.undo_stack.undo()
    assert _arrived_today(db, event_id) == 1
    assert "Arrived today: 1 of" in page.totals_label.text()
    ctx.undo_stack.redo()
    assert _arrived_today(db, event_id) == 2


def test_an_unknown_code_says_so_and_marks_nothing(
    qtbot: QtBot, page: CheckInPage, ctx: AppContext, db: Database
) -> None:
    event_id = ctx.event_id
    assert event_id is not None
    person = _registered(db, event_id)[0]
    code = checkin.checkin_code(db, event_id, person)
    bad = code[:-1] + ("A" if code[-1] != "A" else "B")

    _scan(qtbot, page, bad)

    assert "not a badge of this event" in page.feedback_label.text()
    assert not page.register_button.isVisible()
    assert _arrived_today(db, event_id) == 0
    assert ctx.undo_stack.count() == 0


def test_someone_not_registered_is_offered_registration(
    qtbot: QtBot, page: CheckInPage, ctx: AppContext, db: Database
) -> None:
    event_id = ctx.event_id
    assert event_id is not None
    walk_in = people.create_person(db, "Сейткали", "Алия", organization="Kaspi").id
    code = checkin.checkin_code(db, event_id, walk_in)

    _scan(qtbot, page, code)

    assert "Not registered" in page.feedback_label.text()
    assert page.register_button.isVisible()
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)

    assert walk_in in _registered(db, event_id)
    assert _arrived_today(db, event_id) == 1
    assert ctx.undo_stack.count() == 1  # registering and checking in: one step
    ctx.undo_stack.undo()
    assert walk_in not in _registered(db, event_id)
    assert _arrived_today(db, event_id) == 0


def test_typing_a_name_shows_matches_and_enter_picks_one(
    qtbot: QtBot, page: CheckInPage, ctx: AppContext, db: Database
) -> None:
    event_id = ctx.event_id
    assert event_id is not None
    person = people.get_person(db, _registered(db, event_id)[0])
    typed = person.family_name[:5]

    page.scan_edit.setFocus()
    type_text(qtbot, page.scan_edit, typed)

    assert page.matches_list.isVisible()
    shown = [page.matches_list.item(n).text() for n in range(page.matches_list.count())]
    assert any(person.display_name in line for line in shown)
    row = next(n for n, line in enumerate(shown) if person.display_name in line)
    for _ in range(row):
        qtbot.keyClick(page.scan_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.pending == 0)

    assert person.display_name in page.feedback_label.text()
    assert _arrived_today(db, event_id) == 1
    assert not page.matches_list.isVisible()


def test_scans_wait_off_the_window_while_another_desk_holds_the_database(
    qtbot: QtBot, page: CheckInPage, ctx: AppContext, db: Database, db_path: Path
) -> None:
    event_id = ctx.event_id
    assert event_id is not None
    first, second = _registered(db, event_id)[:2]
    codes = checkin.checkin_codes(db, event_id, [first, second])
    other_desk = sqlite3.connect(db_path, isolation_level=None)
    other_desk.execute("BEGIN IMMEDIATE")  # another desk's import holds the write lock
    try:
        _scan(qtbot, page, codes[first], wait=False)
        _scan(qtbot, page, codes[second], wait=False)
        # the window took both scans and is ready for the next: nothing stored yet
        assert page.pending == 2 and page.scan_edit.text() == ""
        qtbot.waitUntil(page.pending_label.isVisible)
        assert "database is busy" in page.pending_label.text()
        assert _arrived_today(db, event_id) == 0
        type_text(qtbot, page.scan_edit, "ab")  # typing goes on meanwhile
        assert page.scan_edit.text() == "ab"
    finally:
        other_desk.execute("COMMIT")
        other_desk.close()
    qtbot.waitUntil(lambda: page.pending == 0)

    assert _arrived_today(db, event_id) == 2
    assert not page.pending_label.isVisible()
    # the second scan's answer is the last one shown, and each is its own undo step
    assert people.get_person(db, second).display_name in page.feedback_label.text()
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    assert _arrived_today(db, event_id) == 1


def test_a_session_chosen_counts_arrivals_against_its_seats(
    qtbot: QtBot, page: CheckInPage, ctx: AppContext, db: Database
) -> None:
    event_id = ctx.event_id
    assert event_id is not None
    talk = next(
        row
        for row in sessions.list_sessions(db, event_id, scheduled=True)
        if row.room_id is not None and row.kind.value == "discussion"
    )
    page.scope_combo.setCurrentIndex(page.scope_combo.findData(talk.id))
    person = _registered(db, event_id)[0]

    _scan(qtbot, page, checkin.checkin_code(db, event_id, person))

    assert talk.starts_at is not None
    counts = checkin.session_counts(db, event_id, talk.starts_at.date())
    assert next(c.arrived for c in counts if c.session_id == talk.id) == 1
    model = page.counts_model
    row = next(n for n in range(model.rowCount()) if talk.title in str(model.index(n, 1).data()))
    assert str(model.index(row, 3).data()).startswith("1")
    assert _arrived_today(db, event_id) == 0  # a session's arrival is not the day's


def test_the_counts_model_passes_the_model_tester(qtmodeltester, page: CheckInPage) -> None:  # type: ignore[no-untyped-def]
    page.scope_combo.setCurrentIndex(1)
    qtmodeltester.check(page.counts_model)


def test_attendance_is_exported_where_chosen(
    qtbot: QtBot,
    page: CheckInPage,
    ctx: AppContext,
    db: Database,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    event_id = ctx.event_id
    assert event_id is not None
    person = _registered(db, event_id)[0]
    _scan(qtbot, page, checkin.checkin_code(db, event_id, person))
    prompts.choose_files(tmp_path / "arrivals.csv")

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    written = (tmp_path / "arrivals.csv").read_text(encoding="utf-8-sig")
    assert people.get_person(db, person).display_name in written
    assert (tmp_path / "arrivals.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # excel flavour
