"""Desk names and the application_name each connection gives a PostgreSQL server."""

from __future__ import annotations

import getpass
import socket

from forumdesk.db.desks import APPLICATION_PREFIX, application_name, default_desk_name, other_desks
from forumdesk.db.engine import Database


def test_the_default_desk_is_the_os_user_at_the_computer() -> None:
    assert default_desk_name() == f"{getpass.getuser()}@{socket.gethostname().split('.')[0]}"


def test_the_application_name_says_forumdesk_and_the_desk_within_postgres_limit() -> None:
    assert application_name("reception-2") == "forumdesk reception-2"
    assert application_name().startswith(APPLICATION_PREFIX)
    long = application_name("регистрация-" * 10)  # Cyrillic: two bytes a letter
    assert len(long.encode("utf-8")) <= 63
    assert long.startswith("forumdesk регистрация-")


def test_sqlite_has_no_other_desks_to_list(db: Database) -> None:
    with db.reader() as session:
        assert other_desks(session.connection()) == []
