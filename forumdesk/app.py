"""The GUI's composition root: QApplication, database, main window, error reporting."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from forumdesk import __version__
from forumdesk.config import APP_AUTHOR, APP_NAME, ConfigError, log_dir, resolve_database_url
from forumdesk.core.errors import ForumdeskError
from forumdesk.db.migrate import open_database
from forumdesk.ui import i18n

log = logging.getLogger(__name__)
QUIT_AFTER_ENV = "FORUMDESK_QUIT_AFTER_MS"  # CI's smoke test: start, paint, close by itself


def _tr(text: str) -> str:
    return QCoreApplication.translate("forumdesk", text)


def configure_logging() -> str:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "forumdesk.log"
    logging.basicConfig(
        filename=path,
        level=logging.INFO,
        encoding="utf-8",
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return str(path)


ShowError = Callable[[str], None]


def _show_critical(message: str) -> None:
    QMessageBox.critical(None, "forumdesk", message)


def install_excepthook(log_path: str, show: ShowError = _show_critical) -> None:
    """An unexpected exception is logged and shown with the log's path; the app keeps running."""

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


def run_gui(db: str | None = None, *, show_error: ShowError = _show_critical) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    i18n.install_translators()  # the saved language, before any window or message is made
    try:
        return _open_window(app, db, show_error)
    finally:
        i18n.remove_translators()


def _open_window(app: QCoreApplication, db: str | None, show_error: ShowError) -> int:
    log_path = configure_logging()
    install_excepthook(log_path, show_error)
    try:
        database = open_database(resolve_database_url(db))
    except (ForumdeskError, ConfigError) as exc:
        show_error(_tr("The database cannot be opened.\n\n{reason}").format(reason=exc))
        return 1

    from forumdesk.ui.main_window import MainWindow

    window = MainWindow(database)
    window.show()
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:
        QTimer.singleShot(int(quit_after), window.close)
    try:
        return app.exec()
    finally:
        database.dispose()
