"""File > Badges… and Table tents…: whom to print for, and how.

`BadgesDialog` asks who gets a badge (everyone registered, a session's people, or the People
page's selection), the layout and the language; for table tents, every session's table or one
session's. The layout chosen last is remembered (QSettings) for next time; the language starts
as the one the event is written in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.enums import BREAK_KINDS
from forumdesk.io.badges import LAYOUTS, BadgeRole, Lang, Layout
from forumdesk.services.agenda import event_language
from forumdesk.services.sessions import list_sessions
from forumdesk.ui.context import AppContext

LAYOUT_KEY = "badges/layout"
EVERYONE, SESSION, SELECTION = "everyone", "session", "selection"


def remembered_layout() -> Layout:
    stored = QSettings().value(LAYOUT_KEY)
    for layout in LAYOUTS:
        if layout == stored:
            return layout
    return "a6"


class BadgesDialog(QDialog):
    """Who gets a badge (or a table tent), the layout and the language."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        tents: bool = False,
        selection: Sequence[int] = (),
        session_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        if ctx.current_event is None:
            raise ValueError("badges need an open event")
        self.ctx = ctx
        self.tents = tents
        self.selection = list(selection)
        event_id = ctx.current_event.id
        self.setWindowTitle(self.tr("Table tents") if tents else self.tr("Badges"))

        who_box = QGroupBox(self.tr("For whom"), self)
        who_layout = QVBoxLayout(who_box)
        self.who_group = QButtonGroup(self)
        self.everyone_radio = QRadioButton(
            self.tr("Moderators and speakers of every session")
            if tents
            else self.tr("Everyone registered for the event"),
            who_box,
        )
        self.session_radio = QRadioButton(
            self.tr("One session's table") if tents else self.tr("The people of one session"),
            who_box,
        )
        self.session_combo = QComboBox(who_box)
        self.session_combo.setObjectName("badges_session_combo")
        for row in list_sessions(ctx.db, event_id):
            if row.kind in BREAK_KINDS:
                continue
            label = " ".join(part for part in (row.code, row.title) if part)
            self.session_combo.addItem(label, row.id)
        self.session_combo.setMinimumContentsLength(40)
        self.session_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.selection_radio = QRadioButton(
            self.tr("The %n people selected on the People page", "", len(self.selection)),
            who_box,
        )
        for radio in (self.everyone_radio, self.session_radio, self.selection_radio):
            self.who_group.addButton(radio)
            who_layout.addWidget(radio)
            if radio is self.session_radio:
                who_layout.addWidget(self.session_combo)
        self.selection_radio.setVisible(not tents)
        self.selection_radio.setEnabled(bool(self.selection))
        if not self.session_combo.count():
            self.session_radio.setEnabled(False)
        if session_id is not None and self.session_combo.findData(session_id) >= 0:
            self.session_combo.setCurrentIndex(self.session_combo.findData(session_id))
        if self.selection and not tents:
            self.selection_radio.setChecked(True)
        elif session_id is not None and self.session_radio.isEnabled():
            self.session_radio.setChecked(True)
        else:
            self.everyone_radio.setChecked(True)
        self.session_combo.setEnabled(self.session_radio.isChecked())
        self.session_radio.toggled.connect(self.session_combo.setEnabled)
        self.session_combo.activated.connect(lambda _index: self.session_radio.setChecked(True))

        format_box = QGroupBox(self.tr("Layout and language"), self)
        form = QFormLayout(format_box)
        self.layout_combo = QComboBox(format_box)
        self.layout_combo.setObjectName("badges_layout_combo")
        for layout, label in (
            ("a6", self.tr("A6, one badge per page")),
            ("card10", self.tr("90 × 55 mm cards, 10 per A4, with crop marks")),
            ("a4x4", self.tr("A6 badges, 4 per A4")),
        ):
            self.layout_combo.addItem(label, layout)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(remembered_layout())))
        self.lang_combo = QComboBox(format_box)
        self.lang_combo.addItem("Русский", "ru")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.addItem("Қазақша", "kk")
        lang = event_language(ctx.db, event_id)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        self.role_combo = QComboBox(format_box)
        self.role_combo.addItem(self.tr("Each person's role in the programme"), None)
        for role, label in (
            (BadgeRole.STAFF, self.tr("Staff")),
            (BadgeRole.PRESS, self.tr("Press")),
            (BadgeRole.PARTICIPANT, self.tr("Participant")),
        ):
            self.role_combo.addItem(label, role.value)
        form.addRow(self.tr("&Layout:"), self.layout_combo)
        form.addRow(self.tr("L&anguage:"), self.lang_combo)
        form.addRow(self.tr("&Role band:"), self.role_combo)
        format_box.setVisible(not tents)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write PDF…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(who_box)
        layout.addWidget(format_box)
        layout.addWidget(buttons)

    # --- what was chosen ---------------------------------------------------------------------

    def who(self) -> str:
        if self.selection_radio.isChecked():
            return SELECTION
        if self.session_radio.isChecked():
            return SESSION
        return EVERYONE

    def session_id(self) -> int | None:
        if self.who() != SESSION:
            return None
        data = self.session_combo.currentData()
        return int(data) if data is not None else None

    def person_ids(self) -> list[int] | None:
        return list(self.selection) if self.who() == SELECTION else None

    def layout_choice(self) -> Layout:
        data = self.layout_combo.currentData()
        for layout in LAYOUTS:
            if layout == data:
                return layout
        return "a6"

    def lang(self) -> Lang:
        return "en" if self.lang_combo.currentData() == "en" else "ru"

    def role(self) -> BadgeRole | None:
        data = self.role_combo.currentData()
        return BadgeRole(data) if data else None

    def accept(self) -> None:
        if not self.tents:
            QSettings().setValue(LAYOUT_KEY, self.layout_choice())
        super().accept()
