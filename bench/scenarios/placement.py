"""Automatic placement (issue 19): event L placed from scratch, and the side-by-side with
PyconUK's conference-scheduler.

- `measure_event_l`: a copy of forum L (300 sessions, 15 rooms, 3 days, 20,000 assignments)
  with every session taken off the timetable; the figure is `propose_placement` end to end
  (reading the event, the first placement, CP-SAT with the default 8-second limit, the answer)
  with the event's hours as the generated programme runs them, 08:30–19:30. Every run's
  proposal is checked by the clash checker: a hard violation or a session left unplaced fails
  the scenario.
- `measure_side_by_side`: forumdesk's solver on the issue's instance (bench.pyconuk_instance:
  100 one-hour sessions, 6 rooms × 3 days × 8 slots, four people each).
- `measure_pyconuk`: conference-scheduler (PuLP + CBC) on the same instance, once, in a process
  of its own that is stopped at `cap` seconds: if it has not finished by then, its time is the
  cap and the notes say so (its real time is longer, so the ratio is kinder to it than it is).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import Measured, repeat
from bench.pyconuk_instance import instance, run_forumdesk
from bench.worker import WorkerJob
from forumdesk.config import resolve_database_url
from forumdesk.db.migrate import open_database
from forumdesk.scheduling.checker import CheckSession, Severity, find_problems
from forumdesk.scheduling.placement_model import PlacementInput, PlacementSettings, Spot
from forumdesk.services.events import resolve_event

ROOT = Path(__file__).resolve().parents[2]
L_HOURS = (dt.time(8, 30), dt.time(19, 30))  # the generated programme's day (bench.generator)


def _errors(data: PlacementInput, spots: tuple[Spot, ...]) -> int:
    where = {spot.session_id: spot for spot in spots}
    placed = []
    for s in data.sessions:
        spot = where.get(s.id)
        placed.append(
            s
            if spot is None
            else CheckSession(
                s.id,
                s.code,
                s.title,
                s.kind,
                spot.room_id,
                spot.starts_at,
                spot.ends_at,
                s.expected_audience,
                spot.all_rooms,
            )
        )
    problems = find_problems(
        placed, data.rooms, data.assignments, data.people, data.unavailability, data.settings
    )
    return sum(p.severity == Severity.ERROR for p in problems)


def measure_event_l(job: WorkerJob) -> Measured:
    from forumdesk.services import placing, sessions
    from forumdesk.services.auto_placement import propose_placement, read_placement_input

    target = job.workdir / "forum.sqlite3"
    shutil.copyfile(job.path("forum"), target)
    db = open_database(resolve_database_url(str(target)))
    event = resolve_event(db, None)
    ids = [row.id for row in sessions.list_sessions(db, event.id)]
    placing.unschedule_sessions(db, ids, expected_versions=None)
    data = read_placement_input(db, event.id)
    settings = PlacementSettings(*L_HOURS)
    proposals = []
    samples = repeat(
        lambda: proposals.append(propose_placement(db, event.id, settings)), job.runs, job.warmup
    )
    checked = [(len(p.spots), len(p.unplaced), _errors(data, p.spots), p.score) for p in proposals]
    db.dispose()
    failed = [c for c in checked if c[1] or c[2]]
    if failed:
        placed, unplaced, errors, _score = failed[0]
        raise RuntimeError(
            f"{placed} of {len(ids)} sessions placed, {unplaced} left off, "
            f"{errors} hard violations (clash checker errors)"
        )
    scores = sorted({c[3] for c in checked})
    return Measured(
        samples,
        notes=[
            f"{len(ids)} sessions in {len(data.rooms)} rooms over 3 days, "
            f"{len(data.assignments):,} assignments; every run placed all {len(ids)} with "
            f"0 clash-checker errors (preference penalty {', '.join(map(str, scores))}); "
            f"time limit {settings.time_limit:g} s, day {L_HOURS[0]:%H:%M}–{L_HOURS[1]:%H:%M}"
        ],
        extra={"placed": len(ids), "errors": 0, "scores": scores},
    )


def measure_side_by_side(job: WorkerJob) -> Measured:
    data = instance()
    outcomes = []
    samples = repeat(
        lambda: outcomes.append(run_forumdesk(data, float(job.params.get("time_limit", 8.0)))),
        job.runs,
        job.warmup,
    )
    last = outcomes[-1]
    if last.errors or last.placed < len(data.sessions):
        raise RuntimeError(f"{last.placed} placed, {last.errors} hard violations")
    return Measured(
        samples,
        notes=[
            f"forumdesk: {last.placed} of {len(data.sessions)} placed, {last.errors} errors, "
            f"seats short {last.seats_short} in total, {last.worst_short} at worst"
        ],
        extra={"placed": last.placed, "seats_short": last.seats_short},
    )


def measure_pyconuk(job: WorkerJob) -> Measured:
    """One run of conference-scheduler, stopped at the cap (its build and solve alike)."""
    cap = float(job.params["cap"])
    code = (
        "import json\n"
        "from bench.pyconuk_instance import instance, run_conference_scheduler\n"
        f"outcome = run_conference_scheduler(instance(), time_limit={cap!r})\n"
        "print(json.dumps(outcome.__dict__))\n"
    )
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # CBC runs as a child: the whole group is stopped at the cap
    )
    try:
        out, err = process.communicate(timeout=cap + 5)
        finished = True
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
        process.communicate()
        out, err, finished = "", "", False
    wall = time.perf_counter() - began
    if finished and process.returncode != 0:
        last = (err.strip().splitlines() or ["?"])[-1]
        if "No module named" in last:
            raise RuntimeError("conference-scheduler is not installed: pip install -e '.[bench]'")
        if "No valid solution" not in last:
            raise RuntimeError(f"conference-scheduler failed: {last}")
    outcome = json.loads(out.strip().splitlines()[-1]) if finished and out.strip() else None
    if outcome is None or outcome["seconds"] >= cap * 0.98:
        note = (
            f"conference-scheduler did not finish within the {cap:g} s cap "
            f"(stopped after {wall:.0f} s wall time"
            + (
                f"; CBC's best by then: {outcome['placed']} placed, {outcome['errors']} errors, "
                f"seats short {outcome['seats_short']}"
                if outcome
                else "; nothing found by then"
            )
            + "): the cap is taken as its time"
        )
        seconds = cap
    else:
        seconds = float(outcome["seconds"])
        note = (
            f"conference-scheduler: {outcome['placed']} placed, {outcome['errors']} errors, "
            f"seats short {outcome['seats_short']} in total, {outcome['worst_short']} at worst"
        )
    return Measured([seconds], notes=[note], extra={"finished": seconds < cap})
