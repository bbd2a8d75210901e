"""Undo commands for the venue: rooms and tracks edited, added (the first rename merged into
the addition), deleted and put in order."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtGui import QUndoCommand

from forumdesk.core.rows import RoomRow, RoomSnapshot, TrackRow, TrackSnapshot
from forumdesk.services import venue
from forumdesk.ui.commands.base import (
    NAMING_ID,
    UpdateCommand,
    Updater,
    changed_fields,
    latest_own,
    own_steps,
)
from forumdesk.ui.context import ROOMS, SESSIONS, TRACKS, AppContext, ForumdeskCommand


def _venue_label(ctx: AppContext, row: RoomRow | TrackRow, changes: Mapping[str, object]) -> str:
    """ "Rename room Room 1 to Hall A", "Edit room Hall A: seats": what the edit changed."""
    room = isinstance(row, RoomRow)
    if set(changes) == {"name"}:
        rename = ctx.tr("Rename room {0} to {1}") if room else ctx.tr("Rename track {0} to {1}")
        return rename.format(row.name, changes["name"])
    edit = ctx.tr("Edit room {0}: {1}") if room else ctx.tr("Edit track {0}: {1}")
    return edit.format(row.name, changed_fields(ctx, changes))


def edit_room(ctx: AppContext, row: RoomRow, changes: Mapping[str, object]) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        _venue_label(ctx, row, changes),
        venue.update_room,
        row.id,
        changes,
        frozenset({ROOMS, SESSIONS}),
        row.version,
    )


def edit_track(ctx: AppContext, row: TrackRow, changes: Mapping[str, object]) -> UpdateCommand:
    return UpdateCommand(
        ctx,
        _venue_label(ctx, row, changes),
        venue.update_track,
        row.id,
        changes,
        frozenset({TRACKS, SESSIONS}),
        row.version,
    )


class _AddVenueCommand(ForumdeskCommand):
    """A room or track added under a placeholder name; undo deletes it, redo puts it back.

    The rename that follows at once (the page opens the name for typing) is merged into this
    step: History shows one "Add room Hall A", and undo takes the room away with its name.
    """

    update: Updater

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(ctx, text)
        self.created: RoomRow | TrackRow | None = None
        self._named = False

    def id(self) -> int:
        return -1 if self._named else NAMING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            self.created is None
            or not isinstance(other, UpdateCommand)
            or other.update is not self.update
            or other.record_id != self.created.id
            or set(other.changes) != {"name"}
        ):
            return False
        self._named = True
        self.set_label(self.added_label(str(other.changes["name"])))
        return True

    def added_label(self, name: str) -> str:
        raise NotImplementedError

    def _delete_version(self) -> int | None:
        """The version the undo's delete is based on: the one this desk's steps left."""
        if self.created is None:
            return None
        steps = own_steps(self.ctx, (self.update, self.created.id))
        return latest_own(steps, self.created.version)


class AddRoomCommand(_AddVenueCommand):
    topics = frozenset({ROOMS, SESSIONS})
    update = staticmethod(venue.update_room)

    def __init__(self, ctx: AppContext, event_id: int, name: str, capacity: int | None) -> None:
        super().__init__(ctx, ctx.tr("Add room {0}").format(name))
        self._event_id, self._name, self._capacity = event_id, name, capacity
        self._snapshot: RoomSnapshot | None = None

    def added_label(self, name: str) -> str:
        return self.ctx.tr("Add room {0}").format(name)

    def do(self) -> None:
        if self._snapshot is None:
            self.created = venue.add_room(self.ctx.db, self._event_id, self._name, self._capacity)
        else:
            self.created = venue.restore_room(self.ctx.db, self._snapshot)
            steps = own_steps(self.ctx, (venue.update_room, self.created.id))
            steps[self._snapshot.room.version] = self.created.version

    def undo_action(self) -> None:
        """Delete the room only as this desk left it: one another desk changed is kept."""
        assert self.created is not None
        self._snapshot = venue.delete_room(
            self.ctx.db, self.created.id, expected_version=self._delete_version()
        )


class DeleteRoomCommand(ForumdeskCommand):
    """A room deleted (its sessions lose it); undo puts it back. Based on the version the user
    saw, or the one the undo left."""

    topics = frozenset({ROOMS, SESSIONS})

    def __init__(self, ctx: AppContext, room: RoomRow) -> None:
        super().__init__(ctx, ctx.tr("Delete room {0}").format(room.name))
        self._room_id, self._version = room.id, room.version
        self._snapshot: RoomSnapshot | None = None

    def do(self) -> None:
        steps = own_steps(self.ctx, (venue.update_room, self._room_id))
        self._snapshot = venue.delete_room(
            self.ctx.db, self._room_id, expected_version=latest_own(steps, self._version)
        )

    def undo_action(self) -> None:
        assert self._snapshot is not None
        restored = venue.restore_room(self.ctx.db, self._snapshot)
        steps = own_steps(self.ctx, (venue.update_room, self._room_id))
        steps[self._snapshot.room.version] = self._version = restored.version


class _ReorderVenueCommand(ForumdeskCommand):
    """The event's rooms or tracks put in another order; undo puts back the order before.
    Based on their versions the user saw (where known), then on those the last call left."""

    reorder: Callable[..., list[int]]  # venue.reorder_rooms or venue.reorder_tracks
    update: Updater  # whose own steps (for these records) the versions follow

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        ordered_ids: Sequence[int],
        versions: Mapping[int, int],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self._event_id, self._order = event_id, list(ordered_ids)
        self._versions: dict[int, int] = dict(versions)
        self._previous: list[int] = []

    def do(self) -> None:
        self._previous = self._reorder(self._order)

    def undo_action(self) -> None:
        self._reorder(self._previous)

    def _reorder(self, order: Sequence[int]) -> list[int]:
        bases = {
            record_id: latest_own(own_steps(self.ctx, (self.update, record_id)), version)
            for record_id, version in self._versions.items()
        }
        left: dict[int, int] = {}
        previous = self.reorder(
            self.ctx.db,
            self._event_id,
            order,
            expected_versions=bases,
            left_versions=left,
        )
        for record_id, version in left.items():
            base = bases.get(record_id)
            if base is not None and version != base:
                own_steps(self.ctx, (self.update, record_id))[base] = version
        self._versions = left
        return previous


class ReorderRoomsCommand(_ReorderVenueCommand):
    """The event's rooms in another order (the timetable's columns follow)."""

    topics = frozenset({ROOMS, SESSIONS})
    reorder = staticmethod(venue.reorder_rooms)
    update = staticmethod(venue.update_room)

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        room_ids: Sequence[int],
        versions: Mapping[int, int],
        text: str | None = None,
    ) -> None:
        super().__init__(ctx, event_id, room_ids, versions, text or ctx.tr("Reorder rooms"))


class ReorderTracksCommand(_ReorderVenueCommand):
    """The event's tracks in another order (every list of tracks follows)."""

    topics = frozenset({TRACKS})  # no session changes: only where tracks are listed
    reorder = staticmethod(venue.reorder_tracks)
    update = staticmethod(venue.update_track)

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        track_ids: Sequence[int],
        versions: Mapping[int, int],
        text: str | None = None,
    ) -> None:
        super().__init__(ctx, event_id, track_ids, versions, text or ctx.tr("Reorder tracks"))


class AddTrackCommand(_AddVenueCommand):
    topics = frozenset({TRACKS, SESSIONS})
    update = staticmethod(venue.update_track)

    def __init__(self, ctx: AppContext, event_id: int, name: str, color: str | None) -> None:
        super().__init__(ctx, ctx.tr("Add track {0}").format(name))
        self._event_id, self._name, self._color = event_id, name, color
        self._snapshot: TrackSnapshot | None = None

    def added_label(self, name: str) -> str:
        return self.ctx.tr("Add track {0}").format(name)

    def do(self) -> None:
        if self._snapshot is None:
            self.created = venue.add_track(self.ctx.db, self._event_id, self._name, self._color)
        else:
            self.created = venue.restore_track(self.ctx.db, self._snapshot)
            steps = own_steps(self.ctx, (venue.update_track, self.created.id))
            steps[self._snapshot.track.version] = self.created.version

    def undo_action(self) -> None:
        """Delete the track only as this desk left it: one another desk changed is kept."""
        assert self.created is not None
        self._snapshot = venue.delete_track(
            self.ctx.db, self.created.id, expected_version=self._delete_version()
        )


class DeleteTrackCommand(ForumdeskCommand):
    """A track deleted (its sessions lose it); undo puts it back. Based on the version the user
    saw, or the one the undo left."""

    topics = frozenset({TRACKS, SESSIONS})

    def __init__(self, ctx: AppContext, track: TrackRow) -> None:
        super().__init__(ctx, ctx.tr("Delete track {0}").format(track.name))
        self._track_id, self._version = track.id, track.version
        self._snapshot: TrackSnapshot | None = None

    def do(self) -> None:
        steps = own_steps(self.ctx, (venue.update_track, self._track_id))
        self._snapshot = venue.delete_track(
            self.ctx.db, self._track_id, expected_version=latest_own(steps, self._version)
        )

    def undo_action(self) -> None:
        assert self._snapshot is not None
        restored = venue.restore_track(self.ctx.db, self._snapshot)
        steps = own_steps(self.ctx, (venue.update_track, self._track_id))
        steps[self._snapshot.track.version] = self._version = restored.version
