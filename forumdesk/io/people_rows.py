"""Cleaning one attendee row: names, e-mail, phone, country, sector, sessions.

Each row becomes an AttendeeRow (the person it gives, as forumdesk.core.rows.PersonRow, not stored
yet) or a list of RowProblems naming the row and column. Text is cleaned as everywhere
(forumdesk.core.text.clean); e-mails are lower-cased and checked; phones are written the
international way when they parse (Kazakhstan is the default region) and kept as given when they
do not; countries get one name. A full-name column is split into family, given and patronymic
names: "Family Given Patronymic" for Cyrillic, "Given Family" for Latin, with the obvious
exceptions recognised (a patronymic in the middle, a surname in capitals or with a surname's
ending, a known given name first: "Ivanov Petr Sergeevich", "Елена Пак").
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from forumdesk.core import text, transliteration
from forumdesk.core.countries import stored_country
from forumdesk.core.enums import Gender, Sector
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import N_, _, ngettext
from forumdesk.core.periods import MAX_PERIOD, Period, parse_period, period_parts
from forumdesk.core.rows import PersonRow
from forumdesk.io.given_names import is_given_name
from forumdesk.io.headers import ColumnMapping
from forumdesk.io.person_drafts import new_person
from forumdesk.io.phones import normalize_phone
from forumdesk.io.tables import RowProblem

NAME_ORDERS = ("auto", "family-first", "given-first")

# Column widths of the people table: longer values are refused rather than cut.
LIMITS = {
    "family_name": 200,
    "given_name": 200,
    "patronymic": 200,
    "display_name": 400,
    "organization": 300,
    "position": 400,
    "country": 100,
    "email": 320,
    "phone": 64,
    "language": 16,
    "notes": 20_000,
    "latin_name": 400,
}

_LIST_SPLIT = re.compile(r"[;,\n]+")
_EMAIL_SEPARATORS = re.compile(r"[;,\s]+")

_PATRONYMIC_ENDINGS = (
    "вич",
    "вна",
    "чна",
    "ична",
    "улы",
    "ұлы",
    "кызы",
    "қызы",
    "оглы",
    "vich",
    "vna",
    "ichna",
    "uly",
    "kyzy",
    "ogly",
)
_PATRONYMIC_WORDS = {"улы", "ұлы", "кызы", "қызы", "оглы", "uly", "kyzy", "ogly"}
# Surname endings, strong ones scoring 2, weaker ones (that also end given names) 1
_SURNAME_STRONG = (
    "ов",
    "ова",
    "ев",
    "ева",
    "ёв",
    "ёва",
    "ский",
    "ская",
    "цкий",
    "цкая",
    "енко",
    "швили",
    "дзе",
    "ян",
    "ov",
    "ova",
    "ev",
    "eva",
    "sky",
    "skiy",
    "skaya",
    "enko",
)
_SURNAME_WEAK = ("ин", "ина", "ын", "ына", "ук", "юк", "их", "ых")
# A known given name at the other end counts as much as a strong surname ending: "Марина
# Иванова" (the weak "-ина" against "-ова" and Марина) is given name first.
_GIVEN_NAME_SCORE = 2
_PARTICLES = {
    "van",
    "von",
    "de",
    "da",
    "di",
    "del",
    "della",
    "der",
    "la",
    "le",
    "du",
    "bin",
    "al",
    "el",
    "ibn",
    "dos",
    "das",
}

_LANGUAGES = {
    "русский": "ru",
    "russian": "ru",
    "рус": "ru",
    "английский": "en",
    "english": "en",
    "англ": "en",
    "казахский": "kk",
    "kazakh": "kk",
    "қазақша": "kk",
    "казахский язык": "kk",
    "қазақ тілі": "kk",
    "орыс тілі": "ru",
    "ағылшын тілі": "en",
}

_SECTORS = {
    "государственный орган": "government",
    "государственный": "government",
    "госорган": "government",
    "министерство": "government",
    "гос": "government",
    "международная организация": "intergovernmental",
    "межправительственная": "intergovernmental",
    "бизнес": "business",
    "компания": "business",
    "частный сектор": "business",
    "маркетплейс": "marketplace",
    "правообладатель": "rights_holder",
    "эксперт": "expert",
    "академия": "expert",
    "наука": "expert",
    "сми": "media",
    "пресса": "media",
    "креативная индустрия": "creative_industry",
    "другое": "other",
    "иное": "other",
}


@dataclass(slots=True)  # not frozen, only because that makes one per row three times slower
class AttendeeRow:
    """One row of an attendee list: the person it gives and the sessions it puts them in.

    The person is not stored yet: its id and version are 0, its organisation a name only.
    """

    row: int
    person: PersonRow
    sessions: tuple[str, ...] = ()
    # when they cannot take part (event-local, as written: forumdesk.core.periods)
    unavailable: tuple[Period, ...] = ()
    # what of the row was not used (a period that cannot be read); the row is imported
    warnings: tuple[RowProblem, ...] = ()


# --- names ------------------------------------------------------------------------------------


def _is_patronymic(token: str) -> bool:
    low = token.casefold()
    return len(low) > 4 and low.endswith(_PATRONYMIC_ENDINGS)


def _surname_score(token: str, capitals_tell: bool = True) -> int:
    low = token.casefold().rstrip(".")
    if capitals_tell and len(low) > 3 and token.isupper():
        return 3  # "IVANOV Petr", "John SMITH": capitals mark the family name
    for endings, score in ((_SURNAME_STRONG, 2), (_SURNAME_WEAK, 1)):
        if any(low.endswith(e) and len(low) >= len(e) + 2 for e in endings):
            return score
    return 0


def split_full_name(
    value: str, order: str = "auto", cyrillic_order: str | None = None
) -> tuple[str, str | None, str | None]:
    """(family, given, patronymic) from a full name, in the order its script suggests.

    `order` is "family-first", "given-first" or "auto" (Cyrillic family first, Latin given
    first, with the exceptions a name makes plain). `cyrillic_order`, with "auto", is the order
    for a Cyrillic name that shows none (the order of the file's other names: name_order).
    """
    if "," in value:  # "Ivanov, Petr" / "Иванов, Пётр Сергеевич": the family name first
        family, _, rest = value.partition(",")
        given, patronymic = _given_and_patronymic(rest.split())
        return (text.clean(family) or value.strip(), given, patronymic)
    tokens = value.split()
    if not tokens:
        return ("", None, None)
    if len(tokens) == 1:
        return (tokens[0], None, None)
    if tokens[-1].casefold() in _PATRONYMIC_WORDS and len(tokens) >= 3:
        # "Ахметов Серик Болат ұлы": a two-word Kazakh patronymic
        tokens = [*tokens[:-2], f"{tokens[-2]} {tokens[-1]}"]
    if order == "family-first" or (order == "auto" and _family_first(tokens, cyrillic_order)):
        given, patronymic = _given_and_patronymic(tokens[1:])
        return (tokens[0], given, patronymic)
    if len(tokens) == 3 and _is_patronymic(tokens[1]):
        return (tokens[2], tokens[0], tokens[1])  # "Пётр Сергеевич Иванов"
    return _given_first(tokens)


def _family_first(tokens: Sequence[str], cyrillic_order: str | None = None) -> bool:
    shown = name_order_shown(tokens)
    if shown is not None:
        return shown
    if text.is_cyrillic(" ".join(tokens)):
        return cyrillic_order != "given-first"
    return False


def name_order_shown(tokens: Sequence[str]) -> bool | None:
    """Whether a name's words show the family name first (True), last (False), or neither."""
    if _is_patronymic(tokens[-1]) and len(tokens) >= 3:
        return True
    if len(tokens) == 3 and _is_patronymic(tokens[1]):
        return False
    # each end's evidence of being the family name: its ending, and the other end being a
    # known given name ("Елена Пак", "Арман Пак": the given name first)
    # capitals mark the family name only where the other words are not in capitals too
    # ("JULIUS MAADA BIO" is a whole name in capitals, not a family name first)
    capitals_tell = not all(token.isupper() for token in tokens)
    first = _surname_score(tokens[0], capitals_tell) + _GIVEN_NAME_SCORE * is_given_name(tokens[-1])
    last = _surname_score(tokens[-1], capitals_tell) + _GIVEN_NAME_SCORE * is_given_name(tokens[0])
    if first != last:
        return first > last
    return None


def _given_and_patronymic(tokens: Sequence[str]) -> tuple[str | None, str | None]:
    if not tokens:
        return (None, None)
    if len(tokens) == 1:
        return (tokens[0], None)
    return (tokens[0], " ".join(tokens[1:]))


def _given_first(tokens: Sequence[str]) -> tuple[str, str | None, str | None]:
    """ "Given [Middle] Family", a particle starting the family name: "Ludwig van Beethoven"."""
    start = len(tokens) - 1
    for index in range(1, len(tokens) - 1):
        if tokens[index].casefold() in _PARTICLES:
            start = index
            break
    return (" ".join(tokens[start:]), " ".join(tokens[:start]) or None, None)


# --- single values ----------------------------------------------------------------------------


def normalize_sector(value: str) -> Sector:
    mapped = _SECTORS.get(value.casefold().replace("ё", "е"), value)
    return text.vocabulary(Sector, mapped, N_("sector"), "sector")  # type: ignore[return-value]


# what spreadsheets write for a gender, beyond the vocabulary's own words
_GENDERS = {
    "ж": "female",
    "жен": "female",
    "женский": "female",
    "f": "female",
    "w": "female",
    "woman": "female",
    "м": "male",
    "муж": "male",
    "мужской": "male",
    "m": "male",
    "man": "male",
    "другой": "another",
    "other": "another",
}


def normalize_gender(value: str) -> Gender:
    mapped = _GENDERS.get(value.strip().casefold().rstrip("."), value)
    return text.vocabulary(Gender, mapped, N_("gender"), "gender")  # type: ignore[return-value]


def normalize_language(value: str) -> str:
    return _LANGUAGES.get(value.casefold(), value)


def read_periods(value: str) -> tuple[list[Period], list[str]]:
    """The periods an "unavailable" cell lists, and a message for each part that is not one.

    Each part (separated by ";" or a new line) is read on its own, so one mistyped period
    costs only itself.
    """
    periods: list[Period] = []
    messages: list[str] = []
    for part in period_parts(value):
        try:
            start, end = parse_period(part)
        except ValidationError as exc:
            messages.append(_("{reason} It was not imported.").format(reason=exc.message))
            continue
        if end - start > MAX_PERIOD:
            messages.append(
                _("the period «{period}» lasts more than 62 days; it was not imported.").format(
                    period=part
                )
            )
        elif (start, end) not in periods:
            periods.append((start, end))
    return periods, messages


def split_list(value: str | None) -> tuple[str, ...]:
    """ "S1, S2; S3" -> ("S1", "S2", "S3")."""
    if not value:
        return ()
    return tuple(dict.fromkeys(part.strip() for part in _LIST_SPLIT.split(value) if part.strip()))


# --- a whole row ------------------------------------------------------------------------------

# The fields RowCleaner.clean reads, in the order it unpacks them.
_FIELDS = (
    "family_name",
    "given_name",
    "patronymic",
    "full_name",
    "organization",
    "position",
    "country",
    "email",
    "phone",
    "sector",
    "language",
    "notes",
    "sessions",
    "latin_name",
    "gender",
)


def _tidy(joined: str) -> bool:
    """Whether text.clean would leave every cell of a row as it is (but for "" becoming None).

    `joined` is the row's cells joined by "|": one look at it instead of one per cell. It must be
    printable text without double spaces, and no cell may start or end with a space (a "|"
    beside a space in a cell only sends the row the long way).
    """
    return (
        joined.isprintable()
        and "  " not in joined
        and " |" not in joined
        and "| " not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
    )


class RowCleaner:
    """Turns a table's rows into AttendeeRows; built once per import for speed.

    Thousands of rows go through here, so the usual row takes the short way: its cells are
    checked as tidy in one look (_tidy) instead of cleaned one by one, countries and phones are
    cleaned once per distinct value, and a row that breaks no limit is told from its longest
    cell without measuring each field (_fits). Each short cut gives what the long way would.
    """

    def __init__(
        self,
        mapping: ColumnMapping,
        sheet: str | None,
        *,
        name_order: str = "auto",
        cyrillic_order: str | None = None,
    ) -> None:
        if name_order not in NAME_ORDERS:
            raise ValidationError(
                _("The name order must be one of {orders}.").format(orders=", ".join(NAME_ORDERS)),
                field="name_order",
            )
        self.mapping = mapping
        self.sheet = sheet
        self.name_order = name_order
        self.cyrillic_order = cyrillic_order  # see split_full_name
        self.columns = {name: index for index, name in mapping.fields.items()}
        self._mapped = tuple(self.columns.values())
        # A row's fields in one call: each field's column, or for a field no column holds the
        # last cell, a "" clean() puts after the row's own (with more "" if the row is short).
        self._fields_of = operator.itemgetter(*(self.columns.get(name, -1) for name in _FIELDS))
        self._width = max(self._mapped, default=-1) + 1  # of a row holding every mapped column
        # read from the raw cell: cleaning would join its lines, and lines separate periods
        self._unavailable = self.columns.get("unavailable")
        self._phones: dict[str, str] = {}
        self._countries: dict[str, str] = {}  # a list names few countries, many times
        # set by look_at_table: every row is tidy (_tidy) and no cell is long
        self._table_tidy = False

    def look_at_table(self, rows: Iterable[Sequence[str]]) -> None:
        """Look at all the rows `clean` will be given at once, so that each row is spared two
        checks where the whole table passes them: that every cell is as text.clean leaves it
        (_tidy of all the cells joined, which is exactly every row's _tidy) and that no cell is
        longer than _LONGEST_UNCHECKED. One look at 20,000 rows costs half of looking at each.
        """
        rows = list(rows)
        cells = list(chain.from_iterable(rows))
        self._table_tidy = (not cells or max(map(len, cells)) <= _LONGEST_UNCHECKED) and _tidy(
            "|".join(cells)
        )
        at = self.columns.get("phone")
        if self._table_tidy and at is not None:
            # Each number written once, together: phonenumbers' code stays in the processor's
            # cache instead of being fetched again for each foreign number between other work.
            # A tidy table's cells are what clean takes them for.
            written = {row[at] for row in rows if len(row) > at and row[at]}
            self._phones.update({number: normalize_phone(number) for number in written})

    def problem(self, row: int, field_name: str | None, message: str) -> RowProblem:
        column = None
        if field_name is not None and field_name in self.columns:
            column = self.mapping.header_of(self.columns[field_name])
        return RowProblem(self.sheet, row, column, message)

    def clean(self, row: int, cells: Sequence[str]) -> AttendeeRow | list[RowProblem] | None:
        """The row's person, its problems, or None for a row with nothing in mapped columns."""
        width = len(cells)
        tidy = self._table_tidy
        if tidy or _tidy("|".join(cells)):  # the usual row: every cell as text.clean leaves it
            values: Sequence[str | None] = cells
        else:
            cleaned: list[str | None] = list(cells)
            for index in self._mapped:
                if index < width:
                    cleaned[index] = text.clean(cleaned[index])
            values = cleaned
        short = self._width - width
        (
            family,
            given,
            patronymic,
            full,
            organization,
            position,
            country,
            email,
            phone,
            sector,
            language,
            notes,
            sessions,
            latin,
            gender,
        ) = self._fields_of([*values, ""] if short <= 0 else [*values, *[""] * (short + 1)])
        # an empty field is "" or None here; None once in the row
        if not (
            family
            or given
            or patronymic
            or full
            or organization
            or position
            or country
            or email
            or phone
            or sector
            or language
            or notes
            or sessions
            or latin
            or gender
        ) and not any(values[index] for index in self._mapped if index < width):
            return None
        problems: list[RowProblem] = []
        family, given, patronymic = self._names(family, given, patronymic, full)
        if not family:
            field_name = "family_name" if "family_name" in self.columns else "full_name"
            if field_name not in self.columns:
                field_name = None  # type: ignore[assignment]
            problems.append(self.problem(row, field_name, _("the name is missing.")))
        if country:
            known = self._countries.get(country)
            country = (
                known
                if known is not None
                else self._countries.setdefault(country, stored_country(country) or country)
            )
        if phone:
            cached = self._phones.get(phone)
            phone = (
                cached
                if cached is not None
                else self._phones.setdefault(phone, normalize_phone(phone))
            )
        email = self._email(row, email, problems) if email else None
        sector_value = None
        if sector:
            try:
                sector_value = normalize_sector(sector)
            except ValidationError as exc:
                problems.append(self.problem(row, "sector", exc.message))
        gender_value = None
        if gender:
            try:
                gender_value = normalize_gender(gender)
            except ValidationError as exc:
                problems.append(self.problem(row, "gender", exc.message))
        family = family or ""
        given, patronymic = given or None, patronymic or None
        parts = text.default_display_parts(family, given, patronymic)
        display = " ".join(parts)
        person = new_person(
            family,
            given,
            patronymic,
            display,
            organization or None,
            position or None,
            country or None,
            sector_value,
            email,
            phone or None,
            normalize_language(language) if language else None,
            notes or None,
            latin_name=latin or transliteration.latin_name_of_parts(parts),
            gender=gender_value,
        )
        if (not tidy and max(map(len, cells), default=0) > _LONGEST_UNCHECKED) or not _fits(person):
            self._check_lengths(row, person, problems)
        if problems:
            return problems
        attendee = AttendeeRow(row, person, split_list(sessions) if sessions else ())
        at = self._unavailable
        if at is not None and at < width and cells[at] and not cells[at].isspace():
            periods, messages = read_periods(cells[at])
            attendee.unavailable = tuple(periods)
            attendee.warnings = tuple(self.problem(row, "unavailable", m) for m in messages)
        return attendee

    def _names(
        self, family: str | None, given: str | None, patronymic: str | None, full: str | None
    ) -> tuple[str | None, str | None, str | None]:
        if full and not family:
            split_family, split_given, split_patronymic = split_full_name(
                full, self.name_order, self.cyrillic_order
            )
            family = split_family or None
            given = given or split_given
            patronymic = patronymic or split_patronymic
        elif not family and given:
            # only a given name: keep the person, named by what there is
            family, given = given, None
        return family, given, patronymic

    def _email(self, row: int, value: str, problems: list[RowProblem]) -> str | None:
        """The row's e-mail address, or None with a problem noted."""
        candidate = value
        if ":" in candidate and candidate[:7].lower() == "mailto:":
            candidate = candidate[7:]
        if "<" in candidate and ">" in candidate:  # "Иван Петров <ivan@example.kz>"
            candidate = candidate[candidate.index("<") + 1 : candidate.rindex(">")]
        if (
            candidate.isprintable()
            and " " not in candidate
            and ";" not in candidate
            and "," not in candidate
        ):
            # one address, and nothing text.clean would change: the usual cell, and what
            # normalize_email gives it, but for its error message on a bad one (below)
            address = candidate.lower()
            if address and text.is_email(address):
                return address
            parts = [candidate] if candidate else []
        else:
            parts = [p for p in _EMAIL_SEPARATORS.split(candidate) if p]
        if not parts:
            return None
        try:
            email = text.normalize_email(parts[0])
        except ValidationError as exc:
            problems.append(self.problem(row, "email", exc.message))
            return None
        if len(parts) > 1:
            problems.append(
                self.problem(
                    row,
                    "email",
                    _("holds several e-mail addresses ({emails}); keep one per person.").format(
                        emails=value
                    ),
                )
            )
        return email

    def _check_lengths(self, row: int, person: PersonRow, problems: list[RowProblem]) -> None:
        for name, limit in LIMITS.items():
            value: str | None = getattr(person, name)
            if value is not None and len(value) > limit:
                field_name = (
                    name
                    if name in self.columns
                    else (
                        "full_name"
                        if name in {"family_name", "given_name", "patronymic", "display_name"}
                        else None
                    )
                )
                problems.append(self.problem(row, field_name, too_long(len(value), limit)))


def too_long(length: int, limit: int) -> str:
    """The row problem of a value longer than its column holds."""
    return ngettext(
        "the value is too long ({length} characters; at most {limit}).",
        "the value is too long ({length} characters; at most {limit}).",
        length,
    ).format(length=length, limit=limit)


# Names, organisation, position and notes are cut from one cell and never longer than it: a row
# whose cells are all this short cannot break their limits.
_LONGEST_UNCHECKED = min(
    LIMITS[name]
    for name in ("family_name", "given_name", "patronymic", "organization", "position", "notes")
)


def _fits(person: PersonRow) -> bool:
    """Whether the values cleaning may lengthen (or whose limit is short) fit their columns."""
    return (
        (person.country is None or len(person.country) <= LIMITS["country"])
        and (person.email is None or len(person.email) <= LIMITS["email"])
        and (person.phone is None or len(person.phone) <= LIMITS["phone"])
        and (person.language is None or len(person.language) <= LIMITS["language"])
        and len(person.display_name) <= LIMITS["display_name"]
        and (person.latin_name is None or len(person.latin_name) <= LIMITS["latin_name"])
    )
