"""The agenda workbook says which version it shows, lists the changes, strikes cancelled
sessions through (real workbooks, read back with openpyxl)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from forumdesk.core.rows import SessionRow
from forumdesk.db.engine import Database
from forumdesk.services import placing, sessions, versions
from forumdesk.services.demo import DemoResult
from forumdesk.services.exports import ExportOptions, export_agenda


def _s3(db: Database, demo: DemoResult) -> SessionRow:
    return next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S3")


def _export(db: Database, demo: DemoResult, path: Path, lang: str = "en") -> Path:
    export_agenda(db, demo.event.id, path, ExportOptions(lang=lang))  # type: ignore[arg-type]
    return path


def _footers(path: Path) -> set[str]:
    book = load_workbook(path)
    return {sheet.oddFooter.center.text or "" for sheet in book.worksheets}


def test_before_any_version_every_page_says_draft(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    path = _export(db, demo, tmp_path / "agenda.xlsx")
    assert _footers(path) == {"Draft: no version published yet"}
    assert "Changes" not in load_workbook(path).sheetnames


def test_every_page_names_the_version_it_shows(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    version = versions.publish_version(db, demo.event.id, expected_latest=0)
    path = _export(db, demo, tmp_path / "agenda.xlsx")
    stamp = f"Version 1 · {version.local_time:%d.%m.%Y %H:%M}"
    assert _footers(path) == {stamp}
    russian = _export(db, demo, tmp_path / "ru.xlsx", "ru")
    assert _footers(russian) == {stamp.replace("Version", "Версия")}


def test_a_changed_programme_prints_as_a_draft_with_its_changes(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    s3 = _s3(db, demo)
    versions.publish_version(db, demo.event.id, expected_latest=0)
    assert s3.starts_at is not None
    placing.move_session(
        db, s3.id, s3.starts_at + dt.timedelta(hours=2), expected_version=s3.version
    )
    path = _export(db, demo, tmp_path / "agenda.xlsx")
    [footer] = _footers(path)
    assert footer.startswith("Draft: changed since version 1")
    sheet = load_workbook(path)["Changes"]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "Changes since version 1" in cells
    assert any(v.startswith("S3 «") and "moved from" in v for v in cells)
    assert any(v.startswith("Your session S3") for v in cells)  # a person's own line


def test_after_publishing_the_changes_are_those_of_the_version_shown(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    s3 = _s3(db, demo)
    versions.publish_version(db, demo.event.id, expected_latest=0)
    sessions.update_session(db, s3.id, {"title": "Renamed"}, expected_version=s3.version)
    versions.publish_version(db, demo.event.id, expected_latest=1)
    path = _export(db, demo, tmp_path / "agenda.xlsx")
    [footer] = _footers(path)
    assert footer.startswith("Version 2 · ")
    cells = [str(c.value) for row in load_workbook(path)["Changes"].iter_rows() for c in row]
    assert "Changes since version 1" in cells
    assert any("is now S3 «Renamed»" in v for v in cells)


def test_a_cancelled_session_stays_in_the_programme_struck_through(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    s3 = _s3(db, demo)
    sessions.set_cancelled(db, s3.id, True, expected_version=s3.version)
    path = _export(db, demo, tmp_path / "agenda.xlsx")
    sheet = load_workbook(path)["Programme"]
    [cell] = [
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and s3.title in c.value
    ]
    assert cell.value.startswith("CANCELLED\n")
    assert cell.font.strike
    others = [
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("Opening")
    ]
    assert others and not any(c.font.strike for c in others)


def test_a_cancelled_session_is_struck_through_in_the_grid_and_personal_agendas_and_the_calendar(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    from forumdesk.services.exports import export_calendar

    s3 = _s3(db, demo)
    sessions.set_cancelled(db, s3.id, True, expected_version=s3.version)
    path = tmp_path / "agenda.xlsx"
    export_agenda(db, demo.event.id, path, ExportOptions(parts=("grid", "personal"), lang="en"))
    book = load_workbook(path)
    found: set[str] = set()
    for sheet in book.worksheets:
        hits = [
            c
            for row in sheet.iter_rows()
            for c in row
            if isinstance(c.value, str) and s3.title in c.value
        ]
        assert all(c.font.strike and "CANCELLED" in c.value for c in hits), sheet.title
        found.update(sheet.title.split()[0] for _hit in hits)
    assert found == {"Grid", "Personal"}
    ics = tmp_path / "programme.ics"
    export_calendar(db, demo.event.id, ics)
    text = ics.read_text(encoding="utf-8")
    assert text.count("STATUS:CANCELLED") == 1
