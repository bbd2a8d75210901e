"""What the schedule checker reads and what it reports: plain, frozen, free of the database.

Services build these from their rows; the checker (forumdesk.scheduling.checker) turns them into
problems. Times are the event's local wall-clock times as naive datetimes.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress, islice
from operator import attrgetter, eq

from forumdesk.core.enums import RegistrationStatus, Role, SessionKind


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class ProblemKind(enum.StrEnum):
    ROOM_DOUBLE_BOOKED = "room_double_booked"
    DURING_ALL_ROOMS = "during_all_rooms"
    PERSON_DOUBLE_BOOKED = "person_double_booked"
    PERSON_UNAVAILABLE = "person_unavailable"
    CHANGEOVER_TOO_SHORT = "changeover_too_short"
    OUTSIDE_EVENT_DAYS = "outside_event_days"
    OVER_CAPACITY = "over_capacity"
    NO_MODERATOR = "no_moderator"
    NO_ROOM = "no_room"
    NOT_REGISTERED = "not_registered"
    UNSCHEDULED = "unscheduled"
    ONE_SECTOR_PANEL = "one_sector_panel"  # only where the event asks for it (issue 20)
    MISSING_TRANSLATION = "missing_translation"  # a text lacking in a content language

    @property
    def label(self) -> str:
        """The kind as a person reads it: "room_double_booked" -> "room booked twice"."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ProblemKind.ROOM_DOUBLE_BOOKED: "room booked twice",
    ProblemKind.DURING_ALL_ROOMS: "during an all-rooms session",
    ProblemKind.PERSON_DOUBLE_BOOKED: "person in two places",
    ProblemKind.PERSON_UNAVAILABLE: "person unavailable",
    ProblemKind.CHANGEOVER_TOO_SHORT: "changeover too short",
    ProblemKind.OUTSIDE_EVENT_DAYS: "outside the event's days",
    ProblemKind.OVER_CAPACITY: "room too small",
    ProblemKind.NO_MODERATOR: "no moderator",
    ProblemKind.NO_ROOM: "no room",
    ProblemKind.NOT_REGISTERED: "not registered",
    ProblemKind.UNSCHEDULED: "not on the timetable",
    ProblemKind.ONE_SECTOR_PANEL: "panel from one sector",
    ProblemKind.MISSING_TRANSLATION: "missing translation",
}
_SEVERITY_RANK = {severity: n << 4 for n, severity in enumerate(Severity)}
_KIND_ORDER = {kind: n for n, kind in enumerate(ProblemKind)}


def clash_severity(role: Role, other_role: Role) -> Severity:
    """How bad it is that someone is in two sessions at once, by their role in each.

    Sitting in two audiences at once is a warning (people come and go); a part on stage in
    either is an error.
    """
    if role == other_role == Role.PARTICIPANT:
        return Severity.WARNING
    return Severity.ERROR


def unavailable_severity(role: Role) -> Severity:
    """How bad it is that someone is placed in a session while they said they cannot come."""
    return Severity.WARNING if role == Role.PARTICIPANT else Severity.ERROR


def problem_rank(problem: Problem) -> int:
    """Errors before warnings before notes; within a severity, kinds in their listed order.

    One small integer, severity * 16 + kind, which Python sorts faster than a tuple.
    """
    return _SEVERITY_RANK[problem.severity] + _KIND_ORDER[problem.kind]


class Findings:
    """The problems found so far, each with its place in the report: errors first, then by
    kind, then by its first session's place in time (`first`, a session number of the
    checker's index, in which numbers follow time), then by key.

    Each rule says `first` as it adds a problem, while the problem is still in the processor's
    cache: worked out at the end from 25,000 problems scattered over memory, that order cost
    more than finding them did. The order is one integer per problem, which sorts in C;
    only problems tied on it are compared by their keys.
    """

    __slots__ = ("_order", "_shift", "problems")

    def __init__(self, session_bits: int) -> None:
        self.problems: list[Problem] = []
        self._order: list[int] = []
        self._shift = session_bits  # a session number fits in this many bits

    def add(self, problem: Problem, first: int) -> None:
        self.problems.append(problem)
        self._order.append(problem_rank(problem) << self._shift | first)

    def in_order(self) -> list[Problem]:
        """The problems in report order; problems with the same key stay in the order found."""
        problems, order = self.problems, self._order
        count = len(order)
        places = sorted(range(count), key=order.__getitem__)  # stable: ties as found
        ranked = [order[k] for k in places]
        report = [problems[k] for k in places]
        # ties: places k where ranked[k - 1] == ranked[k]; each run of them sorts by key
        end = 0
        for k in compress(range(1, count), map(eq, ranked, islice(ranked, 1, None))):
            if k < end:
                continue  # inside the run just sorted
            begin, end, value = k - 1, k + 1, ranked[k]
            while end < count and ranked[end] == value:
                end += 1
            report[begin:end] = sorted(report[begin:end], key=attrgetter("key"))
        return report


# --- what the checker reads -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckSession:
    id: int
    code: str | None
    title: str
    kind: SessionKind = SessionKind.DISCUSSION
    room_id: int | None = None
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    expected_audience: int | None = None
    all_rooms: bool = False  # across the venue (a break): books no room, all rooms pause

    @property
    def label(self) -> str:
        """How messages name the session: its code and title (as SessionRow.label does)."""
        return f"{self.code} «{self.title}»" if self.code else f"«{self.title}»"


@dataclass(frozen=True, slots=True)
class CheckRoom:
    id: int
    name: str
    capacity: int | None = None


@dataclass(frozen=True, slots=True)
class CheckAssignment:
    session_id: int
    person_id: int
    role: Role


@dataclass(frozen=True, slots=True)
class CheckPerson:
    id: int
    name: str
    email: str | None = None
    registered: bool = True
    status: RegistrationStatus | None = None  # what their registration says, if they have one


@dataclass(frozen=True, slots=True)
class Unavailability:
    """A period in which a person said they cannot take part (event-local times)."""

    id: int
    person_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CheckSettings:
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    changeover_minutes: int = 0


# --- what it reports --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    severity: Severity
    message: str
    session_ids: tuple[int, ...]  # in time order
    person_ids: tuple[int, ...]
    key: str  # which problem: kind and ids, stable while they exist
    fingerprint: str  # the facts behind it: changes whenever the situation changes


def fingerprint(*facts: object) -> str:
    """A stable hash of the facts behind a problem (the same across runs and machines).

    The facts are joined by U+001F as text, None as the empty string; stored acceptances hold
    these digests, so the format must not change (that would bring every accepted problem back).
    """
    return digest("\x1f".join(["" if fact is None else str(fact) for fact in facts]))


def digest(text: str) -> str:
    """The fingerprint of facts already joined into text as `fingerprint` joins them."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def is_accepted(problem: Problem, acceptances: Mapping[str, str]) -> bool:
    """Whether an acceptance (key -> fingerprint) still covers the problem as it is now."""
    return acceptances.get(problem.key) == problem.fingerprint


# --- how messages show times ------------------------------------------------------------------


def when(session: CheckSession) -> str:
    """A session's time as messages show it: "2021-11-25 13:00–14:30"."""
    if session.starts_at is None or session.ends_at is None:
        return "unscheduled"
    return _span(session.starts_at, session.ends_at)


def span(period: Unavailability) -> str:
    return _span(period.starts_at, period.ends_at)


def _span(start: dt.datetime, end: dt.datetime) -> str:
    # ISO dates rather than %a/%b, which follow the C library's locale (the GUI may change it);
    # built by hand because strftime is slow enough to matter when thousands of problems appear
    day = f"{start.year:04d}-{start.month:02d}-{start.day:02d}"
    if start.date() == end.date():
        return f"{day} {start.hour:02d}:{start.minute:02d}–{end.hour:02d}:{end.minute:02d}"
    return (
        f"{day} {start.hour:02d}:{start.minute:02d} – {end.year:04d}-{end.month:02d}-"
        f"{end.day:02d} {end.hour:02d}:{end.minute:02d}"
    )
