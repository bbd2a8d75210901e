"""Opening a database: bring its schema to this version with Alembic, backing up first.

Every schema change is an Alembic migration shipped in forumdesk/db/migrations. Before any migration
runs on an existing SQLite file, the file is copied to a timestamped backup beside it, so an
interrupted or faulty upgrade can never cost the staff their programme. The copy is written to a
hidden `.NAME.STAMP.bak.part` and checked (it opens, its integrity check passes) before it takes
its name: a backup that exists is a whole one, and a copy interrupted by a kill or a full disk is
removed on the next attempt. A file forumdesk may not write is opened read-only
(forumdesk.db.sqlite_files), and one that would need updating is refused before any copy is made.
"""

from __future__ import annotations

import datetime as dt
import errno
import filecmp
import logging
import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from forumdesk.core.errors import DatabaseError, EmptyDatabaseFileError, SchemaError
from forumdesk.core.i18n import _
from forumdesk.db.changes import announce_changes
from forumdesk.db.driver_errors import DriverFailure, failure_of
from forumdesk.db.engine import Database, create_database_engine
from forumdesk.db.sqlite_files import SqliteFile, look_at, no_room_left, repair_side_files

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


def open_database(
    url: URL, desk: str | None = None, *, create_in_empty_file: bool = False
) -> Database:
    """Open (creating if need be) the database at `url` and migrate it to the current schema.

    `desk` names this desk in what it writes (`updated_by`) and to the server; by default the
    name from $FORUMDESK_DESK, else the OS user and host (forumdesk.db.desks.desk_name).
    An SQLite file of 0 bytes raises EmptyDatabaseFileError unless `create_in_empty_file` (the
    user said yes to making a new database in it). A file or folder that may not be written is
    opened read-only (`Database.read_only`).
    """
    found = _sqlite_file(url)
    if found is not None and found.empty:
        if not create_in_empty_file:
            raise EmptyDatabaseFileError(str(found.path))
        if found.read_only:
            raise DatabaseError(_read_only_cannot_update(found.path))
    if found is not None:
        for side in repair_side_files(found):
            log.info("made %s writable again (left read-only by an earlier opening)", side)
    _refuse_foreign_sqlite_file(url, found)
    read_only = found is not None and found.read_only
    engine = create_database_engine(url, read_only_uri=found.uri() if found else None)
    try:
        backup = upgrade_schema(engine, read_only=read_only)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise _open_error(url, exc, found) from exc
    except BaseException:
        engine.dispose()
        raise
    if backup is not None:
        log.info("backed up %s to %s before migrating", url.database, backup)
    if read_only:
        log.info("opened %s read-only (%s)", url.database, found.access.value if found else "")
    database = Database(engine, desk, read_only=read_only)
    announce_changes(database)  # the other desks hear of this one's commits
    return database


def _sqlite_file(url: URL) -> SqliteFile | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return look_at(Path(url.database))


def _read_only_cannot_update(path: Path | str) -> str:
    return _(
        "{path} has to be updated for this version of forumdesk before it can be opened, but "
        "it is read-only (the file or its folder may not be written), so it was left as it "
        "was. Make it writable, or copy it to a folder of your own, and open it again."
    ).format(path=path)


def upgrade_schema(engine: Engine, *, read_only: bool = False) -> Path | None:
    """Migrate to head; return the backup made beforehand, if one was needed.

    `read_only`: the database may not be written, so one that needs migrating is refused
    (SchemaError) before anything, a backup included, is tried.
    """
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
    if read_only:
        log.info("%s is read-only and at revision %s, not %s", engine.url.database, current, head)
        raise SchemaError(_read_only_cannot_update(engine.url.database or ""))
    backup = backup_sqlite_file(engine.url) if current is not None else None
    if backup is not None:
        backup = _one_copy_of_the_same(backup, Path(engine.url.database or ""))
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


def _refuse_foreign_sqlite_file(url: URL, found: SqliteFile | None = None) -> None:
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
        # a file that may not be written is read as it will be opened: creating nothing
        uri = found.uri() if found is not None else None
        conn = sqlite3.connect(uri or f"{path.resolve().as_uri()}?mode=ro", uri=True)
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
    """Copy an SQLite database to `<name>.<timestamp>.bak` with SQLite's online backup.

    The copy is made under a hidden temporary name and checked before it is renamed; when it
    cannot be made whole, nothing of it is left and SchemaError says why.
    """
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    source_path = Path(url.database)
    if not source_path.exists():
        return None
    remove_unfinished_backups(source_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source_path.with_name(f"{source_path.name}.{stamp}.bak")
    counter = 1
    while target.exists():
        target = source_path.with_name(f"{source_path.name}.{stamp}-{counter}.bak")
        counter += 1
    part = target.with_name(f".{target.name}{_PART}")
    try:
        _copy_and_check(source_path, part)
        os.replace(part, target)
    except (OSError, sqlite3.Error) as exc:
        log.warning("backup of %s to %s failed", source_path, part, exc_info=True)
        _remove_part(part)
        raise SchemaError(
            _(
                "A copy of the database could not be made before updating it, so it was not "
                "updated and is as it was. ({reason})"
            ).format(reason=_backup_failure(source_path, exc))
        ) from exc
    return target


def _one_copy_of_the_same(backup: Path, source_path: Path) -> Path:
    """The newest earlier backup when it holds the same bytes as `backup` (an update that
    failed and is tried again): it stands for the new one, which is deleted, so repeated
    attempts do not pile up copies of one database."""
    earlier = [p for p in source_path.parent.glob(f"{source_path.name}.*.bak") if p != backup]
    if not earlier:
        return backup
    newest = max(earlier, key=lambda p: p.stat().st_mtime)
    try:
        same = filecmp.cmp(backup, newest, shallow=False)
    except OSError:
        return backup
    if not same:
        return backup
    backup.unlink()
    log.info("%s already holds this database; the new copy was not kept", newest)
    return newest


_PART = ".part"  # an unfinished backup: `.NAME.STAMP.bak.part` (and its `-journal`)


def remove_unfinished_backups(source_path: Path) -> list[Path]:
    """Delete what earlier, interrupted backups of `source_path` left; the files deleted."""
    removed = []
    for leftover in source_path.parent.glob(f".{source_path.name}.*.bak{_PART}*"):
        try:
            leftover.unlink()
        except OSError:
            continue
        removed.append(leftover)
    return removed


def _copy_and_check(source_path: Path, part: Path) -> None:
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(part)
        try:
            source.backup(destination)
            # one self-contained file: a copy in WAL mode would grow -wal/-shm when read
            destination.execute("PRAGMA journal_mode=DELETE").fetchall()
        finally:
            destination.close()
    finally:
        source.close()
    check = sqlite3.connect(f"{part.resolve().as_uri()}?mode=ro", uri=True)
    try:
        verdict = check.execute("PRAGMA integrity_check").fetchall()
    finally:
        check.close()
    if verdict != [("ok",)]:
        raise sqlite3.DatabaseError(f"the copy failed its integrity check: {verdict[0][0]}")


def _remove_part(part: Path) -> None:
    for path in [part, *(part.with_name(f"{part.name}{s}") for s in ("-journal", "-wal", "-shm"))]:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove the unfinished backup %s", path, exc_info=True)


def _backup_failure(source_path: Path, exc: BaseException) -> str:
    """Why a backup failed, in the user's words."""
    full = isinstance(exc, OSError) and exc.errno in {errno.ENOSPC, errno.EFBIG}
    if isinstance(exc, sqlite3.Error):
        failure = failure_of(exc)
        full = failure is DriverFailure.FULL or (
            failure is DriverFailure.DISK and no_room_left(source_path)
        )
    if full or no_room_left(source_path):
        return _("the disk is full")
    if isinstance(exc, PermissionError) or (
        isinstance(exc, sqlite3.Error)
        and failure_of(exc) in {DriverFailure.READ_ONLY, DriverFailure.CANNOT_OPEN}
    ):
        return _("the folder {folder} may not be written").format(folder=source_path.parent)
    return _first_line(exc)


def _connection_detail(exc: Exception) -> str:
    """libpq's own explanation, without psycopg's "connection failed: connection to …" lead."""
    lines = [line.strip() for line in str(getattr(exc, "orig", exc)).splitlines() if line.strip()]
    first = lines[0] if lines else type(exc).__name__
    return first.rpartition(" failed: ")[2] or first


def _open_error(url: URL, exc: Exception, found: SqliteFile | None = None) -> DatabaseError:
    where = url.database if url.get_backend_name() == "sqlite" else url.render_as_string(True)
    failure = failure_of(exc)
    if found is not None and found.wal_unreadable():
        return DatabaseError(
            _(
                "The database {path} cannot be read here: its last changes are still in "
                "{path}-wal, which can only be read in a folder that may be written. Copy the "
                "database together with its -wal file to a folder of your own and open the copy."
            ).format(path=where)
        )
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
    if failure is DriverFailure.FULL or (
        failure is DriverFailure.DISK
        and url.get_backend_name() == "sqlite"
        and no_room_left(Path(where or ""))
    ):
        return DatabaseError(
            _(
                "The disk holding {path} is full, so the database could not be opened. Free "
                "some space and try again."
            ).format(path=where)
        )
    if failure is DriverFailure.READ_ONLY:
        return DatabaseError(
            _(
                "The database {path} could not be opened: the file or its folder may not be "
                "written. Make them writable, or copy the file to a folder of your own."
            ).format(path=where)
        )
    first = str(getattr(exc, "orig", exc)).strip().splitlines()
    return DatabaseError(
        _("The database {path} cannot be opened: {detail}").format(
            path=where, detail=first[0] if first else exc
        )
    )
