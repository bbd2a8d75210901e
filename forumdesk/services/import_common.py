"""What attendee and programme imports share: options, the summary, reading and mapping the file,
progress with cancel, and the rejects file.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from forumdesk.core.errors import CancelledError, NotFoundError, ValidationError
from forumdesk.core.i18n import _, ngettext
from forumdesk.core.progress import WAITING, Progress
from forumdesk.core.text import quoted_list
from forumdesk.db.engine import Database
from forumdesk.db.migrate import backup_sqlite_file
from forumdesk.io.duplicates import LikelyDuplicate, NameConflict
from forumdesk.io.headers import (
    FIELD_LABELS,
    IGNORE,
    ColumnMapping,
    ImportProfile,
    column_letter,
    header_key,
    map_columns,
    parse_field,
)
from forumdesk.io.import_rejects import default_rejects_path, rejects_format, write_rejects
from forumdesk.io.people_rows import NAME_ORDERS
from forumdesk.io.tables import ImportFileError, RawTable, RowProblem, read_tables
from forumdesk.services.import_undo import ImportChanges
from forumdesk.services.profiles import load_profile, save_profile

DUPLICATE_POLICIES = ("update", "overwrite", "skip", "new")
# What to do with a row whose e-mail is a stored person's but whose name is another one
NAME_CONFLICT_POLICIES = ("keep", "replace")

# What became of a row that did not give a person of its own (RowOutcome.outcome)
MERGED, EMPTY, REPEATED_HEADER, SKIPPED, REJECTED = (
    "merged",
    "empty",
    "repeated_header",
    "skipped",
    "rejected",
)


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """A row of the file that did not become a person of its own, and why."""

    row: int
    outcome: str  # MERGED, EMPTY, REPEATED_HEADER, SKIPPED or REJECTED
    reason: str = ""  # translated: why it was merged or skipped, what was wrong with it
    into_row: int | None = None  # MERGED: the row whose person it is
    person_id: int | None = None  # the directory's person it is, if any

    def __str__(self) -> str:
        if self.outcome == MERGED:
            return _("Row {row}: merged into row {into} ({reason}).").format(
                row=self.row, into=self.into_row, reason=self.reason
            )
        if self.outcome == EMPTY:
            return _("Row {row}: empty (nothing in the columns imported).").format(row=self.row)
        if self.outcome == REPEATED_HEADER:
            return _("Row {row}: the header row repeated.").format(row=self.row)
        if self.outcome == SKIPPED:
            return _("Row {row}: skipped ({reason}).").format(row=self.row, reason=self.reason)
        return _("Row {row}: rejected ({reason}).").format(row=self.row, reason=self.reason)


@dataclass(slots=True)
class ImportOptions:
    """How to read the file and what to do with what it holds.

    `columns` maps a column (header as written, or letter) to a field or "ignore", on top of
    the profile's mapping and the synonyms. `on_duplicate`: "update" fills the blanks of people
    already in the directory, "overwrite" replaces their values with the file's, "skip" leaves
    them as they are, "new" adds a new person unless the e-mail is already known.
    """

    sheet: str | int | None = None
    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)
    profile: str | None = None
    save_profile: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    name_order: str | None = None
    on_duplicate: str = "update"
    # A row whose e-mail is a stored person's but whose name is another one: "keep" the stored
    # name, or "replace" it with the file's; `names_replaced` lists the e-mails whose file name
    # is taken whatever `on_name_conflict` says (the wizard's choice, conflict by conflict).
    on_name_conflict: str = "keep"
    names_replaced: frozenset[str] = frozenset()
    skip_invalid: bool = False
    rejects_path: Path | None = None
    dry_run: bool = False
    # Record what the import writes so that it can be undone (summary.changes): the window's
    # undo step needs it; a command-line import has no undo and does not pay for it (reading
    # back what was written costs about a sixth of a 20,000-row import).
    undoable: bool = False
    # Copy the database file to a timestamped backup beside it first (SQLite only; see
    # take_backup): the copy outlives the window's undo. It stays only if the import writes.
    backup: bool = False

    def takes_file_name(self, email: str) -> bool:
        """Whether a name conflict over `email` is settled by taking the file's name."""
        return self.on_name_conflict == "replace" or email in self.names_replaced

    def check(self) -> None:
        if self.on_duplicate not in DUPLICATE_POLICIES:
            raise ImportFileError(
                _("'{policy}' is not a duplicate policy; use one of {policies}.").format(
                    policy=self.on_duplicate, policies=", ".join(DUPLICATE_POLICIES)
                )
            )
        if self.on_name_conflict not in NAME_CONFLICT_POLICIES:
            raise ImportFileError(
                _("'{policy}' is not a name conflict policy; use one of {policies}.").format(
                    policy=self.on_name_conflict, policies=", ".join(NAME_CONFLICT_POLICIES)
                )
            )
        if self.name_order is not None and self.name_order not in NAME_ORDERS:
            raise ImportFileError(
                _("'{order}' is not a name order; use one of {orders}.").format(
                    order=self.name_order, orders=", ".join(NAME_ORDERS)
                )
            )
        if self.rejects_path is not None:
            try:
                rejects_format(Path(self.rejects_path))
            except ValidationError as exc:
                raise ImportFileError(exc.message) from exc


@dataclass(slots=True)
class ImportSummary:
    """What an import did, or (dry run, rows rejected) would have done."""

    kind: str
    file: str
    sheet: str | None = None
    header_row: int | None = None
    encoding: str | None = None
    delimiter: str | None = None
    event_id: int | None = None
    columns: dict[str, str] = field(default_factory=dict)
    # columns that fit a field another column was used for: {"column", "field", "used"}
    columns_set_aside: list[dict[str, str]] = field(default_factory=list)
    rows: int = 0
    empty_rows: int = 0
    repeated_headers: int = 0  # the header row again (lists pasted one under another)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0
    merged: int = 0  # rows of a person another row gives already
    registered: int = 0
    assigned: int = 0
    unavailable: int = 0  # unavailability periods added (not those the person already had)
    rooms_created: int = 0
    tracks_created: int = 0
    people_created: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    likely_duplicates: list[LikelyDuplicate] = field(default_factory=list)
    name_conflicts: list[NameConflict] = field(default_factory=list)
    # every row that did not become a person of its own (attendees), in row order once sorted
    row_outcomes: list[RowOutcome] = field(default_factory=list)
    rejects_path: Path | None = None
    backup_path: Path | None = None  # the copy of the database taken before the import
    dry_run: bool = False
    written: bool = False
    # what the written import changed, for undo_import (forumdesk.services.import_undo)
    changes: ImportChanges | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            name: getattr(self, name)
            for name in (
                "kind",
                "file",
                "sheet",
                "header_row",
                "encoding",
                "delimiter",
                "event_id",
                "columns",
                "rows",
                "empty_rows",
                "repeated_headers",
                "created",
                "updated",
                "unchanged",
                "skipped",
                "rejected",
                "merged",
                "registered",
                "assigned",
                "unavailable",
                "dry_run",
                "written",
            )
        }
        if self.kind == "programme":
            data.update(
                rooms_created=self.rooms_created,
                tracks_created=self.tracks_created,
                people_created=self.people_created,
            )
        data["problems"] = [
            {
                "sheet": p.sheet,
                "row": p.row,
                "column": p.column,
                "message": p.message,
                "text": str(p),
            }
            for p in self.problems
        ]
        data["warnings"] = list(self.warnings)
        data["columns_set_aside"] = [dict(item) for item in self.columns_set_aside]
        data["likely_duplicates"] = [
            {
                "row": d.row,
                "name": d.name,
                "other": d.other,
                "person_id": d.person_id,
                "other_row": d.other_row,
                "reason": d.reason,
            }
            for d in self.likely_duplicates
        ]
        data["name_conflicts"] = [
            {
                "row": c.row,
                "email": c.email,
                "person_id": c.person_id,
                "stored_name": c.stored,
                "file_name": c.in_file,
                "name_kept": "file" if c.replaced else "stored",
            }
            for c in self.name_conflicts
        ]
        data["row_outcomes"] = [
            {
                "row": o.row,
                "outcome": o.outcome,
                "into_row": o.into_row,
                "person_id": o.person_id,
                "reason": o.reason,
                "text": str(o),
            }
            for o in self.sorted_outcomes()
        ]
        data["rejects_path"] = str(self.rejects_path) if self.rejects_path else None
        return data

    def choose_names(self, names_replaced: Collection[str]) -> None:
        """Settle the name conflicts again, the file's name taken for the e-mails in
        `names_replaced` and the stored one kept for the others, and the counts with them.

        What a check (a dry run) found stays true but for which people a name conflict makes
        updated rather than unchanged, and the check worked that out for either choice: the
        summary follows a change of choice at once, as checking the file again would.
        """
        before: dict[int, bool] = {}  # person id -> counted as updated
        after: dict[int, bool] = {}
        for conflict in self.name_conflicts:
            if conflict.updated_if_kept is None or conflict.updated_if_taken is None:
                continue  # not worked out (not a check's summary): as it was
            taken = conflict.email in names_replaced
            pid = conflict.person_id
            before.setdefault(
                pid,
                conflict.updated_if_taken if conflict.replaced else conflict.updated_if_kept,
            )
            after.setdefault(pid, conflict.updated_if_taken if taken else conflict.updated_if_kept)
            conflict.replaced = taken
        for pid, updated in after.items():
            if updated != before[pid]:
                change = 1 if updated else -1
                self.updated += change
                self.unchanged -= change

    def sorted_outcomes(self) -> list[RowOutcome]:
        return sorted(self.row_outcomes, key=lambda outcome: outcome.row)

    def accounted(self) -> int:
        """Rows the counts account for: the rows read, when every row is accounted for."""
        return (
            self.created
            + self.updated
            + self.unchanged
            + self.skipped
            + self.rejected
            + self.merged
            + self.empty_rows
            + self.repeated_headers
        )

    def accounting_line(self) -> str:
        """The rows read, as the sum of what became of them."""
        return _(
            "Rows read: {rows} = {created} new + {updated} updated + {unchanged} unchanged + "
            "{skipped} skipped + {rejected} rejected + {merged} merged + {empty} empty + "
            "{headers} repeated header."
        ).format(
            rows=self.rows,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            skipped=self.skipped,
            rejected=self.rejected,
            merged=self.merged,
            empty=self.empty_rows,
            headers=self.repeated_headers,
        )

    def lines(self) -> Iterator[str]:
        """The summary as a person reads it."""
        where = f"«{Path(self.file).name}»"
        if self.sheet:
            where = _("{file}, sheet «{sheet}»").format(file=where, sheet=self.sheet)
        if self.encoding:
            yield ngettext(
                "{file}: header in row {header_row}, {rows} rows, read as {encoding}.",
                "{file}: header in row {header_row}, {rows} rows, read as {encoding}.",
                self.rows,
            ).format(file=where, header_row=self.header_row, rows=self.rows, encoding=self.encoding)
        else:
            yield ngettext(
                "{file}: header in row {header_row}, {rows} rows.",
                "{file}: header in row {header_row}, {rows} rows.",
                self.rows,
            ).format(file=where, header_row=self.header_row, rows=self.rows)
        counts = (
            _(
                "Sessions: {created} new, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped; {rejected} rows rejected."
            )
            if self.kind == "programme"
            else _(
                "People: {created} new, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped; {rejected} rows rejected."
            )
        )
        yield counts.format(
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            skipped=self.skipped,
            rejected=self.rejected,
        )
        if self.kind == "attendees":
            yield self.accounting_line()
            if self.name_conflicts:
                yield ngettext(
                    "Name conflicts: {count} (the e-mail is a stored person's, the name another).",
                    "Name conflicts: {count} (the e-mail is a stored person's, the name another).",
                    len(self.name_conflicts),
                ).format(count=len(self.name_conflicts))
        if self.kind == "programme":
            yield _(
                "Rooms added: {rooms}; tracks added: {tracks}; people added: {people}; "
                "people assigned: {assigned}."
            ).format(
                rooms=self.rooms_created,
                tracks=self.tracks_created,
                people=self.people_created,
                assigned=self.assigned,
            )
            yield _("Registered for the event: {registered} more.").format(
                registered=self.registered
            )
        elif self.event_id is not None:
            yield _(
                "Registered for the event: {registered} more; put in sessions: {assigned} more."
            ).format(registered=self.registered, assigned=self.assigned)
            if self.unavailable:
                yield _("Unavailable periods added: {count}.").format(count=self.unavailable)
        for problem in self.problems:
            yield f"  {problem}"
        for note in self.warnings:
            yield "  " + _("Note: {note}").format(note=note)
        if self.likely_duplicates:
            yield _("Possible duplicates (not merged; check them in the directory):")
            for duplicate in self.likely_duplicates:
                yield f"  {duplicate}"
        if self.name_conflicts:
            yield _("Same e-mail, another name:")
            for conflict in self.name_conflicts:
                yield f"  {conflict}"
        if self.row_outcomes:
            yield _("Rows that did not become a person of their own:")
            for outcome in self.sorted_outcomes():
                yield f"  {outcome}"
        if self.written:
            yield (
                _("Imported.")
                if not self.rejects_path
                else _("Imported the valid rows; the rejected ones are in {path}.").format(
                    path=self.rejects_path
                )
            )
        elif self.dry_run:
            yield _("Dry run: nothing was written.")
        elif self.rejected:
            yield _(
                "Nothing was written: correct the rows above and import again, or import "
                "only the valid rows (--skip-invalid)."
            )


@dataclass(slots=True)
class Prepared:
    """The table to import, its mapping and the settings it was read with."""

    path: Path
    kind: str
    table: RawTable
    mapping: ColumnMapping
    name_order: str
    sheet_chosen: str | int | None
    header_row_chosen: int | None
    columns_chosen: dict[str, str] = field(default_factory=dict)

    @property
    def data_rows(self) -> list[tuple[int, list[str]]]:
        return self.table.rows[self.mapping.header_index + 1 :]

    def summary(self, event_id: int | None) -> ImportSummary:
        mapping = self.mapping
        return ImportSummary(
            kind=self.kind,
            file=str(self.path),
            sheet=self.table.sheet,
            header_row=self.mapping.header_row,
            encoding=self.table.encoding,
            delimiter=self.table.delimiter,
            event_id=event_id,
            columns={
                self.mapping.header_of(i): name for i, name in sorted(self.mapping.fields.items())
            },
            columns_set_aside=[
                {
                    "column": mapping.header_of(item.column),
                    "field": item.field,
                    "used": mapping.header_of(item.used),
                }
                for item in mapping.set_aside
            ],
            rows=len(self.data_rows),
            warnings=mapping.set_aside_notes(),
        )


def prepare(path: Path, kind: str, options: ImportOptions) -> Prepared:
    """Read the file, choose the sheet and header row, map the columns; all or ImportFileError."""
    profile = _profile(options.profile, kind)
    columns = {**(profile.columns if profile else {}), **options.columns}
    sheet = (
        options.sheet if options.sheet not in (None, "") else (profile.sheet if profile else None)
    )
    header_row = options.header_row or (profile.header_row if profile else None)
    encoding = options.encoding or (profile.encoding if profile else None)
    delimiter = options.delimiter or (profile.delimiter if profile else None)
    name_order = options.name_order or (profile.name_order if profile else None) or "auto"
    tables = read_tables(path, sheet=sheet, encoding=encoding, delimiter=delimiter)
    mapping = None
    try:
        for table in tables:
            if table.rows:
                mapping = map_columns(table, kind, overrides=columns, header_row=header_row)
                if mapping is not None:
                    break
    except ValidationError as exc:
        raise ImportFileError(exc.message) from exc
    if mapping is None:
        raise ImportFileError(_no_header_message(path, kind, tables))
    _check_user_columns(table, mapping, options.columns)
    prepared = Prepared(
        path=path,
        kind=kind,
        table=table,
        mapping=mapping,
        name_order=name_order,
        sheet_chosen=sheet,
        header_row_chosen=header_row,
        columns_chosen=columns,
    )
    if not prepared.data_rows:
        raise ImportFileError(
            _(
                "{table} has a header (row {row}) but no rows below it: there is nobody to import."
            ).format(table=table.label, row=mapping.header_row)
        )
    return prepared


def _profile(name: str | None, kind: str) -> ImportProfile | None:
    if not name:
        return None
    try:
        return load_profile(name, kind)
    except (NotFoundError, ValidationError) as exc:
        raise ImportFileError(exc.message) from exc


def _no_header_message(path: Path, kind: str, tables: list[RawTable]) -> str:
    examples = (
        "ФИО, Фамилия, Имя, Организация, E-mail"
        if kind == "attendees"
        else "Код, Название, Дата, Начало, Окончание, Зал"
    )
    where = tables[0].label if len(tables) == 1 else f"«{path.name}»"
    return _(
        "No header row found in {file}: none of its first rows names the columns "
        'forumdesk knows (such as {examples}). Name them with --map "Column=field" or '
        "give the header's row number."
    ).format(file=where, examples=examples)


def _check_user_columns(table: RawTable, mapping: ColumnMapping, columns: dict[str, str]) -> None:
    present = {header_key(h) for h in mapping.headers if h.strip()}
    present |= {header_key(column_letter(i)) for i in range(max(len(mapping.headers), 1))}
    for column in columns:
        if header_key(column) not in present:
            listing = quoted_list(mapping.headers)
            raise ImportFileError(
                _(
                    "{table} has no column «{column}» in its header row "
                    "({row}); its columns are {columns}."
                ).format(table=table.label, column=column, row=mapping.header_row, columns=listing)
            )


class Tracker:
    """Reports progress as (done, total); a callback returning False cancels the import."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)

    def _report(self, done: int) -> None:
        if self.callback is not None and self.callback(min(done, self.total), self.total) is False:
            raise CancelledError(_("The import was cancelled; nothing was changed."))

    def step(self, done: int) -> None:
        """Reading and checking: the first half."""
        self._report(min(done, self.total // 2))

    def write_step(self, done: int, count: int) -> None:
        """Writing: the second half."""
        half = self.total // 2
        self._report(half + (self.total - half) * done // max(count, 1))

    def done(self) -> None:
        self._report(self.total)

    def waiting(self) -> None:
        """Waiting for another desk's writing (Database.transaction's `waiting`)."""
        if self.callback is not None and self.callback(WAITING, self.total) is False:
            raise CancelledError(_("The import was cancelled; nothing was changed."))


_collector_lock = threading.Lock()
_collector_pauses = 0  # imports running now (a worker thread each)
_collector_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an import runs, as it was afterwards.

    An import keeps a few objects per row (cells, draft, entity) alive until it ends, and makes
    no reference cycles worth collecting: every few thousand rows the collector would walk the
    whole heap (tens of milliseconds a time, a quarter of the import) and free nothing.
    Reference counting still frees everything at once; the collector resumes when the last
    import running ends and finds what little there is then.
    """
    global _collector_pauses, _collector_was_enabled
    with _collector_lock:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                gc.enable()


def finish_rejects(
    prepared: Prepared,
    options: ImportOptions,
    rejected: list[tuple[list[str], str]],
    summary: ImportSummary,
) -> None:
    """Write the rejects file, if rows were left out on purpose (inside the transaction)."""
    if not (options.skip_invalid and rejected):
        return
    path = (
        Path(options.rejects_path) if options.rejects_path else default_rejects_path(prepared.table)
    )
    try:
        summary.rejects_path = write_rejects(
            path, prepared.table, prepared.mapping.headers, rejected
        )
    except ValidationError as exc:
        raise ImportFileError(exc.message) from exc


@contextlib.contextmanager
def rejects_undone_on_failure(summary: ImportSummary) -> Iterator[None]:
    """If the transaction fails after the rejects file was written, the file goes too."""
    try:
        yield
    except BaseException:
        if summary.rejects_path is not None:
            with contextlib.suppress(OSError):
                summary.rejects_path.unlink()
            summary.rejects_path = None
        summary.written = False
        summary.changes = None
        raise


def take_backup(db: Database, session: Session, summary: ImportSummary) -> None:
    """Copy the database to `<name>.<timestamp>.bak` beside it, first thing in the import's
    unit of work (`session`, which has written nothing yet).

    The transaction holds the write lock from its first statement on, so the copy is the
    database exactly as the import finds it: no other desk can commit in between. Wrap the unit
    of work in `backup_kept_if_written`, which removes the copy when nothing was written.
    """
    session.connection()  # begins the transaction: SQLite's write lock (BEGIN IMMEDIATE)
    summary.backup_path = backup_sqlite_file(db.url)


@contextlib.contextmanager
def backup_kept_if_written(summary: ImportSummary) -> Iterator[None]:
    """The backup take_backup made stays only if the import wrote (a copy of a database that
    did not change is of no use): it goes on an error, a cancel, a dry run or rows refused."""
    try:
        yield
    finally:
        if summary.backup_path is not None and not summary.written:
            with contextlib.suppress(OSError):
                summary.backup_path.unlink()
            summary.backup_path = None


def save_requested_profile(prepared: Prepared, options: ImportOptions) -> None:
    """Save the mapping used, under the name the user gave (--save-profile)."""
    if not options.save_profile:
        return
    columns = prepared.mapping.as_profile_columns()
    for column, name in prepared.columns_chosen.items():  # keep what the user chose to ignore
        if parse_field(name, prepared.kind) == IGNORE:
            columns.setdefault(column, IGNORE)
    profile = ImportProfile(
        name=options.save_profile,
        kind=prepared.kind,
        columns=columns,
        sheet=prepared.sheet_chosen if isinstance(prepared.sheet_chosen, str) else None,
        header_row=prepared.header_row_chosen,
        encoding=options.encoding,
        delimiter=options.delimiter,
        name_order=prepared.name_order,
    )
    try:
        save_profile(profile)
    except ValidationError as exc:
        raise ImportFileError(exc.message) from exc


def reject_message(problem: RowProblem) -> str:
    """A problem as the rejects file's Error column gives it (the row's place, its message)."""
    if problem.column:
        return _("row {row}, column «{column}»: {message}").format(
            row=problem.row, column=problem.column, message=problem.message
        )
    return _("row {row}: {message}").format(row=problem.row, message=problem.message)


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)
