"""The agenda workbook's rows, streamed into each sheet's XML.

The agenda writes some 200,000 cells (the sign-in sheets and personal agendas alone take
170,000 for L). openpyxl's write-only sheet serialises every one of them through the standard
library's ElementTree (et_xmlfile): an Element per cell and per string, namespace bookkeeping,
attribute escaping. That generic path was most of the export's time, for cells that come in
only a few shapes: text, a whole number or nothing, in one of a few dozen styles.

`RowWriter` writes those shapes as text itself, exactly the bytes openpyxl would write for the
same cells (the tests compare the two paths byte for byte), into the same stream, and hands any
other value (a date, a fraction, text Excel reads as an error code) to openpyxl's own cell writer
in its place. It relies on two private hooks of openpyxl's write-only sheet, `_values_to_row`
and its writer's `write_row`, and on et_xmlfile's writer exposing its output as `_file`. Where
any of them is missing (a later openpyxl, or lxml installed, whose writer takes no raw text) the
rows go through openpyxl's standard path as ready-made styled cells: the same file, only slower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from copy import copy
from typing import Any, NamedTuple

from openpyxl.cell import Cell
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.dimensions import RowDimension

from forumdesk.io.xlsx_safety import FORMULA_TRIGGERS, MAX_CELL_TEXT, clean_cell_text

__all__ = ["LookLike", "RowWriter"]

_NEEDS_CLEANING = ILLEGAL_CHARACTERS_RE.search
_ERROR_CODES = frozenset(ERROR_CODES)

# A look as far as this module is concerned: anything hashable with the NamedStyle's `name`.
LookLike = Any
_StyleKey = tuple[LookLike, bool]  # (look or None, quoted)


class _Row(NamedTuple):
    """A row on its way through the streaming sheet (a tuple, as its `append` requires)."""

    values: Sequence[object]
    looks: Sequence[LookLike]
    height: _RowHeight | None


class _RowHeight(RowDimension):
    """A row height shared by many rows, its XML attributes worked out once, not per row."""

    def __init__(self, sheet: WriteOnlyWorksheet, height: float) -> None:
        super().__init__(sheet, ht=height)
        self._attributes = tuple(super().__iter__())
        self.xml = "".join(f' {name}="{value}"' for name, value in self._attributes)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._attributes)


class RowWriter:
    """Appends rows of (value, look) cells to one write-only sheet, as fast as it allows.

    Call it before the sheet's first row and after its columns, panes and views are set:
    installing the fast path makes openpyxl write the top of the sheet at once.
    """

    def __init__(self, sheet: WriteOnlyWorksheet, default_height: float) -> None:
        self.sheet = sheet
        self.default_height = default_height
        self._protos: dict[_StyleKey, Cell] = {}
        self._style_xml: dict[_StyleKey, str] = {}
        self._heights: dict[float, _RowHeight] = {}
        self._letters: list[str] = []
        self._standard_write_row: Callable[..., None] | None = None
        self._streamed = self._install()

    def _install(self) -> bool:
        """Take over turning appended rows into XML; False where openpyxl offers no hooks."""
        sheet = self.sheet
        if not hasattr(type(sheet), "_values_to_row") or not hasattr(sheet, "_get_writer"):
            return False
        sheet._get_writer()
        writer = getattr(sheet, "_writer", None)
        standard = getattr(writer, "write_row", None)
        if not callable(standard):
            return False
        self._standard_write_row = standard
        sheet._values_to_row = _as_given  # type: ignore[method-assign]
        writer.write_row = self._write_row  # type: ignore[union-attr]
        return True

    def append(
        self, row: int, values: Sequence[object], looks: Sequence[LookLike], height: float | None
    ) -> None:
        """Write sheet row `row` (the next one): each value in its look (None: unstyled)."""
        if len(values) != len(looks):
            raise ValueError(f"{len(values)} values but {len(looks)} looks")
        # Rows of the sheet's usual height are written without one of their own: most rows of
        # a long list are alike, and the sheet's default covers them.
        dimension = None
        if height is not None and height != self.default_height:
            dimension = self._heights.get(height)
            if dimension is None:
                dimension = self._heights[height] = _RowHeight(self.sheet, height)
        if self._streamed:
            self.sheet.append(_Row(values, looks, dimension))
            return
        if dimension is not None:
            self.sheet.row_dimensions[row] = dimension
        self.sheet.append(self._cells(row, values, looks))

    # --- the fast path: XML text ------------------------------------------------------------

    def _write_row(self, xf: Any, row: Any, row_idx: int) -> None:
        """The sheet writer's `write_row`, for the rows `append` sent."""
        standard = self._standard_write_row
        assert standard is not None
        if not isinstance(row, _Row):  # not ours: leave it to openpyxl
            standard(xf, row, row_idx)
            return
        raw = _raw_writer(xf)
        if raw is None:  # an XML writer that takes no text (lxml): the standard path
            if row.height is not None:
                self.sheet.row_dimensions[row_idx] = row.height
            standard(xf, self._cells(row_idx, row.values, row.looks), row_idx)
            return
        raw(self._row_xml(xf, raw, row, row_idx))

    def _row_xml(self, xf: Any, raw: Callable[[str], object], row: _Row, row_idx: int) -> str:
        """The row's XML as openpyxl writes it (cells it has no shortcut for: written via raw)."""
        number = str(row_idx)
        parts = [f'<row r="{number}"{row.height.xml if row.height else ""}>']
        letters = self._letters
        if len(letters) < len(row.values):
            letters.extend(
                get_column_letter(i) for i in range(len(letters) + 1, len(row.values) + 1)
            )
        style_xml = self._style_xml
        for column, (letter, value, look) in enumerate(
            zip(letters, row.values, row.looks, strict=False), start=1
        ):
            kind = value.__class__
            if kind is str:
                text: str = value  # type: ignore[assignment]
                if _NEEDS_CLEANING(text) or len(text) > MAX_CELL_TEXT:
                    text = clean_cell_text(text)
                quoted = text.startswith(FORMULA_TRIGGERS)
                style = style_xml.get((look, quoted))
                if style is None:
                    style = self._style(look, quoted)
                if not text:
                    parts.append(f'<c r="{letter}{number}"{style} t="inlineStr" />')
                    continue
                if quoted or text not in _ERROR_CODES:
                    parts.append(
                        f'<c r="{letter}{number}"{style} t="inlineStr"><is>'
                        f"{_text_element(text)}</is></c>"
                    )
                    continue
            elif value is None:
                style = style_xml.get((look, False))
                if style is None:
                    style = self._style(look, False)
                if style:  # an unstyled empty cell is not written at all
                    parts.append(f'<c r="{letter}{number}"{style} t="n" />')
                continue
            elif kind is int:
                style = style_xml.get((look, False))
                if style is None:
                    style = self._style(look, False)
                parts.append(f'<c r="{letter}{number}"{style} t="n"><v>{value:.16g}</v></c>')
                continue
            # Anything else is written by openpyxl itself, in its place in the row.
            raw("".join(parts))
            parts = []
            for cell in self._cells(row_idx, [value], [look], first_column=column):
                write_cell(xf, self.sheet, cell, cell.has_style)
        parts.append("</row>")
        return "".join(parts)

    def _style(self, look: LookLike, quoted: bool) -> str:
        """The cell's ` s="…"` attribute in this look ("" for an unstyled cell)."""
        cell = self._proto(look, quoted)
        xml = f' s="{cell.style_id}"' if cell.has_style else ""
        self._style_xml[(look, quoted)] = xml
        return xml

    # --- the standard path: ready-made cells ------------------------------------------------

    def _proto(self, look: LookLike, quoted: bool) -> Cell:
        """The one cell object of a look that every cell of that look is written through."""
        cell = self._protos.get((look, quoted))
        if cell is None:
            cell = Cell(self.sheet, row=1, column=1)
            if look is not None:
                cell.style = look.name
            if quoted:
                cell.quotePrefix = True  # text stays text if someone edits it in Excel
            self._protos[(look, quoted)] = cell
        return cell

    def _cells(
        self, row: int, values: Iterable[object], looks: Iterable[LookLike], first_column: int = 1
    ) -> Iterator[Cell]:
        """The row's cells, one per column, made as openpyxl writes them.

        openpyxl's streaming writer serialises each cell of a row as soon as it is produced, so
        one cell object per look can carry each value in turn: styling a cell then costs one
        value assignment instead of a new styled cell.
        """
        for column, (value, look) in enumerate(zip(values, looks, strict=True), start=first_column):
            quoted = False
            kind = value.__class__
            if kind is str:
                if _NEEDS_CLEANING(value) or len(value) > MAX_CELL_TEXT:  # type: ignore[arg-type]
                    value = clean_cell_text(value)  # type: ignore[arg-type]
                quoted = value.startswith(FORMULA_TRIGGERS)  # type: ignore[attr-defined]
            elif kind is not int and value is not None:
                # A date would set its number format on the shared cell, and so on every later
                # cell of the look: any value of another kind gets a cell of its own.
                yield self._own_cell(row, column, value, look)
                continue
            cell = self._proto(look, quoted)
            cell.value = value
            if quoted:
                cell.data_type = "s"  # never a formula, whatever it starts with
            cell.row = row
            cell.column = column
            yield cell

    def _own_cell(self, row: int, column: int, value: object, look: LookLike) -> Cell:
        cell = Cell(self.sheet, row=row, column=column)
        cell._style = copy(self._proto(look, False)._style)
        cell.value = value
        return cell


def _raw_writer(xf: Any) -> Callable[[str], object] | None:
    """The function et_xmlfile's writer writes its text with; None for other writers."""
    raw = getattr(xf, "_file", None)
    return raw if callable(raw) else None


def _text_element(text: str) -> str:
    """`<t>` holding `text`, escaped and spaced as ElementTree and openpyxl write it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    stripped = text.strip()
    if stripped and stripped != text:  # leading or trailing spaces or line breaks
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


def _as_given(rows: Any, row_idx: int) -> Any:
    return rows  # RowWriter.append sends a row its own write_row understands, or ready cells
