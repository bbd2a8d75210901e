"""Opening a database: bring its schema to this version with Alembic, backing up first.

Every schema change is an Alembic migration shipped in forumdesk/db/migrations. Before any migration
runs on an existing SQLite file, the file is copied to a timestamped backup beside it, so an
interrupted or faulty upgrade can never cost the staff their programme.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from forumdesk.core.errors import DatabaseError, SchemaError
from forumdesk.core.i18n import _
from forumdesk.db.changes import announce_changes
from forumdesk.db.driver_errors import DriverFailure, failure_of
from forumdesk.db.engine import Database, create_database_engine

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "forumdesk ships at least one migration"
    return head


def open_database(url: URL, desk: str | None = None) -> Database:
    """Open (creating if need be) the database at `url` and migrate it to the current schema.

    `desk` names this desk in what it writes (`updated_by`) and to the server; by default the
    name from $FORUMDESK_DESK, else the OS user and host (forumdesk.db.desks.desk_name).
    """
    _refuse_foreign_sqlite_file(url)
    engine = create_database_engine(url)
    try:
        backup = upgrade_schema(engine)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise _open_error(url, exc) from exc
    except BaseException:
        engine.dispose()
        raise
    if backup is not None:
        log.info("backed up %s to %s before migrating", url.database, backup)
    database = Database(engine, desk)
    announce_changes(database)  # the other desks hear of this one's commits
    return database


def upgrade_schema(engine: Engine) -> Path | None:
    """Migrate to head; return the backup made beforehand, if one was needed."""
    if _is_at_shipped_head(engine):
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    # read-only: checking an up-to-date database must not wait for another workstation's write
    with engine.execution_options(forumdesk_read_only=True).connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if current == head:
        return None
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise SchemaError(
            _(
                "This database was made by a newer version of forumdesk. "
                "Update forumdesk to open it."
            )
        )
    if current is None and tables - {"alembic_version"}:
        raise _foreign_tables()
    backup = backup_sqlite_file(engine.url) if current is not None else None
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except Exception as exc:
        log.exception("migration from %s to %s failed", current, head)
        if backup:
            message = _(
                "The database could not be updated for this version of forumdesk, so "
                "it was left as it was. A copy made before the update is at {backup}. "
                "({detail})"
            ).format(backup=backup, detail=_first_line(exc))
        else:
            message = _(
                "The database could not be updated for this version of forumdesk, so "
                "it was left as it was. ({detail})"
            ).format(detail=_first_line(exc))
        raise SchemaError(message) from exc
    return backup


# `revision: str = "0002"` and `down_revision: str | None = "0001"` in each migration script
_REVISION_LINE = re.compile(
    r'^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|\'([^\']*)\'|None)\s*$', re.M
)


def shipped_head() -> str | None:
    """The newest migration, read from the scripts' text without importing Alembic.

    Opening an up-to-date database (every start of the app) then costs no Alembic import, which
    is a tenth of a second. None when the scripts are not one plain chain (a merge, a branch, an
    unusual header): the caller then asks Alembic itself.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {
            name: quoted or single
            for name, quoted, single in _REVISION_LINE.findall(script.read_text(encoding="utf-8"))
        }
        if not found.get("revision") or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"]:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _is_at_shipped_head(engine: Engine) -> bool:
    """True when the database's recorded revision is the newest shipped one (nothing to do)."""
    head = shipped_head()
    if head is None:
        return False
    # read-only: checking an up-to-date database must not wait for another workstation's write
    with engine.execution_options(forumdesk_read_only=True).connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        current = [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
    return current == [head]


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _refuse_foreign_sqlite_file(url: URL) -> None:
    """Look at an existing SQLite file read-only before anything changes it (e.g. to WAL).

    Another program's database, or a file that is not a database at all, is refused and left
    byte for byte as it was.
    """
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    path = Path(url.database)
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # unreadable here: the normal open reports it in its own words
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.DatabaseError as exc:
        if failure_of(exc) is DriverFailure.NOT_A_DATABASE:
            raise DatabaseError(
                _("{path} is not a forumdesk database, or it is damaged.").format(path=path)
            ) from exc
        return
    finally:
        conn.close()
    if tables and "alembic_version" not in tables:
        raise _foreign_tables()


def _foreign_tables() -> SchemaError:
    return SchemaError(
        _("This database holds tables that are not forumdesk's. Choose another database file.")
    )


def backup_sqlite_file(url: URL) -> Path | None:
    """Copy an SQLite database to `<name>.<timestamp>.bak` with SQLite's online backup."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    source_path = Path(url.database)
    if not source_path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source_path.with_name(f"{source_path.name}.{stamp}.bak")
    counter = 1
    while target.exists():
        target = source_path.with_name(f"{source_path.name}.{stamp}-{counter}.bak")
        counter += 1
    source = sqlite3.connect(source_path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def _connection_detail(exc: Exception) -> str:
    """libpq's own explanation, without psycopg's "connection failed: connection to …" lead."""
    lines = [line.strip() for line in str(getattr(exc, "orig", exc)).splitlines() if line.strip()]
    first = lines[0] if lines else type(exc).__name__
    return first.rpartition(" failed: ")[2] or first


def _open_error(url: URL, exc: Exception) -> DatabaseError:
    where = url.database if url.get_backend_name() == "sqlite" else url.render_as_string(True)
    failure = failure_of(exc)
    if failure is DriverFailure.NOT_A_DATABASE:
        return DatabaseError(
            _("{path} is not a forumdesk database, or it is damaged.").format(path=where)
        )
    if failure is DriverFailure.CANNOT_CONNECT:
        return DatabaseError(
            _(
                "forumdesk could not connect to the database server {server}. Check the "
                "server's address and port, the database name, the user name and the "
                "password, and that the server is running. (The server said: {detail})"
            ).format(server=where, detail=_connection_detail(exc))
        )
    if failure is DriverFailure.CANNOT_OPEN:
        return DatabaseError(
            _("The database file {path} cannot be opened or created here.").format(path=where)
        )
    first = str(getattr(exc, "orig", exc)).strip().splitlines()
    return DatabaseError(
        _("The database {path} cannot be opened: {detail}").format(
            path=where, detail=first[0] if first else exc
        )
    )
