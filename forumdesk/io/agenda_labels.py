"""Headings, day and month names for printed agendas, in Russian and English.

Written out here rather than taken from the locale: the export must read the same on an English
Windows and a Russian Linux, and Russian dates need the genitive month ("25 ноября"), which
`strftime` does not give everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from forumdesk.core.enums import RegistrationStatus, Role, Sector, SessionKind

Lang = Literal["ru", "en"]
LANGUAGES: tuple[Lang, ...] = ("ru", "en")
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

_DAYS = (
    ("понедельник", "Monday"),
    ("вторник", "Tuesday"),
    ("среда", "Wednesday"),
    ("четверг", "Thursday"),
    ("пятница", "Friday"),
    ("суббота", "Saturday"),
    ("воскресенье", "Sunday"),
)
_SHORT_DAYS = (
    ("пн", "Mon"),
    ("вт", "Tue"),
    ("ср", "Wed"),
    ("чт", "Thu"),
    ("пт", "Fri"),
    ("сб", "Sat"),
    ("вс", "Sun"),
)
# Russian dates take the month in the genitive: "25 ноября".
_MONTHS = (
    ("января", "January"),
    ("февраля", "February"),
    ("марта", "March"),
    ("апреля", "April"),
    ("мая", "May"),
    ("июня", "June"),
    ("июля", "July"),
    ("августа", "August"),
    ("сентября", "September"),
    ("октября", "October"),
    ("ноября", "November"),
    ("декабря", "December"),
)

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
    return pair[0] if lang == "ru" else pair[1]


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

    def long_date(self, day: dt.date) -> str:
        """ "Thursday, 25 November 2021" / "Четверг, 25 ноября 2021 г." """
        weekday = _pick(_DAYS[day.weekday()], self.lang)
        month = _pick(_MONTHS[day.month - 1], self.lang)
        if self.lang == "ru":
            return f"{weekday.capitalize()}, {day.day} {month} {day.year} г."
        return f"{weekday}, {day.day} {month} {day.year}"

    def short_date(self, day: dt.date) -> str:
        """ "Thu 25 Nov" / "чт 25.11" (sheet names and narrow columns)."""
        weekday = _pick(_SHORT_DAYS[day.weekday()], self.lang)
        if self.lang == "ru":
            return f"{weekday} {day:%d.%m}"
        return f"{weekday} {day.day} {_MONTHS[day.month - 1][1][:3]}"

    def date_span(self, first: dt.date, last: dt.date) -> str:
        """ "25–26 November 2021" / "25–26 ноября 2021 г." """
        month = _pick(_MONTHS[last.month - 1], self.lang)
        suffix = " г." if self.lang == "ru" else ""
        if first == last:
            return f"{first.day} {month} {first.year}{suffix}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{last.day} {month} {last.year}{suffix}"
        first_month = _pick(_MONTHS[first.month - 1], self.lang)
        if first.year == last.year:
            return f"{first.day} {first_month} – {last.day} {month} {last.year}{suffix}"
        return (
            f"{first.day} {first_month} {first.year}{suffix} – "
            f"{last.day} {month} {last.year}{suffix}"
        )


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
