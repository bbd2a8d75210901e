"""Fitting text into a box on a badge or a table tent: shrink, then wrap, never clip.

A block of text (a name, an organisation) has a largest and a smallest size and a number of lines
it may take. It is set at the largest size on one line if it fits, else wrapped at word breaks
into the lines allowed, else a size smaller, down to the smallest; at the smallest size a word
longer than the line is broken between letters. So every line is at most the box's width: a
long name prints smaller, never cut off. Widths are the embedded font's own (reportlab's
metrics of the TTF), so what is measured here is what is printed.

`fit_stack` sets several blocks one under another in a box, shrinking them all together until
the stack is no taller than the box.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from forumdesk.core.resources import resource_path

REGULAR = "ForumdeskSans"
BOLD = "ForumdeskSans-Bold"
# DejaVu Sans covers Russian and Kazakh (ә ғ қ ң ө ұ ү һ і) and its licence lets it be embedded
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
LEADING = 1.18  # line height as a multiple of the font size


@cache
def register_fonts() -> None:
    """Make the shipped fonts known to reportlab (once per process)."""
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))


@dataclass(frozen=True)
class Block:
    """A piece of text to set: its font, its largest and smallest size, the lines it may take."""

    text: str
    font: str
    size: float
    min_size: float
    max_lines: int = 1
    color: str = "#000000"
    gap_before: float = 0.0  # space above it, in points at full scale
    # at most this fraction of the size the block before it was set in (a Latin form stays
    # smaller than the name above it, however much the name had to shrink)
    at_most: float | None = None


@dataclass(frozen=True)
class SetLine:
    """A line as it will be drawn: its text, font and size, its left edge, baseline and width."""

    text: str
    font: str
    size: float
    x: float
    y: float
    width: float
    color: str


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The pieces a line may break between, each with whether a space goes before it: words,
    and the parts of a hyphenated word ("Мухаммедкалиева-" "Турсынбаева"), which break after
    the hyphen."""
    pieces: list[tuple[str, bool]] = []
    for number, word in enumerate(text.split()):
        parts = [part for part in re.split(r"(?<=-)", word) if part]
        for index, part in enumerate(parts):
            pieces.append((part, number > 0 and index == 0))
    return pieces


def wrap(text: str, font: str, size: float, width: float, *, break_words: bool) -> list[str]:
    """`text` in lines no wider than `width`, broken between words or after a hyphen (a piece
    longer than that is broken between its letters only when `break_words`; otherwise it stays
    whole and too wide)."""
    lines: list[str] = []
    current = ""
    for piece, spaced in _pieces(text):
        trial = f"{current} {piece}" if current and spaced else current + piece
        if text_width(trial, font, size) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = piece
        if break_words:
            while text_width(current, font, size) > width and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and text_width(current[:cut], font, size) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
    if current:
        lines.append(current)
    return lines


def fit_block(block: Block, width: float, scale: float = 1.0) -> tuple[list[str], float]:
    """The lines of `block` and the size they are set in, no line wider than `width`."""
    size = block.size * scale
    smallest = block.min_size * scale
    text = " ".join(block.text.split())
    while size > smallest:
        lines = wrap(text, block.font, size, width, break_words=False)
        if len(lines) <= block.max_lines and all(
            text_width(line, block.font, size) <= width for line in lines
        ):
            return lines, size
        size = max(smallest, size - max(0.5, size * 0.04))
    return wrap(text, block.font, smallest, width, break_words=True), smallest


def fit_stack(
    blocks: Sequence[Block],
    left: float,
    top: float,
    width: float,
    height: float,
    *,
    align: str = "left",
) -> list[SetLine]:
    """The blocks set one under another from `top` down, within `width`, together no taller
    than `height` where shrinking can do it (all blocks shrink by one factor, to a third)."""
    shown = [block for block in blocks if block.text.strip()]
    scale = 1.0
    while True:
        fitted: list[tuple[list[str], float]] = []
        for block in shown:
            if block.at_most is not None and fitted:
                cap = fitted[-1][1] * block.at_most / scale
                block = replace(block, size=min(block.size, cap), min_size=min(block.min_size, cap))
            fitted.append(fit_block(block, width, scale))
        total = sum(
            block.gap_before * scale + len(lines) * size * LEADING
            for block, (lines, size) in zip(shown, fitted, strict=True)
        )
        if total <= height or scale <= 0.34:
            break
        scale -= 0.03
    placed: list[SetLine] = []
    y = top
    for block, (lines, size) in zip(shown, fitted, strict=True):
        y -= block.gap_before * scale
        for line in lines:
            y -= size * LEADING
            line_width = text_width(line, block.font, size)
            x = left + (width - line_width) / 2 if align == "center" else left
            # the baseline sits a fifth of the line above its bottom: room for descenders
            placed.append(
                SetLine(line, block.font, size, x, y + size * 0.22, line_width, block.color)
            )
    return placed
