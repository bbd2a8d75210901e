"""When a session's people are busy elsewhere: the times at which it would clash, and how badly.

While a session is dragged on the timetable, the window shades the times at which one of its
people is in another session or said they are unavailable. `busy_spans` works those times out
from plain rows (the checker's own: CheckSession, CheckAssignment, Unavailability), and the
severity of each follows the checker's rules (`clash_severity`, `unavailable_severity` in
forumdesk.scheduling.model), so the shading and the problems list never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from forumdesk.core.i18n import _
from forumdesk.scheduling.model import (
    CheckAssignment,
    CheckSession,
    Severity,
    Unavailability,
    clash_severity,
    unavailable_severity,
)


@dataclass(frozen=True, slots=True)
class BusySpan:
    """A time at which the session would clash: someone of it is elsewhere or unavailable.

    `reason` names what holds them ("S5", or "unavailable") and who: "S5: Ivanov, Petrova".
    """

    starts_at: dt.datetime
    ends_at: dt.datetime
    severity: Severity
    reason: str


def busy_spans(
    session_id: int,
    sessions: Iterable[CheckSession],
    assignments: Iterable[CheckAssignment],
    names: Mapping[int, str],
    periods: Iterable[Unavailability],
) -> list[BusySpan]:
    """When the people of session `session_id` are in other sessions or unavailable.

    `assignments` says who is in which session (this one's people included), `sessions`
    describes the other sessions, `names` names the people, `periods` are the event's
    unavailability periods. One span per other session or period, naming everyone of this
    session it holds; its severity is the worst of theirs. Sorted by time, then reason.
    """
    links = list(assignments)
    mine = {a.person_id: a.role for a in links if a.session_id == session_id}
    if not mine:
        return []
    others = {s.id: s for s in sessions if s.id != session_id}
    found: dict[tuple[dt.datetime, dt.datetime, str], tuple[Severity, list[str]]] = {}

    def add(
        starts_at: dt.datetime, ends_at: dt.datetime, what: str, severity: Severity, who: int
    ) -> None:
        key = (starts_at, ends_at, what)
        worst, people = found.get(key, (Severity.WARNING, []))
        people.append(names.get(who, str(who)))
        found[key] = (Severity.ERROR if Severity.ERROR in (worst, severity) else worst, people)

    for link in links:
        role = mine.get(link.person_id)
        other = others.get(link.session_id)
        if role is None or other is None or other.starts_at is None or other.ends_at is None:
            continue
        what = other.code or other.title
        add(other.starts_at, other.ends_at, what, clash_severity(role, link.role), link.person_id)
    unavailable = _("unavailable")
    for period in periods:
        role = mine.get(period.person_id)
        if role is not None:
            add(
                period.starts_at,
                period.ends_at,
                unavailable,
                unavailable_severity(role),
                period.person_id,
            )
    return [
        BusySpan(starts_at, ends_at, severity, f"{what}: {', '.join(sorted(people))}")
        for (starts_at, ends_at, what), (severity, people) in sorted(found.items())
    ]
