"""Saved import profiles, kept as JSON files in the user's data folder (import-profiles/).

forumdesk.io.headers reads and writes the files; this module knows where they live, so the
import service, the import wizard and the command line share one set of profiles.
"""

from __future__ import annotations

from pathlib import Path

from forumdesk.config import data_dir
from forumdesk.io import headers
from forumdesk.io.headers import ImportProfile

__all__ = ["ImportProfile", "delete_profile", "list_profiles", "load_profile", "save_profile"]


def profiles_dir() -> Path:
    """The folder the profiles are saved in (it may not exist before the first save)."""
    return data_dir() / "import-profiles"


def save_profile(profile: ImportProfile) -> Path:
    """Save the profile, replacing one of the same name; returns its file."""
    return headers.save_profile(profiles_dir(), profile)


def load_profile(name: str, kind: str | None = None) -> ImportProfile:
    """The profile saved as `name`; with `kind`, refused if it is for other files."""
    return headers.load_profile(profiles_dir(), name, kind)


def list_profiles(kind: str | None = None) -> list[ImportProfile]:
    """The saved profiles (of one `kind`, when given), by name."""
    return headers.list_profiles(profiles_dir(), kind)


def delete_profile(name: str) -> None:
    headers.delete_profile(profiles_dir(), name)
