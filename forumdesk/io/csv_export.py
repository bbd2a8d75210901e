"""CSV files of an event's sessions and people, for Excel and for other programs.

Two flavours:

- "excel": UTF-8 with a byte-order mark, which is what makes Excel read Cyrillic correctly when
  the file is opened with a double click, and fields a spreadsheet would take for a formula
  prefixed with an apostrophe (see xlsx_safety.csv_field). The guard stays on phone numbers
  too: Excel reads "+41 22 730 11 11" as a formula (#NULL!) and "+41227301111" as a number
  that loses its plus, so there the apostrophe is the lesser harm.
- "plain": RFC 4180 for mail merge, CRM uploads and scripts: UTF-8 without a byte-order mark,
  every value exactly as stored (no apostrophes), fields quoted only where they must be.

Both end lines with CRLF, as RFC 4180 and Excel write them (every CSV reader takes it). Excel
with Russian regional settings expects semicolons between columns; `delimiter=";"` gives that.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, get_args

from forumdesk.core.countries import country_label
from forumdesk.core.enums import Role
from forumdesk.core.rows import SessionRow
from forumdesk.core.transliteration import latin_name
from forumdesk.io.agenda_data import AgendaData, people_lines
from forumdesk.io.agenda_labels import Labels
from forumdesk.io.output_files import output_file
from forumdesk.io.xlsx_safety import csv_field

DELIMITERS = (",", ";", "\t")
CsvFlavour = Literal["excel", "plain"]
FLAVOURS: tuple[CsvFlavour, ...] = get_args(CsvFlavour)


def session_table(data: AgendaData, labels: Labels) -> tuple[list[str], list[list[str]]]:
    """Headings and rows: every session, scheduled ones first in programme order; a cancelled
    one is in it, its Status column saying so."""
    heads = [
        labels["code"],
        labels["title"],
        labels["kind"],
        labels["track"],
        labels["room"],
        labels["date"],
        labels["start"],
        labels["end"],
        labels["moderators"],
        labels["speakers_only"],
        labels["panelists"],
        labels["description"],
        # last: scripts that read the columns by position before it was added still work
        labels["session_status"],
    ]
    rows = []
    for session in data.sessions:
        rows.append(
            [
                session.code or "",
                session.title,
                labels.kind(session.kind),
                session.track_name or "",
                session.room_name or "",
                f"{session.starts_at:%Y-%m-%d}" if session.starts_at else "",
                f"{session.starts_at:%H:%M}" if session.starts_at else "",
                f"{session.ends_at:%H:%M}" if session.ends_at else "",
                _names(session, (Role.MODERATOR, Role.CO_MODERATOR)),
                _names(session, (Role.SPEAKER,)),
                _names(session, (Role.PANELIST,)),
                session.description or "",
                # a cancelled session stays in the programme, and a mail merge must not
                # invite its people: the column says so in a word a filter can pick
                labels["status_cancelled"] if session.cancelled else "",
            ]
        )
    return heads, rows


def _names(session: SessionRow, roles: Sequence[Role]) -> str:
    return "; ".join(link.person.with_organization() for link in session.with_roles(roles))


def people_table(data: AgendaData, labels: Labels) -> tuple[list[str], list[list[str]]]:
    """Headings and rows: everyone registered or holding a role, by family name."""
    heads = [
        labels["family_name"],
        labels["given_name"],
        labels["patronymic"],
        labels["name"],
        labels["latin_name"],
        labels["organization"],
        labels["position"],
        labels["country"],
        labels["sector"],
        labels["email"],
        labels["phone"],
        labels["status"],
        labels["roles"],
    ]
    rows = []
    for line in people_lines(data, labels.role):
        person = line.person
        rows.append(
            [
                person.family_name,
                person.given_name or "",
                person.patronymic or "",
                person.display_name,
                person.latin_name or latin_name(person.display_name) or "",
                person.organization or "",
                person.position or "",
                country_label(person.listed_country, labels.lang) or "",
                labels.sector(person.listed_sector),
                person.email or "",
                person.phone or "",
                labels.status(line.status) if line.status else "",
                line.roles,
            ]
        )
    return heads, rows


def _plain_field(value: object) -> str:
    return "" if value is None else str(value)


def write_csv(
    path: Path,
    heads: Sequence[str],
    rows: Iterable[Sequence[object]],
    delimiter: str = ",",
    flavour: CsvFlavour = "excel",
) -> int:
    """Write a CSV file in `flavour` (see the module's docstring); returns the rows written."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"unsupported delimiter {delimiter!r}")
    if flavour not in FLAVOURS:
        raise ValueError(f"unsupported CSV flavour {flavour!r}")
    field = csv_field if flavour == "excel" else _plain_field
    encoding = "utf-8-sig" if flavour == "excel" else "utf-8"
    count = 0
    with (
        output_file(Path(path)) as temp,
        temp.open("w", encoding=encoding, newline="") as handle,
    ):
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([field(h) for h in heads])
        for row in rows:
            writer.writerow([field(value) for value in row])
            count += 1
    return count
