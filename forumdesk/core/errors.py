"""Typed errors whose message a forum's staff can read.

Services raise these for a rejected operation; the CLI prints the message on one line and the GUI
shows it in a message box. Anything else escaping a service is a bug, logged with its traceback.
"""

from __future__ import annotations

import datetime as dt

from forumdesk.core.i18n import _


class ForumdeskError(Exception):
    """An operation was refused or failed for a reason the user can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFoundError(ForumdeskError):
    """The event, session, room, person... asked for does not exist (any more)."""


class ValidationError(ForumdeskError):
    """A value is missing or not acceptable (an empty title, an end before the start, ...)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(ForumdeskError):
    """The change would contradict what is already stored (a duplicate code, e-mail, name...)."""


class ConcurrentEditError(ConflictError):
    """Someone else changed the same record since it was read.

    What is known of the change travels with the message, so that the window can reload the
    record and say what happened: `what` ("session"), `record_id`, and when (`changed_at`, UTC)
    and from which desk (`changed_by`) the record was last written, where the database knows.
    """

    def __init__(
        self,
        message: str,
        *,
        what: str | None = None,
        record_id: object = None,
        changed_at: dt.datetime | None = None,
        changed_by: str | None = None,
    ) -> None:
        super().__init__(message)
        self.what = what
        self.record_id = record_id
        self.changed_at = changed_at
        self.changed_by = changed_by


class DatabaseError(ForumdeskError):
    """The database cannot be opened, read or written."""


class DatabaseBusyError(DatabaseError):
    """Another program holds the database locked for longer than we wait."""


class StorageError(DatabaseError):
    """The database could not be written (disk full, read-only, I/O error)."""


class SchemaError(DatabaseError):
    """The database's structure is not one this version of forumdesk can use."""


class CancelledError(ForumdeskError):
    """The user cancelled long work; whatever it had started was rolled back."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(_("Cancelled: nothing was changed.") if message is None else message)


class EmptyDatabaseFileError(DatabaseError):
    """The file given as the database holds 0 bytes: made a database only when asked to.

    An empty file may be one whose content was lost (a failed copy, a full disk), and turning
    it silently into a new, empty forum would hide that; the window asks, the command line says.
    """

    def __init__(self, path: str) -> None:
        super().__init__(
            _(
                "{path} is an empty file (0 bytes), not a forumdesk database. It was left as "
                "it is: to make a new database in it, open it in the window, or delete it "
                "and run the command again."
            ).format(path=path)
        )
        self.path = path
