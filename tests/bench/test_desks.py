"""The several-desks stress harness (issue 12): a short real run, and a checker that can fail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import desks


def _entries(logs: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted(logs.glob("desk-*.jsonl")):
        found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


def _initial(logs: Path) -> dict[int, dict[str, Any]]:
    raw = json.loads((logs / "initial.json").read_text(encoding="utf-8"))
    return {int(k): v for k, v in raw.items()}


def run_small(db: str, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    logs, out = tmp_path / "logs", tmp_path / "report.json"
    code = desks.main(
        ["--desks", "3", "--seconds", "3", "--db", db, "--logs", str(logs), "--json", str(out)]
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0, report
    return report, logs


def assert_sound_and_checkable(db: str, report: dict[str, Any], logs: Path) -> None:
    assert report["commits"] > 0
    assert report["lost_updates"] == 0
    assert report["final_mismatches"] == 0
    assert report["integrity"] == "ok"
    assert report["unexplained_refusals"] == 0
    assert report["lag_commits_seen"] > 0
    entries = _entries(logs)
    initial = _initial(logs)
    final, integrity = desks.final_state(db)
    assert desks.check(initial, entries, final, integrity).ok

    # a doctored log: a second desk "committed" from a version someone had already written over
    first = next(e for e in entries if e["outcome"] == "commit")
    stale = {**first, "desk": 99, "t1": first["t1"] + 1}
    doctored = desks.check(initial, [*entries, stale], final, integrity)
    assert doctored.lost_updates >= 1
    assert not doctored.ok

    # a doctored log: the last write of a session is not what the database holds
    last = max((e for e in entries if e["outcome"] == "commit"), key=lambda e: e["after"])
    name = next(iter(last["fields"]))
    changed = {**last, "fields": {**last["fields"], name: "something else"}}
    wrong = desks.check(initial, [e for e in entries if e is not last] + [changed], final)
    assert wrong.final_mismatches >= 1
    assert not wrong.ok

    # a refusal without a reason, or naming a desk that wrote nothing to it, is caught
    silent = {**first, "outcome": "refused", "reason": ""}
    assert desks.check(initial, [*entries, silent], final).unexplained_refusals == 1
    blamed = {**first, "outcome": "refused", "reason": "changed", "by": "desk-42"}
    assert desks.check(initial, [*entries, blamed], final).unexplained_refusals == 1
    refusals = [e for e in entries if e["outcome"] == "refused"]
    assert all(e["by"] and e["by"].startswith("desk-") for e in refusals)


def test_desks_on_an_sqlite_file_lose_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "forum.sqlite")
    report, logs = run_small(db, tmp_path)
    assert report["database"] == "sqlite"
    assert_sound_and_checkable(db, report, logs)


def test_lag_is_measured_from_the_commit_to_the_first_sighting() -> None:
    entries = [
        {"outcome": "commit", "session": 1, "after": 3, "t0": 9.9, "t1": 10.0},
        {"outcome": "commit", "session": 2, "after": 5, "t0": 9.9, "t1": 10.0},
    ]
    sightings = [(1, 2, 10.1), (1, 4, 10.3), (2, 4, 10.2)]  # session 2 never seen at 5
    assert desks.lags(entries, sightings) == [pytest.approx(0.3)]


def test_a_refusal_is_explained_by_a_commit_seen_before_its_call_returned() -> None:
    """A commit is visible from inside its call: a refusal it caused may return first (as
    measured on a busy machine); a commit that began only after the refusal ended explains
    nothing, nor does one of another desk or below the version read."""
    refusal = {
        "outcome": "refused", "session": 15, "desk": 3, "read": 4, "reason": "S8 was changed",
        "by": "desk-1", "t0": 10.00, "t1": 10.04,
    }  # fmt: skip
    commit = {"outcome": "commit", "session": 15, "desk": 1, "kind": "title", "read": 4}
    returned_later = {**commit, "after": 5, "t0": 10.01, "t1": 10.11}
    assert desks._explained(refusal, [returned_later])
    began_after = {**returned_later, "t0": 10.05, "t1": 10.06}
    assert not desks._explained(refusal, [began_after])
    other_desk = {**returned_later, "desk": 2}
    assert not desks._explained(refusal, [other_desk])
    older = {**returned_later, "read": 3, "after": 4}
    assert not desks._explained(refusal, [older])
