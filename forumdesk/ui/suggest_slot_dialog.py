"""Suggest a slot: the best few rooms and times for one session, each with why, to choose from.

The list comes from forumdesk.services.auto_placement.suggest_slots (every other session staying
where it is). A clean place says why it is good ("all 6 people free; 120 seats for 80
expected"); when none is clean, each says what it would break. Choosing one closes the dialog;
the caller places the session (one undo step).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import Placement, SessionRow
from forumdesk.services import sessions
from forumdesk.ui.context import AppContext
from forumdesk.ui.day_hours_dialog import remembered_day_hours
from forumdesk.ui.timetable.rulers import day_heading

if TYPE_CHECKING:
    from forumdesk.services.auto_placement import SlotRow

CLEAN_INK = QColor("#1B5E20")
BROKEN_INK = QColor("#B00020")


def slot_placement(slot: SlotRow) -> Placement:
    """Where a suggested slot puts the session."""
    return Placement(slot.room_id, slot.starts_at, slot.ends_at, slot.room_id is None)


def when(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    """ "Tue 20 May, 10:00–11:00" in the user's language."""
    return f"{day_heading(starts_at.date(), long=False)}, {starts_at:%H:%M}–{ends_at:%H:%M}"


class SuggestSlotDialog(QDialog):
    """The suggested places for one session; "Place here" returns the one chosen."""

    def __init__(self, label: str, slots: Sequence[SlotRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots = list(slots)
        self.setWindowTitle(self.tr("Suggest a slot for {0}").format(label))
        self.resize(760, 340)
        clean = any(slot.clean for slot in self.slots)
        if not self.slots:
            intro = self.tr("There is no room and time on the event's days for this session.")
        elif clean:
            intro = self.tr(
                "The best places for {0}, where nothing clashes; choose one to put it there."
            ).format(label)
        else:
            intro = self.tr(
                "No place for {0} is free of clashes. The least bad ones, with what each "
                "would break:"
            ).format(label)
        self.intro_label = QLabel(intro, self)
        self.intro_label.setWordWrap(True)
        self.slot_tree = QTreeWidget(self)
        self.slot_tree.setObjectName("slot_tree")
        self.slot_tree.setRootIsDecorated(False)
        self.slot_tree.setAlternatingRowColors(True)
        self.slot_tree.setWordWrap(True)
        self.slot_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slot_tree.setHeaderLabels([self.tr("Room"), self.tr("When"), self.tr("Why")])
        for slot in self.slots:
            item = QTreeWidgetItem([slot.room, when(slot.starts_at, slot.ends_at), slot.reason])
            mark = "✓ " if slot.clean else "✗ "
            item.setText(0, mark + slot.room)
            item.setForeground(0, CLEAN_INK if slot.clean else BROKEN_INK)
            item.setToolTip(2, slot.reason)
            self.slot_tree.addTopLevelItem(item)
        header = self.slot_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.slot_tree.itemDoubleClicked.connect(lambda *_: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.place_button = self.buttons.addButton(
            self.tr("&Place here"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.place_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.slot_tree.currentItemChanged.connect(
            lambda *_: self.place_button.setEnabled(self.chosen() is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.slot_tree, 1)
        layout.addWidget(self.buttons)
        if self.slots:
            self.slot_tree.setCurrentItem(self.slot_tree.topLevelItem(0))
        self.place_button.setEnabled(self.chosen() is not None)
        self.slot_tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, index: int) -> None:
        self.slot_tree.setCurrentItem(self.slot_tree.topLevelItem(index))

    def chosen(self) -> SlotRow | None:
        index = self.slot_tree.indexOfTopLevelItem(self.slot_tree.currentItem())
        return self.slots[index] if 0 <= index < len(self.slots) else None

    def accept(self) -> None:
        if self.chosen() is None:
            return
        super().accept()


def choose_slot(
    ctx: AppContext,
    parent: QWidget | None,
    session_id: int,
    exec_dialog: Callable[[QDialog], object],
) -> tuple[SessionRow, SlotRow] | None:
    """Ask the user to choose one of the suggested places for a session (None: cancelled).
    The places keep to the day's hours placement last used for the event (else its own)."""
    from forumdesk.scheduling.placement_model import PlacementSettings
    from forumdesk.services.auto_placement import suggest_slots

    try:
        row = sessions.get_session(ctx.db, session_id)
        starts, ends = remembered_day_hours(ctx.db, row.event_id)
        settings = PlacementSettings(day_starts=starts, day_ends=ends)
        # where it is already is no suggestion
        slots = [
            slot
            for slot in suggest_slots(ctx.db, session_id, count=7, settings=settings)
            if (slot.room_id, slot.starts_at, slot.ends_at)
            != (row.room_id, row.starts_at, row.ends_at)
        ][:6]
    except ForumdeskError as exc:
        ctx.report_error(QCoreApplication.translate("SuggestSlotDialog", "Suggest a slot"), exc)
        return None
    dialog = SuggestSlotDialog(row.label, slots, parent)
    try:
        if exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        slot = dialog.chosen()
    finally:
        dialog.deleteLater()
    return None if slot is None else (row, slot)
