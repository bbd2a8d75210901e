"""Who is who: the same person twice in a file, or already in the directory.

The rules: the same e-mail (ignoring case) is the same person; where one side has no e-mail, the
same name and organisation (ignoring case, spaces and ё/е) is, unless both give a country and
the countries differ («Wang Wei», China, and «Wang Wei», Singapore, are two people). Anything
less certain, such as the same name at another organisation or in another country, a Cyrillic
name against its Latin transliteration, or spelling variants (Sergey/Sergei,
Kuznetsov/Kuznecov), is only a *likely* duplicate: shown to the user, never merged.

A row matched by its e-mail to a person whose name is another one is a *name conflict*
(name_relation): the user decides which name stays. The same name written differently is not
one: by case or ё/е, in another word order («Иван Иванов», «Иванов Иван»), or with a
patronymic one side lacks. Everything here works on plain values, so an import can load the
directory's keys once and match thousands of rows without a query per row.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from forumdesk.core import text
from forumdesk.core.enums import Sector
from forumdesk.core.i18n import N_, _, gettext
from forumdesk.core.memo import Memo
from forumdesk.core.periods import Period
from forumdesk.core.rows import PersonRow
from forumdesk.core.transliteration import latin_name
from forumdesk.io.people_rows import AttendeeRow

# Fields a later row for the same person may fill in, or disagree about.
MERGED_FIELDS = (
    "given_name",
    "patronymic",
    "organization",
    "position",
    "country",
    "sector",
    "phone",
    "language",
    "notes",
)
# How a note on disagreeing rows names each of them
_MERGED_LABELS = {
    "given_name": N_("given name"),
    "patronymic": N_("patronymic"),
    "organization": N_("organization"),
    "position": N_("position"),
    "country": N_("country"),
    "sector": N_("sector"),
    "phone": N_("phone"),
    "language": N_("language"),
    "notes": N_("notes"),
}
# Why two rows are one person
_SAME_EMAIL = N_("the same e-mail")
_SAME_NAME_AND_ORGANISATION = N_("the same name and organisation")

_CYRILLIC_TO_LATIN = str.maketrans(
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
        "й": "i",
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
        # Kazakh
        "ә": "a",
        "ғ": "g",
        "қ": "k",
        "ң": "n",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        "і": "i",
        # Ukrainian and Belarusian
        "є": "e",
        "ї": "i",
        "ў": "u",
        "ґ": "g",
    }
)
# Spelling variants of one sound, longest first: after these, Sergey/Sergei/Сергей agree.
_VARIANTS = (
    ("shch", "s"),
    ("sch", "s"),
    ("tch", "c"),
    ("ch", "c"),
    ("sh", "s"),
    ("zh", "z"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("x", "ks"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("ja", "a"),
    ("ye", "e"),
    ("ie", "e"),
    ("je", "e"),
    ("yo", "o"),
    ("jo", "o"),
    ("ph", "f"),
    ("w", "v"),
    ("q", "k"),
    ("ck", "k"),
    ("y", "i"),
    ("j", "i"),
)
_NOT_LETTER = re.compile(r"[^a-z]+")
_DOUBLED = re.compile(r"(.)\1+")


def name_key(family: str, given: str | None, patronymic: str | None) -> str:
    """The exact key: the full name, folded (which is its parts folded, each remembered: a list
    of thousands of people has a few hundred distinct names)."""
    return " ".join(filter(None, [_FOLDED[part] for part in (family, given, patronymic) if part]))


_FOLDED = Memo(text.fold)  # names' parts folded


@functools.lru_cache(maxsize=65_536)  # names repeat: a list of thousands has few distinct ones
def skeleton(word: str) -> str:
    """A Latin sound-alike of a name: "Кузнецов", "Kuznetsov" and "Kuznecov" give "kuznecov"."""
    latin = text.fold(word).translate(_CYRILLIC_TO_LATIN)
    for before, after in _VARIANTS:
        if before in latin:
            latin = latin.replace(before, after)
    return _DOUBLED.sub(r"\1", _NOT_LETTER.sub("", latin))


def fuzzy_key(family: str, given: str | None) -> str | None:
    """Family and given names as sound-alikes, in either order; None for a bare initial."""
    family_skeleton = skeleton(family)
    if not given:
        return family_skeleton or None
    given_skeleton = skeleton(given)
    if len(given_skeleton) < 2 or not family_skeleton:
        return None
    if family_skeleton <= given_skeleton:
        return f"{family_skeleton} {given_skeleton}"
    return f"{given_skeleton} {family_skeleton}"


def described(person: PersonRow) -> str:
    """A person as a likely duplicate names them: "Name (organisation, e-mail)"."""
    extra = ", ".join(p for p in (person.organization, person.email) if p)
    return f"{person.display_name} ({extra})" if extra else person.display_name


@dataclass(slots=True)
class LikelyDuplicate:
    """A row whose person may already exist (or appear again in the file): for a person to judge."""

    row: int
    name: str
    other: str
    reason: str
    person_id: int | None = None  # the directory's person, if the other is there
    other_row: int | None = None  # the file's other row, if the other is in the file

    def __str__(self) -> str:
        where = (
            _("person {id}").format(id=self.person_id)
            if self.person_id
            else _("row {row}").format(row=self.other_row)
        )
        return _("Row {row}: {name} and {other} ({where}): {reason}.").format(
            row=self.row, name=self.name, other=self.other, where=where, reason=self.reason
        )


@dataclass(slots=True)
class NameConflict:
    """A row whose e-mail is a directory person's but whose name is another one: for a person
    to decide which name stays (never replaced without a word)."""

    row: int
    email: str
    person_id: int
    stored: str  # the name the directory has
    in_file: str  # the name the row gives
    replaced: bool = False  # whether the file's name is taken (else the stored one is kept)
    # whether the person counts as updated (else unchanged) if the stored name is kept, and if
    # the file's is taken: what a change of choice does to the counts (None: not worked out)
    updated_if_kept: bool | None = None
    updated_if_taken: bool | None = None

    def __str__(self) -> str:
        outcome = _("the file's name is taken") if self.replaced else _("the stored name is kept")
        return _(
            "Row {row}: {email} is «{stored}» in the directory but «{in_file}» in the file; "
            "{outcome}."
        ).format(
            row=self.row,
            email=self.email,
            stored=self.stored,
            in_file=self.in_file,
            outcome=outcome,
        )


# How a row's name stands to the stored person's (name_relation)
SAME_NAME, NAME_REORDERED, NAME_CONFLICT = "same", "reordered", "conflict"


def name_relation(stored: PersonRow, in_file: PersonRow) -> str:
    """How the file's name for a person stands to the stored one.

    SAME_NAME: each part (family, given, patronymic) is the same ignoring case and ё/е, or blank
    on one side («Иванов Иван» and «ИВАНОВ Иван Петрович»): the usual rules fill the blanks.
    NAME_REORDERED: the same words in another order, perhaps less a patronymic one side lacks
    («Иван Иванов» against «Иванов Иван Петрович»): the stored name stays as it is, since the
    file's order is the likelier mistake. NAME_CONFLICT: anything else («X Y»), for the user.
    """
    parts = ("family_name", "given_name", "patronymic")
    if all(
        a is None or b is None or a == b or text.fold(a) == text.fold(b)
        for a, b in ((getattr(stored, n), getattr(in_file, n)) for n in parts)
    ):
        return SAME_NAME
    words = [_words(p.family_name, p.given_name, p.patronymic) for p in (stored, in_file)]
    if sorted(words[0]) == sorted(words[1]):
        return NAME_REORDERED
    if len(words[0]) > len(words[1]):
        short, long, longer = words[1], words[0], stored
    else:
        short, long, longer = words[0], words[1], in_file
    extra = list(long)
    for word in short:
        if word not in extra:
            return NAME_CONFLICT
        extra.remove(word)
    patronymic = _words(longer.patronymic)
    return NAME_REORDERED if extra and all(w in patronymic for w in extra) else NAME_CONFLICT


def _words(*parts: str | None) -> list[str]:
    return text.fold(" ".join(p for p in parts if p)).split()


class Directory:
    """The directory's people, indexed by e-mail, by name and organisation, and by sound."""

    def __init__(self, people: Iterable[PersonRow]) -> None:
        self.people: dict[int, PersonRow] = {}
        self.by_email: dict[str, int] = {}
        self.by_name_org: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_fuzzy: dict[str, list[int]] = defaultdict(list)
        for person in people:
            self.add(person)

    def add(self, person: PersonRow) -> None:
        self.people[person.id] = person
        if person.email:
            self.by_email[person.email] = person.id
        key = name_key(person.family_name, person.given_name, person.patronymic)
        self.by_name_org[(key, _cached_org_key(person.organization))].append(person.id)
        self.by_name[key].append(person.id)
        fuzzy = fuzzy_key(person.family_name, person.given_name)
        if fuzzy:
            self.by_fuzzy[fuzzy].append(person.id)

    def remove(self, person_id: int) -> None:
        """Forget a person (deleted, or about to be added again as they are now)."""
        person = self.people.pop(person_id, None)
        if person is None:
            return
        if person.email and self.by_email.get(person.email) == person_id:
            del self.by_email[person.email]
        key = name_key(person.family_name, person.given_name, person.patronymic)
        _forget(self.by_name_org, (key, _cached_org_key(person.organization)), person_id)
        _forget(self.by_name, key, person_id)
        fuzzy = fuzzy_key(person.family_name, person.given_name)
        if fuzzy:
            _forget(self.by_fuzzy, fuzzy, person_id)


def _forget(index: dict[Any, list[int]], key: object, person_id: int) -> None:
    ids = index.get(key)
    if ids and person_id in ids:
        ids.remove(person_id)
        if not ids:
            del index[key]


@dataclass(slots=True)
class FileEntity:
    """One person of the file: the first row's values, filled in by later rows for them."""

    person: PersonRow  # not stored yet (id 0), whatever `person_id` says
    row: int  # the first row that gives them
    name_key: str
    rows: list[int] = field(default_factory=list)
    sessions: list[str] = field(default_factory=list)
    unavailable: list[Period] = field(default_factory=list)  # each once, from all their rows
    person_id: int | None = None  # the directory's person this is
    matched_by: str | None = None  # "email" or "name"
    # the later rows merged into this one, each with why (_SAME_EMAIL, untranslated)
    merged: list[tuple[int, str]] = field(default_factory=list)


def group_rows(rows: Iterable[AttendeeRow]) -> tuple[list[FileEntity], list[str]]:
    """The file's people, each listed once, with notes on where repeated rows disagree."""
    entities: list[FileEntity] = []
    notes: list[str] = []
    by_email: dict[str, FileEntity] = {}
    # each name and organisation's people: more than one where countries tell them apart
    by_name_org: dict[tuple[str, str | None], list[FileEntity]] = {}
    for attendee in rows:
        person = attendee.person
        key = (
            name_key(person.family_name, person.given_name, person.patronymic),
            _cached_org_key(person.organization),
        )
        entity = by_email.get(person.email) if person.email else None
        how = _SAME_EMAIL
        if entity is None:
            for candidate in by_name_org.get(key, ()):
                if (person.email is None or candidate.person.email is None) and same_country(
                    candidate.person.country, person.country
                ):
                    entity, how = candidate, _SAME_NAME_AND_ORGANISATION
                    break
        if entity is None:  # someone new: the usual row
            row = attendee.row
            sessions = attendee.sessions
            entity = FileEntity(
                person, row, key[0], [row], list(dict.fromkeys(sessions)) if sessions else []
            )
            if attendee.unavailable:
                entity.unavailable.extend(attendee.unavailable)
            entities.append(entity)
            by_name_org.setdefault(key, []).append(entity)
            if person.email:
                by_email.setdefault(person.email, entity)
            continue
        entity.merged.append((attendee.row, how))
        notes.extend(_merge(entity, attendee, how))
        if entity.person.email:
            by_email.setdefault(entity.person.email, entity)
        entity.rows.append(attendee.row)
        for session in attendee.sessions:
            if session not in entity.sessions:
                entity.sessions.append(session)
        for period in attendee.unavailable:
            if period not in entity.unavailable:
                entity.unavailable.append(period)
    return entities, notes


def same_country(one: str | None, other: str | None) -> bool:
    """Whether two countries do not tell two people apart: the same, or either one not given."""
    return one is None or other is None or one == other or text.fold(one) == text.fold(other)


@functools.lru_cache(maxsize=16_384)  # organisations repeat down a list
def _cached_org_key(name: str | None) -> str | None:
    """text.org_key, remembered; None for no organisation."""
    return text.org_key(name) if name else None


def _merge(entity: FileEntity, later: AttendeeRow, how: str) -> list[str]:
    """Fill the entity's blanks from a later row for them; a note on each value they disagree on."""
    first, new_values = entity.person, later.person
    filled: dict[str, Any] = {}
    notes = []
    for name in MERGED_FIELDS:
        new = getattr(new_values, name)
        if new is None:
            continue
        old = getattr(first, name)
        if old is None:
            filled[name] = new
        elif old != new and not (
            isinstance(old, str) and isinstance(new, str) and text.fold(old) == text.fold(new)
        ):
            notes.append(
                _(
                    "Row {row} repeats row {first} ({how}) but gives {field} «{new}» "
                    "instead of «{old}»; row {first}'s value is used."
                ).format(
                    row=later.row,
                    first=entity.row,
                    how=gettext(how),
                    field=gettext(_MERGED_LABELS[name]),
                    new=_shown(new),
                    old=_shown(old),
                )
            )
    if new_values.email and first.email is None:
        filled["email"] = new_values.email
    if filled:
        if "given_name" in filled or "patronymic" in filled:  # named the default way, as rows are
            filled["display_name"] = text.default_display_name(
                first.family_name,
                filled.get("given_name", first.given_name),
                filled.get("patronymic", first.patronymic),
            )
            if first.latin_name == latin_name(first.display_name):  # the automatic one
                filled["latin_name"] = latin_name(filled["display_name"])
        entity.person = replace(first, **filled)
    return notes


def _shown(value: object) -> object:
    """A value as a note shows it: a sector by its label, in the language in use."""
    return value.translated_label if isinstance(value, Sector) else value


def match_entities(
    entities: Iterable[FileEntity], directory: Directory, *, by_name: bool = True
) -> list[LikelyDuplicate]:
    """Link each entity to its directory person; return what only looks like a duplicate.

    With `by_name` False (the "create new" policy) only e-mails identify people. Every lookup is
    a dictionary's: the directory is indexed by e-mail, by exact name and by sound-alike name,
    so a file is matched in one pass whatever the size of the directory.
    """
    likely: list[LikelyDuplicate] = []
    claimed: dict[int, str] = {}  # person id -> e-mail given to them by an earlier row
    keyed: list[tuple[FileEntity, str | None]] = []  # each entity with its sound-alike key
    for entity in entities:
        person = entity.person
        fuzzy = fuzzy_key(person.family_name, person.given_name)
        keyed.append((entity, fuzzy))
        if person.email and person.email in directory.by_email:
            entity.person_id, entity.matched_by = directory.by_email[person.email], "email"
            continue
        key = entity.name_key
        candidates = directory.by_name_org.get((key, _cached_org_key(person.organization)))
        if candidates:
            usable = [
                pid
                for pid in candidates
                if (
                    person.email is None
                    or (
                        directory.people[pid].email is None
                        and claimed.get(pid) in (None, person.email)
                    )
                )
                and same_country(directory.people[pid].country, person.country)
            ]
            if by_name and usable:
                entity.person_id, entity.matched_by = min(usable), "name"
                if person.email:
                    claimed[entity.person_id] = person.email
                continue
        if candidates or key in directory.by_name or (fuzzy and fuzzy in directory.by_fuzzy):
            likely.extend(_likely(entity, fuzzy, directory, candidates or []))
        # else the usual new person: nobody in the directory to show
    likely.extend(_likely_within_file(keyed))
    return likely


def _likely(
    entity: FileEntity, fuzzy: str | None, directory: Directory, same_name_org: list[int]
) -> list[LikelyDuplicate]:
    same_name = directory.by_name.get(entity.name_key)
    similar = directory.by_fuzzy.get(fuzzy) if fuzzy else None
    if not (same_name_org or same_name or similar):
        return []  # the usual case for a new person: nobody to show
    found: dict[int, str] = {}
    for pid in same_name_org:
        found[pid] = (
            _("same name and organisation but another e-mail")
            if same_country(directory.people[pid].country, entity.person.country)
            else _("same name and organisation but another country")
        )
    for pid in same_name or ():
        found.setdefault(pid, _("same name, another organisation or e-mail"))
    for pid in similar or ():
        found.setdefault(pid, _("a similar name (another spelling or alphabet)"))
    return [
        LikelyDuplicate(
            row=entity.row,
            name=entity.person.display_name,
            other=described(directory.people[pid]),
            reason=reason,
            person_id=pid,
        )
        for pid, reason in sorted(found.items())[:3]
    ]


def _likely_within_file(keyed: Iterable[tuple[FileEntity, str | None]]) -> list[LikelyDuplicate]:
    seen: dict[str, FileEntity] = {}
    reason = _("a similar name in the same file, kept as two people")  # once: lists have many
    same_name = _("the same name in the same file, but another organisation, country or e-mail")
    likely = []
    for entity, fuzzy in keyed:
        if not fuzzy:
            continue
        earlier = seen.get(fuzzy)
        if earlier is None:
            seen[fuzzy] = entity
            continue
        if earlier.person_id is not None and entity.person_id is not None:
            continue  # both are in the directory already: nothing new to judge
        likely.append(
            LikelyDuplicate(
                row=entity.row,
                name=entity.person.display_name,
                other=earlier.person.display_name,
                other_row=earlier.row,
                reason=same_name if entity.name_key == earlier.name_key else reason,
            )
        )
    return likely
