"""The Sessions table: a QAbstractTableModel over plain SessionRow tuples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from forumdesk.core.rows import SessionRow
from forumdesk.ui.people_table_model import vocabulary_label
from forumdesk.ui.row_changes import apply_row_changes

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionTableModel", text)


class SessionTableModel(QAbstractTableModel):
    """Rows are SessionRow values handed in by the view's controller; nothing here queries."""

    COLUMNS = ("code", "day", "time", "room", "title", "kind", "track", "moderators")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionRow] = []
        self._headings = {
            "code": _tr("Code"),
            "day": _tr("Day"),
            "time": _tr("Time"),
            "room": _tr("Room"),
            "title": _tr("Title"),
            "kind": _tr("Kind"),
            "track": _tr("Track"),
            "moderators": _tr("Moderators"),
        }

    def set_rows(self, rows: Sequence[SessionRow]) -> None:
        """Replace everything (a reload: another event)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[SessionRow]) -> None:
        """Follow an edit: announce the sessions added, removed, moved or changed, by id."""
        apply_row_changes(self, self._rows, rows)

    def row_at(self, row: int) -> SessionRow:
        return self._rows[row]

    def rows(self) -> list[SessionRow]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headings[self.COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return row.description or row.title
        if role == Qt.ItemDataRole.ToolTipRole and column in ("room", "track", "moderators"):
            return self._display(row, column) or None  # the whole of what a narrow column cuts
        if role == Qt.ItemDataRole.FontRole and row.cancelled:  # struck through, as printed
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == "track" and row.track_color:
            return QColor(row.track_color)
        return None

    def _display(self, row: SessionRow, column: str) -> str:
        if column == "code":
            return row.code or ""
        if column == "day":
            return (
                QLocale().toString(QDate(row.starts_at.date()), "ddd dd.MM")
                if row.starts_at
                else _tr("unscheduled")
            )
        if column == "time":
            if row.starts_at and row.ends_at:
                return f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}"
            return ""
        if column == "room":
            return _tr("All rooms") if row.all_rooms else row.room_name or ""
        if column == "title":
            return _tr("CANCELLED: {0}").format(row.title) if row.cancelled else row.title
        if column == "kind":
            return vocabulary_label(row.kind)
        if column == "track":
            return row.track_name or ""
        return ", ".join(row.moderators)

    def _sort_key(self, row: SessionRow, column: str) -> Any:
        if column in {"day", "time"}:
            return (row.starts_at or dt.datetime.max).isoformat()
        return self._display(row, column).casefold()
