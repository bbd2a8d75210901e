"""CSV files of an event's sessions and people, for other programs and for Excel.

UTF-8 with a byte-order mark, which is what makes Excel read Cyrillic correctly when the file is
opened with a double click. Excel with Russian regional settings expects semicolons between
columns; `delimiter=";"` gives that. Fields a spreadsheet would take for a formula are prefixed
with an apostrophe (see xlsx_safety.csv_field).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from forumdesk.core.enums import Role
from forumdesk.core.rows import SessionRow
from forumdesk.io.agenda_data import AgendaData, people_lines
from forumdesk.io.agenda_labels import Labels
from forumdesk.io.output_files import output_file
from forumdesk.io.xlsx_safety import csv_field

DELIMITERS = (",", ";", "\t")


def session_table(data: AgendaData, labels: Labels) -> tuple[list[str], list[list[str]]]:
    """Headings and rows: every session, scheduled ones first in programme order."""
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
                person.organization or "",
                person.position or "",
                person.listed_country or "",
                labels.sector(person.listed_sector),
                person.email or "",
                person.phone or "",
                labels.status(line.status) if line.status else "",
                line.roles,
            ]
        )
    return heads, rows


def write_csv(
    path: Path, heads: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ","
) -> int:
    """Write a CSV file (UTF-8 with BOM, CRLF line ends as Excel writes them); returns rows."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"unsupported delimiter {delimiter!r}")
    count = 0
    with (
        output_file(Path(path)) as temp,
        temp.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([csv_field(h) for h in heads])
        for row in rows:
            writer.writerow([csv_field(value) for value in row])
            count += 1
    return count
