"""The status bar's "Other desks: …": who else works on this PostgreSQL database right now.

Every few seconds the label asks the server (forumdesk.db.desks.other_desks: one query on
pg_stat_activity). On SQLite there is no server to ask and the label stays hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from forumdesk.core.errors import ForumdeskError
from forumdesk.db.desks import other_desks
from forumdesk.db.engine import Database
from forumdesk.ui.context import AppContext

REFRESH_MS = 5000
# While the server does not answer, ask less often: each try may wait for the connect timeout.
RETRY_MS = 60000


class DesksLabel(QLabel):
    """The other desks connected to the window's database (PostgreSQL only)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.desks: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.follow(ctx.db)

    def follow(self, db: Database) -> None:
        """Start (PostgreSQL) or stop (SQLite) asking, for the database the window shows."""
        self.desks = []
        if db.is_sqlite:
            self.timer.stop()
            self.clear()
            self.hide()
            return
        self.show()
        self.refresh()
        self.timer.start()

    def refresh(self) -> None:
        db = self.ctx.db
        if db.is_sqlite:
            return
        try:
            with db.reader() as session:  # translated errors: a server gone is a ForumdeskError
                desks = other_desks(session.connection())
        except ForumdeskError:
            self.desks = []
            self.timer.setInterval(max(self.timer.interval(), RETRY_MS))
            self.setText(self.tr("Other desks: unknown"))
            self.setToolTip(self.tr("The database server does not answer."))
            return
        self.desks = desks
        if self.timer.interval() >= RETRY_MS:
            self.timer.setInterval(REFRESH_MS)
        if desks:
            self.setText(self.tr("Other desks: {0}").format(", ".join(desks)))
            self.setToolTip("\n".join(desks))
        else:
            self.setText(self.tr("No other desks"))
            self.setToolTip(self.tr("No other forumdesk is connected to this database."))
