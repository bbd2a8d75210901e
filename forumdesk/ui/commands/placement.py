"""Undo commands that change where sessions are on the timetable: place, move, resize,
schedule, unschedule, and automatic placement's proposal accepted. Each is based on the
versions the user saw, then on those its last call left."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from forumdesk.core.errors import ConcurrentEditError
from forumdesk.core.rows import Placement, SessionRow
from forumdesk.services import placing, refusals
from forumdesk.ui.commands.base import session_bases, session_steps
from forumdesk.ui.context import SESSIONS, AppContext, ForumdeskCommand

if TYPE_CHECKING:  # the solver (OR-Tools) is loaded when placement is first asked for
    from forumdesk.services.auto_placement import Proposal


class _PlacingCommand(ForumdeskCommand):
    """A timetable change of some sessions; undo puts them back where they were. Each call is
    based on the versions the last one left (the first: those the user saw, where known)."""

    topics = frozenset({SESSIONS})

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        versions: Mapping[int, int | None],
        seen: SessionRow | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self._versions: dict[int, int | None] = dict(versions)
        self._previous: dict[int, Placement] = {}
        # the session as the user saw it before the first write: a refusal says what changed
        self._seen = seen

    def _write(self, call: Callable[[dict[int, int], dict[int, int]], object]) -> None:
        """Run `call(expected_versions, left_versions)` and remember what it left."""
        bases = session_bases(self.ctx, self._versions)
        left: dict[int, int] = {}
        try:
            call(bases, left)
        except ConcurrentEditError as exc:
            seen = self._seen if self._seen is not None and self._seen.id == exc.record_id else None
            raise refusals.session_refusal(self.ctx.db, exc, seen) from exc
        self._seen = None  # from now on the session is where this command put it
        session_steps(self.ctx, bases, left)
        self._versions.update(left)

    def undo_action(self) -> None:
        self._write(
            lambda bases, left: placing.place_sessions(
                self.ctx.db, self._previous, expected_versions=bases, left_versions=left
            )
        )


class PlaceSessionCommand(_PlacingCommand):
    """Put a session in a room and time as given; undo puts it back where it was."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        session_id: int,
        placement: Placement,
        version: int,
    ) -> None:
        super().__init__(ctx, text, {session_id: version})
        self.session_id, self.placement = session_id, placement

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = {
                self.session_id: placing.place_session(
                    self.ctx.db,
                    self.session_id,
                    self.placement,
                    expected_version=bases.get(self.session_id),
                    left_versions=left,
                )
            }

        self._write(call)


class MoveSessionCommand(_PlacingCommand):
    """A block dragged to another time or room: the service keeps its length."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        row: SessionRow,
        room_id: int | None,
        starts_at: dt.datetime,
    ) -> None:
        super().__init__(ctx, text, {row.id: row.version}, row)  # what the user saw
        self.session_id, self.room_id, self.starts_at = row.id, room_id, starts_at

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = {
                self.session_id: placing.move_session(
                    self.ctx.db,
                    self.session_id,
                    self.starts_at,
                    self.room_id,
                    keep_room=False,
                    expected_version=bases.get(self.session_id),
                    left_versions=left,
                )
            }

        self._write(call)


class ResizeSessionCommand(_PlacingCommand):
    """A block's bottom edge dragged: the session ends at another time."""

    def __init__(self, ctx: AppContext, text: str, row: SessionRow, ends_at: dt.datetime) -> None:
        super().__init__(ctx, text, {row.id: row.version}, row)
        self.session_id, self.ends_at = row.id, ends_at

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = {
                self.session_id: placing.resize_session(
                    self.ctx.db,
                    self.session_id,
                    self.ends_at,
                    expected_version=bases.get(self.session_id),
                    left_versions=left,
                )
            }

        self._write(call)


class ScheduleSessionsCommand(_PlacingCommand):
    """Sessions dropped on the timetable: into the room one after another, from `starts_at`."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        session_ids: Sequence[int],
        room_id: int | None,
        starts_at: dt.datetime,
        versions: Mapping[int, int],
    ) -> None:
        super().__init__(ctx, text, {i: versions.get(i) for i in session_ids})
        self.session_ids, self.room_id, self.starts_at = list(session_ids), room_id, starts_at

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = placing.schedule_sessions(
                self.ctx.db,
                self.session_ids,
                self.room_id,
                self.starts_at,
                expected_versions=bases,
                left_versions=left,
            )

        self._write(call)


class UnscheduleSessionsCommand(_PlacingCommand):
    """Sessions taken off the timetable (keeping their rooms, if asked)."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        session_ids: Sequence[int],
        *,
        keep_room: bool,
        versions: Mapping[int, int],
    ) -> None:
        super().__init__(ctx, text, {i: versions.get(i) for i in session_ids})
        self.session_ids, self.keep_room = list(session_ids), keep_room

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            self._previous = placing.unschedule_sessions(
                self.ctx.db,
                self.session_ids,
                keep_room=self.keep_room,
                expected_versions=bases,
                left_versions=left,
            )

        self._write(call)


class AcceptPlacementCommand(_PlacingCommand):
    """Automatic placement's proposal accepted (all of it, or the sessions ticked): one step.

    The first write goes through auto_placement.accept_proposal, which refuses the lot if any
    session of the event changed since the proposal was worked out; a redo after an undo puts
    the same sessions in the same places again, based on the versions the undo left.
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        proposal: Proposal,
        session_ids: Sequence[int] | None = None,
    ) -> None:
        chosen = [
            spot
            for spot in proposal.spots
            if session_ids is None or spot.session_id in set(session_ids)
        ]
        super().__init__(
            ctx, text, {s.session_id: proposal.based_on.get(s.session_id) for s in chosen}
        )
        self.proposal = proposal
        self.session_ids = [spot.session_id for spot in chosen]
        self.placements = {
            spot.session_id: Placement(spot.room_id, spot.starts_at, spot.ends_at, spot.all_rooms)
            for spot in chosen
        }
        self._first = True

    def do(self) -> None:
        def call(bases: dict[int, int], left: dict[int, int]) -> None:
            if self._first:
                from forumdesk.services.auto_placement import accept_proposal

                self._previous = accept_proposal(
                    self.ctx.db, self.proposal, self.session_ids, left_versions=left
                )
                self._first = False
            else:
                self._previous = placing.place_sessions(
                    self.ctx.db, self.placements, expected_versions=bases, left_versions=left
                )

        self._write(call)
