"""The Rooms and Tracks table models on the demo forum: the model tester watches a reload and
the edits that follow (added, renamed, reordered, deleted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import venue
from forumdesk.services.demo import DemoResult
from forumdesk.ui.venue_table_models import RoomTableModel, TrackTableModel


def _column(model: RoomTableModel | TrackTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_room_model_passes_the_model_tester_through_edits(
    qtmodeltester: Any, qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    event_id = demo.event.id
    model = RoomTableModel()
    model.set_rows(venue.list_rooms(db, event_id))
    qtmodeltester.check(model)  # and it keeps checking every change below
    assert _column(model, 0) == ["Plenary Hall", "Hall A", "Hall B", "Hall C", "Hall D"]
    assert model.index(0, 1).data(Qt.ItemDataRole.EditRole) == model.row_at(0).capacity

    press = venue.add_room(db, event_id, "Press room", 20)
    venue.update_room(db, model.row_at(1).id, {"capacity": 321}, expected_version=None)
    venue.delete_room(db, model.row_at(2).id, expected_version=None)
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsInserted, timeout=0),
        qtbot.waitSignal(model.rowsRemoved, timeout=0),
        qtbot.waitSignal(model.dataChanged, timeout=0),
    ):
        model.update_rows(venue.list_rooms(db, event_id))
    assert _column(model, 0) == ["Plenary Hall", "Hall A", "Hall C", "Hall D", "Press room"]
    assert model.index(1, 1).data() == "321"

    ids = [room.id for room in model.rows()]
    ids.insert(0, ids.pop(ids.index(press.id)))
    venue.reorder_rooms(db, event_id, ids, expected_versions=None)
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsMoved, timeout=0),
    ):
        model.update_rows(venue.list_rooms(db, event_id))
    assert _column(model, 0) == ["Press room", "Plenary Hall", "Hall A", "Hall C", "Hall D"]


def test_the_track_model_passes_the_model_tester_through_edits(
    qtmodeltester: Any, qtbot: QtBot, db: Database, demo: DemoResult
) -> None:
    event_id = demo.event.id
    model = TrackTableModel()
    tracks = venue.list_tracks(db, event_id)
    model.set_rows(tracks)
    qtmodeltester.check(model)
    assert _column(model, 0) == [t.name for t in tracks] and len(tracks) > 1
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) == QColor(tracks[0].color)

    venue.add_track(db, event_id, "Zeta track", "#123456")
    venue.update_track(db, tracks[0].id, {"color": "#ABCDEF"}, expected_version=None)
    venue.delete_track(db, tracks[1].id, expected_version=None)
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsInserted, timeout=0),
        qtbot.waitSignal(model.rowsRemoved, timeout=0),
        qtbot.waitSignal(model.dataChanged, timeout=0),
    ):
        model.update_rows(venue.list_tracks(db, event_id))
    assert _column(model, 0) == [t.name for t in venue.list_tracks(db, event_id)]
    assert tracks[1].name not in _column(model, 0) and "Zeta track" in _column(model, 0)
    first = _column(model, 0).index(tracks[0].name)
    assert model.index(first, 1).data() == "#ABCDEF"
