"""The import wizard's first pages: the file, its sheet and header row (the mapping page is in
import_mapping_page), and the state and helpers the pages share.

The pages share one ImportState with the wizard (forumdesk.ui.import_wizard), which hands it to
each page it makes; no page knows the wizard. Reading the file
and mapping its columns use the same io functions the import service uses, so what the preview
shows is what the import will read; nothing here writes to the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import EventRow
from forumdesk.io.encoding_detection import AmbiguousEncodingError
from forumdesk.io.headers import (
    FIELD_LABELS,
    column_letter,
    map_columns,
)
from forumdesk.io.tables import RawTable, read_tables
from forumdesk.services import events
from forumdesk.services.session_answers import SessionAnswers, load_session_answers
from forumdesk.ui.context import AppContext

ENCODINGS = (
    "utf-8",
    "cp1251",
    "cp1252",
    "utf-16",
    "koi8-r",
    "cp866",
    "latin-1",
    "iso-8859-15",
    "cp1253",
    "iso-8859-7",
    "mac-cyrillic",
)
DELIMITERS = ((";", ";"), (",", ","), ("\t", "Tab"), ("|", "|"))
PREVIEW_ROWS = 30
CLEANED_ROWS = 10
SPREADSHEET_FILTER = "*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt"


@dataclass(slots=True)
class ImportState:
    """What the pages have chosen so far, read by the later pages and the import."""

    path: Path | None = None
    kind: str = "attendees"
    event: EventRow | None = None
    encoding: str | None = None
    delimiter: str | None = None
    tables: list[RawTable] = field(default_factory=list)
    table: RawTable | None = None
    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # column -> field or "ignore"
    name_order: str = "auto"
    # the event's sessions, to show in the preview which session each answer names
    session_answers: SessionAnswers | None = None


def field_label(name: str) -> str:
    return QCoreApplication.translate("ImportFields", FIELD_LABELS.get(name, name))


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#b00020"))
    label.setPalette(palette)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def plain_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def cell_item(text: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


class FilePage(QWizardPage):
    """Which file, what it holds, for which event; CSV encoding and delimiter if detection errs."""

    def __init__(self, ctx: AppContext, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.state = ctx, state
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "An Excel, OpenDocument or CSV file. You can also drop the file onto this page."
            )
        )
        self.setAcceptDrops(True)
        settings = QSettings()
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("The file to import"))
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Attendees (people, registrations)"), "attendees")
        self.kind_combo.addItem(self.tr("Programme (sessions, rooms, speakers)"), "programme")
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(state.kind), 0))
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.event_combo = QComboBox(self)
        self.event_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.event_combo.setMinimumContentsLength(24)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.addItem(self.tr("Detect automatically"), None)
        for name in ENCODINGS:
            self.encoding_combo.addItem(name, name)
        remembered = settings.value("import/encoding")
        if remembered:
            self.encoding_combo.setCurrentIndex(max(self.encoding_combo.findData(remembered), 0))
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.addItem(self.tr("Detect automatically"), None)
        for char, shown in DELIMITERS:
            self.delimiter_combo.addItem(self.tr("Tab") if char == "\t" else shown, char)
        self.encoding_combo.currentIndexChanged.connect(
            self._on_encoding_combo_current_index_changed
        )
        self.error_label = message_label(self)
        # shown when the file reads sensibly in more than one encoding: the user picks by eye
        self.choice_box = QWidget(self)
        self.choice_combo = QComboBox(self.choice_box)
        self.choice_combo.currentIndexChanged.connect(self._on_choice_combo_current_index_changed)
        self.choice_preview = QPlainTextEdit(self.choice_box)
        self.choice_preview.setReadOnly(True)
        self.choice_preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        choice_label = QLabel(self.tr("Read the file &as:"), self.choice_box)
        choice_label.setBuddy(self.choice_combo)
        choice_row = QHBoxLayout()
        choice_row.addWidget(choice_label)
        choice_row.addWidget(self.choice_combo, 1)
        choice_layout = QVBoxLayout(self.choice_box)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addLayout(choice_row)
        choice_layout.addWidget(self.choice_preview, 1)
        self.choice_box.hide()
        self._choice_path: Path | None = None
        self._choice_previews: dict[str, str] = {}

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        file_label = QLabel(self.tr("&File:"), self)  # a row of a layout gets no buddy itself
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        form.addRow(self.tr("&What it holds:"), self.kind_combo)
        form.addRow(self.tr("&Event:"), self.event_combo)
        form.addRow(self.tr("Text &encoding (CSV):"), self.encoding_combo)
        form.addRow(self.tr("&Column separator (CSV):"), self.delimiter_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.choice_box, 1)
        layout.addStretch(1)
        self._events = events.list_events(ctx.db)
        self._fill_events()

    def _fill_events(self) -> None:
        wanted = self.ctx.event_id
        self.event_combo.clear()
        if self.kind == "attendees":
            self.event_combo.addItem(self.tr("None: only add them to the directory"), None)
        for event in self._events:
            self.event_combo.addItem(event.name, event.id)
        index = self.event_combo.findData(wanted) if wanted is not None else -1
        self.event_combo.setCurrentIndex(index if index >= 0 else 0)

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and self.event_combo.count() > 0

    def _on_path_edit_text_changed(self, _text: str) -> None:
        show_message(self.error_label, "")
        self._hide_choice()
        self.completeChanged.emit()

    def _on_encoding_combo_current_index_changed(self, _index: int) -> None:
        if self.choice_box.isVisibleTo(self):  # the user names the encoding: no choice to make
            show_message(self.error_label, "")
            self._hide_choice()

    def _on_choice_combo_current_index_changed(self, _index: int) -> None:
        encoding = self.choice_combo.currentData()
        self.choice_preview.setPlainText(self._choice_previews.get(encoding, ""))

    @property
    def chosen_encoding(self) -> str | None:
        """The encoding the file will be read in: the one named, else the one chosen among the
        plausible ones, else None (detected)."""
        named = self.encoding_combo.currentData()
        if named is None and self._choice_path is not None:
            return str(self.choice_combo.currentData())
        return str(named) if named is not None else None

    def _offer_encodings(self, path: Path, error: AmbiguousEncodingError) -> None:
        self._choice_path = path
        self._choice_previews = dict(error.previews)
        self.choice_combo.blockSignals(True)
        self.choice_combo.clear()
        for encoding in error.candidates:
            self.choice_combo.addItem(encoding, encoding)
        self.choice_combo.setCurrentIndex(0)
        self.choice_combo.blockSignals(False)
        self._on_choice_combo_current_index_changed(0)
        self.choice_box.show()
        show_message(
            self.error_label,
            self.tr(
                "«{0}» reads sensibly in more than one encoding ({1}). Choose the one in which "
                "the names below look right, then press Next."
            ).format(path.name, ", ".join(error.candidates)),
        )
        self.choice_combo.setFocus()

    def _hide_choice(self) -> None:
        self._choice_path = None
        self._choice_previews = {}
        self.choice_box.hide()

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        self._fill_events()
        if self.kind == "programme" and not self._events:
            show_message(
                self.error_label,
                self.tr(
                    "A programme is imported into an event, and there is none yet: create the "
                    "event first."
                ),
            )
        self.completeChanged.emit()

    def _on_browse_button_clicked(self) -> None:
        folder = str(QSettings().value("import/last_folder") or "")
        chosen = self.ctx.prompts.open_file(
            self,
            self.tr("Import a file"),
            folder,
            self.tr("Spreadsheets and CSV files ({0})").format(SPREADSHEET_FILTER),
        )
        if chosen:
            self.set_path(chosen)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.set_path(urls[0].toLocalFile())
            event.acceptProposedAction()

    def validatePage(self) -> bool:
        state = self.state
        path = Path(self.path_edit.text().strip())
        if self.kind == "programme" and self.event_combo.currentData() is None:
            show_message(self.error_label, self.tr("Choose the event the programme belongs to."))
            return False
        if self._choice_path is not None and self._choice_path != path:
            self._hide_choice()
        encoding = self.chosen_encoding
        delimiter = self.delimiter_combo.currentData()
        try:
            tables = read_tables(path, encoding=encoding, delimiter=delimiter)
        except AmbiguousEncodingError as exc:
            self._offer_encodings(path, exc)
            return False
        except ForumdeskError as exc:
            show_message(self.error_label, str(exc))
            return False
        except (OSError, LookupError, UnicodeError) as exc:
            show_message(
                self.error_label, self.tr("«{0}» cannot be read: {1}").format(path.name, exc)
            )
            return False
        event_id = self.event_combo.currentData()
        state.path, state.kind, state.tables = path, self.kind, [t for t in tables if t.rows]
        state.encoding, state.delimiter = encoding, delimiter
        state.event = next((e for e in self._events if e.id == event_id), None)
        try:
            state.session_answers = (
                load_session_answers(self.ctx.db, event_id) if event_id is not None else None
            )
        except ForumdeskError as exc:  # the event was deleted at another desk meanwhile
            show_message(self.error_label, str(exc))
            return False
        settings = QSettings()
        settings.setValue("import/last_folder", str(path.parent))
        # only an encoding named in the list is remembered; a choice among candidates is per file
        settings.setValue("import/encoding", self.encoding_combo.currentData() or "")
        settings.setValue("import/kind", state.kind)
        return True


class SheetPage(QWizardPage):
    """Which sheet, and which of its rows is the header (found automatically, overridable)."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Sheet and header row"))
        self.setSubTitle(
            self.tr(
                "The highlighted row holds the column names. If it is not the "
                "right one, change the row number."
            )
        )
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_combo_current_index_changed)
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(1, 1_048_576)
        self.header_spin.valueChanged.connect(self._on_header_spin_value_changed)
        self.found_label = QLabel(self)
        self.found_label.setWordWrap(True)
        self.preview = plain_table(self)
        self.error_label = message_label(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Sheet:"), self.sheet_combo)
        form.addRow(self.tr("&Header row:"), self.header_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.found_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error_label)

    def initializePage(self) -> None:
        state = self.state
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for table in state.tables:
            self.sheet_combo.addItem(table.sheet or state.path.name if state.path else "")
        start = 0
        for index, table in enumerate(state.tables):  # the first sheet with a header, as the
            if map_columns(table, state.kind) is not None:  # import itself chooses
                start = index
                break
        self.sheet_combo.setCurrentIndex(start)
        self.sheet_combo.setEnabled(len(state.tables) > 1)
        self.sheet_combo.blockSignals(False)
        self._show_table(start)

    @property
    def table(self) -> RawTable:
        return self.state.tables[max(self.sheet_combo.currentIndex(), 0)]

    def _on_sheet_combo_current_index_changed(self, index: int) -> None:
        if index >= 0:
            self._show_table(index)

    def _show_table(self, index: int) -> None:
        table = self.state.tables[index]
        rows = table.rows[:PREVIEW_ROWS]
        width = max((len(cells) for _n, cells in rows), default=0)
        self.preview.clear()
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([column_letter(i) for i in range(width)])
        self.preview.setVerticalHeaderLabels([str(n) for n, _cells in rows])
        for r, (_number, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                self.preview.setItem(r, c, cell_item(value))
        self.preview.resizeColumnsToContents()
        for c in range(width):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 260))
        mapping = map_columns(table, self.state.kind)
        wanted = self.state.header_row if self.state.table is table else None
        found = mapping.header_row if mapping else None
        self.header_spin.setRange(table.rows[0][0], table.rows[-1][0])
        self.header_spin.setValue(wanted or found or table.rows[0][0])
        if found is not None:
            found_text = self.tr("The header was found in row {0}.").format(found)
        else:
            found_text = self.tr(
                "No row names columns forumdesk knows; choose the "
                "header row and map the columns on the next page."
            )
        if table.is_csv and table.encoding:
            found_text += " " + self.tr("The text was read as {0}.").format(table.encoding)
        self.found_label.setText(found_text)
        self._highlight()

    def _on_header_spin_value_changed(self, _value: int) -> None:
        show_message(self.error_label, "")
        self._highlight()

    def _highlight(self) -> None:
        header = self.header_spin.value()
        bold = QFont(self.font())
        bold.setBold(True)
        mark = QBrush(QColor("#ffe8a3"))
        for r in range(self.preview.rowCount()):
            is_header = self.preview.verticalHeaderItem(r).text() == str(header)
            for c in range(self.preview.columnCount()):
                item = self.preview.item(r, c)
                if item is None:
                    item = cell_item("")
                    self.preview.setItem(r, c, item)
                item.setBackground(mark if is_header else QBrush())
                item.setFont(bold if is_header else self.font())

    def validatePage(self) -> bool:
        state = self.state
        try:
            map_columns(self.table, state.kind, header_row=self.header_spin.value())
        except ForumdeskError as exc:
            show_message(self.error_label, str(exc))
            return False
        if not any(n > self.header_spin.value() for n, _cells in self.table.rows):
            show_message(
                self.error_label,
                self.tr("There are no rows below row {0}: nothing to import.").format(
                    self.header_spin.value()
                ),
            )
            return False
        if state.table is not self.table or state.header_row != self.header_spin.value():
            state.columns = {}  # a new header: the mapping starts afresh
        state.table, state.header_row = self.table, self.header_spin.value()
        return True
