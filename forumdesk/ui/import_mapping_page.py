"""The import wizard's mapping page: what each column holds, with the first rows as read.

One combo per column offers the fields of the import kind (io.headers); the preview cleans the
first rows with the import's own row cleaners, so it shows what the import will store.
Mappings can be saved as named profiles and loaded for the next file of the same shape.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from forumdesk.core.errors import ForumdeskError
from forumdesk.core.periods import format_period
from forumdesk.io.headers import (
    IGNORE,
    ColumnMapping,
    ImportProfile,
    SetAside,
    column_letter,
    header_key,
    map_columns,
    numbers_rows,
    synonyms_for,
)
from forumdesk.io.name_order import NameOrderCount, file_name_orders
from forumdesk.io.people_rows import AttendeeRow, RowCleaner
from forumdesk.io.programme_rows import ProgrammeRowCleaner, SessionDraft
from forumdesk.services.profiles import list_profiles, load_profile, save_profile
from forumdesk.ui.import_pages import (
    CLEANED_ROWS,
    ImportState,
    cell_item,
    field_label,
    message_label,
    plain_table,
    show_message,
)
from forumdesk.ui.people_table_model import shown_country, vocabulary_label


class MappingPage(QWizardPage):
    """What each column holds, one combo per column, with the first rows as they will be read."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("What each column holds"))
        self.setSubTitle(
            self.tr(
                "Check the field chosen for each column; the table below shows "
                "the first rows as they will be imported."
            )
        )
        self.field_combos: list[QComboBox] = []
        self.mapping: ColumnMapping | None = None
        # columns the guess left out because another fits their field better (io.headers)
        self.set_aside: tuple[SetAside, ...] = ()
        self.set_aside_label = QLabel(self)
        self.set_aside_label.setWordWrap(True)
        self.columns_table = plain_table(self)
        self.columns_table.setColumnCount(3)
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Imported as"), self.tr("First value")]
        )
        self.name_order_combo = QComboBox(self)
        for order, text in (
            ("auto", self.tr("Guess for each name")),
            ("family-first", self.tr("Family name first (Иванов Иван)")),
            ("given-first", self.tr("Given name first (Ivan Ivanov)")),
        ):
            self.name_order_combo.addItem(text, order)
        self.name_order_combo.currentIndexChanged.connect(lambda _i: self._refresh())
        self.swap_names_button = QPushButton(self.tr("S&wap given and family names"), self)
        self.swap_names_button.setToolTip(
            self.tr("Read every full name in the file the other way round")
        )
        self.swap_names_button.clicked.connect(self._on_swap_names_button_clicked)
        self.name_order_label = QLabel(self)
        self.name_order_label.setWordWrap(True)
        self.name_orders = NameOrderCount()
        self.profile_combo = QComboBox(self)
        self.load_profile_button = QPushButton(self.tr("&Load"), self)
        self.load_profile_button.clicked.connect(self._on_load_profile_button_clicked)
        self.profile_name_edit = QLineEdit(self)
        self.profile_name_edit.setPlaceholderText(self.tr("Name for this mapping"))
        self.save_profile_button = QPushButton(self.tr("&Save mapping"), self)
        self.save_profile_button.clicked.connect(self._on_save_profile_button_clicked)
        self.profile_label = QLabel(self)
        self.profile_label.setWordWrap(True)
        self.cleaned_table = plain_table(self)
        self.cleaned_table.verticalHeader().hide()
        self.columns_table.verticalHeader().hide()
        self.error_label = message_label(self)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        order_row = QHBoxLayout()
        order_row.addWidget(self.name_order_combo, 1)
        order_row.addWidget(self.swap_names_button)
        form.addRow(self.tr("Full names are written:"), order_row)
        form.addRow("", self.name_order_label)
        load_row = QHBoxLayout()
        load_row.addWidget(self.profile_combo, 1)
        load_row.addWidget(self.load_profile_button)
        form.addRow(self.tr("Saved mapping:"), load_row)
        save_row = QHBoxLayout()
        save_row.addWidget(self.profile_name_edit, 1)
        save_row.addWidget(self.save_profile_button)
        form.addRow(self.tr("Save this mapping as:"), save_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns_table, 3)
        layout.addWidget(self.set_aside_label)
        layout.addLayout(form)
        layout.addWidget(self.profile_label)
        layout.addWidget(QLabel(self.tr("How the first rows will be read:"), self))
        layout.addWidget(self.cleaned_table, 2)
        layout.addWidget(self.error_label)

    # --- building -------------------------------------------------------------------------

    def initializePage(self) -> None:
        state = self.state
        self.name_order_combo.setEnabled(state.kind == "attendees")
        self.swap_names_button.setEnabled(state.kind == "attendees")
        self.name_order_combo.setCurrentIndex(
            max(self.name_order_combo.findData(state.name_order), 0)
        )
        self._fill_profiles()
        self._build(state.columns)

    def _fill_profiles(self) -> None:
        self.profile_combo.clear()
        for profile in list_profiles(self.state.kind):
            self.profile_combo.addItem(profile.name, profile.name)
        self.load_profile_button.setEnabled(self.profile_combo.count() > 0)

    def _build(self, overrides: dict[str, str]) -> None:
        state = self.state
        assert state.table is not None
        try:
            initial = map_columns(
                state.table, state.kind, overrides=overrides, header_row=state.header_row
            )
        except ForumdeskError as exc:  # a profile naming a field this kind cannot take
            show_message(self.error_label, str(exc))
            initial = map_columns(state.table, state.kind, header_row=state.header_row)
        assert initial is not None
        self.set_aside = initial.set_aside
        data = [cells for n, cells in state.table.rows[initial.header_index + 1 :]][:5]
        fields = list(synonyms_for(state.kind))
        self.field_combos = []
        self.columns_table.setRowCount(len(initial.headers))
        for index, header in enumerate(initial.headers):
            name = (
                f"{column_letter(index)}: {header.strip()}"
                if header.strip()
                else column_letter(index)
            )
            self.columns_table.setItem(index, 0, cell_item(name))
            combo = QComboBox(self.columns_table)
            combo.addItem(field_label(IGNORE), IGNORE)
            for field_name in fields:
                combo.addItem(field_label(field_name), field_name)
            combo.setCurrentIndex(max(combo.findData(initial.fields.get(index, IGNORE)), 0))
            combo.currentIndexChanged.connect(lambda _i: self._refresh())
            self.columns_table.setCellWidget(index, 1, combo)
            self.field_combos.append(combo)
            sample = next(
                (cells[index] for cells in data if index < len(cells) and cells[index].strip()), ""
            )
            self.columns_table.setItem(index, 2, cell_item(sample))
        self.columns_table.resizeColumnsToContents()
        self.columns_table.setColumnWidth(0, min(self.columns_table.columnWidth(0), 280))
        self.columns_table.setColumnWidth(1, max(self.columns_table.columnWidth(1), 220))
        self._refresh()

    # --- the mapping ----------------------------------------------------------------------

    def column_keys(self) -> list[str]:
        """How each column is named to the service: its header, or its letter when the
        header is blank or shared with another column."""
        assert self.state.table is not None and self.mapping is not None
        headers = self.mapping.headers
        counts: dict[str, int] = {}
        for header in headers:
            counts[header_key(header)] = counts.get(header_key(header), 0) + 1
        return [
            h.strip() if h.strip() and counts[header_key(h)] == 1 else column_letter(i)
            for i, h in enumerate(headers)
        ]

    def chosen_columns(self) -> dict[str, str]:
        return {
            key: str(combo.currentData())
            for key, combo in zip(self.column_keys(), self.field_combos, strict=True)
        }

    def set_field(self, column: int, field_name: str) -> None:
        """Choose what column number `column` (0 = A) holds."""
        combo = self.field_combos[column]
        combo.setCurrentIndex(combo.findData(field_name))

    def _refresh(self) -> None:
        state = self.state
        assert state.table is not None
        chosen = {i: str(c.currentData()) for i, c in enumerate(self.field_combos)}
        letters = {column_letter(i): name for i, name in chosen.items()}
        try:
            self.mapping = map_columns(
                state.table, state.kind, overrides=letters, header_row=state.header_row
            )
        except ForumdeskError as exc:
            show_message(self.error_label, str(exc))
            return
        show_message(self.error_label, self._mapping_problem(chosen))
        self._show_set_aside(chosen)
        self._fill_cleaned()
        self.completeChanged.emit()

    def _show_set_aside(self, chosen: dict[int, str]) -> None:
        """Say which of two columns that fit one field is used, and which columns only number
        the rows, as long as the combos still say so."""
        assert self.mapping is not None
        mapping = self.mapping
        lines = [
            self.tr(
                "Columns {0} «{1}» and {2} «{3}» both fit «{4}»: {0} is used, {2} is ignored. "
                "To use {2} instead, choose «{4}» for it and «{5}» for {0}."
            ).format(
                column_letter(item.used),
                mapping.header_of(item.used),
                column_letter(item.column),
                mapping.header_of(item.column),
                field_label(item.field),
                field_label(IGNORE),
            )
            for item in self.set_aside
            if chosen.get(item.used) == item.field and chosen.get(item.column) == IGNORE
        ]
        numbers = [
            f"{column_letter(i)} «{mapping.header_of(i)}»"
            for i, header in enumerate(mapping.headers)
            if chosen.get(i) == IGNORE and numbers_rows(header, self.state.kind)
        ]
        if numbers:
            lines.append(
                self.tr(
                    "Not imported: %n column(s) numbering the rows: {0}.", "", len(numbers)
                ).format(", ".join(numbers))
            )
        self.set_aside_label.setText("\n".join(lines))

    def _mapping_problem(self, chosen: dict[int, str]) -> str:
        used: dict[str, int] = {}
        for index, name in chosen.items():
            if name != IGNORE and name in used:
                return self.tr("«{0}» is chosen for columns {1} and {2}; only {1} is used.").format(
                    field_label(name), column_letter(used[name]), column_letter(index)
                )
            used.setdefault(name, index)
        if self.state.kind == "attendees":
            if "full_name" not in used and "family_name" not in used:
                return self.tr("Choose the column with the full name or the family name.")
        elif "title" not in used:
            return self.tr("Choose the column with the session's title.")
        return ""

    def isComplete(self) -> bool:
        if self.mapping is None:
            return False
        fields = set(self.mapping.fields.values())
        if self.state.kind == "attendees":
            return bool(fields & {"full_name", "family_name"})
        return "title" in fields

    def _fill_cleaned(self) -> None:
        state = self.state
        assert self.mapping is not None and state.table is not None
        rows = state.table.rows[self.mapping.header_index + 1 :][:CLEANED_ROWS]
        headings, lines = (
            self._people_preview(rows)
            if state.kind == "attendees"
            else self._programme_preview(rows)
        )
        if state.kind != "attendees":
            self.name_order_label.clear()  # left from an attendee list chosen before
        warnings_column = len(headings) - 1 if state.kind == "attendees" else -1
        self.cleaned_table.clear()
        self.cleaned_table.setColumnCount(len(headings))
        self.cleaned_table.setHorizontalHeaderLabels(headings)
        self.cleaned_table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, value in enumerate(line):
                item = cell_item(value)
                if c == 1 and value:
                    item.setForeground(QBrush(QColor("#b00020")))
                elif c == warnings_column and value:  # the row is imported, the answer is not
                    item.setForeground(QBrush(QColor("#8a5300")))
                self.cleaned_table.setItem(r, c, item)
        self.cleaned_table.resizeColumnsToContents()
        self.cleaned_table.setColumnWidth(1, min(self.cleaned_table.columnWidth(1), 320))

    def _people_preview(
        self, rows: list[tuple[int, list[str]]]
    ) -> tuple[list[str], list[list[Any]]]:
        assert self.mapping is not None and self.state.table is not None
        table = self.state.table
        self.name_orders = file_name_orders(
            self.mapping, table.rows[self.mapping.header_index + 1 :]
        )
        self._show_name_order()
        cleaner = RowCleaner(
            self.mapping,
            table.sheet,
            name_order=str(self.name_order_combo.currentData()),
            cyrillic_order=self.name_orders.order,
        )
        headings = [
            self.tr("Row"),
            self.tr("Problems"),
            self.tr("Family name"),
            self.tr("Given name"),
            self.tr("Patronymic"),
            self.tr("Organisation"),
            self.tr("Position"),
            self.tr("Country"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("Sessions"),
            self.tr("Unavailable"),
            self.tr("Warnings"),
        ]
        lines: list[list[Any]] = []
        for number, cells in rows:
            result = cleaner.clean(number, cells)
            if result is None:
                continue
            if isinstance(result, AttendeeRow):
                person = result.person
                sessions, warnings = self._sessions_preview(result.sessions)
                notes = [warnings] if warnings else []
                notes += [problem.message for problem in result.warnings]
                lines.append(
                    [
                        number,
                        "",
                        person.family_name,
                        person.given_name,
                        person.patronymic,
                        person.organization,
                        person.position,
                        shown_country(person.country),
                        person.email,
                        person.phone,
                        sessions,
                        "; ".join(format_period(*period) for period in result.unavailable),
                        " ".join(notes),
                    ]
                )
            else:
                lines.append([number, "; ".join(p.message for p in result)])
        return headings, lines

    def _show_name_order(self) -> None:
        """What the file's full names look like, as the guess ("auto") reads them."""
        count = self.name_orders
        shown = count.family_first + count.given_first
        if self.state.kind != "attendees" or self.mapping is None or shown == 0:
            self.name_order_label.clear()
            return
        if count.order == "given-first":
            text = self.tr(
                "This file writes the given name first (Елена Пак), as %n of its names show.",
                "",
                count.given_first,
            )
        elif count.order == "family-first":
            text = self.tr(
                "This file writes the family name first (Пак Елена), as %n of its names show.",
                "",
                count.family_first,
            )
        else:
            text = self.tr("This file's names are written both ways; each is read as it looks.")
        self.name_order_label.setText(text)

    def _on_swap_names_button_clicked(self) -> None:
        current = str(self.name_order_combo.currentData())
        if current == "auto":  # as the guess reads the file: its Cyrillic names' order
            current = self.name_orders.order or "family-first"
        swapped = "given-first" if current == "family-first" else "family-first"
        self.name_order_combo.setCurrentIndex(self.name_order_combo.findData(swapped))

    def _sessions_preview(self, answers: tuple[str, ...]) -> tuple[str, str]:
        """The sessions a row's answers name (by code or title), and why any names none."""
        if not answers:
            return "", ""
        found = self.state.session_answers
        if found is None:
            return "; ".join(answers), self.tr("No event is chosen: the sessions are not used.")
        names, warnings = [], []
        for answer in found.rejoined(answers):
            session_id, message = found.resolve(answer)
            if session_id is None:
                names.append(f"{answer} (?)")
                warnings.append(message or "")
            else:
                names.append(found.label(session_id))
        return "; ".join(names), " ".join(warnings)

    def _programme_preview(
        self, rows: list[tuple[int, list[str]]]
    ) -> tuple[list[str], list[list[Any]]]:
        state = self.state
        assert self.mapping is not None and state.table is not None and state.event
        cleaner = ProgrammeRowCleaner(
            self.mapping,
            state.table.sheet,
            state.event.first_day,
            state.event.last_day,
            main_language=state.event.main_language,
        )
        headings = [
            self.tr("Row"),
            self.tr("Problems"),
            self.tr("Code"),
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Room"),
            self.tr("Track"),
            self.tr("Starts"),
            self.tr("Ends"),
            self.tr("People"),
        ]
        lines: list[list[Any]] = []
        for number, cells in rows:
            result = cleaner.clean(number, cells)
            if result is None:
                continue
            if isinstance(result, SessionDraft):
                when = [
                    f"{t:%d.%m.%Y %H:%M}" if t else "" for t in (result.starts_at, result.ends_at)
                ]
                lines.append(
                    [
                        number,
                        "",
                        result.code,
                        result.title,
                        vocabulary_label(result.kind) if result.kind else "",
                        result.room,
                        result.track,
                        *when,
                        ", ".join(w for _r, w, _f in result.people),
                    ]
                )
            else:
                lines.append([number, "; ".join(p.message for p in result)])
        return headings, lines

    # --- profiles -------------------------------------------------------------------------

    def _on_load_profile_button_clicked(self) -> None:
        name = self.profile_combo.currentData()
        if not name:
            return
        try:
            profile = load_profile(str(name), self.state.kind)
        except ForumdeskError as exc:
            show_message(self.error_label, str(exc))
            return
        self.name_order_combo.setCurrentIndex(
            max(self.name_order_combo.findData(profile.name_order), 0)
        )
        self._build(profile.columns)
        self.profile_label.setText(self.tr("The mapping «{0}» was applied.").format(profile.name))

    def _on_save_profile_button_clicked(self) -> None:
        state = self.state
        name = self.profile_name_edit.text().strip()
        if not name:
            show_message(self.error_label, self.tr("Give the mapping a name to save it under."))
            return
        assert self.mapping is not None
        columns = self.mapping.as_profile_columns()
        for key, combo in zip(self.column_keys(), self.field_combos, strict=True):
            if combo.currentData() == IGNORE:
                columns.setdefault(key, IGNORE)
        profile = ImportProfile(
            name=name,
            kind=state.kind,
            columns=columns,
            sheet=state.table.sheet if state.table else None,
            header_row=state.header_row,
            encoding=state.encoding,
            delimiter=state.delimiter,
            name_order=str(self.name_order_combo.currentData()),
        )
        try:
            save_profile(profile)
        except ForumdeskError as exc:
            show_message(self.error_label, str(exc))
            return
        self._fill_profiles()
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(name), 0))
        self.profile_label.setText(self.tr("The mapping was saved as «{0}».").format(name))

    def validatePage(self) -> bool:
        state = self.state
        state.columns = self.chosen_columns()
        state.name_order = str(self.name_order_combo.currentData())
        return True
