"""How wide and how tall text is in the fonts a spreadsheet program may draw a workbook in.

The agenda workbook names Calibri. Excel on Windows and macOS draws it in Calibri; LibreOffice
draws it in Carlito, Calibri's metric twin, where Calibri is missing; a Linux desktop with
neither falls back to DejaVu Sans, a quarter wider (fontconfig's last resort: `fc-match
Calibri`). Rows are sized so the text fits in the widest of them, from the advance widths
(hmtx, cmap) and line metrics (hhea, OS/2) of the font files shipped in resources/fonts/.

A spreadsheet's column width counts digits of the workbook's default font (Calibri 11), and
LibreOffice measures that digit in the font it actually draws: where DejaVu Sans stands in,
the columns grow with it (its "0" is 1.26 times Carlito's; the demo agenda rendered by
LibreOffice on a desktop with only DejaVu shows it). So a stand-in's widths are compared in
units of its own digit, brought to the named font's scale: the widest per character wins.

Widths are in ems of the named font (multiply by the size in points); a character none of the
fonts has counts as a full em, as wide as anything a fallback font would draw.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from fontTools.ttLib import TTFont

from forumdesk.core.resources import resource_path

# The files of each family's faces: (bold, italic) -> file in resources/fonts/.
_FILES: dict[str, dict[tuple[bool, bool], str]] = {
    "Carlito": {
        (False, False): "Carlito-Regular.ttf",
        (True, False): "Carlito-Bold.ttf",
        (False, True): "Carlito-Italic.ttf",
    },
    "Liberation Sans": {
        (False, False): "LiberationSans-Regular.ttf",
        (True, False): "LiberationSans-Bold.ttf",
        (False, True): "LiberationSans-Italic.ttf",
    },
    "DejaVu Sans": {
        (False, False): "DejaVuSans.ttf",
        (True, False): "DejaVuSans-Bold.ttf",
        (False, True): "DejaVuSans-Oblique.ttf",
    },
}
# A named font and what it may be drawn in: its metric twin, and the Linux last resort.
STAND_INS: dict[str, tuple[str, ...]] = {
    "Calibri": ("Carlito", "DejaVu Sans"),
    "Carlito": ("Carlito", "DejaVu Sans"),
    "Arial": ("Liberation Sans", "DejaVu Sans"),
    "Liberation Sans": ("Liberation Sans", "DejaVu Sans"),
}
_UNKNOWN_CHAR = 1.0  # ems
# Carlito's and DejaVu's "head" tables carry a creation date fontTools warns about on every
# load; it says nothing about the metrics read here.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Face:
    """One font file's advance widths by character and its line pitch, all in ems."""

    widths: dict[str, float]
    line: float  # ascent + descent + line gap, the largest of hhea, OS/2 typo and OS/2 win
    digit: float  # the advance of "0", the unit a column's width counts


@functools.cache
def load_face(family: str, bold: bool = False, italic: bool = False) -> Face:
    """A shipped face (bold italic is measured as bold, the wider of the two)."""
    faces = _FILES[family]
    name = faces.get((bold, italic)) or faces[(bold, False)]
    font = TTFont(resource_path("fonts", name), lazy=True)
    try:
        units = font["head"].unitsPerEm
        advances = font["hmtx"].metrics
        widths = {
            chr(code): advances[glyph][0] / units for code, glyph in font.getBestCmap().items()
        }
        hhea, os2 = font["hhea"], font["OS/2"]
        line = max(
            hhea.ascent - hhea.descent + hhea.lineGap,
            os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap,
            os2.usWinAscent + os2.usWinDescent,
        )
    finally:
        font.close()
    return Face(widths, line / units, widths.get("0", 0.5))


@functools.cache
def font_face(name: str, bold: bool = False, italic: bool = False) -> Face:
    """The widest of what a font named `name` may be drawn in: each character's widest advance
    (in digits of its own face, at the first stand-in's scale: see above) and the tallest
    line pitch of its stand-ins (Carlito and DejaVu Sans for Calibri)."""
    faces = [load_face(family, bold, italic) for family in STAND_INS[name]]
    # the digit of the regular face: columns are counted in the default (regular) font's
    digits = [load_face(family).digit for family in STAND_INS[name]]
    widths: dict[str, float] = {}
    for face, digit in zip(faces, digits, strict=True):
        scale = digits[0] / digit
        for char, width in face.widths.items():
            if width * scale > widths.get(char, -1.0):
                widths[char] = width * scale
    return Face(widths, max(face.line for face in faces), digits[0])


def text_width(text: str, face: Face) -> float:
    """The advance width of one line of `text`, in ems."""
    widths = face.widths
    return sum(widths.get(char, _UNKNOWN_CHAR) for char in text)


def wrapped_lines(text: str, room: float, face: Face) -> int:
    """How many lines `text` takes in `room` ems, wrapped as a spreadsheet wraps a cell.

    Lines break at spaces and at the text's own line breaks; a word longer than a line is
    broken between characters, as Excel and LibreOffice break it.
    """
    widths = face.widths
    space = widths.get(" ", _UNKNOWN_CHAR)
    lines = 0
    for paragraph in text.split("\n"):
        count = 1
        used = 0.0
        for word in paragraph.split(" "):
            width = sum(widths.get(char, _UNKNOWN_CHAR) for char in word)
            if used and used + space + width <= room:
                used += space + width
                continue
            if used:  # the word starts a new line
                count += 1
            if width <= room:
                used = width
                continue
            used = 0.0  # too long for any line: broken between characters
            for char in word:
                advance = widths.get(char, _UNKNOWN_CHAR)
                if used and used + advance > room:
                    count += 1
                    used = 0.0
                used += advance
        lines += count
    return lines
