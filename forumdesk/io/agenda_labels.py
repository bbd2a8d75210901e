"""Headings, day and month names for printed agendas, in the export's own language.

The words come from the one catalogue (forumdesk.core.i18n): a heading is marked with N_() here
and looked up in the catalogue of the export's language, which an export chooses whatever the
window speaks, so that the sheets read the same on an English Windows and a Russian Linux. Role,
kind, sector and status names are the window's own vocabulary labels, capitalised: the agenda
and the window cannot call a panelist two different things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from gettext import NullTranslations
from typing import Literal

from forumdesk.core.enums import RegistrationStatus, Role, Sector, SessionKind
from forumdesk.core.i18n import N_, translations

Lang = Literal["ru", "en", "kk"]
LANGUAGES: tuple[Lang, ...] = ("ru", "en", "kk")
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


def _weekdays(t: NullTranslations) -> tuple[str, ...]:
    return (
        t.pgettext("weekday", "Monday"),
        t.pgettext("weekday", "Tuesday"),
        t.pgettext("weekday", "Wednesday"),
        t.pgettext("weekday", "Thursday"),
        t.pgettext("weekday", "Friday"),
        t.pgettext("weekday", "Saturday"),
        t.pgettext("weekday", "Sunday"),
    )


def _short_weekdays(t: NullTranslations) -> tuple[str, ...]:
    return (
        t.pgettext("short weekday", "Mon"),
        t.pgettext("short weekday", "Tue"),
        t.pgettext("short weekday", "Wed"),
        t.pgettext("short weekday", "Thu"),
        t.pgettext("short weekday", "Fri"),
        t.pgettext("short weekday", "Sat"),
        t.pgettext("short weekday", "Sun"),
    )


def _months(t: NullTranslations) -> tuple[str, ...]:
    """The months as a date names them ("25 ноября": Russian takes the genitive)."""
    return (
        t.pgettext("month in a date", "January"),
        t.pgettext("month in a date", "February"),
        t.pgettext("month in a date", "March"),
        t.pgettext("month in a date", "April"),
        t.pgettext("month in a date", "May"),
        t.pgettext("month in a date", "June"),
        t.pgettext("month in a date", "July"),
        t.pgettext("month in a date", "August"),
        t.pgettext("month in a date", "September"),
        t.pgettext("month in a date", "October"),
        t.pgettext("month in a date", "November"),
        t.pgettext("month in a date", "December"),
    )


# Not strftime's %b: the window sets the C library's locale, and this must stay English.
_ENGLISH_SHORT_MONTHS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
)  # fmt: skip


class Labels:
    """The words of one export, in one language: `labels["time"]`, `labels.long_date(day)`."""

    def __init__(self, lang: Lang) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown heading language {lang!r}")
        self.lang: Lang = lang
        self._catalogue = translations(lang)
        self._weekdays = _weekdays(self._catalogue)
        self._short_weekdays = _short_weekdays(self._catalogue)
        self._months = _months(self._catalogue)

    def __getitem__(self, key: str) -> str:
        if key == "name":
            return self._catalogue.pgettext("person", "Name")
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

    def _year(self, year: int) -> str:
        # Translators: a year in a date: "2021 г." in Russian, "2021 ж." in Kazakh.
        return self._catalogue.pgettext("year in a date", "{year}").format(year=year)

    def long_date(self, day: dt.date) -> str:
        """ "Thursday, 25 November 2021" / "Четверг, 25 ноября 2021 г." """
        weekday, month = self._weekdays[day.weekday()], self._months[day.month - 1]
        text = f"{weekday}, {day.day} {month} {self._year(day.year)}"
        return text[:1].upper() + text[1:]

    def short_date(self, day: dt.date) -> str:
        """ "Thu 25 Nov" / "чт 25.11" (sheet names and narrow columns)."""
        weekday = self._short_weekdays[day.weekday()]
        if self.lang == "en":
            return f"{weekday} {day.day} {_ENGLISH_SHORT_MONTHS[day.month - 1]}"
        return f"{weekday} {day:%d.%m}"

    def date_span(self, first: dt.date, last: dt.date) -> str:
        """ "25–26 November 2021" / "25–26 ноября 2021 г." """
        month = self._months[last.month - 1]
        year = self._year(last.year)
        if first == last:
            return f"{first.day} {month} {year}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{last.day} {month} {year}"
        first_month = self._months[first.month - 1]
        if first.year == last.year:
            return f"{first.day} {first_month} – {last.day} {month} {year}"
        return f"{first.day} {first_month} {self._year(first.year)} – {last.day} {month} {year}"


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
