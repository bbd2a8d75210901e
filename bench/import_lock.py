"""How long an attendee import holds SQLite's write lock (issue 13, item 8), before and after.

    python -m bench.import_lock [--rows 100000] [--runs 3] [--before REV] [--json OUT]

An import used to clean and match every row inside its write transaction, so for a 100,000-row
list the lock was held for seconds (against a 5 s busy timeout: other desks' imports failed).
Now it reads, cleans and matches first and takes the lock only to re-check and write. This
measures both in the same run: "before" is forumdesk as it was at git revision REV (default:
the commit before the change; extracted with `git archive` into the scratch folder), "after"
is this checkout. Each run is a fresh process on a fresh database with one event: a first
import of the file (everyone new, registered for the event), then a re-import of the same file
(everyone found, nothing to write but their registrations' check). The figure is the time from
the write transaction's BEGIN IMMEDIATE to the connection's return to the pool after COMMIT,
summed over the import's write transactions, beside the import's whole time; medians of
--runs runs (after an untimed warm-up of each), their range, and the after/before ratio.

Timings are figures, not test assertions: run it on a quiet machine and read the ratios.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.attendees import ATTENDEE_HEADER, attendee_row, synthetic_people

REPOSITORY = Path(__file__).resolve().parent.parent
BEFORE_REVISION = "d319318"  # the last commit whose import cleaned rows under the write lock

# Runs in a process of its own, with PYTHONPATH pointing at the forumdesk being measured.
_CHILD = r"""
import json, sys, time
from sqlalchemy import event
import forumdesk
from forumdesk.config import resolve_database_url
from forumdesk.db.migrate import open_database
from forumdesk.services.events import create_event
from forumdesk.services.imports import import_attendees

db_path, path, out = sys.argv[1:4]
db = open_database(resolve_database_url(db_path))
forum = create_event(db, "Forum", "2027-05-12", timezone="Asia/Almaty")
began, holds = {}, []

def on_begin(connection):
    if not connection.get_execution_options().get("forumdesk_read_only", False):
        began[id(connection.connection.driver_connection)] = time.perf_counter()

def on_checkin(dbapi_connection, _record):
    start = began.pop(id(dbapi_connection), None)
    if start is not None:
        holds.append(time.perf_counter() - start)

event.listen(db.engine, "begin", on_begin)  # after forumdesk's own: once BEGIN IMMEDIATE is done
event.listen(db.engine.pool, "checkin", on_checkin)
result = {"forumdesk": forumdesk.__file__}
for name in ("first", "again"):
    holds.clear()
    start = time.perf_counter()
    summary = import_attendees(db, path, event_id=forum.id)
    result[name] = {
        "total": time.perf_counter() - start,
        "hold": sum(holds),
        "transactions": len(holds),
        "created": summary.created,
        "registered": summary.registered,
    }
with open(out, "w") as stream:
    json.dump(result, stream)
"""


def write_attendee_csv(path: Path, rows: int) -> Path:
    """The bench's synthetic attendee list as CSV (the file format does not touch the lock)."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(ATTENDEE_HEADER)
        for person in synthetic_people(rows):
            writer.writerow(["" if v is None else v for v in attendee_row(person)])
    return path


def extract_revision(revision: str, target: Path) -> Path:
    """forumdesk (and its resources) as at `revision`, unpacked into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(REPOSITORY), "archive", revision, "forumdesk", "resources"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def measure(source: Path, data: Path, scratch: Path, label: str) -> dict[str, Any]:
    """One fresh process, one fresh database: the first import and the re-import."""
    out = scratch / f"{label}.json"
    db_path = scratch / f"{label}.sqlite3"
    for leftover in scratch.glob(f"{label}.sqlite3*"):
        leftover.unlink()
    env = {
        **os.environ,
        "PYTHONPATH": str(source),
        "XDG_DATA_HOME": str(scratch / "data"),
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "XDG_STATE_HOME": str(scratch / "state"),
        "XDG_CACHE_HOME": str(scratch / "cache"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    subprocess.run(
        [sys.executable, "-c", _CHILD, str(db_path), str(data), str(out)],
        check=True,
        cwd=scratch,  # not the checkout: PYTHONPATH alone says which forumdesk runs
        env=env,
    )
    result: dict[str, Any] = json.loads(out.read_text())
    if not result["forumdesk"].startswith(str(source)):
        raise SystemExit(f"{label}: ran {result['forumdesk']}, not the copy in {source}")
    return result


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):7.3f} s ({min(values):.3f}–{max(values):.3f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", default=BEFORE_REVISION, help="git revision of 'before'")
    parser.add_argument("--json", type=Path, help="also write the figures there")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="forumdesk-lock-") as folder:
        scratch = Path(folder)
        data = write_attendee_csv(scratch / "attendees.csv", args.rows)
        sources = {
            "before": extract_revision(args.before, scratch / "before"),
            "after": REPOSITORY,
        }
        figures: dict[str, dict[str, dict[str, list[float]]]] = {
            label: {name: {"hold": [], "total": []} for name in ("first", "again")}
            for label in sources
        }
        for run in range(args.runs + 1):  # run 0 warms the file cache up, untimed
            for label, source in sources.items():  # interleaved: both see the same machine
                result = measure(source, data, scratch, label)
                shown = {k: result[k] for k in ("first", "again")}
                print(f"run {run} {label}: {json.dumps(shown)}", flush=True)
                if run:
                    for name in ("first", "again"):
                        for figure in ("hold", "total"):
                            figures[label][name][figure].append(result[name][figure])
    print(f"\nWrite-lock hold, {args.rows:,} rows; median of {args.runs} (range)")
    for name, title in (("first", "first import"), ("again", "re-import of the same file")):
        before, after = figures["before"][name], figures["after"][name]
        ratio = statistics.median(after["hold"]) / statistics.median(before["hold"])
        print(f"  {title}:")
        print(f"    before  hold {_median(before['hold'])}   import {_median(before['total'])}")
        print(f"    after   hold {_median(after['hold'])}   import {_median(after['total'])}")
        print(f"    after/before hold: {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"rows": args.rows, "figures": figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
