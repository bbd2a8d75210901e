"""Finding a time zone by the city people know, including cities that were renamed.

IANA names a zone after one city (Asia/Almaty), and keeps old spellings as links (Europe/Kiev
beside Europe/Kyiv). Staff type the city the forum is in: "Astana", "Nur-Sultan", "Астана",
"Kyiv". CITY_ZONES maps such names (English and Russian, the old ones too) to the zone the city
keeps its clocks by; every zone is also found by its own city ("almaty", "Ho Chi Minh").
"""

from __future__ import annotations

import functools
import zoneinfo

from forumdesk.core import text

# city (any spelling staff type) -> the IANA zone the city's clocks follow
CITY_ZONES: dict[str, str] = {
    # Kazakhstan: the capital was Akmola, Astana, Nur-Sultan (2019–2022), Astana again; since
    # 2024 all of Kazakhstan is on UTC+5, and IANA puts Astana in Asia/Almaty.
    "Astana": "Asia/Almaty",
    "Nur-Sultan": "Asia/Almaty",
    "Nursultan": "Asia/Almaty",
    "Akmola": "Asia/Almaty",
    "Tselinograd": "Asia/Almaty",
    "Астана": "Asia/Almaty",
    "Нур-Султан": "Asia/Almaty",
    "Акмола": "Asia/Almaty",
    "Целиноград": "Asia/Almaty",
    "Alma-Ata": "Asia/Almaty",
    "Алматы": "Asia/Almaty",
    "Алма-Ата": "Asia/Almaty",
    "Shymkent": "Asia/Almaty",
    "Шымкент": "Asia/Almaty",
    "Karaganda": "Asia/Almaty",
    "Караганда": "Asia/Almaty",
    "Kostanay": "Asia/Qostanay",
    "Костанай": "Asia/Qostanay",
    "Aktobe": "Asia/Aqtobe",
    "Актобе": "Asia/Aqtobe",
    "Aktau": "Asia/Aqtau",
    "Актау": "Asia/Aqtau",
    "Atyrau": "Asia/Atyrau",
    "Атырау": "Asia/Atyrau",
    "Oral": "Asia/Oral",
    "Uralsk": "Asia/Oral",
    "Уральск": "Asia/Oral",
    "Kyzylorda": "Asia/Qyzylorda",
    "Кызылорда": "Asia/Qyzylorda",
    # renamed elsewhere, or spelt otherwise in English or Russian
    "Kyiv": "Europe/Kyiv",
    "Kiev": "Europe/Kyiv",
    "Київ": "Europe/Kyiv",
    "Киев": "Europe/Kyiv",
    "Москва": "Europe/Moscow",
    "Saint Petersburg": "Europe/Moscow",
    "St Petersburg": "Europe/Moscow",
    "Leningrad": "Europe/Moscow",
    "Санкт-Петербург": "Europe/Moscow",
    "Kazan": "Europe/Moscow",
    "Казань": "Europe/Moscow",
    "Sochi": "Europe/Moscow",
    "Сочи": "Europe/Moscow",
    "Екатеринбург": "Asia/Yekaterinburg",
    "Sverdlovsk": "Asia/Yekaterinburg",
    "Новосибирск": "Asia/Novosibirsk",
    "Владивосток": "Asia/Vladivostok",
    "Минск": "Europe/Minsk",
    "Ташкент": "Asia/Tashkent",
    "Самарканд": "Asia/Samarkand",
    "Бишкек": "Asia/Bishkek",
    "Frunze": "Asia/Bishkek",
    "Фрунзе": "Asia/Bishkek",
    "Душанбе": "Asia/Dushanbe",
    "Ашхабад": "Asia/Ashgabat",
    "Ashkhabad": "Asia/Ashgabat",
    "Ереван": "Asia/Yerevan",
    "Тбилиси": "Asia/Tbilisi",
    "Баку": "Asia/Baku",
    "Кишинёв": "Europe/Chisinau",
    "Kishinev": "Europe/Chisinau",
    "Лондон": "Europe/London",
    "Берлин": "Europe/Berlin",
    "Париж": "Europe/Paris",
    "Стамбул": "Europe/Istanbul",
    "Дубай": "Asia/Dubai",
    "Пекин": "Asia/Shanghai",
    "Beijing": "Asia/Shanghai",
    "Peking": "Asia/Shanghai",
    "Bombay": "Asia/Kolkata",
    "Mumbai": "Asia/Kolkata",
    "Delhi": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata",
    "Calcutta": "Asia/Kolkata",
    "Saigon": "Asia/Ho_Chi_Minh",
    "Rangoon": "Asia/Yangon",
    "Washington": "America/New_York",
    "Нью-Йорк": "America/New_York",
}


def _known(zone: str) -> str | None:
    """`zone`, or the older name this computer's tz database has for it (Kyiv before 2022)."""
    zones = _zones()
    if zone in zones:
        return zone
    older = {"Europe/Kyiv": "Europe/Kiev"}.get(zone)
    return older if older in zones else None


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def zone_cities() -> dict[str, tuple[str, ...]]:
    """Each zone with the city names it is found by: its own, then CITY_ZONES' names for it."""
    cities: dict[str, list[str]] = {}
    for zone in sorted(_zones()):
        own = zone.rsplit("/", 1)[-1].replace("_", " ")
        cities[zone] = [own]
    for city, zone in CITY_ZONES.items():
        known = _known(zone)
        if known is not None and city not in cities[known]:
            cities[known].append(city)
    return {zone: tuple(names) for zone, names in cities.items()}


def find_zones(query: str) -> list[str]:
    """The zones whose name or a city of theirs contains `query` (case, ё/е and dashes aside);
    those with a city starting with it first."""
    needle = _key(query)
    if not needle:
        return []
    starting, containing = [], []
    for zone, cities in zone_cities().items():
        keys = [_key(zone), *(_key(city) for city in cities)]
        if any(key.startswith(needle) for key in keys[1:]):
            starting.append(zone)
        elif any(needle in key for key in keys):
            containing.append(zone)
    return starting + containing


def zone_for(value: str) -> str | None:
    """The zone `value` means: a zone's name as it is, or a city naming one zone; else None."""
    value = value.strip()
    if value in _zones():
        return value
    needle = _key(value)
    exact = [
        zone
        for zone, cities in zone_cities().items()
        if any(_key(city) == needle for city in cities)
    ]
    return exact[0] if len(exact) == 1 else None


def _key(value: str) -> str:
    return text.fold(value).replace("-", " ").replace("_", " ").strip()
