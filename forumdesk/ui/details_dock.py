"""The selected session at a glance: when, where, and who, with a button to edit it."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, QLocale, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.errors import NotFoundError
from forumdesk.core.rows import SessionRow
from forumdesk.services import assignments, sessions
from forumdesk.ui.context import ASSIGNMENTS, PEOPLE, ROOMS, SESSIONS, TRACKS, AppContext
from forumdesk.ui.people_table_model import vocabulary_label


class SessionDetailsDock(QDockWidget):
    open_session = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Session details"), parent)
        self.setObjectName("session_details_dock")
        self.ctx = ctx
        self.session_id: int | None = None
        body = QWidget(self)
        self.summary_label = QLabel(body)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.people_model = QStringListModel(self)
        self.people_view = QListView(body)
        self.people_view.setModel(self.people_model)
        self.people_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        # "speaker: name (organisation)" wraps to the dock's width instead of scrolling sideways
        self.people_view.setWordWrap(True)
        self.people_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.people_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.edit_button = QPushButton(self.tr("Edit session…"), body)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.people_view, 1)
        layout.addWidget(self.edit_button)
        self.setWidget(body)
        ctx.session_selected.connect(self.show_session)
        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.event_changed.connect(lambda _event: self.show_session(None))
        self.show_session(None)

    def show_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        row: SessionRow | None = None
        if session_id is not None:
            try:
                row = sessions.get_session(self.ctx.db, session_id)
            except NotFoundError:
                row = None
        self.edit_button.setEnabled(row is not None)
        if row is None:
            self.session_id = None
            self.summary_label.setText(self.tr("Select a session to see its details here."))
            self.people_model.setStringList([])
            return
        when = (
            QLocale().toString(QDate(row.starts_at.date()), "ddd dd.MM")
            + f" {row.starts_at:%H:%M}–{row.ends_at:%H:%M}"
            if row.starts_at and row.ends_at
            else self.tr("not on the timetable")
        )
        lines = [
            f"<b>{html.escape(row.label)}</b>",
            html.escape(when),
            html.escape(
                self.tr("All rooms")
                if row.all_rooms
                else row.room_name or self.tr("no room", "where a session is")
            ),
            html.escape(
                vocabulary_label(row.kind) + (f" · {row.track_name}" if row.track_name else "")
            ),
        ]
        self.summary_label.setText("<br>".join(lines))
        self.people_model.setStringList(
            [
                f"{vocabulary_label(a.role)}: {a.display_name}"
                + (f" ({a.organization})" if a.organization else "")
                for a in assignments.session_people(self.ctx.db, row.id)
            ]
        )

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if topics & {SESSIONS, ASSIGNMENTS, PEOPLE, ROOMS, TRACKS}:
            self.show_session(self.session_id)

    def _on_edit_button_clicked(self) -> None:
        if self.session_id is not None:
            self.open_session.emit(self.session_id)
