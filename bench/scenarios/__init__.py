"""The scenarios of issue 7: what each measures, its baseline, its input and its target.

A scenario's figure and its baseline are each measured in a process of their own (bench.worker
runs `module:function` from this package). `scenarios(quick)` gives the list; --quick shrinks
the inputs that take long to build or run and says so in each scenario's `reduced` note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Step:
    """A measurement: a function of bench.scenarios.* run in its own process."""

    function: str  # "module:function"
    params: dict[str, Any] = field(default_factory=dict)
    data: tuple[tuple[str, str], ...] = ()  # (name in the job, dataset name)
    label: str = ""  # what the baseline is, for the table's notes


@dataclass(frozen=True, slots=True)
class Limits:
    """The target's numbers: each present one must hold for a pass."""

    seconds: float | None = None  # the median below this
    ratio: float | None = None  # median / baseline median at most this
    memory_mb: float | None = None  # peak memory below this


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    title: str
    measure: Step
    target: str = "—"  # as issue 7 states it
    limits: Limits = Limits()
    baseline: Step | None = None
    baseline_of: str | None = None  # ratio against another scenario's median instead
    runs: int | None = None  # overrides --runs (a run that takes long)
    reduced: str | None = None  # what --quick changed
    skipped: str | None = None  # why it does not run


def scenarios(quick: bool = False) -> list[Scenario]:
    people = 10_000 if quick else 50_000
    rows = 5_000 if quick else 20_000
    export_size = "M" if quick else "L"
    pyconuk_cap = 30.0 if quick else 300.0
    return [
        Scenario(
            "generate",
            "generate forum L (300 sessions, 5,000 people)",
            Step("bench.scenarios.generate:measure_generate", {"size": "L"}),
        ),
        Scenario(
            "startup",
            "start-up: process start to main window painted, L database",
            Step(
                "bench.scenarios.startup:measure_window",
                {"mode": "forumdesk"},
                (("forum", "forum-L"),),
            ),
            "≤ 2× bare PySide6 window and < 1.5 s",
            Limits(seconds=1.5, ratio=2.0),
            baseline=Step(
                "bench.scenarios.startup:measure_window",
                {"mode": "bare"},
                label="bare PySide6 program showing an empty QMainWindow",
            ),
        ),
        Scenario(
            "people-load",
            f"People page: load {people:,} people",
            Step("bench.scenarios.people:measure_load", {}, (("people", f"people-{people}"),)),
            reduced="10,000 people instead of 50,000" if quick else None,
        ),
        Scenario(
            "people-filter",
            f"People page: one filter keystroke, {people:,} people",
            Step("bench.scenarios.people:measure_filter", {}, (("people", f"people-{people}"),)),
            "< 50 ms (50,000 people)",
            Limits(seconds=0.050),
            reduced="10,000 people instead of 50,000" if quick else None,
        ),
        Scenario(
            "timetable-layout",
            "timetable: lay out a 300-session day",
            Step("bench.scenarios.timetable:measure_layout", {}, (("timetable", "day-300"),)),
        ),
        Scenario(
            "timetable-drag",
            "timetable: one frame while dragging, 300-session day",
            Step("bench.scenarios.timetable:measure_drag", {}, (("timetable", "day-300"),)),
            "< 16 ms",
            Limits(seconds=0.016),
        ),
        Scenario(
            "import",
            f"import a {rows:,}-row attendee xlsx",
            Step(
                "bench.scenarios.imports:measure_import",
                {},
                (("attendees", f"attendees-{rows}"), ("import-target", "import-target")),
            ),
            "≤ 1.5× the floor, peak memory < 300 MB",
            Limits(ratio=1.5, memory_mb=300),
            baseline=Step(
                "bench.scenarios.imports:measure_floor",
                {},
                (("attendees", f"attendees-{rows}"), ("import-target", "import-target")),
                label="the floor: calamine parse + bare sqlite3 inserts of the same rows",
            ),
            reduced="5,000 rows instead of 20,000" if quick else None,
        ),
        Scenario(
            "export",
            f"export the full agenda of {export_size}",
            Step(
                "bench.scenarios.exports:measure_export", {}, (("forum", f"forum-{export_size}"),)
            ),
            "≤ 2× openpyxl write-only dump",
            Limits(ratio=2.0),
            baseline=Step(
                "bench.scenarios.exports:measure_dump",
                {},
                (("agenda", f"agenda-{export_size}"),),
                label="openpyxl write-only dump of the export's cells",
            ),
            reduced="forum M instead of L" if quick else None,
        ),
        Scenario(
            "changes-L",
            "changes between two versions of L after 200 random edits",
            Step("bench.scenarios.versions:measure_changes", {}, (("forum", "forum-L"),)),
            "< 200 ms",
            Limits(seconds=0.200),
        ),
        Scenario(
            "edit-journal",
            "50 session moves with the change journal",
            Step(
                "bench.scenarios.versions:measure_edit",
                {"journal": True},
                (("forum", f"forum-{export_size}"),),
            ),
            "≤ 1.2× the same edits without the journal",
            Limits(ratio=1.2),
            baseline=Step(
                "bench.scenarios.versions:measure_edit",
                {"journal": False},
                (("forum", f"forum-{export_size}"),),
                label="the same moves with the journal off",
            ),
            reduced="forum M instead of L" if quick else None,
        ),
        Scenario(
            "checkin-scan",
            "check-in: one badge scanned, 5,000 registrations (forum L)",
            Step("bench.scenarios.checkin:measure_scan", {}, (("forum", "forum-L"),)),
            "< 50 ms",
            Limits(seconds=0.050),
            baseline=Step(
                "bench.scenarios.checkin:measure_commit",
                {},
                (("forum", "forum-L"),),
                label="one raw INSERT and COMMIT on the same file and engine",
            ),
            runs=25,  # one scan a run: cheap, and a median of more is steadier
        ),
        Scenario(
            "check-2k",
            "clash check: 2,000 sessions, 50,000 assignments",
            Step(
                "bench.scenarios.checker:measure_check", {"sessions": 2_000, "assignments": 50_000}
            ),
            "< 100 ms (checker's own time)",
            Limits(seconds=0.100),
        ),
        Scenario(
            "check-20k",
            "clash check: 20,000 sessions, 500,000 assignments",
            Step(
                "bench.scenarios.checker:measure_check",
                {"sessions": 20_000, "assignments": 500_000},
            ),
            "≤ 12× the 2,000-session time",
            Limits(ratio=12.0),
            baseline_of="check-2k",
            skipped="skipped by --quick" if quick else None,
        ),
        Scenario(
            "placement-L",
            "place all 300 sessions of L (15 rooms, 3 days), checked by the clash checker",
            Step("bench.scenarios.placement:measure_event_l", {}, (("forum", "forum-L"),)),
            "0 hard violations in ≤ 10 s",
            Limits(seconds=10.0),
            runs=3,  # about 9 s a run, after a warm-up run
        ),
        Scenario(
            "placement-pyconuk",
            "placement side by side: 100 one-hour sessions, 6 rooms × 3 days × 8 slots",
            Step("bench.scenarios.placement:measure_side_by_side", {"time_limit": 8.0}),
            "≤ 1/10 of PyconUK conference-scheduler's time",
            Limits(ratio=0.1),
            baseline=Step(
                "bench.scenarios.placement:measure_pyconuk",
                {"cap": pyconuk_cap},
                label=f"PyconUK conference-scheduler (PuLP + CBC), one run capped at "
                f"{pyconuk_cap:g} s: the cap is its time if it has not finished",
            ),
            runs=3,
            reduced=f"conference-scheduler capped at {pyconuk_cap:g} s instead of 300 s"
            if quick
            else None,
        ),
    ]


def by_name(quick: bool = False) -> dict[str, Scenario]:
    return {scenario.name: scenario for scenario in scenarios(quick)}
