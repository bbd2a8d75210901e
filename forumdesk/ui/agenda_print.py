"""The printed agenda: the Programme sheet as pages of QTextDocument, for print preview and PDF.

The document is built from the same plain rows the workbook export reads (services.agenda) and
is laid out like its Programme sheet: the event's name and dates, then day by day (each day on
a new page) a table of time, code, session, room, moderators and speakers with their
organisations; plenaries shaded blue, breaks grey across the row. Pages are packed with whole
sessions (AgendaDocument). Headings come in the export's
language (Russian or English), whatever the language of the program.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from forumdesk.core.enums import LEADING_ROLES, Role, SessionKind
from forumdesk.core.errors import StorageError
from forumdesk.core.rows import SessionPerson, SessionRow
from forumdesk.io.agenda_data import AgendaData, in_language
from forumdesk.io.agenda_labels import Labels, Lang, split_languages, time_range
from forumdesk.io.agenda_xlsx import stamp
from forumdesk.io.output_files import output_file

_PLENARY_SHADE = "#dce6f2"
_BREAK_SHADE = "#ededed"
_HEAD_SHADE = "#1f3864"
_NOWRAP = '<td style="white-space:nowrap">'
_PDF_DPI = 1200  # as QPrinter's HighResolution writes a PDF
_PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Column widths in per cent, in the proportions of the Programme sheet's columns.
_WIDTHS = (9, 5, 27, 9, 21, 29)
_FOOTER_INCH = 0.2  # the page number's line


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
    if session.cancelled:  # struck through where it was
        title = f"<b>{_e(labels['cancelled'])}</b><br><s>{_e(session.title)}</s>"
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


def _head_row(labels: Labels) -> str:
    heads = (
        labels["time"],
        labels["code"],
        labels["session"],
        labels["room"],
        labels["moderators"],
        labels["speakers"],
    )
    return "".join(
        f'<th width="{width}%" style="background-color:{_HEAD_SHADE}; color:white" '
        f'align="left">{_e(head)}</th>'
        for head, width in zip(heads, _WIDTHS, strict=True)
    )


def _title_html(data: AgendaData, labels: Labels) -> str:
    event = data.event
    where = ", ".join(
        p for p in (labels.date_span(event.first_day, event.last_day), event.city, event.venue) if p
    )
    return (
        f'<h1 style="font-size:16pt">{_e(event.name)}</h1>'
        f'<p style="font-size:11pt; color:#404040">{_e(where)}</p>'
    )


def _day_html(heading: str, head_row: str, rows: Sequence[str]) -> str:
    return (
        f'<h2 style="font-size:13pt">{_e(heading)}</h2>'
        '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        'style="border-collapse:collapse; border-color:#8c8c8c">'
        f"<thead><tr>{head_row}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


@dataclass(frozen=True)
class _Day:
    heading: str
    rows: tuple[str, ...]  # one table row per session: a session is never split between pages


@dataclass(frozen=True)
class _Page:
    title: bool  # the event's name and dates at the top (the first page)
    day: int
    first: int  # the day's rows first..last-1 are on this page
    last: int
    continued: bool  # the day began on an earlier page


def _one_language(data: AgendaData, lang: str) -> tuple[AgendaData, Lang]:
    """The agenda in one language: the first of a pair ("ru+en" prints in Russian; the side by
    side layout is the workbook's), its event's texts in that language."""
    first = split_languages(lang)[0]
    return in_language(data, first), first


def agenda_html(data: AgendaData, lang: str) -> str:
    """The whole programme as one HTML document (for its text; printing goes page by page)."""
    data, lang = _one_language(data, lang)
    labels = Labels(lang)
    head_row = _head_row(labels)
    days = _days(data, labels)
    parts = [_title_html(data, labels)]
    if not days:
        parts.append(f"<p>{_e(labels['no_sessions'])}</p>")
    parts.extend(_day_html(day.heading, head_row, day.rows) for day in days)
    return f"<html><body>{''.join(parts)}</body></html>"


def _days(data: AgendaData, labels: Labels) -> list[_Day]:
    scheduled = data.scheduled
    days = sorted({s.day for s in scheduled if s.day is not None})
    return [
        _Day(
            labels.long_date(day),
            tuple(_session_row(s, labels) for s in scheduled if s.day == day),
        )
        for day in days
    ]


def agenda_font(point_size: float = 9) -> QFont:
    """The application's sans font (which has Cyrillic), at a size that fits six columns."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(point_size)
    return font


class AgendaDocument:
    """The Programme sheet, printed with whole sessions on pages filled as far as they go.

    QTextDocument's own pagination cuts a table row at the foot of a page, so a session with many
    speakers went on over two pages. Here each page is a document of its own: rows are added to a
    page while they fit, a session that does not fit starts the next page (with the table's head
    again), and each day starts a new page, as the Programme sheet breaks its pages. Only a
    session longer than a whole page is broken, at a line, over as many pages as it needs.
    """

    def __init__(self, data: AgendaData, lang: str) -> None:
        data, lang = _one_language(data, lang)
        self._labels = Labels(lang)
        self._head_row = _head_row(self._labels)
        self._title = _title_html(data, self._labels)
        self._days = _days(data, self._labels)
        self._name = data.event.name
        # which version of the programme every page shows, at its foot
        self.stamp = stamp(data, self._labels)
        self._text = QTextDocument()
        self._text.setDefaultFont(agenda_font())
        self._text.setHtml(agenda_html(data, lang))

    def toPlainText(self) -> str:  # as QTextDocument, whose place this takes
        return self._text.toPlainText()

    def _page_html(self, page: _Page) -> str:
        parts = [self._title] if page.title else []
        if not self._days:
            parts.append(f"<p>{_e(self._labels['no_sessions'])}</p>")
        else:
            day = self._days[page.day]
            heading = day.heading
            if page.continued:
                heading = f"{heading} ({self._labels['continued']})"
            parts.append(_day_html(heading, self._head_row, day.rows[page.first : page.last]))
        return f"<html><body>{''.join(parts)}</body></html>"

    def _document(self, html_text: str, device: QPagedPaintDevice, size: QSizeF) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)
        document.setDefaultFont(agenda_font())
        document.setDocumentMargin(0)
        document.setPageSize(size)  # a page longer than this is paginated (the one long session)
        document.setHtml(html_text)
        return document

    def pages(self, device: QPagedPaintDevice) -> list[QTextDocument]:
        """A document per page (one long session's may run over several) for `device`'s page."""
        size = _body_size(device)
        plan: list[_Page] = []
        if not self._days:
            plan.append(_Page(True, 0, 0, 0, False))
        for index, day in enumerate(self._days):
            first = 0
            while first < len(day.rows) or (first == 0 and not day.rows):
                page = _Page(not plan, index, first, first + 1, first > 0)
                # add rows while the page stays one page
                while page.last < len(day.rows):
                    longer = replace(page, last=page.last + 1)
                    if self._document(self._page_html(longer), device, size).pageCount() > 1:
                        break
                    page = longer
                plan.append(page)
                first = page.last
                if not day.rows:
                    break
        return [self._document(self._page_html(page), device, size) for page in plan]

    def print_(self, printer: QPagedPaintDevice) -> None:
        """Paint the pages on `printer` (a QPrinter, a print preview's, or a QPdfWriter)."""
        documents = self.pages(printer)
        size = _body_size(printer)
        painter = QPainter(printer)
        try:
            number = 0
            for document in documents:
                for part in range(document.pageCount()):
                    if number:
                        printer.newPage()
                    number += 1
                    _paint_page(painter, document, part, size)
                    _paint_number(painter, number, size, self.stamp)
        finally:
            painter.end()


def _body_size(device: QPagedPaintDevice) -> QSizeF:
    """The printable rectangle in device pixels, less a line at the foot for the page number."""
    rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
    footer = device.logicalDpiY() * _FOOTER_INCH
    return QSizeF(rect.width(), rect.height() - footer)


def _paint_page(painter: QPainter, document: QTextDocument, part: int, size: QSizeF) -> None:
    painter.save()
    top = part * size.height()
    painter.translate(0, -top)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, top, size.width(), size.height())
    painter.setClipRect(context.clip)
    document.documentLayout().draw(painter, context)
    painter.restore()


def _paint_number(painter: QPainter, number: int, size: QSizeF, stamp: str | None) -> None:
    painter.save()
    font = agenda_font(8)
    painter.setFont(font)
    painter.setPen(QColor("#404040"))
    device = painter.device()
    footer = device.logicalDpiY() * _FOOTER_INCH
    painter.drawText(
        QRectF(0, size.height(), size.width(), footer),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        str(number),
    )
    if stamp:
        painter.drawText(
            QRectF(0, size.height(), size.width(), footer),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            stamp,
        )
    painter.restore()


def agenda_document(data: AgendaData, lang: str) -> AgendaDocument:
    """The Programme sheet ready for a printer or a PDF writer."""
    return AgendaDocument(data, lang)


def set_up_printer(printer: QPagedPaintDevice, paper: str) -> None:
    """Landscape, as the Programme sheet prints, on the chosen paper with 12 mm margins."""
    layout = QPageLayout(
        QPageSize(_PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def pdf_bytes(document: AgendaDocument, paper: str, title: str = "") -> bytes:
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


def write_pdf(document: AgendaDocument, path: Path, paper: str, title: str = "") -> Path:
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
