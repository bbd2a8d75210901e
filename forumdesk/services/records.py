"""Loading and changing ORM records inside a unit of work (shared by the service modules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

from forumdesk.core.errors import ConcurrentEditError, NotFoundError, ValidationError
from forumdesk.core.i18n import N_, _, gettext
from forumdesk.core.text import Cleaner
from forumdesk.db.models import Base
from forumdesk.db.stale import change_time as change_time  # the window's time of a change
from forumdesk.db.stale import stamped_message

M = TypeVar("M", bound=Base)

# Whole sentences for each kind of record: a translation must agree with the noun ("сессия
# удалена", "зал удалён"), which a sentence built around `what` could not.
_GONE = {
    "event": N_("The event no longer exists (it may have been deleted)."),
    "organisation": N_("The organisation no longer exists (it may have been deleted)."),
    "person": N_("The person no longer exists (it may have been deleted)."),
    "problem acceptance": N_(
        "The acceptance of that problem no longer exists (it may have been withdrawn)."
    ),
    "registration": N_("The registration no longer exists (it may have been withdrawn)."),
    "room": N_("The room no longer exists (it may have been deleted)."),
    "session": N_("The session no longer exists (it may have been deleted)."),
    "track": N_("The track no longer exists (it may have been deleted)."),
    "unavailability period": N_(
        "The unavailability period no longer exists (it may have been deleted)."
    ),
}
_CHANGED = {
    "event": N_(
        "Someone else changed this event in the meantime. Reload it and make your change again."
    ),
    "organisation": N_(
        "Someone else changed this organisation in the meantime. "
        "Reload it and make your change again."
    ),
    "person": N_(
        "Someone else changed this person in the meantime. Reload it and make your change again."
    ),
    "problem acceptance": N_(
        "Someone else accepted or withdrew this problem in the meantime. "
        "Check the schedule again and make your change again."
    ),
    "registration": N_(
        "Someone else changed this registration in the meantime. "
        "Reload it and make your change again."
    ),
    "room": N_(
        "Someone else changed this room in the meantime. Reload it and make your change again."
    ),
    "session": N_(
        "Someone else changed this session in the meantime. Reload it and make your change again."
    ),
    "track": N_(
        "Someone else changed this track in the meantime. Reload it and make your change again."
    ),
    "unavailability period": N_(
        "Someone else changed this unavailability period in the "
        "meantime. Reload it and make your change again."
    ),
}


def load(session: Session, model: type[M], key: object, what: str) -> M:
    """The record with primary key `key`, or a NotFoundError naming `what` ("session")."""
    record = session.get(model, key)
    if record is None:
        message = _GONE.get(what)
        raise NotFoundError(
            gettext(message)
            if message
            else _("The {what} no longer exists (it may have been deleted).").format(what=what)
        )
    return record


def check_version(record: Any, expected_version: int | None, what: str) -> None:
    """Refuse a write based on another version of the record than the one stored.

    Every service that changes a record takes the version as a required keyword: the window
    always passes the one the user saw. None, passed explicitly, is a write based on no version
    (the command line, an import, a test that does not care): it is not checked.
    """
    if expected_version is not None and record.version != expected_version:
        raise changed_meanwhile(what, record)


def put_back_version(session: Session, record: Any, version: int) -> None:
    """Give a record just put back (undo of a delete) a version above the one it was deleted
    at, so that no desk holding the old record can write to the new one unchecked."""
    session.flush()
    model = type(record)
    session.execute(
        update(model)
        .where(model.id == record.id)
        .values(version=version)
        .execution_options(synchronize_session=False)
    )
    session.expire(record, ["version"])


def changed_meanwhile(what: str, record: Any = None) -> ConcurrentEditError:
    """The refusal of a write whose `what` ("session") someone else changed since it was read.

    With the `record` as it is now, the refusal says which record, when and from which desk it
    was changed ("S3 was changed at 14:02 from the desk reception-2"), and carries those facts
    for the window (which reloads the record).
    """
    changed_at = getattr(record, "updated_at", None)
    changed_by = getattr(record, "updated_by", None)
    text = stamped_message(record) if record is not None else None
    if text is None:
        message = _CHANGED.get(what)
        text = (
            gettext(message)
            if message
            else _(
                "Someone else changed this {what} in the meantime. "
                "Reload it and make your change again."
            ).format(what=what)
        )
    return ConcurrentEditError(
        text,
        what=what,
        record_id=getattr(record, "id", None),
        changed_at=changed_at,
        changed_by=changed_by,
    )


def apply_changes(
    record: Any, changes: Mapping[str, object], cleaners: Mapping[str, Cleaner]
) -> dict[str, object]:
    """Set the cleaned `changes` on `record`; return the previous values of what changed.

    The returned mapping is exactly what undo passes back to the same update function.
    """
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise ValidationError(
            _("Cannot change {fields} here.").format(fields=", ".join(sorted(unknown)))
        )
    previous: dict[str, object] = {}
    for name, raw in changes.items():
        value = cleaners[name](raw)
        old = getattr(record, name)
        if old != value:
            previous[name] = old
            setattr(record, name, value)
    return previous
