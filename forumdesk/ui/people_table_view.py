"""The People table as a view: set up for 50,000 rows, with its widths and its selection.

Selections are read and restored as row ranges, so "select all" on a big directory stays
cheap; column widths are fitted once to real rows and the user's own are remembered. The
heading's context menu shows or hides columns: the Latin name starts hidden, since nine columns
do not fit beside the docks on a 1366 px screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from forumdesk.core.rows import PersonRow
from forumdesk.ui.column_widths import RememberedColumnWidths, floor_width
from forumdesk.ui.people_table_model import PeopleTableModel

# The widest a column grows when first fitted to its contents, in average characters;
# the user's own widths are remembered.
_COLUMN_MAX_CHARS = (36, 32, 30, 16, 18, 28, 18, 14, 30)
# The narrowest they are made to keep every column in sight on a 1366 px screen.
_COLUMN_MIN_CHARS = (36, 12, 10, 8, 8, 12, 10, 10, 8)
# "people_page/header" held widths saved from an empty first run (all 100 px) for good;
# "people_page/columns" those of the eight columns before the Latin name came
HEADER_STATE_KEY = "people_page/columns9"
DROPPED_HEADER_KEYS = ("people_page/header", "people_page/columns")


class PeopleTableView(QTableView):
    def __init__(self, model: PeopleTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vertical = self.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures 50,000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.setResizeContentsPrecision(300)  # what "fit columns to contents" looks at
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        # A heading asks its selection model whether its whole column is selected: after
        # Ctrl+A that is a question per cell, 400,000 calls into Python for 50,000 people.
        # The heading has no use for the answer, so it gets a selection model of its own.
        header.setSelectionModel(QItemSelectionModel(model, header))
        self.widths = RememberedColumnWidths(
            self,
            HEADER_STATE_KEY,
            _COLUMN_MAX_CHARS,
            _COLUMN_MIN_CHARS,
            dropped_keys=DROPPED_HEADER_KEYS,
        )
        if not self.widths.sized:  # nothing remembered: the columns that fit a small screen
            header.setSectionHidden(PeopleTableModel.COLUMNS.index("latin_name"), True)
        # the window keeps the shown columns in sight: the docks beside it narrow first
        self.setMinimumWidth(floor_width(self, _COLUMN_MIN_CHARS))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_custom_context_menu_requested)

    # --- columns --------------------------------------------------------------------------

    def column_menu(self) -> QMenu:
        """A tick for each column but the name: shown or hidden (remembered with the widths)."""
        menu = QMenu(self)
        header = self.horizontalHeader()
        for column in range(1, self.people.columnCount()):
            heading = str(self.people.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(heading)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda shown, column=column: self._set_column_shown(column, shown)
            )
        return menu

    def _set_column_shown(self, column: int, shown: bool) -> None:
        header = self.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) < header.minimumSectionSize() * 2:
            self.resizeColumnToContents(column)

    def _on_header_custom_context_menu_requested(self, position: QPoint) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(position))

    # --- widths ---------------------------------------------------------------------------

    def fit_columns_once(self) -> None:
        """Fit the columns to real rows (not to an empty event) unless already done."""
        self.widths.fit_once()  # looks at a few hundred rows, not all

    def save_state(self) -> None:
        """Remember column widths, order and sorting, once they were fitted to real rows."""
        self.widths.save()

    # --- selection ------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The selected rows in order; read from the ranges, so "select all" stays cheap."""
        rows: set[int] = set()
        for selected in self.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def current_person(self) -> PersonRow | None:
        """The person the editor opens: the current row if selected, else the first selected."""
        index = self.currentIndex()
        if index.isValid() and self.selectionModel().isRowSelected(index.row()):
            return self.people.person_at(index.row())
        rows = self.selected_rows()
        return self.people.person_at(rows[0]) if rows else None

    def select_person_ids(self, person_ids: Sequence[int], current_id: int | None = None) -> None:
        """Select these people where they are shown, and make `current_id` the current row."""
        model = self.people
        rows = sorted(r for r in (model.row_of(i) for i in person_ids) if r is not None)
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        # contiguous rows as one range: restoring "select all" stays cheap
        for _, run in groupby(enumerate(rows), key=lambda pair: pair[1] - pair[0]):
            block = [row for _, row in run]
            selection.select(model.index(block[0], 0), model.index(block[-1], last_column))
        flags = QItemSelectionModel.SelectionFlag
        selection_model = self.selectionModel()
        current_row = model.row_of(current_id) if current_id is not None else None
        if current_row is None and rows:
            current_row = rows[0]
        if current_row is not None:
            selection_model.setCurrentIndex(model.index(current_row, 0), flags.NoUpdate)
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
