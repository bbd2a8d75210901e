"""The Sessions view: every session of the event in a sortable, filterable table."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.services import sessions
from forumdesk.ui.column_widths import fit_columns
from forumdesk.ui.commands.placement import UnscheduleSessionsCommand
from forumdesk.ui.commands.sessions import DeleteSessionsCommand, cancel_session
from forumdesk.ui.context import ASSIGNMENTS, EVENT, ROOMS, SESSIONS, TRACKS, AppContext
from forumdesk.ui.session_table_model import ROW_ID_ROLE, SORT_ROLE, SessionTableModel

# In average characters, per column of SessionTableModel.COLUMNS: code, day, time, room,
# title, kind, track, moderators. Code, day, time and kind are never cut; long titles, tracks
# and names give way first (the full text is a tooltip).
_COLUMN_MAX_CHARS = (8, 14, 14, 20, 54, 22, 22, 32)
_COLUMN_MIN_CHARS = (99, 99, 99, 8, 20, 99, 8, 14)


class SessionsPage(QWidget):
    open_session = Signal(int)
    new_session = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = SessionTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by code, title, room, moderator…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.count_label = QLabel(self)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # programme order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.new_action = QAction(self.tr("New session…"), self)
        self.new_action.triggered.connect(self.new_session.emit)
        self.edit_action = QAction(self.tr("Edit…"), self)
        self.edit_action.triggered.connect(self._open_current)
        self.unschedule_action = QAction(self.tr("Take off the timetable"), self)
        self.unschedule_action.triggered.connect(self.unschedule_selected)
        self.cancel_action = QAction(self.tr("Cancel or reinstate"), self)
        self.cancel_action.triggered.connect(self.toggle_cancelled)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        for action in (
            self.new_action,
            self.edit_action,
            self.unschedule_action,
            self.cancel_action,
            self.delete_action,
        ):
            self.table.addAction(action)
        self.addAction(self.delete_action)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        for action in (self.new_action, self.unschedule_action, self.delete_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self._stale = True  # read when first shown: a hidden page costs nothing at start-up
        self._shown_event_id: int | None = None  # whose sessions the table holds
        ctx.event_changed.connect(lambda _event: self._reload_when_shown())
        ctx.data_changed.connect(self._on_ctx_data_changed)

    # --- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the sessions again: row by row for the same event, so selection and scroll
        stay on the same sessions; a reset (and fitted columns) for another event."""
        self._stale = False
        event_id = self.ctx.event_id
        rows = sessions.list_sessions(self.ctx.db, event_id) if event_id else []
        if event_id is not None and event_id == self._shown_event_id:
            self.model.update_rows(rows)
        else:
            self._shown_event_id = event_id
            self.model.set_rows(rows)
            if rows:  # every column in sight, Track and Moderators too, on a 1366 px screen
                fit_columns(self.table, _COLUMN_MAX_CHARS, _COLUMN_MIN_CHARS)
        self._update_count()

    def _reload_when_shown(self) -> None:
        """Reload now if the page is on screen, else as soon as it is shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if topics & {SESSIONS, ASSIGNMENTS, ROOMS, TRACKS, EVENT}:
            self._reload_when_shown()

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{0} of {1} sessions").format(self.proxy.rowCount(), self.model.rowCount())
        )

    def selected_ids(self) -> list[int]:
        return [index.data(ROW_ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def select_ids(self, ids: list[int]) -> None:
        wanted = set(ids)
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ID_ROLE) in wanted:
                selection.select(
                    index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                )

    # --- actions --------------------------------------------------------------------------

    def _on_table_double_clicked(self, index: object) -> None:
        self._open_current()

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_session.emit(index.data(ROW_ID_ROLE))

    def toggle_cancelled(self) -> None:
        """Cancel the current session (it stays, struck through) or reinstate it; undoable,
        based on the row as the table shows it."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        session_id = index.data(ROW_ID_ROLE)
        row = next((r for r in self.model.rows() if r.id == session_id), None)
        if row is not None:
            self.ctx.run(cancel_session(self.ctx, row, not row.cancelled))

    def unschedule_selected(self) -> None:
        wanted = set(self.selected_ids())
        # the rows as the table shows them: the write is based on the versions the user saw
        rows = [r for r in self.model.rows() if r.id in wanted and r.is_scheduled]
        if rows:
            self.ctx.run(
                UnscheduleSessionsCommand(
                    self.ctx,
                    self.tr("Unschedule {0} sessions").format(len(rows)),
                    [r.id for r in rows],
                    keep_room=True,
                    versions={r.id: r.version for r in rows},
                )
            )

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        rows = sessions.sessions_by_ids(self.ctx.db, ids)
        names = "\n".join(r.label for r in rows[:10]) + ("\n…" if len(rows) > 10 else "")
        question = self.tr(
            "Delete {0} session(s) with their people?\n\n{1}\n\nYou can undo this with Edit > Undo."
        ).format(len(rows), names)
        if not self.ctx.prompts.question(self, self.tr("Delete sessions"), question, default=True):
            return
        self.ctx.run(
            DeleteSessionsCommand(
                self.ctx,
                ids,
                self.tr("Delete {0} session(s)").format(len(ids)),
                versions={r.id: r.version for r in rows},  # those the question showed
            )
        )
