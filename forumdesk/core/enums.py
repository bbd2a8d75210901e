"""The forum's fixed vocabularies, stored as their string values."""

from __future__ import annotations

import enum

from forumdesk.core.i18n import _, gettext, language


class Vocabulary(enum.StrEnum):
    """A fixed vocabulary stored as its string values, read and written in people's words."""

    @property
    def label(self) -> str:
        """The value as a person reads it: "co_moderator" -> "co-moderator"."""
        return _LABELS.get(self.value, self.value.replace("_", " "))

    @property
    def translated_label(self) -> str:
        """The label in the language messages are written in ("модератор" in Russian)."""
        return gettext(self.label)

    @classmethod
    def parse(cls, text: str) -> Vocabulary:
        """Accept a value or its label, ignoring case, spaces, '-' and '_'.

        The label in the current language is accepted too: a message lists the choices in
        that language, so what it lists can be typed back.
        """
        found = _parse_keys(cls).get(_squash(text))
        if found is not None:
            return found
        allowed = ", ".join(m.translated_label for m in cls)
        raise ValueError(_("'{text}' is not one of: {allowed}").format(text=text, allowed=allowed))


# (vocabulary, language) -> squashed value or label -> member; imports parse one per row
_PARSE_KEYS: dict[tuple[type[Vocabulary], str], dict[str, Vocabulary]] = {}


def _parse_keys(kind: type[Vocabulary]) -> dict[str, Vocabulary]:
    cache_key = (kind, language())
    keys = _PARSE_KEYS.get(cache_key)
    if keys is None:
        keys = {}
        for member in kind:  # the first member a key names wins, as in a search in order
            keys.setdefault(_squash(member.value), member)
            keys.setdefault(_squash(member.label), member)
        for member in kind:
            keys.setdefault(_squash(member.translated_label), member)
        keys.pop("", None)
        _PARSE_KEYS[cache_key] = keys
    return keys


_LABELS = {
    "co_moderator": "co-moderator",
    "expert": "expert/academia",
}


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


class SessionKind(Vocabulary):
    PLENARY = "plenary"
    DISCUSSION = "discussion"
    WORKSHOP = "workshop"
    BREAK = "break"
    REGISTRATION = "registration"
    OTHER = "other"


class Role(Vocabulary):
    MODERATOR = "moderator"
    CO_MODERATOR = "co_moderator"
    SPEAKER = "speaker"
    PANELIST = "panelist"
    PARTICIPANT = "participant"
    RAPPORTEUR = "rapporteur"


class Sector(Vocabulary):
    GOVERNMENT = "government"
    INTERGOVERNMENTAL = "intergovernmental"
    BUSINESS = "business"
    MARKETPLACE = "marketplace"
    CREATIVE_INDUSTRY = "creative_industry"
    RIGHTS_HOLDER = "rights_holder"
    EXPERT = "expert"
    MEDIA = "media"
    OTHER = "other"


class Gender(Vocabulary):
    """A person's gender, where staff record it (a panel's balance counts it); NULL: not
    recorded."""

    FEMALE = "female"
    MALE = "male"
    ANOTHER = "another"


class RegistrationStatus(Vocabulary):
    INVITED = "invited"
    REGISTERED = "registered"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    CANCELLED = "cancelled"


# Sessions of these kinds span the whole venue rather than one room (agendas set them apart).
VENUE_WIDE_KINDS = frozenset({SessionKind.PLENARY, SessionKind.BREAK, SessionKind.REGISTRATION})
# Roles that lead a session: listed first on agendas.
LEADING_ROLES = (Role.MODERATOR, Role.CO_MODERATOR)
# Roles that speak in a session: agendas list them after those who lead it.
SPEAKING_ROLES = (Role.SPEAKER, Role.PANELIST)
# Sessions with no speakers: the programme shades them, sign-in sheets skip them.
BREAK_KINDS = frozenset({SessionKind.BREAK, SessionKind.REGISTRATION})
