"""Start-up: process start to the main window painted, on the L database, offscreen.

Each run starts bench.launch_window in a new process (the same path as `python -m forumdesk
--db L.sqlite3`) and takes the time it reports at the end of the first paint; the baseline is
the same launcher showing an empty QMainWindow, so interpreter and Qt start-up are in both.
The warm-up launch fills the operating system's file cache, as any second start of a program
on an office PC would find it. Peak memory is the window process's own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import Measured
from bench.worker import WorkerJob

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 120


def launch(mode: str, database: Path | None) -> dict[str, object]:
    command = [sys.executable, "-m", "bench.launch_window", mode]
    if database is not None:
        command.append(str(database))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["BENCH_T0"] = repr(time.perf_counter())
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=TIMEOUT_S,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"the {mode} window did not start: {(done.stderr or done.stdout).strip()[-500:]}"
        )
    result: dict[str, object] = json.loads(lines[-1])
    if "error" in result:
        raise RuntimeError(str(result["error"]))
    return result


def measure_window(job: WorkerJob) -> Measured:
    mode = str(job.params["mode"])
    database = job.path("forum") if mode == "forumdesk" else None
    samples: list[float] = []
    peaks: list[float] = []
    title = ""
    for number in range(job.warmup + job.runs):
        result = launch(mode, database)
        if number >= job.warmup:
            samples.append(float(result["painted"]))  # type: ignore[arg-type]
            if result.get("peak_memory_mb") is not None:
                peaks.append(float(result["peak_memory_mb"]))  # type: ignore[arg-type]
        title = str(result.get("title", ""))
    if mode == "forumdesk" and title.strip() == "forumdesk":
        raise RuntimeError("forumdesk started without an event: the database was not used")
    notes = [f"window: «{title}»"] if mode == "forumdesk" else []
    return Measured(samples, max(peaks) if peaks else None, notes=notes)
