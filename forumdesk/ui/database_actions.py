"""File > Open database… and File > Recent databases, and the warning for a file on a share.

Opening is all or nothing: the new database is opened and migrated first; only when that worked
does the window switch to it (`switch`, MainWindow.switch_database). A failure (a wrong password,
a server that does not answer, a file that is not a forumdesk database, a newer schema) leaves
the current database open and says what went wrong.

The recent list keeps addresses without passwords (forumdesk.config.remembered_address); a
server's password lives in the system's keyring (forumdesk.db.passwords) or is asked each time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget
from sqlalchemy.engine import URL

from forumdesk.config import (
    ConfigError,
    database_title,
    remembered_address,
    resolve_database_url,
)
from forumdesk.core.errors import EmptyDatabaseFileError, ForumdeskError
from forumdesk.db import passwords
from forumdesk.db.desks import default_desk_name, desk_name
from forumdesk.db.engine import Database
from forumdesk.db.filesystems import network_filesystem
from forumdesk.db.migrate import open_database
from forumdesk.ui.context import AppContext
from forumdesk.ui.open_database_dialog import OpenDatabaseDialog
from forumdesk.ui.prompts import Prompts

RECENT_KEY = "databases/recent"
WARNED_KEY = "databases/network_share_warned"
RECENT_LIMIT = 8
DESK_KEY = "desk/name"


def chosen_desk_name() -> str | None:
    """The desk's name chosen in File > This desk's name…, if one was."""
    value = QSettings().value(DESK_KEY, "")
    return str(value) if value else None


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabaseActions", text)


def open_asking(prompts: Prompts, parent: QWidget | None, url: URL) -> Database | None:
    """Open the database at `url`; an empty file (0 bytes) becomes a new database only when
    the user says so. None when they say no; a refusal raises as open_database does."""
    try:
        return open_database(url, chosen_desk_name())
    except EmptyDatabaseFileError as exc:
        if not prompts.question(
            parent,
            _tr("Open database"),
            _tr(
                "The file {0} is empty (0 bytes): it holds no forumdesk database. "
                "Create a new, empty forumdesk database in it?"
            ).format(exc.path),
        ):
            return None
    return open_database(url, chosen_desk_name(), create_in_empty_file=True)


def _settings_list(key: str) -> list[str]:
    value = QSettings().value(key, [])
    if value is None:
        return []
    if isinstance(value, str):  # an INI file gives a one-item list back as its item
        return [value] if value else []
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


class DatabaseActions(QObject):
    """The File menu's database entries; `switch` puts a newly opened database in the window."""

    desk_renamed = Signal(str)

    def __init__(
        self, ctx: AppContext, parent: QWidget, switch: Callable[[Database], None]
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self._switch = switch
        # seams for tests: how a dialog is run, how the file system of a file is found
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.filesystem_of: Callable[[Path], str | None] = network_filesystem
        self.open_action = QAction(self.tr("&Open database…"), parent)
        self.open_action.setShortcut("Ctrl+O")
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.recent_menu = QMenu(self.tr("Recent &databases"), parent)
        self.recent_menu.setToolTipsVisible(True)  # the full path or server address
        self.recent_menu.aboutToShow.connect(self.rebuild_recent_menu)
        self.desk_action = QAction(self.tr("This des&k's name…"), parent)
        self.desk_action.triggered.connect(self._on_desk_action_triggered)
        self.remember(ctx.db.url)

    # --- the desk's name --------------------------------------------------------------------

    def _on_desk_action_triggered(self) -> None:
        self.ask_desk_name()

    def ask_desk_name(self) -> None:
        """Let the user name this desk: what other desks are told it changed ("from the desk
        reception-2") and see in their status bar. Empty: the OS user and computer again."""
        typed = self.ctx.prompts.line(
            self._parent,
            self.tr("This desk's name"),
            self.tr(
                "Other desks see this name next to what you change and in their status bar. "
                "Leave it empty for the user and computer name ({0})."
            ).format(default_desk_name()),
            self.ctx.db.desk,
        )
        if typed is None:
            return
        name = desk_name(typed.strip() or default_desk_name())
        settings = QSettings()
        if name == default_desk_name():
            settings.remove(DESK_KEY)
        else:
            settings.setValue(DESK_KEY, name)
        if name != self.ctx.db.desk:
            self.ctx.db.rename_desk(name)
            self.desk_renamed.emit(name)

    # --- opening ----------------------------------------------------------------------------

    def _on_open_action_triggered(self) -> None:
        self.choose_and_open()

    def choose_and_open(self, *, server: URL | None = None) -> bool:
        """Ask where the database is, then open it; True when the window switched to it."""
        dialog = OpenDatabaseDialog(
            self.ctx.prompts,
            self._parent,
            keyring_available=passwords.keyring_available(),
            folder=self._current_folder(),
        )
        if server is not None:
            dialog.set_server(server)
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return False
        try:
            url = dialog.database_url()
        except ConfigError as exc:
            self._refuse(str(exc))
            return False
        return self.open_url(url, remember_password=dialog.remember_password())

    def open_url(self, url: URL, *, remember_password: bool = False) -> bool:
        """Open the database at `url` in the window; on failure the current one stays open."""
        if remembered_address(url) == remembered_address(self.ctx.db.url):
            self.ctx.prompts.information(
                self._parent,
                self.tr("Open database"),
                self.tr("{0} is the database already open.").format(database_title(url)),
            )
            return False
        if url.get_backend_name() == "sqlite" and url.database:
            path = Path(url.database)
            if not path.exists() and not self.ctx.prompts.question(
                self._parent,
                self.tr("Open database"),
                self.tr("There is no database at {0}. Create a new, empty one there?").format(path),
            ):
                return False
        try:
            database = open_asking(self.ctx.prompts, self._parent, url)
        except (ForumdeskError, ConfigError) as exc:
            self._refuse(str(exc))
            return False
        if database is None:
            return False
        if url.get_backend_name() == "postgresql" and url.password:
            if remember_password:
                passwords.store_password(url, url.password)
            else:
                passwords.forget_password(url)
        self.remember(url)
        self._switch(database)
        self.warn_if_network_share()
        return True

    def open_recent(self, address: str) -> bool:
        """Open a database from the recent list; a server without a kept password asks for it."""
        try:
            url = resolve_database_url(address)
        except ConfigError as exc:
            self._refuse(str(exc))
            return False
        if url.get_backend_name() == "sqlite":
            if url.database and not Path(url.database).is_file():
                self.forget(address)
                self._refuse(
                    self.tr(
                        "The database file {0} is not there any more (moved, renamed or on a "
                        "drive that is not connected). It was taken off the recent list."
                    ).format(url.database)
                )
                return False
            return self.open_url(url)
        password = passwords.stored_password(url)
        if password is None:
            return self.choose_and_open(server=url)
        if self.open_url(url.set(password=password), remember_password=True):
            return True
        # the kept password may be out of date (changed on the server): let it be typed again
        return self.choose_and_open(server=url)

    def _refuse(self, reason: str) -> None:
        self.ctx.prompts.warning(
            self._parent,
            self.tr("Open database"),
            self.tr("The database could not be opened; {0} stays open.\n\n{1}").format(
                database_title(self.ctx.db.url), reason
            ),
        )

    def _current_folder(self) -> str:
        url = self.ctx.db.url
        if url.get_backend_name() == "sqlite" and url.database:
            return str(Path(url.database).parent)
        return ""

    # --- the recent list --------------------------------------------------------------------

    def recent(self) -> list[str]:
        return _settings_list(RECENT_KEY)

    def remember(self, url: URL) -> None:
        address = remembered_address(url)
        if not address or address == ":memory:":
            return
        entries = [address, *(a for a in self.recent() if a != address)][:RECENT_LIMIT]
        QSettings().setValue(RECENT_KEY, entries)
        self.rebuild_recent_menu()

    def forget(self, address: str) -> None:
        QSettings().setValue(RECENT_KEY, [a for a in self.recent() if a != address])
        self.rebuild_recent_menu()

    def clear_recent(self) -> None:
        QSettings().setValue(RECENT_KEY, [remembered_address(self.ctx.db.url)])
        self.rebuild_recent_menu()

    def rebuild_recent_menu(self) -> None:
        """One entry per recent database; a file that is not there is shown, disabled."""
        menu = self.recent_menu
        menu.clear()
        current = remembered_address(self.ctx.db.url)
        for address in self.recent():
            try:
                url = resolve_database_url(address)
            except ConfigError:
                continue
            missing = url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file()
            title = database_title(url)
            if missing:
                title = self.tr("{0} (not found)").format(title)
            action = menu.addAction(title)
            action.setToolTip(address)
            action.setStatusTip(address)
            action.setData(address)
            action.setEnabled(not missing and address != current)
            action.triggered.connect(lambda _checked=False, a=address: self.open_recent(a))
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear the list"))
        clear.triggered.connect(self.clear_recent)

    # --- a file on a network share ----------------------------------------------------------

    def warn_if_network_share(self) -> bool:
        """Warn once per file when the SQLite database is on a network file system."""
        url = self.ctx.db.url
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return False
        path = Path(url.database)
        fstype = self.filesystem_of(path)
        if fstype is None:
            return False
        warned = _settings_list(WARNED_KEY)
        if str(path) in warned:
            return False
        QSettings().setValue(WARNED_KEY, [*warned, str(path)])
        self.ctx.prompts.warning(
            self._parent,
            self.tr("Database on a network share"),
            self.tr(
                "The database file {0} is on a network share ({1}). Several computers writing "
                "to one file over the network can damage it: the file locks that keep it safe "
                "do not work reliably there.\n\nTo work from several desks, put the database "
                "on a PostgreSQL server (File > Open database…, then A database server). To "
                "work from this desk only, copy the file to this computer's own disk."
            ).format(path, fstype),
        )
        return True
