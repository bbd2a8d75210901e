"""The shared base of the flat tables: counts and headings from the rows and columns given."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from forumdesk.ui.row_table_model import RowIndex, RowTableModel


class _CityTableModel(RowTableModel[tuple[str, int]]):
    COLUMNS = ("city", "seats")

    def headings(self) -> tuple[str, ...]:
        return ("City", "Seats")

    def data(self, index: RowIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self._rows[index.row()][index.column()])


def test_counts_and_headings_follow_the_rows_and_columns(qtmodeltester: Any) -> None:
    model = _CityTableModel()
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (0, 2)
    model.set_rows([("Astana", 120), ("Almaty", 80)])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.rows() == [("Astana", 120), ("Almaty", 80)]
    assert model.row_at(1) == ("Almaty", 80)
    assert model.index(1, 1).data() == "80"
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert [model.headerData(n, horizontal) for n in range(2)] == ["City", "Seats"]
    assert model.headerData(2, horizontal) is None  # past the last column
    assert model.headerData(0, vertical) is None
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    # a table has no children: an index's row count is nought
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 2
