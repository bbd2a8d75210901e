"""One measurement in a process of its own: `python -m bench.worker SPEC.json RESULT.json`.

A fresh process per measurement keeps each figure's peak memory its own and stops one scenario's
caches and imports from speeding up or slowing down the next. SPEC names the function
(`module:function`, taking a WorkerJob and returning bench.measure.Measured) with its runs and
parameters; RESULT gets the samples and peak memory, or the error that stopped it.
"""

from __future__ import annotations

import importlib
import json
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.measure import Measured, peak_rss_mb


@dataclass(frozen=True, slots=True)
class WorkerJob:
    runs: int
    warmup: int
    params: dict[str, Any]
    data: dict[str, str]  # dataset name -> path, prepared by the runner
    workdir: Path  # scratch space of this measurement

    def path(self, dataset: str) -> Path:
        return Path(self.data[dataset])


def run(spec: dict[str, Any]) -> dict[str, Any]:
    module_name, _, function_name = spec["function"].partition(":")
    function = getattr(importlib.import_module(module_name), function_name)
    workdir = Path(spec["workdir"])
    workdir.mkdir(parents=True, exist_ok=True)
    job = WorkerJob(
        int(spec["runs"]),
        int(spec.get("warmup", 1)),
        dict(spec.get("params", {})),
        dict(spec.get("data", {})),
        workdir,
    )
    measured: Measured = function(job)
    if measured.peak_memory_mb is None and measured.memory_method != "none":
        measured.peak_memory_mb = peak_rss_mb()
    return measured.to_json()


def main(argv: list[str]) -> int:
    spec_path, result_path = Path(argv[0]), Path(argv[1])
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    try:
        result = run(spec)
        status = 0
    except Exception as exc:  # reported in the table; the other scenarios still run
        detail = str(exc).strip().splitlines()
        result = {
            "error": f"{type(exc).__name__}: {detail[0] if detail else ''}".strip(),
            "traceback": traceback.format_exc(),
        }
        status = 1
    result_path.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    # os._exit skips interpreter teardown (Qt's, SQLAlchemy's): it is not what is measured,
    # and a crash while tearing down must not lose a result that is already written.
    import os

    code = main(sys.argv[1:])
    sys.stderr.flush()
    os._exit(code)
