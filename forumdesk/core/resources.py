"""Where the shipped data (demo forum, icons, translations) lives.

In a built wheel `resources/` is packaged inside `forumdesk/`; in a source tree or an editable
install it sits beside the package. Both are looked up, the packaged copy first.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # forumdesk/


def resources_dir() -> Path:
    """The directory that holds forumdesk's shipped resources."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "demo").is_dir():
            return candidate
    raise FileNotFoundError(
        "forumdesk's resources are missing: the installation is incomplete. Reinstall forumdesk."
    )


def resource_path(*parts: str) -> Path:
    """A file inside the resources directory, e.g. resource_path("demo", "forum.json")."""
    return resources_dir().joinpath(*parts)
