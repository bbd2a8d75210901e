"""`forumdesk` with no command: the window.

The one module of the command line that reaches the user interface, and only when it is asked
to: Qt and the window load here, lazily, so every other command starts without them.
"""

from __future__ import annotations

from forumdesk.cli.shared import EXIT_USER_ERROR, fail


def start_window(db: str | None) -> int:
    """Open the window on the database `db` (or the default one); the exit status when it closes."""
    # The database layer (SQLAlchemy, a few hundred modules) loads before Qt, not after it:
    # PySide6 replaces builtins.__import__ with its own, which makes every later import slower
    # (about 0.1 s of CPU for these at the window's start).
    import forumdesk.db.migrate  # noqa: F401

    try:
        from forumdesk.app import run_gui
    except ImportError as exc:
        fail(f"The window cannot start because Qt is not available: {exc}")
        return EXIT_USER_ERROR
    return run_gui(db)
