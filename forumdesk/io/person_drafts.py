"""A person read from a file and not stored yet (PersonRow with id and version 0), made quickly.

PersonRow is a frozen dataclass: its __init__ sets each of its nineteen fields through
object.__setattr__, which made building one a quarter of cleaning an attendee row (4 µs, against
20,000 rows). new_person sets the slots directly instead, one call each: the same object, equal
to what PersonRow(...) gives (tests check every field), in less than half the time. PersonRow has
no __post_init__ to skip; a field added to it fails those tests until it is set here too.
"""

from __future__ import annotations

from forumdesk.core.enums import Gender, Sector
from forumdesk.core.rows import PersonRow

_make = object.__new__
_slots = PersonRow.__dict__
_set_id = _slots["id"].__set__
_set_family_name = _slots["family_name"].__set__
_set_given_name = _slots["given_name"].__set__
_set_patronymic = _slots["patronymic"].__set__
_set_display_name = _slots["display_name"].__set__
_set_organization_id = _slots["organization_id"].__set__
_set_organization = _slots["organization"].__set__
_set_position = _slots["position"].__set__
_set_country = _slots["country"].__set__
_set_sector = _slots["sector"].__set__
_set_email = _slots["email"].__set__
_set_phone = _slots["phone"].__set__
_set_language = _slots["language"].__set__
_set_notes = _slots["notes"].__set__
_set_version = _slots["version"].__set__
_set_latin_name = _slots["latin_name"].__set__
_set_gender = _slots["gender"].__set__
_set_organization_country = _slots["organization_country"].__set__
_set_organization_sector = _slots["organization_sector"].__set__


def new_person(
    family_name: str,
    given_name: str | None,
    patronymic: str | None,
    display_name: str,
    organization: str | None,
    position: str | None,
    country: str | None,
    sector: Sector | None,
    email: str | None,
    phone: str | None,
    language: str | None,
    notes: str | None,
    latin_name: str | None = None,
    gender: Gender | None = None,
) -> PersonRow:
    """PersonRow(0, family_name, …, notes, 0, latin_name=…, gender=…): a person not stored
    yet, their organisation a name only."""
    person: PersonRow = _make(PersonRow)
    _set_id(person, 0)
    _set_family_name(person, family_name)
    _set_given_name(person, given_name)
    _set_patronymic(person, patronymic)
    _set_display_name(person, display_name)
    _set_organization_id(person, None)
    _set_organization(person, organization)
    _set_position(person, position)
    _set_country(person, country)
    _set_sector(person, sector)
    _set_email(person, email)
    _set_phone(person, phone)
    _set_language(person, language)
    _set_notes(person, notes)
    _set_version(person, 0)
    _set_latin_name(person, latin_name)
    _set_organization_country(person, None)
    _set_organization_sector(person, None)
    _set_gender(person, gender)
    return person
