"""File > Export agenda, Print agenda, Export to PDF, calendar and CSV: the window's exports.

The options dialog lives in forumdesk.ui.export_dialog; this module makes the File-menu actions
(the main window puts them in its menu), runs the exports in the worker and reports the outcome.

The export machinery (openpyxl, icalendar, the agenda loaders, the print layout) is imported
when an export is first asked for, not when the window starts: it is a third of a second that
every start would otherwise spend on something most starts never use.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLocale,
    QObject,
    QUrl,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QPushButton,
    QStatusBar,
    QWidget,
)

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import EventRow
from forumdesk.io.agenda_labels import Lang, split_languages
from forumdesk.ui.context import AppContext
from forumdesk.ui.version_actions import VersionActions
from forumdesk.ui.workers import JobOutcome, run_with_progress

if TYPE_CHECKING:
    from forumdesk.io.agenda_data import AgendaData
    from forumdesk.services.exports import CsvWhat, ExportOptions

log = logging.getLogger(__name__)


class ExportActions(QObject):
    """The File menu's exports for one window: its actions, and what they run.

    Files are chosen through `ctx.prompts`; `exec_dialog` (the options dialog, the print
    preview) and `open_url` are the seams tests replace.
    """

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        status_bar: QStatusBar,
        versions: VersionActions,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.window, self.status_bar = ctx, parent, status_bar
        self.versions = versions  # offers to publish before the agenda goes out
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        # the People page's selection, which Badges… offers (the main window sets it)
        self.people_selection: Callable[[], list[int]] = list
        # Excel reads semicolon-separated CSV where the decimal separator is a comma (ru, kk...)
        self.csv_delimiter = ";" if QLocale().decimalPoint() == "," else ","
        self.last_path: Path | None = None
        self.open_button = QPushButton(self.tr("Open the file"), parent)
        self.open_button.setFlat(True)
        self.open_button.hide()
        self.open_button.clicked.connect(self._on_open_button_clicked)
        status_bar.addWidget(self.open_button)
        self._build_actions()
        ctx.event_changed.connect(self._on_ctx_event_changed)
        self._on_ctx_event_changed(ctx.current_event)

    def _build_actions(self) -> None:
        parent = self.window
        self.export_agenda_action = QAction(self.tr("&Export agenda…"), parent)
        self.export_agenda_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_agenda_action.triggered.connect(self.export_agenda)
        self.print_agenda_action = QAction(self.tr("&Print agenda…"), parent)
        self.print_agenda_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_agenda_action.triggered.connect(self.print_agenda)
        self.export_pdf_action = QAction(self.tr("Export agenda to P&DF…"), parent)
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.export_calendar_action = QAction(self.tr("Export &calendar (.ics)…"), parent)
        self.export_calendar_action.triggered.connect(self.export_calendar)
        self.csv_menu = QMenu(self.tr("Export CS&V"), parent)
        self.export_csv_sessions_action = self.csv_menu.addAction(self.tr("&Sessions…"))
        self.export_csv_sessions_action.triggered.connect(lambda: self.export_csv("sessions"))
        self.export_csv_people_action = self.csv_menu.addAction(self.tr("&People…"))
        self.export_csv_people_action.triggered.connect(lambda: self.export_csv("people"))
        self.export_csv_action = self.csv_menu.menuAction()
        self.badges_action = QAction(self.tr("&Badges…"), parent)
        self.badges_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.badges_action.triggered.connect(lambda: self.export_badges(self.people_selection()))
        self.tents_action = QAction(self.tr("&Table tents…"), parent)
        self.tents_action.triggered.connect(lambda: self.export_tents())
        # the File menu's group, in its order
        self.menu_actions: list[QAction] = [
            self.export_agenda_action,
            self.print_agenda_action,
            self.export_pdf_action,
            self.export_calendar_action,
            self.export_csv_action,
            self.badges_action,
            self.tents_action,
        ]
        for action, name in zip(
            self.menu_actions,
            (
                "export_agenda_action",
                "print_agenda_action",
                "export_pdf_action",
                "export_calendar_action",
                "export_csv_action",
                "badges_action",
                "tents_action",
            ),
            strict=True,
        ):
            action.setObjectName(name)

    def _on_ctx_event_changed(self, event: EventRow | None) -> None:
        for action in self.menu_actions:
            action.setEnabled(event is not None)
        if event is None:
            self.open_button.hide()

    # --- running and reporting ---------------------------------------------------------------

    def _run(self, title: str, label: str, job: Callable[..., object]) -> JobOutcome | None:
        """Run `job` with a progress dialog; report a failure and return None."""
        outcome = run_with_progress(self.window, title, label, job)
        if outcome.error is not None:
            if isinstance(outcome.error, ForumdeskError):
                self.ctx.report_error(title, outcome.error)
            elif isinstance(outcome.error, OSError):
                self.ctx.report_error(
                    title,
                    self.tr("The file could not be written: {0}").format(
                        outcome.error.strerror or outcome.error
                    ),
                )
            else:
                log.error("export failed", exc_info=outcome.error)
                self.ctx.report_error(
                    title, self.tr("The export failed unexpectedly: {0}").format(outcome.error)
                )
            return None
        return outcome

    def _written(self, path: Path, message: str) -> None:
        from forumdesk.ui.export_dialog import remember_folder

        self.last_path = path
        remember_folder(path)
        self.status_bar.showMessage(message, 15000)
        self.open_button.show()

    def _on_open_button_clicked(self) -> None:
        if self.last_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.last_path)))
        self.open_button.hide()

    def _choose(self, title: str, suffix: str, what: str, file_filter: str) -> Path | None:
        from forumdesk.ui.export_dialog import suggested_path

        event = self.ctx.current_event
        if event is None:
            return None
        chosen = self.ctx.prompts.save_file(
            self.window, title, str(suggested_path(event, suffix, what)), file_filter
        )
        if not chosen:
            return None
        path = Path(chosen)
        return (
            path if path.suffix.lower() == f".{suffix}" else path.with_name(f"{path.name}.{suffix}")
        )

    # --- the agenda workbook -----------------------------------------------------------------

    def export_agenda(self) -> None:
        from forumdesk.ui.export_dialog import ExportAgendaDialog

        if self.ctx.current_event is None:
            return
        dialog = ExportAgendaDialog(self.ctx, self.window)
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        self.versions.offer_to_publish(self.tr("Export agenda"))
        self.run_agenda_export(dialog.options(), dialog.path())

    def run_agenda_export(self, options: ExportOptions, path: Path) -> Path | None:
        from forumdesk.services import exports

        event_id = self.ctx.event_id
        if event_id is None:
            return None
        db = self.ctx.db
        self.open_button.hide()
        title = self.tr("Export agenda")
        outcome = self._run(
            title,
            self.tr("Writing the agenda workbook…"),
            lambda progress: exports.export_agenda(db, event_id, path, options, progress),
        )
        if outcome is None:
            return None
        if outcome.cancelled or outcome.result is None or outcome.result.cancelled:
            self.status_bar.showMessage(
                self.tr("Export cancelled; any previous file was left as it was."), 10000
            )
            return None
        self._written(
            outcome.result.path,
            self.tr("The agenda was written to {0}.").format(outcome.result.path),
        )
        return Path(outcome.result.path)

    # --- calendar and CSV --------------------------------------------------------------------

    def export_calendar(self) -> Path | None:
        from forumdesk.services import exports
        from forumdesk.ui.export_dialog import remembered_options

        event_id = self.ctx.event_id
        path = self._choose(
            self.tr("Export calendar"),
            "ics",
            self.tr("programme"),
            self.tr("iCalendar file (*.ics)"),
        )
        if event_id is None or path is None:
            return None
        db, lang = self.ctx.db, _one(remembered_options(self.ctx.db, self.ctx.current_event).lang)
        outcome = self._run(
            self.tr("Export calendar"),
            self.tr("Writing the calendar…"),
            lambda _progress: exports.export_calendar(db, event_id, path, lang=lang),
        )
        if outcome is None or outcome.cancelled:
            return None
        self._written(
            path, self.tr("{0} sessions were written to {1}.").format(outcome.result, path)
        )
        return path

    def export_csv(self, what: CsvWhat) -> Path | None:
        from forumdesk.services import exports
        from forumdesk.ui.export_dialog import remembered_csv_flavour, remembered_options

        event_id = self.ctx.event_id
        title = (
            self.tr("Export sessions as CSV")
            if what == "sessions"
            else self.tr("Export people as CSV")
        )
        path = self._choose(
            title,
            "csv",
            self.tr("sessions") if what == "sessions" else self.tr("people"),
            self.tr("CSV file (*.csv)"),
        )
        if event_id is None or path is None:
            return None
        db, lang, flavour = (
            self.ctx.db,
            _one(remembered_options(self.ctx.db, self.ctx.current_event).lang),
            remembered_csv_flavour(),
        )
        # the plain flavour is RFC 4180: commas, whatever Excel's regional settings expect
        delimiter = self.csv_delimiter if flavour == "excel" else ","
        outcome = self._run(
            title,
            self.tr("Writing the CSV file…"),
            lambda _progress: exports.export_csv(
                db, event_id, path, what, lang=lang, delimiter=delimiter, flavour=flavour
            ),
        )
        if outcome is None or outcome.cancelled:
            return None
        self._written(path, self.tr("{0} rows were written to {1}.").format(outcome.result, path))
        return path

    # --- badges and table tents --------------------------------------------------------------

    def export_badges(
        self, person_ids: Sequence[int] = (), session_id: int | None = None
    ) -> Path | None:
        """Ask whom for and how, then write the badges' PDF (`person_ids`: the People page's
        selection, offered first)."""
        return self._write_badges(False, person_ids, session_id)

    def export_tents(self, session_id: int | None = None) -> Path | None:
        return self._write_badges(True, (), session_id)

    def _write_badges(
        self, tents: bool, person_ids: Sequence[int], session_id: int | None
    ) -> Path | None:
        from forumdesk.services import badges
        from forumdesk.ui.badges_dialog import BadgesDialog

        event_id = self.ctx.event_id
        if event_id is None:
            return None
        dialog = BadgesDialog(
            self.ctx, self.window, tents=tents, selection=person_ids, session_id=session_id
        )
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        title = self.tr("Table tents") if tents else self.tr("Badges")
        path = self._choose(
            title,
            "pdf",
            self.tr("table tents") if tents else self.tr("badges"),
            self.tr("PDF document (*.pdf)"),
        )
        if path is None:
            return None
        db, chosen_session = self.ctx.db, dialog.session_id()
        self.open_button.hide()
        if tents:
            outcome = self._run(
                title,
                self.tr("Writing the table tents…"),
                lambda progress: badges.export_tents(
                    db, event_id, path, session_id=chosen_session, progress=progress
                ),
            )
        else:
            layout, lang, role, people = (
                dialog.layout_choice(),
                dialog.lang(),
                dialog.role(),
                dialog.person_ids(),
            )
            outcome = self._run(
                title,
                self.tr("Writing the badges…"),
                lambda progress: badges.export_badges(
                    db,
                    event_id,
                    path,
                    layout=layout,
                    lang=lang,
                    session_id=chosen_session,
                    person_ids=people,
                    role=role,
                    progress=progress,
                ),
            )
        if outcome is None:
            return None
        if outcome.cancelled or outcome.result is None:
            self.status_bar.showMessage(
                self.tr("Cancelled; any previous file was left as it was."), 10000
            )
            return None
        result = outcome.result
        message = (
            self.tr("%n table tents were written to {0}.", "", result.count)
            if tents
            else self.tr("%n badges were written to {0}.", "", result.count)
        )
        self._written(path, message.format(path))
        return path

    # --- print and PDF -----------------------------------------------------------------------

    def _agenda_data(self, title: str, lang: str) -> AgendaData | None:
        from forumdesk.services.agenda import load_agenda
        from forumdesk.services.versions import agenda_edition

        event_id = self.ctx.event_id
        if event_id is None:
            return None
        db = self.ctx.db

        def read(_progress: object) -> AgendaData:
            data = load_agenda(db, event_id)
            return dataclasses.replace(data, edition=agenda_edition(db, event_id, _one(lang)))

        outcome = self._run(title, self.tr("Reading the programme…"), read)
        if outcome is None or outcome.cancelled:
            return None
        return outcome.result  # type: ignore[no-any-return]

    def print_agenda(self) -> None:
        from forumdesk.ui.agenda_print import agenda_document, set_up_printer
        from forumdesk.ui.export_dialog import remembered_options

        options = remembered_options(self.ctx.db, self.ctx.current_event)
        self.versions.offer_to_publish(self.tr("Print agenda"))
        data = self._agenda_data(self.tr("Print agenda"), options.lang)
        if data is None:
            return
        document = agenda_document(data, options.lang)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_printer(printer, options.paper)
        preview = QPrintPreviewDialog(printer, self.window)
        preview.setWindowTitle(self.tr("Print agenda"))
        preview.paintRequested.connect(document.print_)
        self.exec_dialog(preview)

    def export_pdf(self) -> Path | None:
        from forumdesk.ui.agenda_print import agenda_document, write_pdf
        from forumdesk.ui.export_dialog import remembered_options

        path = self._choose(
            self.tr("Export agenda to PDF"),
            "pdf",
            self.tr("agenda"),
            self.tr("PDF document (*.pdf)"),
        )
        if path is None:
            return None
        options = remembered_options(self.ctx.db, self.ctx.current_event)
        self.versions.offer_to_publish(self.tr("Export agenda to PDF"))
        data = self._agenda_data(self.tr("Export agenda to PDF"), options.lang)
        if data is None:
            return None
        try:
            write_pdf(agenda_document(data, options.lang), path, options.paper, data.event.name)
        except ForumdeskError as exc:
            self.ctx.report_error(self.tr("Export agenda to PDF"), exc)
            return None
        self._written(path, self.tr("The agenda was written to {0}.").format(path))
        return path


def _one(lang: str) -> Lang:
    """A remembered agenda language as the calendar, CSV and change lists take it: the first of
    a side-by-side pair ("ru+en" -> "ru")."""
    return split_languages(lang)[0]
