"""An event's rooms (with capacity and order) and tracks (with colour)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from forumdesk.core import content_languages as langs
from forumdesk.core import text
from forumdesk.core.errors import ConflictError, ValidationError
from forumdesk.core.i18n import N_, _
from forumdesk.core.rows import RoomRow, RoomSnapshot, TrackRow, TrackSnapshot
from forumdesk.db.engine import Database
from forumdesk.db.models import Event, ProgramSession, Room, Track
from forumdesk.services.records import apply_changes, check_version, load, put_back_version

_Venue = TypeVar("_Venue", Room, Track)


def room_row(room: Room) -> RoomRow:
    return RoomRow(
        id=room.id,
        event_id=room.event_id,
        name=room.name,
        capacity=room.capacity,
        position=room.position,
        notes=room.notes,
        version=room.version,
        translations=langs.as_row(room.translations),
    )


def track_row(track: Track) -> TrackRow:
    return TrackRow(
        id=track.id,
        event_id=track.event_id,
        name=track.name,
        color=track.color,
        version=track.version,
        position=track.position,
        translations=langs.as_row(track.translations),
    )


_ROOM_CLEANERS = {
    "name": lambda v: text.require(v, N_("room name"), "name"),
    "capacity": lambda v: text.non_negative(v, N_("capacity"), "capacity"),
    "notes": text.clean_multiline,
    "translations": lambda v: langs.clean_translations(v, langs.ROOM_FIELDS),
}
_TRACK_CLEANERS = {
    "name": lambda v: text.require(v, N_("track name"), "name"),
    "color": text.normalize_color,
    "translations": lambda v: langs.clean_translations(v, langs.TRACK_FIELDS),
}


def _refuse_duplicate_name(
    session: Session,
    model: type[Room] | type[Track],
    event_id: int,
    name: str,
    own_id: int | None,
    what: str,
) -> None:
    """Refuse a second room (what="room") or track (what="track") of the same name."""
    # compared in Python: SQLite's lower() folds only ASCII, and room names are often Cyrillic
    key = text.fold(name)
    query = select(model.id, model.name).where(model.event_id == event_id)
    with session.no_autoflush:  # check before the pending change hits the unique constraint
        found = session.execute(query).all()
    for other_id, other_name in found:
        if other_id != own_id and text.fold(other_name) == key:
            message = (
                _("The event already has a room called '{name}'.")
                if what == "room"
                else _("The event already has a track called '{name}'.")
            )
            raise ConflictError(message.format(name=other_name))


# --- rooms ------------------------------------------------------------------------------------


def add_room(
    db: Database,
    event_id: int,
    name: str,
    capacity: int | None = None,
    notes: str | None = None,
    *,
    translations: object = None,
) -> RoomRow:
    """Add a room at the end of the event's room order."""
    with db.transaction() as session:
        load(session, Event, event_id, "event")
        room = Room(
            event_id=event_id,
            **_clean_all(
                _ROOM_CLEANERS,
                name=name,
                capacity=capacity,
                notes=notes,
                translations=translations,
            ),
        )
        _refuse_duplicate_name(session, Room, event_id, room.name, None, "room")
        last = session.scalar(select(func.max(Room.position)).where(Room.event_id == event_id))
        room.position = 0 if last is None else last + 1
        session.add(room)
        session.flush()
        return room_row(room)


def update_room(
    db: Database,
    room_id: int,
    changes: Mapping[str, object],
    *,
    expected_version: int | None,
) -> dict[str, object]:
    """Change a room's name, capacity or notes; returns the previous values."""
    with db.transaction() as session:
        room = load(session, Room, room_id, "room")
        check_version(room, expected_version, "room")
        previous = apply_changes(room, changes, _ROOM_CLEANERS)
        if "name" in previous:
            _refuse_duplicate_name(session, Room, room.event_id, room.name, room.id, "room")
        return previous


def reorder_rooms(
    db: Database,
    event_id: int,
    room_ids: Sequence[int],
    *,
    expected_versions: Mapping[int, int] | None,
    left_versions: dict[int, int] | None = None,
) -> list[int]:
    """Put the event's rooms in the given order; returns the previous order (for undo).

    A room whose version is not the one in `expected_versions` was changed since: refused,
    nothing moved. `left_versions`, if given, is told each room's version afterwards.
    """
    with db.transaction() as session:
        return _reorder(
            session,
            Room,
            event_id,
            room_ids,
            expected_versions,
            left_versions,
            "room",
            _("The new order must list each of the event's rooms once."),
        )


def delete_room(db: Database, room_id: int, *, expected_version: int | None) -> RoomSnapshot:
    """Delete a room; its sessions keep their times and lose their room."""
    with db.transaction() as session:
        room = load(session, Room, room_id, "room")
        check_version(room, expected_version, "room")
        snapshot = RoomSnapshot(room_row(room), _unlink(session, ProgramSession.room_id, room_id))
        session.delete(room)
        return snapshot


def restore_room(db: Database, snapshot: RoomSnapshot) -> RoomRow:
    """Undo delete_room: the room comes back with its id, place and sessions."""
    row = snapshot.room
    with db.transaction() as session:
        load(session, Event, row.event_id, "event")
        if session.get(Room, row.id) is not None:
            raise ConflictError(
                _("The room '{name}' cannot be put back: it is already there.").format(
                    name=row.name
                )
            )
        _refuse_duplicate_name(session, Room, row.event_id, row.name, None, "room")
        room = Room(
            id=row.id,
            event_id=row.event_id,
            name=row.name,
            capacity=row.capacity,
            position=row.position,
            notes=row.notes,
            translations=langs.clean_translations(row.translations, langs.ROOM_FIELDS),
        )
        session.add(room)
        put_back_version(session, room, row.version + 1)
        _relink(session, ProgramSession.room_id, row.id, snapshot.session_ids)
        return room_row(room)


def list_rooms(db: Database, event_id: int) -> list[RoomRow]:
    with db.reader() as session:
        query = select(Room).where(Room.event_id == event_id).order_by(Room.position, Room.id)
        return [room_row(r) for r in session.scalars(query)]


# --- tracks -----------------------------------------------------------------------------------


def add_track(
    db: Database,
    event_id: int,
    name: str,
    color: str | None = None,
    *,
    translations: object = None,
) -> TrackRow:
    with db.transaction() as session:
        load(session, Event, event_id, "event")
        track = Track(
            event_id=event_id,
            **_clean_all(_TRACK_CLEANERS, name=name, color=color, translations=translations),
        )
        _refuse_duplicate_name(session, Track, event_id, track.name, None, "track")
        track.position = next_track_position(session, event_id)
        session.add(track)
        session.flush()
        return track_row(track)


def update_track(
    db: Database,
    track_id: int,
    changes: Mapping[str, object],
    *,
    expected_version: int | None,
) -> dict[str, object]:
    with db.transaction() as session:
        track = load(session, Track, track_id, "track")
        check_version(track, expected_version, "track")
        previous = apply_changes(track, changes, _TRACK_CLEANERS)
        if "name" in previous:
            _refuse_duplicate_name(session, Track, track.event_id, track.name, track.id, "track")
        return previous


def delete_track(db: Database, track_id: int, *, expected_version: int | None) -> TrackSnapshot:
    """Delete a track; its sessions stay, without a track."""
    with db.transaction() as session:
        track = load(session, Track, track_id, "track")
        check_version(track, expected_version, "track")
        snapshot = TrackSnapshot(
            track_row(track), _unlink(session, ProgramSession.track_id, track_id)
        )
        session.delete(track)
        return snapshot


def restore_track(db: Database, snapshot: TrackSnapshot) -> TrackRow:
    row = snapshot.track
    with db.transaction() as session:
        load(session, Event, row.event_id, "event")
        if session.get(Track, row.id) is not None:
            raise ConflictError(
                _("The track '{name}' cannot be put back: it is already there.").format(
                    name=row.name
                )
            )
        _refuse_duplicate_name(session, Track, row.event_id, row.name, None, "track")
        track = Track(
            id=row.id,
            event_id=row.event_id,
            name=row.name,
            color=row.color,
            position=row.position,
            translations=langs.clean_translations(row.translations, langs.TRACK_FIELDS),
        )
        session.add(track)
        put_back_version(session, track, row.version + 1)
        _relink(session, ProgramSession.track_id, row.id, snapshot.session_ids)
        return track_row(track)


def list_tracks(db: Database, event_id: int) -> list[TrackRow]:
    """The event's tracks in their order (`position`, then as created)."""
    with db.reader() as session:
        query = select(Track).where(Track.event_id == event_id).order_by(Track.position, Track.id)
        return [track_row(t) for t in session.scalars(query)]


def reorder_tracks(
    db: Database,
    event_id: int,
    track_ids: Sequence[int],
    *,
    expected_versions: Mapping[int, int] | None,
    left_versions: dict[int, int] | None = None,
) -> list[int]:
    """Put the event's tracks in the given order; returns the previous order (for undo).

    A track whose version is not the one in `expected_versions` was changed since: refused,
    nothing moved. `left_versions`, if given, is told each track's version afterwards.
    """
    with db.transaction() as session:
        return _reorder(
            session,
            Track,
            event_id,
            track_ids,
            expected_versions,
            left_versions,
            "track",
            _("The new order must list each of the event's tracks once."),
        )


def next_track_position(session: Session, event_id: int) -> int:
    """Query helper: the position of a track added after the event's last one."""
    last = session.scalar(select(func.max(Track.position)).where(Track.event_id == event_id))
    return 0 if last is None else last + 1


# --- shared -----------------------------------------------------------------------------------


def _reorder(
    session: Session,
    model: type[_Venue],
    event_id: int,
    ordered_ids: Sequence[int],
    expected_versions: Mapping[int, int] | None,
    left_versions: dict[int, int] | None,
    what: str,
    wrong_set_message: str,
) -> list[int]:
    """Renumber the event's rooms or tracks (what="room"/"track") in the given order."""
    records = list(
        session.scalars(
            select(model).where(model.event_id == event_id).order_by(model.position, model.id)
        )
    )
    previous = [record.id for record in records]
    if sorted(previous) != sorted(ordered_ids):
        raise ValidationError(wrong_set_message)
    by_id = {record.id: record for record in records}
    for record in records:
        if expected_versions is not None:
            check_version(record, expected_versions.get(record.id), what)
    for position, record_id in enumerate(ordered_ids):
        if by_id[record_id].position != position:
            by_id[record_id].position = position
    if left_versions is not None:
        session.flush()
        left_versions.update((record.id, record.version) for record in records)
    return previous


def _clean_all(cleaners: Mapping[str, text.Cleaner], **values: object) -> dict[str, object]:
    return {name: cleaners[name](value) for name, value in values.items()}


def _unlink(
    session: Session, column: InstrumentedAttribute[int | None], target_id: int
) -> tuple[int, ...]:
    """Detach the sessions pointing at a room or track; return their ids for undo."""
    ids = tuple(session.scalars(select(ProgramSession.id).where(column == target_id)))
    if ids:
        session.execute(
            update(ProgramSession)
            .where(ProgramSession.id.in_(ids))
            .values({column.key: None, "version": ProgramSession.version + 1})  # type: ignore[attr-defined]
        )
    return ids


def _relink(session: Session, column: object, target_id: int, ids: Sequence[int]) -> None:
    if ids:
        session.execute(
            update(ProgramSession)
            .where(ProgramSession.id.in_(ids), column.is_(None))  # type: ignore[attr-defined]
            .values({column.key: target_id, "version": ProgramSession.version + 1})  # type: ignore[attr-defined]
        )
