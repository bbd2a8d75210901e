"""The import wizard: file, sheet and header, mapping, check, confirm, then a summary that stays.

The check is the service's own dry run and the import is the service's one transaction, both run
in a worker thread (forumdesk.ui.workers) with progress and Cancel. The import that was written
then goes on the undo stack as one step (forumdesk.ui.commands.imports.ImportCommand: Edit > Undo
removes it all).
A backup copy of the database can still be taken first (by the import service, as the first step
of its unit of work): the undo stack lasts only as long as the window, and undo refuses once the
imported records have been edited, while the copy stays.
The main window opens it from File > Import… (forumdesk.ui.import_actions).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from forumdesk.core.errors import CancelledError, ForumdeskError
from forumdesk.core.progress import Progress
from forumdesk.io.import_rejects import default_rejects_path
from forumdesk.services.import_common import ImportOptions, ImportSummary
from forumdesk.services.import_undo import ImportChanges
from forumdesk.ui.commands.imports import ImportCommand, push_import
from forumdesk.ui.context import AppContext
from forumdesk.ui.import_mapping_page import MappingPage
from forumdesk.ui.import_pages import (
    FilePage,
    ImportState,
    SheetPage,
    cell_item,
    message_label,
    plain_table,
    show_message,
)
from forumdesk.ui.workers import JobOutcome, run_with_progress

POLICIES = ("update", "overwrite", "skip", "new")
# the summary page's counts only an attendee list has
_ATTENDEE_COUNTS = ("merged", "empty_rows", "repeated_headers", "name_conflicts", "rows")


class CheckPage(QWizardPage):
    """The service's dry run: problems by row and column, likely duplicates, the policy."""

    def __init__(self, host: ImportWizard) -> None:
        super().__init__(host)
        self.host = host
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr(
                "What the import would do, and the rows it cannot use. "
                "Nothing has been changed yet."
            )
        )
        self.summary: ImportSummary | None = None
        self.outcome_label = QLabel(self)
        self.outcome_label.setWordWrap(True)
        self.policy_combo = QComboBox(self)
        for policy, text in zip(
            POLICIES,
            (
                self.tr("Update: fill in what is blank"),
                self.tr("Overwrite with the file's values"),
                self.tr("Skip: leave them as they are"),
                self.tr("Add as new (unless the e-mail is known)"),
            ),
            strict=True,
        ):
            self.policy_combo.addItem(text, policy)
        remembered = QSettings().value("import/policy")
        self.policy_combo.setCurrentIndex(max(self.policy_combo.findData(remembered), 0))
        self.policy_combo.currentIndexChanged.connect(self._on_policy_combo_current_index_changed)
        self.problems_table = plain_table(self)
        self.problems_table.setColumnCount(4)
        self.problems_table.verticalHeader().hide()
        self.problems_table.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.duplicates_table = plain_table(self)
        self.duplicates_table.setColumnCount(4)
        self.duplicates_table.verticalHeader().hide()
        self.duplicates_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("In the file"), self.tr("Perhaps the same as"), self.tr("Why")]
        )
        # rows whose e-mail is a stored person's but whose name is another: the user decides
        self.conflicts_label = QLabel(
            self.tr("Same e-mail, another name: choose which name each person keeps."), self
        )
        self.conflicts_label.setWordWrap(True)
        self.conflicts_table = plain_table(self)
        self.conflicts_table.setColumnCount(5)
        self.conflicts_table.verticalHeader().hide()
        self.conflicts_table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("E-mail"),
                self.tr("Name stored"),
                self.tr("Name in the file"),
                self.tr("Keep"),
            ]
        )
        self.conflict_combos: list[QComboBox] = []
        self.keep_all_button = QPushButton(self.tr("Keep all the &stored names"), self)
        self.keep_all_button.clicked.connect(self._on_keep_all_button_clicked)
        self.take_all_button = QPushButton(self.tr("Take all the &file's names"), self)
        self.take_all_button.clicked.connect(self._on_take_all_button_clicked)
        # e-mails whose conflict is settled by taking the file's name (kept across checks)
        self.names_replaced: set[str] = set()
        self.conflicts_box = QWidget(self)
        conflicts_buttons = QHBoxLayout()
        conflicts_buttons.addStretch(1)
        conflicts_buttons.addWidget(self.keep_all_button)
        conflicts_buttons.addWidget(self.take_all_button)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(self.conflicts_label)
        conflicts_layout.addWidget(self.conflicts_table, 1)
        conflicts_layout.addLayout(conflicts_buttons)
        self.conflicts_box.hide()
        self.notes_view = QPlainTextEdit(self)
        self.notes_view.setReadOnly(True)
        self.notes_view.setMaximumHeight(70)
        self.skip_invalid_check = QCheckBox(
            self.tr("Import the valid rows and write the others to a rejects file:"), self
        )
        self.skip_invalid_check.toggled.connect(self._on_skip_invalid_check_toggled)
        self.rejects_edit = QLineEdit(self)
        self.rejects_button = QPushButton(self.tr("Browse…"), self)
        self.rejects_button.clicked.connect(self._on_rejects_button_clicked)
        self.check_again_button = QPushButton(self.tr("Check &again"), self)
        self.check_again_button.clicked.connect(self.run_check)
        self.error_label = message_label(self)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Already in the database:"), self.policy_combo)
        rejects_row = QHBoxLayout()
        rejects_row.addWidget(self.rejects_edit, 1)
        rejects_row.addWidget(self.rejects_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome_label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Rows with problems:"), self))
        layout.addWidget(self.problems_table, 2)
        layout.addWidget(QLabel(self.tr("Possible duplicates (not merged):"), self))
        layout.addWidget(self.duplicates_table, 1)
        layout.addWidget(self.conflicts_box, 1)
        layout.addWidget(self.notes_view)
        layout.addWidget(self.skip_invalid_check)
        layout.addLayout(rejects_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.check_again_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)

    @property
    def policy(self) -> str:
        return str(self.policy_combo.currentData())

    def initializePage(self) -> None:
        self.rejects_edit.clear()
        self.run_check()

    def run_check(self) -> None:
        self.summary = None
        show_message(self.error_label, "")
        outcome = self.host.run_service(
            self.tr("Checking the file"), self.tr("Reading and checking every row…"), dry_run=True
        )
        if outcome.error is not None:
            show_message(self.error_label, str(outcome.error))
        elif outcome.cancelled:
            show_message(self.error_label, self.tr("The check was cancelled; press Check again."))
        else:
            self.summary = outcome.result
        self._show_summary()
        self.completeChanged.emit()

    def _show_summary(self) -> None:
        summary = self.summary
        self.problems_table.setRowCount(0)
        self.duplicates_table.setRowCount(0)
        self.conflicts_table.setRowCount(0)
        self.conflict_combos = []
        self.conflicts_box.hide()
        self.notes_view.clear()
        if summary is None:
            self.outcome_label.clear()
            return
        self.outcome_label.setText(self.host.counts_text(summary, would=True))
        self.problems_table.setRowCount(len(summary.problems))
        for r, problem in enumerate(summary.problems):
            place: tuple[object, ...] = (
                problem.sheet,
                problem.row,
                problem.column,
                problem.message,
            )
            for c, text in enumerate(place):
                self.problems_table.setItem(r, c, cell_item(text))
        self.problems_table.resizeColumnsToContents()
        self.duplicates_table.setRowCount(len(summary.likely_duplicates))
        for r, duplicate in enumerate(summary.likely_duplicates):
            other = (
                duplicate.other
                if duplicate.other_row is None
                else self.tr("{0} (row {1})").format(duplicate.other, duplicate.other_row)
            )
            cells: tuple[object, ...] = (duplicate.row, duplicate.name, other, duplicate.reason)
            for c, text in enumerate(cells):
                self.duplicates_table.setItem(r, c, cell_item(text))
        self.duplicates_table.resizeColumnsToContents()
        self._show_conflicts(summary)
        self.notes_view.setPlainText("\n".join(summary.warnings))
        self.notes_view.setVisible(bool(summary.warnings))
        has_rejects = summary.rejected > 0
        for widget in (self.skip_invalid_check, self.rejects_edit, self.rejects_button):
            widget.setEnabled(has_rejects)
        if has_rejects and not self.rejects_edit.text() and self.host.state.table is not None:
            self.rejects_edit.setText(str(default_rejects_path(self.host.state.table)))
        if has_rejects and not self.skip_invalid_check.isChecked():
            show_message(
                self.error_label,
                self.tr(
                    "%n row(s) cannot be imported. Correct them in the file and check again, or "
                    "tick “Import the valid rows”.",
                    "",
                    summary.rejected,
                ),
            )

    def _show_conflicts(self, summary: ImportSummary) -> None:
        conflicts = summary.name_conflicts
        self.conflicts_table.setRowCount(len(conflicts))
        for r, conflict in enumerate(conflicts):
            cells: tuple[object, ...] = (
                conflict.row,
                conflict.email,
                conflict.stored,
                conflict.in_file,
            )
            for c, text in enumerate(cells):
                self.conflicts_table.setItem(r, c, cell_item(text))
            combo = QComboBox(self.conflicts_table)
            combo.addItem(self.tr("the stored name"), False)
            combo.addItem(self.tr("the file's name"), True)
            combo.setCurrentIndex(1 if conflict.email in self.names_replaced else 0)
            combo.setProperty("email", conflict.email)
            combo.currentIndexChanged.connect(self._on_conflict_combo_current_index_changed)
            self.conflicts_table.setCellWidget(r, 4, combo)
            self.conflict_combos.append(combo)
        self.conflicts_table.resizeColumnsToContents()
        self.conflicts_box.setVisible(bool(conflicts))

    def _on_conflict_combo_current_index_changed(self, _index: int) -> None:
        self.names_replaced = {
            str(combo.property("email")) for combo in self.conflict_combos if combo.currentData()
        }
        if self.summary is not None:
            # the expected counts follow the choice at once: the check worked out both outcomes
            self.summary.choose_names(self.names_replaced)
            self.outcome_label.setText(self.host.counts_text(self.summary, would=True))

    def _set_all_conflicts(self, take_file_names: bool) -> None:
        for combo in self.conflict_combos:  # one recount for them all, below
            combo.blockSignals(True)
            combo.setCurrentIndex(1 if take_file_names else 0)
            combo.blockSignals(False)
        self._on_conflict_combo_current_index_changed(0)

    def _on_keep_all_button_clicked(self) -> None:
        self._set_all_conflicts(False)

    def _on_take_all_button_clicked(self) -> None:
        self._set_all_conflicts(True)

    def _on_policy_combo_current_index_changed(self, _index: int) -> None:
        QSettings().setValue("import/policy", self.policy)
        if self.isVisible() or self.summary is not None:
            self.run_check()

    def _on_skip_invalid_check_toggled(self, checked: bool) -> None:
        if checked:
            show_message(self.error_label, "")
        elif self.summary is not None and self.summary.rejected:
            self._show_summary()
        self.completeChanged.emit()

    def _on_rejects_button_clicked(self) -> None:
        chosen = self.host.ctx.prompts.save_file(
            self,
            self.tr("Write the rejected rows to"),
            self.rejects_edit.text(),
            self.tr("Excel or CSV (*.xlsx *.csv)"),
        )
        if chosen:
            self.rejects_edit.setText(chosen)

    @property
    def skip_invalid(self) -> bool:
        return self.skip_invalid_check.isChecked() and self.skip_invalid_check.isEnabled()

    def isComplete(self) -> bool:
        summary = self.summary
        if summary is None:
            return False
        if summary.rejected and not self.skip_invalid:
            return False
        return summary.rejected < summary.rows - summary.empty_rows or summary.rows == 0


class ConfirmPage(QWizardPage):
    """What is about to happen, in plain words; Import runs it."""

    def __init__(self, host: ImportWizard) -> None:
        super().__init__(host)
        self.host = host
        self.setTitle(self.tr("Import"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.plan_label = QLabel(self)
        self.plan_label.setWordWrap(True)
        self.undo_label = QLabel(
            self.tr(
                "Nothing is changed until you press Import, and then everything is written at once "
                "or, if anything fails or you cancel, nothing at all. Edit > Undo takes the whole "
                "import back in one step, until forumdesk is closed."
            ),
            self,
        )
        self.undo_label.setWordWrap(True)
        self.backup_check = QCheckBox(
            self.tr(
                "Make a backup copy of the database first (it stays after forumdesk is closed)"
            ),
            self,
        )
        self.backup_check.setChecked(host.ctx.db.is_sqlite)
        self.backup_check.setEnabled(host.ctx.db.is_sqlite)
        self.error_label = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_label)
        layout.addSpacing(12)
        layout.addWidget(self.undo_label)
        layout.addWidget(self.backup_check)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        show_message(self.error_label, "")
        state, check = self.host.state, self.host.check_page
        where = state.event.name if state.event else self.tr("the directory only")
        lines = [
            self.tr("Import «{0}» into «{1}».").format(state.path.name if state.path else "", where)
        ]
        if check.summary is not None:
            lines.append(self.host.counts_text(check.summary, would=True))
            conflicts = check.summary.name_conflicts
            if conflicts:
                taken = sum(1 for c in conflicts if c.email in check.names_replaced)
                lines.append(
                    self.tr(
                        "Same e-mail, another name: the file's name is taken for {0} of {1} "
                        "people; the others keep the name they have."
                    ).format(taken, len(conflicts))
                )
            if check.summary.rejected and check.skip_invalid:
                lines.append(
                    self.tr(
                        "%n row(s) with problems will be left out and written to {0}.",
                        "",
                        check.summary.rejected,
                    ).format(check.rejects_edit.text())
                )
        self.plan_label.setText("\n\n".join(lines))

    def validatePage(self) -> bool:
        show_message(self.error_label, "")
        outcome = self.host.run_service(
            self.tr("Importing"),
            self.tr("Importing the rows…"),
            dry_run=False,
            backup=self.backup_check.isChecked(),
        )
        if outcome.cancelled or isinstance(outcome.error, CancelledError):
            show_message(
                self.error_label, self.tr("The import was cancelled; nothing was changed.")
            )
            return False
        if outcome.error is not None:
            show_message(self.error_label, str(outcome.error))
            self.host.ctx.report_error(self.tr("Import"), str(outcome.error))
            return False
        summary: ImportSummary = outcome.result
        if not summary.written:
            show_message(
                self.error_label,
                self.host.counts_text(summary, would=True)
                + "\n"
                + self.tr("Nothing was written: go back and check the file again."),
            )
            return False
        self.host.import_summary = summary
        self.host.import_command = push_import(
            self.host.ctx,
            self.host.undo_text(summary),
            summary.changes or ImportChanges(),
            summary.kind,
        )
        return True


class SummaryPage(QWizardPage):
    """What the import did; it stays on screen until the wizard is closed."""

    def __init__(self, host: ImportWizard) -> None:
        super().__init__(host)
        self.host = host
        self.setTitle(self.tr("Imported"))
        self.setFinalPage(True)
        self.headline_label = QLabel(self)
        self.headline_label.setWordWrap(True)
        self.count_labels: dict[str, QLabel] = {}
        form = self.form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name, text in (
            ("created", self.tr("Created:")),
            ("updated", self.tr("Updated:")),
            ("unchanged", self.tr("Unchanged:")),
            ("skipped", self.tr("Skipped:")),
            ("rejected", self.tr("Rejected rows:")),
            ("merged", self.tr("Rows merged into another row's person:")),
            ("empty_rows", self.tr("Empty rows:")),
            ("repeated_headers", self.tr("Header rows repeated:")),
            ("name_conflicts", self.tr("Name conflicts (same e-mail, another name):")),
            ("rows", self.tr("Rows read:")),
            ("registered", self.tr("Registered for the event:")),
            ("assigned", self.tr("Put in sessions:")),
            ("unavailable", self.tr("Unavailable periods added:")),
        ):
            label = QLabel(self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.count_labels[name] = label
            form.addRow(text, label)
        self.rejects_label = QLabel(self)
        self.backup_label = QLabel(self)
        for label in (self.rejects_label, self.backup_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_view = QPlainTextEdit(self)
        self.details_view.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline_label)
        layout.addLayout(form)
        layout.addWidget(self.rejects_label)
        layout.addWidget(self.backup_label)
        layout.addWidget(self.details_view, 1)

    def initializePage(self) -> None:
        summary = self.host.import_summary
        if summary is None:
            return
        self.headline_label.setText(self.host.counts_text(summary, would=False))
        for name, label in self.count_labels.items():
            if name in _ATTENDEE_COUNTS:  # a programme's rows are sessions: counted otherwise
                self.form.setRowVisible(label, summary.kind == "attendees")
            value = getattr(summary, name)
            label.setText(str(len(value) if isinstance(value, list) else value))
        self.rejects_label.setText(
            self.tr("The rejected rows are in {0}").format(summary.rejects_path)
            if summary.rejects_path
            else ""
        )
        self.backup_label.setText(
            self.tr("A copy of the database before the import: {0}").format(self.host.backup_path)
            if self.host.backup_path
            else ""
        )
        self.details_view.setPlainText("\n".join(summary.lines()))


class ImportWizard(QWizard):
    """Import attendees or a programme, step by step. Files are chosen through `ctx.prompts`;
    `dialog_created` and `progress_filter` are seams for tests."""

    def __init__(
        self,
        ctx: AppContext,
        kind: str = "attendees",
        parent: QWidget | None = None,
        *,
        path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 680)
        self.dialog_created: Callable[[QProgressDialog], None] | None = None
        self.progress_filter: Callable[[Progress], Progress] = lambda progress: progress
        self.state = ImportState(kind=kind)
        self.import_summary: ImportSummary | None = None
        self.import_command: ImportCommand | None = None  # the import's undo step
        self.backup_path: Path | None = None
        self.file_page = FilePage(ctx, self.state, self)
        self.sheet_page = SheetPage(self.state, self)
        self.mapping_page = MappingPage(self.state, self)
        self.check_page = CheckPage(self)
        self.confirm_page = ConfirmPage(self)
        self.summary_page = SummaryPage(self)
        for page in (
            self.file_page,
            self.sheet_page,
            self.mapping_page,
            self.check_page,
            self.confirm_page,
            self.summary_page,
        ):
            self.addPage(page)
        if path is not None:
            self.file_page.set_path(path)

    def import_options(self, *, dry_run: bool, backup: bool = False) -> ImportOptions:
        state, check = self.state, self.check_page
        rejects = check.rejects_edit.text().strip()
        return ImportOptions(
            sheet=state.table.sheet if state.table and not state.table.is_csv else None,
            header_row=state.header_row,
            columns=dict(state.columns),
            encoding=state.encoding,
            delimiter=state.delimiter,
            name_order=state.name_order if state.kind == "attendees" else None,
            on_duplicate=check.policy,
            names_replaced=frozenset(check.names_replaced)
            if state.kind == "attendees"
            else (frozenset()),
            skip_invalid=check.skip_invalid,
            rejects_path=Path(rejects) if check.skip_invalid and rejects else None,
            dry_run=dry_run,
            undoable=True,
            backup=backup,
        )

    def run_service(
        self, title: str, label: str, *, dry_run: bool, backup: bool = False
    ) -> JobOutcome:
        """The service's dry run or import, in a worker with progress and Cancel.

        With `backup`, the import service copies the database first (and keeps the copy only
        if the import wrote); the summary says where.
        """
        from forumdesk.services.imports import import_attendees
        from forumdesk.services.programme_import import import_programme

        state = self.state
        try:
            options = self.import_options(dry_run=dry_run, backup=backup)
            options.check()
        except ForumdeskError as exc:
            return JobOutcome(error=exc)
        db, path = self.ctx.db, state.path
        event_id = state.event.id if state.event else None
        filtered = self.progress_filter

        def job(progress: Progress) -> Any:
            if state.kind == "programme":
                assert event_id is not None
                return import_programme(
                    db,
                    path,
                    event_id=event_id,
                    options=options,  # type: ignore[arg-type]
                    progress=filtered(progress),
                )
            return import_attendees(
                db,
                path,
                event_id=event_id,
                options=options,  # type: ignore[arg-type]
                progress=filtered(progress),
            )

        outcome = run_with_progress(self, title, label, job, dialog_created=self.dialog_created)
        if isinstance(outcome.result, ImportSummary) and outcome.result.backup_path is not None:
            self.backup_path = outcome.result.backup_path
        if isinstance(outcome.error, CancelledError):
            return JobOutcome(cancelled=True)
        return outcome

    def undo_text(self, summary: ImportSummary) -> str:
        """The import's name on the undo stack and in the History dock."""
        name = Path(summary.file).name
        if summary.kind == "programme":
            return self.tr("Import programme: {0}").format(name)
        return self.tr("Import attendees: {0}").format(name)

    def counts_text(self, summary: ImportSummary, *, would: bool) -> str:
        if summary.kind == "programme":
            text = self.tr(
                "Sessions: {0} new, {1} updated, {2} unchanged, {3} skipped; "
                "rows with problems: {4}. Rooms added: {5}, tracks added: {6}, "
                "people added: {7}, people assigned: {8}."
            ).format(
                summary.created,
                summary.updated,
                summary.unchanged,
                summary.skipped,
                summary.rejected,
                summary.rooms_created,
                summary.tracks_created,
                summary.people_created,
                summary.assigned,
            )
            text += " " + self.tr("Registered for the event: {0}.").format(summary.registered)
        else:
            text = self.tr(
                "People: {0} new, {1} updated, {2} unchanged, {3} skipped; rows with problems: {4}."
            ).format(
                summary.created,
                summary.updated,
                summary.unchanged,
                summary.skipped,
                summary.rejected,
            )
            text += " " + self.tr(
                "Rows read: {0}, of which merged into another row's person: {1}, empty: {2}, "
                "the header repeated: {3}."
            ).format(summary.rows, summary.merged, summary.empty_rows, summary.repeated_headers)
            if summary.name_conflicts:
                text += " " + self.tr(
                    "Name conflicts: %n (same e-mail, another name).",
                    "",
                    len(summary.name_conflicts),
                )
            if summary.event_id is not None:
                text += " " + self.tr(
                    "Registered for the event: {0}; put in sessions: {1}."
                ).format(summary.registered, summary.assigned)
                if summary.unavailable:
                    text += " " + self.tr("Unavailable periods added: {0}.").format(
                        summary.unavailable
                    )
        prefix = self.tr("Expected. ") if would else ""
        return prefix + text
