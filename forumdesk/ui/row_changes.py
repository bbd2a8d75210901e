"""Bringing a list-backed Qt model up to date with fresh rows, one signal per change.

A view keeps its selection, current index and scroll position across `dataChanged`, inserted,
removed and moved rows, but loses all of them on a model reset. So when a view's controller
reloads its rows after an edit, it hands them to `apply_row_changes`, which matches old and new
rows by key (the record's id) and tells the views exactly what happened: rows that vanished are
removed, rows that moved are moved, new rows are inserted and rows whose content changed emit
`dataChanged`. A reset stays for a real reload: an order that changed wholesale, or rows that
cannot be told apart by their key.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex

Row = TypeVar("Row")
RowKey = Callable[[Any], Hashable]


def row_id(row: Any) -> Hashable:
    """The default key: the record's id, as every row type in forumdesk.core.rows has one."""
    return row.id


def apply_row_changes(
    model: QAbstractItemModel,
    rows: list[Row],
    fresh: Sequence[Row],
    key: RowKey = row_id,
) -> bool:
    """Make `rows`, the list behind the flat `model`, equal `fresh`, announcing each change.

    Returns True when it fell back on a model reset (the order changed for more than half of
    the rows kept, or a key occurs twice), False when every change was announced row by row.
    """
    old_keys = [key(row) for row in rows]
    new_keys = [key(row) for row in fresh]
    old_set, new_set = set(old_keys), set(new_keys)
    if len(old_set) != len(old_keys) or len(new_set) != len(new_keys):
        _reset(model, rows, fresh)
        return True
    kept_in_new_order = [k for k in new_keys if k in old_set]
    movers = _out_of_order([k for k in old_keys if k in new_set], kept_in_new_order)
    if len(movers) * 2 > len(kept_in_new_order):
        _reset(model, rows, fresh)
        return True
    keys = list(old_keys)
    _remove_vanished(model, rows, keys, new_set)
    _move(model, rows, keys, kept_in_new_order, movers)
    _insert_new(model, rows, fresh, new_keys, old_set)
    _replace_changed(model, rows, fresh)
    return False


def _reset(model: QAbstractItemModel, rows: list[Row], fresh: Sequence[Row]) -> None:
    model.beginResetModel()
    rows[:] = fresh
    model.endResetModel()


def _out_of_order(old_order: list[Hashable], new_order: list[Hashable]) -> set[Hashable]:
    """The fewest keys to move so that `old_order` becomes `new_order` (same keys, both lists).

    The keys that stay are a longest increasing run of new positions taken in old order.
    """
    position = {k: n for n, k in enumerate(new_order)}
    sequence = [position[k] for k in old_order]
    tails: list[int] = []  # tails[length - 1]: the smallest last value of a run that long
    tail_at: list[int] = []  # where in `sequence` that last value stands
    before = [-1] * len(sequence)  # the previous element of the best run ending here
    for n, value in enumerate(sequence):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(n)
        else:
            tails[length] = value
            tail_at[length] = n
        before[n] = tail_at[length - 1] if length else -1
    staying: set[Hashable] = set()
    n = tail_at[-1] if tail_at else -1
    while n != -1:
        staying.add(old_order[n])
        n = before[n]
    return set(old_order) - staying


def _remove_vanished(
    model: QAbstractItemModel, rows: list[Row], keys: list[Hashable], keep: set[Hashable]
) -> None:
    """Remove the rows whose key is not in `keep`, a contiguous run at a time, last run first."""
    n = len(rows) - 1
    while n >= 0:
        if keys[n] in keep:
            n -= 1
            continue
        last = n
        while n >= 0 and keys[n] not in keep:
            n -= 1
        model.beginRemoveRows(QModelIndex(), n + 1, last)
        del rows[n + 1 : last + 1]
        del keys[n + 1 : last + 1]
        model.endRemoveRows()


def _move(
    model: QAbstractItemModel,
    rows: list[Row],
    keys: list[Hashable],
    order: list[Hashable],
    movers: set[Hashable],
) -> None:
    """Put each mover right after the key that precedes it in `order`, in that order.

    The keys that do not move are already in `order`'s order, so once every mover follows its
    predecessor the whole list is in `order`.
    """
    for n, moving in enumerate(order):
        if moving not in movers:
            continue
        source = keys.index(moving)
        target = keys.index(order[n - 1]) + 1 if n else 0  # insert before the row now there
        if target in (source, source + 1):
            continue  # already right after its predecessor
        if not model.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target):
            continue
        landing = target if target < source else target - 1
        rows.insert(landing, rows.pop(source))
        keys.insert(landing, keys.pop(source))
        model.endMoveRows()


def _insert_new(
    model: QAbstractItemModel,
    rows: list[Row],
    fresh: Sequence[Row],
    new_keys: list[Hashable],
    old_set: set[Hashable],
) -> None:
    """Insert the fresh rows with keys not seen before, a contiguous run at a time."""
    n = 0
    while n < len(fresh):
        if new_keys[n] in old_set:
            n += 1
            continue
        first = n
        while n < len(fresh) and new_keys[n] not in old_set:
            n += 1
        model.beginInsertRows(QModelIndex(), first, n - 1)
        rows[first:first] = fresh[first:n]
        model.endInsertRows()


def _replace_changed(model: QAbstractItemModel, rows: list[Row], fresh: Sequence[Row]) -> None:
    """Take the fresh value of each row whose content changed; one dataChanged per run."""
    # a list model has one column (and hides columnCount)
    last_column = (
        0 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex()) - 1
    )
    n = 0
    while n < len(fresh):
        if rows[n] is fresh[n] or rows[n] == fresh[n]:
            n += 1
            continue
        first = n
        while n < len(fresh) and not (rows[n] is fresh[n] or rows[n] == fresh[n]):
            rows[n] = fresh[n]
            n += 1
        model.dataChanged.emit(model.index(first, 0), model.index(n - 1, last_column))
