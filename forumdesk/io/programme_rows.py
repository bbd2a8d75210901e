"""Cleaning one row of a programme spreadsheet: code, title, kind, dates and times, people.

Dates come as ISO, "25.11.2021", "25/11/2021", "25 ноября 2021" or an Excel serial number; times
as "10:00", "10.00", "10:00:00", "10:00 AM", a fraction of a day, or a range "10:00–11:30" in one
"Время" column. Kinds are read in Russian and English ("Пленарное заседание", "Кофе-брейк").
People are listed by e-mail or name, separated by ; , or line breaks. Every problem names its
row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from forumdesk.core import text
from forumdesk.core.content_languages import language_name
from forumdesk.core.enums import Role, SessionKind
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import N_, _, ngettext
from forumdesk.io.header_words import LANGUAGE_FIELDS
from forumdesk.io.headers import ColumnMapping
from forumdesk.io.people_rows import split_list, too_long
from forumdesk.io.tables import RowProblem

ROLE_FIELDS = {
    "moderators": Role.MODERATOR,
    "co_moderators": Role.CO_MODERATOR,
    "speakers": Role.SPEAKER,
    "panelists": Role.PANELIST,
    "rapporteurs": Role.RAPPORTEUR,
}
LIMITS = {"code": 32, "title": 500, "room": 200, "track": 200}
MAX_LENGTH = dt.timedelta(hours=24)

_MONTHS = {
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "мая": 5,
    "май": 5,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "қаң": 1,
    "ақп": 2,
    "нау": 3,
    "сәу": 4,
    "мам": 5,
    "мау": 6,
    "шіл": 7,
    "там": 8,
    "қыр": 9,
    "қаз": 10,
    "қар": 11,
    "жел": 12,
}
_KINDS = (
    ("пленар", SessionKind.PLENARY),
    ("plenar", SessionKind.PLENARY),
    ("открыти", SessionKind.PLENARY),
    ("закрыти", SessionKind.PLENARY),
    ("регистрац", SessionKind.REGISTRATION),
    ("registration", SessionKind.REGISTRATION),
    ("перерыв", SessionKind.BREAK),
    ("кофе", SessionKind.BREAK),
    ("обед", SessionKind.BREAK),
    ("ужин", SessionKind.BREAK),
    ("брейк", SessionKind.BREAK),
    ("break", SessionKind.BREAK),
    ("lunch", SessionKind.BREAK),
    ("coffee", SessionKind.BREAK),
    ("воркшоп", SessionKind.WORKSHOP),
    ("мастер", SessionKind.WORKSHOP),
    ("семинар", SessionKind.WORKSHOP),
    ("тренинг", SessionKind.WORKSHOP),
    ("workshop", SessionKind.WORKSHOP),
    ("дискусс", SessionKind.DISCUSSION),
    ("панел", SessionKind.DISCUSSION),
    ("круглый стол", SessionKind.DISCUSSION),
    ("секци", SessionKind.DISCUSSION),
    ("сесси", SessionKind.DISCUSSION),
    ("discussion", SessionKind.DISCUSSION),
    ("panel", SessionKind.DISCUSSION),
    ("другое", SessionKind.OTHER),
    ("other", SessionKind.OTHER),
)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?$", re.IGNORECASE)
_RANGE = re.compile(
    r"^\s*(\S+(?:\s*[ap]\.?m\.?)?)\s*[-–—]\s*(\S+(?:\s*[ap]\.?m\.?)?)\s*$", re.IGNORECASE
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(slots=True)
class SessionDraft:
    row: int
    title: str
    code: str | None = None
    kind: SessionKind | None = None
    track: str | None = None
    room: str | None = None
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    description: str | None = None
    expected_audience: int | None = None
    planned_minutes: int | None = None  # from a length column, else from start–end
    people: list[tuple[Role, str, str]] = field(default_factory=list)  # role, who, field
    # title and description in the event's other languages: {"en": {"title": ...}}
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


def parse_date(value: str) -> dt.date:
    """A date as staff write it; ValueError if it is not one."""
    value = value.strip()
    head = value.split(" ")[0].split("T")[0]
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(head, pattern).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{5}(\.0+)?", value):  # an Excel serial day number that lost its format
        return _EXCEL_EPOCH + dt.timedelta(days=int(float(value)))
    words = re.findall(r"\w+", value.casefold())
    if len(words) >= 3 and words[0].isdigit() and words[-1].isdigit():
        month = _MONTHS.get(words[1][:3])
        if month:
            return dt.date(int(words[-1]), month, int(words[0]))
    raise ValueError(value)


def parse_time(value: str) -> dt.time:
    """A time of day; ValueError if it is not one."""
    value = value.strip()
    if " " in value and parse_date_or_none(value.split(" ")[0]):
        value = value.split(" ", 1)[1].strip()  # "2021-11-25 10:00"
    found = _TIME.match(value)
    if found:
        hour, minute = int(found[1]), int(found[2])
        suffix = (found[4] or "").lower().replace(".", "")
        if suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
        return dt.time(hour, minute)
    number = float(value.replace(",", "."))  # an Excel fraction of a day: 0.4166… is 10:00
    if not 0 <= number < 1:
        raise ValueError(value)
    minutes = round(number * 24 * 60)
    return dt.time(minutes // 60 % 24, minutes % 60)


_LENGTH_PARTS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(hours?|hrs|hr|h|час\w*|ч|minutes?|mins|min|мин\w*|m|м)?\.?",
    re.IGNORECASE,
)


def parse_length(value: str) -> int:
    """A planned length in minutes: "90", "90 min", "1:30", "1.5 h", "1 ч 30 мин".

    A bare number is minutes; "h:mm" is hours and minutes. ValueError if it is not a length.
    """
    value = value.strip().casefold()
    clock = re.fullmatch(r"(\d{1,2}):(\d{2})(?::00)?", value)
    if clock:
        minutes = int(clock[1]) * 60 + int(clock[2])
    else:
        minutes, rest = 0, value
        for found in _LENGTH_PARTS.finditer(value):
            number = float(found[1].replace(",", "."))
            unit = (found[2] or "").casefold()
            minutes += round(number * 60) if unit[:1] in ("ч", "h") else round(number)
            rest = rest.replace(found[0], "", 1)
        if rest.strip(" ,") or not _LENGTH_PARTS.search(value):
            raise ValueError(value)
    if not 0 < minutes <= 24 * 60:
        raise ValueError(value)
    return minutes


def parse_date_or_none(value: str) -> dt.date | None:
    try:
        return parse_date(value)
    except (ValueError, OverflowError):
        return None


def parse_kind(value: str) -> SessionKind:
    try:
        return SessionKind.parse(value)  # type: ignore[return-value]
    except ValueError:
        folded = text.fold(value)
        for word, kind in _KINDS:
            if word in folded:
                return kind
        raise


class ProgrammeRowCleaner:
    """Turns a programme table's rows into SessionDrafts for one event's days."""

    def __init__(
        self,
        mapping: ColumnMapping,
        sheet: str | None,
        first_day: dt.date,
        last_day: dt.date,
        *,
        main_language: str = "ru",
    ) -> None:
        """`main_language`: the event's, whose texts go in the session's own columns (a column
        tagged with it, "Название (рус.)", counts as the plain one where there is none)."""
        self.main_language = main_language
        self.mapping = mapping
        self.sheet = sheet
        self.first_day, self.last_day = first_day, last_day
        self.columns = {name: index for index, name in mapping.fields.items()}

    def problem(self, row: int, field_name: str | None, message: str) -> RowProblem:
        column = None
        if field_name is not None and field_name in self.columns:
            column = self.mapping.header_of(self.columns[field_name])
        return RowProblem(self.sheet, row, column, message)

    def clean(self, row: int, cells: Sequence[str]) -> SessionDraft | list[RowProblem] | None:
        values = {
            name: text.clean(cells[i]) if i < len(cells) else None
            for name, i in self.columns.items()
        }
        if not any(values.values()):
            return None
        problems: list[RowProblem] = []
        translations: dict[str, dict[str, str]] = {}
        for name, (text_field, lang) in LANGUAGE_FIELDS.items():
            tagged = values.get(name)
            if tagged:
                translations.setdefault(lang, {})[text_field] = tagged
        main = translations.pop(self.main_language, {})
        title = values.get("title") or main.get("title")
        if not title:
            message = (
                _("the session has no title in the event's main language ({language}).").format(
                    language=language_name(self.main_language)
                )
                if translations
                else _("the session's title is missing.")
            )
            problems.append(self.problem(row, "title", message))
        draft = SessionDraft(
            row=row,
            title=title or "",
            code=values.get("code"),
            track=values.get("track"),
            room=values.get("room"),
            description=values.get("description") or main.get("description"),
            translations=translations,
        )
        for name, limit in LIMITS.items():
            value = getattr(draft, name)
            if value and len(value) > limit:
                problems.append(self.problem(row, name, too_long(len(value), limit)))
        if values.get("kind"):
            try:
                draft.kind = parse_kind(values["kind"] or "")
            except ValueError:
                allowed = ", ".join(k.translated_label for k in SessionKind)
                problems.append(
                    self.problem(
                        row,
                        "kind",
                        _("«{kind}» is not a kind of session; use one of: {kinds}.").format(
                            kind=values["kind"], kinds=allowed
                        ),
                    )
                )
        if values.get("expected_audience"):
            try:
                draft.expected_audience = text.non_negative(
                    (values["expected_audience"] or "").split(".")[0],
                    N_("expected audience"),
                    "expected_audience",
                )
            except ValidationError as exc:
                problems.append(self.problem(row, "expected_audience", exc.message))
        self._times(row, values, draft, problems)
        self._length(row, values, draft, problems)
        for name, role in ROLE_FIELDS.items():
            for who in split_list(values.get(name)):
                draft.people.append((role, who, name))
        return problems or draft

    def _times(
        self,
        row: int,
        values: dict[str, str | None],
        draft: SessionDraft,
        problems: list[RowProblem],
    ) -> None:
        start_text, end_text = values.get("start"), values.get("end")
        start_field, end_field = "start", "end"
        if values.get("time") and not (start_text or end_text):
            found = _RANGE.match(values["time"] or "")
            if not found:
                problems.append(
                    self.problem(
                        row,
                        "time",
                        _("«{time}» is not a time range; write it as 10:00–11:30.").format(
                            time=values["time"]
                        ),
                    )
                )
                return
            start_text, end_text = found[1], found[2]
            start_field = end_field = "time"
        date_text = values.get("date")
        if not (start_text or end_text):
            if date_text:
                problems.append(
                    self.problem(
                        row,
                        "date",
                        _(
                            "a date is given but no start and end times; give both, or neither "
                            "for an "
                            "unscheduled session."
                        ),
                    )
                )
            return
        if not (start_text and end_text):
            missing = "end" if start_text else "start"
            message = (
                _("the end time is missing; a scheduled session needs both.")
                if start_text
                else _("the start time is missing; a scheduled session needs both.")
            )
            problems.append(
                self.problem(row, missing if missing in self.columns else None, message)
            )
            return
        day = self._day(row, date_text, start_text, problems)
        times = []
        for field_name, value in ((start_field, start_text), (end_field, end_text)):
            try:
                times.append(parse_time(value or ""))
            except (ValueError, OverflowError):
                problems.append(
                    self.problem(
                        row,
                        field_name,
                        _("«{time}» is not a time; write it as HH:MM, e.g. 10:00.").format(
                            time=value
                        ),
                    )
                )
        if day is None or len(times) != 2:
            return
        starts_at = dt.datetime.combine(day, times[0])
        ends_at = dt.datetime.combine(day, times[1])
        if ends_at <= starts_at:
            problems.append(
                self.problem(
                    row,
                    end_field,
                    _("the session ends ({end}) before it starts ({start}).").format(
                        end=f"{times[1]:%H:%M}", start=f"{times[0]:%H:%M}"
                    ),
                )
            )
            return
        draft.starts_at, draft.ends_at = starts_at, ends_at

    def _length(
        self,
        row: int,
        values: dict[str, str | None],
        draft: SessionDraft,
        problems: list[RowProblem],
    ) -> None:
        """The planned length: a length column, else the time from start to end."""
        given = values.get("duration")
        if given:
            try:
                draft.planned_minutes = parse_length(given)
            except ValueError:
                problems.append(
                    self.problem(
                        row,
                        "duration",
                        _("«{length}» is not a length; write minutes (90) or h:mm (1:30).").format(
                            length=given
                        ),
                    )
                )
        elif draft.starts_at is not None and draft.ends_at is not None:
            draft.planned_minutes = round((draft.ends_at - draft.starts_at).total_seconds() / 60)

    def _day(
        self, row: int, date_text: str | None, start_text: str | None, problems: list[RowProblem]
    ) -> dt.date | None:
        if not date_text and start_text:
            day = parse_date_or_none(start_text.split(" ")[0])
            if day is not None:
                date_text = day.isoformat()
        if not date_text:
            if self.first_day == self.last_day:
                return self.first_day
            days = (self.last_day - self.first_day).days + 1
            problems.append(
                self.problem(
                    row,
                    "date" if "date" in self.columns else None,
                    ngettext(
                        "the date is missing, and the event lasts {days} days.",
                        "the date is missing, and the event lasts {days} days.",
                        days,
                    ).format(days=days),
                )
            )
            return None
        day = parse_date_or_none(date_text)
        if day is None:
            problems.append(
                self.problem(
                    row,
                    "date",
                    _("«{date}» is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.").format(
                        date=date_text
                    ),
                )
            )
            return None
        if not self.first_day <= day <= self.last_day:
            problems.append(
                self.problem(
                    row,
                    "date",
                    _("{day} is outside the event ({first}–{last}).").format(
                        day=f"{day:%d.%m.%Y}",
                        first=f"{self.first_day:%d.%m.%Y}",
                        last=f"{self.last_day:%d.%m.%Y}",
                    ),
                )
            )
            return None
        return day
