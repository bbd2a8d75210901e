"""How long work (an import, an export) reports its progress and hears that it should stop.

The work calls `progress(done, total)` now and then; a callback that returns False asks it to
stop (None or True: go on). Work that stops raises forumdesk.core.errors.CancelledError, having
changed nothing; a worker thread's callback returns False once the user pressed Cancel.

While the work waits for something outside it (another desk's import holding the database's
write lock), it calls `progress(WAITING, total)` every fraction of a second instead: the caller
says so (`waiting_message()`) until the next ordinary report, and can still cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from forumdesk.core.i18n import _

Progress: TypeAlias = Callable[[int, int], bool | None]

WAITING = -1  # `done` of a report that the work is waiting for another desk


def waiting_message() -> str:
    """What a progress display says while the work waits for another desk's writing."""
    return _("Waiting for another desk's import to finish…")
