"""Every page, dock and dialog usable at 1366×768 with the demo forum, in English and in Russian
(issue 14, item 11 and its proof).

The window is sized like the smallest office screen forumdesk is made for; on each page no
scroll area scrolls sideways, the columns staff need are in sight, no label or button is cut,
and every dialog fits the screen. scripts/screenshots.py takes the pictures these tests check.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QStyle,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.services import assignments, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.ui import i18n
from forumdesk.ui.assign_dialog import AssignToSessionDialog
from forumdesk.ui.day_hours_dialog import DayHoursDialog, remembered_day_hours
from forumdesk.ui.event_dialog import NewEventDialog
from forumdesk.ui.export_dialog import ExportAgendaDialog
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.note_dialog import NoteDialog
from forumdesk.ui.open_database_dialog import OpenDatabaseDialog
from forumdesk.ui.people_table_model import PeopleTableModel
from forumdesk.ui.person_dialog import PersonDialog
from forumdesk.ui.session_editor import SessionEditorDialog
from forumdesk.ui.session_table_model import SessionTableModel
from forumdesk.ui.unavailability_box import UnavailabilityBox
from tests.io.spreadsheets import ATTENDEE_HEADER, ATTENDEES, write_csv
from tests.ui.prompts import ScriptedPrompts

SCREEN = (1366, 768)
USABLE_HEIGHT = 768 - 40  # a task bar or a panel takes the rest
# the main window's own size there: the title bar takes about 30 pixels more
WINDOW = (SCREEN[0], USABLE_HEIGHT - 30)


def _settle() -> None:
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        QApplication.processEvents()


def _sideways(window: QWidget) -> list[str]:
    """The scroll areas on screen that show a horizontal scroll bar."""
    found = []
    for area in window.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and not area.visibleRegion().isEmpty() and bar.isVisible():
            parent = area.parentWidget()
            found.append(f"{type(area).__name__} in {parent.objectName() if parent else '?'}")
    return found


def _cut(widget: QWidget) -> list[str]:
    """The labels and buttons on screen narrower than their text: what the eye sees cut off.

    A label that wraps is exempt (it grows downwards); so is one Qt would elide on purpose.
    """
    found = []
    for label in widget.findChildren(QLabel):
        if (
            label.isVisible()
            and not label.wordWrap()
            and label.text()
            and label.width() < label.sizeHint().width()
        ):
            found.append(f"label {label.text()!r}: {label.width()} < {label.sizeHint().width()}")
    for button in widget.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.sizeHint().width():
            found.append(
                f"button {button.text()!r}: {button.width()} < {button.sizeHint().width()}"
            )
    return found


def _fits_the_screen(dialog: QWidget) -> bool:
    """Shown as the program shows it, `dialog` fits a 1366×768 screen with a task bar."""
    dialog.resize(min(dialog.width(), SCREEN[0]), min(dialog.height(), USABLE_HEIGHT))
    _settle()
    hint = dialog.minimumSizeHint()
    return (
        dialog.width() <= SCREEN[0]
        and dialog.height() <= USABLE_HEIGHT
        and hint.width() <= SCREEN[0]
        and hint.height() <= USABLE_HEIGHT
    )


def _column_in_sight(table: QTableView, column: int) -> bool:
    right = table.columnViewportPosition(column) + table.columnWidth(column)
    return (
        not table.isColumnHidden(column)
        and table.columnViewportPosition(column) >= 0
        and right <= table.viewport().width()
    )


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window's language for one test (Russian labels are the longer), taken away after."""
    i18n.install_translators(request.param)
    yield request.param
    i18n.remove_translators()


def every_page(window: MainWindow) -> tuple[QWidget, ...]:
    """The window's pages, in the order of their tabs."""
    return (
        window.timetable_page,
        window.sessions_page,
        window.people_page,
        window.setup_page,
        window.checkin_page,
    )


def shown_window(qtbot: QtBot, db: Database, prompts: ScriptedPrompts) -> MainWindow:
    """The window as big as a 1366×768 screen lets it be, shown, its first problem check done.

    The size is checked: a page asking for more (the setup page once made the window 936
    pixels tall) would otherwise have every test here look at a window no screen shows whole.
    """
    shown = MainWindow(db, prompts=prompts)
    qtbot.addWidget(shown)
    shown.resize(*WINDOW)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: bool(shown.problems_label.text()))
    assert shown.size().toTuple() == WINDOW
    return shown


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, language: str
) -> MainWindow:
    return shown_window(qtbot, db, prompts)


def test_no_page_scrolls_sideways_with_any_dock_raised(window: MainWindow) -> None:
    s10 = next(s for s in sessions.list_sessions(window.db, window.ctx.event_id) if s.code == "S10")  # type: ignore[arg-type]
    window.ctx.session_selected.emit(s10.id)  # twelve people, long organisations
    window.problems_dock.show_accepted_check.setChecked(True)
    for page in (
        window.timetable_page,
        window.sessions_page,
        window.people_page,
        window.setup_page,
    ):
        window.show_page(page)
        for dock in (window.history_dock, window.problems_dock, window.details_dock):
            dock.raise_()
            _settle()
            assert _sideways(window) == [], (type(page).__name__, dock.objectName())


def test_the_sessions_page_shows_track_and_moderators_beside_the_docks(
    window: MainWindow,
) -> None:
    window.show_page(window.sessions_page)
    _settle()
    table = window.sessions_page.table
    assert window.unscheduled_dock.isVisible() and window.details_dock.isVisible()
    for name in SessionTableModel.COLUMNS:
        assert _column_in_sight(table, SessionTableModel.COLUMNS.index(name)), name
    # day and time are read whole, never cut
    metrics = table.fontMetrics()
    for name in ("day", "time"):
        column = SessionTableModel.COLUMNS.index(name)
        widest = max(
            metrics.horizontalAdvance(str(table.model().index(r, column).data()))
            for r in range(table.model().rowCount())
        )
        assert table.columnWidth(column) > widest, name


def test_the_people_page_shows_every_column_and_whole_names(window: MainWindow) -> None:
    window.show_page(window.people_page)
    _settle()
    table = window.people_page.table
    latin = PeopleTableModel.COLUMNS.index("latin_name")
    assert table.isColumnHidden(latin)  # shown from the heading's menu (test_people_page)
    for column in range(table.model().columnCount()):
        if column != latin:
            assert _column_in_sight(table, column), column
    metrics = table.fontMetrics()
    names = [str(table.model().index(r, 0).data()) for r in range(table.model().rowCount())]
    cut = [n for n in names if metrics.horizontalAdvance(n) + 8 > table.columnWidth(0)]
    assert len(cut) <= len(names) // 10, cut  # the odd very long name may elide


def test_the_editor_shows_all_twelve_people_of_a_session(qtbot: QtBot, window: MainWindow) -> None:
    s10 = next(s for s in sessions.list_sessions(window.db, window.ctx.event_id) if s.code == "S10")  # type: ignore[arg-type]
    assert len(assignments.session_people(window.db, s10.id)) == 12
    editor = SessionEditorDialog(window.ctx, s10.id, parent=window)
    qtbot.addWidget(editor)
    editor.show()
    editor.resize(min(editor.width(), SCREEN[0]), min(editor.height(), USABLE_HEIGHT))
    _settle()
    assert editor.height() <= USABLE_HEIGHT and editor.width() <= SCREEN[0]
    table = editor.people_table
    last = table.model().rowCount() - 1
    assert last == 11
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert not table.horizontalScrollBar().isVisible()


def test_no_label_or_button_is_cut_on_any_page(window: MainWindow) -> None:
    for page in (
        window.timetable_page,
        window.sessions_page,
        window.people_page,
        window.setup_page,
    ):
        window.show_page(page)
        for dock in (window.history_dock, window.problems_dock, window.details_dock):
            dock.raise_()
            _settle()
            assert _cut(window) == [], (type(page).__name__, dock.objectName())


def test_the_event_setup_form_gives_its_fields_room_in_both_languages(window: MainWindow) -> None:
    # Russian labels ("Переход между залами") once squeezed the fields to a hundred pixels
    window.show_page(window.setup_page)
    _settle()
    page = window.setup_page
    enough = 30 * page.fontMetrics().averageCharWidth()  # a name of 30 letters reads whole
    fields: list[QWidget] = [
        page.name_edit,
        page.city_edit,
        page.venue_edit,
        page.timezone_combo,
        page.organizers_edit,
        page.description_edit,
    ]
    for field in fields:
        assert field.isVisible() and field.width() >= enough, (field, field.width(), enough)
    assert page.name_edit.cursorPosition() == 0  # a long name shows its beginning


def test_the_event_selector_shows_the_whole_event(window: MainWindow) -> None:
    combo = window.event_combo
    text = combo.currentText()
    assert window.ctx.current_event is not None and window.ctx.current_event.name in text
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(text) + 20
    assert combo.toolTip() == text
    assert not window.event_toolbar.isHidden()


def test_every_dialog_fits_the_screen_with_nothing_cut(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    event = window.ctx.current_event
    assert event is not None
    s10 = next(s for s in sessions.list_sessions(window.db, event.id) if s.code == "S10")
    people_page = window.people_page
    window.show_page(people_page)  # the people are read when the page is first shown
    _settle()
    model = people_page.model
    person = max(
        (model.person_at(r) for r in range(model.rowCount())),
        key=lambda p: len(p.display_name) + len(p.organization or ""),
    )
    edit_person = PersonDialog(
        people_page._organizations(), person, parent=window, countries=model.countries()
    )
    edit_person.add_section(
        UnavailabilityBox(window.ctx, event, person.id, person.display_name, edit_person)
    )
    open_database = OpenDatabaseDialog(window.ctx.prompts, window, keyring_available=True)
    dialogs: list[tuple[str, QDialog]] = [
        ("session editor", SessionEditorDialog(window.ctx, s10.id, parent=window)),
        (
            "new person",
            PersonDialog(
                people_page._organizations(),
                None,
                parent=window,
                countries=model.countries(),
                event_name=event.name,
            ),
        ),
        ("edit person", edit_person),
        (
            "assign to session",
            AssignToSessionDialog(sessions.list_sessions(window.db, event.id), 3, parent=window),
        ),
        ("new event", NewEventDialog(window)),
        ("export", ExportAgendaDialog(window.ctx, window)),
        (
            "accept problem",
            NoteDialog(
                window,
                window.problems_dock.tr("Accept problem"),
                window.problems_dock.tr("Why is this acceptable?\n{0}").format(
                    window.problems_dock.all_rows[0].message
                ),
            ),
        ),
        ("open database", open_database),
        ("day's hours", DayHoursDialog(remembered_day_hours(window.db, event.id), window)),
    ]
    for name, dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _settle()
        assert _fits_the_screen(dialog), (name, dialog.size(), dialog.minimumSizeHint())
        assert _cut(dialog) == [], name
        assert _sideways(dialog) == [], name
        if dialog is open_database:
            open_database.server_radio.setChecked(True)
            _settle()
            assert _fits_the_screen(dialog) and _cut(dialog) == [], "open database: server"
        dialog.close()


def test_the_export_lists_show_every_name_whole(qtbot: QtBot, window: MainWindow) -> None:
    # "Digital Economy & E-commerce" once needed a sideways scroll bar in the Russian dialog
    dialog = ExportAgendaDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle()
    for widget in (dialog.day_list, dialog.room_list, dialog.track_list):
        widest = widget.sizeHintForColumn(0)
        assert widest <= widget.viewport().width(), (widest, widget.viewport().width())
        assert not widget.horizontalScrollBar().isVisible()
        assert all(widget.item(r).toolTip() for r in range(widget.count()))


def test_every_import_step_fits_the_screen_with_nothing_cut(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    rows = [ATTENDEE_HEADER, *ATTENDEES, [None, None, None, "Без имени", None, None, "x", None]]
    path = write_csv(tmp_path / "Участники форума.csv", rows, delimiter=";")
    window.import_actions.exec_wizard = lambda wizard: wizard.show()
    wizard = window.import_actions.open_wizard("attendees", path=path)
    qtbot.addWidget(wizard)
    seen = []
    for _step in range(6):
        page = wizard.currentPage()
        seen.append(type(page).__name__)
        if page is wizard.check_page:
            wizard.check_page.skip_invalid_check.setChecked(True)
        _settle()
        assert _fits_the_screen(wizard), seen[-1]
        assert _cut(wizard) == [], seen[-1]
        # the preview of cleaned rows is a spreadsheet's width: it alone may scroll sideways
        sideways = [s for s in _sideways(wizard) if page is not wizard.mapping_page]
        assert sideways == [], seen[-1]
        if page is wizard.summary_page:
            break
        wizard.next()
        qtbot.waitUntil(lambda page=page: wizard.currentPage() is not page, timeout=10_000)
    assert seen[-1] == "SummaryPage", seen


def test_the_assign_dialog_shows_the_demo_session_titles_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    event = window.ctx.current_event
    assert event is not None
    dialog = AssignToSessionDialog(sessions.list_sessions(window.db, event.id), 3, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle()
    assert _fits_the_screen(dialog)
    tree = dialog.session_list
    metrics = tree.fontMetrics()
    titles = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
    cut = [t for t in titles if metrics.horizontalAdvance(t) + 12 > tree.columnWidth(1)]
    assert cut == []
    assert not tree.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("code", ["en", "ru", "kk"])
def test_the_window_fits_the_screen_on_every_page(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts, code: str
) -> None:
    i18n.install_translators(code)
    try:
        window = shown_window(qtbot, db, prompts)
        for page in every_page(window):
            window.show_page(page)
            _settle()
            hint = window.minimumSizeHint()
            assert hint.width() <= WINDOW[0] and hint.height() <= WINDOW[1], (code, page, hint)
            assert window.size().toTuple() == WINDOW, (code, page)
    finally:
        i18n.remove_translators()


def test_the_setup_page_scrolls_to_every_field_and_button(window: MainWindow) -> None:
    window.show_page(window.setup_page)
    _settle()
    page = window.setup_page
    area = page.scroll_area
    assert area.verticalScrollBar().maximum() > 0  # taller than the page: it scrolls
    viewport = area.viewport()
    # a text box is scrolled to its cursor, as Qt does when it takes the focus
    area.ensureWidgetVisible(page.description_edit)
    _settle()
    assert viewport.rect().contains(page.description_edit.mapTo(viewport, QPoint(0, 0)))
    for widget in (
        page.name_edit,
        page.apply_button,
        page.room_table,
        page.room_down_button,
        page.track_table,
        page.add_track_button,
        page.track_down_button,
    ):
        area.ensureWidgetVisible(widget)
        _settle()
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        bottom_right = widget.mapTo(viewport, widget.rect().bottomRight())
        assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right), (
            widget.objectName() or type(widget).__name__
        )


def test_the_first_size_leaves_the_window_on_its_screen(
    qtbot: QtBot, db: Database, prompts: ScriptedPrompts
) -> None:
    first = MainWindow(db, prompts=prompts)  # no size remembered (the tests' own settings)
    qtbot.addWidget(first)
    free = first.screen().availableGeometry()
    title_bar = first.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
    assert first.height() <= free.height() - title_bar
    assert first.width() <= max(free.width(), first.minimumSizeHint().width())
