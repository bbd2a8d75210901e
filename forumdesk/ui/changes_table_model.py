"""The Changes dock's tables: the changes between two versions, and the people to tell.

Both are fed plain rows (`ChangeLine`, `TellLine`) built from services.versions.Comparison by the
dock; they never query. `ChangeFilterProxyModel` keeps the lines of one kind and those whose
session or people match the words typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from forumdesk.ui.row_table_model import RowIndex as _Index
from forumdesk.ui.row_table_model import RowTableModel


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One change as the dock shows it."""

    session: str  # "S3 «Title»"
    kind: str  # ChangeKind value
    kind_label: str  # in the window's language
    text: str
    people: str  # the names of the people it affects, for the filter and the tooltip
    count: int  # how many people it affects


@dataclass(frozen=True, slots=True)
class TellLine:
    """One person to tell, with their own lines."""

    name: str
    email: str
    language: str
    text: str


class ChangeTableModel(RowTableModel[ChangeLine]):
    """Session, change, people affected."""

    COLUMNS = ("session", "change", "people")

    def headings(self) -> tuple[str, ...]:
        return (self.tr("Session"), self.tr("What changed"), self.tr("People"))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "session":
                # the code: the line names the whole session, and the dock is narrow
                return _code(row.session)
            if column == "change":
                return row.text
            return str(row.count)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "session":
                return row.session
            return row.people or None if column == "people" else row.text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "people":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _code(label: str) -> str:
    """ "S3" of "S3 «Title»"; a session without a code keeps its whole label."""
    code, _space, rest = label.partition(" «")
    return code if rest and code else label


class TellTableModel(RowTableModel[TellLine]):
    """Name, e-mail, language, their lines."""

    COLUMNS = ("name", "email", "language", "text")

    def headings(self) -> tuple[str, ...]:
        return (
            self.tr("Name", "person"),
            self.tr("E-mail"),
            self.tr("Language"),
            self.tr("Tell"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(row, self.COLUMNS[index.column()])
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and row.email:
                return f"{value} <{row.email}>"  # the dock may hide the e-mail column
            return value
        return None


class ChangeFilterProxyModel(QSortFilterProxyModel):
    """The changes of one kind (None: all) whose session or people contain the words typed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind: str | None = None

    def set_filter(self, text: str, kind: str | None) -> None:
        self._words = text.casefold().split()
        self._kind = kind
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.endFilterChange()
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ChangeTableModel):
            return True
        row = model.rows()[source_row]
        if self._kind is not None and row.kind != self._kind:
            return False
        haystack = f"{row.session} {row.people} {row.text}".casefold()
        return all(word in haystack for word in self._words)
