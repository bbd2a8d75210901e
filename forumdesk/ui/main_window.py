"""The main window: event switcher, the four views, the docks, menus, undo and settings.

Everything the window shows is made here and kept as a typed attribute: the pages, the docks,
the import and export actions, the Problems dock with its status-bar count and timetable marks,
Help > Language. Features receive the context and the widgets they need, never the window, and
ask their questions through `ctx.prompts` (forumdesk.ui.prompts), which tests replace.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from forumdesk import __version__
from forumdesk.config import database_title
from forumdesk.core.errors import ForumdeskError
from forumdesk.core.rows import EventRow, Placement
from forumdesk.db.engine import Database
from forumdesk.services import events, sessions
from forumdesk.ui.changes_dock import ChangesDock
from forumdesk.ui.checkin_page import CheckInPage
from forumdesk.ui.commands.events import CreateEventCommand, LoadDemoCommand
from forumdesk.ui.commands.sessions import DuplicateSessionsCommand, cancel_session
from forumdesk.ui.context import EVENT, EVENTS, PEOPLE, REGISTRATIONS, SESSIONS, AppContext
from forumdesk.ui.database_actions import DatabaseActions
from forumdesk.ui.desks_label import DesksLabel
from forumdesk.ui.details_dock import SessionDetailsDock
from forumdesk.ui.event_dialog import NewEventDialog
from forumdesk.ui.export_actions import ExportActions
from forumdesk.ui.i18n import language_menu
from forumdesk.ui.import_actions import ImportActions
from forumdesk.ui.live_refresh import LiveRefresh
from forumdesk.ui.panel_balance_dialog import PanelBalanceDialog
from forumdesk.ui.people_page import PeoplePage
from forumdesk.ui.placement_actions import PlacementActions
from forumdesk.ui.problem_marks import TimetableProblemMarks
from forumdesk.ui.problems import ProblemsDock, ProblemsStatusLabel
from forumdesk.ui.prompts import Prompts
from forumdesk.ui.sessions_page import SessionsPage
from forumdesk.ui.setup_page import SetupPage
from forumdesk.ui.timetable.timetable_page import TimetablePage
from forumdesk.ui.timetable.unscheduled import UnscheduledDock
from forumdesk.ui.version_actions import VersionActions


class MainWindow(QMainWindow):
    # Once, when the window has been painted for the first time: work that can wait (the
    # problem check) waits for it, so starting shows the window as early as possible.
    first_painted = Signal()
    # The session editor, about to be shown modally: a seam for tests, which drive it.
    editor_opened = Signal(QDialog)
    # Another database was opened from the File menu (switch_database): what follows the
    # database rather than the window (a listener for other desks' changes) connects here.
    database_changed = Signal(object)  # Database

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx = AppContext(db, self, prompts=prompts)
        self.ctx.window = self
        # Other desks' commits reach the views within a second; its state is known before
        # the views load, so nothing committed meanwhile is missed.
        self.live_refresh = LiveRefresh(self.ctx, self)
        self.live_refresh.start()
        self._events: list[EventRow] = []
        self._painted = False
        self.setWindowTitle("forumdesk")
        self.resize(self._first_size())

        self.timetable_page = TimetablePage(self.ctx, self)
        self.sessions_page = SessionsPage(self.ctx, self)
        self.people_page = PeoplePage(self.ctx, self)
        self.setup_page = SetupPage(self.ctx, self)
        self.checkin_page = CheckInPage(self.ctx, self)
        self.panel_balance_dialog: PanelBalanceDialog | None = None  # made when first shown
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timetable_page, self.tr("&Timetable"))
        self.tabs.addTab(self.sessions_page, self.tr("&Sessions"))
        self.tabs.addTab(self.people_page, self.tr("&People"))
        self.tabs.addTab(self.setup_page, self.tr("Event &setup"))
        self.tabs.addTab(self.checkin_page, self.tr("&Check-in"))
        self.import_actions = ImportActions(self.ctx, self)
        self.welcome_page = self._build_welcome_page()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome_page)
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)

        self.unscheduled_dock = UnscheduledDock(self.ctx, self)
        self.details_dock = SessionDetailsDock(self.ctx, self)
        self.history_dock = QDockWidget(self.tr("History"), self)
        self.history_dock.setObjectName("history_dock")
        self.history_view = QUndoView(self.ctx.undo_stack, self.history_dock)
        self.history_view.setEmptyLabel(self.tr("<nothing changed yet>"))
        self.history_dock.setWidget(self.history_view)
        self.problems_dock = ProblemsDock(self.ctx, self)
        self.changes_dock = ChangesDock(self.ctx, self)
        # the first check waits for the first paint: the window shows first, problems next
        self.problems_dock.check_after(self.first_painted)
        # Four docks share the side of a 1366-pixel screen: along the bottom their tabs had
        # 85 pixels each and read "Пробл…", "Та…". Down the side of the dock area (Qt's vertical
        # tabs) each title is whole, in every language, and the window is no wider.
        self.setDockOptions(self.dockOptions() | QMainWindow.DockOption.VerticalTabs)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.unscheduled_dock)
        for dock in (self.details_dock, self.history_dock, self.problems_dock, self.changes_dock):
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.tabifyDockWidget(self.details_dock, self.history_dock)
        self.tabifyDockWidget(self.details_dock, self.problems_dock)
        self.tabifyDockWidget(self.details_dock, self.changes_dock)
        self.details_dock.raise_()
        self.problem_marks = TimetableProblemMarks(self.timetable_page, self.ctx)

        self._build_event_toolbar()
        self.database_actions = DatabaseActions(self.ctx, self, self.switch_database)
        self.first_painted.connect(self.database_actions.warn_if_network_share)
        self.database_actions.desk_renamed.connect(self._on_desk_renamed)
        self.version_actions = VersionActions(self.ctx, self, self.statusBar())
        self.version_actions.published.connect(lambda _number: self.changes_dock.reload_versions())
        self.export_actions = ExportActions(self.ctx, self, self.statusBar(), self.version_actions)
        self.export_actions.people_selection = self.people_page.selected_ids
        self.people_page.badges_requested.connect(self.export_actions.export_badges)
        self.placement_actions = PlacementActions(self.ctx, self.timetable_page, self)
        self.unscheduled_dock.add_button(self.placement_actions.place_action, self.tr("Place all…"))
        self.unscheduled_dock.suggest_requested.connect(self.placement_actions.suggest_slot)
        self.placement_actions.other_selection = self.unscheduled_dock.selected_session_ids
        self._build_menus()
        self.problems_label = ProblemsStatusLabel(self.problems_dock, self.ctx, self)
        self.location_label = QLabel(self.tr("Database: {0}").format(db.location), self)
        # a database opened read-only says so before an edit is refused (issue 13)
        self.read_only_label = QLabel(self.tr("Read-only: changes cannot be saved"), self)
        self.read_only_label.setObjectName("read_only_label")
        self.read_only_label.setVisible(db.read_only)
        self.counts_label = QLabel(self)
        self.desks_label = DesksLabel(self.ctx, self)
        for label in (
            self.problems_label,
            self.counts_label,
            self.desks_label,
            self.location_label,
            self.read_only_label,
        ):
            self.statusBar().addPermanentWidget(label)

        for source in (
            self.timetable_page,
            self.sessions_page,
            self.unscheduled_dock,
            self.details_dock,
        ):
            source.open_session.connect(self.open_session_editor)
        self.sessions_page.new_session.connect(lambda: self.open_session_editor(None))
        self.timetable_page.new_session_at.connect(
            lambda where: self.open_session_editor(None, where=where)
        )
        self.timetable_page.view.selection_changed.connect(self._on_view_selection_changed)
        self.sessions_page.table.selectionModel().selectionChanged.connect(
            lambda *_args: self._select_first(self.sessions_page.selected_ids())
        )
        self.problems_dock.checked.connect(self._on_problems_dock_checked)
        self.problems_dock.session_requested.connect(self._on_problems_dock_session_requested)
        self.ctx.data_changed.connect(self._on_ctx_data_changed)
        self.ctx.undo_stack.cleanChanged.connect(lambda _clean: self._update_counts())

        self._restore_settings()
        self.reload_events()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after the rest of this paint pass

    # --- construction ---------------------------------------------------------------------

    def _first_size(self) -> QSize:
        """1280×800, or the screen's free area less a title bar where that is smaller: on a
        1366×768 laptop with a task bar the window's bottom (the status bar) stays on screen.
        A size the user left the window at is restored over it (_restore_settings)."""
        free = self.screen().availableGeometry()
        title_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
        return QSize(min(1280, free.width()), min(800, free.height() - title_bar))

    def _build_event_toolbar(self) -> None:
        self.event_combo = QComboBox(self)
        self.event_combo.setMinimumContentsLength(28)
        # as wide as the longest event's name and dates, up to a width that leaves the undo and
        # redo buttons room at 1366 pixels; a longer name is cut and its tooltip reads it whole
        self.event_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.event_combo.setMaximumWidth(80 * self.event_combo.fontMetrics().averageCharWidth())
        self.event_combo.currentIndexChanged.connect(self._on_event_combo_current_index_changed)
        toolbar = QToolBar(self.tr("Event"), self)
        toolbar.setObjectName("event_toolbar")
        toolbar.addWidget(QLabel(self.tr("Event: "), self))
        toolbar.addWidget(self.event_combo)
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        self.addToolBar(toolbar)
        self.event_toolbar = toolbar

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.database_actions.open_action)
        file_menu.addMenu(self.database_actions.recent_menu)
        file_menu.addAction(self.database_actions.desk_action)
        file_menu.addSeparator()
        self.new_event_action = self._action(self.tr("&New event…"), self.new_event, "Ctrl+Shift+N")
        file_menu.addAction(self.new_event_action)
        file_menu.addAction(self._action(self.tr("Open the &demo forum"), self.load_demo))
        for group in (
            self.import_actions.menu_actions,
            self.export_actions.menu_actions,
            [self.version_actions.publish_action],
        ):
            file_menu.addSeparator()
            file_menu.addActions(group)
        file_menu.addSeparator()
        quit_action = self._action(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action(self.tr("&Find…"), self.focus_filter)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        edit_menu.addAction(self.find_action)

        session_menu = bar.addMenu(self.tr("&Session"))
        self.new_session_action = self._action(
            self.tr("&New session…"), lambda: self.open_session_editor(None)
        )
        self.new_session_action.setShortcut(QKeySequence.StandardKey.New)
        session_menu.addAction(self.new_session_action)
        session_menu.addAction(
            self._action(self.tr("&Edit selected session…"), self._edit_selected_session, "Ctrl+E")
        )
        self.duplicate_action = self._action(
            self.tr("&Duplicate selected sessions"), self.duplicate_selected_sessions, "Ctrl+D"
        )
        session_menu.addAction(self.duplicate_action)
        self.cancel_session_action = self._action(
            self.tr("&Cancel or reinstate selected session"), self.toggle_cancelled_session
        )
        self.cancel_session_action.setObjectName("cancel_session_action")
        session_menu.addAction(self.cancel_session_action)
        session_menu.addSeparator()
        session_menu.addAction(self.placement_actions.place_action)
        session_menu.addAction(self.placement_actions.suggest_action)
        session_menu.addSeparator()
        self.panel_balance_action = self._action(
            self.tr("Panel &balance…"), self.show_panel_balance
        )
        session_menu.addAction(self.panel_balance_action)

        self.view_menu = view_menu = bar.addMenu(self.tr("&View"))
        for number, (page, title) in enumerate(
            (
                (self.timetable_page, self.tr("Timetable")),
                (self.sessions_page, self.tr("Sessions")),
                (self.people_page, self.tr("People")),
                (self.setup_page, self.tr("Event setup")),
                (self.checkin_page, self.tr("Check-in")),
            ),
            start=1,
        ):
            view_menu.addAction(
                self._action(
                    title, lambda _checked=False, p=page: self.show_page(p), f"Ctrl+{number}"
                )
            )
        view_menu.addSeparator()
        for dock in (
            self.unscheduled_dock,
            self.details_dock,
            self.history_dock,
            self.problems_dock,
            self.changes_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())
        # the strip under the timetable that says what each problem mark means
        self.legend_action = QAction(self.tr("&Legend"), self)
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        self.legend_action.toggled.connect(self.timetable_page.legend.setVisible)
        view_menu.addAction(self.legend_action)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.language_menu = language_menu(self, self.ctx.prompts)
        self.help_menu.addMenu(self.language_menu)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self._action(self.tr("&About forumdesk"), self._about))

    def _build_welcome_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        heading = QLabel(self.tr("<h2>Welcome to forumdesk</h2>"), page)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation = QLabel(
            self.tr(
                "Plan your forum's sessions, rooms and people in one place. "
                "Start by creating your event, or look around the demo forum first."
            ),
            page,
        )
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_event_button = QPushButton(self.tr("Create an event…"), page)
        self.create_event_button.clicked.connect(self.new_event)
        self.demo_button = QPushButton(self.tr("Open the demo forum"), page)
        self.demo_button.clicked.connect(self.load_demo)
        self.import_welcome_button = self.import_actions.welcome_button(page)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        for button in (self.create_event_button, self.demo_button, self.import_welcome_button):
            button.setMinimumWidth(260)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    # --- events ---------------------------------------------------------------------------

    @property
    def current_event(self) -> EventRow | None:
        return self.ctx.current_event

    def reload_events(self, select_id: int | None = None) -> None:
        self._events = events.list_events(self.db)
        wanted = (
            select_id
            if select_id is not None
            else (self.ctx.event_id or QSettings().value("last_event"))
        )
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for event in self._events:
            text = f"{event.name} ({event.first_day:%d.%m.%Y}–{event.last_day:%d.%m.%Y})"
            self.event_combo.addItem(text)
            self.event_combo.setItemData(
                self.event_combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole
            )
        index = next((n for n, e in enumerate(self._events) if str(e.id) == str(wanted)), 0)
        self.event_combo.setCurrentIndex(index if self._events else -1)
        self.event_combo.setToolTip(self.event_combo.currentText())
        self.event_combo.blockSignals(False)
        self._show_event(self._events[index] if self._events else None)

    def _show_event(self, event: EventRow | None) -> None:
        has_event = event is not None
        self.pages.setCurrentWidget(self.tabs if has_event else self.welcome_page)
        self.new_session_action.setEnabled(has_event)
        for dock in (self.unscheduled_dock, self.details_dock):
            dock.setEnabled(has_event)
        self._update_title(event)
        if event is not None:
            QSettings().setValue("last_event", event.id)
        self.ctx.set_event(event)
        self._update_counts()

    def _update_title(self, event: EventRow | None) -> None:
        """The event's name, then which database is open (several may be in use)."""
        where = database_title(self.db.url)
        if self.db.read_only:
            where = self.tr("{0} (read-only)").format(where)
        self.setWindowTitle(
            f"{event.name} — {where} — forumdesk" if event else f"{where} — forumdesk"
        )

    def switch_database(self, db: Database) -> None:
        """Show `db` (just opened) instead of the current database, which is closed.

        The undo stack is cleared (its steps belong to the other database) and every view
        reloads through the event shown.
        """
        old = self.db
        self.ctx.undo_stack.clear()
        self.db = self.ctx.db = db
        self.ctx.current_event = None  # the old database's event: not one of this one's
        self.location_label.setText(self.tr("Database: {0}").format(db.location))
        self.read_only_label.setVisible(db.read_only)
        self.reload_events()
        self.desks_label.follow(db)
        self.live_refresh.restart()  # watch the new database, not the closed one
        self.database_changed.emit(db)
        old.dispose()
        self.statusBar().showMessage(self.tr("Opened {0}.").format(database_title(db.url)), 5000)

    def _on_desk_renamed(self, name: str) -> None:
        # the server learns the new name on new connections: the listener's, the label's
        self.live_refresh.restart()
        self.desks_label.follow(self.db)
        self.statusBar().showMessage(self.tr("This desk is now called {0}.").format(name), 5000)

    def _on_event_combo_current_index_changed(self, index: int) -> None:
        self.event_combo.setToolTip(self.event_combo.currentText())
        if 0 <= index < len(self._events):
            self._show_event(self._events[index])

    def new_event(self) -> None:
        dialog = NewEventDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.create_event(dialog.values())

    def create_event(self, values: dict[str, object]) -> EventRow | None:
        """Create the event as an undo step, then open it on the setup page."""
        command = CreateEventCommand(self.ctx, values)
        if not self.ctx.run(command) or command.created is None:
            return None
        self.reload_events(select_id=command.created.id)
        self.show_page(self.setup_page)  # rooms and tracks come next
        return command.created

    def load_demo(self) -> None:
        """Load the demo forum as an undo step (unless it is there already) and show it."""
        command = LoadDemoCommand(self.ctx, self.tr("Open the demo forum"))
        if not self.ctx.run(command) or command.result is None:
            return
        self.reload_events(select_id=command.result.event.id)
        self.show_page(self.timetable_page)
        self.statusBar().showMessage(self.tr("The demo forum is open."), 5000)

    # --- views ----------------------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        if self.current_event is not None:
            self.tabs.setCurrentWidget(page)

    def focus_filter(self) -> None:
        page = self.tabs.currentWidget()
        if page is self.people_page:
            self.people_page.focus_filter()
        elif page is self.sessions_page:
            self.sessions_page.filter_edit.setFocus()
            self.sessions_page.filter_edit.selectAll()
        else:
            self.unscheduled_dock.show()
            self.unscheduled_dock.filter_edit.setFocus()

    def open_session_editor(
        self, session_id: int | None, *, where: Placement | None = None
    ) -> None:
        """Edit a session, or create one (`where`: the room and time the timetable gave)."""
        if self.current_event is None:
            return
        from forumdesk.ui.session_editor import SessionEditorDialog

        try:
            dialog = SessionEditorDialog(self.ctx, session_id, where=where, parent=self)
        except ForumdeskError as exc:  # deleted meanwhile
            self.ctx.report_error(self.tr("Edit session"), exc)
            return
        self.editor_opened.emit(dialog)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_session_id:
            self.ctx.session_selected.emit(dialog.saved_session_id)

    def duplicate_selected_sessions(self) -> None:
        """Ctrl+D: copies of the sessions selected on the timetable or the Sessions page."""
        if self.tabs.currentWidget() is self.timetable_page:
            self.timetable_page.duplicate_selected()
            return
        chosen = self.sessions_page.selected_ids()
        if chosen:
            text = self.tr("Duplicate %n session(s)", "", len(chosen))
            self.ctx.run(DuplicateSessionsCommand(self.ctx, text, chosen))

    def toggle_cancelled_session(self) -> None:
        """Cancel the selected session (it stays in the programme, struck through, and its
        people are among those to tell), or reinstate a cancelled one; undoable."""
        session_id = self.details_dock.session_id
        if session_id is None:
            return
        try:
            row = sessions.get_session(self.db, session_id)
        except ForumdeskError as exc:  # deleted meanwhile
            self.ctx.report_error(self.tr("Cancel session"), exc)
            return
        self.ctx.run(cancel_session(self.ctx, row, not row.cancelled))

    def show_panel_balance(self) -> None:
        """Session > Panel balance…: every panel's mix of sectors, countries and genders."""
        if self.ctx.event_id is None:
            return
        if self.panel_balance_dialog is None:
            self.panel_balance_dialog = PanelBalanceDialog(self.ctx, self)
        self.panel_balance_dialog.reload()
        self.panel_balance_dialog.show()
        self.panel_balance_dialog.raise_()

    def _edit_selected_session(self) -> None:
        if self.details_dock.session_id is not None:
            self.open_session_editor(self.details_dock.session_id)

    def _on_view_selection_changed(self, ids: list[int]) -> None:
        self._select_first(ids)

    def _select_first(self, ids: list[int]) -> None:
        if ids:
            self.ctx.session_selected.emit(ids[0])

    def _on_problems_dock_checked(self) -> None:
        self.problem_marks.set_problems(self.problems_dock.open_rows())

    def _on_problems_dock_session_requested(self, session_id: int) -> None:
        """Bring the timetable forward with the session selected, on its day."""
        self.tabs.setCurrentWidget(self.timetable_page)
        self.timetable_page.show_session(session_id)
        self.ctx.session_selected.emit(session_id)

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if EVENTS in topics:  # an event came or went (undo, redo): the list and the current one
            self.reload_events()
            return
        if EVENT in topics:
            selected = self.ctx.event_id
            known = [event.id for event in self._events]
            self._events = events.list_events(self.db)
            if [event.id for event in self._events] != known:  # another desk added or removed one
                self.reload_events()
                return
            for n, event in enumerate(self._events):
                if event.id == selected:
                    self.event_combo.setItemText(
                        n, f"{event.name} ({event.first_day:%d.%m.%Y}–{event.last_day:%d.%m.%Y})"
                    )
        if topics & {SESSIONS, PEOPLE, REGISTRATIONS, EVENT}:
            self._update_counts()

    def _update_counts(self) -> None:
        event_id = self.ctx.event_id
        if event_id is None:
            self.counts_label.clear()
            return
        try:
            total, unscheduled = sessions.session_counts(self.db, event_id)
        except ForumdeskError:  # the database went away: the next action reports it
            return
        self.counts_label.setText(
            self.tr("{0} sessions, {1} not on the timetable").format(total, unscheduled)
        )

    def _about(self) -> None:
        self.ctx.prompts.about(
            self,
            self.tr("About forumdesk"),
            self.tr(
                "<b>forumdesk {0}</b><p>Plan and run a multi-session forum: timetable, rooms, "
                "people and agendas.</p><p>Database: {1}</p>"
            ).format(__version__, self.db.location),
        )

    # --- settings -------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        tab = settings.value("main_window/tab")
        if tab is not None and str(tab).isdigit():
            self.tabs.setCurrentIndex(int(tab))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live_refresh.stop()
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        super().closeEvent(event)
