"""The bar an open editor shows when another desk changed its record underneath it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from forumdesk.services.records import change_time


class StaleBar(QFrame):
    """ "Changed from the desk reception-2 at 14:02 — Reload": hidden until the record changes."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stale_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#stale_bar { background: #FFF4CE; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(
            self.tr("Show the record as it is now; the changes made here are discarded")
        )
        self.reload_button.clicked.connect(self.reload_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        self.hide()

    def show_changed(self, when: dt.datetime | None = None, desk: str | None = None) -> None:
        """Say the record changed: `when` in UTC (now if unknown), from `desk` if known."""
        moment = change_time(when or dt.datetime.now(dt.UTC).replace(tzinfo=None))
        if desk:
            text = self.tr("Changed from the desk {0} at {1}.").format(desk, moment)
        else:
            text = self.tr("Changed on another desk at {0}.").format(moment)
        self.label.setText(text)
        self.reload_button.show()
        self.show()

    def show_deleted(self) -> None:
        self.label.setText(self.tr("Deleted on another desk: it can no longer be saved."))
        self.reload_button.hide()
        self.show()
