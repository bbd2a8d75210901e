"""Finding the header row and mapping columns to fields; saved mappings (profiles).

Headers arrive in Russian, Kazakh or English, with any case, spacing and punctuation ("Эл. почта",
"E-mail", "Email address"): both sides are squashed to lower-case letters and digits before they
are compared. The header row is the first of the sheet's first rows that names known fields, so a
title row or merged cells above it do no harm. A profile is a mapping saved under a name, as a
JSON file in a folder the caller names (services.profiles keeps them in the user's data folder),
for the next file of the same shape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from forumdesk.core.errors import NotFoundError, StorageError, ValidationError
from forumdesk.core.i18n import N_, _, gettext
from forumdesk.io.output_files import output_file
from forumdesk.io.tables import RawTable

IGNORE = "ignore"
HEADER_SEARCH_ROWS = 30
# The kinds of import, as messages name them ("for attendees files, not programme")
IMPORT_KINDS = (N_("attendees"), N_("programme"))

# Field -> what people write above such a column. Compared squashed (see header_key).
PEOPLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "ФИО",
        "Ф.И.О.",
        "Фамилия Имя Отчество",
        "Фамилия, имя, отчество",
        "Фамилия и имя",
        "Имя и фамилия",
        "Участник",
        "ФИО участника",
        "Full name",
        "Name",
        "Participant",
        "Attendee",
        "Your name",
        "Name and surname",
        "Аты-жөні",
        "Толық аты-жөні",
        "Аты жөні",
        "Фамилия имя",
    ),
    "family_name": ("Фамилия", "Last name", "Family name", "Surname", "Lastname", "Тегі"),
    "given_name": ("Имя", "First name", "Given name", "Firstname", "Forename", "Аты"),
    "patronymic": ("Отчество", "Patronymic", "Middle name", "Әкесінің аты", "Әкесінің есімі"),
    "organization": (
        "Организация",
        "Наименование организации",
        "Место работы",
        "Компания",
        "Ведомство",
        "Учреждение",
        "Organization",
        "Organisation",
        "Company",
        "Affiliation",
        "Institution",
        "Employer",
        "Ұйым",
        "Мекеме",
        "Жұмыс орны",
        "Ұйымның атауы",
    ),
    "position": (
        "Должность",
        "Позиция",
        "Position",
        "Job title",
        "Title",
        "Role",
        "Post",
        "Лауазымы",
        "Лауазым",
    ),
    "country": ("Страна", "Country", "Ел", "Мемлекет", "Страна проживания", "Country of residence"),
    "sector": (
        "Сектор",
        "Тип организации",
        "Категория",
        "Sector",
        "Category",
        "Organisation type",
        "Organization type",
        "Сала",
    ),
    "gender": ("Пол", "Gender", "Sex", "Жынысы"),
    "email": (
        "Эл. почта",
        "Электронная почта",
        "E-mail",
        "Email",
        "Email address",
        "E-mail address",
        "Mail",
        "Почта",
        "Адрес электронной почты",
        "Emailадрес",
        "Электрондық пошта",
        "Эл. пошта",
        "Пошта",
    ),
    "phone": (
        "Телефон",
        "Тел.",
        "Моб. телефон",
        "Мобильный телефон",
        "Контактный телефон",
        "Номер телефона",
        "Phone",
        "Phone number",
        "Mobile",
        "Telephone",
        "Tel",
        "Телефон нөмірі",
        "Ұялы телефон",
    ),
    "language": ("Язык", "Язык общения", "Language", "Тіл"),
    "notes": (
        "Примечание",
        "Примечания",
        "Комментарий",
        "Комментарии",
        "Notes",
        "Note",
        "Comment",
        "Comments",
        "Remarks",
        "Ескерту",
        "Түсініктеме",
    ),
    "sessions": (
        "Сессии",
        "Сессия",
        "Секция",
        "Секции",
        "Мероприятия",
        "Sessions",
        "Session",
        "Sessions to attend",
        "Сессиялар",
        "Секциялар",
    ),
    "unavailable": (
        "Недоступен",
        "Недоступна",
        "Недоступность",
        "Не может",
        "Не сможет",
        "Занят",
        "Занята",
        "Когда не может",
        "Unavailable",
        "Not available",
        "Unavailable times",
        "Unavailable periods",
        "Unavailability",
        "Busy",
        "Бос емес",
    ),
}

PROGRAMME_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("Код", "Код сессии", "№", "No", "Nr", "Code", "Session code", "ID", "Коды"),
    "title": (
        "Название",
        "Название сессии",
        "Тема",
        "Наименование",
        "Сессия",
        "Title",
        "Session",
        "Session title",
        "Topic",
        "Name",
        "Атауы",
        "Тақырып",
    ),
    "kind": ("Тип", "Формат", "Вид", "Kind", "Type", "Format", "Түрі"),
    "track": ("Трек", "Направление", "Тематика", "Track", "Stream", "Theme", "Бағыт"),
    "date": ("Дата", "День", "Date", "Day", "Күні", "Күн"),
    "time": ("Время", "Time", "Уақыты", "Уақыт"),
    "start": ("Начало", "Время начала", "С", "Start", "Starts", "Start time", "From", "Басталуы"),
    "end": (
        "Окончание",
        "Конец",
        "Время окончания",
        "До",
        "End",
        "Ends",
        "End time",
        "To",
        "Аяқталуы",
    ),
    "room": (
        "Зал",
        "Аудитория",
        "Помещение",
        "Место",
        "Место проведения",
        "Room",
        "Hall",
        "Venue",
        "Location",
        "Зал атауы",
    ),
    "moderators": (
        "Модератор",
        "Модераторы",
        "Moderator",
        "Moderators",
        "Chair",
        "Chairs",
        "Модератор (e-mail)",
        "Модераторы (e-mail)",
        "Moderator (e-mail)",
    ),
    "co_moderators": (
        "Сомодератор",
        "Сомодераторы",
        "Со-модератор",
        "Co-moderator",
        "Co-moderators",
        "Co-chair",
    ),
    "speakers": (
        "Спикер",
        "Спикеры",
        "Докладчик",
        "Докладчики",
        "Выступающие",
        "Speaker",
        "Speakers",
        "Спикеры (e-mail)",
        "Speakers (e-mail)",
        "Баяндамашылар",
    ),
    "panelists": (
        "Панелист",
        "Панелисты",
        "Эксперты",
        "Panelist",
        "Panelists",
        "Panellists",
        "Panel",
    ),
    "rapporteurs": ("Докладчик-рапортёр", "Рапортёр", "Секретарь", "Rapporteur", "Rapporteurs"),
    "description": ("Описание", "Аннотация", "Description", "Abstract", "Summary", "Сипаттамасы"),
    "expected_audience": (
        "Ожидаемое число участников",
        "Число участников",
        "Аудитория (чел.)",
        "Expected audience",
        "Audience",
        "Attendance",
    ),
    "duration": (
        "Длительность",
        "Продолжительность",
        "Длительность (мин)",
        "Длительность, мин",
        "Минут",
        "Duration",
        "Duration (min)",
        "Length",
        "Length (min)",
        "Minutes",
    ),
}

# When no synonym matches, a header containing one of these (squashed) names the field:
# "Which sessions will you attend?", "Модератор (ФИО, e-mail)", "Your e-mail address".
_PEOPLE_KEYWORDS = (
    ("email", "email"),
    ("почт", "email"),
    ("пошта", "email"),
    ("телефон", "phone"),
    ("phone", "phone"),
    ("session", "sessions"),
    ("сесси", "sessions"),
    ("секци", "sessions"),
    ("фио", "full_name"),
    ("фамилия", "family_name"),
    ("отчество", "patronymic"),
    ("организац", "organization"),
    ("organi", "organization"),
    ("должност", "position"),
    ("country", "country"),
    ("стран", "country"),
    ("unavailab", "unavailable"),
    ("notavailab", "unavailable"),
    ("недоступ", "unavailable"),
    ("неможет", "unavailable"),
)
_PROGRAMME_KEYWORDS = (
    ("сомодератор", "co_moderators"),
    ("comoderator", "co_moderators"),
    ("модератор", "moderators"),
    ("moderator", "moderators"),
    ("спикер", "speakers"),
    ("speaker", "speakers"),
    ("докладчик", "speakers"),
    ("панелист", "panelists"),
    ("panel", "panelists"),
    ("название", "title"),
    ("title", "title"),
    ("зал", "room"),
    ("room", "room"),
    ("дата", "date"),
    ("начал", "start"),
    ("окончан", "end"),
)

FIELD_LABELS: dict[str, str] = {
    "full_name": "full name",
    "family_name": "family name",
    "given_name": "given name",
    "patronymic": "patronymic",
    "organization": "organisation",
    "position": "position",
    "country": "country",
    "sector": "sector",
    "gender": "gender",
    "email": "e-mail",
    "phone": "phone",
    "language": "language",
    "notes": "notes",
    "sessions": "sessions",
    "unavailable": "unavailable",
    "code": "code",
    "title": "title",
    "kind": "kind",
    "track": "track",
    "date": "date",
    "time": "time (start–end)",
    "start": "start",
    "end": "end",
    "room": "room",
    "moderators": "moderators",
    "co_moderators": "co-moderators",
    "speakers": "speakers",
    "panelists": "panelists",
    "rapporteurs": "rapporteurs",
    "description": "description",
    "expected_audience": "expected audience",
    "duration": "length (minutes)",
    IGNORE: "(ignore)",
}

_NOT_WORD = re.compile(r"[\W_]+")


def header_key(text: str) -> str:
    """Lower-case letters and digits only, ё as е: "Эл. почта" -> "элпочта"."""
    return _NOT_WORD.sub("", text.casefold().replace("ё", "е"))


def synonyms_for(kind: str) -> dict[str, tuple[str, ...]]:
    if kind == "attendees":
        return PEOPLE_SYNONYMS
    if kind == "programme":
        return PROGRAMME_SYNONYMS
    raise ValueError(f"unknown import kind {kind!r}")


def _lookup(kind: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, words in synonyms_for(kind).items():
        for word in (name, FIELD_LABELS.get(name, name), *words):
            found.setdefault(header_key(word), name)
    return found


_LOOKUPS = {kind: _lookup(kind) for kind in ("attendees", "programme")}


def guess_field(header: str, kind: str) -> str | None:
    """The field a column header names, or None."""
    key = header_key(header)
    if not key:
        return None
    found = _LOOKUPS[kind].get(key)
    if found:
        return found
    keywords = _PEOPLE_KEYWORDS if kind == "attendees" else _PROGRAMME_KEYWORDS
    for word, name in keywords:
        if word in key:
            return name
    return None


def parse_field(value: str, kind: str) -> str:
    """A field named by the user (--map "Column=field"): its name, label or any synonym."""
    if (
        header_key(value) in {"", "ignore", "skip", "none", "пропустить", "игнорировать"}
        or value.strip() == "-"
    ):
        return IGNORE
    found = _LOOKUPS[kind].get(header_key(value))
    if found is None:
        names = ", ".join(synonyms_for(kind))
        raise ValidationError(
            _(
                "'{value}' is not a field forumdesk can import; use one of: {fields}, or ignore."
            ).format(value=value, fields=names),
            field="map",
        )
    return found


# --- the header row and the mapping -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which table row is the header and what each column holds."""

    header_row: int  # the row number as the user sees it
    header_index: int  # its index in RawTable.rows
    headers: tuple[str, ...]  # the header cells, as written
    fields: dict[int, str]  # column index -> field (ignored columns absent)

    def column_of(self, field_name: str) -> int | None:
        for index, name in self.fields.items():
            if name == field_name:
                return index
        return None

    def header_of(self, index: int) -> str:
        text = self.headers[index].strip() if index < len(self.headers) else ""
        return text or column_letter(index)

    def as_profile_columns(self) -> dict[str, str]:
        return {self.header_of(i): name for i, name in sorted(self.fields.items())}


def column_letter(index: int) -> str:
    """0 -> "A", 26 -> "AA": how Excel names a column without a header."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def map_columns(
    table: RawTable,
    kind: str,
    *,
    overrides: Mapping[str, str] | None = None,
    header_row: int | None = None,
) -> ColumnMapping | None:
    """Find the header row (or take `header_row`) and map its columns; None when none fits.

    `overrides` maps a column (its header as written, or its letter) to a field or "ignore";
    they win over the synonyms.
    """
    wanted = {header_key(k): parse_field(v, kind) for k, v in (overrides or {}).items()}
    if header_row is not None:
        for index, (number, cells) in enumerate(table.rows):
            if number == header_row:
                return _mapping(table, index, cells, kind, wanted)
        raise ValidationError(
            _("Row {row} of {table} is empty or missing; it cannot be the header.").format(
                row=header_row, table=table.label
            ),
            field="header_row",
        )
    for index, (_number, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        mapping = _mapping(table, index, cells, kind, wanted)
        recognised = len(mapping.fields)
        filled = sum(1 for c in cells if c.strip())
        if recognised >= 2 or (recognised == 1 and filled == 1 and _names_a_key(mapping, kind)):
            return mapping
    return None


def _names_a_key(mapping: ColumnMapping, kind: str) -> bool:
    """A one-column table counts only when its one column identifies someone or something."""
    keys = {"full_name", "email"} if kind == "attendees" else {"title"}
    return any(name in keys for name in mapping.fields.values())


def _mapping(
    table: RawTable, index: int, cells: Sequence[str], kind: str, wanted: Mapping[str, str]
) -> ColumnMapping:
    fields: dict[int, str] = {}
    taken: set[str] = set()
    # the user's choices first, so a synonym cannot take a field the user gave another column
    for position, cell in enumerate(cells):
        choice = wanted.get(header_key(cell)) if cell.strip() else None
        if choice is None:
            choice = wanted.get(header_key(column_letter(position)))
        if choice is not None:
            if choice != IGNORE and choice not in taken:
                fields[position] = choice
                taken.add(choice)
            fields.setdefault(position, IGNORE)
    for position, cell in enumerate(cells):
        if position in fields or not cell.strip():
            continue
        guess = guess_field(cell, kind)
        if guess is not None and guess not in taken:
            fields[position] = guess
            taken.add(guess)
    number = table.rows[index][0]
    return ColumnMapping(
        header_row=number,
        header_index=index,
        headers=tuple(cells),
        fields={k: v for k, v in sorted(fields.items()) if v != IGNORE},
    )


# --- profiles ---------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportProfile:
    """A saved way of reading one shape of file."""

    name: str
    kind: str = "attendees"
    columns: dict[str, str] = field(default_factory=dict)  # header as written -> field
    sheet: str | None = None
    header_row: int | None = None
    encoding: str | None = None
    delimiter: str | None = None
    name_order: str = "auto"


_PROFILE_NAME = re.compile(r"^[\w .,()\-]{1,80}$")


def _profile_path(folder: Path, name: str) -> Path:
    clean = name.strip()
    if not _PROFILE_NAME.match(clean) or clean.startswith("."):
        raise ValidationError(
            _(
                "'{name}' cannot name a profile; use letters, digits, "
                "spaces, dots and dashes (at most 80)."
            ).format(name=name),
            field="profile",
        )
    return Path(folder) / f"{clean}.json"


def save_profile(folder: Path, profile: ImportProfile) -> Path:
    """Write the profile into `folder` (made if missing), replacing one of the same name."""
    for column, name in profile.columns.items():
        parse_field(name, profile.kind)  # refuse a profile that could not be used
        if not column.strip():
            raise ValidationError(_("A profile's column names cannot be empty."), field="profile")
    path = _profile_path(folder, profile.name)
    data = asdict(profile)
    data["name"] = profile.name.strip()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(
            _("The profile «{name}» could not be saved in {folder}: {reason}.").format(
                name=profile.name, folder=path.parent, reason=exc.strerror or exc
            )
        ) from exc
    try:
        with output_file(path) as temporary:
            temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    except StorageError as exc:
        raise ValidationError(
            _("The profile «{name}» could not be saved: {reason}").format(
                name=profile.name, reason=exc
            )
        ) from exc
    return path


def load_profile(folder: Path, name: str, kind: str | None = None) -> ImportProfile:
    """The profile `name` saved in `folder`; with `kind`, refused if it reads other files."""
    path = _profile_path(folder, name)
    if not path.is_file():
        known = ", ".join(p.name for p in list_profiles(folder, kind)) or _("none yet")
        raise NotFoundError(
            _("There is no import profile «{name}» (saved profiles: {profiles}).").format(
                name=name, profiles=known
            )
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        profile = ImportProfile(
            name=str(data.get("name") or name),
            kind=str(data.get("kind") or "attendees"),
            columns={str(k): str(v) for k, v in (data.get("columns") or {}).items()},
            sheet=data.get("sheet"),
            header_row=data.get("header_row"),
            encoding=data.get("encoding"),
            delimiter=data.get("delimiter"),
            name_order=str(data.get("name_order") or "auto"),
        )
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ValidationError(
            _(
                "The import profile «{name}» ({path}) cannot be read; save it again or delete it."
            ).format(name=name, path=path)
        ) from exc
    if kind is not None and profile.kind != kind:
        raise ValidationError(
            _("The import profile «{name}» is for {kind} files, not {wanted}.").format(
                name=name, kind=gettext(profile.kind), wanted=gettext(kind)
            ),
            field="profile",
        )
    return profile


def list_profiles(folder: Path, kind: str | None = None) -> list[ImportProfile]:
    """The readable profiles saved in `folder` (of one `kind`, when given), by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            profile = load_profile(folder, path.stem)
        except (ValidationError, NotFoundError):
            continue
        if kind is None or profile.kind == kind:
            found.append(profile)
    return found


def delete_profile(folder: Path, name: str) -> None:
    path = _profile_path(folder, name)
    if not path.is_file():
        raise NotFoundError(_("There is no import profile «{name}».").format(name=name))
    path.unlink()
