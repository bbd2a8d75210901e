"""The Sessions table: a QAbstractTableModel over plain SessionRow tuples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QColor, QFont

from forumdesk.core.rows import SessionRow
from forumdesk.ui.people_table_model import vocabulary_label
from forumdesk.ui.row_changes import apply_row_changes
from forumdesk.ui.row_table_model import RowIndex as _Index
from forumdesk.ui.row_table_model import RowTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionTableModel", text)


class SessionTableModel(RowTableModel[SessionRow]):
    """Rows are SessionRow values handed in by the view's controller; nothing here queries."""

    COLUMNS = ("code", "day", "time", "room", "title", "kind", "track", "moderators")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headings = (
            _tr("Code"),
            _tr("Day"),
            _tr("Time"),
            _tr("Room"),
            _tr("Title"),
            _tr("Kind"),
            _tr("Track"),
            _tr("Moderators"),
        )

    def headings(self) -> tuple[str, ...]:
        return self._headings

    def update_rows(self, rows: Sequence[SessionRow]) -> None:
        """Follow an edit: announce the sessions added, removed, moved or changed, by id."""
        apply_row_changes(self, self._rows, rows)

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
