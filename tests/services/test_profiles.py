"""Saved import profiles in the user's data folder (forumdesk.services.profiles)."""

from __future__ import annotations

import pytest

from forumdesk.config import data_dir
from forumdesk.core.errors import NotFoundError, ValidationError
from forumdesk.services.profiles import (
    ImportProfile,
    delete_profile,
    list_profiles,
    load_profile,
    profiles_dir,
    save_profile,
)


def test_profiles_are_json_files_in_the_data_folder() -> None:
    path = save_profile(ImportProfile(name="Минторг", columns={"Контакт": "email"}, delimiter=";"))
    assert path.parent == data_dir() / "import-profiles" == profiles_dir()
    loaded = load_profile("Минторг", "attendees")
    assert loaded.columns == {"Контакт": "email"} and loaded.delimiter == ";"
    assert [p.name for p in list_profiles("attendees")] == ["Минторг"]
    assert list_profiles("programme") == []
    with pytest.raises(ValidationError, match="for attendees files"):
        load_profile("Минторг", "programme")
    with pytest.raises(NotFoundError, match="no import profile «Другой»"):
        load_profile("Другой")
    with pytest.raises(ValidationError, match="cannot name a profile"):
        save_profile(ImportProfile(name="../escape"))
    delete_profile("Минторг")
    assert not path.exists() and list_profiles() == []
