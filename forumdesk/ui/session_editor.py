"""The session editor: every field of a session and its people, saved as one undo step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.content_languages import (
    NATIVE_NAMES,
    Translations,
    fallback,
    language_name,
    text_in,
    with_text,
)
from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.errors import ForumdeskError, NotFoundError
from forumdesk.core.rows import PersonRow, Placement, SessionRow
from forumdesk.scheduling.panel_balance import (
    describe_countries,
    describe_genders,
    describe_sectors,
)
from forumdesk.services import agenda, assignments, sessions, venue
from forumdesk.services.panel_balance import balance_of
from forumdesk.services.people import search_people
from forumdesk.services.session_editing import SessionEdit, SessionPerson
from forumdesk.ui.assignment_draft_model import AssignmentDraftTableModel, DraftAssignment
from forumdesk.ui.commands.people import CreatePersonCommand
from forumdesk.ui.commands.sessions import CreateSessionCommand, SaveSessionCommand
from forumdesk.ui.context import AppContext, ForumdeskCommand
from forumdesk.ui.i18n import capitalized
from forumdesk.ui.people_table_model import vocabulary_label
from forumdesk.ui.stale_bar import StaleBar
from forumdesk.ui.suggest_slot_dialog import choose_slot, slot_placement

SEARCH_LIMIT = 50


class RoleDelegate(QStyledItemDelegate):
    """A combo box of roles for the Role column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for role in Role:
            combo.addItem(vocabulary_label(role), role.value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self, editor: QWidget, model: object, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


ALL_ROOMS = "all"  # the room list's entry for a session across the whole venue


class SessionEditorDialog(QDialog):
    """Create (session_id None) or edit a session. OK saves everything as one undo step."""

    def __init__(
        self,
        ctx: AppContext,
        session_id: int | None = None,
        *,
        event_id: int | None = None,
        where: Placement | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # a new session's room and time, where the user asked for it on the timetable
        self._where = where
        self.original: SessionRow | None = (
            sessions.get_session(ctx.db, session_id) if session_id is not None else None
        )
        self.event_id = self.original.event_id if self.original else (event_id or ctx.event_id)
        assert self.event_id is not None, "a session belongs to an event"
        from forumdesk.services.events import get_event

        self.event_row = get_event(ctx.db, self.event_id)
        self.saved_session_id: int | None = session_id
        self._original_people = (
            assignments.session_people(ctx.db, session_id) if session_id is not None else []
        )
        self._search_results: list[PersonRow] = []
        self.exec_dialog: Callable[[QDialog], object] = lambda dialog: dialog.exec()
        self.setWindowTitle(
            capitalized(self.tr("Edit session {0}").format(self.original.label))
            if self.original
            else self.tr("New session")
        )
        self.resize(1300, 680)  # the texts side by side per language, and the people beside them
        self._build()
        self._load()
        self._show_balance()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(150)
        self._busy_timer.timeout.connect(self._refresh_busy)
        for signal in (
            self.scheduled_check.toggled,
            self.day_combo.currentIndexChanged,
            self.start_edit.timeChanged,
            self.end_edit.timeChanged,
        ):
            signal.connect(self._busy_timer.start)
        self.people_model.rowsInserted.connect(self._busy_timer.start)
        self._refresh_busy()
        ctx.data_changed.connect(self._on_ctx_data_changed)

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_fields())
        splitter.addWidget(self._build_people())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #B00020")
        self.stale_bar = StaleBar(self)
        self.stale_bar.reload_requested.connect(self.reload_from_database)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stale_bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def _build_fields(self) -> QWidget:
        box = QGroupBox(self.tr("Session"), self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.code_edit = QLineEdit(box)
        self.code_edit.setMaxLength(32)
        self.title_edit = QLineEdit(box)
        self.kind_combo = QComboBox(box)
        for kind in SessionKind:
            label = vocabulary_label(kind)
            self.kind_combo.addItem(label[:1].upper() + label[1:], kind.value)
        self.track_combo = QComboBox(box)
        self.track_combo.addItem(self.tr("(no track)"), None)
        for track in venue.list_tracks(self.ctx.db, self.event_id):
            self.track_combo.addItem(track.name, track.id)
        self.room_combo = QComboBox(box)
        self.room_combo.addItem(self.tr("(no room)"), None)
        self.room_combo.addItem(self.tr("All rooms (whole venue)"), ALL_ROOMS)
        for room in venue.list_rooms(self.ctx.db, self.event_id):
            label = f"{room.name} ({room.capacity})" if room.capacity else room.name
            self.room_combo.addItem(label, room.id)
        self.scheduled_check = QCheckBox(self.tr("On the timetable"), box)
        # called off: it stays in the programme, struck through, and its people are told
        self.cancelled_check = QCheckBox(self.tr("Cancelled (stays in the programme)"), box)
        for check in (self.scheduled_check, self.cancelled_check):
            # as wide as its words: a click beside them in the stretched form row does nothing
            check.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.day_combo = QComboBox(box)
        for day in self.event_row.days:
            self._add_day(day)
        self.start_edit = QTimeEdit(box)
        self.end_edit = QTimeEdit(box)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        times = QHBoxLayout()
        times.addWidget(self.day_combo)
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("–", box))
        times.addWidget(self.end_edit)
        self.suggest_button = QPushButton(self.tr("Suggest a slot…"), box)
        self.suggest_button.setObjectName("suggest_slot_button")
        if self.original is None:
            self.suggest_button.setEnabled(False)
            self.suggest_button.setToolTip(
                self.tr("Save the session first: then its people are known")
            )
        else:
            self.suggest_button.setToolTip(
                self.tr(
                    "The best rooms and times for this session with its saved people; "
                    "choosing one places it there and saves the session"
                )
            )
        self.suggest_button.clicked.connect(self._on_suggest_button_clicked)
        times.addWidget(self.suggest_button)
        self.scheduled_check.toggled.connect(self._on_scheduled_check_toggled)
        self.audience_spin = QSpinBox(box)
        self.audience_spin.setRange(-1, 100_000)
        self.audience_spin.setSpecialValueText(self.tr("not set"))
        self.length_spin = QSpinBox(box)
        self.length_spin.setRange(0, 24 * 60)
        self.length_spin.setSingleStep(15)
        self.length_spin.setSuffix(self.tr(" min"))
        self.length_spin.setSpecialValueText(self.tr("not set (1 hour)"))
        self.length_spin.setToolTip(
            self.tr("How long the session lasts when it is put on the timetable")
        )
        self.description_edit = QPlainTextEdit(box)
        form.addRow(self.tr("Code"), self.code_edit)
        form.addRow(self._build_texts(box))
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Track"), self.track_combo)
        form.addRow(self.tr("Room"), self.room_combo)
        form.addRow("", self.scheduled_check)
        form.addRow(self.tr("When"), times)
        form.addRow(self.tr("Planned length"), self.length_spin)
        form.addRow(self.tr("Expected audience"), self.audience_spin)
        form.addRow("", self.cancelled_check)
        return box

    def _build_texts(self, box: QWidget) -> QWidget:
        """Title and description in each of the event's languages, side by side (the main
        language first, in `title_edit` and `description_edit`). A missing translation shows
        the main language's text greyed with a marker, never an empty look-alike."""
        languages = self.event_row.content_languages
        texts = QWidget(box)
        grid = QGridLayout(texts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.title_edits: dict[str, QLineEdit] = {languages[0]: self.title_edit}
        self.description_edits: dict[str, QPlainTextEdit] = {languages[0]: self.description_edit}
        for lang in languages[1:]:
            self.title_edits[lang] = QLineEdit(texts)
            self.description_edits[lang] = QPlainTextEdit(texts)
        several = len(languages) > 1
        grid.addWidget(QLabel(self.tr("Title"), texts), 1, 0)
        grid.addWidget(QLabel(self.tr("Description"), texts), 2, 0, Qt.AlignmentFlag.AlignTop)
        for column, lang in enumerate(languages, start=1):
            name = NATIVE_NAMES.get(lang, lang)
            if column == 1 and several:
                name = self.tr("{0} (main)").format(name)
            heading = QLabel(f"<b>{name}</b>", texts)
            heading.setVisible(several)
            grid.addWidget(heading, 0, column)
            grid.addWidget(self.title_edits[lang], 1, column)
            grid.addWidget(self.description_edits[lang], 2, column)
            self.title_edits[lang].setObjectName(f"title_{lang}")
            self.description_edits[lang].setObjectName(f"description_{lang}")
            grid.setColumnStretch(column, 1)
        self.title_edit.textChanged.connect(self._show_fallbacks)
        self.description_edit.textChanged.connect(self._show_fallbacks)
        return texts

    def _show_fallbacks(self, *_args: object) -> None:
        """Each empty translation shows, greyed, the main text it falls back to, marked."""
        main_title = self.title_edit.text().strip()
        main_description = self.description_edit.toPlainText().strip()
        for lang in self.event_row.content_languages[1:]:
            name = language_name(lang)
            title_edit = self.title_edits[lang]
            title_edit.setPlaceholderText(fallback(main_title, lang) if main_title else "")
            title_edit.setToolTip(
                self.tr(
                    "No title in {0} yet: the main language's stands in for it, marked."
                ).format(name)
                if not title_edit.text().strip()
                else ""
            )
            self.description_edits[lang].setPlaceholderText(
                fallback(main_description, lang) if main_description else ""
            )

    def translations(self) -> Translations:
        """The title and description in the event's other languages, as the form has them (texts
        in a language the event no longer shows are kept as they were)."""
        found: Translations = self.original.translations if self.original else ()
        for lang in self.event_row.content_languages[1:]:
            found = with_text(found, lang, "title", self.title_edits[lang].text())
            found = with_text(
                found, lang, "description", self.description_edits[lang].toPlainText()
            )
        return found

    def _build_people(self) -> QWidget:
        box = QGroupBox(self.tr("People"), self)
        layout = QVBoxLayout(box)
        self.people_model = AssignmentDraftTableModel(self)
        self.people_table = QTableView(box)
        self.people_table.setModel(self.people_model)
        self.people_table.setItemDelegateForColumn(
            AssignmentDraftTableModel.COLUMNS.index("role"), RoleDelegate(self.people_table)
        )
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        vertical = self.people_table.verticalHeader()
        vertical.hide()
        # compact rows: a session's twelve people in sight on a 768 px screen
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.people_table.fontMetrics().height() + 8)
        header = self.people_table.horizontalHeader()
        columns = AssignmentDraftTableModel.COLUMNS
        # Sized for what the columns hold, not for the (often empty) list the editor opens
        # with: refitted whenever people come and go (_fit_people_columns); the role fits
        # every role there is and the organisation takes the rest of the width.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(columns.index("organization"), QHeaderView.ResizeMode.Stretch)
        header.resizeSection(columns.index("role"), self._role_column_width())
        for signal in (
            self.people_model.rowsInserted,
            self.people_model.rowsRemoved,
            self.people_model.modelReset,
            self.people_model.dataChanged,
        ):
            signal.connect(self._fit_people_columns)
            signal.connect(self._show_balance)
        self.people_table.setWordWrap(False)
        # the mix of the moderators' and speakers' sectors, countries and genders (issue 20)
        self.balance_label = QLabel(box)
        self.balance_label.setObjectName("panel_balance")
        self.balance_label.setWordWrap(True)
        self.balance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row_buttons = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move up"), box)
        self.down_button = QPushButton(self.tr("Move down"), box)
        self.remove_button = QPushButton(self.tr("Remove", "from the session"), box)
        self.up_button.clicked.connect(lambda: self._move_selected(-1))
        self.down_button.clicked.connect(lambda: self._move_selected(1))
        self.remove_button.clicked.connect(self._remove_selected)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.people_table,
            self._remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        for button in (self.up_button, self.down_button, self.remove_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)

        add_box = QGroupBox(self.tr("Add people"), box)
        add_layout = QVBoxLayout(add_box)
        self.search_edit = QLineEdit(add_box)
        self.search_edit.setPlaceholderText(
            self.tr("Type a name, organisation or e-mail (Cyrillic or Latin)…")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.installEventFilter(self)
        self.results_model = QStringListModel(self)
        self.results_view = QListView(add_box)
        self.results_view.setModel(self.results_model)
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.doubleClicked.connect(lambda _index: self._add_selected_results())
        self.results_view.installEventFilter(self)
        add_row = QHBoxLayout()
        self.role_combo = QComboBox(add_box)
        for role in Role:
            self.role_combo.addItem(vocabulary_label(role), role.value)
        self.add_button = QPushButton(self.tr("Add as"), add_box)
        self.add_button.clicked.connect(self._add_selected_results)
        self.new_person_button = QPushButton(self.tr("New person…"), add_box)
        self.new_person_button.clicked.connect(self._on_new_person_button_clicked)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.role_combo)
        add_row.addStretch(1)
        add_row.addWidget(self.new_person_button)
        add_layout.addWidget(self.search_edit)
        add_layout.addWidget(self.results_view)
        add_layout.addLayout(add_row)

        layout.addWidget(self.people_table, 3)
        layout.addWidget(self.balance_label)
        layout.addLayout(row_buttons)
        layout.addWidget(add_box, 1)
        return box

    def _add_day(self, day: dt.date) -> int:
        self.day_combo.addItem(QLocale().toString(QDate(day), "ddd dd.MM.yyyy"), day.isoformat())
        return self.day_combo.count() - 1

    def _role_column_width(self) -> int:
        """Wide enough for the heading and every role, with room for the combo box's arrow."""
        metrics = self.people_table.fontMetrics()
        header = self.people_table.horizontalHeader()
        labels = [vocabulary_label(role) for role in Role]
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        return max(
            widest + 48, header.sectionSizeHint(AssignmentDraftTableModel.COLUMNS.index("role"))
        )

    def _fit_people_columns(self, *_args: object) -> None:
        """Name and "also at" fit their text (a name at most half the list), never the heading
        alone; the user may still drag them."""
        table = self.people_table
        columns = AssignmentDraftTableModel.COLUMNS
        widest_name = max(200, table.viewport().width() // 2)
        for column, cap in (("name", widest_name), ("busy", 2 * widest_name)):
            number = columns.index(column)
            table.resizeColumnToContents(number)
            table.setColumnWidth(number, min(table.columnWidth(number), cap))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The button box makes OK the default when shown; Enter belongs to the field it is
        # typed in (it adds people in "Add people"), so no button is pressed by it.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._fit_people_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            event.accept()  # OK and Cancel are clicked (or Ctrl+Enter, Escape)
            return
        super().keyPressEvent(event)

    def _load(self) -> None:
        row = self.original
        day = self.event_row.first_day
        if row is None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(SessionKind.DISCUSSION.value))
            self.scheduled_check.setChecked(False)
            self.start_edit.setTime(QTime(10, 0))
            self.end_edit.setTime(QTime(11, 30))
            self.audience_spin.setValue(-1)
            self.length_spin.setValue(0)
            self._on_scheduled_check_toggled(False)
            if self._where is not None:
                self._show_placement(self._where)
            return
        self.code_edit.setText(row.code or "")
        self.title_edit.setText(row.title)
        self.title_edit.setCursorPosition(0)  # show a long title from its start
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(row.kind.value))
        self.track_combo.setCurrentIndex(max(0, self.track_combo.findData(row.track_id)))
        room = ALL_ROOMS if row.all_rooms else row.room_id
        self.room_combo.setCurrentIndex(max(0, self.room_combo.findData(room)))
        self.length_spin.setValue(row.planned_minutes or 0)
        self.cancelled_check.setChecked(row.cancelled)
        scheduled = row.starts_at is not None and row.ends_at is not None
        self.scheduled_check.setChecked(scheduled)
        if row.starts_at is not None and row.ends_at is not None:
            day = row.starts_at.date()
            self.start_edit.setTime(QTime(row.starts_at.hour, row.starts_at.minute))
            self.end_edit.setTime(QTime(row.ends_at.hour, row.ends_at.minute))
        # Days are kept as ISO strings: a Python date comes back from Qt as a QDate, so
        # findData with a date never matched and the session's day was listed twice.
        index = self.day_combo.findData(day.isoformat())
        if index < 0:  # a session outside the event's days stays where it is
            index = self._add_day(day)
        self.day_combo.setCurrentIndex(index)
        self.audience_spin.setValue(-1 if row.expected_audience is None else row.expected_audience)
        self.description_edit.setPlainText(row.description or "")
        main = self.event_row.main_language
        for lang in self.event_row.content_languages[1:]:
            found = text_in(row.translations, lang, "title", main_language=main, main_text=None)
            self.title_edits[lang].setText(found or "")
            self.title_edits[lang].setCursorPosition(0)
            found = text_in(
                row.translations, lang, "description", main_language=main, main_text=None
            )
            self.description_edits[lang].setPlainText(found or "")
        self._show_fallbacks()
        self._on_scheduled_check_toggled(scheduled)
        self.people_model.set_rows(
            [
                DraftAssignment(a.person_id, a.display_name, a.organization, a.role)
                for a in self._original_people
            ]
        )

    def _show_placement(self, where: Placement) -> None:
        """Fill in a new session's room and time (a double-click or a drag on the timetable)."""
        room = ALL_ROOMS if where.all_rooms else where.room_id
        self.room_combo.setCurrentIndex(max(0, self.room_combo.findData(room)))
        if where.starts_at is None or where.ends_at is None:
            return
        index = self.day_combo.findData(where.starts_at.date().isoformat())
        if index >= 0:
            self.day_combo.setCurrentIndex(index)
        self.start_edit.setTime(QTime(where.starts_at.hour, where.starts_at.minute))
        self.end_edit.setTime(QTime(where.ends_at.hour, where.ends_at.minute))
        self.scheduled_check.setChecked(True)
        self._on_scheduled_check_toggled(True)

    def _on_ctx_data_changed(self, _topics: frozenset[str]) -> None:
        """Another desk changed this session or its people: say so rather than keep stale data."""
        changes = self.ctx.remote_changes
        if changes is None or self.original is None:
            return
        session_id = self.original.id
        people_keys = changes.keys("assignments")
        if changes.touches("program_sessions", session_id) or (
            people_keys is None or any(key[0] == session_id for key in people_keys)  # type: ignore[index]
        ):
            try:
                sessions.get_session(self.ctx.db, session_id)
            except NotFoundError:
                self.stale_bar.show_deleted()
                self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
                return
            self.stale_bar.show_changed(*sessions.last_written(self.ctx.db, session_id))

    def reload_from_database(self) -> None:
        """Show the session as it is now (the Reload of the bar); edits made here are dropped."""
        if self.original is None:
            return
        try:
            self.original = sessions.get_session(self.ctx.db, self.original.id)
            self._original_people = assignments.session_people(self.ctx.db, self.original.id)
        except ForumdeskError as exc:
            self.message_label.setText(str(exc))
            return
        self._load()
        self.message_label.clear()
        self.stale_bar.hide()

    # --- what the form says ---------------------------------------------------------------

    def field_values(self) -> dict[str, object]:
        audience = self.audience_spin.value()
        return {
            "code": self.code_edit.text(),
            "title": self.title_edit.text(),
            "kind": self.kind_combo.currentData(),
            "track_id": self.track_combo.currentData(),
            "description": self.description_edit.toPlainText(),
            "expected_audience": None if audience < 0 else audience,
            "planned_minutes": self.length_spin.value() or None,
            "cancelled": self.cancelled_check.isChecked(),
            "translations": self.translations(),
        }

    def placement(self) -> Placement:
        data = self.room_combo.currentData()
        all_rooms = data == ALL_ROOMS
        room_id = None if all_rooms else data
        if not self.scheduled_check.isChecked():
            return Placement(room_id, None, None, all_rooms)
        day = dt.date.fromisoformat(str(self.day_combo.currentData()))
        start, end = self.start_edit.time(), self.end_edit.time()
        return Placement(
            room_id,
            dt.datetime.combine(day, dt.time(start.hour(), start.minute())),
            dt.datetime.combine(day, dt.time(end.hour(), end.minute())),
            all_rooms,
        )

    # --- people ---------------------------------------------------------------------------

    def _on_search_edit_text_changed(self, text: str) -> None:
        self._search_results = (
            search_people(self.ctx.db, text, limit=SEARCH_LIMIT) if text.strip() else []
        )
        self.results_model.setStringList(
            [
                " — ".join(part for part in (p.display_name, p.organization, p.email) if part)
                for p in self._search_results
            ]
        )
        if self._search_results:
            self.results_view.setCurrentIndex(self.results_model.index(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the search box or the results adds the chosen people and goes no further:
        # a line edit passes Return on to the dialog, which would press a button with it.
        if (
            watched in (self.search_edit, self.results_view)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._add_selected_results()
            return True
        return super().eventFilter(watched, event)

    def selected_results(self) -> list[PersonRow]:
        rows = sorted({index.row() for index in self.results_view.selectedIndexes()})
        return [self._search_results[r] for r in rows if r < len(self._search_results)]

    def add_people(self, people: list[PersonRow], role: Role) -> None:
        skipped = self.people_model.add(
            [DraftAssignment(p.id, p.display_name, p.organization, role) for p in people]
        )
        if skipped:
            self.message_label.setText(
                self.tr("Already in this session: {0}").format(
                    ", ".join(s.display_name for s in skipped)
                )
            )
        else:
            self.message_label.clear()

    def _add_selected_results(self) -> None:
        chosen = self.selected_results()
        if chosen:
            self.add_people(chosen, Role(self.role_combo.currentData()))
            self.search_edit.clear()
            self.search_edit.setFocus()

    def _on_new_person_button_clicked(self) -> None:
        """Create a person on the spot (its own undo step) and add them with the chosen role."""
        from forumdesk.services.people import list_organizations
        from forumdesk.ui.person_dialog import PersonDialog

        dialog = PersonDialog(
            [o.name for o in list_organizations(self.ctx.db)],
            None,
            parent=self,
            event_name=self.event_row.name,
        )
        created: list[PersonRow] = []

        def submit(fields: dict[str, object]) -> bool:
            register = self.event_id if dialog.register_for_event() else None
            command = CreatePersonCommand(self.ctx, fields, register)
            ok = self.ctx.run(command)
            if ok and command.created is not None:
                created.append(command.created)
            return ok

        dialog.submit = submit
        self.exec_dialog(dialog)
        if created:
            self.add_people(created, Role(self.role_combo.currentData()))

    def _show_balance(self, *_args: object) -> None:
        """The panel's balance, as the list now stands (saved or not)."""
        panel = [(row.person_id, row.role) for row in self.people_model.rows()]
        balance = balance_of(self.ctx.db, panel)
        if balance.people == 0:
            self.balance_label.setText(self.tr("Panel balance: no moderators or speakers yet."))
            return
        lines = [
            self.tr("Panel balance ({0} moderators and speakers):").format(balance.people),
            self.tr("Sectors: {0}").format(describe_sectors(balance)),
            self.tr("Countries: {0}").format(describe_countries(balance)),
        ]
        genders = describe_genders(balance)
        if genders:
            lines.append(self.tr("Gender: {0}").format(genders))
        single = balance.single_sector
        if single is not None:
            lines.append(self.tr("All from one sector: {0}").format(single.translated_label))
        self.balance_label.setText("\n".join(lines))

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.people_table.selectionModel().selectedRows()})

    def _move_selected(self, delta: int) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            target = self.people_model.move_row(rows[0], delta)
            self.people_table.selectRow(target)

    def _remove_selected(self) -> None:
        self.people_model.remove_rows(self._selected_rows())

    def _refresh_busy(self) -> None:
        placement = self.placement()
        if placement.starts_at is None or placement.ends_at is None:
            self.people_model.set_busy({})
            return
        busy = agenda.busy_people(
            self.ctx.db,
            self.event_id,
            self.people_model.person_ids(),
            placement.starts_at,
            placement.ends_at,
            exclude_session_id=self.saved_session_id,
        )
        self.people_model.set_busy(
            {
                person_id: "; ".join(
                    f"{item.session.code or item.session.title} "
                    f"{item.session.starts_at:%H:%M}–{item.session.ends_at:%H:%M} "
                    f"({vocabulary_label(item.role)})"
                    for item in items
                )
                for person_id, items in busy.items()
            }
        )

    def _on_scheduled_check_toggled(self, checked: bool) -> None:
        for widget in (self.day_combo, self.start_edit, self.end_edit):
            widget.setEnabled(checked)

    def _on_suggest_button_clicked(self) -> None:
        """Choose one of the best places; the session is saved there (one undo step, with
        whatever else was changed here)."""
        if self.original is None:
            return
        chosen = choose_slot(self.ctx, self, self.original.id, self.exec_dialog)
        if chosen is None:
            return
        _row, slot = chosen
        self._show_placement(slot_placement(slot))
        self.accept()

    # --- saving ---------------------------------------------------------------------------

    def accept(self) -> None:
        if not self.title_edit.text().strip():
            self.message_label.setText(self.tr("The session needs a title."))
            self.title_edit.setFocus()
            return
        placement = self.placement()
        if (
            placement.starts_at is not None
            and placement.ends_at is not None
            and placement.ends_at <= placement.starts_at
        ):
            self.message_label.setText(self.tr("The session must end after it starts."))
            self.end_edit.setFocus()
            return
        command = self._command()
        if not self.ctx.run(command):
            return
        if isinstance(command, CreateSessionCommand) and command.created is not None:
            self.saved_session_id = command.created.id
        super().accept()

    def people(self) -> tuple[SessionPerson, ...]:
        """The people as the list shows them, numbered in its order."""
        return tuple(
            SessionPerson(a.person_id, a.role, position)
            for position, a in enumerate(self.people_model.rows())
        )

    def _command(self) -> ForumdeskCommand:
        """The save as one command: one service call for the fields, place and people."""
        fields, placement = self.field_values(), self.placement()
        where = {
            "room_id": placement.room_id,
            "starts_at": placement.starts_at,
            "ends_at": placement.ends_at,
            "all_rooms": placement.all_rooms,
        }
        if self.original is None:
            return CreateSessionCommand(self.ctx, self.event_id, {**fields, **where}, self.people())
        current = self.original
        changes = {k: v for k, v in fields.items() if v != _current_value(current, k)}
        if placement != Placement(
            current.room_id, current.starts_at, current.ends_at, current.all_rooms
        ):
            changes.update(where)
        return SaveSessionCommand(
            self.ctx,
            self.tr("Edit session {0}").format(current.label),
            current,
            SessionEdit(changes, self.people()),
            [SessionPerson(a.person_id, a.role, a.position) for a in self._original_people],
        )


def _current_value(row: SessionRow, field: str) -> object:
    value = getattr(row, field)
    if field == "kind":
        return row.kind.value
    if field in {"code", "description"}:
        return value or ""
    if field == "translations":  # only the languages the editor shows are compared
        return value
    return value
