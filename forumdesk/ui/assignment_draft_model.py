"""The people of a session while it is being edited: a working list, saved on OK."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from forumdesk.core.enums import Role
from forumdesk.ui.people_table_model import vocabulary_label
from forumdesk.ui.row_table_model import RowIndex as _Index
from forumdesk.ui.row_table_model import RowTableModel


@dataclass(frozen=True, slots=True)
class DraftAssignment:
    person_id: int
    display_name: str
    organization: str | None
    role: Role
    busy: str = ""  # the person's other sessions at the same time, as a sentence


class AssignmentDraftTableModel(RowTableModel[DraftAssignment]):
    """Rows are DraftAssignment values; the role column is editable (a combo delegate)."""

    COLUMNS = ("name", "organization", "role", "busy")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headings = (
            self.tr("Name", "person"),
            self.tr("Organisation"),
            self.tr("Role"),
            self.tr("Also at this time"),
        )

    def headings(self) -> tuple[str, ...]:
        return self._headings

    # --- the working list -----------------------------------------------------------------

    def person_ids(self) -> list[int]:
        return [row.person_id for row in self._rows]

    def add(self, rows: Sequence[DraftAssignment]) -> list[DraftAssignment]:
        """Append people not yet in the list; returns those skipped as already there."""
        present = set(self.person_ids())
        fresh = [r for r in rows if r.person_id not in present]
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        return [r for r in rows if r.person_id in present]

    def remove_rows(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def move_row(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target

    def set_role(self, row: int, role: Role) -> None:
        if 0 <= row < len(self._rows) and self._rows[row].role != role:
            self._rows[row] = replace(self._rows[row], role=role)
            index = self.index(row, self.COLUMNS.index("role"))
            self.dataChanged.emit(index, index)

    def set_busy(self, busy: dict[int, str]) -> None:
        changed = False
        for n, row in enumerate(self._rows):
            text = busy.get(row.person_id, "")
            if row.busy != text:
                self._rows[n] = replace(row, busy=text)
                changed = True
        if changed and self._rows:
            column = self.COLUMNS.index("busy")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # --- Qt model -------------------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()] == "role":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "name":
                return row.display_name
            if column == "organization":
                return row.organization or ""
            if column == "role":
                return vocabulary_label(row.role)
            return row.busy
        if role == Qt.ItemDataRole.EditRole and column == "role":
            return row.role.value
        if role == Qt.ItemDataRole.ForegroundRole and column == "busy" and row.busy:
            return QBrush(QColor("#B00020"))
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or self.COLUMNS[index.column()] != "role"
        ):
            return False
        try:
            new_role = Role.parse(str(value))
        except ValueError:
            return False
        self.set_role(index.row(), new_role)  # type: ignore[arg-type]
        return True
