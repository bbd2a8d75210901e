"""Loading and changing ORM records inside a unit of work (shared by the service modules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from forumdesk.db.models import Base
from forumdesk.errors import ConcurrentEditError, NotFoundError, ValidationError
from forumdesk.services.text import Cleaner

M = TypeVar("M", bound=Base)


def load(session: Session, model: type[M], key: object, what: str) -> M:
    """The record with primary key `key`, or a NotFoundError naming `what`."""
    record = session.get(model, key)
    if record is None:
        raise NotFoundError(f"The {what} no longer exists (it may have been deleted).")
    return record


def check_version(record: Any, expected_version: int | None, what: str) -> None:
    if expected_version is not None and record.version != expected_version:
        raise ConcurrentEditError(
            f"Someone else changed this {what} in the meantime. "
            "Reload it and make your change again."
        )


def apply_changes(
    record: Any, changes: Mapping[str, object], cleaners: Mapping[str, Cleaner]
) -> dict[str, object]:
    """Set the cleaned `changes` on `record`; return the previous values of what changed.

    The returned mapping is exactly what undo passes back to the same update function.
    """
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise ValidationError(f"Cannot change {', '.join(sorted(unknown))} here.")
    previous: dict[str, object] = {}
    for name, raw in changes.items():
        value = cleaners[name](raw)
        old = getattr(record, name)
        if old != value:
            previous[name] = old
            setattr(record, name, value)
    return previous
