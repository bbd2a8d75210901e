"""Running forumdesk in a child process under a fault: without the power to ignore file
permissions, with a file-size limit (a full disk), or to be killed at a random moment.

The runner may be root, for whom a read-only file is writable. Instead of switching to another
user (whose interpreter may sit in a folder only root can enter), the child drops from its
bounding set the capabilities that let root override file permissions (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH, CAP_FOWNER) before it execs: it is then held to the mode bits like anyone.
`assert_permissions_hold` proves that precondition instead of assuming it, and `held_to_file_modes`
does the same for the test's own thread (the window tests): capabilities are per thread on Linux.

A full disk is a file-size limit (`RLIMIT_FSIZE`) with SIGXFSZ ignored, so a write past it fails
with EFBIG instead of killing the process, as a write on a full disk fails with ENOSPC.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path

from forumdesk.db import migrate

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER = 1, 2, 3
_FILE_OVERRIDES = (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER)

# The child: forumdesk's command line, optionally with the migrations of a test folder; with
# "announce", it loads what opening a database needs and then says READY on stderr, so that a
# test can time a kill from the moment the database work starts, not from the interpreter's.
READY = "READY"
_CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from forumdesk.db import migrate
    if sys.argv[1]:
        migrate.MIGRATIONS_DIR = Path(sys.argv[1])
    from forumdesk.cli import main
    if sys.argv[2] == "announce":
        import alembic.command, forumdesk.cli.events, forumdesk.services.events
        print("{READY}", file=sys.stderr, flush=True)
    sys.exit(main(sys.argv[3:]))
    """
)


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _preexec(unprivileged: bool, file_size_limit: int | None) -> Callable[[], None]:
    def run() -> None:
        if unprivileged and os.geteuid() == 0:
            libc = _libc()
            for cap in _FILE_OVERRIDES:
                if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                    raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")
        if file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return run


def _announcing(announce: bool) -> str:
    return "announce" if announce else "-"


def start_forumdesk(
    args: Sequence[str],
    *,
    unprivileged: bool = False,
    file_size_limit: int | None = None,
    migrations: Path | None = None,
    cwd: Path | None = None,
    announce: bool = False,
) -> subprocess.Popen[str]:
    """Start `forumdesk ARGS` in a child process (stdout and stderr piped, text); `announce`:
    its first line on stderr is READY, written once it is about to open the database."""
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(migrations or ""), _announcing(announce), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        preexec_fn=_preexec(unprivileged, file_size_limit),
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def run_until_killed(
    args: Sequence[str], delay: float | None, *, migrations: Path | None = None
) -> tuple[int, float, str]:
    """Run `forumdesk ARGS`, killed with SIGKILL `delay` seconds after it said READY (None:
    to its end); its exit status, the seconds it ran from READY, and its stderr."""
    child = start_forumdesk(args, migrations=migrations, announce=True)
    assert child.stderr is not None
    assert child.stderr.readline().strip() == READY
    started = time.monotonic()
    if delay is not None:
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:  # still running: the moment has come
            child.send_signal(signal.SIGKILL)
    _out, err = child.communicate(timeout=300)
    return child.returncode, time.monotonic() - started, err


def run_forumdesk(args: Sequence[str], **options: object) -> subprocess.CompletedProcess[str]:
    """Run `forumdesk ARGS` in a child process to its end (see start_forumdesk)."""
    child = start_forumdesk(args, **options)  # type: ignore[arg-type]
    out, err = child.communicate(timeout=300)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def run_python(code: str, *, unprivileged: bool = False) -> None:
    """Run a few lines of Python in a child process (held to file modes if `unprivileged`)."""
    subprocess.run(
        [sys.executable, "-c", code], check=True, preexec_fn=_preexec(unprivileged, None)
    )


def assert_permissions_hold(folder: Path) -> None:
    """An unprivileged child may not write a 0444 file: the precondition of the read-only
    tests, checked rather than assumed (a failure here is the test set-up's, said so)."""
    probe = folder / "probe.txt"
    probe.write_text("x", encoding="utf-8")
    probe.chmod(0o444)
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}, 'a')"],
            capture_output=True,
            text=True,
            preexec_fn=_preexec(True, None),
        )
    finally:
        probe.chmod(0o644)
        probe.unlink()
    assert done.returncode != 0 and "Permission denied" in done.stderr, (
        "could not make a process that is held to file permissions: " + done.stderr
    )


@contextlib.contextmanager
def held_to_file_modes() -> Iterator[None]:
    """This thread obeys file modes (root's overriding capabilities set aside) until the end.

    Only the effective set changes, and only in this thread: it is restored afterwards.
    """
    if os.geteuid() != 0:
        yield
        return
    header, data = _capabilities()
    saved = data[0].effective
    for cap in _FILE_OVERRIDES:
        data[0].effective &= ~(1 << cap)
    _set_capabilities(header, data)
    try:
        yield
    finally:
        data[0].effective = saved
        _set_capabilities(header, data)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


_CAP_VERSION_3 = 0x20080522


def _capabilities() -> tuple[_CapHeader, ctypes.Array[_CapData]]:
    header = _CapHeader(_CAP_VERSION_3, 0)
    data = (_CapData * 2)()
    if _libc().capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    return header, data


def _set_capabilities(header: _CapHeader, data: ctypes.Array[_CapData]) -> None:
    if _libc().capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")


# --- databases --------------------------------------------------------------------------------

EXTRA = "fault_marker"  # the test-only revision that follows the shipped head
MARKER_ROWS = 40

_EXTRA_REVISION = '''
"""Test-only revision on top of the shipped schema: slow enough to be killed half-way."""
import time

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_marker", sa.Column("id", sa.Integer(), primary_key=True))
    for number in range({rows}):
        op.execute(f"INSERT INTO upgrade_marker (id) VALUES ({{number}})")
        time.sleep({pause})
    {failure}


def downgrade() -> None:
    op.drop_table("upgrade_marker")
'''


def migrations_with_extra_revision(
    folder: Path, *, pause: float = 0.0, fails: bool = False
) -> Path:
    """A copy of the shipped migrations plus one revision on top: a database made with the
    shipped ones is then one revision behind, as a user's file is after an update."""
    scripts = folder / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    script = textwrap.dedent(_EXTRA_REVISION).format(
        revision=EXTRA,
        down_revision=migrate.head_revision(),
        rows=MARKER_ROWS,
        pause=pause,
        failure=f'raise RuntimeError("migration {EXTRA} broke")' if fails else "pass",
    )
    (scripts / "versions" / f"{EXTRA}.py").write_text(script, encoding="utf-8")
    return scripts


def sql(path: Path, statement: str, *, untouched: bool = False) -> list[tuple[object, ...]]:
    """One statement on the file with the plain sqlite3 module. `untouched`: read it as an
    immutable file, creating nothing beside it (for a file whose leftovers a test counts)."""
    target = f"{path.resolve().as_uri()}?immutable=1" if untouched else str(path)
    with closing(sqlite3.connect(target, uri=untouched)) as conn:
        return conn.execute(statement).fetchall()


def version(path: Path, *, untouched: bool = False) -> str | None:
    rows = sql(path, "SELECT version_num FROM alembic_version", untouched=untouched)
    return str(rows[0][0]) if rows else None


def integrity(path: Path, *, untouched: bool = False) -> str:
    return str(sql(path, "PRAGMA integrity_check", untouched=untouched)[0][0])


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def one_line(stderr: str) -> str:
    """The one line forumdesk printed on stderr (asserting that it is one, and no traceback)."""
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]
