"""Synthetic attendees, and the attendee spreadsheet an organiser would receive for them.

`synthetic_people(count, seed)` is deterministic and a prefix of any longer list with the same
seed: the spreadsheet of a size's people (`write_attendee_xlsx(path, rows=5000)`) holds exactly
the people the generator put into the L database. About 85 % have Cyrillic names (family name,
given name and, mostly, a patronymic), the rest Latin names; every one has a unique e-mail.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench import pools
from forumdesk.core import text
from forumdesk.core.enums import Sector

ATTENDEE_HEADER = (
    "Фамилия",
    "Имя",
    "Отчество",
    "Организация",
    "Должность",
    "Страна",
    "Эл. почта",
    "Телефон",
)
LATIN_SHARE = 0.15
COMPANY_SHARE = 0.45  # of Cyrillic-named people: from one of the many smaller firms
_FOREIGN_ORG_COUNTRIES = {
    "Switzerland",
    "Belgium",
    "France",
    "Spain",
    "Austria",
    "Luxembourg",
    "United States",
    "Germany",
    "United Kingdom",
    "China",
}
_TRANSLIT = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "ә": "a",
        "ғ": "g",
        "қ": "k",
        "ң": "n",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "і": "i",
        "ü": "u",
        "ö": "o",
        "ä": "a",
        "é": "e",
        "è": "e",
        "ç": "c",
        "ş": "s",
        "ı": "i",
        "ğ": "g",
        "'": "",
    }
)


@dataclass(frozen=True, slots=True)
class OrganizationSpec:
    name: str
    sector: Sector
    country: str
    domain: str


@dataclass(frozen=True, slots=True)
class PersonSpec:
    family_name: str
    given_name: str
    patronymic: str | None
    organization: OrganizationSpec
    position: str
    country: str  # in English, as the directory keeps it
    email: str
    phone: str | None
    language: str

    @property
    def display_name(self) -> str:
        return text.default_display_name(self.family_name, self.given_name, self.patronymic)

    @property
    def country_ru(self) -> str:
        """The country as a Russian-language attendee list writes it."""
        return pools.COUNTRY_IN_RUSSIAN.get(self.country, self.country)


def transliterate(value: str) -> str:
    return value.lower().translate(_TRANSLIT)


def _companies() -> list[OrganizationSpec]:
    """The smaller firms: a fixed list, whatever the number of people, so prefixes agree."""
    found = []
    for n, stem in enumerate(pools.COMPANY_STEMS):
        for m, trade in enumerate(pools.COMPANY_TRADES):
            form, country = pools.COMPANY_FORMS[(n + m) % len(pools.COMPANY_FORMS)]
            sector = pools.COMPANY_SECTORS[(n * 7 + m) % len(pools.COMPANY_SECTORS)]
            domain = f"{transliterate(stem + trade).replace(' ', '')}.kz"
            found.append(OrganizationSpec(f"{form} «{stem} {trade}»", sector, country, domain))
    return found


KNOWN_ORGS = [OrganizationSpec(*spec) for spec in pools.ORGANIZATIONS]
FOREIGN_ORGS = [o for o in KNOWN_ORGS if o.country in _FOREIGN_ORG_COUNTRIES]
COMPANIES = _companies()


def feminine(family: str) -> str:
    """The female form of a Russian or Kazakh family name: Иванов -> Иванова."""
    if family.endswith(("ов", "ев", "ёв", "ин")):
        return family + "а"
    if family.endswith("ий"):
        return family[:-2] + "ая"
    return family


def patronymic(father: str, female: bool) -> str:
    """Сергей -> Сергеевич / Сергеевна; Юрий -> Юрьевич; Пётр -> Петрович; Нурлан -> Нурланович."""
    if father == "Пётр":
        stem, soft = "Петр", False
    elif father.endswith("ий"):
        stem, soft = father[:-2] + "ь", True
    elif father.endswith(("ей", "ай")):
        stem, soft = father[:-1], True
    else:
        stem, soft = father, False
    suffix = ("евна" if female else "евич") if soft else ("овна" if female else "ович")
    return stem + suffix


def _phone(rng: random.Random, country: str) -> str | None:
    if country == "Kazakhstan":
        operator = rng.choice(("701", "702", "705", "707", "747", "771", "775", "777"))
        return (
            f"+7 {operator} {rng.randrange(100, 1000)} {rng.randrange(10, 100)} "
            f"{rng.randrange(10, 100)}"
        )
    if country == "Russia":
        return (
            f"+7 9{rng.randrange(10, 100)} {rng.randrange(100, 1000)} "
            f"{rng.randrange(10, 100)} {rng.randrange(10, 100)}"
        )
    if rng.random() < 0.5:
        return None
    code = {
        "Kyrgyzstan": "+996 555",
        "Uzbekistan": "+998 90",
        "Belarus": "+375 29",
        "Armenia": "+374 91",
        "Tajikistan": "+992 93",
        "United Kingdom": "+44 20",
        "United States": "+1 202",
        "Germany": "+49 30",
        "France": "+33 1",
        "Switzerland": "+41 22",
        "China": "+86 10",
        "Turkey": "+90 212",
    }.get(country, "+7 717")
    return f"{code} {rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"


def synthetic_people(count: int, seed: int = 1) -> list[PersonSpec]:
    """`count` attendees; the same seed always gives the same people in the same order."""
    return list(_people(count, seed))


def _people(count: int, seed: int) -> Iterator[PersonSpec]:
    rng = random.Random(f"forumdesk-bench-people:{seed}")
    countries = [c for c, _ru, _w in pools.CYRILLIC_COUNTRIES]
    weights = [w for _c, _ru, w in pools.CYRILLIC_COUNTRIES]
    latin_countries = sorted(pools.LATIN)
    taken: dict[str, int] = {}
    for _ in range(count):
        if rng.random() < LATIN_SHARE:
            country = rng.choice(latin_countries)
            given_pool, family_pool = pools.LATIN[country]
            given, family, middle = rng.choice(given_pool), rng.choice(family_pool), None
            org = rng.choice(FOREIGN_ORGS)
            position = rng.choice(pools.POSITIONS_EN)
            language = pools.LANGUAGE_OF_COUNTRY.get(country, "en")
        else:
            country = rng.choices(countries, weights)[0]
            female = rng.random() < 0.5
            given = rng.choice(pools.FEMALE_GIVEN if female else pools.MALE_GIVEN)
            family = rng.choice(pools.FAMILY_NAMES)
            family = feminine(family) if female else family
            middle = patronymic(rng.choice(pools.FATHERS), female) if rng.random() < 0.9 else None
            org = rng.choice(COMPANIES) if rng.random() < COMPANY_SHARE else rng.choice(KNOWN_ORGS)
            position = rng.choice(pools.POSITIONS_RU)
            language = "kk" if country == "Kazakhstan" and rng.random() < 0.2 else "ru"
        local = f"{transliterate(given)[:1]}.{transliterate(family)}".replace(" ", "")
        address = f"{local}@{org.domain}"
        # the same name at the same organisation: number the later ones, as mail servers do
        seen = taken.get(address, 0)
        taken[address] = seen + 1
        if seen:
            address = f"{local}{seen + 1}@{org.domain}"
        yield PersonSpec(
            family, given, middle, org, position, country, address, _phone(rng, country), language
        )


def attendee_row(person: PersonSpec) -> tuple[str | None, ...]:
    """One row under ATTENDEE_HEADER."""
    return (
        person.family_name,
        person.given_name,
        person.patronymic,
        person.organization.name,
        person.position,
        person.country_ru,
        person.email,
        person.phone,
    )


def write_attendee_xlsx(path: Path | str, rows: int = 20_000, *, seed: int = 1) -> Path:
    """An attendee list as organisers send it: one sheet, Russian headers, eight columns.

    Written with openpyxl's write-only mode (a 20,000-row file takes a few seconds). The rows are
    synthetic_people(rows, seed): the same people a generated event of that seed holds.
    """
    from openpyxl import Workbook

    target = Path(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Участники")
    sheet.append(list(ATTENDEE_HEADER))
    for person in synthetic_people(rows, seed):
        sheet.append(list(attendee_row(person)))
    workbook.save(target)
    return target
