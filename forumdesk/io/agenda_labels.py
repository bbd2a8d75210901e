"""Headings, day and month names for printed agendas, in Russian, English and Kazakh.

The words are written out here; dates and weekdays come from CLDR through Babel, never from the
computer's locale: the export must read the same on an English Windows and a Russian Linux,
and Russian dates need the genitive month ("25 ноября"), which `strftime` does not give
everywhere. English dates are British ("Thursday, 25 November 2021"), as EEC documents write.

A bilingual agenda ("ru+en", see `BILINGUAL`) is two languages side by side: `Labels` is one
language, `split_languages` tells the pair apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal, cast

from forumdesk.core.enums import RegistrationStatus, Role, Sector, SessionKind
from forumdesk.io.agenda_labels_kk import KAZAKH as _KAZAKH

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

_TEXT: dict[str, tuple[str, str]] = {
    # key: (Russian, English)
    "programme": ("Программа", "Programme"),
    "changes": ("Изменения", "Changes"),
    "version_stamp": ("Версия {number} · {time}", "Version {number} · {time}"),
    "draft_stamp": (
        "Черновик: изменено после версии {number} · {time}",
        "Draft: changed since version {number} · {time}",
    ),
    "unpublished_stamp": (
        "Черновик: версия ещё не опубликована",
        "Draft: no version published yet",
    ),
    "cancelled": ("ОТМЕНЕНА", "CANCELLED"),
    # a session's status in a table (the sessions CSV): blank while it goes ahead
    "session_status": ("Статус", "Status"),
    "status_cancelled": ("Отменена", "Cancelled"),
    "changes_since": ("Изменения после версии {number}", "Changes since version {number}"),
    "changes_first": ("Первая версия программы", "The first version of the programme"),
    "what_changed": ("Что изменилось", "What changed"),
    "people_to_tell": ("Кого известить", "Who must be told"),
    "language": ("Язык", "Language"),
    "their_changes": ("Их изменения", "Their changes"),
    "grid": ("Сетка", "Grid"),
    "signin": ("Регистрация", "Sign-in"),
    "rooms": ("Залы", "Rooms"),
    "personal": ("Личные программы", "Personal agendas"),
    "people": ("Участники", "People"),
    "time": ("Время", "Time"),
    "date": ("Дата", "Date"),
    "code": ("Код", "Code"),
    "session": ("Сессия", "Session"),
    "room": ("Зал", "Room"),
    "track": ("Трек", "Track"),
    "moderators": ("Модераторы", "Moderators"),
    "moderators_colon": ("Модераторы:", "Moderators:"),
    "speakers": ("Спикеры и участники панели", "Speakers and panelists"),
    "speakers_colon": ("Спикеры:", "Speakers:"),
    "panelists_colon": ("Участники панели:", "Panelists:"),
    "number": ("№", "No."),
    "name": ("ФИО", "Name"),
    "latin_name": ("ФИО латиницей", "Name (Latin)"),
    "organization": ("Организация", "Organisation"),
    "position": ("Должность", "Position"),
    "country": ("Страна", "Country"),
    "sector": ("Сектор", "Sector"),
    "email": ("Эл. почта", "E-mail"),
    "phone": ("Телефон", "Phone"),
    "status": ("Статус", "Status"),
    "role": ("Роль", "Role"),
    "roles": ("Роли", "Roles"),
    "signature": ("Подпись", "Signature"),
    "signin_title": ("Лист регистрации", "Sign-in sheet"),
    "continued": ("продолжение", "continued"),
    "no_room": ("Без зала", "No room"),
    "no_sessions": ("Сессии пока не назначены.", "No sessions assigned yet."),
    "title": ("Название", "Title"),
    "kind": ("Тип", "Kind"),
    "start": ("Начало", "Start"),
    "end": ("Окончание", "End"),
    "description": ("Описание", "Description"),
    "speakers_only": ("Спикеры", "Speakers"),
    "panelists": ("Участники панели", "Panelists"),
    "family_name": ("Фамилия", "Family name"),
    "given_name": ("Имя", "Given name"),
    "patronymic": ("Отчество", "Patronymic"),
    "role_colon": ("Роль:", "Role:"),
    "page_of": ("Стр. &P из &N", "Page &P of &N"),
    "printed": ("Напечатано &D", "Printed &D"),
}

_KINDS: dict[SessionKind, tuple[str, str]] = {
    SessionKind.PLENARY: ("Пленарное заседание", "Plenary"),
    SessionKind.DISCUSSION: ("Дискуссия", "Discussion"),
    SessionKind.WORKSHOP: ("Мастер-класс", "Workshop"),
    SessionKind.BREAK: ("Перерыв", "Break"),
    SessionKind.REGISTRATION: ("Регистрация", "Registration"),
    SessionKind.OTHER: ("Другое", "Other"),
}
_ROLES: dict[Role, tuple[str, str]] = {
    Role.MODERATOR: ("Модератор", "Moderator"),
    Role.CO_MODERATOR: ("Сомодератор", "Co-moderator"),
    Role.SPEAKER: ("Спикер", "Speaker"),
    Role.PANELIST: ("Участник панели", "Panelist"),
    Role.PARTICIPANT: ("Участник", "Participant"),
    Role.RAPPORTEUR: ("Докладчик", "Rapporteur"),
}
_SECTORS: dict[Sector, tuple[str, str]] = {
    Sector.GOVERNMENT: ("Государственный орган", "Government"),
    Sector.INTERGOVERNMENTAL: ("Международная организация", "Intergovernmental"),
    Sector.BUSINESS: ("Бизнес", "Business"),
    Sector.MARKETPLACE: ("Маркетплейс", "Marketplace"),
    Sector.CREATIVE_INDUSTRY: ("Креативная индустрия", "Creative industry"),
    Sector.RIGHTS_HOLDER: ("Правообладатель", "Rights holder"),
    Sector.EXPERT: ("Эксперт, наука", "Expert/academia"),
    Sector.MEDIA: ("СМИ", "Media"),
    Sector.OTHER: ("Другое", "Other"),
}
_STATUSES: dict[RegistrationStatus, tuple[str, str]] = {
    RegistrationStatus.INVITED: ("Приглашён", "Invited"),
    RegistrationStatus.REGISTERED: ("Зарегистрирован", "Registered"),
    RegistrationStatus.CONFIRMED: ("Подтвердил участие", "Confirmed"),
    RegistrationStatus.ATTENDED: ("Присутствовал", "Attended"),
    RegistrationStatus.CANCELLED: ("Отказался", "Cancelled"),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    if lang == "kk":
        return _KAZAKH.get(pair[1], pair[0])
    return pair[0] if lang == "ru" else pair[1]


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

    def __getitem__(self, key: str) -> str:
        return _pick(_TEXT[key], self.lang)

    def kind(self, kind: SessionKind) -> str:
        return _pick(_KINDS[kind], self.lang)

    def role(self, role: Role) -> str:
        return _pick(_ROLES[role], self.lang)

    def sector(self, sector: Sector | None) -> str:
        return _pick(_SECTORS[sector], self.lang) if sector else ""

    def status(self, status: RegistrationStatus) -> str:
        return _pick(_STATUSES[status], self.lang)

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
