"""The Changes dock: what changed between two versions of the programme, and who must be told.

"From" is a published version (the latest by default), "To" another or the programme as it is
now. The Changes tab lists each change in plain words, grouped by session in programme order;
a kind and a few words (of a session or a person's name) narrow it. The People tab lists
everyone whose own agenda changed, each with their own lines in their language, and saves them
as a CSV for a mail merge. The dock reads when shown and after each change while it is shown,
this desk's or another's (a version another desk publishes joins the lists: live_refresh).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.i18n import gettext
from forumdesk.services import versions
from forumdesk.services.programme_changes import ChangeKind
from forumdesk.ui.changes_table_model import (
    ChangeFilterProxyModel,
    ChangeLine,
    ChangeTableModel,
    TellLine,
    TellTableModel,
)
from forumdesk.ui.context import (
    ASSIGNMENTS,
    EVENT,
    JOURNAL,
    PEOPLE,
    ROOMS,
    SESSIONS,
    VERSIONS,
    AppContext,
)
from forumdesk.ui.workers import run_with_progress

RELOAD_TOPICS = frozenset({SESSIONS, ASSIGNMENTS, ROOMS, EVENT, PEOPLE, JOURNAL})
LATEST = -1  # "From": the latest version
NOW = -1  # "To": the programme as it is now


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChangesDock", text)


class ChangesDock(QDockWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Changes"), parent)
        self.setObjectName("changes_dock")
        # room for a change in words beside the session's code: the docks it shares the right
        # side with are narrower now that the Problems dock's buttons no longer set the width
        self.setMinimumWidth(320)
        self.ctx = ctx
        self.from_combo = QComboBox(self)
        self.to_combo = QComboBox(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(_tr("All kinds"), None)
        for kind in ChangeKind:
            self.kind_combo.addItem(gettext(kind.label), kind.value)
        for combo in (self.from_combo, self.to_combo, self.kind_combo):
            # narrow whatever the versions' names: the dock shares the right side at 1366 px
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(_tr("Session or person…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)

        self.model = ChangeTableModel(self)
        self.proxy = ChangeFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = _table(self)
        self.table.setModel(self.proxy)
        # the change in words takes the width, wrapped: the dock shares a 1366-pixel screen
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._on_header_section_resized)
        self.tell_model = TellTableModel(self)
        self.tell_table = _table(self)
        self.tell_table.setModel(self.tell_model)
        # their lines, wrapped, take the width; the e-mail is in the name's tooltip and the CSV
        self.tell_table.setWordWrap(True)
        self.tell_table.hideColumn(1)
        tell_header = self.tell_table.horizontalHeader()
        tell_header.setStretchLastSection(False)
        tell_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        tell_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        tell_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        tell_header.resizeSection(0, 120)
        tell_header.sectionResized.connect(self._on_tell_header_section_resized)
        self.save_button = QPushButton(_tr("Save for mail merge…"), self)
        self.save_button.clicked.connect(self.save_people)
        self.agendas_button = QPushButton(_tr("Save their new agendas…"), self)
        self.agendas_button.clicked.connect(self.save_agendas)

        people = QWidget(self)
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.tell_table)
        # one under the other: the dock shares the right side of a 1366-pixel screen
        people_layout.addWidget(self.save_button)
        people_layout.addWidget(self.agendas_button)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, _tr("Changes"))
        self.tabs.addTab(people, _tr("People to tell"))

        which = QHBoxLayout()
        for label, combo in ((_tr("From:"), self.from_combo), (_tr("To:"), self.to_combo)):
            which.addWidget(QLabel(label, self))
            which.addWidget(combo, 1)
        narrow = QHBoxLayout()
        narrow.addWidget(self.kind_combo)
        narrow.addWidget(self.filter_edit, 1)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        # the Problems dock's margins: with the docks' tabs down the side, Kazakh "From:" and
        # "To:" beside two lists otherwise made the window wider than a 1366-pixel screen
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(which)
        layout.addLayout(narrow)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)

        self._stale = True
        self._filling = False
        self.comparison: versions.Comparison | None = None
        self.from_combo.currentIndexChanged.connect(self._on_from_combo_current_index_changed)
        self.to_combo.currentIndexChanged.connect(self._on_to_combo_current_index_changed)
        self.kind_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.visibilityChanged.connect(self._on_self_visibility_changed)
        ctx.event_changed.connect(lambda _event: self.reload_versions())
        ctx.data_changed.connect(self._on_ctx_data_changed)

    # --- reading ----------------------------------------------------------------------------

    def reload_versions(self) -> None:
        """Fill the version lists again (an event chosen, a version published) and compare."""
        event_id = self.ctx.event_id
        found = versions.list_versions(self.ctx.db, event_id) if event_id is not None else []
        chosen_from, chosen_to = self.from_combo.currentData(), self.to_combo.currentData()
        self._filling = True
        try:
            self.from_combo.clear()
            self.to_combo.clear()
            self.from_combo.addItem(_tr("the latest version"), LATEST)
            self.to_combo.addItem(_tr("now"), NOW)
            for version in found:
                label = _tr("version {0}").format(version.number)
                if version.name:
                    label += f" «{version.name}»"
                label += f" · {version.local_time:%d.%m.%Y %H:%M}"
                self.from_combo.addItem(label, version.number)
                self.to_combo.addItem(label, version.number)
            for combo, chosen in ((self.from_combo, chosen_from), (self.to_combo, chosen_to)):
                index = combo.findData(chosen)
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False
        self._stale = True
        self.reload()

    def reload(self) -> None:
        """Compare again, if shown (else when it is next shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        event_id = self.ctx.event_id
        if event_id is None:
            self._show(None)
            return
        earlier = self.from_combo.currentData()
        later = self.to_combo.currentData()
        try:
            comparison = versions.compare(
                self.ctx.db,
                event_id,
                None if earlier in (None, LATEST) else earlier,
                None if later in (None, NOW) else later,
            )
        except ForumdeskError as exc:
            self.summary_label.setText(str(exc))
            self._show(None)
            return
        self._show(comparison)

    def _show(self, comparison: versions.Comparison | None) -> None:
        self.comparison = comparison
        if comparison is None:
            self.model.set_rows([])
            self.tell_model.set_rows([])
            return
        names = comparison.names
        self.model.set_rows(
            [
                ChangeLine(
                    change.session.label,
                    change.kind.value,
                    gettext(change.kind.label),
                    change.text(),
                    ", ".join(names.get(pid, "") for pid in change.affected),
                    len(change.affected),
                )
                for change in comparison.changes
            ]
        )
        self.tell_model.set_rows(
            [TellLine(p.name, p.email or "", p.language, p.text) for p in comparison.people]
        )
        since = (
            _tr("version {0}").format(comparison.earlier)
            if comparison.earlier
            else _tr("the start (nothing published yet)")
        )
        to = (
            _tr("version {0}").format(comparison.later)
            if comparison.later is not None
            else _tr("now")
        )
        self.summary_label.setText(
            _tr("From {0} to {1}: {2} changes, {3} people to tell.").format(
                since, to, len(comparison.changes), len(comparison.people)
            )
        )
        self.save_button.setEnabled(bool(comparison.people))
        self.agendas_button.setEnabled(bool(comparison.people))
        self.table.resizeRowsToContents()
        self.tell_table.resizeRowsToContents()

    # --- acting -----------------------------------------------------------------------------

    def save_people(self) -> Path | None:
        """The people to tell, as a CSV for a mail merge (e-mail, name, language, changes)."""
        comparison = self.comparison
        if comparison is None or not comparison.people:
            return None
        title = _tr("Save the people to tell")
        chosen = self.ctx.prompts.save_file(
            self, title, "people-to-tell.csv", _tr("CSV file (*.csv)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            versions.write_people_to_tell(path, comparison.people)
        except ForumdeskError as exc:
            self.ctx.report_error(title, exc)
            return None
        except OSError as exc:
            self.ctx.report_error(
                title, _tr("The file could not be written: {0}").format(exc.strerror or exc)
            )
            return None
        return path

    def save_agendas(self) -> Path | None:
        """The new personal agenda of each person to tell, one page each, in a workbook."""
        from forumdesk.services.exports import export_personal_agendas
        from forumdesk.ui.export_dialog import remembered_options

        comparison, event_id = self.comparison, self.ctx.event_id
        if comparison is None or not comparison.people or event_id is None:
            return None
        title = _tr("Save their new agendas")
        chosen = self.ctx.prompts.save_file(
            self, title, "new-agendas.xlsx", _tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return None
        path, db = Path(chosen), self.ctx.db
        person_ids = [p.person_id for p in comparison.people]
        options = remembered_options(db, self.ctx.current_event)
        outcome = run_with_progress(
            self,
            title,
            _tr("Writing the agendas…"),
            lambda progress: export_personal_agendas(
                db,
                event_id,
                path,
                person_ids,
                lang=options.lang,
                paper=options.paper,
                progress=progress,
            ),
        )
        if isinstance(outcome.error, ForumdeskError):
            self.ctx.report_error(title, outcome.error)
            return None
        if isinstance(outcome.error, OSError):
            self.ctx.report_error(
                title,
                _tr("The file could not be written: {0}").format(
                    outcome.error.strerror or outcome.error
                ),
            )
            return None
        if outcome.error is not None:
            raise outcome.error
        if outcome.cancelled or outcome.result is None or outcome.result.cancelled:
            return None
        return path

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.kind_combo.currentData())
        self.table.resizeRowsToContents()

    def _on_tell_header_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == 3:
            self.tell_table.resizeRowsToContents()

    def _on_header_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == 1:  # the wrapped lines take another height at another width
            self.table.resizeRowsToContents()

    def _on_from_combo_current_index_changed(self, _index: int) -> None:
        if not self._filling:
            self.reload()

    def _on_to_combo_current_index_changed(self, _index: int) -> None:
        if not self._filling:
            self.reload()

    def _on_self_visibility_changed(self, visible: bool) -> None:
        if visible and self._stale:
            self.reload()

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if VERSIONS in topics:  # another desk published: the lists, then the comparison
            self.reload_versions()
        elif topics & RELOAD_TOPICS:
            self.reload()


def _table(parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
