"""Desks: each workstation's name on the database server, and which other desks are connected.

On PostgreSQL every forumdesk connection says who it is through `application_name`
("forumdesk reception-2"), so the server's `pg_stat_activity` lists the desks working on the
same database; the window's status bar shows them. SQLite has no server to ask: no one is listed.
"""

from __future__ import annotations

import functools
import getpass
import os
import socket

from sqlalchemy import Connection, text

APPLICATION_PREFIX = "forumdesk "
# The execution option that carries the writing desk's name to the `updated_by` column
DESK_OPTION = "forumdesk_desk"
# A desk's name given outside the window (the command line, the stress harness)
DESK_ENVIRONMENT = "FORUMDESK_DESK"
MAX_DESK_NAME = 60  # what `updated_by` and the status bar show
_MAX_APPLICATION_NAME = 63  # PostgreSQL truncates application_name to NAMEDATALEN - 1 bytes


@functools.cache
def default_desk_name() -> str:
    """The desk's name when nobody chose one: the OS user at the computer ("anna@reception-2")."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the host alone
        user = ""
    host = socket.gethostname().split(".")[0]
    return f"{user}@{host}" if user else host


def desk_name(chosen: str | None = None) -> str:
    """This desk's name: the one chosen (settings), else $FORUMDESK_DESK, else user@host."""
    for name in (chosen, os.environ.get(DESK_ENVIRONMENT)):
        if name and name.strip():
            return " ".join(name.split())[:MAX_DESK_NAME]
    return default_desk_name()


def application_name(desk: str | None = None) -> str:
    """The `application_name` a connection of desk `desk` gives the server."""
    name = APPLICATION_PREFIX + (desk if desk is not None else default_desk_name())
    encoded = name.encode("utf-8")[:_MAX_APPLICATION_NAME]
    return encoded.decode("utf-8", errors="ignore")


_OTHER_DESKS = text(
    "SELECT DISTINCT application_name FROM pg_stat_activity "
    "WHERE datname = current_database() AND application_name LIKE :prefix "
    "AND application_name <> current_setting('application_name') "
    "ORDER BY application_name"
)


def other_desks(conn: Connection) -> list[str]:
    """The names of the other desks connected to this database (none on SQLite).

    One cheap query on the server's activity view; this desk's own connections, whatever the
    pool holds, share its application_name and are left out.
    """
    if conn.dialect.name != "postgresql":
        return []
    rows = conn.execute(_OTHER_DESKS, {"prefix": APPLICATION_PREFIX + "%"}).scalars()
    return [name.removeprefix(APPLICATION_PREFIX) for name in rows]
