"""The machine a benchmark ran on, as the README records it: CPU, cores, memory, load, versions.

Qt's version is asked of a short child process so that the runner itself never imports Qt.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (AttributeError, ValueError, OSError):
        return None


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _qt_version() -> str | None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from PySide6.QtCore import qVersion; print(qVersion())"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def load_average() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def describe() -> dict[str, Any]:
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "qt": _qt_version(),
        "pyside6": _version("PySide6-Essentials") or _version("PySide6"),
        "sqlalchemy": _version("SQLAlchemy"),
        "openpyxl": _version("openpyxl"),
        "python_calamine": _version("python-calamine"),
        "forumdesk": _version("forumdesk"),
    }


def summary(machine: dict[str, Any]) -> str:
    """One line: "Intel Xeon @ 2.50GHz, 2 cores, 23.5 GB; Linux-…; Python 3.11.7, Qt 6.12.0"."""
    memory = f", {machine['memory_gb']} GB RAM" if machine.get("memory_gb") else ""
    return (
        f"{machine['cpu']}, {machine['cores']} cores{memory}; {machine['os']}; "
        f"Python {machine['python']}, Qt {machine.get('qt') or '?'} "
        f"(PySide6 {machine.get('pyside6') or '?'}), SQLAlchemy {machine.get('sqlalchemy')}, "
        f"openpyxl {machine.get('openpyxl')}, python-calamine "
        f"{machine.get('python_calamine')}"
    )
