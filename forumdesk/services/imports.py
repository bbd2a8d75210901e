"""Importing attendee spreadsheets into the directory and an event, in one unit of work.

An import reads the file (forumdesk.io.tables), maps its columns (io.headers), cleans each row
(io.people_rows) and tells who is who (io.duplicates) against a snapshot of the directory read
without the write lock; then, in a single transaction, it re-checks what moved since the
snapshot (people and organisations another desk added, changed or deleted, the event's
registrations and assignments) and adds and updates people, registers them for the event and
puts them in the sessions the file names. SQLite's write lock is held only for that last part,
so other desks' imports wait less (and a waiting import says so through its progress callback
rather than failing after the busy timeout).
Either all of it is written or none of it: a file-level problem raises ImportFileError before
anything happens; rows with errors stop the import (unless only the valid rows are wanted, and
then the others go to a rejects file); a cancelled progress callback rolls everything back.

The hot path is lean on purpose: the directory's keys are loaded once, rows never cause queries
of their own, and new people and links go in as bulk INSERTs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.enums import RegistrationStatus, Role
from forumdesk.core.i18n import _, gettext
from forumdesk.core.progress import Progress
from forumdesk.core.rows import PersonRow
from forumdesk.core.transliteration import latin_name
from forumdesk.db.engine import Database
from forumdesk.db.journal import as_one_entry
from forumdesk.db.models import (
    Assignment,
    Organization,
    Person,
    PersonUnavailability,
    ProgramSession,
    Registration,
)
from forumdesk.io.duplicates import (
    NAME_CONFLICT,
    SAME_NAME,
    Directory,
    FileEntity,
    NameConflict,
    group_rows,
    match_entities,
    name_key,
    name_relation,
)
from forumdesk.io.name_order import file_name_orders
from forumdesk.io.people_rows import AttendeeRow, RowCleaner
from forumdesk.io.tables import ImportFileError, RowProblem
from forumdesk.services.import_common import (
    EMPTY,
    MERGED,
    NAME_CONFLICT_POLICIES,
    REJECTED,
    REPEATED_HEADER,
    SKIPPED,
    ImportOptions,
    ImportSummary,
    Prepared,
    RowOutcome,
    Tracker,
    backup_kept_if_written,
    collector_paused,
    finish_rejects,
    prepare,
    reject_message,
    rejects_undone_on_failure,
    save_requested_profile,
    take_backup,
)
from forumdesk.services.import_undo import ChangeRecorder
from forumdesk.services.import_writing import (
    CHUNK,
    OrganizationIds,
    bulk_insert,
    insert_people,
    insert_unavailability,
    search_key,
    update_people,
)
from forumdesk.services.people import directory_people
from forumdesk.services.session_answers import SessionAnswers, event_session_answers

__all__ = [
    "ImportFileError",
    "ImportOptions",
    "ImportSummary",
    "import_attendees",
]

ATTENDEE_FIELDS_COMPARED = (
    "family_name",
    "given_name",
    "patronymic",
    "position",
    "country",
    "sector",
    "email",
    "phone",
    "language",
    "notes",
    "gender",
)


def import_attendees(
    db: Database,
    path: Path | str,
    *,
    event_id: int | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import an attendee list; with `event_id`, register everyone for that event.

    Returns what happened (or, for a dry run or rows with errors, what would have happened).
    Raises ImportFileError for a file that cannot be imported at all, CancelledError when
    `progress` returns False; in both cases nothing is written.
    """
    options = options or ImportOptions()
    options.check()
    with collector_paused():
        return _import(db, Path(path), event_id, options, progress)


def _import(
    db: Database,
    path: Path,
    event_id: int | None,
    options: ImportOptions,
    progress: Progress | None,
) -> ImportSummary:
    prepared = prepare(path, "attendees", options)
    mapping = prepared.mapping
    if mapping.column_of("full_name") is None and mapping.column_of("family_name") is None:
        found = text.quoted_list(mapping.headers)
        raise ImportFileError(
            _(
                "{table} has no name column (ФИО, or Фамилия and Имя); its header row {row} holds "
                '{columns}. Name the column with --map "Column=full_name" (or family_name).'
            ).format(table=prepared.table.label, row=mapping.header_row, columns=found)
        )
    save_requested_profile(prepared, options)
    summary = prepared.summary(event_id)
    summary.dry_run = options.dry_run
    tracker = Tracker(progress, total=2 * len(prepared.data_rows))
    with backup_kept_if_written(summary), rejects_undone_on_failure(summary):
        # Reading, cleaning and matching need no write lock: they work on a snapshot, so that
        # other desks' imports can write meanwhile (issue 13, item 8).
        with db.reader() as session:
            event_sessions = (
                event_session_answers(session, event_id) if event_id is not None else None
            )
            attendees, rejected = _clean_rows(prepared, event_sessions, summary, tracker)
            entities, notes = group_rows(attendees)
            summary.warnings.extend(notes)
            snapshot = _Snapshot.read(session, event_id)
        summary.likely_duplicates.extend(
            match_entities(entities, snapshot.directory, by_name=options.on_duplicate != "new")
        )
        plan = _planned(entities, snapshot, event_id, event_sessions, options, summary)
        if not options.dry_run and not (rejected and not options.skip_invalid):
            search_keys = {id(entity): search_key(entity.person) for entity in plan.create}
            # The write lock is held from here to the commit: only for checking what moved
            # since the snapshot and for the writes.
            with db.transaction(waiting=tracker.waiting) as session:
                as_one_entry(session, "import attendees", event_id)
                if options.backup:
                    take_backup(db, session, summary)
                plan = _rechecked(
                    session, snapshot, entities, plan, event_sessions, options, summary
                )
                recorder = ChangeRecorder(active=options.undoable)
                summary.unavailable = _apply(
                    session, plan, event_id, event_sessions, tracker, recorder, search_keys
                )
                summary.changes = recorder.finish(session)
                finish_rejects(prepared, options, rejected, summary)
                summary.written = True
        tracker.done()
    return summary


# --- rows -------------------------------------------------------------------------------------


def _clean_rows(
    prepared: Prepared,
    event_sessions: SessionAnswers | None,
    summary: ImportSummary,
    tracker: Tracker,
) -> tuple[list[AttendeeRow], list[tuple[list[str], str]]]:
    cleaner = RowCleaner(
        prepared.mapping,
        prepared.table.sheet,
        name_order=prepared.name_order,
        cyrillic_order=file_name_orders(prepared.mapping, prepared.data_rows).order,
    )
    cleaner.look_at_table(cells for _number, cells in prepared.data_rows)
    attendees: list[AttendeeRow] = []
    rejected: list[tuple[list[str], str]] = []
    header = [h.strip().casefold() for h in prepared.mapping.headers]
    width, first = len(header), header[0] if header else None
    for done, (number, cells) in enumerate(prepared.data_rows, start=1):
        if done % 256 == 0:
            tracker.step(done)
        if (
            len(cells) == width
            and cells[0].strip().casefold() == first
            and [c.strip().casefold() for c in cells] == header
        ):
            # the header repeated (lists pasted one under another)
            summary.repeated_headers += 1
            summary.row_outcomes.append(RowOutcome(number, REPEATED_HEADER))
            continue
        result = cleaner.clean(number, cells)
        if result is None:
            summary.empty_rows += 1
            summary.row_outcomes.append(RowOutcome(number, EMPTY))
            continue
        if isinstance(result, AttendeeRow):
            if result.sessions:
                result = _check_sessions(result, cleaner, event_sessions, summary)
            if result.warnings or result.unavailable:
                _note_unavailable(result, cleaner, event_sessions, summary)
        if isinstance(result, list):
            summary.problems.extend(result)
            summary.rejected += 1
            rejected.append((cells, "; ".join(reject_message(p) for p in result)))
            summary.row_outcomes.append(RowOutcome(number, REJECTED, _rejection(result)))
            continue
        attendees.append(result)
    tracker.step(len(prepared.data_rows))
    return attendees, rejected


def _rejection(problems: list[RowProblem]) -> str:
    """Why a row was rejected, without its row number (the listing gives it)."""
    return "; ".join(
        _("column «{column}»: {message}").format(column=p.column, message=p.message)
        if p.column
        else p.message
        for p in problems
    )


def _check_sessions(
    attendee: AttendeeRow,
    cleaner: RowCleaner,
    event_sessions: SessionAnswers | None,
    summary: ImportSummary,
) -> AttendeeRow:
    """Sessions no answer names are a warning on the row: the person is imported without them."""
    if event_sessions is None:
        problem = cleaner.problem(
            attendee.row,
            "sessions",
            _("sessions are listed but no event was chosen to import into; they were not used."),
        )
        summary.warnings.append(reject_message(problem))
        return attendee
    attendee.sessions = event_sessions.rejoined(attendee.sessions)
    for token in attendee.sessions:
        _found, message = event_sessions.resolve(token)
        if message:
            summary.warnings.append(
                reject_message(cleaner.problem(attendee.row, "sessions", message))
            )
    return attendee


def _note_unavailable(
    attendee: AttendeeRow,
    cleaner: RowCleaner,
    event_sessions: SessionAnswers | None,
    summary: ImportSummary,
) -> None:
    """Periods that cannot be read are a warning on the row, and so are periods with no event
    to keep them in: the person is imported without them."""
    summary.warnings.extend(reject_message(problem) for problem in attendee.warnings)
    if attendee.unavailable and event_sessions is None:
        problem = cleaner.problem(
            attendee.row,
            "unavailable",
            _(
                "unavailable periods are listed but no event was chosen to import into; they "
                "were not used."
            ),
        )
        summary.warnings.append(reject_message(problem))
        attendee.unavailable = ()


# --- planning ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Snapshot:
    """What the import was planned against, read without the write lock: the directory, the
    versions of its people and organisations, and the event's registrations and assignments."""

    directory: Directory
    people_versions: dict[int, int]
    organization_versions: dict[int, int]
    registered: set[int]
    assignments: list[tuple[int, int, int]]  # (session, person, position)
    fingerprint: tuple[int, ...]
    # the event's unavailability periods (person, start, end): what the file's add to
    unavailable: set[tuple[int, dt.datetime, dt.datetime]] = field(default_factory=set)

    @classmethod
    def read(cls, session: Session, event_id: int | None) -> _Snapshot:
        people = directory_people(session)
        registered, assignments = _event_links(session, event_id)
        return cls(
            directory=Directory(people),
            people_versions={person.id: person.version for person in people},
            organization_versions=_versions(session, Organization),
            registered=registered,
            assignments=assignments,
            fingerprint=_fingerprint(session, event_id),
            unavailable=_event_periods(session, event_id),
        )


def _versions(session: Session, model: type[Person] | type[Organization]) -> dict[int, int]:
    rows = session.connection().execute(select(model.id, model.version))
    return {record_id: version for record_id, version in rows}


def _fingerprint(session: Session, event_id: int | None) -> tuple[int, ...]:
    """A few sums that change when a person or an organisation is added, changed or deleted
    (ids are never used twice; every change bumps a version) or the event's registrations or
    assignments change: one scan each inside SQLite, against reading every row back."""
    in_event = select(ProgramSession.id).where(ProgramSession.event_id == event_id)
    queries: list[Select[*tuple[Any, ...]]] = [
        select(func.count(), func.sum(model.id), func.max(model.id), func.sum(model.version))
        for model in (Person, Organization)
    ]
    if event_id is not None:
        queries.append(
            select(
                func.count(), func.sum(Registration.person_id), func.sum(Registration.version)
            ).where(Registration.event_id == event_id)
        )
        queries.append(
            select(
                func.count(),
                func.sum(Assignment.person_id),
                func.sum(Assignment.session_id),
                func.sum(Assignment.position),
                func.sum(Assignment.version),
            ).where(Assignment.session_id.in_(in_event))
        )
    connection = session.connection()
    return tuple(int(value or 0) for query in queries for value in connection.execute(query).one())


def _event_periods(
    session: Session, event_id: int | None
) -> set[tuple[int, dt.datetime, dt.datetime]]:
    if event_id is None:
        return set()
    query = select(
        PersonUnavailability.person_id, PersonUnavailability.starts_at, PersonUnavailability.ends_at
    ).where(PersonUnavailability.event_id == event_id)
    return {(p, s, e) for p, s, e in session.execute(query)}


def _event_links(
    session: Session, event_id: int | None
) -> tuple[set[int], list[tuple[int, int, int]]]:
    """The people registered for the event, and its sessions' assignments (in a stable order)."""
    if event_id is None:
        return set(), []
    registered = set(
        session.scalars(select(Registration.person_id).where(Registration.event_id == event_id))
    )
    in_event = select(ProgramSession.id).where(ProgramSession.event_id == event_id)
    assignments = session.execute(
        select(Assignment.session_id, Assignment.person_id, Assignment.position)
        .where(Assignment.session_id.in_(in_event))
        .order_by(Assignment.session_id, Assignment.person_id)
    )
    return registered, [(s, p, n) for s, p, n in assignments]


@dataclass(slots=True)
class _Plan:
    create: list[FileEntity] = field(default_factory=list)
    updates: dict[int, dict[str, Any]] = field(default_factory=dict)  # person id -> changes
    people: list[tuple[FileEntity, int | None]] = field(default_factory=list)
    registered: set[int] = field(default_factory=set)  # already registered for the event
    assignments: set[tuple[int, int]] = field(default_factory=set)  # already (session, person)
    next_position: dict[int, int] = field(default_factory=dict)
    # what became of each directory person the file names: "updated", "unchanged" or "skipped"
    outcomes: dict[int, str] = field(default_factory=dict)


_PLANNED_COUNTS = (
    "created",
    "updated",
    "unchanged",
    "skipped",
    "merged",
    "registered",
    "assigned",
    "unavailable",
)
# What reading the rows tells (_clean_rows); the rest of RowOutcomes come from matching (_plan).
_READ_OUTCOMES = (EMPTY, REPEATED_HEADER, REJECTED)
_NAME_FIELDS = ("family_name", "given_name", "patronymic")


def _skipped(options: ImportOptions, person_id: int) -> str:
    if options.on_duplicate == "new":
        return _("the e-mail is person {id}'s already").format(id=person_id)
    return _("already in the directory as person {id}").format(id=person_id)


def _planned(
    entities: list[FileEntity],
    snapshot: _Snapshot,
    event_id: int | None,
    event_sessions: SessionAnswers | None,
    options: ImportOptions,
    summary: ImportSummary,
) -> _Plan:
    """_plan, and for each name conflict what either choice makes of the person (updated or
    unchanged), so that the counts can follow a change of choice without checking the file
    again (ImportSummary.choose_names).

    Each person's outcome depends only on the rows matched to them, and the rows of a person
    in conflict share one e-mail, hence one choice: planning once with every stored name kept
    and once with every file's name taken tells both outcomes of each person at once.
    """
    plan = _plan(entities, snapshot, event_id, event_sessions, options, summary)
    if not summary.name_conflicts:
        return plan  # the usual case: nothing to choose
    outcomes = {}
    for policy in NAME_CONFLICT_POLICIES:
        scratch = ImportSummary(kind=summary.kind, file=summary.file, event_id=event_id)
        scratch.row_outcomes = list(summary.row_outcomes)
        every = replace(options, on_name_conflict=policy, names_replaced=frozenset())
        outcomes[policy] = _plan(
            entities, snapshot, event_id, event_sessions, every, scratch
        ).outcomes
    for conflict in summary.name_conflicts:
        conflict.updated_if_kept = outcomes["keep"].get(conflict.person_id) == "updated"
        conflict.updated_if_taken = outcomes["replace"].get(conflict.person_id) == "updated"
    return plan


def _plan(
    entities: list[FileEntity],
    snapshot: _Snapshot,
    event_id: int | None,
    event_sessions: SessionAnswers | None,
    options: ImportOptions,
    summary: ImportSummary,
) -> _Plan:
    """What to write for the matched `entities`, and the summary's counts of it."""
    for name in _PLANNED_COUNTS:
        setattr(summary, name, 0)
    # what the rows' cleaning found stays; what matching found is worked out again
    summary.row_outcomes[:] = [o for o in summary.row_outcomes if o.outcome in _READ_OUTCOMES]
    summary.name_conflicts = []
    outcomes = summary.row_outcomes
    plan = _Plan()
    counted: dict[int, str] = {}
    first_rows: dict[int, int] = {}  # person id -> the first row matched to them
    planned: dict[int, PersonRow] = {}  # a person as the rows before left them
    same_person = _("the same person in the directory")  # once: a list may have many
    for entity in entities:
        pid = entity.person_id
        # the row that stands for the person: for a stored one, the first row matched to them
        first_row = entity.row if pid is None else first_rows.setdefault(pid, entity.row)
        for row, how in entity.merged:
            outcomes.append(RowOutcome(row, MERGED, gettext(how), first_row, pid))
        plan.people.append((entity, pid))
        if pid is None:
            plan.create.append(entity)
            continue
        if first_row != entity.row:  # two rows the file keeps apart are one stored person
            outcomes.append(RowOutcome(entity.row, MERGED, same_person, first_row, pid))
        if options.on_duplicate in ("skip", "new"):
            if counted.setdefault(pid, "skipped") == "skipped" and first_row == entity.row:
                outcomes.append(RowOutcome(entity.row, SKIPPED, _skipped(options, pid), None, pid))
            continue
        known = planned.get(pid) or snapshot.directory.people[pid]
        relation = name_relation(known, entity.person)
        take_name = False
        if relation == NAME_CONFLICT and entity.matched_by == "email" and entity.person.email:
            take_name = options.takes_file_name(entity.person.email)
            summary.name_conflicts.append(
                NameConflict(
                    entity.row,
                    entity.person.email,
                    pid,
                    known.display_name,
                    entity.person.display_name,
                    take_name,
                )
            )
        changes = _changes(
            known,
            entity.person,
            overwrite=options.on_duplicate == "overwrite",
            names=relation == SAME_NAME,
        )
        if take_name:
            changes.update(
                (name, getattr(entity.person, name))
                for name in _NAME_FIELDS
                if getattr(entity.person, name) != getattr(known, name)
            )
        latin = _latin_change(known, entity.person, overwrite=options.on_duplicate == "overwrite")
        if latin is not None:
            changes["latin_name"] = latin
        if changes:
            plan.updates.setdefault(pid, {}).update(changes)
            planned[pid] = replace(known, **changes)  # a second row sees the first's
            counted[pid] = "updated"
        else:
            counted.setdefault(pid, "unchanged")
    summary.created = len(plan.create)
    plan.outcomes = counted
    for outcome in counted.values():
        setattr(summary, outcome, getattr(summary, outcome) + 1)
    summary.merged = sum(1 for outcome in outcomes if outcome.outcome == MERGED)
    if event_id is not None:
        plan.registered = set(snapshot.registered)
        _plan_links(plan, snapshot.assignments, event_sessions, summary)
        summary.unavailable = _count_periods(plan, snapshot.unavailable)
    return plan


def _count_periods(plan: _Plan, known: set[tuple[int, dt.datetime, dt.datetime]]) -> int:
    """How many of the file's periods are new: not known, and not given by an earlier row."""
    wanted: set[tuple[object, dt.datetime, dt.datetime]] = set()
    for entity, pid in plan.people:
        key: object = pid if pid is not None else id(entity)
        for start, end in entity.unavailable:
            if pid is None or (pid, start, end) not in known:
                wanted.add((key, start, end))
    return len(wanted)


def _plan_links(
    plan: _Plan,
    assignments: list[tuple[int, int, int]],
    event_sessions: SessionAnswers | None,
    summary: ImportSummary,
) -> None:
    registered: set[object] = set(plan.registered)  # ids, or a new person's entity's id()
    wanted_assignments: set[tuple[int, object]] = set()
    for session_id, person_id, position in assignments:
        plan.assignments.add((session_id, person_id))
        plan.next_position[session_id] = max(plan.next_position.get(session_id, 0), position + 1)
    for entity, pid in plan.people:
        key: object = pid if pid is not None else id(entity)
        if pid is None or pid not in registered:
            summary.registered += 1
            registered.add(key)
        if event_sessions is None:
            continue
        for token in entity.sessions:
            found_id, _message = event_sessions.resolve(token)
            if found_id is None:
                continue
            link = (found_id, key)
            if link not in wanted_assignments and (
                pid is None or (found_id, pid) not in plan.assignments
            ):
                wanted_assignments.add(link)
                summary.assigned += 1


def _rechecked(
    session: Session,
    snapshot: _Snapshot,
    entities: list[FileEntity],
    plan: _Plan,
    event_sessions: SessionAnswers | None,
    options: ImportOptions,
    summary: ImportSummary,
) -> _Plan:
    """The plan again if anything it was based on moved since the snapshot; else `plan` itself.

    Runs inside the write transaction: people and organisations added, changed or deleted by
    another desk meanwhile are read again and only the rows that could match them (or were
    matched to them) are matched again; registrations and assignments are read again. Then the
    plan is rebuilt from the entities (plain dictionary work, no queries). Usually nothing
    moved, and a few aggregate queries say so.
    """
    if _fingerprint(session, summary.event_id) == snapshot.fingerprint:
        return plan  # the usual case: nothing moved
    people_now = _versions(session, Person)
    organizations_now = _versions(session, Organization)
    known = snapshot.people_versions
    moved = {pid for pid, version in people_now.items() if known.get(pid) != version}
    moved |= known.keys() - people_now.keys()  # deleted meanwhile
    renamed = {
        oid
        for oid, version in snapshot.organization_versions.items()
        if organizations_now.get(oid) != version
    }
    if renamed:  # a person's organisation is matched by its name
        moved |= {
            pid
            for pid, person in snapshot.directory.people.items()
            if person.organization_id in renamed and pid in people_now
        }
    registered, assignments = _event_links(session, summary.event_id)
    if not moved and registered == snapshot.registered and assignments == snapshot.assignments:
        return plan
    if moved:
        _rematch(session, snapshot, entities, moved, options, summary)
    snapshot.registered, snapshot.assignments = registered, assignments
    return _planned(entities, snapshot, summary.event_id, event_sessions, options, summary)


def _rematch(
    session: Session,
    snapshot: _Snapshot,
    entities: list[FileEntity],
    moved: set[int],
    options: ImportOptions,
    summary: ImportSummary,
) -> None:
    """Bring the snapshot's directory up to date for the `moved` people and match again the
    entities they concern: those matched to one of them, and those sharing an e-mail or a name
    with one of them (before or after the move)."""
    directory = snapshot.directory
    before = [directory.people[pid] for pid in moved if pid in directory.people]
    for pid in moved:
        directory.remove(pid)
    after = directory_people(session, ids=sorted(moved))
    for person in after:
        directory.add(person)
        snapshot.people_versions[person.id] = person.version
    for pid in moved - {person.id for person in after}:
        snapshot.people_versions.pop(pid, None)
    emails = {p.email for p in (*before, *after) if p.email}
    names = {name_key(p.family_name, p.given_name, p.patronymic) for p in (*before, *after)}
    concerned = [
        entity
        for entity in entities
        if entity.person_id in moved or entity.person.email in emails or entity.name_key in names
    ]
    rows = {row for entity in concerned for row in entity.rows}
    for entity in concerned:
        entity.person_id, entity.matched_by = None, None
    likely = match_entities(concerned, directory, by_name=options.on_duplicate != "new")
    summary.likely_duplicates[:] = [
        d for d in summary.likely_duplicates if d.person_id is None or d.row not in rows
    ] + [d for d in likely if d.person_id is not None]


def _latin_change(known: PersonRow, person: PersonRow, *, overwrite: bool) -> str | None:
    """The Latin name the file gives `known`, when it should replace the stored one.

    A row without a Latin-name column carries the automatic one of its name (io.people_rows):
    that is no Latin name of the file's, and the stored one follows the name as it is written
    (update_people). One the file gives replaces an automatic or blank one, and (overwrite)
    one staff typed."""
    given = person.latin_name
    if not given or given == latin_name(person.display_name):
        return None
    stored = known.latin_name
    if stored == given:
        return None
    automatic = not stored or stored == latin_name(known.display_name)
    return given if automatic or overwrite else None


def _changes(
    known: PersonRow, person: PersonRow, *, overwrite: bool, names: bool = True
) -> dict[str, Any]:
    """What the file's `person` would change on `known`: blanks, or (overwrite) any difference.

    With `names` False (the file's name is another one, or the same in another order) the
    names are left as they are."""
    changes: dict[str, Any] = {}
    for name in ATTENDEE_FIELDS_COMPARED:
        if not names and name in _NAME_FIELDS:
            continue
        new = getattr(person, name)
        if new is None or new == "":
            continue
        old = getattr(known, name)
        if old is None or (overwrite and old != new):
            if name == "email" and old is not None:
                continue  # e-mails identify people: one is never replaced by a row
            changes[name] = new
    if person.organization and (
        known.organization is None
        or (overwrite and text.org_key(known.organization) != text.org_key(person.organization))
    ):
        changes["organization"] = person.organization
    return changes


# --- writing ----------------------------------------------------------------------------------


def _apply(
    session: Session,
    plan: _Plan,
    event_id: int | None,
    event_sessions: SessionAnswers | None,
    tracker: Tracker,
    recorder: ChangeRecorder,
    search_keys: dict[int, str],
) -> int:
    """Write the plan; `recorder` learns what was created and what changed (for undo).

    `search_keys`: new people's search keys by id() of their entity, worked out before the
    write lock was taken (one the re-check made new is worked out here). Returns how many
    unavailability periods were added (the people's own periods are read again here)."""
    orgs = OrganizationIds(session)
    orgs.ensure(
        [e.person.organization for e in plan.create if e.person.organization]
        + [str(c["organization"]) for c in plan.updates.values() if "organization" in c]
    )
    new_ids: dict[int, int] = {}
    for start in range(0, len(plan.create), 5 * CHUNK):
        chunk = plan.create[start : start + 5 * CHUNK]
        ids = insert_people(
            session, [e.person for e in chunk], orgs, [search_keys.get(id(e)) for e in chunk]
        )
        new_ids.update(
            (id(entity), person_id) for entity, person_id in zip(chunk, ids, strict=True)
        )
        recorder.created("people", ids)
        tracker.write_step(start + len(chunk), len(plan.create))
    recorder.updating(session, "people", plan.updates)
    update_people(session, plan.updates, orgs)
    recorder.created("organizations", orgs.created)  # update_people may add some
    if event_id is None or event_sessions is None:
        return 0
    person_ids = [pid if pid is not None else new_ids[id(entity)] for entity, pid in plan.people]
    status = RegistrationStatus.REGISTERED.value
    registrations = [
        (event_id, pid, status, 1)
        for pid in dict.fromkeys(person_ids)
        if pid not in plan.registered
    ]
    bulk_insert(
        session, Registration, ("event_id", "person_id", "status", "version"), registrations
    )
    recorder.created("registrations", ((e, p) for e, p, _s, _v in registrations))
    links: list[tuple[object, ...]] = []
    for (entity, _pid), person_id in zip(plan.people, person_ids, strict=True):
        for token in entity.sessions:
            session_id = event_sessions.resolve(token)[0]
            if session_id is None or (session_id, person_id) in plan.assignments:
                continue
            plan.assignments.add((session_id, person_id))
            position = plan.next_position.get(session_id, 0)
            plan.next_position[session_id] = position + 1
            links.append((session_id, person_id, Role.PARTICIPANT.value, position, 1))
    bulk_insert(
        session, Assignment, ("session_id", "person_id", "role", "position", "version"), links
    )
    recorder.created("assignments", ((s, p) for s, p, *_rest in links))
    periods = insert_unavailability(
        session,
        event_id,
        (
            (person_id, start, end)
            for (entity, _pid), person_id in zip(plan.people, person_ids, strict=True)
            for start, end in entity.unavailable
        ),
    )
    recorder.created("person_unavailability", periods)
    return len(periods)
