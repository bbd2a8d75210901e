"""apply_row_changes: fresh rows reach a list-backed model as inserts, removals, moves and
dataChanged, so persistent indexes (a view's selection and current row) stay on their records."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from pytestqt.qtbot import QtBot

from forumdesk.ui.row_changes import apply_row_changes

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Line:
    id: int
    text: str


class LineTableModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[Line] = ()) -> None:
        super().__init__()
        self.lines = list(rows)

    def update(self, rows: Sequence[Line]) -> bool:
        return apply_row_changes(self, self.lines, rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.lines[index.row()]
        return line.id if index.column() == 0 else line.text


class LineListModel(QAbstractListModel):
    def __init__(self, rows: Sequence[Line] = ()) -> None:
        super().__init__()
        self.lines = list(rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.lines[index.row()].text


def _lines(*ids: int, text: str = "") -> list[Line]:
    return [Line(i, text or f"line {i}") for i in ids]


class Recorder:
    """Every change signal the model sends, as (signal, first row, last row[, destination])."""

    def __init__(self, model: QAbstractTableModel | QAbstractListModel) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.columns: list[tuple[int, int]] = []
        model.rowsInserted.connect(lambda _p, a, b: self.calls.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.calls.append(("removed", a, b)))
        model.rowsMoved.connect(lambda _p, a, b, _d, to: self.calls.append(("moved", a, b, to)))
        model.modelReset.connect(lambda: self.calls.append(("reset",)))
        model.dataChanged.connect(self._on_data_changed)

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, _roles: object) -> None:
        self.calls.append(("changed", top.row(), bottom.row()))
        self.columns.append((top.column(), bottom.column()))


def test_one_changed_row_is_one_data_changed_over_all_columns(qtmodeltester: Any) -> None:
    model = LineTableModel(_lines(1, 2, 3))
    qtmodeltester.check(model)
    recorder = Recorder(model)
    assert model.update([Line(1, "line 1"), Line(2, "renamed"), Line(3, "line 3")]) is False
    assert recorder.calls == [("changed", 1, 1)]
    assert recorder.columns == [(0, 1)]
    assert model.index(1, 1).data() == "renamed"


def test_unchanged_rows_send_nothing(qtmodeltester: Any) -> None:
    model = LineTableModel(_lines(1, 2, 3))
    qtmodeltester.check(model)
    recorder = Recorder(model)
    model.update(_lines(1, 2, 3))
    assert recorder.calls == []


def test_new_and_vanished_rows_are_inserted_and_removed_in_runs(qtmodeltester: Any) -> None:
    model = LineTableModel(_lines(1, 2, 3, 4, 5, 6))
    qtmodeltester.check(model)
    recorder = Recorder(model)
    model.update(_lines(1, 10, 11, 4, 6, 12))
    assert recorder.calls == [
        ("removed", 4, 4),  # 5, from the end so the earlier positions still hold
        ("removed", 1, 2),  # 2 and 3
        ("inserted", 1, 2),  # 10 and 11
        ("inserted", 5, 5),  # 12
    ]
    assert [line.id for line in model.lines] == [1, 10, 11, 4, 6, 12]


def test_a_row_that_moved_is_moved_not_reset(qtmodeltester: Any) -> None:
    model = LineTableModel(_lines(1, 2, 3, 4, 5))
    qtmodeltester.check(model)
    kept = QPersistentModelIndex(model.index(0, 1))
    recorder = Recorder(model)
    model.update(_lines(2, 3, 4, 5, 1))  # the first session went to the end of the day
    assert recorder.calls == [("moved", 0, 0, 5)]
    assert (kept.row(), kept.data()) == (4, "line 1")


def test_a_moved_and_changed_row_is_moved_then_changed(qtmodeltester: Any) -> None:
    model = LineTableModel(_lines(1, 2, 3, 4))
    qtmodeltester.check(model)
    recorder = Recorder(model)
    model.update([Line(2, "line 2"), Line(3, "line 3"), Line(1, "later"), Line(4, "line 4")])
    assert recorder.calls == [("moved", 0, 0, 3), ("changed", 2, 2)]


def test_an_order_changed_wholesale_is_a_reset(qtmodeltester: Any) -> None:
    model = LineTableModel(_lines(1, 2, 3, 4, 5))
    qtmodeltester.check(model)
    recorder = Recorder(model)
    assert model.update(_lines(5, 4, 3, 2, 1)) is True
    assert recorder.calls == [("reset",)]
    assert [line.id for line in model.lines] == [5, 4, 3, 2, 1]


def test_rows_without_a_unique_key_are_a_reset(qtmodeltester: Any) -> None:
    model = LineTableModel(_lines(1, 2))
    qtmodeltester.check(model)
    recorder = Recorder(model)
    assert model.update([Line(1, "a"), Line(1, "b")]) is True
    assert recorder.calls == [("reset",)]


def test_a_list_model_gets_data_changed_on_its_one_column(qtmodeltester: Any) -> None:
    model = LineListModel(_lines(1, 2, 3))
    qtmodeltester.check(model)
    recorder = Recorder(model)
    apply_row_changes(model, model.lines, [Line(1, "line 1"), Line(3, "changed")])
    assert recorder.calls == [("removed", 1, 1), ("changed", 1, 1)]
    assert recorder.columns == [(0, 0)]
    assert model.index(1, 0).data() == "changed"


def _edit(rng: random.Random, lines: list[Line], next_id: int) -> tuple[list[Line], int]:
    """A small random edit, as a desk makes one: some gone, some new, some renamed, few moved."""
    fresh = [line for line in lines if rng.random() > 0.1]
    for _ in range(rng.randint(0, 3)):
        fresh.insert(rng.randint(0, len(fresh)), Line(next_id, f"new {next_id}"))
        next_id += 1
    fresh = [replace(line, text=line.text + "*") if rng.random() < 0.15 else line for line in fresh]
    for _ in range(rng.randint(0, 2)):
        if len(fresh) > 1:
            fresh.insert(rng.randrange(len(fresh)), fresh.pop(rng.randrange(len(fresh))))
    return fresh, next_id


@pytest.mark.parametrize("seed", range(8))
def test_random_edits_keep_every_persistent_index_on_its_record(
    qtmodeltester: Any, qtbot: QtBot, seed: int
) -> None:
    rng = random.Random(seed)
    model = LineTableModel(_lines(*range(1, 31)))
    qtmodeltester.check(model)  # watches every signal of the edits below
    next_id = 100
    for _ in range(40):
        watched = {
            line.id: QPersistentModelIndex(model.index(row, 1))
            for row, line in enumerate(model.lines)
        }
        fresh, next_id = _edit(rng, model.lines, next_id)
        with qtbot.assertNotEmitted(model.modelReset):
            assert model.update(fresh) is False  # small edits never fall back on a reset
        assert model.lines == fresh
        kept = {line.id for line in fresh}
        for line_id, index in watched.items():
            if line_id in kept:
                assert index.isValid() and model.lines[index.row()].id == line_id
            else:
                assert not index.isValid()
