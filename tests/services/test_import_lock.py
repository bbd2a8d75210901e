"""An attendee import holds the write lock only to write (issue 13, item 8): it cleans and
matches first, re-checks inside the transaction what moved meanwhile, and waits for another
desk's import instead of failing after the busy timeout."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

from forumdesk.core.progress import WAITING
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import SQLITE_BUSY_TIMEOUT_MS, Database
from forumdesk.services.assignments import event_registrations
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.imports import import_attendees
from forumdesk.services.people import create_person, search_people
from tests.io.spreadsheets import ATTENDEE_HEADER, write_csv


def _rows(prefix: str, count: int) -> list[list[object]]:
    return [
        [f"Фамилия{prefix}{n}", "Имя", None, f"Org {prefix}", None, "KZ", f"{prefix}{n}@ex.kz"]
        for n in range(count)
    ]


def test_a_person_added_while_the_import_waits_is_matched_not_duplicated(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path
) -> None:
    """The snapshot is read without the lock; the re-check inside the lock sees the newcomer."""
    path = write_csv(tmp_path / "list.csv", [ATTENDEE_HEADER, *_rows("a", 300)])
    holder = sqlite3.connect(db_path, isolation_level=None)
    waits: list[int] = []

    def progress(done: int, total: int) -> bool:
        if done == WAITING:
            if not waits:  # another desk adds row 7's person, then lets go of the lock
                holder.execute("ROLLBACK")
                create_person(db, "Фамилияa7", "Имя", email="a7@ex.kz", organization="Org a")
            waits.append(done)
        elif not holder.in_transaction and not waits:
            holder.execute("BEGIN IMMEDIATE")  # another desk writing while this one reads
        return True

    with closing(holder):
        summary = import_attendees(db, path, event_id=event.id, progress=progress)
    assert waits, "the import never had to wait for the lock"
    assert summary.written and (summary.created, summary.updated) == (299, 1)  # its country
    found = search_people(db, "a7@ex.kz")
    assert len(found) == 1
    assert len(search_people(db, "@ex.kz")) == 300
    assert len(event_registrations(db, event.id)) == 300


def test_a_person_changed_meanwhile_is_updated_from_what_they_are_now(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path
) -> None:
    person = create_person(db, "Фамилияb1", "Имя", email="b1@ex.kz", organization="Org b")
    path = write_csv(tmp_path / "list.csv", [ATTENDEE_HEADER, *_rows("b", 3)])
    holder = sqlite3.connect(db_path, isolation_level=None)
    waits: list[int] = []

    def progress(done: int, total: int) -> bool:
        if done == WAITING:
            if not waits:  # meanwhile another desk gives b1 a new e-mail: row 2 is new now
                holder.execute("ROLLBACK")
                with db.transaction() as session:
                    from forumdesk.db.models import Person

                    row = session.get(Person, person.id)
                    assert row is not None
                    row.email = "moved@ex.kz"
            waits.append(done)
        elif not holder.in_transaction and not waits:
            holder.execute("BEGIN IMMEDIATE")
        return True

    with closing(holder):
        summary = import_attendees(db, path, event_id=event.id, progress=progress)
    assert waits and summary.written
    assert summary.created == 3  # b1@ex.kz is nobody's any more; the name alone does not match
    assert {p.email for p in search_people(db, "Фамилияb1")} == {"moved@ex.kz", "b1@ex.kz"}


_CHILD = textwrap.dedent(
    """
    import json, sys
    from forumdesk.config import resolve_database_url
    from forumdesk.core.progress import WAITING
    from forumdesk.db.migrate import open_database
    from forumdesk.services.imports import import_attendees

    db_path, path, event_id, out = sys.argv[1:5]
    db = open_database(resolve_database_url(db_path))
    waited = []
    def progress(done, total):
        if done == WAITING:
            if not waited:
                open(out + ".waiting", "w").close()
            waited.append(1)
        return True
    summary = import_attendees(db, path, event_id=int(event_id), progress=progress)
    with open(out, "w") as f:
        json.dump({"created": summary.created, "waited": len(waited)}, f)
    """
)


def test_five_simultaneous_imports_all_succeed_and_write_every_row_once(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path
) -> None:
    """Each file holds 200 people of its own and the same 200 as the others; another desk holds
    the lock for longer than the busy timeout while they start."""
    shared = _rows("s", 200)
    files = [
        write_csv(tmp_path / f"desk{n}.csv", [ATTENDEE_HEADER, *_rows(f"d{n}_", 200), *shared])
        for n in range(5)
    ]
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(db_path), str(f), str(event.id), f"{f}.json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    try:
        # every desk is waiting for the lock; let them wait past the busy timeout, then let go
        markers = [Path(f"{f}.json.waiting") for f in files]
        deadline = time.monotonic() + 240
        while not all(m.exists() for m in markers) and time.monotonic() < deadline:
            assert all(child.poll() is None for child in children), "an import ended early"
            time.sleep(0.1)
        time.sleep(SQLITE_BUSY_TIMEOUT_MS / 1000 + 1)
    finally:
        holder.rollback()
        holder.close()
        results = [child.communicate(timeout=300) for child in children]
    for child, (_out, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
    assert all(m.exists() for m in markers)
    reports = [json.loads(Path(f"{f}.json").read_text()) for f in files]
    assert all(r["waited"] for r in reports)
    assert sum(r["created"] for r in reports) == 5 * 200 + 200
    with closing(sqlite3.connect(db_path)) as check:
        emails = [e for (e,) in check.execute("SELECT email FROM people")]
        assert len(emails) == len(set(emails)) == 5 * 200 + 200
        orgs = [n for (n,) in check.execute("SELECT name FROM organizations")]
        assert len(orgs) == len(set(orgs)) == 6
        registrations = check.execute(
            "SELECT count(*), count(DISTINCT person_id) FROM registrations WHERE event_id = ?",
            (event.id,),
        ).fetchone()
        assert tuple(registrations) == (1200, 1200)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_dry_run_never_waits_for_the_lock(
    db: Database, db_path: Path, event: EventRow, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "list.csv", [ATTENDEE_HEADER, *_rows("c", 50)])
    reports: list[int] = []
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with closing(holder):
        summary = import_attendees(
            db,
            path,
            event_id=event.id,
            options=ImportOptions(dry_run=True),
            progress=lambda done, _total: reports.append(done),
        )
        holder.rollback()
    assert summary.created == 50 and not summary.written
    assert reports and WAITING not in reports
    assert search_people(db, "@ex.kz") == []
