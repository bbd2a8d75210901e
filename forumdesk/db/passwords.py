"""Database passwords in the system's keyring (Windows Credential Manager, macOS Keychain, the
Secret Service on Linux), through the `keyring` library; never in a settings file.

Where no keyring is usable (a headless machine: keyring's fail or null backend, a locked or
absent Secret Service), nothing is stored and the window asks for the password each time.
`keyring` is imported only when a password is needed, so starting forumdesk does not pay for it.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

SERVICE = "forumdesk"


def password_key(url: URL) -> str:
    """The keyring's user name for a server login: user@host:port/database."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def keyring_available() -> bool:
    """True when the system has a keyring that really stores secrets."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend's priority may probe the system and raise anything
        log.info("keyring backend %r is not usable", backend, exc_info=True)
        return False


def stored_password(url: URL) -> str | None:
    """The password kept for this server login, or None (none kept, or no keyring)."""
    if not keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, password_key(url))
    except KeyringError:
        log.info("the keyring could not be read", exc_info=True)
        return None


def store_password(url: URL, password: str) -> bool:
    """Keep the password for this server login; False when there is no keyring to keep it in."""
    if not keyring_available():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, password_key(url), password)
    except KeyringError:
        log.info("the keyring could not store the password", exc_info=True)
        return False
    return True


def forget_password(url: URL) -> None:
    """Drop the kept password (it was refused by the server, or the user unticked Remember)."""
    if not keyring_available():
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, password_key(url))
    except PasswordDeleteError:
        pass  # nothing was kept
    except KeyringError:
        log.info("the keyring could not forget the password", exc_info=True)
