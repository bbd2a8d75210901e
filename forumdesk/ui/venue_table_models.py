"""Rooms and tracks as editable tables: an edit becomes an undo command, not a direct write.

Where the event has several content languages, each name has a column per other language
("name@en"): an empty one shows the main name greyed, in italics and marked, and an edit there
asks for the record's `translations` to change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont

from forumdesk.core.content_languages import (
    NATIVE_NAMES,
    clean_translations,
    fallback,
    text_in,
    with_text,
)
from forumdesk.core.rows import RoomRow, TrackRow
from forumdesk.ui.row_changes import apply_row_changes
from forumdesk.ui.row_table_model import RowIndex as _Index
from forumdesk.ui.row_table_model import RowTableModel

R = TypeVar("R", RoomRow, TrackRow)


class _VenueTableModel(RowTableModel[R]):
    """Rows are plain RoomRow/TrackRow values; setData asks for a change via edit_requested."""

    edit_requested = Signal(object, str, object)  # row, field, new value
    FIELDS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._fields: tuple[str, ...] = self.FIELDS
        self._languages: tuple[str, ...] = ("ru",)

    def field_headings(self) -> tuple[str, ...]:
        """The headings of FIELDS, in the window's language."""
        raise NotImplementedError

    def fields(self) -> tuple[str, ...]:
        """What each column holds, left to right ("name@en": the name in English)."""
        return self._fields

    def columns(self) -> tuple[str, ...]:
        return self._fields

    def headings(self) -> tuple[str, ...]:
        return tuple(self._heading(field) for field in self._fields)

    def set_languages(self, languages: Sequence[str]) -> None:
        """The event's content languages, main first: a name column for each other one."""
        languages = tuple(languages) or ("ru",)
        if languages == self._languages:
            return
        self.beginResetModel()
        self._languages = languages
        at = self.FIELDS.index("name") + 1
        extra = tuple(f"name@{lang}" for lang in languages[1:])
        self._fields = self.FIELDS[:at] + extra + self.FIELDS[at:]
        self.endResetModel()

    def _heading(self, field: str) -> str:
        if "@" in field:
            lang = field.split("@", 1)[1]
            return f"{self.field_headings()[0]} · {NATIVE_NAMES.get(lang, lang)}"
        return self.field_headings()[self.FIELDS.index(field)]

    def _translated(self, row: R, field: str) -> str | None:
        lang = field.split("@", 1)[1]
        return text_in(
            row.translations, lang, "name", main_language=self._languages[0], main_text=row.name
        )

    def update_rows(self, rows: Sequence[R]) -> None:
        """Follow an edit: announce the rows added, removed, moved or changed, by id."""
        apply_row_changes(self, self._rows, rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, field = self._rows[index.row()], self._fields[index.column()]
        if "@" in field:
            return self._translation_data(row, field, role)
        value = getattr(row, field)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and isinstance(value, int):
                return value
            return "" if value is None else str(value)
        return self._extra(row, field, role)

    def _translation_data(self, row: R, field: str, role: int) -> Any:
        """A name in another language; where it is missing, the main one greyed and marked."""
        found = self._translated(row, field)
        if role == Qt.ItemDataRole.EditRole:
            return found or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return found if found is not None else fallback(row.name, field.split("@", 1)[1])
        if found is None and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#8A8A8A")
        if found is None and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if found is None and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("No name in this language yet: the main one stands in for it.")
        return None

    def _extra(self, row: R, field: str, role: int) -> Any:
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, field = self._rows[index.row()], self._fields[index.column()]
        if "@" in field:
            if (str(value).strip() or None) == self._translated(row, field):
                return False
            lang = field.split("@", 1)[1]
            changed = with_text(row.translations, lang, "name", str(value))
            self.edit_requested.emit(row, "translations", clean_translations(changed, ("name",)))
            return False
        if value == getattr(row, field) or (value == "" and getattr(row, field) is None):
            return False
        self.edit_requested.emit(row, field, value)
        return False  # the table reloads from the database once the command ran


class RoomTableModel(_VenueTableModel[RoomRow]):
    FIELDS = ("name", "capacity", "notes")

    def field_headings(self) -> tuple[str, ...]:
        return (self.tr("Room"), self.tr("Seats"), self.tr("Notes"))

    def _extra(self, row: RoomRow, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "capacity":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TrackTableModel(_VenueTableModel[TrackRow]):
    FIELDS = ("name", "color")

    def field_headings(self) -> tuple[str, ...]:
        return (self.tr("Track"), self.tr("Colour"))

    def _extra(self, row: TrackRow, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and field == "color" and row.color:
            return QColor(row.color)
        if role == Qt.ItemDataRole.BackgroundRole and field == "name" and row.color:
            return QColor(row.color)
        return None
