"""A person read from a file and not stored yet (PersonRow with id and version 0), made quickly.

PersonRow is a frozen dataclass: its __init__ sets each of its nineteen fields through
object.__setattr__, which made building one a quarter of cleaning an attendee row (4 µs, against
20,000 rows). new_person builds it as a _Draft instead, a class with PersonRow's very slots and a
plain __init__ (one quick store a field), and then makes it the PersonRow it is by assigning its
class, which Python allows between classes of the same layout: the same object, equal to what
PersonRow(...) gives (tests check every field), in a third of the time of setting each slot
through its descriptor (0.7 against 1.9 µs). PersonRow has no __post_init__ to skip; a field
added to it fails those tests until it is set here too.
"""

from __future__ import annotations

from forumdesk.core.enums import Gender, Sector
from forumdesk.core.rows import PersonRow


class _Draft:
    """PersonRow's slots, unfrozen for as long as its __init__ runs (then a PersonRow)."""

    __slots__ = PersonRow.__slots__

    def __init__(
        self,
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
        latin_name: str | None,
        gender: Gender | None,
    ) -> None:
        self.id = 0
        self.family_name = family_name
        self.given_name = given_name
        self.patronymic = patronymic
        self.display_name = display_name
        self.organization_id = None
        self.organization = organization
        self.position = position
        self.country = country
        self.sector = sector
        self.email = email
        self.phone = phone
        self.language = language
        self.notes = notes
        self.version = 0
        self.latin_name = latin_name
        self.organization_country = None
        self.organization_sector = None
        self.gender = gender
        self.__class__ = PersonRow  # type: ignore[assignment]


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
    return _Draft(  # type: ignore[return-value]
        family_name,
        given_name,
        patronymic,
        display_name,
        organization,
        position,
        country,
        sector,
        email,
        phone,
        language,
        notes,
        latin_name,
        gender,
    )
