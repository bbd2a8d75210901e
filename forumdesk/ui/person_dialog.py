"""The person editor: one dialog to add someone to the directory or change their details.

The dialog checks what it can see for itself (a family name, the shape of an e-mail address)
and keeps OK disabled until both are right; the rest (an e-mail that belongs to someone else)
is the service's to refuse. On OK it hands its changes to `submit`, which runs the undo command;
when that is refused the dialog stays open with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forumdesk.core import i18n, text
from forumdesk.core.countries import country_choices, country_label, stored_country
from forumdesk.core.enums import Gender, Sector
from forumdesk.core.errors import ValidationError
from forumdesk.core.rows import PersonRow
from forumdesk.core.transliteration import latin_name
from forumdesk.ui.people_table_model import vocabulary_label

Changes = dict[str, object]
Submit = Callable[[Changes], bool]

# Offered in the language box; anything else can be typed.
COMMON_LANGUAGES = ("ru", "kk", "en", "zh", "fr", "de", "es", "ar", "tr", "uz", "ky")

LABEL_MAX_CHARS = 26

_LINE_FIELDS = (
    "family_name",
    "given_name",
    "patronymic",
    "display_name",
    "latin_name",
    "position",
    "email",
    "phone",
)


def _contains_completer(words: Sequence[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(list(words), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "customs" finds "State Customs ..."
    return completer


class PersonDialog(QDialog):
    """Create a person (`person` is None) or edit one; `changes()` is what the command needs."""

    def __init__(
        self,
        organizations: Sequence[str] = (),
        person: PersonRow | None = None,
        *,
        event_name: str | None = None,
        register_by_default: bool = True,
        countries: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.person = person
        self.submit: Submit | None = None
        self.setWindowTitle(
            self.tr("New person")
            if person is None
            else self.tr("Edit {0}").format(person.display_name)
        )
        self.setMinimumWidth(560)

        self.family_name_edit = QLineEdit(self)
        self.given_name_edit = QLineEdit(self)
        self.patronymic_edit = QLineEdit(self)
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setClearButtonEnabled(True)
        self.display_name_edit.setToolTip(
            self.tr("Leave empty to build the name from its parts: it then follows name changes.")
        )
        self.organization_combo = QComboBox(self)
        self.organization_combo.setEditable(True)
        self.organization_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organization_combo.addItems(["", *organizations])
        self.organization_combo.setCompleter(
            _contains_completer(organizations, self.organization_combo)
        )
        # Long names ("Atameken National Chamber of ...") must not widen the dialog off-screen.
        self.organization_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.organization_combo.setMinimumContentsLength(24)
        self.organization_combo.lineEdit().setPlaceholderText(self.tr("Choose or type a new one"))
        self.latin_name_edit = QLineEdit(self)
        self.latin_name_edit.setClearButtonEnabled(True)
        self.latin_name_edit.setToolTip(
            self.tr(
                "As on a passport or badge. Filled from the name by the passport"
                " transliteration until you change it; clear it to fill it again."
            )
        )
        self.position_edit = QLineEdit(self)
        self.country_combo = self._country_combo(countries)
        self.sector_combo = QComboBox(self)
        self.sector_combo.addItem("", None)
        for sector in Sector:
            # the value, not the member: Qt would keep only the str of a StrEnum anyway
            self.sector_combo.addItem(vocabulary_label(sector), sector.value)
        self.gender_combo = QComboBox(self)
        self.gender_combo.addItem(self.tr("not recorded"), None)
        for gender in Gender:
            self.gender_combo.addItem(vocabulary_label(gender), gender.value)
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText(self.tr("name@example.org"))
        self.phone_edit = QLineEdit(self)
        self.language_combo = QComboBox(self)
        self.language_combo.setEditable(True)
        self.language_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language_combo.addItems(["", *COMMON_LANGUAGES])
        self.language_combo.setToolTip(self.tr("The language for letters and badges, e.g. ru"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)

        self.register_check: QCheckBox | None = None
        if person is None and event_name:
            self.register_check = QCheckBox(self.tr("Register for {0}").format(event_name), self)
            self.register_check.setChecked(register_by_default)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions: list[QLabel] = []
        for label, field in (
            (self.tr("&Family name:"), self.family_name_edit),
            (self.tr("&Given name:"), self.given_name_edit),
            (self.tr("Pa&tronymic:"), self.patronymic_edit),
            (self.tr("&Display name:"), self.display_name_edit),
            (self.tr("Name in &Latin:"), self.latin_name_edit),
            (self.tr("&Organisation:"), self.organization_combo),
            (self.tr("&Position:"), self.position_edit),
            (self.tr("C&ountry:"), self.country_combo),
            (self.tr("&Sector:"), self.sector_combo),
            (self.tr("Gende&r:"), self.gender_combo),
            (self.tr("&E-mail:"), self.email_edit),
            (self.tr("P&hone:"), self.phone_edit),
            (self.tr("&Language:"), self.language_combo),
            (self.tr("&Notes:"), self.notes_edit),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(field)
            captions.append(caption)
            form.addRow(caption, field)
        # Translated labels can run three times as long as the English ones. Past a point every
        # label goes above its field (all of them: a form half one way, half the other, reads
        # badly) and the fields keep the dialog's full width.
        widest = max(caption.sizeHint().width() for caption in captions)
        form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows
            if widest > LABEL_MAX_CHARS * self.fontMetrics().averageCharWidth()
            else QFormLayout.RowWrapPolicy.DontWrapRows
        )

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.register_check is not None:
            layout.addWidget(self.register_check)
        self._sections = QVBoxLayout()  # what the page adds: the unavailable periods
        layout.addLayout(self._sections)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        self._original = self._values_of(person) if person is not None else None
        self._touched = False
        # The Latin name follows the name while it is the name's transliteration.
        self._latin_follows = person is None or person.latin_name in (
            None,
            latin_name(person.display_name),
        )
        if person is not None:
            self._show(person)
        for edit in (
            self.family_name_edit,
            self.given_name_edit,
            self.patronymic_edit,
            self.display_name_edit,
            self.email_edit,
        ):
            edit.textChanged.connect(self._on_field_text_changed)
        self.latin_name_edit.textEdited.connect(self._on_latin_name_edit_text_edited)
        self._on_field_text_changed()
        self.family_name_edit.setFocus()

    def add_section(self, section: QWidget) -> None:
        """A part of the dialog that acts on its own (its changes are undo steps of their own),
        shown under the form."""
        section.setParent(self)
        self._sections.addWidget(section)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # --- what the dialog holds ----------------------------------------------------------------

    def values(self) -> Changes:
        """Every field as the services take it: cleaned, empty as None."""
        values: Changes = {name: text.clean(self._line(name).text()) for name in _LINE_FIELDS}
        # a Latin name that follows the name is the service's to make (None: the default)
        values["latin_name"] = None if self._latin_follows else values["latin_name"]
        values["country"] = self.country()
        values["organization"] = text.clean(self.organization_combo.currentText())
        sector = self.sector_combo.currentData()
        values["sector"] = Sector(sector) if sector else None
        gender = self.gender_combo.currentData()
        values["gender"] = Gender(gender) if gender else None
        email = values["email"]
        values["email"] = email.lower() if isinstance(email, str) else None
        values["language"] = text.clean(self.language_combo.currentText())
        values["notes"] = text.clean_multiline(self.notes_edit.toPlainText())
        return values

    def changes(self) -> Changes:
        """A new person's fields (the empty ones left out), or only what changed in an edit."""
        values = self.values()
        if self._original is None:
            return {name: value for name, value in values.items() if value is not None}
        return {name: value for name, value in values.items() if value != self._original.get(name)}

    def country(self) -> str | None:
        """The chosen country's code, or what was typed when it names no country."""
        typed = text.clean(self.country_combo.currentText())
        if typed is None:
            return None
        index = self.country_combo.findText(typed, Qt.MatchFlag.MatchFixedString)
        code = self.country_combo.itemData(index) if index > 0 else None
        return code if isinstance(code, str) else stored_country(typed)

    def register_for_event(self) -> bool:
        return self.register_check is not None and self.register_check.isChecked()

    def problem(self) -> str | None:
        """What keeps OK disabled, in words; None when the dialog can be accepted."""
        if text.clean(self.family_name_edit.text()) is None:
            return self.tr("The family name is required.")
        try:
            text.normalize_email(self.email_edit.text())
        except ValidationError:
            return self.tr("“{0}” is not an e-mail address.").format(self.email_edit.text().strip())
        return None

    # --- accepting ----------------------------------------------------------------------------

    def accept(self) -> None:
        if self.problem() is not None:
            return
        changes = self.changes()
        if (
            (self._original is None or changes)
            and self.submit is not None
            and not self.submit(changes)
        ):
            return  # the service refused and the error was shown: keep what the user typed
        super().accept()

    # --- inside -------------------------------------------------------------------------------

    def _line(self, name: str) -> QLineEdit:
        return {
            "family_name": self.family_name_edit,
            "given_name": self.given_name_edit,
            "patronymic": self.patronymic_edit,
            "display_name": self.display_name_edit,
            "latin_name": self.latin_name_edit,
            "position": self.position_edit,
            "email": self.email_edit,
            "phone": self.phone_edit,
        }[name]

    @staticmethod
    def _values_of(person: PersonRow) -> Changes:
        default = text.default_display_name(
            person.family_name, person.given_name, person.patronymic
        )
        return {
            "family_name": person.family_name,
            "given_name": person.given_name,
            "patronymic": person.patronymic,
            # A default display name is shown empty so that it keeps following the names.
            "display_name": None if person.display_name == default else person.display_name,
            "latin_name": (
                None if person.latin_name == latin_name(person.display_name) else person.latin_name
            ),
            "position": person.position,
            "country": person.country,
            "email": person.email,
            "phone": person.phone,
            "organization": person.organization,
            "sector": person.sector,
            "gender": person.gender,
            "language": person.language,
            "notes": person.notes,
        }

    def _show(self, person: PersonRow) -> None:
        assert self._original is not None
        for name in _LINE_FIELDS:
            value = self._original[name]
            edit = self._line(name)
            edit.setText(value if isinstance(value, str) else "")
            edit.setCursorPosition(0)  # a long position shows its beginning, not its end
        with QSignalBlocker(self.organization_combo):
            self.organization_combo.setCurrentText(person.organization or "")
        self.country_combo.setCurrentText(
            country_label(person.country, i18n.language()) or "" if person.country else ""
        )
        self.sector_combo.setCurrentIndex(
            max(0, self.sector_combo.findData(person.sector.value)) if person.sector else 0
        )
        self.gender_combo.setCurrentIndex(
            max(0, self.gender_combo.findData(person.gender.value)) if person.gender else 0
        )
        self.language_combo.setCurrentText(person.language or "")
        self.notes_edit.setPlainText(person.notes or "")

    def _country_combo(self, countries: Sequence[str]) -> QComboBox:
        """Every country in the window's language, found by any part of its name as typed;
        a name that is no country can be typed too (it is kept as written)."""
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", None)
        choices = country_choices(i18n.language())
        for code, name in choices:
            combo.addItem(name, code)
        names = {name for _code, name in choices}
        for other in countries:  # names in the directory that are no ISO country
            if other not in names:
                combo.addItem(other, None)
        combo.setCompleter(
            _contains_completer([combo.itemText(i) for i in range(1, combo.count())], combo)
        )
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.setCurrentIndex(0)
        return combo

    def _on_latin_name_edit_text_edited(self, typed: str) -> None:
        # typed by hand: it stays; cleared: it follows the name again
        self._latin_follows = not typed.strip()
        if self._latin_follows:
            self._fill_latin_name()

    def _fill_latin_name(self) -> None:
        display = text.clean(self.display_name_edit.text()) or text.clean(
            self.display_name_edit.placeholderText()
        )
        family = text.clean(self.family_name_edit.text())
        latin = latin_name(display) if family else None
        if self.latin_name_edit.text() != (latin or ""):
            self.latin_name_edit.setText(latin or "")
            self.latin_name_edit.setCursorPosition(0)

    def _on_field_text_changed(self, _text: str = "") -> None:
        family = text.clean(self.family_name_edit.text())
        self.display_name_edit.setPlaceholderText(
            text.default_display_name(
                family,
                text.clean(self.given_name_edit.text()),
                text.clean(self.patronymic_edit.text()),
            )
            if family
            else self.tr("Made from the names")
        )
        if self._latin_follows:
            self._fill_latin_name()
        problem = self.problem()
        self.ok_button.setEnabled(problem is None)
        # A new, untouched form gets no red text: the disabled OK says enough until then.
        self._touched = self._touched or bool(_text)
        shown = problem if self._touched or self.person is not None else None
        self.message_label.setText(shown or "")
        self.message_label.setVisible(shown is not None)
