"""Database passwords in the system keyring, or nowhere (forumdesk/db/passwords.py)."""

from __future__ import annotations

from sqlalchemy.engine import URL

from forumdesk.db import passwords
from tests.keyrings import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401

SERVER = URL.create(
    "postgresql+psycopg", username="anna", host="fs1", port=5433, database="forum2026"
)


def test_a_password_is_kept_per_server_login_and_forgotten(
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    assert passwords.keyring_available()
    assert passwords.stored_password(SERVER) is None
    assert passwords.store_password(SERVER, "s3cret")
    assert memory_keyring.secrets == {("forumdesk", "anna@fs1:5433/forum2026"): "s3cret"}
    assert passwords.stored_password(SERVER) == "s3cret"
    assert passwords.stored_password(SERVER.set(username="boris")) is None
    passwords.forget_password(SERVER)
    passwords.forget_password(SERVER)  # nothing kept: no error
    assert passwords.stored_password(SERVER) is None


def test_without_a_keyring_nothing_is_stored(no_keyring: None) -> None:  # noqa: F811
    assert not passwords.keyring_available()
    assert not passwords.store_password(SERVER, "s3cret")
    assert passwords.stored_password(SERVER) is None
    passwords.forget_password(SERVER)
