"""The Check-in page: the desk at the entrance.

A USB scanner types a badge's code like a keyboard and presses Enter; staff may instead type a
few letters of a name and pick the person. Either marks the person arrived for the event's day
or for the session chosen, and says so in large letters at once. Each check-in is one small
unit of work (services.checkin) and one undo step; the counts follow the database, so another
desk's arrivals show here within a second.

A scan's write runs in a thread of the page's own, one scan after another in the order they came:
while another desk's import holds the database's write lock (up to the busy timeout), the desk
keeps taking scans and the window keeps answering; each result is shown, and its undo step
pushed, when it arrives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.enums import BREAK_KINDS, RegistrationStatus
from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import EventRow
from forumdesk.services import checkin
from forumdesk.services.checkin import ScanOutcome, ScanResult, SessionCount
from forumdesk.services.sessions import list_sessions
from forumdesk.ui.commands.assignments import RegisterPeopleCommand
from forumdesk.ui.context import (
    CHECK_INS,
    REGISTRATIONS,
    SESSIONS,
    AppContext,
    ForumdeskCommand,
)
from forumdesk.ui.row_table_model import RowIndex as _Index
from forumdesk.ui.row_table_model import RowTableModel

# what the feedback's background says at a glance
_COLOURS = {
    ScanOutcome.CHECKED_IN: "#c8efc8",
    ScanOutcome.ALREADY: "#ffe8a8",
    ScanOutcome.NOT_REGISTERED: "#ffd0c8",
    ScanOutcome.UNKNOWN: "#ffd0c8",
}


class CheckInCommand(ForumdeskCommand):
    """A person marked arrived; undo takes the arrival back. A scan that marks nothing (already
    arrived, unknown, not registered) leaves no step."""

    topics = frozenset({CHECK_INS})

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        text: str,
        *,
        scanned: str | None = None,
        person_id: int | None = None,
        session_id: int | None = None,
        named_label: str = "{0}",
        result: ScanResult | None = None,
    ) -> None:
        """`result`: the check-in already made (off the GUI thread); the first do() only
        records it, and redo() after an undo marks the arrival again."""
        super().__init__(ctx, text)
        self.named_label = named_label  # the label once the person is known ("Check in {0}")
        self.event_id, self.scanned, self.session_id = event_id, scanned, session_id
        self.person_id = person_id
        self.result: ScanResult | None = result
        self._first = True
        self._at: dt.datetime | None = None  # UTC, so that a redo restores the same time

    def do(self) -> None:
        if self._first:
            self._first = False
            if self.result is None:
                self.result = self._mark()
            if self.result.outcome is not ScanOutcome.CHECKED_IN:
                self.setObsolete(True)
                return
            assert self.result.person is not None
            self.person_id = self.result.person.id
            self.set_label(self.named_label.format(self.result.person.display_name))
            self._at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            return
        assert self.person_id is not None
        self.result = checkin.check_in(
            self.ctx.db, self.event_id, self.person_id, session_id=self.session_id, now=self._at
        )

    def _mark(self) -> ScanResult:
        if self.scanned is not None:
            return checkin.scan(
                self.ctx.db, self.event_id, self.scanned, session_id=self.session_id
            )
        assert self.person_id is not None
        return checkin.check_in(
            self.ctx.db, self.event_id, self.person_id, session_id=self.session_id
        )

    def undo_action(self) -> None:
        assert self.result is not None and self.result.check_in_id is not None
        checkin.remove_check_in(
            self.ctx.db, self.result.check_in_id, expected_version=self.result.version
        )


class _ScanRelay(QObject):
    """Lives in the GUI thread: a scan's outcome, emitted from the scanning thread, arrives
    queued (never touching widgets from that thread)."""

    handled = Signal(object, object)  # ScanRequest, ScanResult | BaseException


class _ScanRequest:
    """One scan (or picked name) to mark, as the desk asked for it."""

    def __init__(
        self, event_id: int, scanned: str | None, person_id: int | None, session_id: int | None
    ) -> None:
        self.event_id, self.scanned = event_id, scanned
        self.person_id, self.session_id = person_id, session_id


class _ScanJob(QRunnable):
    def __init__(self, ctx: AppContext, request: _ScanRequest, relay: _ScanRelay) -> None:
        super().__init__()
        self.ctx, self.request, self.relay = ctx, request, relay

    def run(self) -> None:
        request, db = self.request, self.ctx.db
        outcome: ScanResult | BaseException
        try:
            if request.scanned is not None:
                outcome = checkin.scan(
                    db, request.event_id, request.scanned, session_id=request.session_id
                )
            else:
                assert request.person_id is not None
                outcome = checkin.check_in(
                    db, request.event_id, request.person_id, session_id=request.session_id
                )
        except BaseException as exc:  # handed to the GUI thread, which reports it
            outcome = exc
        self.relay.handled.emit(request, outcome)


class SessionCountsTableModel(RowTableModel[SessionCount]):
    """The day's sessions: arrived against seats (plain rows from services.checkin)."""

    COLUMNS = ("time", "session", "room", "arrived")

    def headings(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Session"),
            self.tr("Room"),
            self.tr("Arrived / seats"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row.starts_at.strftime("%H:%M") if row.starts_at else ""
        if column == 1:
            return " ".join(part for part in (row.code, row.title) if part)
        if column == 2:
            return row.room or ""
        if row.seats is None:
            return str(row.arrived)
        return f"{row.arrived} / {row.seats}"


class CheckInPage(QWidget):
    # a scan's outcome has been shown (tests and the status wait for it)
    scan_handled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # one thread, so scans are stored in the order they were made
        self._scans = QThreadPool(self)
        self._scans.setMaxThreadCount(1)
        self._scan_relay = _ScanRelay(self)
        self._scan_relay.handled.connect(self._on_scan_handled)
        self.pending = 0  # scans sent and not yet answered
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.setInterval(400)
        self._slow_timer.timeout.connect(self._show_pending)
        layout = QVBoxLayout(self)

        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel(self.tr("Mark arrival for:"), self))
        self.scope_combo = QComboBox(self)
        # session titles are long: the combo takes the row's width, not the longest title's
        self.scope_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_combo.setMinimumContentsLength(24)
        scope_row.addWidget(self.scope_combo, 1)
        self.export_button = QPushButton(self.tr("Export attendance…"), self)
        scope_row.addWidget(self.export_button)
        layout.addLayout(scope_row)

        self.scan_edit = QLineEdit(self)
        self.scan_edit.setPlaceholderText(self.tr("Scan a badge, or type a few letters of a name"))
        big = QFont(self.scan_edit.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        self.scan_edit.setFont(big)
        self.scan_edit.setClearButtonEnabled(True)
        self.scan_edit.installEventFilter(self)
        layout.addWidget(self.scan_edit)

        self.matches_list = QListWidget(self)
        self.matches_list.setMaximumHeight(180)
        self.matches_list.hide()
        layout.addWidget(self.matches_list)

        self.feedback_label = QLabel(self)
        self.feedback_label.setObjectName("checkin_feedback")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setMinimumHeight(120)
        self.feedback_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.feedback_label)
        self.register_button = QPushButton(self.tr("Register and check in"), self)
        self.register_button.hide()
        layout.addWidget(self.register_button)
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("checkin_pending")
        self.pending_label.hide()
        layout.addWidget(self.pending_label)

        self.totals_label = QLabel(self)
        self.totals_label.setWordWrap(True)
        layout.addWidget(self.totals_label)
        self.counts_model = SessionCountsTableModel(self)
        self.counts_table = QTableView(self)
        self.counts_table.setModel(self.counts_model)
        self.counts_table.verticalHeader().hide()
        self.counts_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.counts_table, 1)

        self._last: ScanResult | None = None
        self._session_days: dict[int, dt.date] = {}
        self.scan_edit.returnPressed.connect(self._on_scan_edit_return_pressed)
        self.scan_edit.textEdited.connect(self._on_scan_edit_text_edited)
        self.matches_list.itemActivated.connect(self._on_matches_list_item_activated)
        self.register_button.clicked.connect(self._on_register_button_clicked)
        self.scope_combo.currentIndexChanged.connect(lambda _index: self._reload_counts())
        self.export_button.clicked.connect(self._on_export_button_clicked)
        # read when shown: the page is hidden at start-up, where its sessions and counts would
        # cost the window's first paint (as the Sessions page does)
        self._stale = True
        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.event_changed.connect(self._on_ctx_event_changed)
        self._on_ctx_event_changed(ctx.current_event)

    # --- what is shown --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self._reload_scopes()
            self._reload_counts()
        super().showEvent(event)

    @property
    def session_id(self) -> int | None:
        """The session arrivals are marked for; None: the event's day."""
        data = self.scope_combo.currentData()
        return data if isinstance(data, int) else None

    def _reload_scopes(self) -> None:
        chosen = self.session_id
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("The event (today)"), None)
        event_id = self.ctx.event_id
        self._session_days = {}
        if event_id is not None:
            for row in list_sessions(self.ctx.db, event_id):
                if row.starts_at is None or row.kind in BREAK_KINDS:
                    continue
                label = " ".join(part for part in (row.code, row.title) if part)
                when = row.starts_at.strftime("%d.%m %H:%M")
                self.scope_combo.addItem(f"{when}  {label}", row.id)
                self._session_days[row.id] = row.starts_at.date()
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(chosen)))
        self.scope_combo.blockSignals(False)

    def _reload_counts(self) -> None:
        event_id = self.ctx.event_id
        if event_id is None:
            self.counts_model.set_rows([])
            self.totals_label.clear()
            return
        today = checkin.today_for(self.ctx.db, event_id)
        arrived, registered = checkin.arrivals_on(self.ctx.db, event_id, today)
        self.totals_label.setText(
            self.tr("Arrived today: {0} of {1} registered").format(arrived, registered)
        )
        # the sessions of the chosen session's day, or of today
        day = self._session_days.get(self.session_id or 0, today)
        self.counts_model.set_rows(checkin.session_counts(self.ctx.db, event_id, day))

    def show_result(self, result: ScanResult) -> None:
        """Say, large, who arrived (or why not)."""
        self._last = result
        person = result.person
        who = ""
        if person is not None:
            details = ", ".join(part for part in (person.organization, person.country) if part)
            who = (
                f"<div style='font-size:28pt; font-weight:bold'>{_html(person.display_name)}</div>"
            )
            if details:
                who += f"<div style='font-size:16pt'>{_html(details)}</div>"
        if result.outcome is ScanOutcome.CHECKED_IN:
            said = self.tr("Welcome: checked in at {0}").format(_time(result.at))
        elif result.outcome is ScanOutcome.ALREADY:
            said = self.tr("Already checked in at {0}").format(_time(result.at))
            if result.desk:
                said += " " + self.tr("(desk {0})").format(result.desk)
        elif result.outcome is ScanOutcome.NOT_REGISTERED:
            said = self.tr("Not registered for this event.")
        else:
            said = self.tr(
                "This code is not a badge of this event. Type the person's name instead."
            )
        colour = _COLOURS[result.outcome]
        self.feedback_label.setStyleSheet(f"background:{colour}; padding:12px")
        self.feedback_label.setText(f"{who}<div style='font-size:18pt'>{_html(said)}</div>")
        self.register_button.setVisible(
            result.outcome is ScanOutcome.NOT_REGISTERED and person is not None
        )

    # --- acting ---------------------------------------------------------------------------

    def _check_in(self, *, scanned: str | None = None, person_id: int | None = None) -> None:
        """Send the scan (or the name picked) to the scanning thread; the box is ready for the
        next one at once."""
        event_id = self.ctx.event_id
        if event_id is None:
            return
        self.pending += 1
        self._scans.start(
            _ScanJob(
                self.ctx,
                _ScanRequest(event_id, scanned, person_id, self.session_id),
                self._scan_relay,
            )
        )
        if not self._slow_timer.isActive():
            self._slow_timer.start()
        self.scan_edit.clear()
        self.matches_list.clear()
        self.matches_list.hide()
        self.scan_edit.setFocus()

    @Slot(object, object)
    def _on_scan_handled(self, request: _ScanRequest, outcome: object) -> None:
        self.pending -= 1
        if self.pending == 0:
            self._slow_timer.stop()
            self.pending_label.hide()
        else:
            self._show_pending()
        if isinstance(outcome, ForumdeskError):
            self.ctx.report_error(self.tr("Check in"), outcome)
        elif isinstance(outcome, BaseException):
            raise outcome  # a bug: the application's handler logs it and says so
        elif isinstance(outcome, ScanResult):
            if outcome.outcome is ScanOutcome.CHECKED_IN and request.event_id == self.ctx.event_id:
                # the arrival is stored: record it as one undo step (its first do() is done)
                self.ctx.run(
                    CheckInCommand(
                        self.ctx,
                        request.event_id,
                        self.tr("Check in"),
                        scanned=request.scanned,
                        person_id=request.person_id,
                        session_id=request.session_id,
                        named_label=self.tr("Check in {0}"),
                        result=outcome,
                    )
                )
            self.show_result(outcome)
        self.scan_handled.emit()

    def _show_pending(self) -> None:
        """Said only when the database is slow to answer (another desk writing)."""
        if self.pending:
            self.pending_label.setText(
                self.tr("Saving %n scan(s): the database is busy, keep scanning…", "", self.pending)
            )
            self.pending_label.show()

    def _check_in_now(self, person_id: int) -> None:
        """Check in on this thread (inside an undo macro, which must hold the step)."""
        event_id = self.ctx.event_id
        if event_id is None:
            return
        command = CheckInCommand(
            self.ctx,
            event_id,
            self.tr("Check in"),
            person_id=person_id,
            session_id=self.session_id,
            named_label=self.tr("Check in {0}"),
        )
        if self.ctx.run(command) and command.result is not None:
            self.show_result(command.result)
        self.scan_edit.setFocus()

    def _on_scan_edit_return_pressed(self) -> None:
        typed = self.scan_edit.text()
        if checkin.parse_code(typed) is not None or not typed.strip():
            if typed.strip():
                self._check_in(scanned=typed)
            return
        if self.matches_list.count() == 0:
            self._refresh_matches(typed)
        item = self.matches_list.currentItem() or self.matches_list.item(0)
        if item is None:
            self.show_result(ScanResult(ScanOutcome.UNKNOWN))
            self.feedback_label.setText(
                "<div style='font-size:18pt'>"
                + _html(self.tr("No one of that name. Check the spelling, or register them."))
                + "</div>"
            )
            return
        self._check_in(person_id=int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_scan_edit_text_edited(self, typed: str) -> None:
        # a scanner types a code a key at a time: no search for what is one
        if typed.strip().upper().startswith("FD1") or len(typed.strip()) < 2:
            self.matches_list.clear()
            self.matches_list.hide()
            return
        self._refresh_matches(typed)

    def _refresh_matches(self, typed: str) -> None:
        event_id = self.ctx.event_id
        self.matches_list.clear()
        if event_id is None:
            return
        try:
            found = checkin.find_arriving(self.ctx.db, event_id, typed, session_id=self.session_id)
        except ForumdeskError as exc:
            self.ctx.report_error(self.tr("Check in"), exc)
            return
        for candidate in found:
            person = candidate.person
            parts = [person.display_name]
            if person.organization:
                parts.append(person.organization)
            if not candidate.registered:
                parts.append(self.tr("not registered"))
            elif candidate.arrived_at is not None:
                parts.append(self.tr("arrived at {0}").format(_time(candidate.arrived_at)))
            item = QListWidgetItem(" — ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.matches_list.addItem(item)
        self.matches_list.setVisible(bool(found))
        if found:
            self.matches_list.setCurrentRow(0)

    def _on_matches_list_item_activated(self, item: QListWidgetItem) -> None:
        self._check_in(person_id=int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_register_button_clicked(self) -> None:
        """Register the person just refused, and check them in: one undo step."""
        result, event_id = self._last, self.ctx.event_id
        if result is None or result.person is None or event_id is None:
            return
        person = result.person
        stack = self.ctx.undo_stack
        stack.beginMacro(self.tr("Register and check in {0}").format(person.display_name))
        try:
            registered = self.ctx.run(
                RegisterPeopleCommand(
                    self.ctx,
                    event_id,
                    [person.id],
                    RegistrationStatus.REGISTERED,
                    self.tr("Register {0}").format(person.display_name),
                    {person.id: None},
                )
            )
            if registered:
                self._check_in_now(person.id)
        finally:
            stack.endMacro()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the scan box move through the names found."""
        if watched is self.scan_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches_list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self.matches_list.currentRow() + step
                self.matches_list.setCurrentRow(max(0, min(row, self.matches_list.count() - 1)))
                return True
        return super().eventFilter(watched, event)

    def _on_export_button_clicked(self) -> None:
        event_id = self.ctx.event_id
        if event_id is None:
            return
        chosen = self.ctx.prompts.save_file(
            self.ctx.window,
            self.tr("Export attendance"),
            "attendance.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        from forumdesk.ui.export_dialog import remembered_csv_flavour  # not at start-up

        flavour = remembered_csv_flavour()
        delimiter = ";" if flavour == "excel" and QLocale().decimalPoint() == "," else ","
        try:
            count = checkin.export_attendance(
                self.ctx.db, event_id, path, delimiter=delimiter, flavour=flavour
            )
        except ForumdeskError as exc:
            self.ctx.report_error(self.tr("Export attendance"), exc)
            return
        self.ctx.prompts.information(
            self.ctx.window,
            self.tr("Export attendance"),
            self.tr("{0} arrivals written to {1}.").format(count, path.name),
        )

    # --- following the database -----------------------------------------------------------

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if not topics & {CHECK_INS, REGISTRATIONS, SESSIONS}:
            return
        if not self.isVisible():
            self._stale = True
            return
        if SESSIONS in topics:
            self._reload_scopes()
        self._reload_counts()

    def _on_ctx_event_changed(self, _event: EventRow | None) -> None:
        if self.isVisible():
            self._reload_scopes()
            self._reload_counts()
        else:
            self._stale = True
        self.feedback_label.clear()
        self.feedback_label.setStyleSheet("")
        self.register_button.hide()


def _time(moment: dt.datetime | None) -> str:
    return moment.strftime("%H:%M") if moment is not None else ""


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
