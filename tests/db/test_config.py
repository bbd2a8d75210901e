"""Where the database is: `--db`, FORUMDESK_DB, or the default file in the user's data folder."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from forumdesk.config import (
    DB_ENV_VAR,
    ConfigError,
    data_dir,
    database_title,
    default_database_path,
    remembered_address,
    resolve_database_url,
)
from forumdesk.db.migrate import head_revision, open_database
from forumdesk.services.events import list_events


def test_absolute_path(tmp_path: Path) -> None:
    url = resolve_database_url(str(tmp_path / "forum.sqlite3"))
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "forum.sqlite3")


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = resolve_database_url("plans/forum.sqlite3")
    assert url.database == str(tmp_path / "plans" / "forum.sqlite3")
    assert Path(url.database).is_absolute()


def test_home_is_expanded(_isolated_user_dirs: Path) -> None:
    url = resolve_database_url("~/forum.sqlite3")
    assert url.database == str(_isolated_user_dirs / "forum.sqlite3")
    assert "~" not in url.database


def test_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "from-env.sqlite3"))
    assert resolve_database_url().database == str(tmp_path / "from-env.sqlite3")
    assert resolve_database_url(None).database == str(tmp_path / "from-env.sqlite3")


def test_relative_environment_path_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DB_ENV_VAR, "env.sqlite3")
    assert resolve_database_url().database == str(tmp_path / "env.sqlite3")


def test_explicit_path_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "from-env.sqlite3"))
    assert resolve_database_url(str(tmp_path / "given.sqlite3")).database == str(
        tmp_path / "given.sqlite3"
    )


def test_default_lies_in_the_temporary_data_folder(_isolated_user_dirs: Path) -> None:
    url = resolve_database_url()
    path = Path(url.database or "")
    assert path == default_database_path()
    assert path.name == "forumdesk.sqlite3"
    assert path.is_relative_to(_isolated_user_dirs)
    assert path.is_relative_to(data_dir())


def test_empty_value_means_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV_VAR, "")
    assert resolve_database_url("").database == str(default_database_path())


def test_sqlite_url_is_kept(tmp_path: Path) -> None:
    url = resolve_database_url(f"sqlite:///{tmp_path}/forum.sqlite3")
    assert url.get_backend_name() == "sqlite"
    assert url.database == f"{tmp_path}/forum.sqlite3"


def test_postgresql_gets_the_psycopg_driver() -> None:
    url = resolve_database_url("postgresql://staff:secret@db.example.org:5433/forum")
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.password, url.host, url.port, url.database) == (
        "staff",
        "secret",
        "db.example.org",
        5433,
        "forum",
    )


def test_postgresql_with_a_driver_is_kept() -> None:
    url = resolve_database_url("postgresql+psycopg://staff@localhost/forum")
    assert url.drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    "value", ["mysql://staff@localhost/forum", "oracle+oracledb://staff@localhost/forum"]
)
def test_unsupported_database_is_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="SQLite files and PostgreSQL"):
        resolve_database_url(value)


@pytest.mark.parametrize(
    "value",
    [
        "://forum",
        "postgresql://staff@localhost:port/forum",  # a placeholder left in the URL
    ],
)
def test_garbage_url_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_database_url(value)
    assert type(caught.value) is ConfigError
    assert "\n" not in str(caught.value)


def test_garbage_in_the_environment_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV_VAR, "mysql://staff@localhost/forum")
    with pytest.raises(ConfigError):
        resolve_database_url()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="folder") as caught:
        resolve_database_url(str(tmp_path))
    assert str(tmp_path) in str(caught.value)


def test_default_database_is_created_on_first_use(_isolated_user_dirs: Path) -> None:
    path = default_database_path()
    assert not path.exists()
    assert not path.parent.exists()

    database = open_database(resolve_database_url())
    try:
        assert list_events(database) == []
        assert database.location == str(path)
    finally:
        database.dispose()

    assert path.is_file()
    assert path.is_relative_to(_isolated_user_dirs)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]


def test_the_window_names_a_file_by_its_name_and_a_server_by_user_host_database(
    tmp_path: Path,
) -> None:
    assert database_title(resolve_database_url(str(tmp_path / "forum.sqlite3"))) == (
        "forum.sqlite3"
    )
    server = resolve_database_url("postgresql://anna:s3cret@fs1/forum2026")
    assert database_title(server) == "anna@fs1/forum2026"
    assert database_title(server.set(port=5433)) == "anna@fs1:5433/forum2026"


def test_a_remembered_address_has_no_password_and_reads_back(tmp_path: Path) -> None:
    server = resolve_database_url("postgresql://anna:s3cret@fs1:5433/forum2026")
    address = remembered_address(server)
    assert "s3cret" not in address
    again = resolve_database_url(address)
    assert (again.username, again.host, again.port, again.database, again.password) == (
        "anna",
        "fs1",
        5433,
        "forum2026",
        None,
    )
    path = tmp_path / "forum.sqlite3"
    assert resolve_database_url(remembered_address(resolve_database_url(str(path)))).database == (
        str(path)
    )
