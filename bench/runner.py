"""`python -m bench`: run the scenarios, print the table, write the results as JSON.

    python -m bench                      every scenario, 5 runs each (about 5-10 minutes)
    python -m bench --quick              3 runs, smaller inputs where building them takes long
    python -m bench --only import,export just these (see --list)
    python -m bench --json out.json      also write the results there
    python -m bench --markdown           print the table as Markdown (as the README keeps it)

The inputs are generated into a scratch folder first (deleted afterwards unless --keep DIR); each
measurement then runs in a process of its own with the data, settings and log folders pointed
into that scratch folder, so the user's own forumdesk data is never touched. Results always go to
bench/results/latest.json (and the Markdown table to latest.md; --results DIR to put them
elsewhere) as well.

Exit status: 0 when every chosen scenario produced its figure (missed targets included: they are
findings, not failures of the command), 1 when one could not run, 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import machine, report
from bench.datasets import Datasets
from bench.scenarios import Scenario, Step, by_name, scenarios

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_RUNS, QUICK_RUNS = 5, 3
WORKER_TIMEOUT_S = 1800


class StepError(RuntimeError):
    """A measurement that produced no figure; the message says why."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Time forumdesk at the top of its range (issue 7)."
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_RUNS} runs and smaller inputs (the table marks them)",
    )
    parser.add_argument(
        "--only",
        metavar="NAMES",
        help="comma-separated scenarios to run (default: all; see --list)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        metavar="N",
        help=f"timed runs per figure (default {DEFAULT_RUNS}, --quick "
        f"{QUICK_RUNS}); each figure also has one untimed warm-up run",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results to PATH")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="generate the inputs into DIR and keep them"
    )
    parser.add_argument(
        "--results",
        type=Path,
        metavar="DIR",
        default=RESULTS,
        help="where latest.json and latest.md go (default: bench/results)",
    )
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    known = by_name(args.quick)
    if args.list:
        for scenario in known.values():
            print(f"{scenario.name:<18} {scenario.title}  [target: {scenario.target}]")
        return 0
    chosen = list(known.values())
    if args.only:
        names = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = [name for name in names if name not in known]
        if unknown or not names:
            parser.error(
                f"unknown scenario {', '.join(unknown) or '(none given)'}; choose from "
                f"{', '.join(known)}"
            )
        chosen = [scenario for scenario in scenarios(args.quick) if scenario.name in names]
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    runs = args.runs or (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = _run_all(chosen, known, args.keep.resolve(), runs, args.quick)
    else:
        with tempfile.TemporaryDirectory(prefix="forumdesk-bench-") as scratch:
            results = _run_all(chosen, known, Path(scratch), runs, args.quick)
    _write(results, args.results, args.json)
    table = report.markdown_table if args.markdown else report.text_table
    print(
        f"\nforumdesk benchmark, {results['finished']}, {runs} runs per figure"
        + (" (--quick)" if args.quick else "")
    )
    print(machine.summary(results["machine"]))
    print(f"load average before/after: {results['load_before']} / {results['load_after']}\n")
    print(table(results["scenarios"]))
    print()
    for line in report.notes(results["scenarios"]):
        print(("- " if args.markdown else "  ") + line)
    return 1 if any(r["error"] for r in results["scenarios"]) else 0


def _run_all(
    chosen: list[Scenario], known: dict[str, Scenario], scratch: Path, runs: int, quick: bool
) -> dict[str, Any]:
    started = time.perf_counter()
    load_before = machine.load_average()
    env = _environment(scratch)
    datasets = Datasets(scratch / "data")
    datasets.folder.mkdir(parents=True, exist_ok=True)
    records: dict[str, dict[str, Any]] = {}
    medians: dict[str, dict[str, Any]] = {}  # raw results, for scenarios measured against them
    for scenario in chosen:
        if scenario.skipped:
            _progress(f"{scenario.name}: {scenario.skipped}")
            records[scenario.name] = report.evaluate(scenario, None, None)
            continue
        count = scenario.runs or runs
        try:
            baseline = None
            if scenario.baseline is not None:
                _progress(f"{scenario.name}: baseline ({scenario.baseline.label}), {count} runs")
                baseline = _step(
                    scenario.baseline, f"{scenario.name}-baseline", count, datasets, scratch, env
                )
            elif scenario.baseline_of is not None:
                baseline = medians.get(scenario.baseline_of)
                if baseline is None:  # the other scenario was not chosen: measure it now
                    other = known[scenario.baseline_of]
                    _progress(f"{scenario.name}: baseline ({other.title}), {count} runs")
                    baseline = _step(
                        other.measure, f"{scenario.name}-baseline", count, datasets, scratch, env
                    )
            _progress(f"{scenario.name}: {scenario.title}, {count} runs")
            measured = _step(scenario.measure, scenario.name, count, datasets, scratch, env)
        except StepError as exc:
            _progress(f"{scenario.name}: could not run: {exc}")
            records[scenario.name] = report.evaluate(scenario, None, None, error=str(exc))
            continue
        medians[scenario.name] = measured
        records[scenario.name] = report.evaluate(scenario, measured, baseline)
    return {
        "benchmark": "forumdesk",
        "quick": quick,
        "runs": runs,
        "finished": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "machine": machine.describe(),
        "load_before": load_before,
        "load_after": machine.load_average(),
        "datasets": {name: round(seconds, 2) for name, seconds in datasets.seconds.items()},
        "scenarios": [records[s.name] for s in chosen],
    }


def _environment(scratch: Path) -> dict[str, str]:
    """The measuring processes' environment: offscreen, and every user folder in `scratch`."""
    home = scratch / "home"
    env = dict(os.environ)
    env.pop("FORUMDESK_DB", None)
    env.pop("FORUMDESK_QUIT_AFTER_MS", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Installed programs run from compiled bytecode (pip compiles it at install time); so do
    # the measurements, from a cache of their own that the first process of the run fills,
    # whatever PYTHONDONTWRITEBYTECODE says and without writing into the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        env[variable] = str(home / folder)
        (home / folder).mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":  # platformdirs' folders there
        env["LOCALAPPDATA"] = env["APPDATA"] = str(home / "appdata")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    return env


def _step(
    step: Step, name: str, runs: int, datasets: Datasets, scratch: Path, env: dict[str, str]
) -> dict[str, Any]:
    try:
        data = {job_name: str(datasets.get(dataset)) for job_name, dataset in step.data}
    except Exception as exc:  # a feature the input needs (e.g. the export) is not there yet
        raise StepError(f"its input could not be made: {type(exc).__name__}: {exc}") from exc
    jobs = scratch / "jobs"
    jobs.mkdir(parents=True, exist_ok=True)
    spec_path, result_path = jobs / f"{name}.json", jobs / f"{name}.result.json"
    result_path.unlink(missing_ok=True)
    spec = {
        "function": step.function,
        "runs": runs,
        "warmup": 1,
        "params": step.params,
        "data": data,
        "workdir": str(scratch / "work" / name),
    }
    spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.worker", str(spec_path), str(result_path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=WORKER_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise StepError(f"no result within {WORKER_TIMEOUT_S} s") from exc
    if not result_path.exists():
        raise StepError(
            f"the measuring process ended with status {done.returncode}: {_last_words(done.stderr)}"
        )
    result: dict[str, Any] = json.loads(result_path.read_text(encoding="utf-8"))
    if "error" in result:
        raise StepError(result["error"])
    if not result.get("samples"):
        raise StepError("the measurement produced no samples")
    return result


def _last_words(stderr: str) -> str:
    """What a crashed process said last that explains it (a fatal error beats a traceback)."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("Fatal Python error"):
            return line
    errors = [line for line in lines if "Error" in line or "error" in line]
    return (errors or lines or ["(nothing on stderr)"])[-1][:300]


def _write(results: dict[str, Any], folder: Path, extra: Path | None) -> None:
    text = json.dumps(results, ensure_ascii=False, indent=2)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "latest.json").write_text(text + "\n", encoding="utf-8")
    (folder / "latest.md").write_text(
        report.markdown_table(results["scenarios"]) + "\n", encoding="utf-8"
    )
    if extra is not None:
        extra.parent.mkdir(parents=True, exist_ok=True)
        extra.write_text(text + "\n", encoding="utf-8")


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)
