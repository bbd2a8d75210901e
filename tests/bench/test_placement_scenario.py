"""The side-by-side's baseline: conference-scheduler runs in a process of its own and is
stopped at the cap, which then stands for its time (the note says so)."""

from __future__ import annotations

from pathlib import Path

from bench.scenarios import by_name
from bench.scenarios.placement import measure_pyconuk
from bench.worker import WorkerJob


def test_both_placement_figures_are_scenarios_with_the_issues_targets() -> None:
    scenarios = by_name()
    assert scenarios["placement-L"].limits.seconds == 10.0
    side = scenarios["placement-pyconuk"]
    assert side.limits.ratio == 0.1
    assert side.baseline is not None and side.baseline.params["cap"] == 300.0
    assert by_name(quick=True)["placement-pyconuk"].reduced


def test_conference_scheduler_stopped_at_the_cap_takes_the_cap_as_its_time(
    tmp_path: Path,
) -> None:
    job = WorkerJob(1, 0, {"cap": 2.0}, {}, tmp_path)
    measured = measure_pyconuk(job)
    assert measured.samples == [2.0]
    assert measured.extra == {"finished": False}
    assert "did not finish within the 2 s cap" in measured.notes[0]
