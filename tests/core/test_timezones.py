"""Time zones found by city, renamed cities included (forumdesk.core.timezones)."""

from __future__ import annotations

import pytest

from forumdesk.core.timezones import find_zones, zone_for


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Astana", "Asia/Almaty"),
        ("nur-sultan", "Asia/Almaty"),
        ("Нур-Султан", "Asia/Almaty"),
        ("алматы", "Asia/Almaty"),
        ("Kostanay", "Asia/Qostanay"),
        ("Ho Chi", "Asia/Ho_Chi_Minh"),
    ],
)
def test_a_city_finds_its_zone_first(typed: str, zone: str) -> None:
    assert find_zones(typed)[0] == zone


def test_kyiv_is_found_by_either_spelling() -> None:
    for typed in ("Kyiv", "Kiev", "Киев"):
        assert set(find_zones(typed)) & {"Europe/Kyiv", "Europe/Kiev"}


def test_a_whole_city_name_means_one_zone_and_nonsense_none() -> None:
    assert zone_for("Astana") == "Asia/Almaty"
    assert zone_for(" Asia/Tashkent ") == "Asia/Tashkent"
    assert zone_for("Atlantis") is None
    assert find_zones("Atlantis") == []
