"""An event's facts indexed for the checker's rules (forumdesk.scheduling.checker).

Sessions are numbered by their place in time: the scheduled ones by start (then id), then the
unscheduled ones. Lists of session numbers therefore sort into time order as plain integers, and
the scheduled ones of any such list come before the others.

A person's role in a session, a *part*, is one integer, `number << 3 | role number`, and each
assignment is one integer *key* made of the person and the part: sorted keys put each person's
parts side by side in time order, and they sort in C. A big event's keys go into buckets by
person (person_id modulo a power of two) of about BUCKET_SIZE keys; each bucket becomes Python
integers, is sorted and scanned while it is in the processor's cache, and is kept as an array
of machine integers, which the garbage collector does not walk item by item (walking lists
of half a million integers cost it some 25 ms per check). In a bucket a key is
`person_id // buckets << shift | part`, below 2**30 for any event of realistic size, where
Python's integer arithmetic and comparisons are fastest. This matters at scale: an event of
500,000 assignments is checked while staff wait, and in one list of big keys scattered over
memory the same work took about half as long again.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import attrgetter, lt
from typing import Any, cast

from forumdesk.core.enums import LEADING_ROLES, Role
from forumdesk.scheduling.messages import texts
from forumdesk.scheduling.model import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Unavailability,
    when,
)

_EPOCH = dt.datetime(2000, 1, 1)
_MICROSECOND = dt.timedelta(microseconds=1)
MINUTE = 60_000_000  # in microseconds
ROLES = tuple(Role)  # role numbers: a role's place here
ROLE_NUMBER = {role: number for number, role in enumerate(ROLES)}
LEADING = frozenset(ROLE_NUMBER[role] for role in LEADING_ROLES)
PARTICIPANT = ROLE_NUMBER[Role.PARTICIPANT]
ROLE_VALUES = tuple(str(role.value) for role in ROLES)
_UNKNOWN: Any = object()
BUCKET_SIZE = 2048  # keys per bucket, about: a bucket's keys stay in the processor's cache


class ScheduleIndex:
    """The sessions in time order, their times as integers, and every assignment as one key.

    `keys[b]` holds the sorted keys of the people with `person_id % len(keys) == b`; the scan
    over them (see `_scan`) leaves `suspects[b]`, the [begin, end, begin, end, ...] ranges in
    `keys[b]` of the people who may have a clash or a short changeover, and `programme[b]`, the
    keys of every role but the audience's. `person_of(b, key)` is the person of a key.
    """

    def __init__(
        self,
        sessions: Iterable[CheckSession],
        rooms: Iterable[CheckRoom],
        assignments: Iterable[CheckAssignment],
        people: Iterable[CheckPerson],
        unavailability: Iterable[Unavailability],
        settings: CheckSettings,
    ) -> None:
        self.texts = texts()  # the messages' sentences, in the language in use
        timed: list[CheckSession] = []
        untimed: list[CheckSession] = []
        for s in sessions:
            (timed if s.starts_at is not None and s.ends_at is not None else untimed).append(s)
        timed.sort(key=attrgetter("starts_at", "id"))
        untimed.sort(key=attrgetter("id"))
        self.sessions = timed + untimed
        self.scheduled = len(timed)
        self.rooms = {r.id: r for r in rooms}
        self.names, self.unregistered = _people(people)
        self.settings = settings
        # times as integers (microseconds): cheaper to compare and subtract than datetimes
        # timed sessions have both times (the loop above)
        starts = cast("list[dt.datetime]", [s.starts_at for s in timed])
        ends = cast("list[dt.datetime]", [s.ends_at for s in timed])
        moments = {moment: ticks(moment) for moment in {*starts, *ends}}  # many are shared
        self.start: list[int] = list(map(moments.__getitem__, starts))
        self.end: list[int] = list(map(moments.__getitem__, ends))
        self.room_of = [s.room_id for s in self.sessions]
        self.position = {s.id: n for n, s in enumerate(self.sessions)}
        count = len(self.sessions)
        self.session_bits = max(count.bit_length(), 1)  # a session number fits in this many
        self.shift = count.bit_length() + 3  # a part (or `count << 3 | 7`) fits below
        self.mask = mask = (1 << self.shift) - 1

        if not isinstance(assignments, list | tuple):
            assignments = list(assignments)
        self.bucket_bits = (len(assignments) // BUCKET_SIZE).bit_length()
        # One pass over the assignments into buckets, then each bucket is sorted and scanned on
        # its own. What stays are arrays of machine integers: the garbage collector, which
        # walks every young list and dict item by item, has nothing to walk in them.
        dropped = count << 3  # the part of an assignment to a session that is not given
        reach = _reach(self, max(settings.changeover_minutes * MINUTE, 0))
        self._headcount = tally = [0] * (count + 1)
        self.keys: list[Sequence[int]] = []
        self.suspects: list[Sequence[int]] = []
        self.programme: list[Sequence[int]] = []
        buckets, machine = _bucketed_keys(
            assignments, self.position, dropped, self.shift, self.bucket_bits
        )
        for at, bucket in enumerate(buckets):
            buckets[at] = None  # the sorted copy replaces it
            keys = bucket.tolist() if machine else bucket
            keys.sort()
            suspects, programme = _scan(keys, reach, mask, dropped, tally, machine)
            self.keys.append(array("q", keys) if machine else keys)
            self.suspects.append(suspects)
            self.programme.append(programme)
        self.led = {
            (key & mask) >> 3 for key in chain.from_iterable(self.programme) if key & 7 in LEADING
        }
        self.periods: dict[int, list[Unavailability]] = defaultdict(list)
        for period in unavailability:
            self.periods[period.person_id].append(period)
        # built on first use: only sessions with a problem pay for their text
        self._named: list[str | None] = [None] * count
        self._facts: list[str | None] = [None] * count

    def person_of(self, bucket: int, key: int) -> int:
        """The person id of a key in keys[bucket]."""
        return (key >> self.shift) << self.bucket_bits | bucket

    def parts(self, person_id: int) -> list[int]:
        """A person's parts, in time order (the unscheduled ones last)."""
        keys, shift = self.keys[person_id & (len(self.keys) - 1)], self.shift
        low = bisect_left(keys, (person_id >> self.bucket_bits) << shift)
        high = bisect_left(keys, ((person_id >> self.bucket_bits) + 1) << shift, low)
        mask = self.mask
        return [key & mask for key in keys[low:high]]

    def headcount(self, n: int) -> int:
        """How many people are assigned to session n, in any role."""
        return self._headcount[n]

    def named(self, n: int) -> str:
        """A session as messages name it, with its time: "S1 «Title» (2021-11-25 13:00–14:30)"."""
        text = self._named[n]
        if text is None:
            session = self.sessions[n]
            text = self._named[n] = f"{session.label} ({when(session)})"
        return text

    def facts(self, n: int) -> str:
        """What a session's problems depend on: its id and times."""
        text = self._facts[n]
        if text is None:
            session = self.sessions[n]
            text = self._facts[n] = f"{session.id}@{session.starts_at}/{session.ends_at}"
        return text

    def room_name(self, room_id: int | None) -> str:
        room = self.rooms.get(room_id) if room_id is not None else None
        return room.name if room else self.texts.unknown_room.format(id=room_id)

    def person_name(self, person_id: int) -> str:
        name = self.names.get(person_id, _UNKNOWN)
        return self.texts.unknown_person.format(id=person_id) if name is _UNKNOWN else name


def ticks(moment: dt.datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def _people(people: Iterable[CheckPerson]) -> tuple[dict[int, str], dict[int, CheckPerson]]:
    """Names by id, and the few people who are not registered; the last given for an id counts.

    Not one dict of all people: the garbage collector walks a young dict's people one by one,
    which for 200,000 of them took longer than the rest of what it does during a check, while
    a dict of ints and strings it never walks at all.
    """
    if not isinstance(people, list | tuple):
        people = list(people)
    names: dict[int, str] = {}
    unregistered: dict[int, CheckPerson] = {}
    for p in people:  # one pass: two took half as long again
        names[p.id] = p.name
        if not p.registered:
            unregistered[p.id] = p
    if len(names) < len(people):  # an id given twice: the last one given says who is registered
        unregistered = {i: p for i, p in {p.id: p for p in people}.items() if not p.registered}
    return names, unregistered


def _bucketed_keys(
    assignments: Sequence[CheckAssignment],
    position: dict[int, int],
    dropped: int,
    shift: int,
    bits: int,
) -> tuple[list[Any], bool]:
    """Every assignment's key in 2**bits buckets by person_id modulo 2**bits, and whether the
    buckets are arrays of machine integers (else lists of Python integers).

    Arrays, so that each bucket becomes Python integers only when its turn comes, lying
    together in memory, and one bucket's integers are gone before the next one's are made.
    Keys too big for 64 bits (person ids far beyond what databases hand out) and assignments to
    sessions that are not given take plain lists, a little slower.
    """
    number, last = ROLE_NUMBER, (1 << bits) - 1
    part = {session_id: n << 3 for session_id, n in position.items()}
    stores = [array("q") for _ in range(1 << bits)]
    adds = [store.append for store in stores]
    try:
        for a in assignments:
            person_id = a.person_id
            adds[person_id & last](person_id >> bits << shift | part[a.session_id] | number[a.role])
        return stores, True
    except (KeyError, OverflowError):  # start again the plainer way
        pass
    lists: list[list[int]] = [[] for _ in range(1 << bits)]
    known = part.get
    for a in assignments:
        lists[a.person_id & last].append(
            a.person_id >> bits << shift | known(a.session_id, dropped) | number[a.role]
        )
    return lists, False


def _reach(index: ScheduleIndex, gap: int) -> list[int]:
    """For each session number: the lowest part that a later part of the same person must stay
    under for the two to be a possible clash or short changeover.

    Two sessions of a person (in time order) may clash or be too close for a changeover only
    if the later one starts before the earlier one ends plus `gap`; the bound is the first
    session starting at or after that (sessions are numbered by start), in part units.
    Unscheduled sessions meet nothing: their bound is 0. The argument needs sessions to end
    after they start; when one does not, every pair of scheduled sessions is suspect.
    """
    scheduled, start, end = index.scheduled, index.start, index.end
    if all(map(lt, start, end)):
        first_out = {finish: bisect_left(start, finish + gap) << 3 for finish in set(end)}
        reach = list(map(first_out.__getitem__, end))  # few distinct values: shared objects
    else:
        reach = [scheduled << 3] * scheduled
    return reach + [0] * (len(index.sessions) + 1 - scheduled)


def _scan(
    keys: list[int], reach: list[int], mask: int, dropped: int, tally: list[int], machine: bool
) -> tuple[Sequence[int], Sequence[int]]:
    """One pass over sorted keys: where the keys of each person who may have a clash or a
    short changeover lie ([begin, end, begin, end, ...]), and the programme's keys (all but the
    audience's, for the registration rule), still by person and in time order.

    With a person's parts in time order, some pair of them is close exactly when some part is
    close to its predecessor: if a part starts too late for the one before it, all the later
    ones do too. So one comparison per key finds every such person.

    It also counts each session's people into `tally`. Keys of sessions that are not given
    (`dropped`) never make a suspect and are left out of the programme.
    """
    suspects: Any = array("q") if machine else []
    programme: Any = array("q") if machine else []
    suspect, listed = suspects.append, programme.append
    fence = keys[0] if keys else 0  # a person's first key is at or above this
    begin = bound = 0
    flagged = False
    for at, key in enumerate(keys):
        part = key & mask
        if key >= fence:  # a person's first key
            if flagged:
                suspect(begin)
                suspect(at)
                flagged = False
            begin, fence = at, (key | mask) + 1
        elif part < bound:
            flagged = True
        n = part >> 3
        bound = reach[n]
        tally[n] += 1
        if key & 7 != PARTICIPANT and part < dropped:
            listed(key)
    if flagged:
        suspect(begin)
        suspect(len(keys))
    return suspects, programme
