"""A real PostgreSQL server for the tests: the one in FORUMDESK_TEST_POSTGRES_URL, or a throwaway
cluster started from the installed PostgreSQL programs. Skipped, with the reason, only when
neither is possible."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from forumdesk.db.engine import Database
from forumdesk.db.migrate import open_database

ENV_URL = "FORUMDESK_TEST_POSTGRES_URL"


def _find_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(argv: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; run it as the `postgres` account then."""
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL")
    return [runuser, "-u", "postgres", "--", *argv]


@contextlib.contextmanager
def _throwaway_cluster() -> Iterator[URL]:
    bindir = _find_bindir()
    if bindir is None:
        pytest.skip(f"no PostgreSQL server programs installed and {ENV_URL} is not set")
    root = Path(tempfile.mkdtemp(prefix="forumdesk-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        try:
            shutil.chown(root, user="postgres")
        except (LookupError, OSError) as exc:
            shutil.rmtree(root, ignore_errors=True)
            pytest.skip(f"cannot hand a data folder to the postgres account: {exc}")
    port = _free_port()
    log = root / "server.log"
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                ]
            ),
            check=True,
            capture_output=True,
        )
        subprocess.run(
            _as_server_user(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(log),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as exc:
        details = (exc.stderr or b"").decode(errors="replace").strip().splitlines()[-1:]
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"a PostgreSQL server could not start here: {details}")
    try:
        yield URL.create(
            "postgresql+psycopg",
            username="postgres",
            host="127.0.0.1",
            port=port,
            database="postgres",
        )
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[URL]:
    pytest.importorskip("psycopg", reason="the postgres extra (psycopg) is not installed")
    if os.environ.get(ENV_URL):
        yield make_url(os.environ[ENV_URL]).set(drivername="postgresql+psycopg")
        return
    with _throwaway_cluster() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: URL) -> Iterator[URL]:
    """A new, empty database on the server for one test, dropped afterwards."""
    name = f"forumdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield postgres_server.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg(postgres_url: URL) -> Iterator[Database]:
    """A forumdesk database on the test server, migrated to the current schema."""
    database = open_database(postgres_url)
    yield database
    database.dispose()
