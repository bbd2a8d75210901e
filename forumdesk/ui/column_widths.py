"""Column widths of the pages' tables: fitted to real rows once, the user's own remembered.

A table first shown empty (a new database, an event without people) has nothing to measure:
its widths are Qt's defaults and are neither kept nor saved. The first time rows arrive the
columns are fitted to them, each within a cap in average characters so one long value does not
push the rest out of sight; from then on the user's widths, order and sorting are saved under a
settings key and restored next time.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QTableView

DEFAULT_MAX_CHARS = 40  # the widest a column is fitted, in average characters


def fit_columns(
    view: QTableView, max_chars: Sequence[int] = (), min_chars: Sequence[int] = ()
) -> None:
    """Fit every column to its contents (the rows the header samples), each within its cap,
    then narrow the widest so that all of them fit the view's width (no sideways scrolling on
    a 1366 px screen), none below `min_chars` or its heading.

    A heading stays readable, even a long translated one, up to DEFAULT_MAX_CHARS.
    """
    view.resizeColumnsToContents()
    char = view.fontMetrics().averageCharWidth()
    header = view.horizontalHeader()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for column in columns:
        chars = max_chars[column] if column < len(max_chars) else DEFAULT_MAX_CHARS
        widest = max(chars * char, min(header.sectionSizeHint(column), DEFAULT_MAX_CHARS * char))
        view.setColumnWidth(column, min(view.columnWidth(column), widest))
    # the vertical scroll bar may appear once the rows are laid out: leave its width
    scroll_bar = view.style().pixelMetric(view.style().PixelMetric.PM_ScrollBarExtent)
    available = view.viewport().width() - (
        0 if view.verticalScrollBar().isVisible() else scroll_bar
    )
    widths = {c: view.columnWidth(c) for c in columns}
    floors = {c: min(widths[c], _floor(view, c, min_chars, char)) for c in columns}
    for column, width in squeezed(widths, floors, available).items():
        view.setColumnWidth(column, width)


def floor_width(view: QTableView, min_chars: Sequence[int] = ()) -> int:
    """The width `view` needs to show its shown columns at their floors (fit_columns' least)
    with a vertical scroll bar and its frame: what its page asks of the window, so docks
    beside it give way before its columns go out of sight."""
    char = view.fontMetrics().averageCharWidth()
    header = view.horizontalHeader()
    floors = sum(
        _floor(view, c, min_chars, char)
        for c in range(header.count())
        if not header.isSectionHidden(c)
    )
    scroll_bar = view.style().pixelMetric(view.style().PixelMetric.PM_ScrollBarExtent)
    return floors + scroll_bar + 2 * view.frameWidth()


def _floor(view: QTableView, column: int, min_chars: Sequence[int], char: int) -> int:
    """The narrowest `column` is squeezed to: its `min_chars` or its heading, whichever is
    wider (a heading up to DEFAULT_MAX_CHARS)."""
    chars = min_chars[column] if column < len(min_chars) else 0
    return max(chars * char, min(_heading_width(view, column), DEFAULT_MAX_CHARS * char))


def _heading_width(view: QTableView, column: int) -> int:
    """The heading's text with a little margin (its size hint also reserves a sort arrow)."""
    model = view.model()
    text = "" if model is None else str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    return view.horizontalHeader().fontMetrics().horizontalAdvance(text) + 12


def squeezed(widths: dict[int, int], floors: dict[int, int], available: int) -> dict[int, int]:
    """The widths narrowed to fit `available` where the floors allow: each column gives up the
    same share of what it has above its floor, so a long title keeps more than a short code."""
    total = sum(widths.values())
    if total <= available or available <= 0:
        return dict(widths)
    spare = {c: max(0, w - floors[c]) for c, w in widths.items()}
    room = available - (total - sum(spare.values()))
    if room <= 0:
        return {c: w - spare[c] for c, w in widths.items()}
    share = room / sum(spare.values())
    return {c: w - spare[c] + int(spare[c] * share) for c, w in widths.items()}


class RememberedColumnWidths:
    """The widths of one table: restored from `key`, else fitted when rows first arrive."""

    def __init__(
        self,
        view: QTableView,
        key: str,
        max_chars: Sequence[int] = (),
        min_chars: Sequence[int] = (),
        *,
        dropped_keys: Sequence[str] = (),
    ) -> None:
        self.view = view
        self.key = key
        self.max_chars = tuple(max_chars)
        self.min_chars = tuple(min_chars)
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
        fit_columns(self.view, self.max_chars, self.min_chars)

    def save(self) -> None:
        """Remember widths, order and sorting; an empty, never-fitted table's are not kept."""
        if self.sized:
            QSettings().setValue(self.key, self.view.horizontalHeader().saveState())
