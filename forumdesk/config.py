"""Paths and database location: the user's data directory, `--db` and `FORUMDESK_DB`."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from forumdesk.core.i18n import _

APP_NAME = "forumdesk"
APP_AUTHOR = "forumdesk"
DB_ENV_VAR = "FORUMDESK_DB"
DEFAULT_DB_FILENAME = "forumdesk.sqlite3"
POSTGRES_DEFAULT_PORT = 5432


class ConfigError(ValueError):
    """A database location or setting the user gave cannot be used."""


def data_dir() -> Path:
    """The user's data directory for forumdesk (created on demand)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    """The user's log directory for forumdesk."""
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def configure_logging() -> str | None:
    """Send this process's log (and any traceback it records) to forumdesk.log in the log
    folder, never to the terminal; the file's path, or None when the folder cannot be written
    (the log is then dropped rather than printed over the user's output)."""
    root = logging.getLogger()
    if root.handlers:  # already configured (the window, a test)
        files = [h for h in root.handlers if isinstance(h, logging.FileHandler)]
        return files[0].baseFilename if files else None
    path = log_dir() / "forumdesk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_FILENAME


def resolve_database_url(db: str | None = None) -> URL:
    """Turn `--db`, else `FORUMDESK_DB`, else the default file into an SQLAlchemy URL.

    A value with `://` is an SQLAlchemy URL (`sqlite:///…`, `postgresql+psycopg://…`); anything
    else is a path to an SQLite file. `~` is expanded and relative paths are made absolute, so the
    same command means the same file wherever it runs.
    """
    value = db if db else os.environ.get(DB_ENV_VAR) or None
    if value is None:
        return _sqlite_url(default_database_path())
    if "://" in value:
        try:
            url = make_url(value)
        except (ArgumentError, ValueError) as exc:
            raise ConfigError(
                _("Not a database address forumdesk understands: {address}").format(address=value)
            ) from exc
        if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if url.get_backend_name() not in {"sqlite", "postgresql"}:
            raise ConfigError(
                _("forumdesk works with SQLite files and PostgreSQL, not {backend}.").format(
                    backend=url.get_backend_name()
                )
            )
        return url
    return _sqlite_url(Path(value))


def _sqlite_url(path: Path) -> URL:
    path = path.expanduser()
    if not path.is_absolute():
        path = Path.cwd() / path
    if path.is_dir():
        raise ConfigError(
            _("{path} is a folder; give the path of a database file.").format(path=path)
        )
    return URL.create("sqlite+pysqlite", database=str(path))


def database_title(url: URL) -> str:
    """The database as the window title names it: the file's name, or user@host/database."""
    if url.get_backend_name() == "sqlite":
        return Path(url.database).name if url.database else ":memory:"
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port and url.port != POSTGRES_DEFAULT_PORT else ""
    return f"{user}{url.host or 'localhost'}{port}/{url.database or ''}"


def remembered_address(url: URL) -> str:
    """`url` as it may be written down (recent databases): never with its password.

    An SQLite file is its path; a server is its URL without the password, which
    resolve_database_url reads back.
    """
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    # not url.set(password=None): set() takes None as "leave the password as it is"
    return url._replace(password=None).render_as_string(hide_password=False)
