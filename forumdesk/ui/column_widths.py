"""Column widths of the pages' tables: fitted to real rows once, the user's own remembered.

A table first shown empty (a new database, an event without people) has nothing to measure:
its widths are Qt's defaults and are neither kept nor saved. The first time rows arrive the
columns are fitted to them, each within a cap in average characters so one long value does not
push the rest out of sight; from then on the user's widths, order and sorting are saved under a
settings key and restored next time.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QTableView

DEFAULT_MAX_CHARS = 40  # the widest a column is fitted, in average characters


def fit_columns(view: QTableView, max_chars: Sequence[int] = ()) -> None:
    """Fit every column to its contents (the rows the header samples), each within its cap.

    A heading stays readable, even a long translated one, up to DEFAULT_MAX_CHARS.
    """
    view.resizeColumnsToContents()
    char = view.fontMetrics().averageCharWidth()
    header = view.horizontalHeader()
    for column in range(header.count()):
        chars = max_chars[column] if column < len(max_chars) else DEFAULT_MAX_CHARS
        widest = max(chars * char, min(header.sectionSizeHint(column), DEFAULT_MAX_CHARS * char))
        view.setColumnWidth(column, min(view.columnWidth(column), widest))


class RememberedColumnWidths:
    """The widths of one table: restored from `key`, else fitted when rows first arrive."""

    def __init__(
        self,
        view: QTableView,
        key: str,
        max_chars: Sequence[int] = (),
        *,
        dropped_keys: Sequence[str] = (),
    ) -> None:
        self.view = view
        self.key = key
        self.max_chars = tuple(max_chars)
        settings = QSettings()
        for old in dropped_keys:  # widths saved by an older version, possibly from an empty table
            settings.remove(old)
        state = settings.value(key)
        self.sized = isinstance(state, QByteArray) and view.horizontalHeader().restoreState(state)

    def fit_once(self) -> None:
        """Fit the columns to the rows now shown, unless restored or already fitted."""
        model = self.view.model()
        if self.sized or model is None or not model.rowCount():
            return
        self.sized = True
        fit_columns(self.view, self.max_chars)

    def save(self) -> None:
        """Remember widths, order and sorting; an empty, never-fitted table's are not kept."""
        if self.sized:
            QSettings().setValue(self.key, self.view.horizontalHeader().saveState())
