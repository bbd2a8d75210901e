"""Country names to one spelling: "Казахстан", "Kazakhstan", "Қазақстан", "KZ", "РК" -> Kazakhstan.

The directory keeps countries in English, as the demo forum does. A table of the names staff meet
most (Russian, Kazakh, English, official forms and abbreviations) comes first; pycountry, when
installed, adds every ISO 3166 country with its codes and its Russian and Kazakh names. A name
that matches nothing is kept as written: it is not an error to come from somewhere unusual.
"""

from __future__ import annotations

import functools
import re

# ISO alpha-2 -> the English name the directory uses (short forms people say, not UN names)
PREFERRED: dict[str, str] = {
    "KZ": "Kazakhstan",
    "RU": "Russia",
    "KG": "Kyrgyzstan",
    "UZ": "Uzbekistan",
    "TJ": "Tajikistan",
    "TM": "Turkmenistan",
    "BY": "Belarus",
    "AM": "Armenia",
    "AZ": "Azerbaijan",
    "GE": "Georgia",
    "MD": "Moldova",
    "UA": "Ukraine",
    "MN": "Mongolia",
    "CN": "China",
    "TR": "Turkey",
    "DE": "Germany",
    "FR": "France",
    "GB": "United Kingdom",
    "US": "United States",
    "CH": "Switzerland",
    "IT": "Italy",
    "ES": "Spain",
    "BE": "Belgium",
    "NL": "Netherlands",
    "AT": "Austria",
    "PL": "Poland",
    "CZ": "Czechia",
    "FI": "Finland",
    "SE": "Sweden",
    "NO": "Norway",
    "DK": "Denmark",
    "JP": "Japan",
    "KR": "South Korea",
    "KP": "North Korea",
    "IN": "India",
    "IR": "Iran",
    "AE": "United Arab Emirates",
    "SA": "Saudi Arabia",
    "EG": "Egypt",
    "IL": "Israel",
    "CA": "Canada",
    "BR": "Brazil",
    "LT": "Lithuania",
    "LV": "Latvia",
    "EE": "Estonia",
    "VN": "Vietnam",
    "SY": "Syria",
    "LA": "Laos",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "TW": "Taiwan",
    "PS": "Palestine",
    "MK": "North Macedonia",
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Congo",
    "HU": "Hungary",
    "RO": "Romania",
    "BG": "Bulgaria",
    "RS": "Serbia",
    "GR": "Greece",
    "PT": "Portugal",
    "IE": "Ireland",
    "LU": "Luxembourg",
    "SG": "Singapore",
    "MY": "Malaysia",
    "ID": "Indonesia",
    "TH": "Thailand",
    "PK": "Pakistan",
    "AF": "Afghanistan",
    "QA": "Qatar",
    "KW": "Kuwait",
    "AU": "Australia",
    "MX": "Mexico",
    "AR": "Argentina",
    "ZA": "South Africa",
    "NG": "Nigeria",
    "CY": "Cyprus",
    "SK": "Slovakia",
    "SI": "Slovenia",
    "HR": "Croatia",
}

# What people write that ISO tables do not hold (or hold in another form).
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "KZ": (
        "Казахстан",
        "Республика Казахстан",
        "РК",
        "Қазақстан",
        "Қазақстан Республикасы",
        "Kazakstan",
        "Qazaqstan",
        "Republic of Kazakhstan",
        "Казакстан",
    ),
    "RU": ("Россия", "Российская Федерация", "РФ", "Ресей", "Russian Federation", "Russia"),
    "KG": (
        "Кыргызстан",
        "Киргизия",
        "Кыргызская Республика",
        "Қырғызстан",
        "Kyrgyz Republic",
        "Kirgizia",
        "Кыргызская Республика",
    ),
    "UZ": ("Узбекистан", "Өзбекстан"),
    "TJ": ("Таджикистан", "Тәжікстан"),
    "TM": ("Туркменистан", "Түрікменстан"),
    "BY": ("Беларусь", "Белоруссия", "Belorussia"),
    "AM": ("Армения",),
    "AZ": ("Азербайджан", "Әзірбайжан"),
    "GE": ("Грузия",),
    "MD": ("Молдова", "Молдавия"),
    "UA": ("Украина", "Украина"),
    "MN": ("Монголия",),
    "CN": ("Китай", "КНР", "Қытай", "PRC"),
    "TR": ("Турция", "Түркия", "Türkiye"),
    "DE": ("Германия", "ФРГ", "Deutschland"),
    "FR": ("Франция",),
    "GB": (
        "Великобритания",
        "Соединённое Королевство",
        "Англия",
        "Ұлыбритания",
        "UK",
        "Great Britain",
        "England",
        "Britain",
    ),
    "US": (
        "США",
        "Соединённые Штаты",
        "Соединённые Штаты Америки",
        "АҚШ",
        "USA",
        "U.S.A.",
        "United States of America",
        "America",
    ),
    "CH": ("Швейцария",),
    "IT": ("Италия",),
    "ES": ("Испания",),
    "BE": ("Бельгия",),
    "NL": ("Нидерланды", "Голландия", "Holland"),
    "JP": ("Япония",),
    "KR": ("Южная Корея", "Республика Корея", "Корея", "Korea", "Republic of Korea"),
    "IN": ("Индия",),
    "AE": ("ОАЭ", "Объединённые Арабские Эмираты", "UAE", "Emirates"),
    "CZ": ("Чехия", "Czech Republic"),
    "PL": ("Польша",),
    "AT": ("Австрия",),
    "IR": ("Иран",),
    "CA": ("Канада",),
    "VN": ("Вьетнам", "Viet Nam"),
    "FI": ("Финляндия",),
    "SE": ("Швеция",),
    "LT": ("Литва",),
    "LV": ("Латвия",),
    "EE": ("Эстония",),
    "IL": ("Израиль",),
    "EG": ("Египет",),
    "SA": ("Саудовская Аравия",),
    "BR": ("Бразилия",),
}

_NOT_WORD = re.compile(r"[\W_]+")


def country_key(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold().replace("ё", "е"))


@functools.cache
def _names() -> dict[str, str]:
    """Squashed name or code -> alpha-2, built once."""
    found: dict[str, str] = {}

    def add(name: str | None, alpha2: str) -> None:
        if name:
            found.setdefault(country_key(name), alpha2)

    for alpha2, english in PREFERRED.items():
        add(alpha2, alpha2)
        add(english, alpha2)
    for alpha2, names in _EXTRA_NAMES.items():
        for name in names:
            add(name, alpha2)
    _add_pycountry(add)
    return found


def _add_pycountry(add) -> None:  # type: ignore[no-untyped-def]
    try:
        import gettext

        import pycountry
    except ImportError:  # the table above still covers the forum's usual countries
        return
    translations = []
    for language in ("ru", "kk"):
        try:
            translations.append(
                gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
            )
        except OSError:
            continue
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        names = [
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        for name in names:
            add(name, alpha2)
            for translation in translations:
                if name:
                    add(translation.gettext(name), alpha2)
        add(alpha2, alpha2)
        add(country.alpha_3, alpha2)


@functools.cache
def _english(alpha2: str) -> str:
    if alpha2 in PREFERRED:
        return PREFERRED[alpha2]
    try:
        import pycountry
    except ImportError:
        return alpha2
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return alpha2
    return str(getattr(country, "common_name", None) or country.name)


def normalize_country(text: str | None) -> str | None:
    """The directory's name for the country `text` names, or `text` itself if none fits."""
    if not text:
        return None
    alpha2 = _names().get(country_key(text))
    return _english(alpha2) if alpha2 else text


@functools.cache
def _russian(alpha2: str) -> str | None:
    names = _EXTRA_NAMES.get(alpha2)
    if names:
        return names[0]  # each list starts with the short Russian name
    try:
        import gettext

        import pycountry
    except ImportError:
        return None
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return None
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return None
    name = getattr(country, "common_name", None) or country.name
    translated = translation.gettext(name)
    return translated if translated != name else None


def country_name(text: str | None, lang: str) -> str | None:
    """The country `text` names, as a list in `lang` ("ru" or "en") writes it.

    The directory keeps countries in English; a Russian handout says "Казахстан". A name that
    matches no country is kept as written.
    """
    if not text:
        return text
    alpha2 = _names().get(country_key(text))
    if alpha2 is None:
        return text
    if lang == "ru":
        return _russian(alpha2) or text
    return _english(alpha2)
