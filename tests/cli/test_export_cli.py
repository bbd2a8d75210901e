"""Tests for forumdesk/cli/exports.py: export-agenda, export-ics and export-csv.

The commands run through the real parser (forumdesk.cli.registry.build_parser) and their
handlers, so a refused export raises its typed error here; cli.main turns those into one line and
exit 1.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from forumdesk.cli.registry import build_parser
from forumdesk.core.errors import NotFoundError, StorageError
from forumdesk.services.demo import DemoResult
from forumdesk.services.events import EventChoiceError, create_event


def _parser() -> argparse.ArgumentParser:
    """The real command line's parser, which registers the export commands."""
    return build_parser()


def run(*argv: str) -> int:
    args = _parser().parse_args(list(argv))
    return args.handler(args)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_export_agenda_writes_the_programme_and_grid_unless_asked_for_more(
    demo: DemoResult, db_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "agenda.xlsx"
    assert run("--db", str(db_path), "export-agenda", str(target)) == 0
    assert load_workbook(target).sheetnames == ["Programme", "Grid Thu 25 Nov", "Grid Fri 26 Nov"]
    assert "3 sheets" in capsys.readouterr().out
    parts = "programme,grid,signin,rooms,personal,people"
    assert run("--db", str(db_path), "export-agenda", str(target), "--parts", parts) == 0
    book = load_workbook(target)
    assert book.sheetnames == [
        "Programme",
        "Grid Thu 25 Nov",
        "Grid Fri 26 Nov",
        "Sign-in",
        "Rooms",
        "Personal agendas",
        "People",
    ]
    printed = capsys.readouterr().out
    assert "«International Anti-Counterfeiting Forum 2021»" in printed
    assert str(target) in printed and "7 sheets" in printed


def test_export_agenda_with_parts_paper_and_language(
    demo: DemoResult, db_path: Path, out: Path
) -> None:
    target = out / "agenda.xlsx"
    assert (
        run(
            "export-agenda",
            str(target),
            "--db",
            str(db_path),
            "--event",
            str(demo.event.id),
            "--parts",
            "people,programme",
            "--paper",
            "letter",
            "--lang",
            "ru",
        )
        == 0
    )
    book = load_workbook(target)
    assert book.sheetnames == ["Программа", "Участники"]
    assert {ws.page_setup.paperSize for ws in book.worksheets} == {1}


def test_all_people_gives_everyone_registered_a_page(
    demo: DemoResult, db_path: Path, out: Path
) -> None:
    run("--db", str(db_path), "export-agenda", str(out / "few.xlsx"), "--parts", "personal")
    run(
        "--db",
        str(db_path),
        "export-agenda",
        str(out / "all.xlsx"),
        "--parts",
        "personal",
        "--all-people",
    )
    few = load_workbook(out / "few.xlsx").worksheets[0]
    everyone = load_workbook(out / "all.xlsx").worksheets[0]
    assert len(everyone.row_breaks.brk) > len(few.row_breaks.brk)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--parts", "programme,agenda"], "unknown part agenda"),
        (["--parts", ","], "name at least one of"),
        (["--paper", "A3"], "unknown paper size 'A3'"),
        (["--lang", "de"], "invalid choice: 'de'"),
    ],
)
def test_bad_arguments_are_usage_errors(
    argv: list[str], message: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        _parser().parse_args(["export-agenda", str(out / "x.xlsx"), *argv])
    assert caught.value.code == 2
    assert message in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_export_ics_for_the_event_and_for_a_person(
    demo: DemoResult, db_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--db", str(db_path), "export-ics", str(out / "forum.ics")) == 0
    assert "Wrote 17 sessions" in capsys.readouterr().out
    assert (
        run(
            "--db",
            str(db_path),
            "export-ics",
            str(out / "grant.ics"),
            "--person",
            "o.grant@aebrus.ru.example",
        )
        == 0
    )
    assert "Wrote 3 sessions of o.grant@aebrus.ru.example" in capsys.readouterr().out
    calendar = Calendar.from_ical((out / "grant.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 3


def test_export_ics_for_an_unknown_person_is_a_clear_error(
    demo: DemoResult, db_path: Path, out: Path
) -> None:
    with pytest.raises(NotFoundError, match=r"nobody@example\.org"):
        run(
            "--db", str(db_path), "export-ics", str(out / "x.ics"), "--person", "nobody@example.org"
        )
    assert list(out.iterdir()) == []


def test_export_csv_of_people_with_semicolons(
    demo: DemoResult, db_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "people.csv"
    assert (
        run(
            "--db",
            str(db_path),
            "export-csv",
            str(target),
            "--what",
            "people",
            "--semicolon",
            "--lang",
            "ru",
        )
        == 0
    )
    assert "Wrote 62 people" in capsys.readouterr().out
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "Фамилия" and len(rows) == 63


def test_export_csv_needs_what(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        _parser().parse_args(["export-csv", str(out / "x.csv")])
    assert caught.value.code == 2
    assert "--what" in capsys.readouterr().err


def test_several_events_need_event(demo: DemoResult, db_path: Path, db: object, out: Path) -> None:
    create_event(db, "Second forum", "2027-01-01", timezone="UTC")  # type: ignore[arg-type]
    with pytest.raises(EventChoiceError):
        run("--db", str(db_path), "export-csv", str(out / "s.csv"), "--what", "sessions")
    with pytest.raises(NotFoundError):
        run(
            "--db",
            str(db_path),
            "export-csv",
            str(out / "s.csv"),
            "--what",
            "sessions",
            "--event",
            "999",
        )
    assert (
        run(
            "--db",
            str(db_path),
            "export-csv",
            str(out / "s.csv"),
            "--what",
            "sessions",
            "--event",
            str(demo.event.id),
        )
        == 0
    )


def test_a_missing_folder_is_a_clear_error(demo: DemoResult, db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        run("--db", str(db_path), "export-agenda", str(tmp_path / "nowhere" / "a.xlsx"))


def test_export_csv_plain_flavour(
    demo: DemoResult, db_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "people.csv"
    argv = ["--db", str(db_path), "export-csv", str(target), "--what", "people"]
    assert run(*argv, "--flavour", "plain") == 0
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    phone = rows[0].index("Phone")  # by name: the Latin name's column came before it
    phones = [r[phone] for r in rows[1:] if r[phone]]
    assert phones and all(not p.startswith("'") for p in phones)
    assert any(p.startswith("+") for p in phones)
    assert run(*argv, "--flavour", "excel") == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        excel = [r[phone] for r in list(csv.reader(handle))[1:] if r[phone]]
    assert any(p.startswith("'+") for p in excel)


def test_export_csv_unknown_flavour_is_a_usage_error(
    out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parser().parse_args(
            ["export-csv", str(out / "x.csv"), "--what", "people", "--flavour", "tsv"]
        )
    assert exit_info.value.code == 2
    assert "--flavour" in capsys.readouterr().err


def _cancel_s3(db: object, demo: DemoResult) -> None:
    from forumdesk.services import sessions

    s3 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")  # type: ignore[arg-type]
    sessions.set_cancelled(db, s3.id, True, expected_version=s3.version)  # type: ignore[arg-type]


def test_export_csv_of_sessions_says_which_are_cancelled_in_the_files_language(
    demo: DemoResult, db_path: Path, db: object, out: Path
) -> None:
    _cancel_s3(db, demo)
    for lang, status, cancelled in (("ru", "Статус", "Отменена"), ("en", "Status", "Cancelled")):
        target = out / f"sessions-{lang}.csv"
        argv = ["--db", str(db_path), "export-csv", str(target), "--what", "sessions"]
        assert run(*argv, "--lang", lang) == 0
        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == 17  # every session: a cancelled one stays in the list
        code = next(iter(rows[0]))  # the first column: "Код" / "Code"
        marked = {row[code]: row[status] for row in rows}
        assert marked["S3"] == cancelled
        assert all(value == "" for code, value in marked.items() if code != "S3")


def test_export_ics_marks_a_cancelled_session_and_raises_its_sequence(
    demo: DemoResult, db_path: Path, db: object, out: Path
) -> None:
    def entries(name: str) -> dict[str, dict[str, object]]:
        assert run("--db", str(db_path), "export-ics", str(out / name)) == 0
        calendar = Calendar.from_ical((out / name).read_bytes())
        return {
            str(e["summary"]).split()[0]: {
                "sequence": int(e["sequence"]),
                "status": str(e.get("status", "")),
                "uid": str(e["uid"]),
            }
            for e in calendar.walk("VEVENT")
        }

    before = entries("before.ics")
    _cancel_s3(db, demo)
    after = entries("after.ics")
    assert after.keys() == before.keys()  # kept, so that calendars that have it drop it
    assert after["S3"]["status"] == "CANCELLED"
    assert after["S3"]["uid"] == before["S3"]["uid"]
    assert after["S3"]["sequence"] > before["S3"]["sequence"]  # an update, not a duplicate
    assert [code for code, e in after.items() if e["status"] == "CANCELLED"] == ["S3"]
    assert all(after[code] == before[code] for code in after if code != "S3")
