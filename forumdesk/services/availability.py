"""When people cannot take part: periods of unavailability at an event.

A period is stored like a session's times, as the event's local wall-clock time. An aware datetime
(a form in another zone, a spreadsheet in UTC) is converted to the event's zone; a naive one, or
text such as "2021-11-25 10:00", is taken as already local. The problem checker then compares
periods and sessions on the same clock.

Every change returns what undo needs: the previous values, or the deleted period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.errors import ConflictError, ValidationError
from forumdesk.core.i18n import _
from forumdesk.core.periods import MAX_PERIOD, parse_periods
from forumdesk.db.engine import Database
from forumdesk.db.models import Event, Person, PersonUnavailability
from forumdesk.services.records import apply_changes, check_version, load


@dataclass(frozen=True, slots=True)
class UnavailabilityRow:
    id: int
    event_id: int
    person_id: int
    person_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    note: str | None
    version: int


def _row(record: PersonUnavailability, person_name: str) -> UnavailabilityRow:
    return UnavailabilityRow(
        id=record.id,
        event_id=record.event_id,
        person_id=record.person_id,
        person_name=person_name,
        starts_at=record.starts_at,
        ends_at=record.ends_at,
        note=record.note,
        version=record.version,
    )


def _local_time(value: object, zone: str, field: str) -> dt.datetime:
    """`value` as the event's local wall-clock time (naive); a period needs both ends."""
    local = text.event_local_time(value, zone, field)
    if local is None:
        raise ValidationError(_("An unavailability period needs a start and an end."), field=field)
    return local


def _check_period(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError(
            _("An unavailability period must end after it starts."), field="ends_at"
        )
    if ends_at - starts_at > MAX_PERIOD:
        raise ValidationError(
            _("An unavailability period can last at most 62 days."), field="ends_at"
        )


def _cleaners(event: Event) -> dict[str, text.Cleaner]:
    return {
        "starts_at": lambda v: _local_time(v, event.timezone, "starts_at"),
        "ends_at": lambda v: _local_time(v, event.timezone, "ends_at"),
        "note": text.clean_multiline,
    }


def _person_name(session: Session, person_id: int) -> str:
    return load(session, Person, person_id, "person").display_name


# --- changes ----------------------------------------------------------------------------------


def add_unavailability(
    db: Database,
    event_id: int,
    person_id: int,
    starts_at: dt.datetime | str,
    ends_at: dt.datetime | str,
    note: str | None = None,
) -> UnavailabilityRow:
    """Record that a person cannot take part from `starts_at` to `ends_at` (end excluded)."""
    with db.transaction() as session:
        event = load(session, Event, event_id, "event")
        name = _person_name(session, person_id)
        cleaners = _cleaners(event)
        record = PersonUnavailability(
            event_id=event_id,
            person_id=person_id,
            starts_at=cleaners["starts_at"](starts_at),
            ends_at=cleaners["ends_at"](ends_at),
            note=cleaners["note"](note),
        )
        _check_period(record.starts_at, record.ends_at)
        session.add(record)
        session.flush()
        return _row(record, name)


def add_periods(
    db: Database,
    event_id: int,
    person_id: int,
    periods: str | Sequence[tuple[dt.datetime, dt.datetime]],
    note: str | None = None,
) -> list[UnavailabilityRow]:
    """Record several periods at once, all or none: a list of pairs, or text as people write
    it ("2021-11-25 09:00–12:00; 2021-11-26", forumdesk.core.periods)."""
    pairs = parse_periods(periods) if isinstance(periods, str) else list(periods)
    if not pairs:
        raise ValidationError(_("No period was given."), field="unavailable")
    with db.transaction() as session:
        event = load(session, Event, event_id, "event")
        name = _person_name(session, person_id)
        cleaners = _cleaners(event)
        records = []
        for starts_at, ends_at in pairs:
            record = PersonUnavailability(
                event_id=event_id,
                person_id=person_id,
                starts_at=cleaners["starts_at"](starts_at),
                ends_at=cleaners["ends_at"](ends_at),
                note=cleaners["note"](note),
            )
            _check_period(record.starts_at, record.ends_at)
            session.add(record)
            records.append(record)
        session.flush()
        return [_row(record, name) for record in records]


def update_unavailability(
    db: Database,
    period_id: int,
    changes: Mapping[str, object],
    *,
    expected_version: int | None,
) -> dict[str, object]:
    """Change a period's start, end or note; returns the previous values (what undo passes back)."""
    with db.transaction() as session:
        record = load(session, PersonUnavailability, period_id, "unavailability period")
        check_version(record, expected_version, "unavailability period")
        event = load(session, Event, record.event_id, "event")
        previous = apply_changes(record, changes, _cleaners(event))
        _check_period(record.starts_at, record.ends_at)
        return previous


def delete_unavailability(
    db: Database, period_id: int, *, expected_version: int | None
) -> UnavailabilityRow:
    """Delete a period; the returned row lets undo put it back (restore_unavailability).

    Refused when the period changed since `expected_version`.
    """
    with db.transaction() as session:
        record = load(session, PersonUnavailability, period_id, "unavailability period")
        check_version(record, expected_version, "unavailability period")
        row = _row(record, _person_name(session, record.person_id))
        session.delete(record)
        return row


def restore_unavailability(db: Database, row: UnavailabilityRow) -> UnavailabilityRow:
    """Undo delete_unavailability: the same period, with the same id while that is free.

    The id matters: problems about the period (and their acceptances) are keyed by it. SQLite
    may have given it to a newer period meanwhile; the period then comes back with a new one.
    """
    with db.transaction() as session:
        return _restore(session, row)


def _restore(session: Session, row: UnavailabilityRow) -> UnavailabilityRow:
    load(session, Event, row.event_id, "event")
    name = _person_name(session, row.person_id)
    taken = session.get(PersonUnavailability, row.id)
    if taken is not None and (taken.person_id, taken.starts_at, taken.ends_at) == (
        row.person_id,
        row.starts_at,
        row.ends_at,
    ):
        raise ConflictError(
            _("The unavailability period of {name} is already there.").format(name=name)
        )
    _check_period(row.starts_at, row.ends_at)
    record = PersonUnavailability(
        id=None if taken is not None else row.id,
        event_id=row.event_id,
        person_id=row.person_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        note=row.note,
    )
    session.add(record)
    session.flush()
    return _row(record, name)


def delete_periods(
    db: Database, period_ids: Sequence[int], *, expected_versions: Mapping[int, int] | None = None
) -> list[UnavailabilityRow]:
    """Delete several periods at once, all or none; each one changed since the version in
    `expected_versions` is refused. The rows returned let undo put them back (restore_periods)."""
    with db.transaction() as session:
        rows = []
        for period_id in period_ids:
            record = load(session, PersonUnavailability, period_id, "unavailability period")
            if expected_versions is not None:
                check_version(record, expected_versions.get(period_id), "unavailability period")
            rows.append(_row(record, _person_name(session, record.person_id)))
            session.delete(record)
        return rows


def restore_periods(db: Database, rows: Sequence[UnavailabilityRow]) -> list[UnavailabilityRow]:
    """Undo delete_periods (or redo add_periods after its undo): the periods back, all or none."""
    with db.transaction() as session:
        return [_restore(session, row) for row in rows]


# --- queries ----------------------------------------------------------------------------------


def get_unavailability(db: Database, period_id: int) -> UnavailabilityRow:
    with db.reader() as session:
        record = load(session, PersonUnavailability, period_id, "unavailability period")
        return _row(record, _person_name(session, record.person_id))


def list_unavailability(
    db: Database, event_id: int, *, person_id: int | None = None
) -> list[UnavailabilityRow]:
    """An event's unavailability periods (one person's, if given), by start time."""
    with db.reader() as session:
        load(session, Event, event_id, "event")
        query = (
            select(PersonUnavailability, Person.display_name)
            .join(Person, Person.id == PersonUnavailability.person_id)
            .where(PersonUnavailability.event_id == event_id)
            .order_by(PersonUnavailability.starts_at, PersonUnavailability.id)
        )
        if person_id is not None:
            query = query.where(PersonUnavailability.person_id == person_id)
        return [_row(record, name) for record, name in session.execute(query)]
