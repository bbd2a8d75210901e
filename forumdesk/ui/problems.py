"""The Problems dock: the event's schedule problems grouped by severity and kind.

The dock re-checks the event (services.problems.check_event, a few bulk queries) shortly after
anything that can change a problem, keeps a count in the status bar, outlines problem sessions
on the timetable (forumdesk.ui.problem_marks) and lets staff accept a problem with a note, as an
undoable command. An acceptance holds while the facts behind the problem are unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import EventRow
from forumdesk.scheduling.checker import Severity
from forumdesk.services import problems
from forumdesk.services.problems import AcceptanceRow, ProblemRow
from forumdesk.ui.context import (
    ASSIGNMENTS,
    EVENT,
    PEOPLE,
    REGISTRATIONS,
    ROOMS,
    SESSIONS,
    AppContext,
    ForumdeskCommand,
)
from forumdesk.ui.problems_tree_model import (
    PROBLEM_ROLE,
    ProblemsTreeModel,
    count_text,
    kind_title,
)

# What an acceptance changes: only the problem list listens to it.
PROBLEMS = "problems"
RECHECK_TOPICS = frozenset({SESSIONS, ASSIGNMENTS, ROOMS, EVENT, REGISTRATIONS, PEOPLE, PROBLEMS})
SHOW_ACCEPTED_KEY = "problems/show_accepted"

__all__ = [
    "AcceptProblemCommand",
    "ProblemsDock",
    "ProblemsStatusLabel",
    "ProblemsTreeModel",
    "UnacceptProblemCommand",
    "count_text",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProblemsDock", text)


# --- undo commands ----------------------------------------------------------------------------


class AcceptProblemCommand(ForumdeskCommand):
    """Accept problems as they are now, with one note, in one service call; undo puts back
    what was there before."""

    topics = frozenset({PROBLEMS})

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        rows: Sequence[ProblemRow],
        note: str | None,
    ) -> None:
        super().__init__(ctx, _accept_text(ctx, rows))
        self.event_id, self.note = event_id, note
        self.problems = [(row.key, row.fingerprint) for row in rows]
        # each key's acceptance as the user saw it (a redo: as the undo left it)
        self._based_on: dict[str, tuple[int, int] | None] = {r.key: r.acceptance for r in rows}
        self._previous: dict[str, AcceptanceRow | None] = {}

    def do(self) -> None:
        left: dict[str, tuple[int, int] | None] = {}
        self._previous = problems.accept_problems(
            self.ctx.db,
            self.event_id,
            self.problems,
            self.note,
            expected=self._based_on,
            left=left,
        )
        self._based_on = left

    def undo_action(self) -> None:
        left: dict[str, tuple[int, int] | None] = {}
        problems.restore_acceptances(
            self.ctx.db, self.event_id, self._previous, expected=self._based_on, left=left
        )
        self._based_on = left


class UnacceptProblemCommand(ForumdeskCommand):
    """Withdraw acceptances in one service call; undo restores them with their notes."""

    topics = frozenset({PROBLEMS})

    def __init__(self, ctx: AppContext, event_id: int, rows: Sequence[ProblemRow]) -> None:
        super().__init__(ctx, _unaccept_text(ctx, rows))
        self.event_id, self.keys = event_id, [row.key for row in rows]
        # each key's acceptance as the user saw it (a redo: as the undo left it)
        self._based_on: dict[str, tuple[int, int] | None] = {r.key: r.acceptance for r in rows}
        self._removed: dict[str, AcceptanceRow | None] = {}

    def do(self) -> None:
        left: dict[str, tuple[int, int] | None] = {}
        self._removed = problems.unaccept_problems(
            self.ctx.db, self.event_id, self.keys, expected=self._based_on, left=left
        )
        self._based_on = left

    def undo_action(self) -> None:
        left: dict[str, tuple[int, int] | None] = {}
        problems.restore_acceptances(
            self.ctx.db, self.event_id, self._removed, expected=self._based_on, left=left
        )
        self._based_on = left


def _accept_text(ctx: AppContext, rows: Sequence[ProblemRow]) -> str:
    if len(rows) == 1:
        return ctx.tr("Accept problem: {0}").format(kind_title(rows[0].kind))
    return ctx.tr("Accept %n problems", "", len(rows))


def _unaccept_text(ctx: AppContext, rows: Sequence[ProblemRow]) -> str:
    if len(rows) == 1:
        return ctx.tr("Un-accept problem: {0}").format(kind_title(rows[0].kind))
    return ctx.tr("Un-accept %n problems", "", len(rows))


# --- the dock ---------------------------------------------------------------------------------


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights for messages and headings wrapped to the column's width (the view's own hint
    does not wrap in Qt 6)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0 and not isinstance(index.data(PROBLEM_ROLE), ProblemRow):
            return hint
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self.tree.indentation() * (depth + 1) if index.column() == 0 else 0
        width = max(60, self.tree.columnWidth(index.column()) - indent - 12)
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:  # a heading's severity icon
            width = max(60, width - option.decorationSize.width() - 4)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else option.font)
        bounds = metrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(min(hint.width(), width), max(hint.height(), bounds.height() + 6))


class _ProblemsTree(QTreeView):
    """Double-click on a problem asks for its session; on a group it folds as usual."""

    problem_activated = Signal(object)  # ProblemRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # wrapped messages need new row heights whenever the dock's width changes
        self.header().sectionResized.connect(self._on_header_section_resized)
        self.setItemDelegate(_WrappingDelegate(self))

    def _on_header_section_resized(self, _section: int, _old: int, _new: int) -> None:
        self.scheduleDelayedItemsLayout()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        row = index.data(PROBLEM_ROLE) if index.isValid() else None
        if isinstance(row, ProblemRow):
            event.accept()
            self.problem_activated.emit(row)
            return
        super().mouseDoubleClickEvent(event)


HOLD_AT_MOST_MS = 2000  # the longest the first check waits for the window's first paint


class ProblemsDock(QDockWidget):
    """The current event's problems; re-checked after every change, at most once per burst."""

    checked = Signal()  # after each re-check (the rows and counts are current)
    session_requested = Signal(int)  # a problem was double-clicked: show this session

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems_dock")
        self.ctx = ctx
        self.all_rows: list[ProblemRow] = []
        self.model = ProblemsTreeModel(self)

        body = QWidget(self)
        self.tree = _ProblemsTree(body)
        self.tree.setModel(self.model)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long messages wrap
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 80)
        header.resizeSection(2, 120)
        # A dock is narrow: the message names the sessions and an accepted problem's note is
        # shown under its message; a column of their own squeezed the messages to a sliver.
        self.tree.setColumnHidden(1, True)
        self.tree.setColumnHidden(2, True)
        self.summary_label = QLabel(body)
        self.summary_label.setWordWrap(True)
        self.show_accepted_check = QCheckBox(self.tr("Show accepted"), body)
        self.show_accepted_check.setChecked(
            str(QSettings().value(SHOW_ACCEPTED_KEY, "false")).lower() == "true"
        )
        self.accept_button = QPushButton(self.tr("Accept…"), body)
        self.accept_button.setToolTip(
            self.tr(
                "Mark the selected problems as accepted, with a note why. They come back when "
                "the times, rooms or people behind them change."
            )
        )
        self.unaccept_button = QPushButton(self.tr("Un-accept"), body)
        self.accept_action = QAction(self.tr("Accept…"), self)
        self.unaccept_action = QAction(self.tr("Un-accept"), self)
        self.tree.addAction(self.accept_action)
        self.tree.addAction(self.unaccept_action)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # The check box above the buttons, not beside them: in one row, Russian and Kazakh made
        # the dock so wide that its tabs and the pages no longer fitted a 1366-pixel screen.
        controls = QHBoxLayout()
        controls.addStretch(1)
        controls.addWidget(self.accept_button)
        controls.addWidget(self.unaccept_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.show_accepted_check)
        layout.addLayout(controls)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the burst of notifications of a macro or undo
        self._timer.timeout.connect(self.recheck)
        self.accept_button.clicked.connect(self.accept_selected)
        self.accept_action.triggered.connect(self.accept_selected)
        self.unaccept_button.clicked.connect(self.unaccept_selected)
        self.unaccept_action.triggered.connect(self.unaccept_selected)
        self.show_accepted_check.toggled.connect(self._on_show_accepted_check_toggled)
        self.tree.problem_activated.connect(self._on_tree_problem_activated)
        self.tree.selectionModel().selectionChanged.connect(lambda *_args: self._update_actions())
        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.event_changed.connect(self._on_ctx_event_changed)
        self._held = False
        self.schedule_recheck()  # from the event loop, after the burst of start-up signals

    # --- checking ---------------------------------------------------------------------------

    def schedule_recheck(self) -> None:
        if not self._held:
            self._timer.start()

    def check_after(self, signal: SignalInstance) -> None:
        """Hold every check until `signal` fires once, then check.

        A starting window passes its first-paint signal: the window and its timetable appear
        first and the problems (a fifth of a second on a large forum) follow straight after,
        instead of keeping the whole window from showing. A window that is never painted
        (started minimised) is checked after `HOLD_AT_MOST_MS` all the same.
        """
        self._held = True
        self._timer.stop()

        def release() -> None:
            if self._held:
                self._held = False
                self.schedule_recheck()

        signal.connect(release, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(HOLD_AT_MOST_MS, self, release)

    def recheck(self) -> None:
        """Check the current event now and show what was found."""
        self._timer.stop()
        event_id = self.ctx.event_id
        rows: list[ProblemRow] = []
        if event_id is not None:
            try:
                rows = problems.check_event(self.ctx.db, event_id)
            except ForumdeskError as exc:  # the event went away under us
                self.summary_label.setText(str(exc))
        self.all_rows = rows
        self._show_rows()
        self.checked.emit()

    def open_rows(self) -> list[ProblemRow]:
        return [row for row in self.all_rows if not row.accepted]

    def counts(self) -> tuple[int, int]:
        """Open (not accepted) errors and warnings."""
        open_rows = self.open_rows()
        return (
            sum(1 for r in open_rows if r.severity == Severity.ERROR),
            sum(1 for r in open_rows if r.severity == Severity.WARNING),
        )

    def _show_rows(self) -> None:
        selected = {row.key for row in self.selected_problems()}
        shown = self.all_rows if self.show_accepted_check.isChecked() else self.open_rows()
        self.model.set_rows(shown)
        self.tree.expandAll()
        for key in selected:
            index = self.model.index_of(key)
            if index.isValid():
                self.tree.selectionModel().select(
                    index,
                    self.tree.selectionModel().SelectionFlag.Select
                    | self.tree.selectionModel().SelectionFlag.Rows,
                )
        errors, warnings = self.counts()
        accepted = sum(1 for r in self.all_rows if r.accepted)
        text = count_text(errors, warnings)
        if accepted:
            text += " · " + self.tr("%n accepted", "", accepted)
        self.summary_label.setText(text)
        self._update_actions()

    # --- accepting --------------------------------------------------------------------------

    def selected_problems(self) -> list[ProblemRow]:
        found: list[ProblemRow] = []
        for index in self.tree.selectionModel().selectedRows(0):
            row = self.model.problem(index)
            if row is not None:
                found.append(row)
        return found

    def select_problem(self, key: str) -> bool:
        index = self.model.index_of(key)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.selectionModel().select(
            index,
            self.tree.selectionModel().SelectionFlag.ClearAndSelect
            | self.tree.selectionModel().SelectionFlag.Rows,
        )
        return True

    def _update_actions(self) -> None:
        chosen = self.selected_problems()
        can_accept = any(not r.accepted for r in chosen)
        can_unaccept = any(r.accepted for r in chosen)
        for widget in (self.accept_button, self.accept_action):
            widget.setEnabled(can_accept)
        for widget in (self.unaccept_button, self.unaccept_action):
            widget.setEnabled(can_unaccept)

    def accept_selected(self) -> bool:
        event_id = self.ctx.event_id
        chosen = [r for r in self.selected_problems() if not r.accepted]
        if event_id is None or not chosen:
            return False
        label = (
            self.tr("Why is this acceptable?\n{0}").format(chosen[0].message)
            if len(chosen) == 1
            else self.tr("Why are these %n problems acceptable?", "", len(chosen))
        )
        note = self.ctx.prompts.note(self, self.tr("Accept problem"), label)
        if note is None:
            return False
        return self.ctx.run(AcceptProblemCommand(self.ctx, event_id, chosen, note))

    def unaccept_selected(self) -> bool:
        event_id = self.ctx.event_id
        chosen = [r for r in self.selected_problems() if r.accepted]
        if event_id is None or not chosen:
            return False
        return self.ctx.run(UnacceptProblemCommand(self.ctx, event_id, chosen))

    # --- slots ------------------------------------------------------------------------------

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if topics & RECHECK_TOPICS:
            self.schedule_recheck()

    def _on_ctx_event_changed(self, _event: EventRow | None) -> None:
        self.schedule_recheck()

    def _on_show_accepted_check_toggled(self, checked: bool) -> None:
        QSettings().setValue(SHOW_ACCEPTED_KEY, checked)
        self._show_rows()

    def _on_tree_problem_activated(self, row: ProblemRow) -> None:
        if row.session_ids:
            self.session_requested.emit(row.session_ids[0])


# --- the status-bar count ---------------------------------------------------------------------


class ProblemsStatusLabel(QLabel):
    """ "1 error, 2 warnings" in the status bar, in the colour of the worst; a click raises
    the dock."""

    clicked = Signal()

    def __init__(self, dock: ProblemsDock, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dock, self.ctx = dock, ctx
        self.setObjectName("problems_label")
        self.setToolTip(_tr("Open the list of problems"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self._on_self_clicked)
        dock.checked.connect(self.update_count)
        self.update_count()

    def update_count(self) -> None:
        if self.ctx.event_id is None:
            self.clear()
            return
        errors, warnings = self.dock.counts()
        self.setText(count_text(errors, warnings))
        color = "#B00020" if errors else "#9A6700" if warnings else "#2E7D32"
        self.setStyleSheet(f"color: {color}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def _on_self_clicked(self) -> None:
        self.dock.show()
        self.dock.raise_()
