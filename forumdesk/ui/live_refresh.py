"""Live refresh: the window shows what the other desks commit, within a second or so.

A timer asks the database's change detector (forumdesk.db.changes) twice a second whether another
desk committed: on SQLite one `PRAGMA data_version`, on PostgreSQL a look at the notices that
arrived, neither of which waits. When something changed, the views hear it as they hear this
desk's own commands, through `AppContext.notify_remote`, with the records that changed, so that
each view reloads what it shows and keeps its selection, scroll and the undo stack.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from forumdesk.db.changes import ChangeDetector, ChangeSet, change_detector
from forumdesk.ui.context import (
    ALL_TOPICS,
    ASSIGNMENTS,
    CHECK_INS,
    EVENT,
    JOURNAL,
    PEOPLE,
    REGISTRATIONS,
    ROOMS,
    SESSIONS,
    TRACKS,
    VERSIONS,
    AppContext,
)
from forumdesk.ui.problems import PROBLEMS

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 500

# What a changed table means to the views (forumdesk.ui.context's topics). A room or a track
# taken away also empties its sessions' room or track in the same commit.
TABLE_TOPICS: dict[str, frozenset[str]] = {
    "events": frozenset({EVENT}),
    "rooms": frozenset({ROOMS, SESSIONS}),
    "tracks": frozenset({TRACKS, SESSIONS}),
    "program_sessions": frozenset({SESSIONS}),
    # names and organisations show in the sessions' people too
    "organizations": frozenset({PEOPLE, ASSIGNMENTS}),
    "people": frozenset({PEOPLE, ASSIGNMENTS}),
    "registrations": frozenset({REGISTRATIONS}),
    "assignments": frozenset({ASSIGNMENTS}),
    "person_unavailability": frozenset({PEOPLE}),
    "accepted_problems": frozenset({PROBLEMS}),
    "check_ins": frozenset({CHECK_INS}),
    "programme_versions": frozenset({VERSIONS}),
    "change_journal": frozenset({JOURNAL}),
}


def topics_of(changes: ChangeSet) -> frozenset[str]:
    return frozenset().union(*(TABLE_TOPICS.get(table, ALL_TOPICS) for table in changes.tables))


class LiveRefresh(QObject):
    """Polls for the other desks' commits and tells the views; one per window."""

    arrived = Signal(object)  # ChangeSet, after the views were told

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detector: ChangeDetector | None = None
        self._lost = False  # the detector failed: everything is reloaded when it is back
        self._telling = False  # the views are being told (a message box there spins the loop)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Take the database's present state as known, then poll.

        The records themselves are read by the first poll, after the window has shown.
        """
        self._open(snapshot=False)
        self.timer.start()
        QTimer.singleShot(0, self.poll)  # as soon as the window is up, not half a second later

    @property
    def ready(self) -> bool:
        """True while the desk watches the database and knows its records."""
        return self.detector is not None and self.detector.ready

    def restart(self) -> None:
        """Watch `ctx.db` afresh: another database was opened in the window."""
        self.stop()
        self._lost = False
        self.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.detector is not None:
            self.detector.close()
            self.detector = None

    def poll(self) -> None:
        if self._telling or not self.timer.isActive():  # the views busy, or stopped
            return
        if self.detector is None and not self._open():
            return
        assert self.detector is not None
        try:
            changes = self.detector.poll()
        except Exception as exc:  # sqlite3's or psycopg's errors: the next tick retries
            log.warning("live refresh: polling failed: %s", exc)
            self.detector.close()
            self.detector = None
            self._lost = True
            return
        if changes:
            self._telling = True
            try:
                self.ctx.notify_remote(changes, topics_of(changes))
            finally:
                self._telling = False
            self.arrived.emit(changes)

    def _open(self, *, snapshot: bool = True) -> bool:
        try:
            self.detector = change_detector(self.ctx.db, snapshot=snapshot)
        except Exception as exc:  # sqlite3's or psycopg's errors: retried later
            log.warning("live refresh: cannot watch the database: %s", exc)
            self._lost = True
            return False
        if self._lost:  # what happened while not watching is unknown: reload it all
            self._lost = False
            self.ctx.notify(ALL_TOPICS | {PROBLEMS, VERSIONS, JOURNAL})
        return True
