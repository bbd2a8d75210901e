"""Turning measurements into the benchmark's results: figures, ratios, pass/fail and the table.

A scenario passes when every number of its target holds: the median below the time limit, the
ratio of medians (figure / baseline, both from the same run) at most the ratio limit, the peak
memory below the memory limit. A missed target is reported, never an error: the command's exit
status only says whether every chosen scenario produced a figure.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from bench.measure import Stats, format_range, format_seconds
from bench.scenarios import Scenario

COLUMNS = ("scenario", "median", "min–max", "baseline", "ratio", "target", "result", "peak memory")


def stats_json(measured: dict[str, Any]) -> dict[str, Any]:
    """Samples and their statistics, with the memory a worker reported."""
    stats = Stats.of(measured["samples"])
    return {
        "samples": measured["samples"],
        "median": stats.median,
        "min": stats.low,
        "max": stats.high,
        "peak_memory_mb": measured.get("peak_memory_mb"),
        "memory_method": measured.get("memory_method"),
        "notes": measured.get("notes", []),
        "extra": measured.get("extra", {}),
    }


def evaluate(
    scenario: Scenario,
    measured: dict[str, Any] | None,
    baseline: dict[str, Any] | None,
    *,
    error: str | None = None,
) -> dict[str, Any]:
    """The JSON record of one scenario."""
    record: dict[str, Any] = {
        "name": scenario.name,
        "title": scenario.title,
        "target": scenario.target,
        "unit": "seconds",
        "limits": {
            "seconds": scenario.limits.seconds,
            "ratio": scenario.limits.ratio,
            "memory_mb": scenario.limits.memory_mb,
        },
        "reduced": scenario.reduced,
        "skipped": scenario.skipped,
        "error": error,
        "samples": [],
        "median": None,
        "min": None,
        "max": None,
        "peak_memory_mb": None,
        "memory_method": None,
        "baseline": None,
        "ratio": None,
        "checks": [],
        "passed": None,
        "notes": [],
    }
    if measured is None:
        return record
    record.update({key: value for key, value in stats_json(measured).items() if key != "extra"})
    record["extra"] = measured.get("extra", {})
    if baseline is not None:
        label = (
            scenario.baseline.label
            if scenario.baseline is not None
            else f"the {scenario.baseline_of} median"
        )
        record["baseline"] = {"what": label, **stats_json(baseline)}
        if record["baseline"]["median"]:
            record["ratio"] = record["median"] / record["baseline"]["median"]
    record["checks"] = _checks(scenario, record)
    if record["checks"]:
        record["passed"] = all(check["passed"] for check in record["checks"])
    return record


def _checks(scenario: Scenario, record: dict[str, Any]) -> list[dict[str, Any]]:
    limits, checks = scenario.limits, []
    if limits.seconds is not None:
        checks.append(
            {
                "what": f"median < {format_seconds(limits.seconds)}",
                "passed": record["median"] < limits.seconds,
            }
        )
    if limits.ratio is not None:
        ratio = record["ratio"]
        checks.append(
            {
                "what": f"ratio ≤ {limits.ratio:g}×",
                "passed": ratio is not None and ratio <= limits.ratio,
            }
        )
    if limits.memory_mb is not None:
        peak = record["peak_memory_mb"]
        checks.append(
            {
                "what": f"peak memory < {limits.memory_mb:g} MB",
                "passed": peak is not None and peak < limits.memory_mb,
            }
        )
    return checks


# --- the table --------------------------------------------------------------------------------


def _memory(record: dict[str, Any]) -> str:
    peak = record.get("peak_memory_mb")
    if peak is None:
        return "—"
    kind = "heap" if record.get("memory_method") == "Python heap peak" else "RSS"
    return f"{peak:.0f} MB {kind}" if peak >= 10 else f"{peak:.1f} MB {kind}"


def _result(record: dict[str, Any]) -> str:
    if record["error"]:
        return "error"
    if record["skipped"]:
        return "skipped"
    if record["passed"] is None:
        return "—"
    if record["passed"]:
        return "pass"
    missed = [check["what"].split(" ")[0] for check in record["checks"] if not check["passed"]]
    return f"FAIL ({', '.join(missed)})"


def _ratio(ratio: float | None, limit: float | None) -> str:
    if ratio is None:
        return "—"
    text = f"{ratio:.2f}"
    if limit is not None and float(text) == limit and ratio != limit:
        text = f"{ratio:.3f}"  # "2.00×" next to FAIL would read as a contradiction
    return f"{text}×"


def row(record: dict[str, Any]) -> list[str]:
    title = record["title"] + (" *" if record["reduced"] else "")
    if record["median"] is None:  # the notes under the table say why
        return [title, "—", "—", "—", "—", record["target"], _result(record), "—"]
    baseline = record["baseline"]
    return [
        title,
        format_seconds(record["median"]),
        format_range(record["min"], record["max"]),
        format_seconds(baseline["median"]) if baseline else "—",
        _ratio(record["ratio"], record["limits"]["ratio"]),
        record["target"],
        _result(record),
        _memory(record),
    ]


def text_table(records: list[dict[str, Any]]) -> str:
    rows = [list(COLUMNS)] + [row(record) for record in records]
    widths = [max(len(r[n]) for r in rows) for n in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(records: list[dict[str, Any]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    lines = [line(list(COLUMNS)), "|" + "|".join("---" for _ in COLUMNS) + "|"]
    lines += [line(row(record)) for record in records]
    return "\n".join(lines)


def notes(records: list[dict[str, Any]]) -> list[str]:
    """What the table's rows mean: baselines, inputs, what --quick reduced, errors.

    A note several scenarios share (a warning about the Qt binding) is given once, at the end.
    """
    counts = Counter(note for record in records for note in dict.fromkeys(record["notes"]))
    shared = [note for note, count in counts.items() if count > 1]
    found = []
    for record in records:
        parts = []
        if record["reduced"]:
            parts.append(f"* reduced by --quick: {record['reduced']}")
        if record["baseline"]:
            parts.append(f"baseline: {record['baseline']['what']}")
        parts += [note for note in record["notes"] if note not in shared]
        if record["baseline"]:
            parts += [f"baseline: {note}" for note in record["baseline"]["notes"]]
        if record["error"]:
            parts.append(f"error: {record['error']}")
        if record["skipped"]:
            parts.append(record["skipped"])
        if parts:
            found.append(f"{record['name']}: " + "; ".join(parts))
    for note in shared:
        names = [record["name"] for record in records if note in record["notes"]]
        found.append(f"{', '.join(names)}: {note}")
    return found
