"""Name badges and table tents as PDF (reportlab, no Qt: the command line writes them too).

Badges come in three layouts:

- `a6`: one A6 badge per page (105 × 148 mm), for badge printers and A6 card stock;
- `card10`: ten 90 × 55 mm cards on an A4 sheet (2 × 5), with crop marks in the margins, for
  business-card stock or a guillotine;
- `a4x4`: four A6 badges on an A4 sheet (2 × 2), cut along the marked middle lines.

Each badge shows the event's name, the person's name large as it is stored (Cyrillic stays
Cyrillic) with the Latin form beneath when it differs, the organisation, the country, a colour
band saying the person's role, and a QR code holding the person's check-in code (what the
Check-in page accepts). Text shrinks and wraps to fit (forumdesk.io.badge_text); it is never cut.

A table tent is an A4 sheet in landscape folded in the middle: the lower half reads the right
way up, the upper half is turned upside down, so once folded the name reads from both sides of
the table.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import segno
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, A6, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from forumdesk.core.errors import CancelledError
from forumdesk.core.progress import Progress
from forumdesk.io.badge_text import BOLD, REGULAR, Block, SetLine, fit_stack, register_fonts
from forumdesk.io.output_files import output_file

Layout = Literal["a6", "card10", "a4x4"]
LAYOUTS: tuple[Layout, ...] = ("a6", "card10", "a4x4")
Lang = Literal["ru", "en", "kk"]


class BadgeRole(enum.StrEnum):
    """What a badge's colour band says, from the most to the least prominent."""

    MODERATOR = "moderator"
    SPEAKER = "speaker"
    PRESS = "press"
    STAFF = "staff"
    PARTICIPANT = "participant"


# role -> (band colour, Russian label, English label, Kazakh label)
ROLE_BANDS: dict[BadgeRole, tuple[str, str, str, str]] = {
    BadgeRole.MODERATOR: ("#1f4e9a", "МОДЕРАТОР", "MODERATOR", "МОДЕРАТОР"),
    BadgeRole.SPEAKER: ("#b3261e", "СПИКЕР", "SPEAKER", "СПИКЕР"),
    BadgeRole.PRESS: ("#1e7a46", "ПРЕССА", "PRESS", "БАСПАСӨЗ"),
    BadgeRole.STAFF: ("#d9730d", "ОРГКОМИТЕТ", "STAFF", "ҰЙЫМДАСТЫРУШЫ"),
    BadgeRole.PARTICIPANT: ("#56606b", "УЧАСТНИК", "PARTICIPANT", "ҚАТЫСУШЫ"),
}


def role_label(role: BadgeRole, lang: Lang) -> str:
    _colour, russian, english, kazakh = ROLE_BANDS[role]
    return {"ru": russian, "kk": kazakh}.get(lang, english)


@dataclass(frozen=True)
class Badge:
    """One person's badge, every text already in the badge's language."""

    name: str
    latin_name: str | None  # shown beneath the name when it differs from it
    organization: str | None
    country: str | None
    role: BadgeRole
    code: str  # what the QR code holds: the person's check-in code


@dataclass(frozen=True)
class Tent:
    """One name card for a session's table."""

    name: str
    latin_name: str | None
    organization: str | None
    session: str  # the session's code and title, small, so staff put it at the right table


@dataclass(frozen=True)
class _Sheet:
    page: tuple[float, float]
    box: tuple[float, float]  # one badge's width and height
    columns: int
    rows: int
    crop_marks: bool

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origins(self) -> list[tuple[float, float]]:
        """Lower-left corners of the badges on a page, row by row from the top."""
        width, height = self.page
        box_w, box_h = self.box
        left = (width - self.columns * box_w) / 2
        bottom = (height - self.rows * box_h) / 2
        return [
            (left + column * box_w, bottom + (self.rows - 1 - row) * box_h)
            for row in range(self.rows)
            for column in range(self.columns)
        ]


SHEETS: dict[Layout, _Sheet] = {
    "a6": _Sheet(A6, A6, 1, 1, crop_marks=False),
    "card10": _Sheet(A4, (90 * mm, 55 * mm), 2, 5, crop_marks=True),
    "a4x4": _Sheet(A4, (A4[0] / 2, A4[1] / 2), 2, 2, crop_marks=True),
}


def badges_per_page(layout: Layout) -> int:
    return SHEETS[layout].per_page


def check_layout(layout: str) -> Layout:
    for known in LAYOUTS:
        if known == layout:
            return known
    raise ValueError(f"unknown badge layout {layout!r}; choose one of {', '.join(LAYOUTS)}")


# --- badges ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeFace:
    """Where everything of one badge goes (in points, from the page's lower-left corner): the
    set lines of text, the QR code's square, the colour band. Drawing follows it exactly, and
    tests measure it."""

    box: tuple[float, float, float, float]  # left, bottom, width, height
    lines: list[SetLine]
    qr: tuple[float, float, float]  # left, bottom, side
    band: tuple[float, float, float, float]
    band_label: SetLine


def badge_face(
    badge: Badge,
    event_name: str,
    lang: Lang,
    left: float,
    bottom: float,
    width: float,
    height: float,
) -> BadgeFace:
    """Lay out one badge in the box (left, bottom, width, height)."""
    register_fonts()
    portrait = height > width
    pad = (7 if portrait else 4) * mm
    band_h = height * (0.11 if portrait else 0.14)
    band = (left, bottom, width, band_h)
    label_size = band_h * 0.42
    label_lines = fit_stack(
        [Block(role_label(badge.role, lang), BOLD, label_size, 5, color="#ffffff")],
        left + pad,
        bottom + band_h / 2 + label_size * 0.62,
        width - 2 * pad,
        band_h,
        align="center",
    )
    show_latin = bool(badge.latin_name) and badge.latin_name != badge.name
    scale = height / (148 * mm) if portrait else height / (55 * mm)
    if portrait:
        qr_side = min(width * 0.36, height * 0.26)
        qr = (left + width - pad - qr_side, bottom + band_h + pad * 0.6, qr_side)
        text_top = bottom + height - pad
        text_bottom = qr[1] + qr_side + 2 * mm
        text_width = width - 2 * pad
        blocks = [
            Block(event_name, REGULAR, 10 * scale, 6, 2, "#4a4f55"),
            Block(badge.name, BOLD, 26 * scale, 10, 3, gap_before=14 * scale),
            Block(
                badge.latin_name if show_latin and badge.latin_name else "",
                REGULAR,
                14 * scale,
                7,
                2,
                "#33373c",
                gap_before=3 * scale,
                at_most=0.7,
            ),
            Block(badge.organization or "", REGULAR, 13 * scale, 7, 3, gap_before=12 * scale),
        ]
        lines = fit_stack(blocks, left + pad, text_top, text_width, text_top - text_bottom)
        # the country beside the QR code, on its left
        beside = qr[0] - (left + pad) - 3 * mm
        lines += fit_stack(
            [Block(badge.country or "", REGULAR, 12 * scale, 6, 2, "#33373c")],
            left + pad,
            qr[1] + qr_side * 0.5 + 6 * scale,
            beside,
            qr_side * 0.5,
        )
    else:
        qr_side = min(height - band_h - 2 * pad, width * 0.3)
        qr = (left + width - pad - qr_side, bottom + band_h + pad * 0.75, qr_side)
        text_top = bottom + height - pad
        text_width = qr[0] - (left + pad) - 3 * mm
        blocks = [
            Block(event_name, REGULAR, 6.5, 4.5, 2, "#4a4f55"),
            Block(badge.name, BOLD, 15, 6, 3, gap_before=4),
            Block(
                badge.latin_name if show_latin and badge.latin_name else "",
                REGULAR,
                8.5,
                4.5,
                2,
                "#33373c",
                gap_before=1,
                at_most=0.7,
            ),
            Block(badge.organization or "", REGULAR, 8, 4.5, 3, gap_before=4),
            Block(badge.country or "", REGULAR, 7.5, 4.5, 1, "#33373c", gap_before=1.5),
        ]
        lines = fit_stack(
            blocks, left + pad, text_top, text_width, text_top - (bottom + band_h + 1.5 * mm)
        )
    return BadgeFace((left, bottom, width, height), lines, qr, band, label_lines[0])


def _draw_lines(canvas: Canvas, lines: Sequence[SetLine]) -> None:
    for line in lines:
        canvas.setFillColor(HexColor(line.color))
        canvas.setFont(line.font, line.size)
        canvas.drawString(line.x, line.y, line.text)


def _draw_qr(canvas: Canvas, code: str, left: float, bottom: float, side: float) -> None:
    """The QR code as filled squares (runs of dark modules merged), with its quiet zone."""
    qr = segno.make(code, error="m", micro=False)
    border = 2  # the badge around it is white: two modules of quiet zone are enough for phones
    rows = [list(row) for row in qr.matrix_iter(scale=1, border=border)]
    module = side / len(rows)
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.rect(left, bottom, side, side, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#000000"))
    for r, row in enumerate(rows):
        y = bottom + side - (r + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            # a hair wider than the run, so no white seam shows between modules
            canvas.rect(left + start * module, y, (c - start) * module + 0.05, module + 0.05, 0, 1)


def _draw_badge(canvas: Canvas, face: BadgeFace, badge: Badge) -> None:
    colour = ROLE_BANDS[badge.role][0]
    canvas.setFillColor(HexColor(colour))
    canvas.rect(*face.band, stroke=0, fill=1)
    _draw_lines(canvas, [face.band_label])
    _draw_lines(canvas, face.lines)
    _draw_qr(canvas, badge.code, *face.qr)


def _crop_marks(canvas: Canvas, sheet: _Sheet) -> None:
    """Short lines in the margins along every cut, clear of the badges themselves."""
    width, height = sheet.page
    box_w, box_h = sheet.box
    left = (width - sheet.columns * box_w) / 2
    bottom = (height - sheet.rows * box_h) / 2
    right, top = width - left, height - bottom
    canvas.setStrokeColor(HexColor("#000000"))
    canvas.setLineWidth(0.3)
    gap, length = 2 * mm, 6 * mm
    for column in range(sheet.columns + 1):
        x = left + column * box_w
        if bottom > gap + 1:
            canvas.line(x, bottom - gap, x, max(bottom - gap - length, 1))
            canvas.line(x, top + gap, x, min(top + gap + length, height - 1))
        elif 0 < column < sheet.columns:  # badges reach the paper's edge: mark the edges
            canvas.line(x, 0, x, length)
            canvas.line(x, height, x, height - length)
    for row in range(sheet.rows + 1):
        y = bottom + row * box_h
        if left > gap + 1:
            canvas.line(left - gap, y, max(left - gap - length, 1), y)
            canvas.line(right + gap, y, min(right + gap + length, width - 1), y)
        elif 0 < row < sheet.rows:
            canvas.line(0, y, length, y)
            canvas.line(width, y, width - length, y)


def _canvas(path: Path, page: tuple[float, float], title: str) -> Canvas:
    register_fonts()
    canvas = Canvas(str(path), pagesize=page, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("forumdesk")
    canvas.setCreator("forumdesk")
    return canvas


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise CancelledError()


def write_badges(
    path: Path,
    event_name: str,
    badges: Sequence[Badge],
    *,
    layout: Layout = "a6",
    lang: Lang = "ru",
    progress: Progress | None = None,
) -> int:
    """Write the badges to `path` (replaced only once complete); returns the pages written.

    `progress(done, total)` is called after each badge; when it returns False the work stops
    with CancelledError and any previous file at `path` stays as it was.
    """
    sheet = SHEETS[check_layout(layout)]
    origins = sheet.origins()
    pages = 0
    with output_file(Path(path)) as temp:
        canvas = _canvas(temp, sheet.page, event_name)
        for index, badge in enumerate(badges):
            slot = index % sheet.per_page
            if slot == 0 and index:
                canvas.showPage()
            if slot == 0:
                pages += 1
                if sheet.crop_marks:
                    _crop_marks(canvas, sheet)
            left, bottom = origins[slot]
            face = badge_face(badge, event_name, lang, left, bottom, *sheet.box)
            _draw_badge(canvas, face, badge)
            _report(progress, index + 1, len(badges))
        if not badges:
            pages = 1  # an empty page rather than a file no viewer opens
        canvas.showPage()
        canvas.save()
    return pages


# --- table tents ----------------------------------------------------------------------------


TENT_PAGE = landscape(A4)


def tent_face(tent: Tent) -> list[SetLine]:
    """The lines of one face of a tent, as if that face were the lower half read upright
    (the upper face is the same, turned by 180° about the page's centre when drawn)."""
    register_fonts()
    width, height = TENT_PAGE
    pad = 18 * mm
    face_h = height / 2
    blocks = [
        Block(tent.name, BOLD, 54, 20, 2),
        Block(
            tent.latin_name if tent.latin_name and tent.latin_name != tent.name else "",
            REGULAR,
            26,
            12,
            1,
            "#33373c",
            gap_before=4,
            at_most=0.6,
        ),
        Block(tent.organization or "", REGULAR, 26, 12, 2, "#1f2226", gap_before=10),
    ]
    # the session's name stays near the fold, small: it tells staff which table
    session = fit_stack(
        [Block(tent.session, REGULAR, 9, 6, 1, "#80868d")],
        pad,
        face_h - 5 * mm,
        width - 2 * pad,
        12 * mm,
        align="center",
    )
    top, floor = face_h - 17 * mm, 14 * mm
    lines = fit_stack(blocks, pad, top, width - 2 * pad, top - floor, align="center")
    if lines:  # the name and organisation in the middle of the face's height
        spare = min(line.y - line.size * 0.3 for line in lines) - floor
        shift = spare / 2 if spare > 0 else 0.0
        lines = [SetLine(x.text, x.font, x.size, x.x, x.y - shift, x.width, x.color) for x in lines]
    return [*lines, *session]


def write_tents(
    path: Path, title: str, tents: Sequence[Tent], *, progress: Progress | None = None
) -> int:
    """Write one folded A4 tent per page to `path`; returns the pages written."""
    width, height = TENT_PAGE
    with output_file(Path(path)) as temp:
        canvas = _canvas(temp, TENT_PAGE, title)
        for index, tent in enumerate(tents):
            if index:
                canvas.showPage()
            face = tent_face(tent)
            _draw_lines(canvas, face)
            canvas.saveState()
            canvas.translate(width, height)
            canvas.rotate(180)
            _draw_lines(canvas, face)
            canvas.restoreState()
            canvas.setStrokeColor(HexColor("#b0b4b8"))
            canvas.setLineWidth(0.4)
            canvas.setDash(4, 4)
            canvas.line(0, height / 2, width, height / 2)
            canvas.setDash()
            _report(progress, index + 1, len(tents))
        canvas.showPage()
        canvas.save()
    return max(len(tents), 1)
