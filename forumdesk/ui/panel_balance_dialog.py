"""The programme's panels at a glance: each session's mix of sectors, countries and genders
(Session > Panel balance…). Read-only; it follows the database while open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forumdesk.scheduling.panel_balance import (
    describe_countries,
    describe_genders,
    describe_sectors,
)
from forumdesk.services.panel_balance import SessionBalance, programme_balance
from forumdesk.ui.context import ASSIGNMENTS, PEOPLE, SESSIONS, AppContext
from forumdesk.ui.row_table_model import RowIndex as _Index
from forumdesk.ui.row_table_model import RowTableModel

_ONE_SECTOR = QColor("#fff0c0")


class PanelBalanceTableModel(RowTableModel[SessionBalance]):
    """One row per session with a programme (plain SessionBalance rows)."""

    COLUMNS = ("session", "people", "sectors", "countries", "genders")

    def headings(self) -> tuple[str, ...]:
        return (
            self.tr("Session"),
            self.tr("Panel"),
            self.tr("Sectors"),
            self.tr("Countries"),
            self.tr("Gender"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        balance = row.balance
        if role == Qt.ItemDataRole.BackgroundRole:
            return _ONE_SECTOR if balance.single_sector is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and balance.single_sector is not None:
            return self.tr("All moderators and speakers are from one sector.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.COLUMNS[index.column()]
        if column == "session":
            when = row.starts_at.strftime("%d.%m %H:%M") + "  " if row.starts_at else ""
            return when + " ".join(part for part in (row.code, row.title) if part)
        if column == "people":
            return balance.people
        if balance.people == 0:
            return ""
        if column == "sectors":
            return describe_sectors(balance)
        if column == "countries":
            return describe_countries(balance)
        return describe_genders(balance)


class PanelBalanceDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Panel balance"))
        self.resize(1000, 560)
        self.model = PanelBalanceTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        ctx.data_changed.connect(self._on_ctx_data_changed)
        self.reload()

    def reload(self) -> None:
        event_id = self.ctx.event_id
        self.model.set_rows(programme_balance(self.ctx.db, event_id) if event_id else [])
        for column in range(1, self.model.columnCount()):
            self.table.resizeColumnToContents(column)

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if topics & {SESSIONS, ASSIGNMENTS, PEOPLE}:
            self.reload()
