"""Desks: each workstation's name on the database server, and which other desks are connected.

On PostgreSQL every forumdesk connection says who it is through `application_name`
("forumdesk reception-2"), so the server's `pg_stat_activity` lists the desks working on the
same database; the window's status bar shows them. SQLite has no server to ask: no one is listed.
"""

from __future__ import annotations

import getpass
import socket

from sqlalchemy import Connection, text

APPLICATION_PREFIX = "forumdesk "
_MAX_APPLICATION_NAME = 63  # PostgreSQL truncates application_name to NAMEDATALEN - 1 bytes


def default_desk_name() -> str:
    """The desk's name when nobody chose one: the OS user at the computer ("anna@reception-2")."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the host alone
        user = ""
    host = socket.gethostname().split(".")[0]
    return f"{user}@{host}" if user else host


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
