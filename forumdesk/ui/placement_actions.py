"""Session > Place unscheduled sessions…, and Suggest a slot: automatic placement in the window.

Placing first asks the day's hours (forumdesk.ui.day_hours_dialog), then runs the solver in the
worker (forumdesk.ui.workers) with progress and Cancel; Cancel keeps the best placement found
so far. The proposal is shown as ghost blocks on the timetable with the proposal panel beside
it (accept all, accept the ticked sessions, discard); accepting is one undo command. Suggest a
slot lists the best few places for one session, within the same hours; choosing one places it,
one undo step too.

The solver (OR-Tools) is imported when placement is first asked for, not when the window starts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.progress import Progress
from forumdesk.core.rows import EventRow
from forumdesk.services import sessions
from forumdesk.ui.commands.placement import AcceptPlacementCommand, PlaceSessionCommand
from forumdesk.ui.context import AppContext
from forumdesk.ui.day_hours_dialog import DayHours, ask_day_hours
from forumdesk.ui.suggest_slot_dialog import choose_slot, slot_placement, when
from forumdesk.ui.timetable.proposal_blocks import GhostSpot
from forumdesk.ui.timetable.proposal_panel import ProposedRow, UnplacedLine
from forumdesk.ui.timetable.timetable_page import TimetablePage
from forumdesk.ui.workers import run_with_progress

if TYPE_CHECKING:
    from forumdesk.services.auto_placement import Proposal

log = logging.getLogger(__name__)

TIME_LIMIT = 8.0  # seconds: the solver's default; Cancel stops it sooner with the best so far
PROGRESS_STEPS = 100


class PlacementActions(QObject):
    """The window's automatic placement: its action, the running solver and the proposal."""

    def __init__(self, ctx: AppContext, page: TimetablePage, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.page, self.window = ctx, page, parent
        self.time_limit = TIME_LIMIT
        self.proposal: Proposal | None = None
        # the seams tests replace: the suggestion dialog's exec
        self.exec_dialog: Callable[[QDialog], object] = lambda dialog: dialog.exec()
        # and the day's hours dialog's, asked before placing
        self.exec_hours_dialog: Callable[[QDialog], object] = lambda dialog: dialog.exec()
        # called with the progress dialog as it is made (tests press its Cancel)
        self.dialog_created: Callable[[QProgressDialog], None] | None = None
        # sessions chosen outside the timetable (the unscheduled list), for Suggest a slot
        self.other_selection: Callable[[], list[int]] = list
        self.place_action = QAction(self.tr("&Place unscheduled sessions…"), parent)
        self.place_action.setObjectName("place_unscheduled_action")
        self.place_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.place_action.setStatusTip(
            self.tr("Propose rooms and times for the sessions not yet on the timetable")
        )
        self.place_action.triggered.connect(self.place_unscheduled)
        self.suggest_action = QAction(self.tr("S&uggest a slot for the selected session…"), parent)
        self.suggest_action.setObjectName("suggest_slot_action")
        self.suggest_action.triggered.connect(self._on_suggest_action_triggered)
        panel = page.proposal_panel
        panel.accept_all_requested.connect(self.accept_all)
        panel.accept_chosen_requested.connect(self.accept_chosen)
        panel.discard_requested.connect(self.discard)
        page.view.suggest_requested.connect(self.suggest_slot)
        ctx.event_changed.connect(self._on_ctx_event_changed)
        self._on_ctx_event_changed(ctx.current_event)

    def _on_ctx_event_changed(self, event: EventRow | None) -> None:
        self.place_action.setEnabled(event is not None)
        self.suggest_action.setEnabled(event is not None)
        self.discard()

    # --- placing the unscheduled sessions ---------------------------------------------------

    def place_unscheduled(self) -> Proposal | None:
        """Work out a placement in the worker and show it; None if nothing was proposed."""
        event_id = self.ctx.event_id
        if event_id is None:
            return None
        title = self.tr("Place unscheduled sessions")
        _total, unscheduled = sessions.session_counts(self.ctx.db, event_id)
        if unscheduled == 0:
            self.ctx.prompts.information(
                self.window, title, self.tr("Every session is on the timetable already.")
            )
            return None
        hours = ask_day_hours(self.ctx.db, event_id, self.window, self.exec_hours_dialog)
        if hours is None:
            return None
        self.discard()
        label = self.tr(
            "Looking for rooms and times for %n session(s)… Cancel keeps the best "
            "placement found so far.",
            "",
            unscheduled,
        )
        outcome = run_with_progress(
            self.window,
            title,
            label,
            self._job(event_id, hours),
            dialog_created=self.dialog_created,
        )
        if outcome.error is not None:
            if isinstance(outcome.error, ForumdeskError):
                self.ctx.report_error(title, outcome.error)
            else:
                log.error("placement failed", exc_info=outcome.error)
                self.ctx.report_error(
                    title, self.tr("Placement failed unexpectedly: {0}").format(outcome.error)
                )
            return None
        proposal: Proposal | None = outcome.result
        if proposal is None:
            return None
        self.show_proposal(proposal)
        return proposal

    def _job(self, event_id: int, hours: DayHours) -> Callable[[Progress], Proposal]:
        from forumdesk.scheduling.placement_model import PlacementSettings
        from forumdesk.services.auto_placement import propose_placement

        db, limit = self.ctx.db, self.time_limit

        def job(progress: Progress) -> Proposal:
            began = time.monotonic()

            def tick() -> bool:  # the bar follows the time limit; False once Cancel is pressed
                done = min(int((time.monotonic() - began) / limit * PROGRESS_STEPS), 99)
                return progress(done, PROGRESS_STEPS) is not False

            tick()
            return propose_placement(
                db,
                event_id,
                PlacementSettings(day_starts=hours[0], day_ends=hours[1], time_limit=limit),
                progress=lambda _placed, _total: None,
                cancelled=lambda: not tick(),
            )

        return job

    def show_proposal(self, proposal: Proposal) -> None:
        """Ghost blocks on the timetable and the panel beside it."""
        self.proposal = proposal
        rows = {row.id: row for row in sessions.list_sessions(self.ctx.db, proposal.event_id)}
        spots, placed = [], []
        everywhere = self.tr("All rooms")
        for spot in sorted(proposal.spots, key=lambda s: (s.starts_at, s.room_id or 0)):
            row = rows.get(spot.session_id)
            label = proposal.labels.get(spot.session_id, str(spot.session_id))
            room = everywhere if spot.room_id is None else proposal.room_names.get(spot.room_id, "")
            where = f"{room} · {when(spot.starts_at, spot.ends_at)}"
            spots.append(
                GhostSpot(
                    spot.session_id,
                    spot.room_id,
                    spot.starts_at,
                    spot.ends_at,
                    spot.all_rooms,
                    (row.code or "") if row is not None else "",
                    row.title if row is not None else label,
                    row.track_color if row is not None else None,
                    self.tr("Proposed: {0}\n{1}").format(label, where),
                )
            )
            placed.append(ProposedRow(spot.session_id, label, where))
        unplaced = [UnplacedLine(u.session_id, u.reason) for u in proposal.unplaced]
        self.page.view.set_proposal(spots)
        self.page.proposal_panel.show_proposal(self._summary(proposal), placed, unplaced)
        if spots:
            self.page.show_ghost(spots[0].session_id)

    def _summary(self, proposal: Proposal) -> str:
        placed = len(proposal.spots)
        text = self.tr("%n session(s) placed", "", placed)
        if proposal.unplaced:
            text += "; " + self.tr("%n cannot be placed", "", len(proposal.unplaced))
        if proposal.cancelled:
            text += ". " + self.tr("Stopped by Cancel: the best placement found by then.")
        elif not proposal.optimal and placed:
            text += ". " + self.tr("The best placement found in {0} s.").format(
                round(self.time_limit)
            )
        else:
            text += "."
        text += " " + self.tr("Each day from {0} to {1}.").format(
            f"{proposal.day_starts:%H:%M}", f"{proposal.day_ends:%H:%M}"
        )
        text += " " + self.tr("Nothing is changed until you accept.")
        return text

    def accept_all(self) -> bool:
        if self.proposal is None:
            return False
        return self._accept(None)

    def accept_chosen(self, session_ids: list[int] | None = None) -> bool:
        if self.proposal is None:
            return False
        chosen = session_ids if session_ids is not None else self.page.proposal_panel.chosen_ids()
        if not chosen:
            return False
        return self._accept(chosen)

    def _accept(self, session_ids: list[int] | None) -> bool:
        proposal = self.proposal
        assert proposal is not None
        count = len(proposal.spots) if session_ids is None else len(session_ids)
        text = self.tr("Place %n session(s) automatically", "", count)
        command = AcceptPlacementCommand(self.ctx, text, proposal, session_ids)
        done = self.ctx.run(command)
        # accepted, or refused because the timetable changed since (the proposal was worked
        # out around it and cannot be taken as it is): either way it is done with
        self.discard()
        return done

    def discard(self) -> None:
        self.proposal = None
        self.page.view.set_proposal([])
        self.page.proposal_panel.hide()

    # --- suggest a slot ---------------------------------------------------------------------

    def _on_suggest_action_triggered(self) -> None:
        chosen = self.page.view.selected_session_ids() or self.other_selection()
        if len(chosen) == 1:
            self.suggest_slot(chosen[0])
        else:
            self.ctx.prompts.information(
                self.window,
                self.tr("Suggest a slot"),
                self.tr("Select one session on the timetable or in the unscheduled list first."),
            )

    def suggest_slot(self, session_id: int) -> bool:
        """Show the best places for a session; place it where the user chooses (one undo step)."""
        chosen = choose_slot(self.ctx, self.window, session_id, self.exec_dialog)
        if chosen is None:
            return False
        row, slot = chosen
        room = slot.room
        text = self.tr("Place {0} in {1}, {2:%H:%M}").format(row.label, room, slot.starts_at)
        command = PlaceSessionCommand(self.ctx, text, row.id, slot_placement(slot), row.version)
        done = self.ctx.run(command)
        if done:
            self.page.show_session(row.id)
        return done
