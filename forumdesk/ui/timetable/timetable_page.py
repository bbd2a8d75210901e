"""The timetable page: day selector, zoom and snap controls over the view, and the controller
that turns what the view reports into undo commands.

Rows come from services when the event or its sessions change; every move, resize, schedule and
unschedule is an undo command that passes on what the user did (and the version they saw) to a
service of forumdesk.services.placing, which holds the rules (a move keeps the length, sessions
dropped together go one after another), so Ctrl+Z undoes drags too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.rows import EventRow, RoomRow, SessionRow
from forumdesk.services import events, sessions, venue
from forumdesk.ui.commands.placement import (
    MoveSessionCommand,
    ResizeSessionCommand,
    ScheduleSessionsCommand,
    UnscheduleSessionsCommand,
)
from forumdesk.ui.commands.sessions import DuplicateSessionsCommand
from forumdesk.ui.context import (
    ASSIGNMENTS,
    EVENT,
    ROOMS,
    SESSIONS,
    TRACKS,
    AppContext,
    ForumdeskCommand,
)
from forumdesk.ui.timetable.geometry import (
    DEFAULT_SNAP_MINUTES,
    DEFAULT_ZOOM,
    MIN_COLUMN_WIDTH,
    SNAP_CHOICES,
    ZOOM_LEVELS,
)
from forumdesk.ui.timetable.mark_styles import ProblemLegend
from forumdesk.ui.timetable.proposal_panel import ProposalPanel
from forumdesk.ui.timetable.rulers import day_heading
from forumdesk.ui.timetable.timetable_view import TimetableView

SNAP_KEY = "timetable/snap_minutes"
ZOOM_KEY = "timetable/pixels_per_minute"
ALL_DAYS = "all"
RELOAD_TOPICS = frozenset({SESSIONS, ROOMS, TRACKS, ASSIGNMENTS, EVENT})


def day_key(event_id: int) -> str:
    return f"timetable/day/{event_id}"


class TimetablePage(QWidget):
    """The timetable of the context's current event."""

    open_session = Signal(int)
    new_session_at = Signal(object)  # a Placement: create a session there (double-click, span)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown_event: EventRow | None = None
        self.days: list[dt.date] = []
        self.rooms: list[RoomRow] = []
        self.rows: dict[int, SessionRow] = {}

        self.day_combo = QComboBox(self)
        self.day_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_combo.currentIndexChanged.connect(self._on_day_combo_current_index_changed)
        self.snap_combo = QComboBox(self)
        for minutes in SNAP_CHOICES:
            self.snap_combo.addItem(self.tr("{0} min").format(minutes), minutes)
        self.snap_combo.currentIndexChanged.connect(self._on_snap_combo_current_index_changed)
        self.zoom_out_button = self._tool_button(
            self.tr("Zoom out"), "−", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_in_button = self._tool_button(
            self.tr("Zoom in"), "+", QKeySequence.StandardKey.ZoomIn
        )
        self.reset_zoom_button = self._tool_button(self.tr("Actual size"), "1:1", None)
        self.view = TimetableView(self)
        self.legend = ProblemLegend(self)  # what the problem marks mean (View > Legend)
        # automatic placement's proposal, beside the timetable while it is shown
        self.proposal_panel = ProposalPanel(self)
        self.proposal_panel.chosen_changed.connect(self.view.set_proposal_chosen)
        self.proposal_panel.session_activated.connect(self.show_ghost)

        controls = QHBoxLayout()
        controls.setContentsMargins(6, 4, 6, 2)
        controls.addWidget(QLabel(self.tr("Day:"), self))
        controls.addWidget(self.day_combo)
        controls.addStretch(1)
        controls.addWidget(QLabel(self.tr("Snap to:"), self))
        controls.addWidget(self.snap_combo)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Zoom:"), self))
        for button in (self.zoom_out_button, self.zoom_in_button, self.reset_zoom_button):
            controls.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(controls)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.view, 1)
        body.addWidget(self.proposal_panel)
        layout.addLayout(body, 1)
        layout.addWidget(self.legend)

        self.zoom_out_button.clicked.connect(lambda: self.view.zoom_out())
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom_in())
        self.reset_zoom_button.clicked.connect(self.view.reset_zoom)
        self.view.zoom_changed.connect(self._on_view_zoom_changed)
        self.view.move_requested.connect(self._on_view_move_requested)
        self.view.resize_requested.connect(self._on_view_resize_requested)
        self.view.schedule_requested.connect(self._on_view_schedule_requested)
        self.view.schedule_many_requested.connect(self._on_view_schedule_many_requested)
        self.view.unschedule_requested.connect(self._on_view_unschedule_requested)
        self.view.open_requested.connect(self.open_session)
        self.view.create_requested.connect(self.new_session_at)
        ctx.event_changed.connect(self._on_ctx_event_changed)
        ctx.data_changed.connect(self._on_ctx_data_changed)

        self._restore_settings()
        self._on_ctx_event_changed(ctx.current_event)

    def _tool_button(
        self, tip: str, text: str, shortcut: QKeySequence.StandardKey | None
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if shortcut is not None:
            action = QAction(tip, self)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(button.click)
            self.addAction(action)
        return button

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read rooms and sessions of the current event and show them."""
        event = self.shown_event
        if event is None:
            self.rooms, self.rows = [], {}
            self.view.set_data([], [], [])
            return
        self.rooms = venue.list_rooms(self.ctx.db, event.id)
        rows = sessions.list_sessions(self.ctx.db, event.id)
        self.rows = {row.id: row for row in rows}
        self.view.set_data(self.days, self.rooms, rows)

    def _set_event(self, event: EventRow | None) -> None:
        self.shown_event = event
        self.days = list(event.days) if event is not None else []
        self.rooms = venue.list_rooms(self.ctx.db, event.id) if event is not None else []
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        for day in self.days:
            self.day_combo.addItem(day_heading(day), day)
        if self.days:
            self.day_combo.addItem(self.tr("All days"), ALL_DAYS)
        self.day_combo.setCurrentIndex(self._remembered_day_index())
        self.day_combo.blockSignals(False)
        self.reload()
        self.view.set_day(self.current_day)

    def _remembered_day_index(self) -> int:
        if self.shown_event is None or not self.days:
            return -1
        saved = QSettings().value(day_key(self.shown_event.id))
        for index in range(self.day_combo.count()):
            data = self.day_combo.itemData(index)
            if saved is not None and str(saved) == (data if data == ALL_DAYS else data.isoformat()):
                return index
        # first visit: all days side by side if the screen has room for them, else day one
        screen = QGuiApplication.primaryScreen()
        width = screen.availableGeometry().width() if screen is not None else 1366
        needed = len(self.days) * max(1, len(self.rooms))
        fits = needed * MIN_COLUMN_WIDTH * 1.2 + 80 <= width
        return self.day_combo.count() - 1 if fits and len(self.days) > 1 else 0

    @property
    def current_day(self) -> dt.date | None:
        data = self.day_combo.currentData()
        return data if isinstance(data, dt.date) else None

    def set_day(self, day: dt.date | None) -> None:
        """Show one day (None: all days), as if chosen in the day selector."""
        wanted = ALL_DAYS if day is None else day
        # compared in Python: findData() cannot compare date objects held in QVariants
        for index in range(self.day_combo.count()):
            if self.day_combo.itemData(index) == wanted:
                self.day_combo.setCurrentIndex(index)
                return

    def show_session(self, session_id: int) -> bool:
        """Select a session's block, switching to its day if another day is shown."""
        row = self.rows.get(session_id)
        if row is None or row.starts_at is None:
            return False
        if self.current_day is not None and row.starts_at.date() != self.current_day:
            self.set_day(row.starts_at.date())
        return self.view.select_session(session_id)

    def show_ghost(self, session_id: int) -> bool:
        """Bring a proposed session's ghost block into view, switching to its day if needed."""
        ghost = self.view.ghost(session_id)
        if ghost is None:
            spot = next((s for s in self.view.proposed() if s.session_id == session_id), None)
            if spot is None or self.current_day is None:
                return False
            self.set_day(spot.starts_at.date())
            ghost = self.view.ghost(session_id)
            if ghost is None:
                return False
        self.view.ensureVisible(ghost, 40, 40)
        return True

    # --- settings ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = QSettings()
        try:
            snap = int(str(settings.value(SNAP_KEY, DEFAULT_SNAP_MINUTES)))
        except (TypeError, ValueError):
            snap = DEFAULT_SNAP_MINUTES
        index = self.snap_combo.findData(snap if snap in SNAP_CHOICES else DEFAULT_SNAP_MINUTES)
        self.snap_combo.blockSignals(True)
        self.snap_combo.setCurrentIndex(index)
        self.snap_combo.blockSignals(False)
        self.view.set_snap_minutes(self.snap_combo.currentData())
        try:
            zoom = float(str(settings.value(ZOOM_KEY, DEFAULT_ZOOM)))
        except (TypeError, ValueError):
            zoom = DEFAULT_ZOOM
        if ZOOM_LEVELS[0] <= zoom <= ZOOM_LEVELS[-1]:
            self.view.blockSignals(True)
            self.view.set_pixels_per_minute(zoom)
            self.view.blockSignals(False)

    def set_snap_minutes(self, minutes: int) -> None:
        index = self.snap_combo.findData(minutes)
        if index >= 0:
            self.snap_combo.setCurrentIndex(index)

    # --- slots: context ---------------------------------------------------------------------

    def _on_ctx_event_changed(self, event: EventRow | None) -> None:
        self._set_event(event)

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if not topics & RELOAD_TOPICS:
            return
        if EVENT in topics and self.shown_event is not None:
            # the event's days may have changed; the context still holds the old row
            fresh = events.get_event(self.ctx.db, self.shown_event.id)
            if fresh.days != self.days:
                day = self.current_day
                self._set_event(fresh)
                self.set_day(day)
                return
            self.shown_event = fresh
        self.reload()

    # --- slots: controls --------------------------------------------------------------------

    def _on_day_combo_current_index_changed(self, _index: int) -> None:
        self.view.set_day(self.current_day)
        if self.shown_event is not None:
            data = self.day_combo.currentData()
            QSettings().setValue(
                day_key(self.shown_event.id), data if data == ALL_DAYS else data.isoformat()
            )

    def _on_snap_combo_current_index_changed(self, _index: int) -> None:
        minutes = int(self.snap_combo.currentData())
        self.view.set_snap_minutes(minutes)
        QSettings().setValue(SNAP_KEY, minutes)

    def _on_view_zoom_changed(self, pixels_per_minute: float) -> None:
        QSettings().setValue(ZOOM_KEY, pixels_per_minute)

    # --- slots: what the view asks for ------------------------------------------------------

    def _name(self, session_id: int) -> str:
        row = self.rows.get(session_id)
        if row is None:
            return str(session_id)
        return row.code or f"«{row.title}»"

    def _versions(self, session_ids: Sequence[int]) -> dict[int, int]:
        """The version of each session as shown: the service refuses one changed since."""
        return {i: self.rows[i].version for i in session_ids if i in self.rows}

    def _run(self, command: ForumdeskCommand, select_id: int | None) -> bool:
        done = self.ctx.run(command)
        if done and select_id is not None:
            self.view.select_session(select_id)
        return done

    def _on_view_move_requested(
        self, session_id: int, room_id: int | None, starts_at: dt.datetime
    ) -> None:
        row = self.rows.get(session_id)
        if row is None:
            return
        room = next((r.name for r in self.rooms if r.id == room_id), self.tr("all rooms"))
        text = self.tr("Move {0} to {1}, {2}").format(
            self._name(session_id), room, starts_at.strftime("%H:%M")
        )
        self._run(MoveSessionCommand(self.ctx, text, row, room_id, starts_at), row.id)

    def _on_view_resize_requested(self, session_id: int, ends_at: dt.datetime) -> None:
        row = self.rows.get(session_id)
        if row is None:
            return
        text = self.tr("Change the length of {0}").format(self._name(session_id))
        self._run(ResizeSessionCommand(self.ctx, text, row, ends_at), row.id)

    def _on_view_schedule_requested(
        self, session_id: int, room_id: int | None, starts_at: dt.datetime
    ) -> None:
        text = self.tr("Schedule {0}").format(self._name(session_id))
        command = ScheduleSessionsCommand(
            self.ctx, text, [session_id], room_id, starts_at, self._versions([session_id])
        )
        self._run(command, session_id)

    def _on_view_schedule_many_requested(
        self, session_ids: Sequence[int], room_id: int | None, starts_at: dt.datetime
    ) -> None:
        """Several sessions dropped at once (the service puts them one after another)."""
        if not session_ids:
            return
        text = self.tr("Schedule %n session(s)", "", len(session_ids))
        command = ScheduleSessionsCommand(
            self.ctx, text, session_ids, room_id, starts_at, self._versions(session_ids)
        )
        self._run(command, session_ids[0])

    def duplicate_selected(self) -> list[int]:
        """Copy the selected sessions (Ctrl+D), each right after itself; the copies' ids."""
        chosen = self.view.selected_session_ids()
        if not chosen:
            return []
        text = self.tr("Duplicate %n session(s)", "", len(chosen))
        command = DuplicateSessionsCommand(self.ctx, text, chosen)
        if not self.ctx.run(command):
            return []
        copies = [row.id for row in command.created]
        self.view.scene().clearSelection()
        for session_id in copies:
            block = self.view.block(session_id)
            if block is not None:
                block.setSelected(True)
        return copies

    def _on_view_unschedule_requested(self, session_ids: Sequence[int]) -> None:
        if not session_ids:
            return
        text = self.tr("Unschedule %n session(s)", "", len(session_ids))
        command = UnscheduleSessionsCommand(
            self.ctx, text, session_ids, keep_room=False, versions=self._versions(session_ids)
        )
        self._run(command, None)
