"""Cleaning and checking what people type: names, e-mails, colours, search keys."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable, Iterable
from typing import TypeVar

from forumdesk.core.enums import Vocabulary
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import N_, _, gettext, ngettext
from forumdesk.core.memo import Memo
from forumdesk.core.transliteration import latin_folded

_SPACES = re.compile(r"\s+")
# What pasted text carries besides its words: runs of spaces of any kind, control characters and
# invisible marks (zero-width space, left-to-right and right-to-left marks, byte-order mark)
_BLANKS = re.compile(r"[\s\x00-\x1f\x7f\u200b\u200e\u200f\ufeff]+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")

V = TypeVar("V", bound=Vocabulary)
Cleaner = Callable[[object], object]


def clean(value: object) -> str | None:
    """Trim, and make each run of spaces, controls and invisible marks one space; empty is None.

    The one cleaner of a single-line value, typed in a dialog or read from a file's cell.
    """
    if value is None:
        return None
    if type(value) is str and value.isprintable() and "  " not in value:
        # Printable text has no whitespace, controls or invisible marks but single ASCII spaces:
        # only the ends to trim (imports clean thousands of cells, most of them this way)
        return value.strip() or None
    text = _BLANKS.sub(" ", str(value)).strip()
    return text or None


def clean_multiline(value: object) -> str | None:
    """Trim each line of a free text (notes, descriptions) but keep its line breaks."""
    if value is None:
        return None
    lines = [line.rstrip() for line in str(value).strip().splitlines()]
    text = "\n".join(lines).strip()
    return text or None


def require(value: object, what: str, field: str) -> str:
    """`value` cleaned; refused when empty.

    `what` names the field in English, marked with N_() ("session title"); it is translated
    only when a message needs it, so the usual value costs no lookup.
    """
    text = clean(value)
    if text is None:
        raise ValidationError(
            _("The {what} cannot be empty.").format(what=gettext(what)), field=field
        )
    return text


def fold(text: str) -> str:
    """A case-insensitive key that also treats ё as е: Cyrillic search works like Latin."""
    folded = text.casefold().replace("ё", "е")
    if folded.isprintable() and "  " not in folded:  # no runs of spaces to collapse (see clean)
        return folded.strip()
    return _SPACES.sub(" ", folded).strip()


def org_key(name: str) -> str:
    """An organisation's key, as the directory's name_key column keeps it: its name, folded."""
    return fold(name)


def person_search_key(
    family_name: str,
    given_name: str | None,
    patronymic: str | None,
    display_name: str,
    organization: str | None,
    email: str | None,
    phone: str | None,
    latin_name: str | None = None,
) -> str:
    """What the directory's search looks in for a person (the search_key column): the words of
    the person's names, Latin name, organisation, e-mail and phone, folded, in Latin letters.

    A search transliterates its words the same way (search_words) and looks for each inside the
    key, so "kuznetsov" and «Кузнецов» both find Кузнецов, and «Смит» finds Smith. A search
    word holds no space, so it is inside the key exactly when it is inside one of the key's
    words: the key needs no Cyrillic form (no search word keeps a letter the scheme writes in
    Latin), and leaves out the display name and the Latin name where their words are the
    names' own (as they are unless typed otherwise). Names and organisations repeat in an
    attendee list, so each value is transliterated once (an import keys 20,000 people).
    """
    latin_of = _LATIN_KEYS  # each value's latin_folded(fold(value)), remembered
    parts = [latin_of[family_name]]
    if given_name:
        parts.append(latin_of[given_name])
    if patronymic:
        parts.append(latin_of[patronymic])
    if (
        display_name
        and display_name != " ".join(filter(None, (family_name, given_name, patronymic)))
        and (display_name != " ".join(filter(None, (given_name, family_name))))
    ):
        display = latin_of[display_name]
    else:
        display = None  # the names' own words
    names_latin = " ".join(parts)
    latin = None
    # the automatic Latin name is the names' transliteration: its lower case is the names' key
    # (then it has no word of its own, as its own key would show); else its words are worked out
    if latin_name and latin_name != display_name and latin_name.casefold() != names_latin:
        latin = " ".join([latin_of[word] for word in latin_name.split(" ")])
        if latin == names_latin:
            latin = None
    if display:
        parts.append(display)
    if latin:
        parts.append(latin)
    if organization:
        parts.append(latin_of[organization])
    for contact in (email, phone):
        if contact:
            if contact.isascii() and contact.isprintable() and "  " not in contact:
                parts.append(contact.lower().strip())  # what fold gives ASCII text
            else:
                folded = fold(contact)
                parts.append(folded if folded.isascii() else latin_folded(folded))
    return " ".join(filter(None, parts))


_LATIN_KEYS = Memo(lambda value: latin_folded(fold(value)))


def search_words(search: str | None) -> list[str]:
    """The words a directory search looks for in search keys: folded, in Latin letters."""
    return latin_folded(fold(search or "")).split()


def is_email(text: str) -> bool:
    """Whether `text` (cleaned and lower-cased, as normalize_email leaves it) is an address."""
    return _EMAIL.match(text) is not None


def normalize_email(value: object) -> str | None:
    text = clean(value)
    if text is None:
        return None
    text = text.lower()
    if not _EMAIL.match(text):
        raise ValidationError(
            _("'{email}' is not a valid e-mail address.").format(email=text), field="email"
        )
    return text


def normalize_color(value: object) -> str | None:
    text = clean(value)
    if text is None:
        return None
    if not text.startswith("#"):
        text = "#" + text
    if not _COLOR.match(text):
        raise ValidationError(
            _("'{value}' is not a colour; use the form #RRGGBB, e.g. #A8D5BA.").format(value=value),
            field="color",
        )
    return text.upper()


def check_timezone(value: object) -> str:
    name = require(value, N_("time zone"), "timezone")
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _("'{name}' is not a time zone forumdesk knows; use a name like Asia/Almaty.").format(
                name=name
            ),
            field="timezone",
        ) from exc
    return name


def non_negative(value: object, what: str, field: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError as exc:
        raise ValidationError(
            _("The {what} must be a whole number.").format(what=gettext(what)), field=field
        ) from exc
    if number < 0:
        raise ValidationError(
            _("The {what} cannot be negative.").format(what=gettext(what)), field=field
        )
    return number


def vocabulary(enum_class: type[V], value: object, what: str, field: str) -> V:
    if isinstance(value, enum_class):
        return value
    try:
        return enum_class.parse(str(value))  # type: ignore[return-value]
    except ValueError as exc:
        raise ValidationError(
            _("Unknown {what}: {error}").format(what=gettext(what), error=exc), field=field
        ) from exc


def optional_vocabulary(enum_class: type[V], value: object, what: str, field: str) -> V | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return vocabulary(enum_class, value, what, field)


def quoted_list(names: Iterable[str], shown: int = 12) -> str:
    """«a», «b», «c» for a message: the blank names left out, at most `shown` of them and then
    "and N more", so that a file with a thousand columns still gets a message one can read."""
    present = [name.strip() for name in names if name and name.strip()]
    listed = ", ".join(f"«{name}»" for name in present[:shown])
    rest = len(present) - shown
    if rest <= 0:
        return listed
    return ngettext("{listed} and {count} more", "{listed} and {count} more", rest).format(
        listed=listed, count=rest
    )


def is_cyrillic(text: str | None) -> bool:
    return bool(text and _CYRILLIC.search(text))


def default_display_name(family: str, given: str | None, patronymic: str | None) -> str:
    """Russian and Kazakh names read "Family Given Patronymic"; Latin names "Given Family"."""
    return " ".join(default_display_parts(family, given, patronymic))


def default_display_parts(family: str, given: str | None, patronymic: str | None) -> list[str]:
    """The name's parts in the order default_display_name writes them, empty ones left out."""
    if patronymic or is_cyrillic(family):
        return [part for part in (family, given, patronymic) if part]
    return [part for part in (given, family) if part]


def event_local_time(value: object, zone: str, field: str) -> dt.datetime | None:
    """`value` as the event's local wall-clock time (naive), to the second; empty is None.

    Accepts a datetime or ISO text; an aware datetime is converted into the event's zone.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValidationError(
                _("'{value}' is not a date and time; write it as YYYY-MM-DD HH:MM.").format(
                    value=value
                ),
                field=field,
            ) from exc
    if not isinstance(value, dt.datetime):
        raise ValidationError(
            _("'{value}' is not a date and time.").format(value=value), field=field
        )
    if value.tzinfo is not None:
        value = value.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)
    return value.replace(microsecond=0)
