"""Event setup: the event's fields and days, its rooms (seats, order) and tracks (colour)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.content_languages import (
    CONTENT_LANGUAGES,
    NATIVE_NAMES,
    Translations,
    fallback,
    text_in,
    with_text,
)
from forumdesk.core.rows import EventRow
from forumdesk.services import venue
from forumdesk.services.events import get_event
from forumdesk.ui.commands.events import edit_event
from forumdesk.ui.commands.venue import (
    AddRoomCommand,
    AddTrackCommand,
    DeleteRoomCommand,
    DeleteTrackCommand,
    ReorderRoomsCommand,
    ReorderTracksCommand,
    edit_room,
    edit_track,
)
from forumdesk.ui.context import EVENT, ROOMS, TRACKS, AppContext
from forumdesk.ui.event_dialog import pydate, qdate, timezone_combo, timezone_value
from forumdesk.ui.venue_table_models import RoomTableModel, TrackTableModel

# pastel colours readable under black text, offered in turn to new tracks
TRACK_PALETTE = (
    "#A8D5BA",
    "#F6C6A8",
    "#B9C9F0",
    "#F3E3A1",
    "#D7B8E8",
    "#A9DDE0",
    "#F2B8C6",
    "#CFE3A6",
)


class SetupPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._event: EventRow | None = None
        self._shown_event_id: int | None = None  # whose rooms and tracks the tables hold
        # The form, its languages' texts and the two tables stand taller than a 1366×768
        # screen leaves a page (about 830 pixels against 600): they scroll, so the window
        # fits the screen on every page instead of the setup page making it 936 pixels tall.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("setup_scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        contents = QWidget(self.scroll_area)
        contents.setObjectName("setup_contents")
        layout = QGridLayout(contents)
        layout.addWidget(self._build_event_box(), 0, 0, 2, 1)
        layout.addWidget(self._build_rooms_box(), 0, 1)
        layout.addWidget(self._build_tracks_box(), 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self.scroll_area.setWidget(contents)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        ctx.event_changed.connect(lambda _event: self.reload())
        ctx.data_changed.connect(self._on_ctx_data_changed)
        self.reload()

    # --- construction ---------------------------------------------------------------------

    def _build_event_box(self) -> QWidget:
        box = QGroupBox(self.tr("Event"), self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.name_edit = QLineEdit(box)
        self.city_edit = QLineEdit(box)
        self.venue_edit = QLineEdit(box)
        self.first_day_edit = QDateEdit(box)
        self.last_day_edit = QDateEdit(box)
        for edit in (self.first_day_edit, self.last_day_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.timezone_combo = timezone_combo(box)
        # the clash checker's buffer: a person needs this long to get from one room to another
        self.changeover_spin = QSpinBox(box)
        self.changeover_spin.setRange(0, 24 * 60)
        self.changeover_spin.setSuffix(self.tr(" min"))
        self.changeover_spin.setToolTip(
            self.tr(
                "Time a person needs between sessions in different rooms; "
                "less is reported as a clash."
            )
        )
        # an optional rule of the Problems dock (issue 20): off unless the event asks for it
        self.one_sector_check = QCheckBox(self.tr("Warn of one sector only"), box)
        # as wide as its words: a click beside them in the stretched form row does nothing
        self.one_sector_check.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.one_sector_check.setToolTip(
            self.tr(
                "The Problems dock warns of a session whose moderators and speakers all come "
                "from one sector (government, business, …)."
            )
        )
        self.organizers_edit = QPlainTextEdit(box)
        self.organizers_edit.setMaximumHeight(90)
        self.description_edit = QPlainTextEdit(box)
        self.apply_button = QPushButton(self.tr("Save changes"), box)
        self.revert_button = QPushButton(self.tr("Revert"), box)
        self.apply_button.clicked.connect(self.apply_event_changes)
        self.revert_button.clicked.connect(self._show_event)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("First day"), self.first_day_edit)
        form.addRow(self.tr("Last day"), self.last_day_edit)
        form.addRow(self.tr("City"), self.city_edit)
        form.addRow(self.tr("Venue"), self.venue_edit)
        form.addRow(self.tr("Time zone"), self.timezone_combo)
        form.addRow(self.tr("Content languages"), self._build_languages(box))
        form.addRow(self._build_event_texts(box))
        form.addRow(self.tr("Changeover between rooms"), self.changeover_spin)
        form.addRow(self.tr("Panels"), self.one_sector_check)
        form.addRow(self.tr("Organisers"), self.organizers_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(buttons)
        for signal in (
            self.name_edit.textChanged,
            self.city_edit.textChanged,
            self.venue_edit.textChanged,
            self.first_day_edit.dateChanged,
            self.last_day_edit.dateChanged,
            self.timezone_combo.currentTextChanged,
            self.changeover_spin.valueChanged,
            self.one_sector_check.toggled,
            self.organizers_edit.textChanged,
            self.description_edit.textChanged,
            self.main_language_combo.currentIndexChanged,
            *(check.toggled for check in self.language_checks.values()),
            *(edit.textChanged for edit in self.event_text_edits.values()),
        ):
            signal.connect(self._update_buttons)
        return box

    def _build_languages(self, box: QWidget) -> QWidget:
        """The event's content languages: the main one, and the others its texts are kept in."""
        row = QWidget(box)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.main_language_combo = QComboBox(row)
        for lang in CONTENT_LANGUAGES:
            self.main_language_combo.addItem(NATIVE_NAMES[lang], lang)
        self.main_language_combo.setToolTip(
            self.tr("The language of the titles and names as the window shows them.")
        )
        # two lines, the main language above the others: one line would widen the page beyond
        # a 1366-pixel screen in Russian and Kazakh
        layout.setDirection(QBoxLayout.Direction.TopToBottom)
        layout.setSpacing(2)
        main_row, others_row = QHBoxLayout(), QHBoxLayout()
        main_row.addWidget(self.main_language_combo)
        main_row.addStretch(1)
        others_row.addWidget(QLabel(self.tr("also in:"), row))
        self.language_checks: dict[str, QCheckBox] = {}
        for lang in CONTENT_LANGUAGES:
            check = QCheckBox(NATIVE_NAMES[lang], row)
            self.language_checks[lang] = check
            others_row.addWidget(check)
            check.toggled.connect(self._show_language_columns)
        others_row.addStretch(1)
        layout.addLayout(main_row)
        layout.addLayout(others_row)
        self.main_language_combo.currentIndexChanged.connect(self._show_language_columns)
        return row

    def _build_event_texts(self, box: QWidget) -> QWidget:
        """The event's name, city and venue in each other language, side by side."""
        self.event_texts = QWidget(box)
        grid = QGridLayout(self.event_texts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.event_text_edits: dict[tuple[str, str], QLineEdit] = {}
        self._language_headings: dict[str, QLabel] = {}
        for row, (name, label) in enumerate(
            (("name", self.tr("Name")), ("city", self.tr("City")), ("venue", self.tr("Venue"))),
            start=1,
        ):
            grid.addWidget(QLabel(label, self.event_texts), row, 0)
            for column, lang in enumerate(CONTENT_LANGUAGES, start=1):
                edit = QLineEdit(self.event_texts)
                edit.setObjectName(f"{name}_{lang}")
                self.event_text_edits[name, lang] = edit
                grid.addWidget(edit, row, column)
        for column, lang in enumerate(CONTENT_LANGUAGES, start=1):
            heading = QLabel(f"<b>{NATIVE_NAMES[lang]}</b>", self.event_texts)
            self._language_headings[lang] = heading
            grid.addWidget(heading, 0, column)
            grid.setColumnStretch(column, 1)
        return self.event_texts

    def chosen_languages(self) -> tuple[str, ...]:
        """The content languages as the form has them, main first."""
        main = str(self.main_language_combo.currentData())
        others = [
            lang
            for lang, check in self.language_checks.items()
            if check.isChecked() and lang != main
        ]
        return (main, *others)

    def _show_language_columns(self, *_args: object) -> None:
        """A column of texts for each language other than the one the event's own fields hold;
        a language cannot be both main and "also"."""
        main = str(self.main_language_combo.currentData())
        for lang, check in self.language_checks.items():
            check.setEnabled(lang != main)
        stored_main = self._event.main_language if self._event else main
        shown = [lang for lang in self.chosen_languages() if lang != stored_main]
        for (_name, lang), edit in self.event_text_edits.items():
            edit.setVisible(lang in shown)
            main_text = getattr(self._event, _name, None) if self._event else None
            edit.setPlaceholderText(fallback(main_text, lang) if main_text else "")
        grid = self.event_texts.layout()
        assert isinstance(grid, QGridLayout)
        for column, (lang, heading) in enumerate(self._language_headings.items(), start=1):
            heading.setVisible(lang in shown)
            # a hidden language's column takes no share of the width from the shown ones
            grid.setColumnStretch(column, 1 if lang in shown else 0)
        self.event_texts.setVisible(bool(shown))

    def _form_translations(self) -> Translations:
        """The event's name, city and venue in the other languages as the form has them."""
        found: Translations = self._event.translations if self._event else ()
        stored_main = self._event.main_language if self._event else "ru"
        chosen = self.chosen_languages()
        for (name, lang), edit in self.event_text_edits.items():
            if lang != stored_main and lang in chosen:  # others are kept as they were
                found = with_text(found, lang, name, edit.text())
        return found

    def _table(self, model: RoomTableModel | TrackTableModel, parent: QWidget) -> QTableView:
        table = QTableView(parent)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()

        # names share the width the page has (a column per content language), numbers and
        # colours take what they need: the table never scrolls sideways beside the docks
        def fit_columns() -> None:
            header = table.horizontalHeader()
            for column, field in enumerate(model.fields()):
                text = field.split("@")[0] in {"name", "notes"}
                mode = (
                    QHeaderView.ResizeMode.Stretch
                    if text
                    else QHeaderView.ResizeMode.ResizeToContents
                )
                header.setSectionResizeMode(column, mode)

        model.modelReset.connect(fit_columns)
        model.layoutChanged.connect(fit_columns)
        fit_columns()
        return table

    def _build_rooms_box(self) -> QWidget:
        box = QGroupBox(self.tr("Rooms (in timetable order)"), self)
        self.room_model = RoomTableModel(self)
        self.room_model.edit_requested.connect(self._on_room_model_edit_requested)
        self.room_table = self._table(self.room_model, box)
        self.add_room_button = QPushButton(self.tr("Add room"), box)
        self.delete_room_button = QPushButton(self.tr("Delete room…"), box)
        self.room_up_button = QPushButton(self.tr("Move up"), box)
        self.room_down_button = QPushButton(self.tr("Move down"), box)
        self.add_room_button.clicked.connect(self.add_room)
        self.delete_room_button.clicked.connect(self.delete_room)
        self.room_up_button.clicked.connect(lambda: self.move_room(-1))
        self.room_down_button.clicked.connect(lambda: self.move_room(1))
        self.new_room_seats = QSpinBox(box)
        self.new_room_seats.setRange(0, 100_000)
        self.new_room_seats.setValue(100)
        self.new_room_seats.setSuffix(self.tr(" seats"))
        return self._box_with(
            box,
            self.room_table,
            (self.add_room_button, self.new_room_seats),
            (self.delete_room_button, self.room_up_button, self.room_down_button),
        )

    def _build_tracks_box(self) -> QWidget:
        box = QGroupBox(self.tr("Tracks"), self)
        self.track_model = TrackTableModel(self)
        self.track_model.edit_requested.connect(self._on_track_model_edit_requested)
        self.track_table = self._table(self.track_model, box)
        self.track_table.doubleClicked.connect(self._on_track_table_double_clicked)
        self.add_track_button = QPushButton(self.tr("Add track"), box)
        self.color_button = QPushButton(self.tr("Colour…"), box)
        self.delete_track_button = QPushButton(self.tr("Delete track…"), box)
        self.track_up_button = QPushButton(self.tr("Move up"), box)
        self.track_down_button = QPushButton(self.tr("Move down"), box)
        self.add_track_button.clicked.connect(self.add_track)
        self.color_button.clicked.connect(self.choose_track_color)
        self.delete_track_button.clicked.connect(self.delete_track)
        self.track_up_button.clicked.connect(lambda: self.move_track(-1))
        self.track_down_button.clicked.connect(lambda: self.move_track(1))
        return self._box_with(
            box,
            self.track_table,
            (self.add_track_button, self.color_button),
            (self.delete_track_button, self.track_up_button, self.track_down_button),
        )

    def _box_with(self, box: QGroupBox, table: QTableView, *rows: tuple[QWidget, ...]) -> QWidget:
        """`table` over its buttons, in two short rows: in one (five buttons) the box was
        half the page's width, which beside the event's form a 1366-pixel screen with its docks
        could not give the page without a sideways scroll bar."""
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        for buttons in rows:
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        return box

    # --- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        event_id = self.ctx.event_id
        self._event = get_event(self.ctx.db, event_id) if event_id else None
        self.setEnabled(self._event is not None)
        self._show_event()
        languages = self._event.content_languages if self._event else ("ru",)
        self.room_model.set_languages(languages)
        self.track_model.set_languages(languages)
        rooms = venue.list_rooms(self.ctx.db, event_id) if event_id else []
        tracks = venue.list_tracks(self.ctx.db, event_id) if event_id else []
        if event_id is not None and event_id == self._shown_event_id:
            # the same event after an edit: row by row, so selections stay on their records
            self.room_model.update_rows(rooms)
            self.track_model.update_rows(tracks)
        else:
            self._shown_event_id = event_id
            self.room_model.set_rows(rooms)
            self.track_model.set_rows(tracks)

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if topics & {EVENT, ROOMS, TRACKS}:
            selected_room = self._selected_row(self.room_table)
            self.reload()
            if (
                selected_room is not None
                and not self.room_table.selectionModel().hasSelection()
                and selected_room < self.room_model.rowCount()
            ):
                # the selected room is gone: select the one that took its place
                self.room_table.selectRow(selected_room)

    def _show_event(self) -> None:
        event = self._event
        self.name_edit.setText(event.name if event else "")
        self.city_edit.setText(event.city or "" if event else "")
        self.venue_edit.setText(event.venue or "" if event else "")
        for edit in (self.name_edit, self.city_edit, self.venue_edit):
            edit.setCursorPosition(0)  # a long name shows its beginning, not its end
        if event:
            self.first_day_edit.setDate(qdate(event.first_day))
            self.last_day_edit.setDate(qdate(event.last_day))
            self.timezone_combo.setCurrentText(event.timezone)
            self.changeover_spin.setValue(event.changeover_minutes)
            self.one_sector_check.setChecked(event.one_sector_warning)
        self.organizers_edit.setPlainText(event.organizers or "" if event else "")
        self.description_edit.setPlainText(event.description or "" if event else "")
        languages = event.content_languages if event else ("ru",)
        self.main_language_combo.setCurrentIndex(
            max(0, self.main_language_combo.findData(languages[0]))
        )
        for lang, check in self.language_checks.items():
            check.setChecked(lang in languages[1:])
        for (name, lang), edit in self.event_text_edits.items():
            found = (
                text_in(event.translations, lang, name, main_language=languages[0], main_text=None)
                if event
                else None
            )
            edit.setText(found or "")
            edit.setCursorPosition(0)
        self._show_language_columns()
        self._update_buttons()

    def event_changes(self) -> dict[str, object]:
        if self._event is None:
            return {}
        form = {
            "name": self.name_edit.text().strip(),
            "city": self.city_edit.text().strip() or None,
            "venue": self.venue_edit.text().strip() or None,
            "first_day": pydate(self.first_day_edit.date()),
            "last_day": pydate(self.last_day_edit.date()),
            "timezone": timezone_value(self.timezone_combo),
            "organizers": self.organizers_edit.toPlainText().strip() or None,
            "description": self.description_edit.toPlainText().strip() or None,
            "changeover_minutes": self.changeover_spin.value(),
            "one_sector_warning": self.one_sector_check.isChecked(),
        }
        changes = {k: v for k, v in form.items() if v != getattr(self._event, k)}
        languages = self.chosen_languages()
        if languages != self._event.content_languages:
            changes["content_languages"] = ",".join(languages)
        translations = self._form_translations()
        if translations != self._event.translations:
            changes["translations"] = translations
        return changes

    def _update_buttons(self) -> None:
        dirty = bool(self.event_changes())
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    # --- actions --------------------------------------------------------------------------

    def apply_event_changes(self) -> None:
        changes = self.event_changes()
        if self._event is None or not changes:
            return
        if self.ctx.run(edit_event(self.ctx, self._event.id, changes, self._event.version)):
            self.ctx.set_event(get_event(self.ctx.db, self._event.id))

    def _selected_row(self, table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_room_model_edit_requested(self, row: object, field: str, value: object) -> None:
        self.ctx.run(edit_room(self.ctx, row, {field: value}))  # type: ignore[arg-type]

    def _on_track_model_edit_requested(self, row: object, field: str, value: object) -> None:
        self.ctx.run(edit_track(self.ctx, row, {field: value}))  # type: ignore[arg-type]

    def add_room(self) -> None:
        if self._event is None:
            return
        names = {r.name.casefold() for r in self.room_model.rows()}
        number = len(names) + 1
        while self.tr("Room {0}").format(number).casefold() in names:
            number += 1
        name = self.tr("Room {0}").format(number)
        if self.ctx.run(
            AddRoomCommand(self.ctx, self._event.id, name, self.new_room_seats.value())
        ):
            last = self.room_model.rowCount() - 1
            self.room_table.selectRow(last)
            self.room_table.edit(self.room_model.index(last, 0))  # type the real name at once

    def delete_room(self) -> None:
        row = self._selected_row(self.room_table)
        if row is None:
            return
        room = self.room_model.row_at(row)
        if self.ctx.prompts.question(
            self,
            self.tr("Delete room"),
            self.tr(
                "Delete the room «{0}»? Its sessions keep their times and lose their room. "
                "You can undo this."
            ).format(room.name),
            default=True,
        ):
            self.ctx.run(DeleteRoomCommand(self.ctx, room))

    def _moved_order(
        self, table: QTableView, model: RoomTableModel | TrackTableModel, delta: int
    ) -> tuple[list[int], dict[int, int], int, int] | None:
        """The table's ids with the selected row moved by `delta`, the versions the table shows,
        the row and where it goes; None when nothing is selected or it can go no further."""
        row = self._selected_row(table)
        if row is None or self._event is None:
            return None
        rows = model.rows()
        ids = [r.id for r in rows]
        target = row + delta
        if not 0 <= target < len(ids):
            return None
        ids.insert(target, ids.pop(row))
        return ids, {r.id: r.version for r in rows}, row, target

    def move_room(self, delta: int) -> None:
        moved = self._moved_order(self.room_table, self.room_model, delta)
        if moved is None or self._event is None:
            return
        ids, versions, row, target = moved
        name = self.room_model.row_at(row).name
        text = (self.tr("Move room {0} up") if delta < 0 else self.tr("Move room {0} down")).format(
            name
        )
        command = ReorderRoomsCommand(self.ctx, self._event.id, ids, versions, text)
        if self.ctx.run(command):
            self.room_table.selectRow(target)

    def add_track(self) -> None:
        if self._event is None:
            return
        count = self.track_model.rowCount()
        names = {t.name.casefold() for t in self.track_model.rows()}
        number = count + 1
        while self.tr("Track {0}").format(number).casefold() in names:
            number += 1
        color = TRACK_PALETTE[count % len(TRACK_PALETTE)]
        if self.ctx.run(
            AddTrackCommand(self.ctx, self._event.id, self.tr("Track {0}").format(number), color)
        ):
            rows = self.track_model.rows()
            last = next(
                n for n, t in enumerate(rows) if t.name == self.tr("Track {0}").format(number)
            )
            self.track_table.selectRow(last)
            self.track_table.edit(self.track_model.index(last, 0))

    def _on_track_table_double_clicked(self, index: object) -> None:
        if getattr(index, "column", lambda: 0)() == TrackTableModel.FIELDS.index("color"):
            self.choose_track_color()

    def choose_track_color(self) -> None:
        row = self._selected_row(self.track_table)
        if row is None:
            return
        track = self.track_model.row_at(row)
        chosen = self.ctx.prompts.color(
            self, self.tr("Track colour"), QColor(track.color or TRACK_PALETTE[0])
        )
        if chosen is not None:
            self.ctx.run(edit_track(self.ctx, track, {"color": chosen.name()}))

    def move_track(self, delta: int) -> None:
        moved = self._moved_order(self.track_table, self.track_model, delta)
        if moved is None or self._event is None:
            return
        ids, versions, row, target = moved
        name = self.track_model.row_at(row).name
        text = (
            self.tr("Move track {0} up") if delta < 0 else self.tr("Move track {0} down")
        ).format(name)
        command = ReorderTracksCommand(self.ctx, self._event.id, ids, versions, text)
        if self.ctx.run(command):
            self.track_table.selectRow(target)

    def delete_track(self) -> None:
        row = self._selected_row(self.track_table)
        if row is None:
            return
        track = self.track_model.row_at(row)
        if self.ctx.prompts.question(
            self,
            self.tr("Delete track"),
            self.tr(
                "Delete the track «{0}»? Its sessions stay, without a track. You can undo this."
            ).format(track.name),
            default=True,
        ):
            self.ctx.run(DeleteTrackCommand(self.ctx, track))
