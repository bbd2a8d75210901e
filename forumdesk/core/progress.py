"""How long work (an import, an export) reports its progress and hears that it should stop.

The work calls `progress(done, total)` now and then; a callback that returns False asks it to
stop (None or True: go on). Work that stops raises forumdesk.core.errors.CancelledError, having
changed nothing; a worker thread's callback returns False once the user pressed Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

Progress: TypeAlias = Callable[[int, int], bool | None]
