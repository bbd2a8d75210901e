"""Faults during exports: a full disk and a kill, in a real process, for every export format.

A full disk is simulated with a file-size limit (`RLIMIT_FSIZE`, with SIGXFSZ ignored so that a
write past it fails with EFBIG as it would with ENOSPC) set in a child process after it has read
the programme. A kill is a SIGKILL at a random moment of a child exporting the same file over and
over. Each asserts the output file (the old one intact, or a complete new one), its mode, the
leftovers (none after the next export) and the message.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from forumdesk.db.engine import Database
from forumdesk.services.demo import DemoResult

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="file-size limits and SIGKILL are POSIX"
)

FORMATS = ("xlsx", "csv", "ics", "pdf")
DISK_FULL = (
    "The disk is full, so «{}» could not be written. The previous file, if any, was left as it was."
)
KILLS = {"xlsx": 15, "csv": 5, "ics": 5, "pdf": 5}

# The child: reads the programme, then (given a limit) cannot write past LIMIT bytes of any file,
# then exports FORMAT to OUT — once, or (with "loop") again and again until it is killed.
CHILD = r"""
import os, resource, signal, sys
from pathlib import Path

db_path, fmt, out, limit, mode = sys.argv[1:6]
out, limit = Path(out), int(limit)
if fmt == "pdf":
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication([])
from forumdesk.config import resolve_database_url
from forumdesk.core.errors import ForumdeskError
from forumdesk.db.migrate import open_database
from forumdesk.io.agenda_labels import Labels
from forumdesk.io.agenda_xlsx import write_agenda_workbook
from forumdesk.io.csv_export import people_table, write_csv
from forumdesk.io.ical import write_ics
from forumdesk.services.agenda import load_agenda

db = open_database(resolve_database_url(db_path))
data = load_agenda(db, 1)
db.dispose()

def export():
    if fmt == "xlsx":
        write_agenda_workbook(data, out)
    elif fmt == "csv":
        heads, rows = people_table(data, Labels("en"))
        write_csv(out, heads, rows)
    elif fmt == "ics":
        write_ics(data, out, app_version="test")
    else:
        from forumdesk.ui.agenda_print import agenda_document, write_pdf
        write_pdf(agenda_document(data, "en"), out, "A4", data.event.name)

if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
print("ready", flush=True)
try:
    export()
    while mode == "loop":
        export()
except ForumdeskError as exc:
    print(exc, flush=True)
    sys.exit(3)
print("written", flush=True)
"""


@pytest.fixture
def forum(demo: DemoResult, db: Database, db_path: Path) -> Path:
    """The demo forum's database file (closed, so that a child can read it)."""
    db.dispose()
    return db_path


def _env(tmp_path: Path) -> dict[str, str]:
    """The child's environment: its own temporary folder, so its scratch files can be seen."""
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[2]), env.get("PYTHONPATH", "")])
    return env


def _child(forum: Path, fmt: str, out: Path, tmp_path: Path, limit: int = 0, mode: str = "once"):  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(forum), fmt, str(out), str(limit), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )


def _export(
    forum: Path, fmt: str, out: Path, tmp_path: Path, limit: int = 0
) -> tuple[int, str, str]:
    child = _child(forum, fmt, out, tmp_path, limit)
    stdout, stderr = child.communicate(timeout=300)
    return child.returncode, stdout, stderr


def _complete(fmt: str, path: Path) -> bool:
    """Is `path` a whole file of its format (as far as its end tells)?"""
    data = path.read_bytes()
    if fmt == "xlsx":
        try:
            with zipfile.ZipFile(path) as archive:
                return archive.testzip() is None and "xl/workbook.xml" in archive.namelist()
        except zipfile.BadZipFile:
            return False
    if fmt == "pdf":
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if fmt == "ics":
        return data.startswith(b"BEGIN:VCALENDAR") and data.rstrip().endswith(b"END:VCALENDAR")
    lines = data.decode("utf-8-sig").splitlines()
    return lines[0].startswith("Family name") and len(lines) == 63  # the heads and 62 people


def _leftovers(out: Path, tmp_path: Path) -> list[str]:
    """Temporary files of `out` in its folder, and anything in forumdesk's temporary folder."""
    parts = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    scratch = [str(p) for p in (tmp_path / "tmp").rglob("*") if p.is_file()]
    loose = [p.name for p in (tmp_path / "tmp").iterdir() if p.name.startswith("openpyxl")]
    return parts + scratch + loose


# --- a full disk --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_says_so_and_keeps_the_old_file(forum: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out" / f"agenda.{fmt}"
    out.parent.mkdir()
    assert _export(forum, fmt, out, tmp_path)[0] == 0
    out.chmod(0o644)
    before = out.read_bytes()
    code, stdout, stderr = _export(forum, fmt, out, tmp_path, limit=len(before) // 3)
    assert (code, stdout.splitlines()) == (3, ["ready", DISK_FULL.format(out.name)]), stderr
    assert "Traceback" not in stderr
    assert out.read_bytes() == before
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert _leftovers(out, tmp_path) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_with_no_previous_file_leaves_nothing(
    forum: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out" / f"agenda.{fmt}"
    out.parent.mkdir()
    code, stdout, _ = _export(forum, fmt, out, tmp_path, limit=1500)
    assert (code, stdout.splitlines()[-1]) == (3, DISK_FULL.format(out.name))
    assert list(out.parent.iterdir()) == []
    assert _leftovers(out, tmp_path) == []


# every part: more than the file-size limit below (the default two parts may fit under it)
ALL_PARTS = ("--parts", "programme,grid,signin,rooms,personal,people")


def test_the_command_line_says_the_disk_is_full_in_one_line(forum: Path, tmp_path: Path) -> None:
    out = tmp_path / "agenda.xlsx"
    out.write_bytes(b"the previous agenda")
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (40000, resource.RLIM_INFINITY))\n"
        "from forumdesk.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--db", str(forum), "export-agenda", str(out), *ALL_PARTS],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=300,
    )
    assert done.returncode != 0
    assert done.stderr.splitlines() == [f"forumdesk: {DISK_FULL.format('agenda.xlsx')}"]
    assert out.read_bytes() == b"the previous agenda"
    assert _leftovers(out, tmp_path) == []


# --- killed exports -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_killed_export_leaves_the_old_or_the_new_file_and_its_leftovers_go_next_time(
    forum: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out" / f"agenda.{fmt}"
    out.parent.mkdir()
    assert _export(forum, fmt, out, tmp_path)[0] == 0
    out.chmod(0o640)
    chance = random.Random(f"kill-{fmt}")
    survived, with_leftovers = 0, 0
    for _ in range(KILLS[fmt]):
        child = _child(forum, fmt, out, tmp_path, mode="loop")
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        time.sleep(chance.uniform(0.0, 0.8))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL
        assert _complete(fmt, out), "a killed export left a broken file"
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        survived += 1
        with_leftovers += bool(_leftovers(out, tmp_path))
    # the next export cleans what the killed ones left
    assert _export(forum, fmt, out, tmp_path)[0] == 0
    assert _complete(fmt, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert _leftovers(out, tmp_path) == []
    print(f"{fmt}: {KILLS[fmt]} kills, {survived} survived, {with_leftovers} left leftovers")
