"""Tests for forumdesk/io/output_files.py: every export's file written whole or not at all,
with the mode a user expects, a full disk said in plain words, leftovers cleaned."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from forumdesk.core.errors import StorageError, ValidationError
from forumdesk.io import output_files
from forumdesk.io.output_files import (
    check_target,
    is_disk_full,
    is_locked_error,
    output_file,
    remove_abandoned_scratch,
    remove_leftovers,
    scratch_folder,
)

DISK_FULL = (
    "The disk is full, so «{}» could not be written. The previous file, if any, was left as it was."
)


# --- writing files ----------------------------------------------------------------------------


def test_output_file_replaces_the_file_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old")
    with output_file(target) as temp:
        assert temp.parent == tmp_path and temp != target
        temp.write_bytes(b"new")
        assert target.read_bytes() == b"old"  # not yet
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.xlsx"]


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old contents")
    with pytest.raises(RuntimeError), output_file(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("the writer broke")
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.xlsx"]


def test_a_failure_without_a_previous_file_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.xlsx"
    with pytest.raises(KeyboardInterrupt), output_file(target):
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_gets_a_message_naming_it(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "agenda.xlsx"
    with pytest.raises(StorageError) as caught, output_file(target):
        pass
    assert "no such folder" in str(caught.value) and "agenda.xlsx" in str(caught.value)


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="is a folder"), output_file(tmp_path):
        pass


def _sharing_violation(*_args: object) -> None:
    error = PermissionError(
        13, "The process cannot access the file because it is being used by another process"
    )
    error.winerror = 32  # type: ignore[attr-defined]  # what Windows reports when Excel has it
    raise error


def test_a_target_open_in_excel_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"the file Excel shows")
    monkeypatch.setattr(os, "replace", _sharing_violation)
    with pytest.raises(StorageError) as caught, output_file(target) as temp:
        temp.write_bytes(b"new")
    assert str(caught.value) == (
        "«agenda.xlsx» is open in another program (Excel?). Close it there and export again."
    )
    assert target.read_bytes() == b"the file Excel shows"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.xlsx"]


def test_a_locked_target_is_found_before_the_work_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"x")
    real_open = Path.open

    def locked_open(self: Path, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == target and "+" in mode:
            _sharing_violation()
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", locked_open)
    with pytest.raises(StorageError, match="open in another program"):
        check_target(target)


def test_locked_errors_are_told_apart_from_other_permission_errors() -> None:
    windows = PermissionError(13, "denied")
    windows.winerror = 32  # type: ignore[attr-defined]
    assert is_locked_error(windows)
    if os.name != "nt":
        assert not is_locked_error(PermissionError(13, "denied"))
    assert not is_locked_error(FileNotFoundError(2, "missing"))


def test_a_full_disk_is_reported_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StorageError, match="disk is full"), output_file(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"old"


# --- a full disk --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(output_files.DISK_FULL_ERRNOS))
def test_a_full_disk_while_writing_says_so_and_keeps_the_old_file(
    tmp_path: Path, code: int
) -> None:
    target = tmp_path / "agenda.csv"
    target.write_bytes(b"old contents")
    with pytest.raises(StorageError) as caught, output_file(target) as temp:
        temp.write_bytes(b"half")
        raise OSError(code, os.strerror(code))
    assert str(caught.value) == DISK_FULL.format("agenda.csv")
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.csv"]


class _FullDisk:
    """A file that takes `room` bytes and then fails as a full disk does."""

    def __init__(self, room: int) -> None:
        self.room, self.written = room, 0

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.written += len(data)
        return len(data)

    def tell(self) -> int:
        return self.written

    def flush(self) -> None:
        pass


def test_a_zipfile_error_on_top_of_a_full_disk_is_told_as_a_full_disk(tmp_path: Path) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old workbook")
    with (
        pytest.raises(StorageError) as caught,
        output_file(target),
        zipfile.ZipFile(_FullDisk(200), "w") as archive,  # type: ignore[arg-type]
    ):
        archive.writestr("sheet.xml", os.urandom(5000))
    assert str(caught.value) == DISK_FULL.format("agenda.xlsx")
    assert is_disk_full(caught.value.__cause__)  # type: ignore[arg-type]
    assert target.read_bytes() == b"old workbook"


def test_an_error_raised_while_handling_a_full_disk_is_a_full_disk() -> None:
    try:
        try:
            raise OSError(errno.EFBIG, "File too large")
        except OSError:
            raise ValueError("I/O operation on closed file") from None
    except ValueError as exc:
        assert is_disk_full(exc)
    assert not is_disk_full(ValueError("a bug"))
    assert not is_disk_full(OSError(errno.EACCES, "denied"))


def test_other_write_errors_get_a_message_and_bugs_stay_bugs(tmp_path: Path) -> None:
    target = tmp_path / "agenda.ics"
    with (
        pytest.raises(StorageError, match="could not be written: Input/output error"),
        output_file(target),
    ):
        raise OSError(errno.EIO, "Input/output error")
    with pytest.raises(KeyError), output_file(target):
        raise KeyError("a bug is not a disk problem")
    assert list(tmp_path.iterdir()) == []


# --- modes --------------------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_users_usual_mode(tmp_path: Path, umask: int) -> None:
    before = os.umask(umask)
    try:
        with output_file(tmp_path / "agenda.pdf") as temp:
            temp.write_bytes(b"%PDF")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "agenda.pdf").stat().st_mode) == 0o666 & ~umask


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664, 0o600])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old")
    target.chmod(mode)
    before = os.umask(0o077)
    try:
        with output_file(target) as temp:
            temp.write_bytes(b"new")
    finally:
        os.umask(before)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


# --- leftovers ----------------------------------------------------------------------------------


def _gone_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.skipif(os.name == "nt", reason="a process's existence is told on POSIX")
def test_leftovers_of_killed_exports_of_that_file_are_removed_on_its_next_export(
    tmp_path: Path,
) -> None:
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"old")
    dead = _gone_pid()
    killed = tmp_path / f".agenda.xlsx.{dead}-0badc0de.part"
    old_style = tmp_path / ".agenda.xlsx.k3j2h1.part"  # forumdesk 0.1's mkstemp name
    recent_old_style = tmp_path / ".agenda.xlsx.zz9y8x.part"
    other_file = tmp_path / f".other.xlsx.{dead}-0badc0de.part"
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as alive:
        running = tmp_path / f".agenda.xlsx.{alive.pid}-1234abcd.part"
        for path in (killed, old_style, recent_old_style, other_file, running):
            path.write_bytes(b"x" * 1000)
        os.utime(old_style, (1_000_000_000, 1_000_000_000))
        with output_file(target) as temp:
            temp.write_bytes(b"new")
            assert not killed.exists() and not old_style.exists()
        alive.kill()
    assert target.read_bytes() == b"new"
    assert recent_old_style.exists() and other_file.exists() and running.exists()
    assert remove_leftovers(target) == [running]  # its process is gone now


def test_the_export_in_progress_is_not_a_leftover(tmp_path: Path) -> None:
    target = tmp_path / "agenda.csv"
    with output_file(target) as temp:
        temp.write_bytes(b"being written")
        assert remove_leftovers(target) == []
        assert temp.exists()
    assert target.read_bytes() == b"being written"


@pytest.mark.skipif(os.name == "nt", reason="a process's existence is told on POSIX")
def test_scratch_folders_of_killed_exports_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    with scratch_folder() as folder:
        base = folder.parent
        (folder / "openpyxl.sheet").write_bytes(b"x")
    assert not folder.exists()
    abandoned = base / f"{_gone_pid()}-abcdef01"
    abandoned.mkdir()
    (abandoned / "openpyxl.big").write_bytes(b"x" * 10_000)
    mine = base / "not-an-export"
    mine.mkdir()
    assert remove_abandoned_scratch(base) == [abandoned]
    assert not abandoned.exists() and mine.exists()
