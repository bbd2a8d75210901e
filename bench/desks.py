"""Several desks on one database (issue 12): no edit lost, and how soon the others see it.

    python -m bench.desks --desks N --seconds S --db URL_OR_SQLITE_PATH [--seed K] [--json OUT]

Prepares the database (an SQLite file is created and given the demo forum if it has none; a
PostgreSQL URL is migrated and given the demo forum likewise), then starts N desk processes
(spawned) for S seconds, and one watcher. Each desk opens the database itself and loops: read a
random session, sometimes wait a few milliseconds (so that another desk moves it meanwhile),
then write through the real services with the version it read: a move, a resize, a new title
or a change of people; or undo its own last move or resize from the version that move left
(refused when another desk changed the session since). A ConcurrentEditError is a refusal
(logged with its message); a commit is logged with the version read, the version after, the
fields written and the wall-clock time before and after. The watcher polls `change_detector`
every 50 ms and notes when it first sees each session at each version.

The checker then replays the logs against the final database: per session, the commits form
one chain from the version the run started at (each based on the version the previous one left,
no two based on the same version: 0 lost updates), the final row holds what the last commit of
each field wrote, the database's integrity holds, and every refusal has a reason. Exit status 0
when there is no lost update and integrity holds, else 1.

Lag is measured from the moment a desk's write call returned to the moment the watcher first
saw that session at that version or later (one machine, one clock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WATCH_INTERVAL = 0.05  # seconds between the watcher's polls
TITLE_SUFFIX = " ·"  # marks a title written by a desk: "<title> · d2#17"


# --- what a desk does ---------------------------------------------------------------------------


def _value(value: object) -> object:
    """A written value as the log keeps it (JSON): datetimes as ISO text."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _people(db: Any, session_id: int) -> tuple[Any, ...]:
    from sqlalchemy import select

    from forumdesk.db.models import Assignment
    from forumdesk.services.session_editing import SessionPerson

    with db.reader() as session:
        rows = session.execute(
            select(Assignment.person_id, Assignment.role, Assignment.position)
            .where(Assignment.session_id == session_id)
            .order_by(Assignment.role, Assignment.position, Assignment.person_id)
        ).all()
    return tuple(SessionPerson(p, r, pos) for p, r, pos in rows)


def _people_value(people: Iterable[Any]) -> list[list[str | int]]:
    return sorted([p.person_id, str(getattr(p.role, "value", p.role))] for p in people)


def run_desk(desk: int, url: str, seconds: float, seed: int, log_path: str, setup: dict) -> None:
    """One desk: read a random session, maybe wait, write from what it read; log every outcome."""
    from forumdesk.config import resolve_database_url
    from forumdesk.core.enums import Role
    from forumdesk.core.errors import ConcurrentEditError, ForumdeskError
    from forumdesk.db.migrate import open_database
    from forumdesk.services.placing import move_session, place_session, resize_session
    from forumdesk.services.session_editing import SessionEdit, SessionPerson, save_session
    from forumdesk.services.sessions import get_session

    rng = random.Random(seed * 1000 + desk)
    db = open_database(resolve_database_url(url), desk=desk_label(desk))
    sessions: list[int] = setup["sessions"]
    rooms: list[int] = setup["rooms"]
    pool: list[int] = setup["people"]
    count = 0
    undoable: list[tuple[int, Any, int]] = []  # (session, where it was, version the move left)
    deadline = time.time() + seconds
    with open(log_path, "w", encoding="utf-8") as log:
        while time.time() < deadline:
            undo = undoable.pop() if undoable and rng.random() < 0.15 else None
            if undo is not None:  # undo my last move or resize, from the version it left
                session_id, placement, read = undo
                people = None
            else:
                session_id = rng.choice(sessions)
                row = get_session(db, session_id)
                read = row.version
                people = _people(db, session_id) if rng.random() < 0.2 else None
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0.001, 0.02))  # a person thinking: others move meanwhile
            count += 1
            written: dict[str, object]
            before = time.time()
            try:
                if undo is not None:
                    place_session(db, session_id, placement, expected_version=read)
                    after, kind = read + 1, "undo"
                    written = {
                        "starts_at": placement.starts_at,
                        "ends_at": placement.ends_at,
                        "room_id": placement.room_id,
                    }
                elif people is not None:
                    present = {p.person_id for p in people}
                    absent = [p for p in pool if p not in present]
                    if present and (not absent or rng.random() < 0.5):
                        gone = rng.choice(sorted(present))
                        wanted = tuple(p for p in people if p.person_id != gone)
                    else:
                        wanted = (*people, SessionPerson(rng.choice(absent), Role.SPEAKER, 99))
                    saved = save_session(
                        db,
                        session_id,
                        SessionEdit(people=wanted),
                        expected_version=read,
                        expected_people=people,
                    )
                    after, kind = saved.version, "people"
                    written = {"people": _people_value(saved.people)}
                elif row.starts_at is not None and row.ends_at is not None and rng.random() < 0.6:
                    if rng.random() < 0.6:
                        shift = dt.timedelta(minutes=rng.choice((-30, -15, 15, 30, 45)))
                        start = row.starts_at + shift
                        room = rng.choice(rooms)
                        was = move_session(db, session_id, start, room, expected_version=read)
                        kind = "move"
                        written = {
                            "starts_at": start,
                            "ends_at": start + (row.ends_at - row.starts_at),
                            # an all-rooms session (a break) stays across all rooms, in none
                            "room_id": None if row.all_rooms else room,
                        }
                    else:
                        length = row.ends_at - row.starts_at
                        choices = [m for m in (30, 45, 60, 90, 120) if m * 60 != length.seconds]
                        end = row.starts_at + dt.timedelta(minutes=rng.choice(choices))
                        was = resize_session(db, session_id, end, expected_version=read)
                        kind, written = "resize", {"ends_at": end}
                    after = read + 1  # one update of the row: its version counter moves by one
                    undoable.append((session_id, was, after))
                else:
                    base = row.title.split(TITLE_SUFFIX)[0]
                    title = f"{base}{TITLE_SUFFIX} d{desk}#{count}"
                    saved = save_session(
                        db, session_id, SessionEdit({"title": title}), expected_version=read
                    )
                    after, kind, written = saved.version, "title", {"title": title}
            except ConcurrentEditError as exc:
                entry = {"outcome": "refused", "reason": str(exc), "by": exc.changed_by}
            except ForumdeskError as exc:  # e.g. busy: not a commit, not a refusal of staleness
                entry = {"outcome": "error", "reason": f"{type(exc).__name__}: {exc}"}
            else:
                entry = {
                    "outcome": "commit",
                    "kind": kind,
                    "after": after,
                    "fields": {k: _value(v) for k, v in written.items()},
                }
            entry.update(desk=desk, session=session_id, read=read, t0=before, t1=time.time())
            log.write(json.dumps(entry) + "\n")
    db.dispose()


def desk_label(desk: int) -> str:
    """The name desk number `desk` writes under (`updated_by`), as a refusal names it."""
    return f"desk-{desk}"


def run_watcher(url: str, stop: Any, log_path: str) -> None:
    """Poll the change detector every 50 ms; log when each session is first seen at a version."""
    from sqlalchemy import select

    from forumdesk.config import resolve_database_url
    from forumdesk.db.changes import change_detector
    from forumdesk.db.migrate import open_database
    from forumdesk.db.models import ProgramSession

    db = open_database(resolve_database_url(url))
    detector = change_detector(db)
    with open(log_path, "w", encoding="utf-8") as log:
        while not stop.is_set():  # set once every desk has finished (and a second more)
            changes = detector.poll()
            seen = time.time()
            keys = changes.keys("program_sessions")
            if keys is None or keys:
                query = select(ProgramSession.id, ProgramSession.version)
                if keys is not None:
                    query = query.where(ProgramSession.id.in_(list(keys)))
                with db.reader() as session:
                    for session_id, version in session.execute(query):
                        log.write(json.dumps({"session": session_id, "version": version}) + "\n")
                        log.write(json.dumps({"seen": seen}) + "\n")
            time.sleep(max(0.0, WATCH_INTERVAL - (time.time() - seen)))
    detector.close()
    db.dispose()


# --- preparing the database and reading its state ----------------------------------------------


def prepare(url: str) -> dict[str, Any]:
    """Open (creating) the database, load the demo forum if it has none; what the desks use."""
    from sqlalchemy import select

    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database
    from forumdesk.db.models import Event, Person, Room
    from forumdesk.services.demo import load_demo
    from forumdesk.services.sessions import list_sessions

    db = open_database(resolve_database_url(url))
    try:
        with db.reader() as session:
            event_id = session.scalar(select(Event.id).order_by(Event.id).limit(1))
        if event_id is None:
            load_demo(db)
            with db.reader() as session:
                event_id = session.scalar(select(Event.id).order_by(Event.id).limit(1))
        with db.reader() as session:
            rooms = list(session.scalars(select(Room.id).where(Room.event_id == event_id)))
            people = list(session.scalars(select(Person.id).order_by(Person.id).limit(40)))
        sessions = [row.id for row in list_sessions(db, event_id)]
        return {"event": event_id, "sessions": sessions, "rooms": rooms, "people": people}
    finally:
        db.dispose()


def final_state(url: str) -> tuple[dict[int, dict[str, Any]], list[str]]:
    """Every session's version and checked fields now, and the integrity problems found."""
    from sqlalchemy import text

    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database
    from forumdesk.services.sessions import get_session

    db = open_database(resolve_database_url(url))
    try:
        problems: list[str] = []
        with db.reader() as session:
            ids = [r[0] for r in session.execute(text("SELECT id FROM program_sessions"))]
            if db.is_sqlite:
                result = [r[0] for r in session.execute(text("PRAGMA integrity_check"))]
                if result != ["ok"]:
                    problems += [f"integrity_check: {r}" for r in result]
                for r in session.execute(text("PRAGMA foreign_key_check")):
                    problems.append(f"foreign_key_check: {tuple(r)}")
            else:
                for sql, what in (
                    (
                        "SELECT count(*) FROM assignments a LEFT JOIN program_sessions s"
                        " ON s.id = a.session_id WHERE s.id IS NULL",
                        "assignments without their session",
                    ),
                    (
                        "SELECT count(*) FROM assignments a LEFT JOIN people p"
                        " ON p.id = a.person_id WHERE p.id IS NULL",
                        "assignments without their person",
                    ),
                    (
                        "SELECT count(*) FROM program_sessions s LEFT JOIN rooms r"
                        " ON r.id = s.room_id WHERE s.room_id IS NOT NULL AND r.id IS NULL",
                        "sessions in a missing room",
                    ),
                ):
                    n = session.scalar(text(sql))
                    if n:
                        problems.append(f"{what}: {n}")
        state: dict[int, dict[str, Any]] = {}
        for session_id in ids:
            row = get_session(db, session_id)
            state[session_id] = {
                "version": row.version,
                "title": row.title,
                "starts_at": _value(row.starts_at),
                "ends_at": _value(row.ends_at),
                "room_id": row.room_id,
                "people": _people_value(_people(db, session_id)),
            }
        return state, problems
    finally:
        db.dispose()


# --- the checker --------------------------------------------------------------------------------


@dataclass
class Check:
    """What the checker found."""

    commits: int = 0
    refusals: int = 0
    errors: int = 0
    unexplained_refusals: int = 0
    lost_updates: int = 0
    final_mismatches: int = 0
    integrity: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.lost_updates == 0
            and self.final_mismatches == 0
            and not self.integrity
            and self.unexplained_refusals == 0
        )


def check(
    initial: Mapping[int, Mapping[str, Any]],
    entries: Sequence[Mapping[str, Any]],
    final: Mapping[int, Mapping[str, Any]],
    integrity: Sequence[str] = (),
) -> Check:
    """Replay the desks' logs against the state before and after the run (see the module doc)."""
    result = Check(integrity=list(integrity))
    chains: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for entry in entries:
        if entry["outcome"] == "commit":
            result.commits += 1
            chains[entry["session"]].append(entry)
        elif entry["outcome"] == "refused":
            result.refusals += 1
        else:
            result.errors += 1
    for entry in entries:
        if entry["outcome"] == "refused" and not _explained(entry, chains[entry["session"]]):
            result.unexplained_refusals += 1
            result.findings.append(
                f"session {entry['session']}: desk {entry['desk']} was refused, but "
                f"{entry.get('by')!r} committed nothing to it before: {entry.get('reason')!r}"
            )

    def lost(message: str) -> None:
        result.lost_updates += 1
        result.findings.append(message)

    for session_id, commits in chains.items():
        commits.sort(key=lambda e: (e["read"], e["t1"]))
        version = initial[session_id]["version"]
        fields: dict[str, object] = {}
        for entry in commits:
            if entry["read"] != version:
                lost(
                    f"session {session_id}: desk {entry['desk']} committed from version "
                    f"{entry['read']}, but the version then was {version}"
                )
            version = entry["after"]
            fields.update(entry["fields"])
        now = final.get(session_id)
        if now is None:
            result.final_mismatches += 1
            result.findings.append(f"session {session_id} is gone")
            continue
        if now["version"] != version:
            lost(
                f"session {session_id}: last commit left version {version}, final {now['version']}"
            )
        for name, value in fields.items():
            if now[name] != value:
                result.final_mismatches += 1
                result.findings.append(
                    f"session {session_id}: {name} is {now[name]!r}, last written {value!r}"
                )
    for session_id, now in final.items():  # a session nobody committed to is as it was
        unchanged = session_id not in chains and session_id in initial
        if unchanged and now["version"] != initial[session_id]["version"]:
            lost(f"session {session_id} changed with no commit logged")
    return result


def _explained(refusal: Mapping[str, Any], commits: Sequence[Mapping[str, Any]]) -> bool:
    """A refusal is explained when it says why and names the desk that changed the session,
    and that desk did commit a change to it (past the version read) before the refusal.

    "Before" is the commit's call starting before the refusal's call returned: a commit is
    seen by the other desks from the moment SQLite commits it, which is somewhere inside its
    call, and the call may return well after (the process descheduled on a busy machine, a WAL
    checkpoint run by the committing connection). Its return (t1) is no bound: measured with
    8 desks on 2 cores, a commit refused another desk 62 ms before its own call returned."""
    if not str(refusal.get("reason") or "").strip() or not refusal.get("by"):
        return False
    return any(
        desk_label(commit["desk"]) == refusal["by"]
        and commit["t0"] <= refusal["t1"]
        and (commit["after"] > refusal["read"] or commit["kind"] == "people")
        for commit in commits
    )


def lags(
    entries: Sequence[Mapping[str, Any]], sightings: Sequence[tuple[int, int, float]]
) -> list[float]:
    """Per commit: seconds from its call's return to the watcher's first sight of that session
    at that version or a later one (commits never seen are left out)."""
    seen: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for session_id, version, at in sightings:
        seen[session_id].append((version, at))
    found: list[float] = []
    for entry in entries:
        if entry["outcome"] != "commit":
            continue
        times = [at for version, at in seen[entry["session"]] if version >= entry["after"]]
        if times:
            found.append(max(0.0, min(times) - entry["t1"]))
    return found


def _read_watch(path: Path) -> list[tuple[int, int, float]]:
    found: list[tuple[int, int, float]] = []
    pending: list[tuple[int, int]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if "seen" in item:
            found += [(s, v, item["seen"]) for s, v in pending]
            pending = []
        else:
            pending.append((item["session"], item["version"]))
    return found


def _pct(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- the run ------------------------------------------------------------------------------------


def run(url: str, desks: int, seconds: float, seed: int, logs: Path) -> dict[str, Any]:
    setup = prepare(url)
    initial, _ = final_state(url)
    (logs / "initial.json").write_text(json.dumps(initial), encoding="utf-8")
    ctx = multiprocessing.get_context("spawn")
    stop = ctx.Event()
    watcher = ctx.Process(target=run_watcher, args=(url, stop, str(logs / "watch.jsonl")))
    watcher.start()
    time.sleep(1.5)  # the watcher has its snapshot before the first desk writes
    processes = [
        ctx.Process(
            target=run_desk, args=(n, url, seconds, seed, str(logs / f"desk-{n}.jsonl"), setup)
        )
        for n in range(desks)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    time.sleep(1.0)  # the last commits' sightings
    stop.set()
    watcher.join()
    failed = [p.exitcode for p in [*processes, watcher] if p.exitcode != 0]
    entries: list[dict[str, Any]] = []
    for n in range(desks):
        path = logs / f"desk-{n}.jsonl"
        if path.exists():
            entries += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    final, integrity = final_state(url)
    if failed:
        integrity = [*integrity, f"processes that failed (exit codes): {failed}"]
    result = check(initial, entries, final, integrity)
    commits = [e for e in entries if e["outcome"] == "commit"]
    latencies = [e["t1"] - e["t0"] for e in commits]
    lag = lags(entries, _read_watch(logs / "watch.jsonl"))
    span = max(e["t1"] for e in entries) - min(e["t0"] for e in entries) if entries else seconds

    def ms(value: float | None) -> float | None:
        return None if value is None else round(value * 1000, 1)

    return {
        "database": "sqlite" if "://" not in url or url.startswith("sqlite") else "postgresql",
        "desks": desks,
        "seconds": seconds,
        "seed": seed,
        "attempts": len(entries),
        "commits": result.commits,
        "commits_per_second": round(result.commits / span, 1) if span > 0 else None,
        "by_kind": dict(sorted(_count(e["kind"] for e in commits).items())),
        "refusals": result.refusals,
        "unexplained_refusals": result.unexplained_refusals,
        "refusal_example": next((e["reason"] for e in entries if e["outcome"] == "refused"), None),
        "other_errors": result.errors,
        "write_latency_p50_ms": ms(_pct(latencies, 0.5)),
        "write_latency_p95_ms": ms(_pct(latencies, 0.95)),
        "lost_updates": result.lost_updates,
        "final_mismatches": result.final_mismatches,
        "integrity": "ok" if not result.integrity else result.integrity,
        "lag_commits_seen": len(lag),
        "lag_commits_unseen": result.commits - len(lag),
        "lag_p50_ms": ms(_pct(lag, 0.5)),
        "lag_p95_ms": ms(_pct(lag, 0.95)),
        "lag_max_ms": ms(max(lag) if lag else None),
        "findings": result.findings[:20],
        "ok": result.ok,
    }


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.desks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--db", required=True, help="an SQLite file path or a PostgreSQL URL")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    parser.add_argument("--logs", type=Path, help="keep the desks' logs in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="forumdesk-desks-") as scratch:
        logs = args.logs or Path(scratch)
        logs.mkdir(parents=True, exist_ok=True)
        report = run(args.db, args.desks, args.seconds, args.seed, logs)
    for key, value in report.items():
        if key != "findings":
            print(f"{key:>22}: {value}")
    for finding in report["findings"]:
        print(f"  ! {finding}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
