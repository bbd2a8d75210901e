"""What changed between two versions of a programme, and who must be told: pure comparison.

A `Programme` is what a published version froze (services.versions): each session as its
agendas show it (code, title, day and time, room, cancelled) and who is in it with which role.
`changes` compares two of them session by session; `people_to_tell` compares every person's own
agenda and writes each affected person their own lines, in their language. Nothing here reads
the database: two snapshots in, plain rows out.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from forumdesk.core.enums import Role
from forumdesk.core.i18n import LANGUAGES, N_, gettext_in, language


@dataclass(frozen=True, slots=True)
class SessionState:
    """A session as an agenda shows it."""

    code: str | None
    title: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    room: str | None  # the room's name; None: no room (or across all rooms)
    all_rooms: bool = False
    cancelled: bool = False

    @property
    def label(self) -> str:
        return f"{self.code} «{self.title}»" if self.code else f"«{self.title}»"


@dataclass(frozen=True, slots=True)
class PersonState:
    name: str
    email: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Programme:
    """An event's programme at one moment: sessions by id, who is in each with which role
    (session id -> person id -> role), and the people who have a role."""

    sessions: Mapping[int, SessionState]
    people_in: Mapping[int, Mapping[int, Role]]
    people: Mapping[int, PersonState] = field(default_factory=dict)

    @classmethod
    def with_roles(
        cls,
        sessions: Mapping[int, SessionState],
        roles: Mapping[tuple[int, int], Role],
        people: Mapping[int, PersonState] | None = None,
    ) -> Programme:
        """A programme from roles by (session id, person id)."""
        people_in: dict[int, dict[int, Role]] = defaultdict(dict)
        for (sid, pid), role in roles.items():
            people_in[sid][pid] = role
        return cls(sessions, dict(people_in), people or {})

    @property
    def roles(self) -> dict[tuple[int, int], Role]:
        """Roles by (session id, person id)."""
        return {
            (sid, pid): role for sid, cast in self.people_in.items() for pid, role in cast.items()
        }

    def to_json(self) -> str:
        return json.dumps(
            {
                "sessions": {
                    str(sid): [
                        s.code,
                        s.title,
                        _iso(s.starts_at),
                        _iso(s.ends_at),
                        s.room,
                        s.all_rooms,
                        s.cancelled,
                    ]
                    for sid, s in self.sessions.items()
                },
                "people_in": {
                    str(sid): [[pid, role.value] for pid, role in cast.items()]
                    for sid, cast in self.people_in.items()
                    if cast
                },
                "people": {
                    str(pid): [p.name, p.email, p.language] for pid, p in self.people.items()
                },
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, stored: str) -> Programme:
        data = json.loads(stored)
        roles = {member.value: member for member in Role}
        return cls(
            sessions={
                int(sid): SessionState(
                    code, title, _time(start), _time(end), room, bool(every), bool(off)
                )
                for sid, (code, title, start, end, room, every, off) in data["sessions"].items()
            },
            people_in={
                int(sid): {pid: roles[role] for pid, role in cast}
                for sid, cast in data["people_in"].items()
            },
            people={
                int(pid): PersonState(name, email, lang)
                for pid, (name, email, lang) in data["people"].items()
            },
        )

    def agenda(self, person_id: int) -> dict[int, tuple[SessionState, Role]]:
        """One person's agenda: their sessions as shown, with their role in each (slow: for
        checks; `people_to_tell` indexes every person at once)."""
        return {
            sid: (self.sessions[sid], cast[person_id])
            for sid, cast in self.people_in.items()
            if person_id in cast and sid in self.sessions
        }


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(sep=" ", timespec="minutes") if value else None


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


class ChangeKind(enum.StrEnum):
    NEW = "new"  # a session that was not in the programme
    REMOVED = "removed"  # deleted from the programme
    CANCELLED = "cancelled"
    REINSTATED = "reinstated"  # no longer cancelled
    MOVED = "moved"  # another day or time (or placed, or taken off the timetable)
    ROOM = "room"  # another room
    RETITLED = "retitled"  # another title or code
    PERSON_ADDED = "person_added"
    PERSON_REMOVED = "person_removed"
    ROLE = "role"  # the same person, another role

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ChangeKind.NEW: N_("new session"),
    ChangeKind.REMOVED: N_("session removed"),
    # not "cancelled" alone: that word is also a registration's status («отказался»)
    ChangeKind.CANCELLED: N_("session cancelled"),
    ChangeKind.REINSTATED: N_("no longer cancelled"),
    ChangeKind.MOVED: N_("moved"),
    ChangeKind.ROOM: N_("other room"),
    ChangeKind.RETITLED: N_("retitled"),
    ChangeKind.PERSON_ADDED: N_("person added"),
    ChangeKind.PERSON_REMOVED: N_("person removed"),
    ChangeKind.ROLE: N_("other role"),
}
SESSION_KINDS = frozenset(
    {
        ChangeKind.NEW,
        ChangeKind.REMOVED,
        ChangeKind.CANCELLED,
        ChangeKind.REINSTATED,
        ChangeKind.MOVED,
        ChangeKind.ROOM,
        ChangeKind.RETITLED,
    }
)


@dataclass(frozen=True, slots=True)
class ProgrammeChange:
    """One change between two versions, of a session or of one person's place in it."""

    kind: ChangeKind
    session_id: int
    session: SessionState  # as it is in the later version (as it was, when removed)
    before: str | None  # in plain words ("12.05 13:00–14:00", "Hall A", "speaker")
    after: str | None
    person_id: int | None = None
    person_name: str | None = None
    affected: tuple[int, ...] = ()  # the people whose agendas this changes

    def text(self, in_language: str | None = None) -> str:
        """The change as one line in plain words, for staff."""
        lang = in_language or language()
        return _staff_line(self, lang)


# --- texts ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # strftime is slow, and a session is shown to all its people
def when(state: SessionState) -> str | None:
    """ "12.05 13:00–14:00", or None for a session not on the timetable."""
    if state.starts_at is None or state.ends_at is None:
        return None
    return f"{state.starts_at:%d.%m} {state.starts_at:%H:%M}–{state.ends_at:%H:%M}"


def where(state: SessionState, lang: str) -> str | None:
    if state.all_rooms:
        return gettext_in(lang, N_("all rooms"))
    return state.room


def _t(lang: str, message: str) -> str:
    return gettext_in(lang, message)


def _role(lang: str, role: Role) -> str:
    return gettext_in(lang, role.label)


def _not_scheduled(lang: str) -> str:
    return _t(lang, N_("not scheduled"))


def _no_room(lang: str) -> str:
    return _t(lang, N_("no room"))


def _staff_line(change: ProgrammeChange, lang: str) -> str:
    label = change.session.label
    before, after = change.before or "", change.after or ""
    match change.kind:
        case ChangeKind.NEW:
            return _t(lang, N_("{session} is new ({after})")).format(session=label, after=after)
        case ChangeKind.REMOVED:
            return _t(lang, N_("{session} was removed from the programme")).format(session=label)
        case ChangeKind.CANCELLED:
            return _t(lang, N_("{session} is cancelled")).format(session=label)
        case ChangeKind.REINSTATED:
            return _t(lang, N_("{session} is no longer cancelled")).format(session=label)
        case ChangeKind.MOVED:
            return _t(lang, N_("{session} moved from {before} to {after}")).format(
                session=label, before=before, after=after
            )
        case ChangeKind.ROOM:
            return _t(lang, N_("{session} moved from {before} to {after}")).format(
                session=label, before=before, after=after
            )
        case ChangeKind.RETITLED:
            return _t(lang, N_("{before} is now {session}")).format(session=label, before=before)
        case ChangeKind.PERSON_ADDED:
            return _t(lang, N_("{person} added to {session} as {role}")).format(
                person=change.person_name, session=label, role=after
            )
        case ChangeKind.PERSON_REMOVED:
            return _t(lang, N_("{person} removed from {session}")).format(
                person=change.person_name, session=label
            )
        case ChangeKind.ROLE:
            return _t(lang, N_("{person} in {session}: now {after} (was {before})")).format(
                person=change.person_name, session=label, before=before, after=after
            )
    raise AssertionError(change.kind)


# --- comparing ----------------------------------------------------------------------------------


def _session_changes(
    sid: int, old: SessionState | None, new: SessionState | None, lang: str
) -> list[tuple[ChangeKind, SessionState, str | None, str | None]]:
    """The session-level changes of one session (kind, state shown, before, after)."""
    if old is None and new is not None:
        return [(ChangeKind.NEW, new, None, _placement(new, lang))]
    if new is None and old is not None:
        return [(ChangeKind.REMOVED, old, _placement(old, lang), None)]
    assert old is not None and new is not None
    found: list[tuple[ChangeKind, SessionState, str | None, str | None]] = []
    if old.cancelled != new.cancelled:
        kind = ChangeKind.CANCELLED if new.cancelled else ChangeKind.REINSTATED
        found.append((kind, new, None, None))
    if (old.starts_at, old.ends_at) != (new.starts_at, new.ends_at):
        found.append(
            (
                ChangeKind.MOVED,
                new,
                when(old) or _not_scheduled(lang),
                when(new) or _not_scheduled(lang),
            )
        )
    if (old.room, old.all_rooms) != (new.room, new.all_rooms):
        found.append(
            (
                ChangeKind.ROOM,
                new,
                where(old, lang) or _no_room(lang),
                where(new, lang) or _no_room(lang),
            )
        )
    if (old.code, old.title) != (new.code, new.title):
        found.append((ChangeKind.RETITLED, new, old.label, new.label))
    return found


def _placement(state: SessionState, lang: str) -> str:
    parts = [when(state) or _not_scheduled(lang)]
    room = where(state, lang)
    if room:
        parts.append(room)
    return ", ".join(parts)


def changes(
    old: Programme, new: Programme, *, in_language: str | None = None
) -> list[ProgrammeChange]:
    """Every change from `old` to `new`, grouped by session (in the later version's order of
    time, then code), the session's own changes before its people's."""
    lang = in_language or language()
    old_people, new_people = old.people_in, new.people_in
    found: list[ProgrammeChange] = []
    for sid in sorted(old.sessions.keys() | new.sessions.keys(), key=_order(old, new)):
        before_state, after_state = old.sessions.get(sid), new.sessions.get(sid)
        was, now = old_people.get(sid, {}), new_people.get(sid, {})
        everyone = tuple(sorted(was.keys() | now.keys()))
        for kind, shown, before, after in _session_changes(sid, before_state, after_state, lang):
            found.append(ProgrammeChange(kind, sid, shown, before, after, affected=everyone))
        if after_state is None or before_state is None:
            continue  # a new or removed session: its people come and go with it
        state = after_state
        for pid in sorted(was.keys() | now.keys()):
            if was.get(pid) == now.get(pid):
                continue
            person = new.people.get(pid) or old.people.get(pid)
            name = person.name if person else str(pid)
            if pid not in was:
                kind, before, after = ChangeKind.PERSON_ADDED, None, _role(lang, now[pid])
            elif pid not in now:
                kind, before, after = ChangeKind.PERSON_REMOVED, _role(lang, was[pid]), None
            else:
                kind, before, after = ChangeKind.ROLE, _role(lang, was[pid]), _role(lang, now[pid])
            found.append(ProgrammeChange(kind, sid, state, before, after, pid, name, (pid,)))
    return found


def _order(old: Programme, new: Programme) -> Callable[[int], tuple[dt.datetime, str, int]]:
    """Sessions in the order of the programme: by time (unscheduled last), then code."""
    far = dt.datetime.max

    def key(sid: int) -> tuple[dt.datetime, str, int]:
        state = new.sessions.get(sid) or old.sessions[sid]
        return (state.starts_at or far, state.code or "", sid)

    return key


# --- who must be told ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonToTell:
    person_id: int
    name: str
    email: str | None
    language: str  # "en" or "ru": what their lines are written in
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def letter_language(stored: str | None) -> str:
    """The language to write to a person in: their own where forumdesk speaks it ("ru",
    "RU", "ru-KZ", "Russian", "русский"), else English."""
    value = (stored or "").strip().casefold()
    if value.startswith(("ru", "рус")):
        return "ru"
    code = value.replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else "en"


def people_to_tell(old: Programme, new: Programme) -> list[PersonToTell]:
    """Everyone whose own agenda differs between `old` and `new`, each with their own lines in
    their language, by name.

    A person's agenda differs where a session of theirs (in either version) is shown otherwise,
    or where their role in an unchanged session differs: found session by session, so that the
    300 sessions are compared once rather than once per person. The lines for one session are
    the same for everyone in it with the same roles and language, and are written once.
    """
    _EMPTY: Mapping[int, Role] = {}
    touched: dict[int, list[int]] = defaultdict(list)  # person -> sessions that differ for them
    for sid in old.sessions.keys() | new.sessions.keys():
        before, after = old.sessions.get(sid), new.sessions.get(sid)
        was = old.people_in.get(sid, _EMPTY) if before is not None else _EMPTY
        now = new.people_in.get(sid, _EMPTY) if after is not None else _EMPTY
        if before != after:
            for pid in was.keys() | now.keys():
                touched[pid].append(sid)
        elif was != now:
            for pid in was.keys() | now.keys():
                if was.get(pid) != now.get(pid):
                    touched[pid].append(sid)
    rank = {
        sid: n for n, sid in enumerate(sorted(_touched_sessions(touched), key=_order(old, new)))
    }
    written: dict[tuple[int, str, Role | None, Role | None], tuple[str, ...]] = {}
    told: list[PersonToTell] = []
    for pid, sids in touched.items():
        person = new.people.get(pid) or old.people.get(pid) or PersonState(str(pid))
        lang = letter_language(person.language)
        lines: list[str] = []
        for sid in sorted(sids, key=rank.__getitem__):
            before, after = old.sessions.get(sid), new.sessions.get(sid)
            was_role = old.people_in.get(sid, _EMPTY).get(pid) if before is not None else None
            now_role = new.people_in.get(sid, _EMPTY).get(pid) if after is not None else None
            key = (sid, lang, was_role, now_role)
            if key not in written:
                written[key] = tuple(
                    _personal_lines(
                        (before, was_role) if before is not None and was_role else None,
                        (after, now_role) if after is not None and now_role else None,
                        lang,
                    )
                )
            lines.extend(written[key])
        told.append(PersonToTell(pid, person.name, person.email, lang, tuple(lines)))
    return sorted(told, key=lambda p: (p.name.casefold(), p.person_id))


def _touched_sessions(touched: Mapping[int, list[int]]) -> set[int]:
    return {sid for sids in touched.values() for sid in sids}


def _personal_lines(
    was: tuple[SessionState, Role] | None, now: tuple[SessionState, Role] | None, lang: str
) -> Iterable[str]:
    if was == now:
        return
    if now is None:
        assert was is not None
        yield _t(lang, N_("You are no longer in {session}.")).format(session=was[0].label)
        return
    state, role = now
    if was is None:
        yield _t(lang, N_("You are now in {session} as {role}: {placement}.")).format(
            session=state.label, role=_role(lang, role), placement=_placement(state, lang)
        )
        return
    old_state, old_role = was
    if old_state.cancelled != state.cancelled:
        message = (
            N_("Your session {session} is cancelled.")
            if state.cancelled
            else N_("Your session {session} takes place after all: {placement}.")
        )
        yield _t(lang, message).format(session=state.label, placement=_placement(state, lang))
    moved = (old_state.starts_at, old_state.ends_at) != (state.starts_at, state.ends_at)
    other_room = (old_state.room, old_state.all_rooms) != (state.room, state.all_rooms)
    if moved:
        yield _t(lang, N_("Your session {session} moved from {before} to {after}.")).format(
            session=state.label,
            before=when(old_state) or _not_scheduled(lang),
            after=_placement(state, lang),
        )
    elif other_room:
        yield _t(lang, N_("Your session {session} moved from {before} to {after}.")).format(
            session=state.label,
            before=where(old_state, lang) or _no_room(lang),
            after=where(state, lang) or _no_room(lang),
        )
    if (old_state.code, old_state.title) != (state.code, state.title):
        yield _t(lang, N_("Your session {before} is now called {session}.")).format(
            before=old_state.label, session=state.label
        )
    if old_role != role:
        yield _t(lang, N_("Your role in {session} is now {role} (was {before}).")).format(
            session=state.label, role=_role(lang, role), before=_role(lang, old_role)
        )
