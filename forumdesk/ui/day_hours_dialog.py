"""The day's hours automatic placement keeps to: asked before placing, remembered per event.

Place unscheduled sessions… first asks "Day from [09:00] to [18:00]", prefilled with the hours
last chosen for the event, else the event's own day (forumdesk.services.day_hours: the placed
sessions' earliest start to latest end, never narrower than 09:00–18:00). Suggest a slot asks
nothing and uses the same hours. The hours are remembered in QSettings for each event of each
database, as the export options are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from forumdesk.db.engine import Database
from forumdesk.services.day_hours import default_day_hours

DAY_HOURS_KEY = "placement/day_hours"
QUARTER = 15  # minutes: the hours go in quarter hours, as the timetable's grid does
ERROR_STYLE = "color: #B00020;"

DayHours = tuple[dt.time, dt.time]


def _key(db: Database, event_id: int) -> str:
    """One event's key: its database and id (two databases have events with the same id)."""
    digest = hashlib.sha1(f"{db.location}\n{event_id}".encode()).hexdigest()[:16]
    return f"{DAY_HOURS_KEY}/{digest}"


def _parse(stored: object) -> DayHours | None:
    if not isinstance(stored, str):
        return None
    try:
        starts, ends = (dt.datetime.strptime(part, "%H:%M").time() for part in stored.split("-"))
    except ValueError:
        return None
    return (starts, ends) if starts < ends else None


def remembered_day_hours(db: Database, event_id: int) -> DayHours:
    """The hours last chosen for the event; else (or if the setting is damaged) its own day."""
    return _parse(QSettings().value(_key(db, event_id))) or default_day_hours(db, event_id)


def remember_day_hours(db: Database, event_id: int, hours: DayHours) -> None:
    starts, ends = hours
    QSettings().setValue(_key(db, event_id), f"{starts:%H:%M}-{ends:%H:%M}")


class QuarterTimeEdit(QTimeEdit):
    """A time of day in quarter hours: the arrows step the minutes by 15, a typed time is
    rounded to the nearest quarter."""

    def __init__(self, time: dt.time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.setTime(QTime(time.hour, time.minute))
        self.editingFinished.connect(self._round)

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            minutes = self.time().hour() * 60 + self.time().minute()
            minutes = max(0, min(minutes // QUARTER * QUARTER + steps * QUARTER, 24 * 60 - QUARTER))
            self.setTime(QTime(minutes // 60, minutes % 60))
        else:
            super().stepBy(steps)

    def _round(self) -> None:
        minutes = self.time().hour() * 60 + self.time().minute()
        minutes = min((minutes + QUARTER // 2) // QUARTER * QUARTER, 24 * 60 - QUARTER)
        self.setTime(QTime(minutes // 60, minutes % 60))

    def clock(self) -> dt.time:
        return dt.time(self.time().hour(), self.time().minute())


class DayHoursDialog(QDialog):
    """Day from [09:00] to [18:00], OK and Cancel; a day that ends before it starts is refused."""

    def __init__(self, hours: DayHours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Place unscheduled sessions"))
        intro = QLabel(
            self.tr(
                "Sessions are placed only within these hours, on every day of the event. "
                "Sessions already on the timetable stay where they are."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.from_edit = QuarterTimeEdit(hours[0], self)
        self.from_edit.setObjectName("day_from_edit")
        self.to_edit = QuarterTimeEdit(hours[1], self)
        self.to_edit.setObjectName("day_to_edit")
        day_from = QLabel(self.tr("Day &from"), self)
        day_from.setBuddy(self.from_edit)
        day_to = QLabel(self.tr("&to"), self)
        day_to.setBuddy(self.to_edit)
        row = QHBoxLayout()
        row.addWidget(day_from)
        row.addWidget(self.from_edit)
        row.addWidget(day_to)
        row.addWidget(self.to_edit)
        row.addStretch(1)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("day_hours_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.from_edit.timeChanged.connect(lambda _time: self.error_label.hide())
        self.to_edit.timeChanged.connect(lambda _time: self.error_label.hide())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Place"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.from_edit.setFocus()

    def hours(self) -> DayHours:
        return self.from_edit.clock(), self.to_edit.clock()

    def accept(self) -> None:
        starts, ends = self.hours()
        if starts >= ends:
            self.error_label.setText(
                self.tr("The day must start before it ends: {0} to {1} is not a day.").format(
                    f"{starts:%H:%M}", f"{ends:%H:%M}"
                )
            )
            self.error_label.show()
            self.from_edit.setFocus()
            return
        super().accept()


def ask_day_hours(
    db: Database,
    event_id: int,
    parent: QWidget | None,
    exec_dialog: Callable[[QDialog], object],
) -> DayHours | None:
    """The hours to place in, prefilled with the remembered ones and remembered when chosen;
    None when the user cancels."""
    dialog = DayHoursDialog(remembered_day_hours(db, event_id), parent)
    try:
        if exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        hours = dialog.hours()
    finally:
        dialog.deleteLater()
    remember_day_hours(db, event_id, hours)
    return hours
