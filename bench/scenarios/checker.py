"""The clash checker's own time at 2,000 sessions / 50,000 assignments and at ten times that.

The input is built as the checker's plain dataclasses (bench.clash_input), so what is timed is
`find_problems` alone: no database read, no presentation. Its memory is the Python heap's peak
during one extra, untimed call under tracemalloc (the input is not counted).
"""

from __future__ import annotations

import tracemalloc

from bench.clash_input import clash_check_input
from bench.measure import HEAP, Measured, repeat
from bench.worker import WorkerJob
from forumdesk.scheduling.checker import find_problems


def measure_check(job: WorkerJob) -> Measured:
    sessions, assignments = int(job.params["sessions"]), int(job.params["assignments"])
    data = clash_check_input(sessions, assignments, seed=int(job.params.get("seed", 1)))
    arguments = data.arguments()
    counts: list[int] = []
    samples = repeat(lambda: counts.append(len(find_problems(*arguments))), job.runs, job.warmup)
    tracemalloc.start()
    find_problems(*arguments)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Measured(
        samples,
        peak / 2**20,
        HEAP,
        notes=[
            f"{len(data.sessions):,} sessions in {len(data.rooms)} rooms over 10 days, "
            f"{len(data.assignments):,} assignments, {len(data.people):,} people; "
            f"{counts[-1]:,} problems found"
        ],
        extra={"problems": counts[-1], "people": len(data.people)},
    )
