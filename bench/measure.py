"""Timing and memory helpers for the measuring processes, and the statistics the table shows.

Every figure is a median of several runs after a warm-up run, with the range beside it: on a
shared machine single timings are noise, and the slowest run says more about the neighbours than
about forumdesk. Peak memory is the process's peak resident set (VmHWM on Linux, ru_maxrss
elsewhere), read once all its runs are done, or the Python heap's peak (tracemalloc) where
stated.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RSS = "peak RSS"  # the whole process, interpreter and libraries included
HEAP = "Python heap peak"  # tracemalloc: what the measured call allocated itself


@dataclass(slots=True)
class Measured:
    """What a measuring process reports: seconds per run, peak memory and notes."""

    samples: list[float]
    peak_memory_mb: float | None = None
    memory_method: str = RSS
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "samples": self.samples,
            "peak_memory_mb": self.peak_memory_mb,
            "memory_method": self.memory_method,
            "notes": self.notes,
            "extra": self.extra,
        }


def repeat(
    action: Callable[[], object],
    runs: int,
    warmup: int = 1,
    setup: Callable[[], object] | None = None,
    teardown: Callable[[], object] | None = None,
) -> list[float]:
    """Time `action` `runs` times after `warmup` untimed runs; setup/teardown are not timed.

    The garbage collector runs before each run and stays on during it: forumdesk runs with it.
    """
    samples = []
    for number in range(warmup + runs):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        action()
        elapsed = time.perf_counter() - start
        if teardown is not None:
            teardown()
        if number >= warmup:
            samples.append(elapsed)
    return samples


def peak_rss_mb() -> float | None:
    """This process's peak resident set size in MB (None where the platform cannot say).

    On Linux it is VmHWM, the high-water mark of this program's own memory: ru_maxrss would
    also count the parent's memory at the moment it forked the process, so every measurement
    started by a runner holding 50,000 generated people would look at least that big.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 2**10
    try:
        import resource
    except ImportError:  # Windows
        try:
            import psutil  # type: ignore[import-untyped]
        except ImportError:
            return None
        return float(psutil.Process().memory_info().peak_wset) / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # kilobytes on Linux, bytes on macOS
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


@dataclass(frozen=True, slots=True)
class Stats:
    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        return cls(statistics.median(samples), min(samples), max(samples), len(samples))


def format_seconds(seconds: float | None) -> str:
    """0.0123 -> "12.3 ms", 1.5 -> "1.50 s": three significant figures, a unit people read."""
    if seconds is None:
        return "—"
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        milli = seconds * 1000
        return f"{milli:.1f} ms" if milli < 100 else f"{milli:.0f} ms"
    return f"{seconds:.2f} s"


def format_range(low: float, high: float) -> str:
    """Both ends in the unit of the larger one: "12.1–15.0 ms", "0.98–1.20 s"."""
    if high < 1:
        factor, unit, digits = 1000, "ms", 1 if high * 1000 < 100 else 0
    else:
        factor, unit, digits = 1, "s", 2
    return f"{low * factor:.{digits}f}–{high * factor:.{digits}f} {unit}"
