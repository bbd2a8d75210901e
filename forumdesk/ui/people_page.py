"""The People page: the directory as a table, an instant filter, and what staff do with people.

New, edit, delete, register for the current event and assign to a session: each is an undo
command run through the AppContext, so Ctrl+Z takes it back. The page reloads its plain rows when
people or registrations change, keeping the selection and the scroll position, and only while it
is on screen (a hidden page reloads when it is shown again: 50,000 rows are not free).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import cast

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.errors import ForumdeskError, NotFoundError
from forumdesk.core.rows import EventRow, PersonRow
from forumdesk.db.changes import ChangeSet
from forumdesk.services import assignments, people, sessions
from forumdesk.ui.assign_dialog import AssignToSessionDialog
from forumdesk.ui.commands.assignments import AssignPeopleCommand, RegisterPeopleCommand
from forumdesk.ui.commands.people import CreatePersonCommand, DeletePeopleCommand, edit_person
from forumdesk.ui.context import PEOPLE, REGISTRATIONS, AppContext
from forumdesk.ui.i18n import capitalized
from forumdesk.ui.people_table_model import PeopleTableModel, vocabulary_label
from forumdesk.ui.people_table_view import PeopleTableView
from forumdesk.ui.person_dialog import Changes, PersonDialog
from forumdesk.ui.unavailability_box import UnavailabilityBox

DialogRunner = Callable[[QDialog], int]

# What the table shows; assignments are not among them, so a timetable edit costs no reload.
RELOAD_TOPICS = frozenset({PEOPLE, REGISTRATIONS})
# Up to this many people changed on another desk are updated row by row; more take a reload.
PATCH_LIMIT = 500

EVENT_SCOPE, DIRECTORY_SCOPE = "event", "directory"


class PeoplePage(QWidget):
    """The people directory, or the people registered for the current event."""

    # "Badges for selected…": the selected people's ids (the main window prints them)
    badges_requested = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exec_dialog: DialogRunner = lambda dialog: dialog.exec()
        self._stale = True
        self._last_session_id: int | None = None
        self._last_role = Role.PARTICIPANT
        self._prefer_event_scope = True

        self.model = PeopleTableModel(self)
        self._build_filter_row()
        self._build_table()
        self._build_actions()
        self._build_toolbar()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("people_count")

        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.event_changed.connect(self._on_ctx_event_changed)
        ctx.session_selected.connect(self._on_ctx_session_selected)
        self.model.modelReset.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._on_ctx_event_changed(ctx.current_event)

    # --- construction ---------------------------------------------------------------------

    def _build_filter_row(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by name, organisation, position, e-mail, phone…")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.installEventFilter(self)
        self.filter_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        # A combo rather than two radio buttons: long Russian labels leave the filter its room.
        self.scope_combo = QComboBox(self)
        self.scope_combo.addItem(self.tr("Registered for this event"), EVENT_SCOPE)
        self.scope_combo.addItem(self.tr("Whole directory"), DIRECTORY_SCOPE)
        self.scope_combo.setToolTip(self.tr("Whom the table lists"))
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_current_index_changed)
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(self.filter_edit, 1)
        self.filter_row.addWidget(self.scope_combo)

    def _build_table(self) -> None:
        self.table = PeopleTableView(self.model, self)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())

    def _build_actions(self) -> None:
        def action(
            text: str,
            slot: Callable[[], object],
            shortcuts: Iterable[QKeySequence],
            context: Qt.ShortcutContext,
            owner: QWidget,
        ) -> QAction:
            created = QAction(text, self)
            created.setShortcuts(list(shortcuts))
            created.setShortcutContext(context)
            created.triggered.connect(lambda _checked=False: slot())
            owner.addAction(created)
            return created

        page = Qt.ShortcutContext.WidgetWithChildrenShortcut
        table = Qt.ShortcutContext.WidgetShortcut  # Delete in the filter box deletes letters
        self.new_action = action(
            self.tr("&New person…"),
            self.new_person,
            [QKeySequence(Qt.Key.Key_Insert), QKeySequence(QKeySequence.StandardKey.New)],
            page,
            self,
        )
        self.edit_action = action(
            self.tr("&Edit…"),
            self.edit_person,
            [
                QKeySequence(Qt.Key.Key_Return),
                QKeySequence(Qt.Key.Key_Enter),
                QKeySequence(Qt.Key.Key_F2),
            ],
            table,
            self.table,
        )
        self.delete_action = action(
            self.tr("&Delete…"),
            self.delete_selected,
            [QKeySequence(QKeySequence.StandardKey.Delete)],
            table,
            self.table,
        )
        self.assign_action = action(
            self.tr("&Assign to session…"),
            self.assign_selected,
            [QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_A)],
            page,
            self,
        )
        self.badges_action = action(
            self.tr("&Badges for selected…"),
            lambda: self.badges_requested.emit(self.selected_ids()),
            [],
            page,
            self,
        )
        self.register_menu = QMenu(self.tr("&Register for this event"), self)
        self.register_actions: dict[RegistrationStatus, QAction] = {}
        for status in RegistrationStatus:
            status_action = self.register_menu.addAction(
                self.tr("As {0}").format(vocabulary_label(status))
            )
            status_action.triggered.connect(
                lambda _checked=False, s=status: self.register_selected(s)
            )
            self.register_actions[status] = status_action

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("People"), self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.new_action)
        self.toolbar.addAction(self.edit_action)
        self.toolbar.addAction(self.delete_action)
        self.toolbar.addSeparator()
        self.register_button = QToolButton(self)
        self.register_button.setText(self.tr("Register"))
        self.register_button.setToolTip(self.tr("Register the selected people for this event"))
        self.register_button.setMenu(self.register_menu)
        self.register_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.register_button)
        self.toolbar.addAction(self.assign_action)
        self.toolbar.addAction(self.badges_action)
        native = QKeySequence.SequenceFormat.NativeText
        for act in (self.new_action, self.edit_action, self.delete_action, self.assign_action):
            act.setToolTip(f"{act.text().replace('&', '')} ({act.shortcut().toString(native)})")

    def context_menu(self) -> QMenu:
        """The table's right-click menu (built fresh, so it follows the selection)."""
        menu = QMenu(self)
        menu.addAction(self.new_action)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        menu.addMenu(self.register_menu)
        menu.addAction(self.assign_action)
        menu.addAction(self.badges_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    # --- loading --------------------------------------------------------------------------

    @property
    def event_scope(self) -> bool:
        """True while the table lists the current event's registered people only."""
        return self.ctx.current_event is not None and self.scope_combo.currentData() == EVENT_SCOPE

    def set_event_scope(self, event_scope: bool) -> None:
        """List the event's registered people (True) or the whole directory (False)."""
        self.scope_combo.setCurrentIndex(
            self.scope_combo.findData(EVENT_SCOPE if event_scope else DIRECTORY_SCOPE)
        )

    def reload(self) -> None:
        """Fetch the rows again, keeping the selection, the current row and the scroll."""
        self._stale = False
        event_id = self.ctx.event_id
        try:
            rows = people.search_people(
                self.ctx.db, event_id=event_id if self.event_scope else None
            )
            statuses = (
                {
                    r.person_id: r.status
                    for r in assignments.event_registrations(self.ctx.db, event_id)
                }
                if event_id is not None
                else {}
            )
        except ForumdeskError as exc:
            self.ctx.report_error(self.tr("People"), exc)
            return
        selected = self.selected_ids()
        current = self.current_person()
        top = self.table.rowAt(0)
        top_id = self.model.person_at(top).id if top >= 0 else None
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(rows, statuses)
        self.table.fit_columns_once()
        self.select_ids(selected, current.id if current else None)
        top_row = self.model.row_of(top_id) if top_id is not None else None
        if top_row is not None:
            self.table.scrollTo(
                self.model.index(top_row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
        else:
            self.table.verticalScrollBar().setValue(scroll)

    def save_state(self) -> None:
        """Remember column widths, order and sorting (also done whenever the page hides)."""
        self.table.save_state()

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_state()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    # --- selection ------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return self.table.selected_rows()

    def _versions(self, person_ids: Sequence[int]) -> dict[int, int]:
        """The versions of these people as the table shows them: what a write is based on."""
        rows = (self.model.row_of(person_id) for person_id in person_ids)
        shown = (self.model.person_at(row) for row in rows if row is not None)
        return {person.id: person.version for person in shown}

    def selected_ids(self) -> list[int]:
        """The selected people, in table order."""
        return self.model.person_ids(self.selected_rows())

    def current_person(self) -> PersonRow | None:
        return self.table.current_person()

    def select_ids(self, person_ids: Sequence[int], current_id: int | None = None) -> None:
        """Select these people where they are shown, and make `current_id` the current row."""
        self.table.select_person_ids(person_ids, current_id)
        self._update_actions()

    # --- actions --------------------------------------------------------------------------

    def focus_filter(self) -> None:
        """Ctrl+F: put the cursor in the filter box with its text selected."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def new_person(self) -> None:
        dialog = PersonDialog(
            self._organizations(),
            None,
            parent=self,
            countries=self.model.countries(),
            event_name=self.ctx.current_event.name if self.ctx.current_event else None,
            register_by_default=self.event_scope,
        )
        dialog.submit = lambda fields: self._create(dialog, fields)
        self.exec_dialog(dialog)

    def _create(self, dialog: PersonDialog, fields: Changes) -> bool:
        event = self.ctx.current_event
        register = event.id if event is not None and dialog.register_for_event() else None
        # "New person" in the event's list makes a registered person: one service call
        command = CreatePersonCommand(self.ctx, fields, register)
        ok = self.ctx.run(command)
        if ok and command.created is not None:
            self._show_person(command.created.id)
        return ok

    def edit_person(self) -> None:
        person = self.current_person()
        if person is None:
            return
        dialog = PersonDialog(
            self._organizations(), person, parent=self, countries=self.model.countries()
        )
        dialog.submit = lambda changes: self.ctx.run(edit_person(self.ctx, person, changes))
        event = self.ctx.current_event
        if event is not None:
            box = UnavailabilityBox(self.ctx, event, person.id, person.display_name, dialog)
            dialog.add_section(box)
            dialog.finished.connect(lambda _result: box.detach())
        self.exec_dialog(dialog)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            name = self.model.person_at(self.model.row_of(ids[0]) or 0).display_name
            title = self.tr("Delete {0}").format(name)
            question = self.tr(
                "Delete {0} from the directory? They also leave every session and event they "
                "are in. Undo (Ctrl+Z) brings all of it back."
            ).format(name)
        else:
            title = self.tr("Delete %n people", "", len(ids))
            question = self.tr(
                "Delete %n people from the directory? They also leave every session and event "
                "they are in. Undo (Ctrl+Z) brings all of it back.",
                "",
                len(ids),
            )
        if not self.ctx.prompts.question(self, capitalized(title), question):
            return
        first_row = self.selected_rows()[0]
        if (
            self.ctx.run(DeletePeopleCommand(self.ctx, ids, title, self._versions(ids)))
            and self.model.rowCount()
        ):
            # Keep the keyboard where it was: the row after the deleted ones is the current one.
            self.table.selectRow(min(first_row, self.model.rowCount() - 1))

    def register_selected(self, status: RegistrationStatus) -> None:
        ids = self.selected_ids()
        event = self.ctx.current_event
        if not ids or event is None:
            return
        label = vocabulary_label(status)
        text = (
            self.tr("Register {0} as {1}").format(self._name_of(ids[0]), label)
            if len(ids) == 1
            else self.tr("Register %n people as {0}", "", len(ids)).format(label)
        )
        seen = {person_id: self.model.status_of(person_id) for person_id in ids}  # as shown
        self.ctx.run(RegisterPeopleCommand(self.ctx, event.id, ids, status, text, seen))

    def assign_selected(self) -> None:
        ids = self.selected_ids()
        event = self.ctx.current_event
        if not ids or event is None:
            return
        try:
            event_sessions = sessions.list_sessions(self.ctx.db, event.id)
        except ForumdeskError as exc:
            self.ctx.report_error(self.tr("Assign to session"), exc)
            return
        dialog = AssignToSessionDialog(
            event_sessions,
            len(ids),
            role=self._last_role,
            preselect=self._last_session_id,
            parent=self,
        )
        labels = {row.id: row.label for row in event_sessions}
        versions = {row.id: row.version for row in event_sessions}  # what the chooser showed

        def submit(session_id: int, role: Role) -> bool:
            text = (
                self.tr("Assign {0} to {1}").format(self._name_of(ids[0]), labels[session_id])
                if len(ids) == 1
                else self.tr("Assign %n people to {0}", "", len(ids)).format(labels[session_id])
            )
            ok = self.ctx.run(
                AssignPeopleCommand(self.ctx, session_id, ids, role, text, versions[session_id])
            )
            if ok:
                self._last_session_id, self._last_role = session_id, role
            return ok

        dialog.submit = submit
        self.exec_dialog(dialog)

    # --- slots ----------------------------------------------------------------------------

    def _on_ctx_data_changed(self, topics: frozenset[str]) -> None:
        if not topics & RELOAD_TOPICS:
            return
        remote = self.ctx.remote_changes
        if remote is not None and not self._stale and self._patch_people(remote):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _patch_people(self, changes: ChangeSet) -> bool:
        """Update the rows of people another desk edited, one by one; False: reload instead.

        Only edits of people already listed are patched; people added or deleted, and changed
        organisations or registrations (which touch many rows), take the reload.
        """
        if changes.tables & {"organizations", "registrations"}:
            return False
        ids = changes.keys("people")
        if ids is None or len(ids) > PATCH_LIMIT:
            return False
        try:
            rows = [people.get_person(self.ctx.db, cast(int, person_id)) for person_id in ids]
        except NotFoundError:  # deleted
            return False
        except ForumdeskError as exc:
            self.ctx.report_error(self.tr("People"), exc)
            return True
        missing = self.model.update_people(rows)
        # in the event's scope, someone not listed is not registered: nothing to show
        return not missing or self.event_scope

    def _on_ctx_event_changed(self, event: EventRow | None) -> None:
        # Without an event only the directory makes sense; the user's choice comes back later.
        event_item = self.scope_combo.model().item(0)  # type: ignore[attr-defined]
        event_item.setEnabled(event is not None)
        scope = EVENT_SCOPE if event is not None and self._prefer_event_scope else DIRECTORY_SCOPE
        with QSignalBlocker(self.scope_combo):
            self.scope_combo.setCurrentIndex(self.scope_combo.findData(scope))
        self._last_session_id = None
        self._update_actions()
        self._on_ctx_data_changed(RELOAD_TOPICS)

    def _on_ctx_session_selected(self, session_id: int | None) -> None:
        if session_id is not None:
            self._last_session_id = session_id

    def _on_scope_combo_current_index_changed(self, _index: int) -> None:
        self._prefer_event_scope = self.scope_combo.currentData() == EVENT_SCOPE
        self._on_ctx_data_changed(RELOAD_TOPICS)

    def _on_filter_edit_text_changed(self, filter_text: str) -> None:
        selected = self.selected_ids()
        current = self.current_person()
        if self.model.set_filter(filter_text) and selected:
            self.select_ids(selected, current.id if current else None)

    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        self.context_menu().exec(self.table.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # In the filter box, Down or Return moves to the table and Escape clears the filter.
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_table()
                return True
            if key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
        return super().eventFilter(watched, event)

    # --- inside ---------------------------------------------------------------------------

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self.table.selectRow(0)

    def _show_person(self, person_id: int) -> None:
        """Select someone just created; clear the filter first if it hides them."""
        if self.model.row_of(person_id) is None and self.filter_edit.text():
            self.filter_edit.clear()
        row = self.model.row_of(person_id)
        if row is not None:
            self.select_ids([person_id], person_id)
            self.table.scrollTo(self.model.index(row, 0))

    def _name_of(self, person_id: int) -> str:
        row = self.model.row_of(person_id)
        return self.model.person_at(row).display_name if row is not None else str(person_id)

    def _organizations(self) -> list[str]:
        try:
            return [org.name for org in people.list_organizations(self.ctx.db)]
        except ForumdeskError:
            return []  # the dialog works without suggestions

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count
        # Whole sentences, so that a translation can put the words in its own order.
        if self.event_scope:
            texts = (
                self.tr("{0} of {1} people registered for this event"),
                self.tr("1 person registered for this event"),
                self.tr("{1} people registered for this event"),
            )
        else:
            texts = (
                self.tr("{0} of {1} people in the directory"),
                self.tr("1 person in the directory"),
                self.tr("{1} people in the directory"),
            )
        text = texts[0] if self.model.filter_words else texts[1] if total == 1 else texts[2]
        locale = self.locale()
        self.count_label.setText(text.format(locale.toString(shown), locale.toString(total)))

    def _update_actions(self, *_args: object) -> None:
        count = sum(r.height() for r in self.table.selectionModel().selection())
        has_event = self.ctx.current_event is not None
        self.edit_action.setEnabled(count >= 1)
        self.delete_action.setEnabled(count >= 1)
        self.assign_action.setEnabled(count >= 1 and has_event)
        self.badges_action.setEnabled(count >= 1 and has_event)
        self.register_menu.setEnabled(count >= 1 and has_event)
        self.register_button.setEnabled(count >= 1 and has_event)
