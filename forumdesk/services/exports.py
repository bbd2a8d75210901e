"""Exporting an event: the agenda workbook, iCalendar files and CSV files.

`ExportOptions` is what the export dialog fills in and what is remembered between exports
(`to_dict`/`from_dict` give plain JSON-safe values for settings). Each export reads the event in
one go, writes to a temporary file beside the target and replaces the target only when the new
file is complete: a failed or cancelled export leaves the previous file as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from forumdesk import __version__
from forumdesk.core import text
from forumdesk.core.errors import NotFoundError, ValidationError
from forumdesk.core.i18n import _
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.io.agenda_labels import DEFAULT_PARTS, LANGUAGES, Labels, Lang
from forumdesk.io.agenda_xlsx import (
    GRID_STEPS,
    PAPERS,
    PARTS,
    Progress,
    WorkbookResult,
    check_choices,
    write_agenda_workbook,
)
from forumdesk.io.csv_export import FLAVOURS, CsvFlavour, people_table, session_table, write_csv
from forumdesk.io.ical import write_ics
from forumdesk.services.agenda import event_language, load_agenda
from forumdesk.services.versions import agenda_edition

__all__ = [
    "DEFAULT_PARTS",
    "GRID_STEPS",
    "PAPERS",
    "PARTS",
    "ExportOptions",
    "Progress",
    "WorkbookResult",
    "export_agenda",
    "export_calendar",
    "export_csv",
    "export_personal_agendas",
]

CsvWhat = Literal["sessions", "people"]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What goes into the agenda workbook and how it prints.

    `days`, `room_ids` and `track_ids` narrow the agenda (None: all of them); venue-wide sessions
    without a room or track (breaks, registration) stay under those filters.
    """

    parts: tuple[str, ...] = DEFAULT_PARTS
    days: tuple[dt.date, ...] | None = None
    room_ids: tuple[int, ...] | None = None
    track_ids: tuple[int, ...] | None = None
    paper: str = "A4"
    lang: Lang = "en"
    include_all_registered: bool = False  # personal agendas for everyone, not only speakers
    grid_step: int = 15  # minutes per row of the grid

    def __post_init__(self) -> None:
        # Whatever sequences a dialog passes in, options compare and store the same way: tuples,
        # parts in workbook order (unknown ones kept at the end for check() to name).
        parts = tuple(dict.fromkeys(self.parts))
        ordered = tuple(p for p in PARTS if p in parts) + tuple(p for p in parts if p not in PARTS)
        object.__setattr__(self, "parts", ordered)
        for name in ("days", "room_ids", "track_ids"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, tuple(value))

    def check(self) -> None:
        """Raise a ValidationError naming the first value that cannot be used."""
        check_choices(self.parts, self.paper, self.lang, self.grid_step)

    def to_dict(self) -> dict[str, Any]:
        """Plain values (lists, strings, numbers) for settings storage."""
        return {
            "parts": list(self.parts),
            "days": None if self.days is None else [d.isoformat() for d in self.days],
            "room_ids": None if self.room_ids is None else list(self.room_ids),
            "track_ids": None if self.track_ids is None else list(self.track_ids),
            "paper": self.paper,
            "lang": self.lang,
            "include_all_registered": self.include_all_registered,
            "grid_step": self.grid_step,
        }

    @classmethod
    def from_dict(cls, values: Mapping[str, Any] | None) -> ExportOptions:
        """Options from stored settings; a missing or unusable value falls back to its default.

        Settings outlive versions and get edited by hand: a bad remembered value must never
        stop the export dialog from opening.
        """
        values = values or {}
        default = cls()
        chosen: dict[str, Any] = {}
        parts = _str_list(values.get("parts"))
        if parts is not None:
            parts = [p for p in parts if p in PARTS]
            if parts:
                chosen["parts"] = tuple(parts)
        if "days" in values:
            chosen["days"] = _dates(values["days"], default.days)
        for name in ("room_ids", "track_ids"):
            if name in values:
                chosen[name] = _ids(values[name], getattr(default, name))
        paper = values.get("paper")
        if isinstance(paper, str):
            chosen["paper"] = next(
                (p for p in PAPERS if p.casefold() == paper.casefold()), default.paper
            )
        if values.get("lang") in LANGUAGES:
            chosen["lang"] = values["lang"]
        if isinstance(values.get("include_all_registered"), bool):
            chosen["include_all_registered"] = values["include_all_registered"]
        if values.get("grid_step") in GRID_STEPS and isinstance(values["grid_step"], int):
            chosen["grid_step"] = values["grid_step"]
        return cls(**chosen)

    def fitted_to(
        self, event: EventRow, room_ids: Iterable[int], track_ids: Iterable[int]
    ) -> ExportOptions:
        """These options without the days, rooms and tracks the event does not have.

        Remembered options may come from another event; what is left of a filter that no longer
        matches anything is "all".
        """
        days = rooms = tracks = None
        if self.days is not None:
            days = tuple(d for d in self.days if event.first_day <= d <= event.last_day) or None
        if self.room_ids is not None:
            rooms = tuple(r for r in self.room_ids if r in set(room_ids)) or None
        if self.track_ids is not None:
            tracks = tuple(t for t in self.track_ids if t in set(track_ids)) or None
        return replace(self, days=days, room_ids=rooms, track_ids=tracks)


def _str_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return [str(part) for part in value]
    return None


def _dates(value: object, default: tuple[dt.date, ...] | None) -> tuple[dt.date, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        return default
    try:
        return tuple(dt.date.fromisoformat(str(v)) for v in value)
    except ValueError:
        return default


def _ids(value: object, default: tuple[int, ...] | None) -> tuple[int, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        return default
    try:
        return tuple(int(v) for v in value)
    except (TypeError, ValueError):
        return default


# --- exports ----------------------------------------------------------------------------------


def export_agenda(
    db: Database,
    event_id: int,
    path: Path | str,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> WorkbookResult:
    """Write the agenda workbook for an event to `path`.

    `progress(done, total)` is called as the work advances (from the calling thread); when it
    returns False the export stops, the result says `cancelled`, and any previous file at `path`
    is left untouched. Runs its own read of the database: call it from a worker thread. Without
    `options`: the programme and the grid, headed in the language the event is written in.
    """
    options = options or ExportOptions(lang=event_language(db, event_id))
    options.check()
    data = load_agenda(
        db,
        event_id,
        days=options.days,
        room_ids=options.room_ids,
        track_ids=options.track_ids,
    )
    # every page says which version it shows; the Changes sheet lists what it changed
    data = replace(data, edition=agenda_edition(db, event_id, options.lang))
    return write_agenda_workbook(
        data,
        Path(path),
        parts=options.parts,
        paper=options.paper,
        lang=options.lang,
        grid_step=options.grid_step,
        include_all_registered=options.include_all_registered,
        progress=progress,
    )


def export_personal_agendas(
    db: Database,
    event_id: int,
    path: Path | str,
    person_ids: Iterable[int],
    *,
    lang: Lang = "en",
    paper: str = "A4",
    progress: Progress | None = None,
) -> WorkbookResult:
    """Write the personal agendas of `person_ids` only (the people to tell of a change: each
    gets their new agenda), every page saying which version it shows."""
    _check_lang(lang)
    data = load_agenda(db, event_id)
    data = replace(data, edition=agenda_edition(db, event_id, lang))
    return write_agenda_workbook(
        data,
        Path(path),
        parts=("personal",),
        paper=paper,
        lang=lang,
        progress=progress,
        personal_for=frozenset(person_ids),
    )


def export_calendar(
    db: Database,
    event_id: int,
    path: Path | str,
    *,
    person_email: str | None = None,
    lang: Lang = "en",
) -> int:
    """Write an .ics of the event's scheduled sessions, or of one person's; returns how many.

    The person is found by e-mail (ignoring case); someone with no scheduled session at the
    event gets a message rather than an empty calendar.
    """
    _check_lang(lang)
    data = load_agenda(db, event_id)
    person = None
    if person_email is not None:
        address = text.clean(person_email)
        wanted = address.casefold() if address else ""
        person = next(
            (p for p in data.people().values() if p.email and p.email.casefold() == wanted), None
        )
        if person is None:
            raise NotFoundError(
                _("Nobody with the e-mail {email} takes part in «{event}».").format(
                    email=person_email, event=data.event.name
                )
            )
        if not any(link.person.id == person.id for s in data.scheduled for link in s.people):
            raise ValidationError(
                _(
                    "{name} has no scheduled session at «{event}» yet, so "
                    "there is nothing to export."
                ).format(name=person.display_name, event=data.event.name)
            )
    return write_ics(data, Path(path), lang=lang, person=person, app_version=__version__)


def export_csv(
    db: Database,
    event_id: int,
    path: Path | str,
    what: CsvWhat,
    *,
    lang: Lang = "en",
    delimiter: str = ",",
    flavour: CsvFlavour = "excel",
) -> int:
    """Write the event's sessions or people as CSV, for Excel or plain (see io.csv_export).

    Returns the row count.
    """
    _check_lang(lang)
    if what not in ("sessions", "people"):
        raise ValidationError(
            _("Cannot export {what} as CSV; choose sessions or people.").format(what=repr(what)),
            field="what",
        )
    if delimiter not in (",", ";", "\t"):
        raise ValidationError(
            _("Separate CSV columns with a comma, a semicolon or a tab."), field="delimiter"
        )
    if flavour not in FLAVOURS:
        raise ValidationError(
            _("Unknown CSV flavour {flavour}; choose excel or plain.").format(
                flavour=repr(flavour)
            ),
            field="flavour",
        )
    data = load_agenda(db, event_id)
    labels = Labels(lang)
    heads, rows = (session_table if what == "sessions" else people_table)(data, labels)
    return write_csv(Path(path), heads, rows, delimiter, flavour)


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValidationError(
            _("Unknown heading language {lang}; choose ru, kk or en.").format(lang=repr(lang)),
            field="lang",
        )
