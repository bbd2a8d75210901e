"""The forum's fixed vocabularies, stored as their string values."""

from __future__ import annotations

import enum


class _Vocabulary(enum.StrEnum):
    @property
    def label(self) -> str:
        """The value as a person reads it: "co_moderator" -> "co-moderator"."""
        return _LABELS.get(self.value, self.value.replace("_", " "))

    @classmethod
    def parse(cls, text: str) -> _Vocabulary:
        """Accept a value or its label, ignoring case, spaces, '-' and '_'."""
        key = _squash(text)
        for member in cls:
            if key in {_squash(member.value), _squash(member.label)}:
                return member
        allowed = ", ".join(m.label for m in cls)
        raise ValueError(f"'{text}' is not one of: {allowed}")


_LABELS = {
    "co_moderator": "co-moderator",
    "expert": "expert/academia",
}


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


class SessionKind(_Vocabulary):
    PLENARY = "plenary"
    DISCUSSION = "discussion"
    WORKSHOP = "workshop"
    BREAK = "break"
    REGISTRATION = "registration"
    OTHER = "other"


class Role(_Vocabulary):
    MODERATOR = "moderator"
    CO_MODERATOR = "co_moderator"
    SPEAKER = "speaker"
    PANELIST = "panelist"
    PARTICIPANT = "participant"
    RAPPORTEUR = "rapporteur"


class Sector(_Vocabulary):
    GOVERNMENT = "government"
    INTERGOVERNMENTAL = "intergovernmental"
    BUSINESS = "business"
    MARKETPLACE = "marketplace"
    CREATIVE_INDUSTRY = "creative_industry"
    RIGHTS_HOLDER = "rights_holder"
    EXPERT = "expert"
    MEDIA = "media"
    OTHER = "other"


class RegistrationStatus(_Vocabulary):
    INVITED = "invited"
    REGISTERED = "registered"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    CANCELLED = "cancelled"


# Sessions of these kinds span the whole venue rather than one room (agendas set them apart).
VENUE_WIDE_KINDS = frozenset({SessionKind.PLENARY, SessionKind.BREAK, SessionKind.REGISTRATION})
# Roles that lead a session: listed first on agendas.
LEADING_ROLES = (Role.MODERATOR, Role.CO_MODERATOR)
