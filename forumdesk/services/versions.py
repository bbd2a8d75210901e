"""Published versions of the programme: publish one, list them, compare two.

Publishing freezes the programme as it is now into a numbered, named version ("Version 3"):
what was sent to the speakers. It is a record, not an edit: it is never undone, and later edits
(and undos) show up as changes against it. The snapshot holds only what agendas show (see
services.programme_changes.Programme), so two versions of a 300-session, 20,000-assignment
forum compare in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forumdesk.core.errors import ConcurrentEditError, NotFoundError, ValidationError
from forumdesk.core.i18n import _
from forumdesk.db.engine import Database
from forumdesk.db.models import (
    Assignment,
    Event,
    JournalEntry,
    Person,
    ProgrammeVersion,
    ProgramSession,
    Room,
    utc_now,
)
from forumdesk.io.agenda_data import AgendaEdition
from forumdesk.services.programme_changes import (
    PersonState,
    PersonToTell,
    Programme,
    ProgrammeChange,
    SessionState,
    changes,
    people_to_tell,
)
from forumdesk.services.records import load

MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class VersionRow:
    """A published version, without its snapshot."""

    id: int
    event_id: int
    number: int
    name: str | None
    published_at: dt.datetime  # UTC
    published_by: str | None

    @property
    def local_time(self) -> dt.datetime:
        """When it was published, in this computer's time."""
        return self.published_at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)

    def stamp(self, template: str) -> str:
        """`template` ("Version {number} · {time}") filled: what every exported page says."""
        return template.format(number=self.number, time=f"{self.local_time:%d.%m.%Y %H:%M}")


def _row(record: ProgrammeVersion) -> VersionRow:
    return VersionRow(
        record.id,
        record.event_id,
        record.number,
        record.name,
        record.published_at,
        record.published_by,
    )


def read_programme(session: Session, event_id: int) -> Programme:
    """Query helper: the event's programme as it is now."""
    sessions = {
        sid: SessionState(code, title, starts, ends, room, bool(every), bool(off))
        for sid, code, title, starts, ends, room, every, off in session.execute(
            select(
                ProgramSession.id,
                ProgramSession.code,
                ProgramSession.title,
                ProgramSession.starts_at,
                ProgramSession.ends_at,
                Room.name,
                ProgramSession.all_rooms,
                ProgramSession.cancelled,
            )
            .outerjoin(Room, Room.id == ProgramSession.room_id)
            .where(ProgramSession.event_id == event_id)
        )
    }
    roles = {
        (sid, pid): role
        for sid, pid, role in session.execute(
            select(Assignment.session_id, Assignment.person_id, Assignment.role)
            .join(ProgramSession, ProgramSession.id == Assignment.session_id)
            .where(ProgramSession.event_id == event_id)
        )
    }
    people = {
        pid: PersonState(name, email, lang)
        for pid, name, email, lang in session.execute(
            select(Person.id, Person.display_name, Person.email, Person.language).where(
                Person.id.in_(
                    select(Assignment.person_id)
                    .join(ProgramSession, ProgramSession.id == Assignment.session_id)
                    .where(ProgramSession.event_id == event_id)
                )
            )
        )
    }
    return Programme.with_roles(sessions, roles, people)


def current_programme(db: Database, event_id: int) -> Programme:
    with db.reader() as session:
        load(session, Event, event_id, "event")
        return read_programme(session, event_id)


def _latest_number(session: Session, event_id: int) -> int:
    query = select(func.max(ProgrammeVersion.number)).where(ProgrammeVersion.event_id == event_id)
    return int(session.scalar(query) or 0)


def publish_version(
    db: Database, event_id: int, name: str | None = None, *, expected_latest: int | None
) -> VersionRow:
    """Freeze the programme as it is now as the next version of the event.

    `expected_latest` is the number of the latest version the user knew of (0: none): when
    another desk published meanwhile, ConcurrentEditError (nothing written), since the user
    would be numbering a version that is not the one they think. None skips the check.
    """
    cleaned = " ".join((name or "").split()) or None
    if cleaned and len(cleaned) > MAX_NAME:
        raise ValidationError(_("A version's name has at most {n} characters.").format(n=MAX_NAME))
    with db.transaction() as session:
        load(session, Event, event_id, "event")
        latest = _latest_number(session, event_id)
        if expected_latest is not None and latest != expected_latest:
            raise ConcurrentEditError(
                _(
                    "Another desk published version {number} in the meantime. Look at the "
                    "versions and publish again if this one is still needed."
                ).format(number=latest),
                what="version",
                record_id=event_id,
            )
        record = ProgrammeVersion(
            event_id=event_id,
            number=latest + 1,
            name=cleaned,
            published_at=utc_now(),
            published_by=db.desk,
            journal_id=session.scalar(select(func.max(JournalEntry.id))),
            snapshot=read_programme(session, event_id).to_json(),
        )
        session.add(record)
        session.flush()
        return _row(record)


def list_versions(db: Database, event_id: int) -> list[VersionRow]:
    """The event's published versions, the first first."""
    with db.reader() as session:
        query = (
            select(ProgrammeVersion)
            .where(ProgrammeVersion.event_id == event_id)
            .order_by(ProgrammeVersion.number)
        )
        return [_row(record) for record in session.scalars(query)]


def latest_version(db: Database, event_id: int) -> VersionRow | None:
    found = list_versions(db, event_id)
    return found[-1] if found else None


def version_programme(db: Database, event_id: int, number: int) -> Programme:
    """The programme as version `number` froze it (NotFoundError for no such version)."""
    with db.reader() as session:
        stored = session.scalar(
            select(ProgrammeVersion.snapshot).where(
                ProgrammeVersion.event_id == event_id, ProgrammeVersion.number == number
            )
        )
    if stored is None:
        raise NotFoundError(
            _("There is no version {number} of this programme.").format(number=number)
        )
    return Programme.from_json(stored)


@dataclass(frozen=True)
class Comparison:
    """What changed from one version to another (`later` None: to the programme as it is now)."""

    earlier: int
    later: int | None
    changes: list[ProgrammeChange]
    people: list[PersonToTell]
    names: dict[int, str]  # person id -> display name, for the people the changes affect


def compare(
    db: Database,
    event_id: int,
    earlier: int | None = None,
    later: int | None = None,
    *,
    in_language: str | None = None,
) -> Comparison:
    """The changes from version `earlier` (None: the latest) to version `later` (None: now).

    With no version published yet, everything in the programme is new (from version 0).
    """
    if earlier is None:
        newest = latest_version(db, event_id)
        earlier = newest.number if newest else 0
    old = (
        version_programme(db, event_id, earlier)
        if earlier
        else Programme(sessions={}, people_in={}, people={})
    )
    new = (
        version_programme(db, event_id, later)
        if later is not None
        else current_programme(db, event_id)
    )
    names = {pid: p.name for pid, p in (*old.people.items(), *new.people.items())}
    return Comparison(
        earlier,
        later,
        changes(old, new, in_language=in_language),
        people_to_tell(old, new),
        names,
    )


@dataclass(frozen=True, slots=True)
class JournalRow:
    """One entry of the change journal (before/after as JSON text, as stored)."""

    id: int
    event_id: int | None
    changed_at: dt.datetime  # UTC
    desk: str | None
    table_name: str
    record: str | None
    kind: str
    before: str | None
    after: str | None


def journal_entries(db: Database, since_id: int = 0) -> list[JournalRow]:
    """The journal's entries after entry `since_id`, oldest first."""
    with db.reader() as session:
        query = select(JournalEntry).where(JournalEntry.id > since_id).order_by(JournalEntry.id)
        return [
            JournalRow(
                e.id,
                e.event_id,
                e.changed_at,
                e.desk,
                e.table_name,
                e.record,
                e.kind,
                e.before,
                e.after,
            )
            for e in session.scalars(query)
        ]


MAIL_MERGE_HEADINGS = ("email", "name", "language", "changes")


def mail_merge_rows(people: list[PersonToTell]) -> list[tuple[str, str, str, str]]:
    """One row per person to tell: e-mail, name, language and their lines (one per line)."""
    return [(p.email or "", p.name, p.language, p.text) for p in people]


def write_people_to_tell(path: Path, people: list[PersonToTell]) -> int:
    """The CSV for a mail merge (RFC 4180, UTF-8, values as they are); returns the rows."""
    # openpyxl comes with the CSV writer (its safety rules): loaded by a save, not at start-up
    from forumdesk.io.csv_export import write_csv

    return write_csv(path, MAIL_MERGE_HEADINGS, mail_merge_rows(people), flavour="plain")


def agenda_edition(db: Database, event_id: int, lang: str) -> AgendaEdition:
    """Which version an export of the programme as it is now shows, and the changes it brings.

    The latest version when nothing has changed since (its changes: from the one before);
    otherwise a draft after the latest (its changes: from the latest to now). Nothing published
    yet: a draft with no changes listed (everything would be new).
    """
    newest = latest_version(db, event_id)
    if newest is None:
        return AgendaEdition(None, None, draft=True)
    now = current_programme(db, event_id)
    published = version_programme(db, event_id, newest.number)
    draft = now != published
    since = newest.number if draft else newest.number - 1
    if since < 1:
        return AgendaEdition(newest.number, newest.local_time, draft=draft)
    earlier = version_programme(db, event_id, since)
    later = now if draft else published
    found = changes(earlier, later, in_language=lang)
    told = people_to_tell(earlier, later)
    return AgendaEdition(
        newest.number,
        newest.local_time,
        draft=draft,
        since=since,
        changes=tuple((c.session.label, c.kind.value, c.text(lang)) for c in found),
        people=tuple((p.name, p.email or "", p.language, p.text) for p in told),
    )


def publication_state(db: Database, event_id: int) -> tuple[int, bool]:
    """(the latest version's number, 0 for none; whether the programme differs from it)."""
    newest = latest_version(db, event_id)
    if newest is None:
        return 0, True
    published = version_programme(db, event_id, newest.number)
    return newest.number, current_programme(db, event_id) != published
