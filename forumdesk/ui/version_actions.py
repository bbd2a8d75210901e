"""File > Publish version: freezing the programme as a numbered version, from the window.

Publishing is a record of what was sent, not an edit: it is not on the undo stack, and Ctrl+Z
does not take it back (later edits and undos show up as changes against it). Before the agenda
goes out (export, print, PDF) the window offers to publish when the programme has changed since
the latest version, so that the pages can say which version they show.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import EventRow
from forumdesk.ui.context import AppContext


class VersionActions(QObject):
    """The Publish action of one window, and the offer to publish before an export."""

    published = Signal(int)  # the new version's number

    def __init__(self, ctx: AppContext, parent: QWidget, status_bar: QStatusBar) -> None:
        super().__init__(parent)
        self.ctx, self.window, self.status_bar = ctx, parent, status_bar
        self.publish_action = QAction(self.tr("P&ublish version…"), parent)
        self.publish_action.setObjectName("publish_action")
        self.publish_action.triggered.connect(self.publish)
        ctx.event_changed.connect(self._on_ctx_event_changed)
        self._on_ctx_event_changed(ctx.current_event)

    def _on_ctx_event_changed(self, event: EventRow | None) -> None:
        self.publish_action.setEnabled(event is not None)

    def _state(self, title: str) -> tuple[int, bool] | None:
        from forumdesk.services.versions import publication_state

        event_id = self.ctx.event_id
        if event_id is None:
            return None
        try:
            return publication_state(self.ctx.db, event_id)
        except ForumdeskError as exc:
            self.ctx.report_error(title, exc)
            return None

    def publish(self) -> int | None:
        """Ask for a name and publish the next version; its number, or None."""
        title = self.tr("Publish version")
        state = self._state(title)
        if state is None:
            return None
        latest, _changed = state
        name = self.ctx.prompts.line(
            self.window,
            title,
            self.tr(
                "Version {0} freezes the programme as it is now: what you send. "
                "Its name (optional, such as «Sent to speakers»):"
            ).format(latest + 1),
            "",
        )
        if name is None:
            return None
        return self._publish(title, name, latest)

    def _publish(self, title: str, name: str | None, latest: int) -> int | None:
        from forumdesk.services.versions import publish_version

        event_id = self.ctx.event_id
        if event_id is None:
            return None
        try:
            version = publish_version(self.ctx.db, event_id, name, expected_latest=latest)
        except ForumdeskError as exc:
            self.ctx.report_error(title, exc)
            return None
        self.status_bar.showMessage(
            self.tr("Version {0} published; later changes are counted from it.").format(
                version.number
            ),
            15000,
        )
        self.published.emit(version.number)
        return version.number

    def offer_to_publish(self, title: str) -> int | None:
        """Before the agenda goes out: when the programme differs from the latest version (or
        none was published), offer to publish it; the new version's number, or None."""
        state = self._state(title)
        if state is None:
            return None
        latest, changed = state
        if not changed:
            return None
        if latest:
            text = self.tr(
                "The programme has changed since version {0}. Publish it as version {1} "
                "first, so that every page says which version it shows? If not, the pages "
                "say they are a draft."
            ).format(latest, latest + 1)
        else:
            text = self.tr(
                "No version of the programme has been published yet. Publish this as "
                "version 1 first, so that every page says which version it shows? If not, "
                "the pages say they are a draft."
            )
        if not self.ctx.prompts.question(self.window, title, text, default=True):
            return None
        return self._publish(title, None, latest)
