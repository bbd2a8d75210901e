"""The GUI's composition root: QApplication, database, main window, error reporting.

The one `Prompts` (forumdesk.ui.prompts) made here shows the start-up failures and the
unexpected errors, and the window asks all its questions through it.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from forumdesk import __version__, config
from forumdesk.config import APP_AUTHOR, APP_NAME, ConfigError, resolve_database_url
from forumdesk.core.errors import ForumdeskError
from forumdesk.ui import i18n
from forumdesk.ui.database_actions import open_asking
from forumdesk.ui.prompts import Prompts

log = logging.getLogger(__name__)
QUIT_AFTER_ENV = "FORUMDESK_QUIT_AFTER_MS"  # CI's smoke test: start, paint, close by itself


def _tr(text: str) -> str:
    return QCoreApplication.translate("forumdesk", text)


def configure_logging() -> str:
    """The log file (forumdesk.config.configure_logging); its path for the crash message."""
    return config.configure_logging() or str(config.log_dir() / "forumdesk.log")


def install_excepthook(log_path: str, prompts: Prompts) -> None:
    """An unexpected exception is logged and shown with the log's path; the app keeps running."""

    def show(message: str) -> None:
        prompts.critical(None, "forumdesk", message)

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, ForumdeskError):  # a refusal that escaped a view: just say it
            log.info("refused: %s", value)
            show(str(value))
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
        show(
            _tr(
                "Something went wrong inside forumdesk. Your data is safe: the last action "
                "was not saved.\n\nThe details are in {path}"
            ).format(path=log_path)
        )

    sys.excepthook = hook


def run_gui(db: str | None = None, *, prompts: Prompts | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    i18n.install_translators()  # the saved language, before any window or message is made
    try:
        return _open_window(app, db, prompts if prompts is not None else Prompts())
    finally:
        i18n.remove_translators()


def _open_window(app: QCoreApplication, db: str | None, prompts: Prompts) -> int:
    log_path = configure_logging()
    install_excepthook(log_path, prompts)
    try:
        database = open_asking(prompts, None, resolve_database_url(db))
    except (ForumdeskError, ConfigError) as exc:
        message = _tr("The database cannot be opened.\n\n{reason}").format(reason=exc)
        prompts.critical(None, "forumdesk", message)
        return 1
    if database is None:  # an empty file the user did not want made a database
        return 1

    from forumdesk.ui.main_window import MainWindow

    window = MainWindow(database, prompts=prompts)
    window.show()
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:
        QTimer.singleShot(int(quit_after), window.close)
    try:
        return app.exec()
    finally:
        window.db.dispose()  # File > Open database may have put another one in the window
