"""Importing a programme spreadsheet: an event's sessions, rooms, tracks and who leads them.

Sessions are matched by code (ignoring case), else by title and start time, else by a title
that only one session has; rooms and tracks by name, ignoring case (missing ones are added).
Moderators, speakers and the other roles are named by e-mail (who must be in the directory) or
by name (found in the directory, or added to it); everyone a row assigns is registered for the
event (unless they already have a registration, whatever its status), so that the check does not
report them as "not registered", and undoing the import removes those registrations with the rest.
The duplicate policy of attendee imports holds:
"update" fills a session's blanks, "overwrite" replaces its values, "skip" leaves it alone,
"new" always adds sessions. All in one transaction; a dry run, or rows with errors, roll back.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.content_languages import (
    CONTENT_LANGUAGES,
    SESSION_FIELDS,
    clean_translations,
    parse_languages,
)
from forumdesk.core.enums import BREAK_KINDS, RegistrationStatus, Role, SessionKind
from forumdesk.core.i18n import _
from forumdesk.core.progress import Progress
from forumdesk.db.engine import Database
from forumdesk.db.journal import as_one_entry
from forumdesk.db.models import (
    Assignment,
    Event,
    Person,
    ProgramSession,
    Registration,
    Room,
    Track,
)
from forumdesk.io.duplicates import Directory, name_key
from forumdesk.io.people_rows import split_full_name
from forumdesk.io.programme_rows import ProgrammeRowCleaner, SessionDraft
from forumdesk.io.tables import ImportFileError, RowProblem
from forumdesk.services import venue
from forumdesk.services.import_common import (
    ImportOptions,
    ImportSummary,
    Tracker,
    backup_kept_if_written,
    finish_rejects,
    prepare,
    reject_message,
    rejects_undone_on_failure,
    save_requested_profile,
    take_backup,
)
from forumdesk.services.import_undo import ChangeRecorder
from forumdesk.services.people import directory_people, refresh_search_key
from forumdesk.services.records import load

_SESSION_FIELDS = (
    "code",
    "title",
    "kind",
    "track_id",
    "room_id",
    "description",
    "expected_audience",
    "planned_minutes",
)


class _RollBack(Exception):
    """Leaves the transaction without committing (dry run, rows rejected)."""


def import_programme(
    db: Database,
    path: Path | str,
    *,
    event_id: int,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Create or update the event's sessions, rooms, tracks and assignments from a file."""
    options = options or ImportOptions()
    options.check()
    prepared = prepare(Path(path), "programme", options)
    if all(  # a title in any language will do: the rows say which one the event lacks
        prepared.mapping.column_of(name) is None
        for name in ("title", *(f"title_{lang}" for lang in CONTENT_LANGUAGES))
    ):
        found = text.quoted_list(prepared.mapping.headers)
        raise ImportFileError(
            _(
                "{table} has no title column (Название, Title); its header "
                "row {row} holds {columns}."
            ).format(table=prepared.table.label, row=prepared.mapping.header_row, columns=found)
        )
    save_requested_profile(prepared, options)
    summary = prepared.summary(event_id)
    summary.dry_run = options.dry_run
    tracker = Tracker(progress, total=2 * len(prepared.data_rows))
    try:
        with (
            backup_kept_if_written(summary),
            rejects_undone_on_failure(summary),
            # A programme is a few hundred rows: its lock is held for moments, but another
            # desk's long import may hold it for longer than the busy timeout, so wait for it.
            db.transaction(waiting=tracker.waiting) as session,
        ):
            as_one_entry(session, "import programme", event_id)
            if options.backup and not options.dry_run:
                take_backup(db, session, summary)
            event = load(session, Event, event_id, "event")
            cleaner = ProgrammeRowCleaner(
                prepared.mapping,
                prepared.table.sheet,
                event.first_day,
                event.last_day,
                main_language=parse_languages(event.content_languages)[0],
            )
            run = _Run(session, event, cleaner, options, summary)
            rejected: list[tuple[list[str], str]] = []
            for done, (number, cells) in enumerate(prepared.data_rows, start=1):
                if done % 64 == 0:
                    tracker.step(done)
                problems = run.row(number, cells)
                if problems:
                    summary.problems.extend(problems)
                    summary.rejected += 1
                    rejected.append((cells, "; ".join(reject_message(p) for p in problems)))
            session.flush()
            tracker.write_step(1, 1)
            if options.dry_run or (rejected and not options.skip_invalid):
                raise _RollBack
            summary.changes = run.recorder.finish(session)
            finish_rejects(prepared, options, rejected, summary)
            summary.written = True
            tracker.done()
    except _RollBack:
        tracker.done()
    return summary


class _Run:
    """One import's state: what is known of the event and directory, and what changed."""

    def __init__(
        self,
        session: Session,
        event: Event,
        cleaner: ProgrammeRowCleaner,
        options: ImportOptions,
        summary: ImportSummary,
    ) -> None:
        self.session, self.event, self.cleaner = session, event, cleaner
        self.options, self.summary = options, summary
        self.rooms = {
            text.fold(r.name): r
            for r in session.scalars(select(Room).where(Room.event_id == event.id))
        }
        self.tracks = {
            text.fold(t.name): t
            for t in session.scalars(select(Track).where(Track.event_id == event.id))
        }
        self.sessions = list(
            session.scalars(select(ProgramSession).where(ProgramSession.event_id == event.id))
        )
        self.directory = Directory(directory_people(session))
        self.by_display: dict[str, list[int]] = defaultdict(list)
        for person in self.directory.people.values():
            self.by_display[text.fold(person.display_name)].append(person.id)
        # everyone with a registration for the event, whatever its status (a cancelled or only
        # invited speaker is the check's to report, not the import's to change)
        self.registered = set(
            session.scalars(select(Registration.person_id).where(Registration.event_id == event.id))
        )
        self.codes_in_file: dict[str, int] = {}
        self.touched: set[int] = set()
        self.recorder = ChangeRecorder(options.undoable)  # what was written, for undo

    def row(self, number: int, cells: list[str]) -> list[RowProblem]:
        draft = self.cleaner.clean(number, cells)
        if draft is None:
            self.summary.empty_rows += 1
            return []
        if isinstance(draft, list):
            return draft
        problems = self._check_code(draft)
        people, more = self._people(draft)
        problems.extend(more)
        if problems:
            return problems
        self._apply(draft, people)
        return []

    def _check_code(self, draft: SessionDraft) -> list[RowProblem]:
        if not draft.code:
            return []
        key = text.fold(draft.code)
        if key in self.codes_in_file:
            return [
                self.cleaner.problem(
                    draft.row,
                    "code",
                    _("the code {code} is already used in row {row}.").format(
                        code=draft.code, row=self.codes_in_file[key]
                    ),
                )
            ]
        self.codes_in_file[key] = draft.row
        if self.options.on_duplicate == "new" and self._find(draft) is not None:
            return [
                self.cleaner.problem(
                    draft.row,
                    "code",
                    _("the event already has a session with the code {code}.").format(
                        code=draft.code
                    ),
                )
            ]
        return []

    def _people(self, draft: SessionDraft) -> tuple[list[tuple[Role, int | str]], list[RowProblem]]:
        found: list[tuple[Role, int | str]] = []
        problems = []
        for role, who, field_name in draft.people:
            if "@" in who:
                pid = self.directory.by_email.get(who.lower())
                if pid is None:
                    problems.append(
                        self.cleaner.problem(
                            draft.row,
                            field_name,
                            _(
                                "nobody in the directory has the e-mail {email}; "
                                "import the attendees "
                                "first or write the name."
                            ).format(email=who),
                        )
                    )
                    continue
                found.append((role, pid))
                continue
            candidates = self.by_display.get(text.fold(who)) or self.directory.by_name.get(
                name_key(*split_full_name(who)), []
            )
            if len(candidates) > 1:
                problems.append(
                    self.cleaner.problem(
                        draft.row,
                        field_name,
                        _(
                            "several people in the directory are called {name}; write their e-mail "
                            "instead."
                        ).format(name=who),
                    )
                )
            elif candidates:
                found.append((role, candidates[0]))
            else:
                found.append((role, who))  # added to the directory when the row is applied
        return found, problems

    def _find(self, draft: SessionDraft) -> ProgramSession | None:
        if draft.code:
            key = text.fold(draft.code)
            return next((s for s in self.sessions if s.code and text.fold(s.code) == key), None)
        title = text.fold(draft.title)
        same_title = [s for s in self.sessions if text.fold(s.title) == title and not s.code]
        timed = [s for s in same_title if s.starts_at == draft.starts_at]
        if timed:
            return timed[0]
        if draft.starts_at is None and len(same_title) == 1:
            return same_title[0]
        return None

    def _apply(self, draft: SessionDraft, people: list[tuple[Role, int | str]]) -> None:
        policy = self.options.on_duplicate
        record = None if policy == "new" else self._find(draft)
        if record is not None and record.id in self.touched:
            self.summary.warnings.append(
                _(
                    "Row {row} repeats a session given above («{title}»); it was not used again."
                ).format(row=draft.row, title=draft.title)
            )
            return
        if record is not None and policy == "skip":
            self.summary.skipped += 1
            self.touched.add(record.id)
            return
        values: dict[str, Any] = {
            "code": draft.code,
            "title": draft.title,
            "kind": draft.kind,
            "room_id": self._room(draft.room),
            "track_id": self._track(draft.track),
            "description": draft.description,
            "expected_audience": draft.expected_audience,
            "planned_minutes": draft.planned_minutes,
        }
        if record is None:
            values["translations"] = clean_translations(draft.translations, SESSION_FIELDS)
            values["kind"] = draft.kind or SessionKind.DISCUSSION
            # a break or registration with no room of its own is for the whole venue
            values["all_rooms"] = values["kind"] in BREAK_KINDS and values["room_id"] is None
            record = ProgramSession(
                event_id=self.event.id, starts_at=draft.starts_at, ends_at=draft.ends_at, **values
            )
            self.session.add(record)
            self.session.flush()
            self.recorder.created("program_sessions", [record.id])
            self.sessions.append(record)
            self.touched.add(record.id)
            self.summary.created += 1
            self._assign(record, people)
            return
        self.touched.add(record.id)
        changed = self._update(record, values, draft)
        if self._assign(record, people) or changed:
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1

    def _update(self, record: ProgramSession, values: dict[str, Any], draft: SessionDraft) -> bool:
        """Fill the session's blanks ("update") or replace what differs ("overwrite")."""
        overwrite = self.options.on_duplicate == "overwrite"
        changed = False
        # read as it is now; dropped at the end if its version did not move
        self.recorder.updating(self.session, "program_sessions", [record.id])
        for name in _SESSION_FIELDS:
            new = values.get(name)
            old = getattr(record, name)
            if new is not None and old != new and (old is None or overwrite):
                setattr(record, name, new)
                changed = True
        if draft.translations:
            stored = {lang: dict(texts) for lang, texts in (record.translations or {}).items()}
            for lang, texts in draft.translations.items():
                for name, new_text in texts.items():
                    if name not in stored.get(lang, {}) or overwrite:
                        stored.setdefault(lang, {})[name] = new_text
            merged = clean_translations(stored, SESSION_FIELDS)
            if merged != record.translations:
                record.translations = merged
                changed = True
        if (
            draft.starts_at is not None
            and (record.starts_at is None or overwrite)
            and (record.starts_at, record.ends_at) != (draft.starts_at, draft.ends_at)
        ):
            record.starts_at, record.ends_at = draft.starts_at, draft.ends_at
            changed = True
        return changed

    def _room(self, name: str | None) -> int | None:
        if not name:
            return None
        room = self.rooms.get(text.fold(name))
        if room is None:
            last = self.session.scalar(
                select(func.max(Room.position)).where(Room.event_id == self.event.id)
            )
            room = Room(event_id=self.event.id, name=name, position=0 if last is None else last + 1)
            self.session.add(room)
            self.session.flush()
            self.recorder.created("rooms", [room.id])
            self.rooms[text.fold(name)] = room
            self.summary.rooms_created += 1
        return room.id

    def _track(self, name: str | None) -> int | None:
        if not name:
            return None
        track = self.tracks.get(text.fold(name))
        if track is None:
            position = venue.next_track_position(self.session, self.event.id)
            track = Track(event_id=self.event.id, name=name, position=position)
            self.session.add(track)
            self.session.flush()
            self.recorder.created("tracks", [track.id])
            self.tracks[text.fold(name)] = track
            self.summary.tracks_created += 1
        return track.id

    def _assign(self, record: ProgramSession, people: list[tuple[Role, int | str]]) -> bool:
        existing = {a.person_id: a for a in record.assignments}
        position = max((a.position for a in record.assignments), default=-1) + 1
        changed = False
        for role, who in people:
            pid = who if isinstance(who, int) else self._new_person(who)
            self._register(pid)
            current = existing.get(pid)
            if current is None:
                assignment = Assignment(
                    session_id=record.id, person_id=pid, role=role, position=position
                )
                record.assignments.append(assignment)
                self.recorder.created("assignments", [(record.id, pid)])
                existing[pid] = assignment
                position += 1
                self.summary.assigned += 1
                changed = True
            elif current.role != role and self.options.on_duplicate == "overwrite":
                self.recorder.updating(self.session, "assignments", [(record.id, pid)])
                current.role = role
                self.summary.assigned += 1
                changed = True
        return changed

    def _register(self, person_id: int) -> None:
        """Register a person the programme assigns, if they have no registration yet."""
        if person_id in self.registered:
            return
        self.registered.add(person_id)
        self.session.add(
            Registration(
                event_id=self.event.id, person_id=person_id, status=RegistrationStatus.REGISTERED
            )
        )
        self.recorder.created("registrations", [(self.event.id, person_id)])
        self.summary.registered += 1

    def _new_person(self, name: str) -> int:
        key = text.fold(name)
        if key in self.by_display:
            return self.by_display[key][0]
        family, given, patronymic = split_full_name(name)
        person = Person(
            family_name=family or name,
            given_name=given,
            patronymic=patronymic,
            display_name=text.default_display_name(family or name, given, patronymic),
        )
        refresh_search_key(person, None)
        self.session.add(person)
        self.session.flush()
        self.recorder.created("people", [person.id])
        self.by_display[key].append(person.id)
        self.summary.people_created += 1
        self.summary.warnings.append(
            _("{name} was not in the directory and has been added.").format(
                name=person.display_name
            )
        )
        return person.id
