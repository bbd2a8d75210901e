"""The main window: event switcher, welcome page for an empty database, the sessions view."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from forumdesk.db.engine import Database
from forumdesk.errors import ForumdeskError
from forumdesk.services import demo, events, sessions
from forumdesk.services.rows import EventRow
from forumdesk.ui.session_table_model import SORT_ROLE, SessionTableModel


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._events: list[EventRow] = []
        self.setWindowTitle("forumdesk")
        self.resize(1200, 760)

        self.event_combo = QComboBox(self)
        self.event_combo.setMinimumContentsLength(30)
        self.event_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event_combo.currentIndexChanged.connect(self._on_event_combo_current_index_changed)
        toolbar = QToolBar(self.tr("Event"), self)
        toolbar.setObjectName("event_toolbar")
        toolbar.addWidget(QLabel(self.tr("Event: "), self))
        toolbar.addWidget(self.event_combo)
        self.addToolBar(toolbar)

        self.pages = QStackedWidget(self)
        self.welcome_page = self._build_welcome_page()
        self.sessions_page = self._build_sessions_page()
        self.pages.addWidget(self.welcome_page)
        self.pages.addWidget(self.sessions_page)
        self.setCentralWidget(self.pages)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Database: {0}").format(db.location))

        self._restore_settings()
        self.reload_events()

    # --- construction ---------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        load_demo = QAction(self.tr("Open the &demo forum"), self)
        load_demo.triggered.connect(self._on_load_demo_triggered)
        file_menu.addAction(load_demo)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.find_action = QAction(self.tr("&Find session"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.filter_edit.setFocus())
        self.addAction(self.find_action)

    def _build_welcome_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        heading = QLabel(self.tr("<h2>Welcome to forumdesk</h2>"), page)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation = QLabel(self.tr(
            "This database holds no event yet. Create your event from the command line with "
            "<code>forumdesk create-event</code>, or look around the demo forum first."), page)
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = QPushButton(self.tr("Open the demo forum"), page)
        self.demo_button.clicked.connect(self._on_load_demo_triggered)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def _build_sessions_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.filter_edit = QLineEdit(page)
        self.filter_edit.setPlaceholderText(self.tr("Filter sessions by code, title, room…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.session_model = SessionTableModel(self)
        self.session_proxy = QSortFilterProxyModel(self)
        self.session_proxy.setSourceModel(self.session_model)
        self.session_proxy.setSortRole(SORT_ROLE)
        self.session_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.session_proxy.setFilterKeyColumn(-1)
        self.filter_edit.textChanged.connect(self.session_proxy.setFilterFixedString)
        self.session_table = QTableView(page)
        self.session_table.setModel(self.session_proxy)
        self.session_table.setSortingEnabled(True)
        # programme order (as the service returns it) until the user clicks a heading
        self.session_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.session_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.session_table.setAlternatingRowColors(True)
        self.session_table.verticalHeader().hide()
        header = self.session_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.session_table)
        return page

    # --- data -----------------------------------------------------------------------------

    @property
    def current_event(self) -> EventRow | None:
        index = self.event_combo.currentIndex()
        return self._events[index] if 0 <= index < len(self._events) else None

    def reload_events(self, select_id: int | None = None) -> None:
        self._events = events.list_events(self.db)
        wanted = select_id if select_id is not None else self._settings().value("last_event")
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for event in self._events:
            self.event_combo.addItem(
                f"{event.name} ({event.first_day:%d.%m.%Y}–{event.last_day:%d.%m.%Y})")
        index = next((n for n, e in enumerate(self._events) if str(e.id) == str(wanted)), 0)
        self.event_combo.setCurrentIndex(index if self._events else -1)
        self.event_combo.blockSignals(False)
        self._show_current_event()

    def _show_current_event(self) -> None:
        event = self.current_event
        if event is None:
            self.pages.setCurrentWidget(self.welcome_page)
            self.setWindowTitle("forumdesk")
            return
        self.session_model.set_rows(sessions.list_sessions(self.db, event.id))
        self.session_table.resizeColumnsToContents()
        self.pages.setCurrentWidget(self.sessions_page)
        self.setWindowTitle(f"{event.name} — forumdesk")
        self._settings().setValue("last_event", event.id)

    # --- slots ----------------------------------------------------------------------------

    def _on_event_combo_current_index_changed(self, _index: int) -> None:
        self._show_current_event()

    def _on_load_demo_triggered(self) -> None:
        try:
            result = demo.load_demo(self.db)
        except ForumdeskError as exc:
            QMessageBox.warning(self, self.tr("Demo forum"), str(exc))
            return
        self.reload_events(select_id=result.event.id)
        self.statusBar().showMessage(self.tr("The demo forum is open."), 5000)

    # --- settings -------------------------------------------------------------------------

    def _settings(self) -> QSettings:
        return QSettings()

    def _restore_settings(self) -> None:
        settings = self._settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self._settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        super().closeEvent(event)
