"""Exporting from the app: the agenda workbook dialog, print, PDF, iCalendar and CSV.

`ExportAgendaDialog` fills in services.exports.ExportOptions, remembered in QSettings for each
event of each database (an event not exported before starts from the programme and the grid);
`ExportActions` (forumdesk.ui.export_actions) runs each export through
workers.run_with_progress with Cancel and reports the outcome.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QSettings,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.io.csv_export import CsvFlavour
from forumdesk.services import venue
from forumdesk.services.agenda import event_language
from forumdesk.services.exports import GRID_STEPS, PAPERS, PARTS, ExportOptions
from forumdesk.ui.context import AppContext
from forumdesk.ui.i18n import installed_language

OPTIONS_KEY = "export/agenda_options"  # the last export of any event
EVENT_OPTIONS_KEY = "export/agenda_options_by_event"
FOLDER_KEY = "export/folder"
MAX_LIST_WIDTH = 400  # three lists side by side still fit a 1366-pixel screen
CSV_FLAVOUR_KEY = "export/csv_flavour"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportAgendaDialog", text)


def part_titles() -> dict[str, str]:
    return {
        "programme": _tr("Programme (day by day, with speakers)"),
        "grid": _tr("Grid (rooms across, times down)"),
        "signin": _tr("Sign-in sheets for each session"),
        "rooms": _tr("Door signs for each room"),
        "personal": _tr("Personal agendas"),
        "people": _tr("List of people"),
    }


def _event_key(db: Database, event: EventRow) -> str:
    """The settings key of one event's export options: its database and its id.

    Two databases (a test copy, last year's forum) have events with the same id; the key
    tells them apart without putting a path, with its slashes, into the key.
    """
    digest = hashlib.sha1(f"{db.location}\n{event.id}".encode()).hexdigest()[:16]
    return f"{EVENT_OPTIONS_KEY}/{digest}"


def _stored(key: str) -> dict[str, object] | None:
    raw = QSettings().value(key)
    try:
        values = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        values = None
    return values if isinstance(values, dict) else None


def remembered_options(db: Database | None = None, event: EventRow | None = None) -> ExportOptions:
    """The options of the event's last export; a missing or damaged setting gives the defaults.

    An event not exported before gets the programme and the grid, all days, rooms and tracks,
    headings in the language the event is written in, and the paper and grid step of the last
    export of any event (those belong to the office, not to the event).
    """
    if db is not None and event is not None:
        values = _stored(_event_key(db, event))
        if values is not None:
            return ExportOptions.from_dict(values)
    last = _stored(OPTIONS_KEY) or {}
    values = {name: last[name] for name in ("paper", "grid_step") if name in last}
    if db is not None and event is not None:
        values["lang"] = event_language(db, event.id)
    else:  # no event: headings follow the window's language
        values["lang"] = last.get("lang") or installed_language() or "en"
    return ExportOptions.from_dict(values)


def remember_options(
    options: ExportOptions, db: Database | None = None, event: EventRow | None = None
) -> None:
    """Remember the options for the event's next export (and paper and grid step for all)."""
    stored = json.dumps(options.to_dict(), ensure_ascii=False)
    QSettings().setValue(OPTIONS_KEY, stored)
    if db is not None and event is not None:
        QSettings().setValue(_event_key(db, event), stored)


def remembered_csv_flavour() -> CsvFlavour:
    """The CSV flavour last chosen in the export dialog; "excel" until one is."""
    return "plain" if QSettings().value(CSV_FLAVOUR_KEY) == "plain" else "excel"


def remember_csv_flavour(flavour: CsvFlavour) -> None:
    QSettings().setValue(CSV_FLAVOUR_KEY, flavour)


def export_folder() -> Path:
    """The folder of the last export, else the user's documents."""
    stored = QSettings().value(FOLDER_KEY)
    if isinstance(stored, str) and stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(path: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(path.parent))


def suggested_path(event: EventRow, suffix: str, what: str = "") -> Path:
    """ "<folder>/<event name> <what>.<suffix>", with characters no file system takes removed."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", f"{event.name} {what}".strip())
    stem = " ".join(stem.split()).strip(" .") or "agenda"
    return export_folder() / f"{stem}.{suffix}"


class ExportAgendaDialog(QDialog):
    """Which parts, days, rooms and tracks go into the agenda workbook, and how it prints."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if ctx.current_event is None:
            raise ValueError("the export dialog needs an open event")
        self.ctx = ctx
        self.forum_event: EventRow = ctx.current_event  # not `event`: QObject.event()
        self.setWindowTitle(self.tr("Export agenda"))
        rooms = venue.list_rooms(ctx.db, self.forum_event.id)
        tracks = venue.list_tracks(ctx.db, self.forum_event.id)
        options = remembered_options(ctx.db, self.forum_event).fitted_to(
            self.forum_event, [r.id for r in rooms], [t.id for t in tracks]
        )

        parts_box = QGroupBox(self.tr("Parts of the workbook"), self)
        parts_layout = QVBoxLayout(parts_box)
        self.part_checks: dict[str, QCheckBox] = {}
        for part, title in part_titles().items():
            check = QCheckBox(title, parts_box)
            check.setChecked(part in options.parts)
            check.setObjectName(f"part_{part}")
            parts_layout.addWidget(check)
            self.part_checks[part] = check
        self.all_registered_check = QCheckBox(
            self.tr(
                "Every registered person gets a personal agenda\n(not only moderators and speakers)"
            ),
            parts_box,
        )
        self.all_registered_check.setChecked(options.include_all_registered)
        parts_layout.addWidget(self.all_registered_check)
        self.part_checks["personal"].toggled.connect(self.all_registered_check.setEnabled)
        self.all_registered_check.setEnabled(self.part_checks["personal"].isChecked())

        format_box = QGroupBox(self.tr("Paper and language"), self)
        form = QFormLayout(format_box)
        self.paper_combo = QComboBox(format_box)
        for paper in PAPERS:
            self.paper_combo.addItem(paper, paper)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(options.paper)))
        self.lang_combo = QComboBox(format_box)
        self.lang_combo.addItem("Русский", "ru")
        self.lang_combo.addItem("Қазақша", "kk")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(options.lang)))
        self.grid_step_combo = QComboBox(format_box)
        for step in GRID_STEPS:
            self.grid_step_combo.addItem(self.tr("{0} min").format(step), step)
        self.grid_step_combo.setCurrentIndex(
            max(0, self.grid_step_combo.findData(options.grid_step))
        )
        self.part_checks["grid"].toggled.connect(self.grid_step_combo.setEnabled)
        self.grid_step_combo.setEnabled(self.part_checks["grid"].isChecked())
        form.addRow(self.tr("Paper:"), self.paper_combo)
        form.addRow(self.tr("Headings in:"), self.lang_combo)
        form.addRow(self.tr("Grid time step:"), self.grid_step_combo)
        self.csv_flavour_combo = QComboBox(format_box)
        self.csv_flavour_combo.addItem(
            self.tr("Excel (apostrophe before formula-like text)"), "excel"
        )
        self.csv_flavour_combo.addItem(
            self.tr("Other programs (plain UTF-8, values as stored)"), "plain"
        )
        self.csv_flavour_combo.setToolTip(
            self.tr(
                "How File > Export CSV writes its files. Excel: UTF-8 with a byte-order mark, "
                "and an apostrophe before text that Excel would run as a formula (phone "
                "numbers starting with + too). Other programs: RFC 4180 UTF-8 without a "
                "byte-order mark, commas between columns and every value exactly as stored, "
                "for mail merge and CRM uploads."
            )
        )
        self.csv_flavour_combo.setCurrentIndex(
            max(0, self.csv_flavour_combo.findData(remembered_csv_flavour()))
        )
        form.addRow(self.tr("CSV files for:"), self.csv_flavour_combo)

        locale = QLocale()
        self.day_list = self._checklist(
            [
                (locale.toString(QDate(d.year, d.month, d.day), "ddd dd.MM.yyyy"), d)
                for d in self.forum_event.days
            ],
            options.days,
        )
        self.room_list = self._checklist([(r.name, r.id) for r in rooms], options.room_ids)
        self.track_list = self._checklist([(t.name, t.id) for t in tracks], options.track_ids)
        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("Days"), self.day_list),
            (self.tr("Rooms"), self.room_list),
            (self.tr("Tracks"), self.track_list),
        ):
            box = QGroupBox(title, self)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(widget)
            lists.addWidget(box, 1)

        self.path_edit = QLineEdit(
            str(suggested_path(self.forum_event, "xlsx", self.tr("agenda"))), self
        )
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("Save to:"), self))
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        top = QGridLayout()
        top.addWidget(parts_box, 0, 0, 2, 1)
        top.addWidget(format_box, 0, 1)
        top.setColumnStretch(0, 1)
        top.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(lists, 1)
        layout.addLayout(path_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _checklist(
        self, entries: list[tuple[str, object]], chosen: tuple[object, ...] | None
    ) -> QListWidget:
        widget = QListWidget(self)
        for text, value in entries:
            item = QListWidgetItem(text, widget)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setToolTip(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if chosen is None or value in chosen
                else Qt.CheckState.Unchecked
            )
        widget.setMinimumHeight(120)
        # wide enough for the longest room or track name, so the list never scrolls sideways;
        # a name longer than any screen allows is cut, and its tooltip reads it whole
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chrome = 2 * widget.frameWidth() + widget.verticalScrollBar().sizeHint().width()
        widest = widget.sizeHintForColumn(0) if widget.count() else 0
        widget.setMinimumWidth(min(widest + chrome, MAX_LIST_WIDTH))
        return widget

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[object, ...] | None:
        """The checked values; None when all are checked (no filter)."""
        items = [widget.item(n) for n in range(widget.count())]
        checked = tuple(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )
        return None if len(checked) == len(items) else checked

    # --- what the dialog says ---------------------------------------------------------------

    def options(self) -> ExportOptions:
        days = self._checked(self.day_list)
        rooms = self._checked(self.room_list)
        tracks = self._checked(self.track_list)
        return ExportOptions(
            parts=tuple(p for p in PARTS if self.part_checks[p].isChecked()),
            days=None if days is None else tuple(d for d in days if isinstance(d, dt.date)),
            room_ids=None if rooms is None else tuple(int(str(r)) for r in rooms),
            track_ids=None if tracks is None else tuple(int(str(t)) for t in tracks),
            paper=str(self.paper_combo.currentData()),
            lang=self.lang_combo.currentData() or "en",
            include_all_registered=self.all_registered_check.isChecked(),
            grid_step=int(self.grid_step_combo.currentData()),
        )

    def csv_flavour(self) -> CsvFlavour:
        return "plain" if self.csv_flavour_combo.currentData() == "plain" else "excel"

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def problem(self) -> str | None:
        """What keeps the export from running, in words; None when it can run."""
        options = self.options()
        if not options.parts:
            return self.tr("Choose at least one part of the agenda.")
        for value, widget, message in (
            (options.days, self.day_list, self.tr("Choose at least one day.")),
            (options.room_ids, self.room_list, self.tr("Choose at least one room.")),
            (options.track_ids, self.track_list, self.tr("Choose at least one track.")),
        ):
            if value == () and widget.count():
                return message
        text = self.path_edit.text().strip()
        if not text:
            return self.tr("Choose where to save the workbook.")
        if self.path().is_dir():
            return self.tr("{0} is a folder; give the name of the file to write.").format(text)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        path = self.path()
        if path.suffix.lower() != ".xlsx":
            self.path_edit.setText(str(path.with_name(path.name + ".xlsx")))
        remember_options(self.options(), self.ctx.db, self.forum_event)
        remember_csv_flavour(self.csv_flavour())
        remember_folder(self.path())
        super().accept()

    def _on_browse_button_clicked(self) -> None:
        chosen = self.ctx.prompts.save_file(
            self,
            self.tr("Save the agenda as"),
            self.path_edit.text(),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen:
            self.path_edit.setText(chosen)
