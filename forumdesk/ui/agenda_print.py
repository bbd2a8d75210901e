"""The printed agenda: the Programme sheet as a QTextDocument, for print preview and PDF.

The document is built from the same plain rows the workbook export reads (services.agenda) and
is laid out like its Programme sheet: the event's name and dates, then day by day (each day on
a new page) a table of time, code, session, room, moderators and speakers with their
organisations; plenaries shaded blue, breaks grey across the row. Headings come in the export's
language (Russian or English), whatever the language of the program.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from forumdesk.core.enums import LEADING_ROLES, Role, SessionKind
from forumdesk.core.errors import StorageError
from forumdesk.core.rows import SessionPerson, SessionRow
from forumdesk.io.agenda_data import AgendaData
from forumdesk.io.agenda_labels import Labels, Lang, time_range
from forumdesk.io.output_files import output_file

_PLENARY_SHADE = "#dce6f2"
_BREAK_SHADE = "#ededed"
_HEAD_SHADE = "#1f3864"
_NOWRAP = '<td style="white-space:nowrap">'
_PDF_DPI = 1200  # as QPrinter's HighResolution writes a PDF
_PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Column widths in per cent, in the proportions of the Programme sheet's columns.
_WIDTHS = (10, 5, 27, 10, 20, 28)


def _e(text: str | None) -> str:
    return html.escape(text or "")


def _lines(lines: Sequence[str]) -> str:
    return "<br>".join(_e(line) for line in lines)


def _people(links: Sequence[SessionPerson]) -> list[str]:
    return [link.person.with_organization() for link in links]


def _speaker_lines(session: SessionRow, labels: Labels) -> list[str]:
    speakers = _people(session.with_roles((Role.SPEAKER,)))
    panelists = _people(session.with_roles((Role.PANELIST,)))
    if speakers and panelists:
        return [labels["speakers_colon"], *speakers, labels["panelists_colon"], *panelists]
    return speakers or panelists


def _session_row(session: SessionRow, labels: Labels) -> str:
    assert session.starts_at is not None and session.ends_at is not None
    when = _e(time_range(session.starts_at, session.ends_at))
    if session.is_break:
        title = session.title + (f" ({session.room_name})" if session.room_name else "")
        return (
            f'<tr style="background-color:{_BREAK_SHADE}">{_NOWRAP}{when}</td>'
            f'{_NOWRAP}{_e(session.code)}</td><td colspan="4"><i>{_e(title)}</i></td></tr>'
        )
    shade = (
        f' style="background-color:{_PLENARY_SHADE}"' if session.kind is SessionKind.PLENARY else ""
    )
    title = f"<b>{_e(session.title)}</b>"
    if session.track_name:
        title += f"<br>{_e(session.track_name)}"
    elif session.kind not in (SessionKind.DISCUSSION, SessionKind.PLENARY):
        title += f"<br>{_e(labels.kind(session.kind))}"
    cells = (
        title,
        _e(session.room_name),
        _lines(_people(session.with_roles(LEADING_ROLES))),
        _lines(_speaker_lines(session, labels)),
    )
    return (
        f"<tr{shade}>{_NOWRAP}<b>{when}</b></td>{_NOWRAP}<b>{_e(session.code)}</b></td>"
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + "</tr>"
    )


def agenda_html(data: AgendaData, lang: Lang) -> str:
    """The Programme sheet as HTML that QTextDocument lays out (and paginates)."""
    labels = Labels(lang)
    event = data.event
    where = ", ".join(
        p for p in (labels.date_span(event.first_day, event.last_day), event.city, event.venue) if p
    )
    heads = (
        labels["time"],
        labels["code"],
        labels["session"],
        labels["room"],
        labels["moderators"],
        labels["speakers"],
    )
    head_row = "".join(
        f'<th width="{width}%" style="background-color:{_HEAD_SHADE}; color:white" '
        f'align="left">{_e(head)}</th>'
        for head, width in zip(heads, _WIDTHS, strict=True)
    )
    parts = [
        f'<h1 style="font-size:16pt">{_e(event.name)}</h1>',
        f'<p style="font-size:11pt; color:#404040">{_e(where)}</p>',
    ]
    scheduled = data.scheduled
    days = sorted({s.day for s in scheduled if s.day is not None})
    if not days:
        parts.append(f"<p>{_e(labels['no_sessions'])}</p>")
    for index, day in enumerate(days):
        # each day on a new page, as the Programme sheet breaks its pages
        brk = (
            ' style="page-break-before:always; font-size:13pt"'
            if index
            else ' style="font-size:13pt"'
        )
        parts.append(f"<h2{brk}>{_e(labels.long_date(day))}</h2>")
        rows = "".join(_session_row(s, labels) for s in scheduled if s.day == day)
        parts.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
            'style="border-collapse:collapse; border-color:#8c8c8c">'
            f"<thead><tr>{head_row}</tr></thead><tbody>{rows}</tbody></table>"
        )
    return f"<html><body>{''.join(parts)}</body></html>"


def agenda_font(point_size: float = 9) -> QFont:
    """The application's sans font (which has Cyrillic), at a size that fits six columns."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(point_size)
    return font


def agenda_document(data: AgendaData, lang: Lang) -> QTextDocument:
    """The Programme sheet as a document ready for a printer or a PDF writer."""
    document = QTextDocument()
    document.setDefaultFont(agenda_font())
    document.setDocumentMargin(0)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, data.event.name)
    document.setHtml(agenda_html(data, lang))
    return document


def set_up_printer(printer: QPagedPaintDevice, paper: str) -> None:
    """Landscape, as the Programme sheet prints, on the chosen paper with 12 mm margins."""
    layout = QPageLayout(
        QPageSize(_PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def pdf_bytes(document: QTextDocument, paper: str, title: str = "") -> bytes:
    """The PDF of `document`, made in memory.

    Qt's PDF engine writing to a file says nothing when a write fails (a full disk leaves a
    truncated PDF behind); made in memory, the bytes are written the way every export's are,
    and a full disk is reported.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_PDF_DPI)
    writer.setCreator("forumdesk")
    writer.setTitle(title)
    set_up_printer(writer, paper)
    document.print_(writer)
    del writer  # ends the PDF
    buffer.close()
    return bytes(buffer.data().data())


def write_pdf(document: QTextDocument, path: Path, paper: str, title: str = "") -> Path:
    """Print `document` to a PDF at `path`, replacing a previous file only when complete.

    Raises StorageError/ValidationError for a target that cannot be written (a folder, a file
    another program holds open, a missing folder, a full disk).
    """
    path = Path(path)
    payload = pdf_bytes(document, paper, title)
    if not payload:
        raise StorageError(
            QCoreApplication.translate(
                "ExportActions", "The PDF «{0}» could not be written."
            ).format(path.name)
        )
    with output_file(path) as temp:
        temp.write_bytes(payload)
    return path
