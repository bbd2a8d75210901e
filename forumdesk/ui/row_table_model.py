"""The base of the window's flat tables: plain rows in, one column per name, headings on top.

A model built on RowTableModel holds immutable rows (frozen dataclasses or tuples) handed in by
its controller, names its columns in COLUMNS (or `columns()`, where they vary) and gives their
translated headings in `headings()`; the row and column counts and the header are answered
here once. What each cell shows (`data`) stays with each model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

RowIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Plain rows, one column per name in `columns()`, headed by `headings()`; a reset per
    `set_rows` (a reload)."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace everything (a reload)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def columns(self) -> tuple[str, ...]:
        """What each column holds, left to right."""
        return self.COLUMNS

    def headings(self) -> Sequence[str]:
        """The columns' headings in the window's language, one per column."""
        raise NotImplementedError

    def rowCount(self, parent: RowIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: RowIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns())
        ):
            return self.headings()[section]
        return None
