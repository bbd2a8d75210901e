"""The sessions still waiting for a place: a list to drag onto the timetable.

UnscheduledListModel holds plain SessionRow values (it never queries); UnscheduledDock loads
them through the sessions service whenever sessions or the event change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.rows import EventRow, SessionRow
from forumdesk.services import sessions
from forumdesk.ui.context import ASSIGNMENTS, EVENT, SESSIONS, TRACKS, AppContext
from forumdesk.ui.mime import SESSION_IDS_MIME, encode_ids
from forumdesk.ui.row_changes import apply_row_changes
from forumdesk.ui.timetable.session_block import session_tooltip

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RELOAD_TOPICS = frozenset({SESSIONS, ASSIGNMENTS, TRACKS, EVENT})

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnscheduledListModel", text)


class UnscheduledListModel(QAbstractListModel):
    """Unscheduled sessions, draggable onto the timetable as SESSION_IDS_MIME."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionRow] = []

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

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.code} — {row.title}" if row.code else row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return session_tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(row.track_color) if row.track_color else None
        if role == SESSION_ID_ROLE:
            return row.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [SESSION_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        # in list order, whatever order they were picked in: that is the order they land in
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)})
        ids = [self._rows[row].id for row in rows]
        return encode_ids(SESSION_IDS_MIME, ids)

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy: the timetable schedules the session and the reload drops it from this list
        return Qt.DropAction.CopyAction


class UnscheduledDock(QDockWidget):
    """A dock with the unscheduled sessions, a filter box and double-click to open."""

    open_session = Signal(int)
    suggest_requested = Signal(int)  # a session's "Suggest a slot…"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Unscheduled sessions"))
        self.setObjectName("unscheduled_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setPlaceholderText(self.tr("Filter by code or title…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = UnscheduledListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list_view = QListView(body)
        self.list_view.setModel(self.proxy)
        self.list_view.setDragEnabled(True)
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list_view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setUniformItemSizes(True)
        self.list_view.doubleClicked.connect(self._on_list_view_double_clicked)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(
            self._on_list_view_custom_context_menu_requested
        )
        self.count_label = QLabel(body)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.count_label)
        # buttons for the window's actions on the list go on a row of their own, under the
        # count: beside it they would make the dock (and the window) wider
        self.footer = QHBoxLayout()
        self.footer.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.footer)
        self.setWidget(body)
        self._shown_event_id: int | None = None  # whose sessions the list holds
        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.event_changed.connect(self._on_ctx_event_changed)
        self.reload()

    def reload(self) -> None:
        """Read the list again: row by row for the same event, a reset for another one."""
        event_id = self.ctx.event_id
        rows = (
            []
            if event_id is None
            else sessions.list_sessions(self.ctx.db, event_id, scheduled=False)
        )
        if event_id is not None and event_id == self._shown_event_id:
            self.model.update_rows(rows)
        else:
            self._shown_event_id = event_id
            self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n session(s) to place", "", len(rows)))

    def add_button(self, action: QAction, text: str) -> QToolButton:
        """A button under the list for one of the window's actions (placing them all), with a
        short text of its own: the dock stays narrow in every language."""
        button = QToolButton(self.widget())
        button.setText(text)
        button.setToolTip(action.text().replace("&", "").rstrip("…"))
        button.setEnabled(action.isEnabled())
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        self.footer.addWidget(button)
        self.footer.addStretch(1)
        return button

    def session_menu(self, session_id: int) -> QMenu:
        """A listed session's context menu: open it, or suggest a slot for it."""
        menu = QMenu(self)
        menu.addAction(self.tr("&Open…"), lambda: self.open_session.emit(session_id))
        menu.addAction(self.tr("&Suggest a slot…"), lambda: self.suggest_requested.emit(session_id))
        return menu

    def _on_list_view_custom_context_menu_requested(self, point: QPoint) -> None:
        index = self.list_view.indexAt(point)
        session_id = self.proxy.data(index, SESSION_ID_ROLE) if index.isValid() else None
        if session_id is not None:
            self.session_menu(int(session_id)).exec(self.list_view.viewport().mapToGlobal(point))

    def selected_session_ids(self) -> list[int]:
        rows = sorted(
            self.proxy.mapToSource(i).row()
            for i in self.list_view.selectionModel().selectedIndexes()
        )
        return [self.model.row_at(r).id for r in rows]

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if topics & RELOAD_TOPICS:
            self.reload()

    def _on_ctx_event_changed(self, _event: EventRow | None) -> None:
        self.filter_edit.clear()
        self.reload()

    def _on_list_view_double_clicked(self, index: QModelIndex) -> None:
        session_id = self.proxy.data(index, SESSION_ID_ROLE)
        if session_id is not None:
            self.open_session.emit(int(session_id))
