"""Small assertions shared by the service tests."""

from __future__ import annotations

# What a driver error leaks into a message; a user must never read any of it.
_SQL_FRAGMENTS = (
    "UNIQUE constraint",
    "CHECK constraint",
    "FOREIGN KEY",
    "NOT NULL constraint",
    "INSERT INTO",
    "UPDATE ",
    "SELECT ",
    "DELETE FROM",
    "sqlite3",
    "[SQL",
    "IntegrityError",
    "Traceback",
)


def assert_readable(error: BaseException, *needles: str, ignore_case: bool = False) -> None:
    """The error's message names what it is about (`needles`) and shows no SQL or driver text.

    With `ignore_case`, a needle may appear in any case (a message about a duplicate may quote
    the name typed or the one already stored).
    """
    message = str(error)
    assert message.strip(), "an error a user reads must have a message"
    for needle in needles:
        found = needle.casefold() in message.casefold() if ignore_case else needle in message
        assert found, f"{needle!r} not in {message!r}"
    for fragment in _SQL_FRAGMENTS:
        assert fragment not in message, f"driver text {fragment!r} leaked into {message!r}"
