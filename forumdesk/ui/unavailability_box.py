"""When a person cannot take part at the event: the person dialog's list of periods.

Each Add and Remove is an undo command of its own, done at once (not on the dialog's OK): the
periods belong to the event, not to the person's directory entry the dialog edits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.periods import format_period
from forumdesk.core.rows import EventRow
from forumdesk.services import availability
from forumdesk.ui.commands.people import AddUnavailabilityCommand, RemoveUnavailabilityCommand
from forumdesk.ui.context import PEOPLE, AppContext


class UnavailabilityBox(QGroupBox):
    """The periods a person is unavailable at an event, with a line to add more."""

    def __init__(
        self,
        ctx: AppContext,
        event: EventRow,
        person_id: int,
        person_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Unavailable at {0}").format(event.name))
        self.ctx, self.event, self.person_id, self.person_name = ctx, event, person_id, person_name
        self.rows: list[availability.UnavailabilityRow] = []
        self.period_list = QListWidget(self)
        self.period_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.period_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.period_edit = QLineEdit(self)
        self.period_edit.setPlaceholderText(self.tr("e.g. 2021-11-25 09:00–12:00; 2021-11-26"))
        self.period_edit.setToolTip(
            self.tr(
                "A date alone is the whole day; several periods are separated by semicolons. "
                "Times are the event's local time."
            )
        )
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.add_periods)
        self.remove_button.clicked.connect(self.remove_selected)
        # Enter adds what was typed and stays in the dialog: it must not press the dialog's OK
        self.period_edit.installEventFilter(self)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.period_edit.textChanged.connect(self._update_buttons)
        self.period_list.itemSelectionChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        row.addWidget(self.period_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.period_list)
        layout.addLayout(row)
        ctx.data_changed.connect(self._on_ctx_data_changed)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.period_edit
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key is the line's, not a shortcut's (the page's Edit…)
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.add_periods()
                return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        self.rows = availability.list_unavailability(
            self.ctx.db, self.event.id, person_id=self.person_id
        )
        self.period_list.clear()
        for period in self.rows:
            shown = format_period(period.starts_at, period.ends_at)
            item = QListWidgetItem(f"{shown} — {period.note}" if period.note else shown)
            item.setData(Qt.ItemDataRole.UserRole, period.id)
            self.period_list.addItem(item)
        self._update_buttons()

    def detach(self) -> None:
        """Stop following the database (the dialog it is in has closed)."""
        self.ctx.data_changed.disconnect(self._on_ctx_data_changed)

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if PEOPLE in topics:
            self.reload()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.period_edit.text().strip()))
        self.remove_button.setEnabled(bool(self.period_list.selectedItems()))

    def add_periods(self) -> None:
        written = self.period_edit.text().strip()
        if not written:
            return
        command = AddUnavailabilityCommand(
            self.ctx,
            self.event.id,
            self.person_id,
            written,
            self.tr("Mark {0} unavailable: {1}").format(self.person_name, written),
        )
        if self.ctx.run(command):
            self.period_edit.clear()

    def remove_selected(self) -> None:
        chosen = {item.data(Qt.ItemDataRole.UserRole) for item in self.period_list.selectedItems()}
        rows = [row for row in self.rows if row.id in chosen]
        if not rows:
            return
        listed = "; ".join(format_period(row.starts_at, row.ends_at) for row in rows)
        self.ctx.run(
            RemoveUnavailabilityCommand(
                self.ctx,
                rows,
                self.tr("Remove unavailable periods of {0}: {1}").format(self.person_name, listed),
            )
        )
