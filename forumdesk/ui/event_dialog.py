"""Creating an event: name, days, place and time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core import timezones

COMMON_ZONES = (
    "Asia/Almaty",
    "Asia/Aqtobe",
    "Europe/Moscow",
    "Europe/Minsk",
    "Asia/Yerevan",
    "Asia/Bishkek",
    "Asia/Tashkent",
    "Europe/Berlin",
    "Europe/London",
    "UTC",
)


# the completer's roles: what is matched against the typed text, and the zone it stands for
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ZONE_ROLE = Qt.ItemDataRole.UserRole + 2


class ZoneCompleter(QCompleter):
    """Completes a zone from its name or a city's ("Astana", "Нур-Султан", "Kiev"); choosing a
    line puts the zone's IANA name in the box."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(ZONE_ROLE))


def timezone_combo(parent: QWidget) -> QComboBox:
    """An editable combo of IANA zones, the region's common ones first, completed by city."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    zones = list(COMMON_ZONES) + sorted(zoneinfo.available_timezones() - set(COMMON_ZONES))
    combo.addItems(zones)
    cities = timezones.zone_cities()
    model = QStandardItemModel(combo)
    for zone in zones:
        others = [c for c in cities.get(zone, ()) if c != zone.rsplit("/", 1)[-1].replace("_", " ")]
        item = QStandardItem(f"{zone} — {', '.join(others)}" if others else zone)
        item.setData(" ".join([zone, *cities.get(zone, ())]), SEARCH_ROLE)
        item.setData(zone, ZONE_ROLE)
        model.appendRow(item)
    completer = ZoneCompleter(model, combo)
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    return combo


def timezone_value(combo: QComboBox) -> str:
    """The zone the box names: its IANA name, or the zone of a city typed in full ("Astana")."""
    typed = combo.currentText().strip()
    return timezones.zone_for(typed) or typed


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class NewEventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New event"))
        self.name_edit = QLineEdit(self)
        self.city_edit = QLineEdit(self)
        self.venue_edit = QLineEdit(self)
        today = dt.date.today()
        self.first_day_edit = QDateEdit(qdate(today), self)
        self.last_day_edit = QDateEdit(qdate(today + dt.timedelta(days=1)), self)
        for edit in (self.first_day_edit, self.last_day_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.first_day_edit.dateChanged.connect(self._on_first_day_edit_date_changed)
        self.timezone_combo = timezone_combo(self)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #B00020")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("First day"), self.first_day_edit)
        form.addRow(self.tr("Last day"), self.last_day_edit)
        form.addRow(self.tr("City"), self.city_edit)
        form.addRow(self.tr("Venue"), self.venue_edit)
        form.addRow(self.tr("Time zone"), self.timezone_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)

    def _on_first_day_edit_date_changed(self, day: QDate) -> None:
        if self.last_day_edit.date() < day:
            self.last_day_edit.setDate(day)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name_edit.text(),
            "first_day": pydate(self.first_day_edit.date()),
            "last_day": pydate(self.last_day_edit.date()),
            "city": self.city_edit.text(),
            "venue": self.venue_edit.text(),
            "timezone": timezone_value(self.timezone_combo),
        }

    def accept(self) -> None:
        if not self.name_edit.text().strip():
            self.message_label.setText(self.tr("The event needs a name."))
            return
        if timezone_value(self.timezone_combo) not in zoneinfo.available_timezones():
            self.message_label.setText(self.tr("Choose a time zone from the list."))
            return
        super().accept()
