"""The problems of an event as a tree for a view: severity > kind > problem.

Fed plain ProblemRows (services.problems.check_event); it never queries the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from forumdesk.scheduling.checker import ProblemKind, Severity
from forumdesk.services.problems import ProblemRow

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the ProblemRow of a problem's row
ACCEPTED_INK = QColor("#7A828C")
_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("ProblemsDock", text, disambiguation, n)


def severity_title(severity: Severity) -> str:
    return {
        Severity.ERROR: _tr("Errors"),
        Severity.WARNING: _tr("Warnings"),
        Severity.INFO: _tr("Notes", "problems that are only notes"),
    }[severity]


def kind_title(kind: ProblemKind) -> str:
    label = QCoreApplication.translate("ProblemKind", kind.label)
    return label[:1].upper() + label[1:]


def count_text(errors: int, warnings: int) -> str:
    """ "2 errors, 5 warnings" (open problems only), or "No problems"."""
    if not errors and not warnings:
        return _tr("No problems")
    # both English forms go through tr() with the number, so a translation can give each
    # language its own plural forms
    error_text = _tr("%n error", "", errors) if errors == 1 else _tr("%n errors", "", errors)
    warning_text = (
        _tr("%n warning", "", warnings) if warnings == 1 else _tr("%n warnings", "", warnings)
    )
    return _tr("{0}, {1}").format(error_text, warning_text)


# --- the tree model ---------------------------------------------------------------------------


@dataclass(slots=True)
class _KindGroup:
    kind: ProblemKind
    rows: list[ProblemRow] = field(default_factory=list)


@dataclass(slots=True)
class _SeverityGroup:
    severity: Severity
    kinds: list[_KindGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(k.rows) for k in self.kinds)


# internalId says where an index's parent is: 0 the root; 1 + s severity group s;
# _ROW_BASE + s * _STRIDE + k kind group k of severity group s.
_ROW_BASE = 1000
_Index = QModelIndex | QPersistentModelIndex
_STRIDE = 100


class ProblemsTreeModel(QAbstractItemModel):
    """Plain ProblemRows as a tree: severity > kind > problem. Never queries the database."""

    COLUMNS = ("problem", "sessions", "note")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_SeverityGroup] = []
        self._headers = (self.tr("Problem"), self.tr("Sessions"), self.tr("Note"))

    # --- feeding ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ProblemRow]) -> None:
        """A reload: group `rows` (in the order given within each kind)."""
        groups: dict[Severity, dict[ProblemKind, _KindGroup]] = {}
        for row in rows:
            kinds = groups.setdefault(row.severity, {})
            kinds.setdefault(row.kind, _KindGroup(row.kind)).rows.append(row)
        order = list(ProblemKind)
        self.beginResetModel()
        self._groups = [
            _SeverityGroup(
                severity, sorted(groups[severity].values(), key=lambda g: order.index(g.kind))
            )
            for severity in _SEVERITY_ORDER
            if severity in groups
        ]
        self.endResetModel()

    def rows(self) -> list[ProblemRow]:
        return [row for group in self._groups for kind in group.kinds for row in kind.rows]

    def problem(self, index: QModelIndex | QPersistentModelIndex) -> ProblemRow | None:
        found = self._node(index)
        return found if isinstance(found, ProblemRow) else None

    def index_of(self, key: str) -> QModelIndex:
        """The index of the problem with this key, invalid if it is not shown."""
        for s, group in enumerate(self._groups):
            for k, kind in enumerate(group.kinds):
                for r, row in enumerate(kind.rows):
                    if row.key == key:
                        return self.createIndex(r, 0, _ROW_BASE + s * _STRIDE + k)
        return QModelIndex()

    def group_index(self, severity: Severity, kind: ProblemKind | None = None) -> QModelIndex:
        for s, group in enumerate(self._groups):
            if group.severity != severity:
                continue
            if kind is None:
                return self.createIndex(s, 0, 0)
            for k, kind_group in enumerate(group.kinds):
                if kind_group.kind == kind:
                    return self.createIndex(k, 0, 1 + s)
        return QModelIndex()

    # --- structure --------------------------------------------------------------------------

    def _node(
        self, index: QModelIndex | QPersistentModelIndex
    ) -> _SeverityGroup | _KindGroup | ProblemRow | None:
        if not index.isValid():
            return None
        where = index.internalId()
        if where == 0:
            return self._groups[index.row()]
        if where < _ROW_BASE:
            return self._groups[where - 1].kinds[index.row()]
        s, k = divmod(where - _ROW_BASE, _STRIDE)
        return self._groups[s].kinds[k].rows[index.row()]

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        where = parent.internalId()
        if where == 0:  # parent is severity group parent.row()
            return self.createIndex(row, column, 1 + parent.row())
        if where < _ROW_BASE:  # parent is kind group parent.row() of severity where - 1
            return self.createIndex(row, column, _ROW_BASE + (where - 1) * _STRIDE + parent.row())
        return QModelIndex()

    def parent(
        self,
        index: _Index = QModelIndex(),  # type: ignore[override]  # noqa: B008
    ) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        where = index.internalId()
        if where == 0:
            return QModelIndex()
        if where < _ROW_BASE:
            return self.createIndex(where - 1, 0, 0)
        s, k = divmod(where - _ROW_BASE, _STRIDE)
        return self.createIndex(k, 0, 1 + s)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        if node is None:
            return len(self._groups)
        if isinstance(node, _SeverityGroup):
            return len(node.kinds)
        if isinstance(node, _KindGroup):
            return len(node.rows)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        node = self._node(index)
        if node is None:
            return None
        column = self.COLUMNS[index.column()]
        if isinstance(node, ProblemRow):
            return self._problem_data(node, column, role)
        if role == Qt.ItemDataRole.DisplayRole and column == "problem":
            if isinstance(node, _SeverityGroup):
                return f"{severity_title(node.severity)} ({node.count})"
            return f"{kind_title(node.kind)} ({len(node.rows)})"
        if (
            role == Qt.ItemDataRole.FontRole
            and isinstance(node, _SeverityGroup)
            and column == "problem"
        ):
            font = QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == "problem"
            and isinstance(node, _SeverityGroup)
        ):
            return _severity_icon(node.severity)
        return None

    def _problem_data(self, row: ProblemRow, column: str, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "problem":
                if row.accepted:  # the note under the message: the dock is too narrow for both
                    return (
                        row.message
                        + "\n"
                        + self.tr("Accepted: {0}").format(row.accepted_note or "—")
                    )
                return row.message
            if column == "sessions":
                return ", ".join(row.sessions)
            if row.accepted:
                return row.accepted_note or self.tr("(accepted)")
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.message
            if row.accepted:
                tip += "\n" + self.tr("Accepted: {0}").format(row.accepted_note or "—")
            return tip
        if role == PROBLEM_ROLE:
            return row
        if row.accepted and role == Qt.ItemDataRole.ForegroundRole:
            return ACCEPTED_INK
        if row.accepted and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def _severity_icon(severity: Severity) -> QIcon | None:
    style = QApplication.style()
    pixmap = {
        Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    }[severity]
    return style.standardIcon(pixmap) if style is not None else None
