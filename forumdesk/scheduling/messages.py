"""The checker's messages, in the language set with forumdesk.core.i18n.set_language.

The templates are looked up once per check (`texts()`, cached per language), not once per
problem: a large event has tens of thousands of problems, and each costs only its `format`.
"""

from __future__ import annotations

from dataclasses import dataclass

from forumdesk.core.enums import Role
from forumdesk.core.i18n import _, gettext, language, ngettext


@dataclass(frozen=True, slots=True)
class Texts:
    """Every sentence the checker writes, in one language."""

    room_twice: str
    during_all_rooms: str
    unscheduled: str
    outside_days: str
    before_first_day: str
    after_last_day: str
    no_room: str
    no_moderator: str
    audience_over: str
    over_capacity: str
    role_in: str
    not_registered: str
    only_invited: str
    registration_cancelled: str
    person_twice: str
    changeover: str
    no_time: str
    unavailable: str
    unknown_room: str
    unknown_person: str
    roles: tuple[str, ...]  # by role number: the order of `Role`

    def minutes(self, count: int) -> str:
        return ngettext("{count} minute", "{count} minutes", count).format(count=count)

    def assigned_over(self, count: int, session: str) -> str:
        return ngettext(
            "{count} person is assigned to {session}",
            "{count} people are assigned to {session}",
            count,
        ).format(count=count, session=session)


_cache: dict[str, Texts] = {}


def texts() -> Texts:
    """The checker's sentences in the language in use."""
    found = _cache.get(language())
    if found is None:
        found = _cache[language()] = _build()
    return found


def _build() -> Texts:
    return Texts(
        room_twice=_("{room} is booked twice: {first} and {second} overlap."),
        during_all_rooms=_("{session} in {room} overlaps {wide}, which is for all rooms."),
        unscheduled=_("{session} is not on the timetable yet."),
        outside_days=_(
            "{session} is scheduled {when}, {where} (the event runs {first_day} to {last_day})."
        ),
        before_first_day=_("before the event's first day"),
        after_last_day=_("after the event's last day"),
        no_room=_("{session} is on the timetable but has no room."),
        no_moderator=_("{session} ({kind}) has no moderator."),
        audience_over=_("{session} expects an audience of {audience}"),
        over_capacity=_("{what}, but {room} seats {capacity}."),
        role_in=_("{role} of {session}"),
        not_registered=_("{person} is {sessions} but is not registered for the event{note}."),
        only_invited=_(" (only invited so far)"),
        registration_cancelled=_(" (their registration is cancelled)"),
        person_twice=_("{person} is in two sessions at the same time: {first} and {second}."),
        changeover=_(
            "{person} has {time_left} to get from {from_room} ({first}) to "
            "{to_room} ({second}); the event allows {allowed}."
        ),
        no_time=_("no time"),
        unavailable=_("{person} is {role_in} but said they are unavailable {when}{note}."),
        unknown_room=_("Room #{id}"),
        unknown_person=_("Person #{id}"),
        roles=tuple(gettext(role.label) for role in Role),
    )
