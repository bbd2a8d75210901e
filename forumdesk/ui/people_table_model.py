"""The People table: a QAbstractTableModel over plain PersonRow values, filtered and sorted inside.

A QSortFilterProxyModel would call data() for every row and column on each keystroke; with
50,000 people that is far too slow. Instead each row gets a folded search key once, when the rows
arrive, and a filter keystroke only runs `word in key` over a list of strings. Typing one more
letter narrows the rows already shown instead of scanning all of them again. Sorting uses sort
keys computed once per column and kept until the next reload.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import accumulate, compress, repeat
from operator import contains, or_
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from forumdesk.core import i18n
from forumdesk.core.countries import country_label
from forumdesk.core.enums import RegistrationStatus, Sector, Vocabulary
from forumdesk.core.rows import PersonRow
from forumdesk.core.text import fold
from forumdesk.core.transliteration import has_cyrillic, latin_folded
from forumdesk.ui.mime import PERSON_IDS_MIME, encode_ids

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES_SERVED = frozenset({_DISPLAY, _TOOLTIP, PERSON_ID_ROLE})
_LAYOUT_SIGNATURE = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"
_VERTICAL_SORT = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)

_Index = QModelIndex | QPersistentModelIndex

_STATUS_ORDER = {status: n for n, status in enumerate(RegistrationStatus)}


def _tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("PeopleTableModel", text, disambiguation)


# The vocabularies' labels, listed so that pyside6-lupdate offers them to the translator.
_VOCABULARY_LABELS = (
    QT_TRANSLATE_NOOP("Vocabulary", "invited"),
    QT_TRANSLATE_NOOP("Vocabulary", "registered"),
    QT_TRANSLATE_NOOP("Vocabulary", "confirmed"),
    QT_TRANSLATE_NOOP("Vocabulary", "attended"),
    QT_TRANSLATE_NOOP("Vocabulary", "cancelled"),
    QT_TRANSLATE_NOOP("Vocabulary", "moderator"),
    QT_TRANSLATE_NOOP("Vocabulary", "co-moderator"),
    QT_TRANSLATE_NOOP("Vocabulary", "speaker"),
    QT_TRANSLATE_NOOP("Vocabulary", "panelist"),
    QT_TRANSLATE_NOOP("Vocabulary", "participant"),
    QT_TRANSLATE_NOOP("Vocabulary", "rapporteur"),
    QT_TRANSLATE_NOOP("Vocabulary", "government"),
    QT_TRANSLATE_NOOP("Vocabulary", "intergovernmental"),
    QT_TRANSLATE_NOOP("Vocabulary", "business"),
    QT_TRANSLATE_NOOP("Vocabulary", "marketplace"),
    QT_TRANSLATE_NOOP("Vocabulary", "creative industry"),
    QT_TRANSLATE_NOOP("Vocabulary", "rights holder"),
    QT_TRANSLATE_NOOP("Vocabulary", "expert/academia"),
    QT_TRANSLATE_NOOP("Vocabulary", "media"),
    QT_TRANSLATE_NOOP("Vocabulary", "other"),
)


def vocabulary_label(member: Vocabulary) -> str:
    """A status, role or sector as the user's language names it."""
    return QCoreApplication.translate("Vocabulary", member.label)


def quick_fold(text: str) -> str:
    """services.text.fold without collapsing spaces: the same words, for 50,000 rows at a time.

    Filter words never hold a space, so runs of spaces in a key change nothing they match.
    """
    return text.casefold().replace("ё", "е")


def _text_key(value: str | None) -> str:
    # Present values first, then the empty ones (ascending); "0"/"1" keeps it one string compare.
    return "0" + quick_fold(value) if value else "1"


def shown_country(value: str | None) -> str | None:
    """A stored country (a code, or a name kept as written) in the window's language."""
    return country_label(value, i18n.language()) if value else value


def search_key(
    row: PersonRow,
    sector_labels: Mapping[Sector, str] | None = None,
    country_labels: Mapping[str, str | None] | None = None,
) -> str:
    """Everything the filter box looks at, folded: names (the Latin one too), organisation,
    position, country and sector as shown, contacts."""
    sector = None
    if row.sector is not None:
        sector = sector_labels[row.sector] if sector_labels else vocabulary_label(row.sector)
    country = row.country
    if country:
        country = country_labels[country] if country_labels else shown_country(country)
    parts = (
        row.display_name,
        row.family_name,
        row.given_name,
        row.patronymic,
        row.latin_name,
        row.organization,
        row.position,
        country,
        sector,
        row.email,
        row.phone,
    )
    return quick_fold(" ".join([part for part in parts if part]))


def latin_name_key(row: PersonRow) -> str:
    """The folded name of someone whose name is written in Latin letters, else "": what a
    Cyrillic filter word looks at in Latin letters."""
    name = row.display_name
    return "" if has_cyrillic(name) else quick_fold(f"{name} {row.latin_name or ''}")


def filter_words(text: str) -> list[str]:
    """The folded words of a filter: a row is shown when its key contains every one (or, for
    a word in Cyrillic letters, its Latin form: «смит» shows Smith)."""
    return fold(text).split()


def latin_alternative(word: str) -> str | None:
    """The Latin form a Cyrillic filter word also matches, or None (a Latin word)."""
    latin = latin_folded(word)
    return latin if latin != word else None


class _Text:
    """Keys in display order, also joined into one string, for str.find to hop through."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.text = "\n".join(keys)  # a filter word never holds a line break
        # where each key starts; one more entry for the end of the text
        self.starts = list(accumulate((len(key) + 1 for key in keys), initial=0))

    def positions(self, word: str) -> list[int]:
        """Where in `keys` the keys holding `word` are, in order."""
        found: list[int] = []
        find, starts = self.text.find, self.starts
        at = find(word)
        while at != -1:
            position = bisect_right(starts, at) - 1
            found.append(position)
            at = find(word, starts[position + 1])  # on to the next key: one hit per row
        return found


class _Haystack:
    """Every row's search key in display order, also joined into one string.

    A word most rows lack ("p12", "иванова") is found by str.find hopping from hit to hit
    through one long string, faster than testing 50,000 keys one by one; a word most rows
    hold ("и") is still tested key by key, since almost every key is a hit anyway.

    A Cyrillic word is also looked for, in Latin letters, in the names of the people whose
    names are written in Latin (`latin_keys`, "" for everyone else): «смит» finds Smith. A
    Cyrillic name is found by its own letters, and its Latin form is in the main key for
    Latin typing, so only those few short keys take the second look.
    """

    def __init__(self, keys: Sequence[str], latin_keys: Sequence[str], order: list[int]) -> None:
        self.order = order
        self.main = _Text([keys[i] for i in order])
        self.latin = _Text([latin_keys[i] for i in order])

    def matching(self, word: str, latin: str | None = None) -> list[int]:
        """The rows (as in `order`) whose key contains `word`, or whose Latin name contains
        `latin`, in display order."""
        main, order = self.main, self.order
        dense = main.text.count(word) * 3 > len(main.keys)
        if latin is None:
            if dense:
                return list(compress(order, map(contains, main.keys, repeat(word))))
            return [order[n] for n in main.positions(word)]
        if dense:
            hits = map(
                or_,
                map(contains, main.keys, repeat(word)),
                map(contains, self.latin.keys, repeat(latin)),
            )
            return list(compress(order, hits))
        extra = self.latin.positions(latin)
        found = main.positions(word)
        if extra:
            found = sorted(set(found).union(extra))
        return [order[n] for n in found]


class PeopleTableModel(QAbstractTableModel):
    """Rows are PersonRow values handed in by the page; nothing here queries the database."""

    COLUMNS = (
        "name",
        "organization",
        "position",
        "country",
        "sector",
        "email",
        "phone",
        "registration",
        # last, so that the widths and order people saved for the other columns stay theirs
        "latin_name",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []
        self._statuses: dict[int, RegistrationStatus] = {}
        self._keys: list[str] = []
        self._sort_keys: dict[int, list[Any]] = {}  # column -> key per row, built on demand
        self._name_order: list[int] | None = None  # every row by name, built on demand
        self._latin_keys: list[str] = []  # Latin-written names, "" for Cyrillic ones
        self._haystack = _Haystack([], [], [])  # the keys in _order, for filtering
        self._order: list[int] = []  # every row, in the current sort order
        self._visible: list[int] = []  # the rows that pass the filter, in that order
        self._words: list[str] = []
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._row_of: dict[int, int] | None = None  # person id -> visible row, built on demand
        self._headings = {
            "name": _tr("Name", "person"),
            "organization": _tr("Organisation"),
            "position": _tr("Position"),
            "country": _tr("Country"),
            "sector": _tr("Sector"),
            "email": _tr("E-mail"),
            "phone": _tr("Phone"),
            "registration": _tr("Registration"),
            "latin_name": _tr("Name (Latin)"),
        }
        self._display: dict[str, Callable[[PersonRow], str]] = {
            "name": lambda p: p.display_name,
            "organization": lambda p: p.organization or "",
            "position": lambda p: p.position or "",
            "country": lambda p: shown_country(p.country) or "",
            "sector": lambda p: vocabulary_label(p.sector) if p.sector else "",
            "email": lambda p: p.email or "",
            "phone": lambda p: p.phone or "",
            "registration": self._status_label,
            "latin_name": lambda p: p.latin_name or "",
        }

    # --- feeding ------------------------------------------------------------------------------

    def set_rows(
        self, rows: Sequence[PersonRow], statuses: Mapping[int, RegistrationStatus] | None = None
    ) -> None:
        """Replace everything (a reload); the filter and the sort order stay as they were."""
        self.beginResetModel()
        self._rows = list(rows)
        self._statuses = dict(statuses or {})
        labels = {sector: vocabulary_label(sector) for sector in Sector}
        countries = self._country_labels(self._rows)
        self._keys = [search_key(row, labels, countries) for row in self._rows]
        self._latin_keys = [latin_name_key(row) for row in self._rows]
        self._sort_keys = {}
        self._name_order = None
        self._order = self._sorted_order(self._sort_column, self._sort_order)
        self._haystack = _Haystack(
            self._keys, self._latin_keys, self._order
        )  # now, not on the first keystroke
        self._visible = self._matching(self._order, self._words)
        self._row_of = None
        self.endResetModel()

    def update_people(self, rows: Sequence[PersonRow]) -> list[int]:
        """Take the fresh values of people already listed, each where it stands (no reset).

        Returns the ids that are not listed, which the caller may need to load otherwise. A
        changed row keeps its place until the next sort or filter, like an edit in a spreadsheet.
        """
        source_of = {row.id: n for n, row in enumerate(self._rows)}
        labels = {sector: vocabulary_label(sector) for sector in Sector}
        missing: list[int] = []
        changed: list[int] = []
        for row in rows:
            source = source_of.get(row.id)
            if source is None:
                missing.append(row.id)
                continue
            if self._rows[source] == row:
                continue
            self._rows[source] = row
            self._keys[source] = search_key(row, labels, self._country_labels([row]))
            self._latin_keys[source] = latin_name_key(row)
            for column, keys in self._sort_keys.items():
                keys[source] = self._sort_key(row, self.COLUMNS[column])
            changed.append(row.id)
        if changed:
            self._haystack = _Haystack(self._keys, self._latin_keys, self._order)
            last = self.columnCount() - 1
            for person_id in changed:
                shown = self.row_of(person_id)
                if shown is not None:
                    self.dataChanged.emit(self.index(shown, 0), self.index(shown, last))
        return missing

    def set_filter(self, text: str) -> bool:
        """Show only rows containing every word of `text`; False when nothing changed."""
        words = filter_words(text)
        if words == self._words:
            return False
        # A row that contains each new word contains each old word too when every old word is
        # part of a new one ("ива" -> "иван"): then only the rows shown now need a look.
        narrowing = bool(self._words) and all(
            any(old in new for new in words) for old in self._words
        )
        candidates = self._visible if narrowing else self._order
        self.beginResetModel()
        self._words = words
        self._visible = self._matching(candidates, words)
        self._row_of = None
        self.endResetModel()
        return True

    @property
    def filter_words(self) -> list[str]:
        return list(self._words)

    # --- what the page asks -------------------------------------------------------------------

    @property
    def total_count(self) -> int:
        return len(self._rows)

    def person_at(self, row: int) -> PersonRow:
        return self._rows[self._visible[row]]

    def person_ids(self, rows: Iterable[int]) -> list[int]:
        """The ids of these visible rows, in the order given, each once."""
        return list(dict.fromkeys(self._rows[self._visible[r]].id for r in rows))

    def countries(self) -> list[str]:
        """Every country named in the rows (not only the shown ones) as the window names it."""
        return sorted(
            {shown_country(row.country) or "" for row in self._rows if row.country},
            key=str.casefold,
        )

    def status_of(self, person_id: int) -> RegistrationStatus | None:
        return self._statuses.get(person_id)

    def row_of(self, person_id: int) -> int | None:
        """The visible row showing this person, or None when filtered out or absent."""
        if self._row_of is None:
            rows = self._rows
            self._row_of = {rows[source].id: n for n, source in enumerate(self._visible)}
        return self._row_of.get(person_id)

    # --- QAbstractItemModel -------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == _DISPLAY
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headings[self.COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks about ten roles per visible cell on every paint: answer the rest fast.
        if role not in _ROLES_SERVED or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._visible):
            return None
        person = self._rows[self._visible[row]]
        if role == _DISPLAY:
            return self._display[self.COLUMNS[index.column()]](person)
        if role == _TOOLTIP:
            return self._tooltip(person, self.COLUMNS[index.column()])
        return person.id

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return  # the view's "no sort" (-1): keep the order we have
        if column == self._sort_column and order == self._sort_order and self._order:
            return
        # The hint lets the view's selection model keep one index per selected row instead of
        # one per selected cell: "select all, then sort" stays fast with 50,000 people.
        self.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], _VERTICAL_SORT)
        persistent = self.persistentIndexList()
        before = [(self._visible[i.row()], i.column()) for i in persistent]
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_order(column, order)
        self._haystack = _Haystack(self._keys, self._latin_keys, self._order)
        # The filtered rows in the new order: no need to match the words again.
        shown = set(self._visible)
        self._visible = (
            [i for i in self._order if i in shown]
            if len(shown) < len(self._order)
            else list(self._order)
        )
        self._row_of = None
        if persistent:  # selections and the current row follow their people
            position = {source: n for n, source in enumerate(self._visible)}
            self.changePersistentIndexList(
                persistent, [self.index(position[source], column) for source, column in before]
            )
        self.layoutChanged[_LAYOUT_SIGNATURE].emit([], _VERTICAL_SORT)

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    # --- dragging people out --------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [PERSON_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids(PERSON_IDS_MIME, self.person_ids(rows))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # --- inside -------------------------------------------------------------------------------

    def _matching(self, candidates: list[int], words: list[str]) -> list[int]:
        """The candidates whose key holds every word, in their order.

        `candidates` must include every row that matches (all rows, or the rows shown for a
        filter the new one narrows), so many candidates can be searched for in all rows.
        """
        if not words:
            return list(candidates)
        remaining = sorted(words, key=len, reverse=True)  # the longest word rules out most
        shown = candidates
        if len(candidates) * 3 > len(self._order):
            first = remaining.pop(0)
            shown = self._haystack.matching(first, latin_alternative(first))
        keys, latin_keys = self._keys, self._latin_keys
        for word in remaining:
            latin = latin_alternative(word)
            # map/compress keep the loop in C, faster than a list comprehension
            hits = map(contains, map(keys.__getitem__, shown), repeat(word))
            if latin is not None:
                hits = map(
                    or_, hits, map(contains, map(latin_keys.__getitem__, shown), repeat(latin))
                )
            shown = list(compress(shown, hits))
        return shown

    @staticmethod
    def _country_labels(rows: Iterable[PersonRow]) -> dict[str, str | None]:
        """Each stored country of `rows` as the window names it, looked up once per country."""
        return {c: shown_country(c) for c in {row.country for row in rows if row.country}}

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        # The name order first; a stable sort by another column keeps it among equal values.
        if self._name_order is None:
            self._name_order = sorted(range(len(self._rows)), key=self._column_keys(0).__getitem__)
        by_name = self._name_order
        if column == 0:
            return by_name[::-1] if order == Qt.SortOrder.DescendingOrder else list(by_name)
        return sorted(
            by_name,
            key=self._column_keys(column).__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def _column_keys(self, column: int) -> list[Any]:
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = [self._sort_key(row, self.COLUMNS[column]) for row in self._rows]
            self._sort_keys[column] = keys
        return keys

    def _sort_key(self, row: PersonRow, column: str) -> Any:
        if column == "name":
            # A directory is read by family name, whichever order the display name uses;
            # "\x00" sorts "Ivanov Petr" before "Ivanova Anna". Equal names keep input order.
            return quick_fold(
                f"{row.family_name}\x00{row.given_name or ''}\x00{row.patronymic or ''}"
            )
        if column == "registration":
            status = self._statuses.get(row.id)
            return _STATUS_ORDER[status] if status is not None else len(_STATUS_ORDER)
        return _text_key(self._display[column](row))

    def _status_label(self, row: PersonRow) -> str:
        status = self._statuses.get(row.id)
        return vocabulary_label(status) if status else ""

    def _tooltip(self, person: PersonRow, column: str) -> str | None:
        if column == "name":
            full = " ".join(
                p for p in (person.family_name, person.given_name, person.patronymic) if p
            )
            if person.latin_name and person.latin_name != person.display_name:
                full = f"{full}\n{person.latin_name}"
            return f"{full}\n{person.notes}" if person.notes else full
        value = self._display[column](person)
        return value or None
