"""The day's hours dialog (forumdesk.ui.day_hours_dialog): quarter-hour steps, a day that ends
before it starts refused with a plain message, and the hours remembered for each event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, QTime
from PySide6.QtWidgets import QDialog, QTimeEdit
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import events, sessions, venue
from forumdesk.ui.day_hours_dialog import (
    DAY_HOURS_KEY,
    DayHoursDialog,
    remember_day_hours,
    remembered_day_hours,
)

T = dt.time


def test_a_day_that_does_not_start_before_it_ends_is_refused_with_a_plain_message(
    qtbot: QtBot,
) -> None:
    dialog = DayHoursDialog((T(9), T(18)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert (dialog.from_edit.text(), dialog.to_edit.text()) == ("09:00", "18:00")
    dialog.from_edit.setTime(QTime(18, 0))
    dialog.to_edit.setTime(QTime(9, 0))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "The day must start before it ends: 18:00 to 09:00 is not a day."
    )
    dialog.to_edit.setTime(QTime(18, 0))  # the same time is no day either
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()

    dialog.from_edit.setTime(QTime(8, 30))
    assert not dialog.error_label.isVisible()  # the message goes once the hours change
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.hours() == (T(8, 30), T(18))


def test_the_minutes_step_by_a_quarter_hour_and_a_typed_time_is_rounded_to_one(
    qtbot: QtBot,
) -> None:
    dialog = DayHoursDialog((T(9), T(18)))
    qtbot.addWidget(dialog)
    edit = dialog.from_edit
    edit.setCurrentSection(QTimeEdit.Section.MinuteSection)
    edit.stepBy(1)
    assert edit.text() == "09:15"
    edit.stepBy(-2)
    assert edit.text() == "08:45"
    edit.setCurrentSection(QTimeEdit.Section.HourSection)
    edit.stepBy(1)
    assert edit.text() == "09:45"
    edit.setTime(QTime(10, 8))
    edit.editingFinished.emit()
    assert edit.text() == "10:15"


def test_the_hours_are_remembered_for_each_event_of_each_database(db: Database) -> None:
    event = events.create_event(db, "Forum", "2021-11-25")
    other = events.create_event(db, "Other", "2021-11-25")
    room = venue.add_room(db, other.id, "Hall", 100)
    sessions.create_session(
        db,
        other.id,
        "Late plenary",
        room_id=room.id,
        starts_at=dt.datetime(2021, 11, 25, 17),
        ends_at=dt.datetime(2021, 11, 25, 19, 30),
    )
    assert remembered_day_hours(db, event.id) == (T(9), T(18))  # nothing chosen: its own day
    assert remembered_day_hours(db, other.id) == (T(9), T(19, 30))
    remember_day_hours(db, event.id, (T(8), T(17)))
    assert remembered_day_hours(db, event.id) == (T(8), T(17))
    assert remembered_day_hours(db, other.id) == (T(9), T(19, 30))
    # a damaged setting gives the event's own day back
    (key,) = [k for k in QSettings().allKeys() if k.startswith(DAY_HOURS_KEY)]
    QSettings().setValue(key, "soon-later")
    assert remembered_day_hours(db, event.id) == (T(9), T(18))
