"""Finding the header row and mapping columns to fields; saved mappings (profiles).

Headers arrive in Russian, Kazakh or English, with any case, spacing and punctuation ("Эл. почта",
"E-mail", "Email address"): both sides are squashed to lower-case letters and digits (and the
number signs № and #) before they are compared; the words themselves are in io.header_words. The
header row is the first of the sheet's first rows that names known fields, so a title row or
merged cells above it do no harm. When two columns fit one field, the one headed with the field's
own words wins over one headed with a weaker word or a keyword (then the leftmost), and the
mapping says which column was set aside (ColumnMapping.set_aside). A profile is a mapping saved
under a name, as a JSON file in a folder the caller names (services.profiles keeps them in the
user's data folder), for the next file of the same shape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from forumdesk.core.errors import NotFoundError, StorageError, ValidationError
from forumdesk.core.i18n import N_, _, gettext
from forumdesk.io.header_words import (
    FIELD_LABELS,
    IGNORE,
    PEOPLE_KEYWORDS,
    PEOPLE_SYNONYMS,
    PROGRAMME_KEYWORDS,
    PROGRAMME_SYNONYMS,
    ROW_NUMBER_HEADERS,
    WEAK_SYNONYMS,
)
from forumdesk.io.output_files import output_file
from forumdesk.io.tables import RawTable

__all__ = [
    "FIELD_LABELS",
    "IGNORE",
    "PEOPLE_SYNONYMS",
    "PROGRAMME_SYNONYMS",
    "ColumnMapping",
    "ImportProfile",
    "SetAside",
    "column_letter",
    "guess_field",
    "header_key",
    "map_columns",
    "parse_field",
    "synonyms_for",
]

HEADER_SEARCH_ROWS = 30
# The kinds of import, as messages name them ("for attendees files, not programme")
IMPORT_KINDS = (N_("attendees"), N_("programme"))

# Everything but letters, digits and the number signs: "№" and "#" head a column on their own
_NOT_WORD = re.compile(r"(?:[^\w№#]|_)+")

# How well a header fits the field guessed for it: the lower, the better (see _mapping)
_OWN_WORD, _WEAK_WORD, _KEYWORD = 0, 1, 2


def header_key(text: str) -> str:
    """Lower-case letters, digits, № and # only, ё as е: "Эл. почта" -> "элпочта"."""
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
_WEAK_KEYS = {
    kind: {header_key(word): name for name, words in fields.items() for word in words}
    for kind, fields in WEAK_SYNONYMS.items()
}
_ROW_NUMBER_KEYS = frozenset(header_key(word) for word in ROW_NUMBER_HEADERS)


def guess_field(header: str, kind: str) -> str | None:
    """The field a column header names, or None."""
    found = _guess(header, kind)
    return found[0] if found else None


def _guess(header: str, kind: str) -> tuple[str, int] | None:
    """The field a header names and how well it fits (_OWN_WORD, _WEAK_WORD, _KEYWORD)."""
    key = header_key(header)
    if not key:
        return None
    found = _LOOKUPS[kind].get(key)
    if found:
        return found, _WEAK_WORD if _WEAK_KEYS[kind].get(key) == found else _OWN_WORD
    keywords = PEOPLE_KEYWORDS if kind == "attendees" else PROGRAMME_KEYWORDS
    for word, name in keywords:
        if word in key:
            return name, _KEYWORD
    return None


def numbers_rows(header: str, kind: str) -> bool:
    """Whether an attendee list's column headed so numbers its rows or registrations ("ID",
    "№ п/п", "Order #"): not imported, but part of the header row."""
    return kind == "attendees" and header_key(header) in _ROW_NUMBER_KEYS


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
class SetAside:
    """A column that fits a field another column was chosen for: it is not imported."""

    column: int  # the column set aside (index)
    field: str
    used: int  # the column that holds the field (index)


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which table row is the header and what each column holds."""

    header_row: int  # the row number as the user sees it
    header_index: int  # its index in RawTable.rows
    headers: tuple[str, ...]  # the header cells, as written
    fields: dict[int, str]  # column index -> field (ignored columns absent)
    set_aside: tuple[SetAside, ...] = ()  # columns that fit a field taken by another column

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

    def set_aside_notes(self) -> list[str]:
        """Each column set aside, in words: which column was used for its field instead."""
        return [
            _(
                "Columns «{used}» and «{ignored}» both fit the {field}: «{used}» was used, "
                "«{ignored}» ignored."
            ).format(
                used=self.header_of(item.used),
                ignored=self.header_of(item.column),
                field=gettext(FIELD_LABELS.get(item.field, item.field)),
            )
            for item in self.set_aside
        ]


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
        # the columns besides the recognised ones: only row numbers ("id,name") do no harm
        others = sum(
            1
            for position, cell in enumerate(cells)
            if cell.strip() and position not in mapping.fields and not numbers_rows(cell, kind)
        )
        if recognised >= 2 or (recognised == 1 and others == 0 and _names_a_key(mapping, kind)):
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
    # then the synonyms: a field's own words before its weaker ones and the keywords, each
    # from the left; a column that fits a field already taken is set aside, and said so
    guesses = []
    for position, cell in enumerate(cells):
        if position in fields or not cell.strip():
            continue
        guess = _guess(cell, kind)
        if guess is not None:
            guesses.append((guess[1], position, guess[0]))
    holder = {name: position for position, name in fields.items() if name != IGNORE}
    set_aside = []
    for _fit, position, name in sorted(guesses):
        if name in holder:
            set_aside.append(SetAside(position, name, holder[name]))
        else:
            fields[position] = name
            holder[name] = position
    number = table.rows[index][0]
    return ColumnMapping(
        header_row=number,
        header_index=index,
        headers=tuple(cells),
        fields={k: v for k, v in sorted(fields.items()) if v != IGNORE},
        set_aside=tuple(sorted(set_aside, key=lambda item: item.column)),
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
