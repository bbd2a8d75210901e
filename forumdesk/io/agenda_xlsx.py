"""The agenda workbook: programme, grids, sign-in sheets, door signs, personal agendas, people.

`write_agenda_workbook` writes the parts asked for, each set up to print (see
agenda_sheets_common), to a temporary file beside the target and puts it in the target's place
only when complete (forumdesk.io.output_files); openpyxl's working files go to a scratch folder
of forumdesk's own, removed at the end. Progress is reported after each day, session, door sign
or person; the callback answering False cancels, and then the previous file is left exactly as
it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from openpyxl import Workbook

from forumdesk.core.errors import CancelledError, ValidationError
from forumdesk.core.i18n import _
from forumdesk.core.progress import Progress
from forumdesk.io.agenda_data import AgendaData, people_lines
from forumdesk.io.agenda_labels import LANGUAGES, PAPERS, PARTS, Labels, Lang
from forumdesk.io.agenda_sheets_changes import write_changes
from forumdesk.io.agenda_sheets_common import Book, Styles
from forumdesk.io.agenda_sheets_grid import grid_layouts, grid_units, write_grids
from forumdesk.io.agenda_sheets_pages import (
    agenda_people,
    room_days,
    write_personal,
    write_room_signs,
)
from forumdesk.io.agenda_sheets_people import people_units, write_people
from forumdesk.io.agenda_sheets_programme import programme_units, write_programme
from forumdesk.io.agenda_sheets_signin import signin_sessions, write_signin
from forumdesk.io.output_files import output_file
from forumdesk.io.xlsx_safety import openpyxl_scratch

__all__ = [
    "GRID_STEPS",
    "PAPERS",
    "PARTS",
    "Progress",
    "WorkbookResult",
    "check_choices",
    "write_agenda_workbook",
]

GRID_STEPS = (5, 10, 15, 20, 30, 60)


@dataclass(frozen=True, slots=True)
class WorkbookResult:
    path: Path
    sheets: tuple[str, ...]
    cancelled: bool = False


def check_choices(parts: Iterable[str], paper: str, lang: str, grid_step: int) -> list[str]:
    """The parts in workbook order; a ValidationError naming the first value not accepted."""
    chosen = list(dict.fromkeys(parts))
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        raise ValidationError(
            _("Unknown part of the agenda: {parts}; choose from {known}.").format(
                parts=", ".join(unknown), known=", ".join(PARTS)
            ),
            field="parts",
        )
    if not chosen:
        raise ValidationError(_("Choose at least one part of the agenda to export."), field="parts")
    if paper not in PAPERS:
        raise ValidationError(
            _("Unknown paper size {paper}; choose A4 or Letter.").format(paper=repr(paper)),
            field="paper",
        )
    if lang not in LANGUAGES:
        raise ValidationError(
            _("Unknown heading language {lang}; choose ru, kk or en.").format(lang=repr(lang)),
            field="lang",
        )
    if grid_step not in GRID_STEPS:
        raise ValidationError(
            _("The grid's time step must be one of {steps} minutes.").format(
                steps=", ".join(map(str, GRID_STEPS))
            ),
            field="grid_step",
        )
    return [p for p in PARTS if p in chosen]


def write_agenda_workbook(
    data: AgendaData,
    path: Path,
    *,
    parts: Sequence[str] = PARTS,
    paper: str = "A4",
    lang: Lang = "en",
    grid_step: int = 15,
    include_all_registered: bool = False,
    progress: Progress | None = None,
    personal_for: Collection[int] | None = None,
) -> WorkbookResult:
    """Write the chosen parts of `data`'s agenda to `path` (replacing it only on success).

    `personal_for` names the people whose personal agendas are written (None: as
    `include_all_registered` says): the people to tell of a change get their new agenda.
    """
    chosen = check_choices(parts, paper, lang, grid_step)
    labels = Labels(lang)
    writers = _plan(data, chosen, labels, grid_step, include_all_registered, personal_for)
    total = sum(units for units, _ in writers) + 1  # the last unit: saving the file
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if progress is not None and progress(done, total) is False:
            raise CancelledError

    path = Path(path)
    try:
        with output_file(path) as temp, openpyxl_scratch():
            workbook = Workbook(write_only=True)
            workbook.properties.title = data.event.name
            workbook.properties.creator = "forumdesk"
            book = Book(
                workbook,
                Styles(workbook),
                labels,
                paper,
                data.event.name,
                stamp=stamp(data, labels),
            )
            try:
                for _, make in writers:
                    for _ in make(book):
                        advance()
                workbook.save(temp)
            except BaseException:
                _discard(workbook)
                raise
            sheets = tuple(workbook.sheetnames)
            advance()
    except CancelledError:
        return WorkbookResult(path, (), cancelled=True)
    return WorkbookResult(path, sheets)


def _plan(
    data: AgendaData,
    parts: Sequence[str],
    labels: Labels,
    grid_step: int,
    include_all_registered: bool,
    personal_for: Collection[int] | None = None,
) -> list[tuple[int, Callable[[Book], Iterator[None]]]]:
    """(progress units, sheet writer) for each part, in workbook order."""
    plan: list[tuple[int, Callable[[Book], Iterator[None]]]] = []
    for part in parts:
        if part == "programme":
            plan.append((programme_units(data), partial(write_programme, data=data)))
        elif part == "grid":
            layouts = grid_layouts(data, grid_step, labels)
            plan.append(
                (grid_units(layouts), partial(write_grids, layouts=layouts, step=grid_step))
            )
        elif part == "signin":
            sheets = signin_sessions(data, labels.lang)
            plan.append((max(1, len(sheets)), partial(write_signin, sheets=sheets)))
        elif part == "rooms":
            signs = room_days(data)
            plan.append((max(1, len(signs)), partial(write_room_signs, signs=signs)))
        elif part == "personal":
            if personal_for is None:
                people = agenda_people(data, include_all_registered)
            else:
                wanted = set(personal_for)
                people = sorted(
                    (p for p in data.people().values() if p.id in wanted), key=lambda p: p.sort_key
                )
            plan.append((max(1, len(people)), partial(write_personal, data=data, people=people)))
        elif part == "people":
            lines = people_lines(data, labels.role)
            plan.append((people_units(lines), partial(write_people, lines=lines)))
    edition = data.edition
    # the Changes sheet goes with the whole agenda, not with the agendas sent to people
    if edition is not None and personal_for is None and (edition.changes or edition.people):
        plan.append((1, partial(write_changes, edition=edition)))
    return plan


def stamp(data: AgendaData, labels: Labels) -> str | None:
    """What every page says of the version it shows (None: the export was not asked)."""
    edition = data.edition
    if edition is None:
        return None
    if edition.number is None or edition.published_at is None:
        return labels["unpublished_stamp"]
    template = labels["draft_stamp"] if edition.draft else labels["version_stamp"]
    return template.format(number=edition.number, time=f"{edition.published_at:%d.%m.%Y %H:%M}")


def _discard(workbook: Workbook) -> None:
    """Remove the streamed sheets' temporary files of a workbook that will not be saved.

    openpyxl keeps each write-only sheet in a temporary file until save and deletes them only at
    interpreter exit otherwise; a GUI that exports and cancels all day should not collect them.
    """
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            sheet.close()
        with contextlib.suppress(Exception):
            writer.cleanup()
