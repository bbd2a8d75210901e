"""Headings and dates for printed agendas, in the export's own language: Russian, English or
Kazakh, or two of them side by side.

The words come from the one catalogue (forumdesk.core.i18n): a heading is marked with N_() here
and looked up in the catalogue of the export's language, which an export chooses whatever the
window speaks, so that the sheets read the same on an English Windows and a Russian Linux. Role,
kind, sector and status names are the window's own vocabulary labels, capitalised: the agenda
and the window cannot call a panelist two different things. Dates and weekdays come from CLDR
through Babel, never from the computer's locale; Russian dates need the genitive month
("25 ноября"), and English dates are British ("Thursday, 25 November 2021"), as EEC documents
write.

A bilingual agenda ("ru+en", see `BILINGUAL`) is two languages side by side: `Labels` is one
language, `split_languages` tells the pair apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal, cast

from forumdesk.core.enums import RegistrationStatus, Role, Sector, SessionKind
from forumdesk.core.i18n import N_, translations

Lang = Literal["ru", "en", "kk"]
LANGUAGES: tuple[Lang, ...] = ("ru", "en", "kk")
# the bilingual agendas: two languages side by side, the first on the left
BILINGUAL = ("ru+en", "ru+kk", "kk+ru", "en+ru")
# Babel's locale for each language: English dates the British way (day before month)
_LOCALES = {"ru": "ru", "en": "en_GB", "kk": "kk"}
# The parts of the agenda workbook, in sheet order (each is also the key of its sheet's name
# below), and the paper sizes it prints on. Kept here, in a module that imports no openpyxl,
# so that the command line can offer them without loading the writer.
PARTS = ("programme", "grid", "signin", "rooms", "personal", "people")
PAPERS = ("A4", "Letter")
# What an export holds unless someone chooses more: the handouts everyone gets. Sign-in sheets,
# door signs, personal agendas and the people list run to many pages and are asked for.
DEFAULT_PARTS = ("programme", "grid")

# key -> the English heading, the msgid of its translation. "name" is a person's name, which the
# catalogue tells from a room's name by its context (see Labels.__getitem__).
_TEXT: dict[str, str] = {
    "programme": N_("Programme"),
    "changes": N_("Changes"),
    "version_stamp": N_("Version {number} · {time}"),
    "draft_stamp": N_("Draft: changed since version {number} · {time}"),
    "unpublished_stamp": N_("Draft: no version published yet"),
    "cancelled": N_("CANCELLED"),
    "changes_since": N_("Changes since version {number}"),
    "changes_first": N_("The first version of the programme"),
    "what_changed": N_("What changed"),
    "people_to_tell": N_("Who must be told"),
    "language": N_("Language"),
    "their_changes": N_("Their changes"),
    "grid": N_("Grid"),
    "signin": N_("Sign-in"),
    "rooms": N_("Rooms"),
    "personal": N_("Personal agendas"),
    "people": N_("People"),
    "time": N_("Time"),
    "date": N_("Date"),
    "code": N_("Code"),
    "session": N_("Session"),
    "room": N_("Room"),
    "track": N_("Track"),
    "moderators": N_("Moderators"),
    "moderators_colon": N_("Moderators:"),
    "speakers": N_("Speakers and panelists"),
    "speakers_colon": N_("Speakers:"),
    "panelists_colon": N_("Panelists:"),
    "number": N_("No."),
    "name": "Name",
    "latin_name": N_("Name (Latin)"),
    "organization": N_("Organisation"),
    "position": N_("Position"),
    "country": N_("Country"),
    "sector": N_("Sector"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "status": N_("Status"),
    # a session's status in a table (the sessions CSV): blank while it goes ahead
    "session_status": N_("Status"),
    "status_cancelled": "Cancelled",  # with its context: see Labels.__getitem__
    "role": N_("Role"),
    "roles": N_("Roles"),
    "signature": N_("Signature"),
    "signin_title": N_("Sign-in sheet"),
    "continued": N_("continued"),
    "no_room": N_("No room"),
    "no_sessions": N_("No sessions assigned yet."),
    "title": N_("Title"),
    "kind": N_("Kind"),
    "start": N_("Start"),
    "end": N_("End"),
    "description": N_("Description"),
    "speakers_only": N_("Speakers"),
    "panelists": N_("Panelists"),
    "family_name": N_("Family name"),
    "given_name": N_("Given name"),
    "patronymic": N_("Patronymic"),
    "role_colon": N_("Role:"),
    # Excel's header and footer codes: &P the page, &N the pages, &D the date.
    "page_of": N_("Page &P of &N"),
    "printed": N_("Printed &D"),
}


def split_languages(lang: str) -> tuple[Lang, ...]:
    """ "ru+en" -> ("ru", "en"); "en" -> ("en",). Unknown codes raise ValueError."""
    parts = tuple(part.strip() for part in lang.split("+"))
    if not parts or any(part not in LANGUAGES for part in parts) or len(set(parts)) != len(parts):
        raise ValueError(f"unknown agenda language {lang!r}")
    return cast(tuple[Lang, ...], parts)


class Labels:
    """The words of one export, in one language: `labels["time"]`, `labels.long_date(day)`."""

    def __init__(self, lang: Lang) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown heading language {lang!r}")
        self.lang: Lang = lang
        self._catalogue = translations(lang)

    def __getitem__(self, key: str) -> str:
        if key == "name":
            return self._catalogue.pgettext("person", "Name")
        if key == "status_cancelled":  # a session's status, not a registration's
            return self._catalogue.pgettext("session status", "Cancelled")
        return self._catalogue.gettext(_TEXT[key])

    def _vocabulary(self, label: str) -> str:
        """A vocabulary label as the window shows it, capitalised for a heading or a cell."""
        text = self._catalogue.gettext(label)
        return text[:1].upper() + text[1:]

    def kind(self, kind: SessionKind) -> str:
        return self._vocabulary(kind.label)

    def role(self, role: Role) -> str:
        return self._vocabulary(role.label)

    def sector(self, sector: Sector | None) -> str:
        return self._vocabulary(sector.label) if sector else ""

    def status(self, status: RegistrationStatus) -> str:
        return self._vocabulary(status.label)

    @property
    def locale(self) -> str:
        return _LOCALES[self.lang]

    def long_date(self, day: dt.date) -> str:
        """ "Thursday, 25 November 2021" / "Четверг, 25 ноября 2021 г." (CLDR's full date)."""
        return _capitalized(_date(day, "full", self.locale))

    def short_date(self, day: dt.date) -> str:
        """ "Thu 25 Nov" / "чт 25.11" (sheet names and narrow columns)."""
        pattern = "EEE d MMM" if self.lang == "en" else "EEE dd.MM"
        return _date(day, pattern, self.locale)

    def date_span(self, first: dt.date, last: dt.date) -> str:
        """ "25–26 November 2021" / "25–26 ноября 2021 г." / "2021 ж. 25–26 қараша" """
        locale = self.locale
        whole = _date(last, "long", locale)
        if first == last:
            return whole
        if (first.year, first.month) == (last.year, last.month):
            # the last day's date with the first day put before its number
            return re.sub(rf"(?<!\d){last.day}(?!\d)", f"{first.day}–{last.day}", whole, count=1)
        if first.year == last.year:
            if self.lang == "kk":  # the year comes first: "2021 ж. 25 қараша – 1 желтоқсан"
                return f"{_date(first, 'long', locale)} – {_date(last, 'd MMMM', locale)}"
            return f"{_date(first, 'd MMMM', locale)} – {whole}"
        return f"{_date(first, 'long', locale)} – {whole}"


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _date(day: dt.date, pattern: str, locale: str) -> str:
    """Babel's date with CLDR's narrow no-break spaces ("2021\u202fг.") as no-break spaces:
    they keep the year and its "г." together as well, and every font of an office has them."""
    from babel.dates import format_date  # 30 ms to import: paid by an export, not at start-up

    return format_date(day, pattern, locale=locale).replace("\u202f", "\u00a0")


def content_language(texts: Iterable[str | None]) -> Lang:
    """The language an event is written in, by its letters: Russian if most are Cyrillic.

    The headings of a handout are generated, the titles and names are not; a sheet reads in one
    language only when its headings follow the language the event's own texts are in.
    """
    cyrillic = latin = 0
    for text in texts:
        for char in text or "":
            if "\u0400" <= char <= "\u04ff":
                cyrillic += 1
            elif char.isascii() and char.isalpha():
                latin += 1
    return "ru" if cyrillic > latin else "en"


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    """ "13:00–14:30" (with the end's date when a session runs past midnight)."""
    if end.date() != start.date():
        return f"{start:%H:%M}–{end:%d.%m %H:%M}"
    return f"{start:%H:%M}–{end:%H:%M}"
