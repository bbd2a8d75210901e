"""Countries as ISO 3166 alpha-2 codes, named in the reader's language.

The directory keeps a country as its alpha-2 code ("KZ") and shows it in the language of whoever
reads it: Kazakhstan, Казахстан, Қазақстан. Staff type and import countries in every form:
"Казахстан", "Kazakhstan", "Қазақстан", "РК", "KZ", "KAZ". A table of the names staff meet most
(Russian, Kazakh, English, official forms and abbreviations) comes first; pycountry adds every
ISO 3166 country with its codes and, through its gettext catalogues, its Russian and Kazakh names.

A name that matches no country is kept as written (free text): it is not an error to come from
somewhere unusual, and such a value is shown as it is, in every language.
"""

from __future__ import annotations

import functools
import gettext
import re

import pycountry

# The languages a country can be named in (the window's and the exports')
LANGUAGES = ("en", "ru", "kk")

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
    """A name squashed for lookup: no case, no spaces or dots, ё as е."""
    return _NOT_WORD.sub("", text.casefold().replace("ё", "е"))


@functools.cache
def _translation(language: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:  # a pycountry without that language: English names
        return gettext.NullTranslations()


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
    translations = [_translation("ru"), _translation("kk")]
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        spellings: tuple[str | None, ...] = (
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        )
        for found_name in spellings:
            if found_name:
                add(found_name, alpha2)
                for translation in translations:
                    add(translation.gettext(found_name), alpha2)
        add(alpha2, alpha2)
        add(country.alpha_3, alpha2)
    return found


@functools.cache
def _known_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


def country_code(text: str | None) -> str | None:
    """The alpha-2 code of the country `text` names (in English, Russian or Kazakh, or a code);
    None when it names none."""
    if not text:
        return None
    return _names().get(country_key(text))


def is_country_code(value: str | None) -> bool:
    """Whether a stored value is a code (else it is a name kept as written)."""
    return value is not None and value in _known_codes()


def stored_country(text: str | None) -> str | None:
    """What the directory keeps for `text`: its country's code, or the text itself if it names
    no country."""
    if not text:
        return None
    return country_code(text) or text


@functools.cache
def _label(alpha2: str, language: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2)
    if language == "en" or country is None:
        if alpha2 in PREFERRED or country is None:
            return PREFERRED.get(alpha2, alpha2)
        return str(getattr(country, "common_name", None) or country.name)
    if language == "ru" and _EXTRA_NAMES.get(alpha2):
        return _EXTRA_NAMES[alpha2][0]  # each list starts with the short Russian name
    name = getattr(country, "common_name", None) or country.name
    return _translation(language).gettext(name)


def country_label(value: str | None, language: str) -> str | None:
    """A stored country as `language` ("en", "ru" or "kk") names it.

    A code becomes its name; a name kept as written (no country matched it) is shown as it is.
    An old-style name ("Kazakhstan") is also shown in `language`.
    """
    if not value:
        return value
    alpha2 = value if is_country_code(value) else country_code(value)
    if alpha2 is None:
        return value
    return _label(alpha2, language if language in LANGUAGES else "en")


@functools.cache
def country_choices(language: str) -> tuple[tuple[str, str], ...]:
    """Every ISO 3166 country as (code, name in `language`), in that language's order."""
    found = [(c.alpha_2, _label(c.alpha_2, language)) for c in pycountry.countries]
    return tuple(sorted(found, key=lambda pair: pair[1].casefold().replace("ё", "е")))
