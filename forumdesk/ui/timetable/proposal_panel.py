"""The bar beside the timetable while automatic placement's proposal is shown.

It lists the proposed sessions, each ticked to be accepted, and those that cannot be placed
with the smallest reason; its buttons accept all, accept the ticked ones, or discard the
proposal. It holds plain rows and says what was asked; the controller
(forumdesk.ui.placement_actions) does it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SESSION_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class ProposedRow:
    session_id: int
    label: str  # "S3 «Customs»"
    where: str  # "Hall A · Tue 20 May, 10:00–11:00"


@dataclass(frozen=True, slots=True)
class UnplacedLine:
    session_id: int
    reason: str


class ProposalPanel(QFrame):
    """Accept all, accept the ticked sessions, or discard a placement proposal."""

    accept_all_requested = Signal()
    accept_chosen_requested = Signal(list)  # session ids ticked
    discard_requested = Signal()
    chosen_changed = Signal(set)  # session ids ticked
    session_activated = Signal(int)  # a proposed session clicked: show its ghost

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposal_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(260)
        self.setMaximumWidth(380)
        self.title_label = QLabel(self.tr("Proposed placement"), self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.placed_list = QListWidget(self)
        self.placed_list.setObjectName("proposed_list")
        self.placed_list.setWordWrap(True)
        self.placed_list.setAlternatingRowColors(True)
        self.placed_list.itemChanged.connect(self._on_placed_list_item_changed)
        self.placed_list.currentItemChanged.connect(self._on_placed_list_current_item_changed)
        self.tick_all_button = QPushButton(self.tr("Tick all"), self)
        self.tick_none_button = QPushButton(self.tr("Tick none"), self)
        self.tick_all_button.clicked.connect(lambda: self._tick_all(True))
        self.tick_none_button.clicked.connect(lambda: self._tick_all(False))
        self.unplaced_label = QLabel(self)
        self.unplaced_label.setWordWrap(True)
        self.unplaced_list = QListWidget(self)
        self.unplaced_list.setObjectName("unplaced_list")
        self.unplaced_list.setWordWrap(True)
        self.accept_all_button = QPushButton(self.tr("Accept &all"), self)
        self.accept_all_button.setDefault(True)
        self.accept_chosen_button = QPushButton(self.tr("Accept &ticked"), self)
        self.discard_button = QPushButton(self.tr("&Discard"), self)
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        self.accept_chosen_button.clicked.connect(
            lambda: self.accept_chosen_requested.emit(self.chosen_ids())
        )
        self.discard_button.clicked.connect(self.discard_requested)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.discard_requested.emit,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        ticks = QHBoxLayout()
        ticks.addWidget(self.tick_all_button)
        ticks.addWidget(self.tick_none_button)
        ticks.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_all_button)
        buttons.addWidget(self.accept_chosen_button)
        buttons.addStretch(1)
        # Discard on a row of its own: beside the two others it clips them in Russian
        leave = QHBoxLayout()
        leave.addStretch(1)
        leave.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.placed_list, 3)
        layout.addLayout(ticks)
        layout.addWidget(self.unplaced_label)
        layout.addWidget(self.unplaced_list, 1)
        layout.addLayout(buttons)
        layout.addLayout(leave)
        self.hide()

    def show_proposal(
        self, summary: str, placed: Sequence[ProposedRow], unplaced: Sequence[UnplacedLine]
    ) -> None:
        self.summary_label.setText(summary)
        self.placed_list.blockSignals(True)
        self.placed_list.clear()
        for row in placed:
            item = QListWidgetItem(f"{row.label}\n{row.where}")
            item.setData(SESSION_ROLE, row.session_id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked)
            self.placed_list.addItem(item)
        self.placed_list.blockSignals(False)
        self.unplaced_list.clear()
        for line in unplaced:
            item = QListWidgetItem(line.reason)
            item.setData(SESSION_ROLE, line.session_id)
            item.setToolTip(line.reason)
            self.unplaced_list.addItem(item)
        self.unplaced_label.setText(
            self.tr("%n session(s) cannot be placed:", "", len(unplaced)) if unplaced else ""
        )
        self.unplaced_label.setVisible(bool(unplaced))
        self.unplaced_list.setVisible(bool(unplaced))
        has_placed = bool(placed)
        for widget in (
            self.placed_list,
            self.tick_all_button,
            self.tick_none_button,
            self.accept_all_button,
            self.accept_chosen_button,
        ):
            widget.setVisible(has_placed)
        self.discard_button.setText(self.tr("&Discard") if has_placed else self.tr("&Close"))
        self._update_buttons()
        self.show()
        (self.accept_all_button if has_placed else self.discard_button).setFocus()

    def chosen_ids(self) -> list[int]:
        return [
            int(item.data(SESSION_ROLE))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, session_ids: set[int]) -> None:
        """Tick these sessions and untick the others."""
        for item in self._items():
            wanted = int(item.data(SESSION_ROLE)) in session_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _items(self) -> list[QListWidgetItem]:
        return [self.placed_list.item(i) for i in range(self.placed_list.count())]

    def _tick_all(self, ticked: bool) -> None:
        self.set_chosen(
            {int(item.data(SESSION_ROLE)) for item in self._items()} if ticked else set()
        )

    def _update_buttons(self) -> None:
        chosen = len(self.chosen_ids())
        total = self.placed_list.count()
        self.accept_chosen_button.setEnabled(chosen > 0)
        self.accept_chosen_button.setText(
            self.tr("Accept &ticked ({0} of {1})").format(
                QLocale().toString(chosen), QLocale().toString(total)
            )
        )

    def _on_placed_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_buttons()
        self.chosen_changed.emit(set(self.chosen_ids()))

    def _on_placed_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is not None:
            self.session_activated.emit(int(current.data(SESSION_ROLE)))
