"""The agenda workbook in one language throughout, or two side by side (issue 17, item 4),
read back with openpyxl: headings, dates, weekdays, roles and the event's own texts."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from forumdesk.core.errors import ValidationError
from forumdesk.db.engine import Database
from forumdesk.services.demo import DemoResult
from forumdesk.services.exports import ExportOptions, export_agenda

_CYRILLIC = re.compile("[а-яёА-ЯЁ]")
_KAZAKH_ONLY = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def _cells(path: Path, sheet: int = 0) -> list[list[str]]:
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[sheet]
    return [
        [str(v) if v is not None else "" for v in row] for row in ws.iter_rows(values_only=True)
    ]


def _export(db: Database, demo: DemoResult, tmp_path: Path, lang: str) -> Path:
    path = tmp_path / f"agenda-{lang}.xlsx"
    result = export_agenda(
        db, demo.event.id, path, ExportOptions(parts=("programme", "grid"), lang=lang)
    )
    assert not result.cancelled
    return path


def test_a_russian_agenda_has_russian_headings_dates_and_titles(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    path = _export(db, demo, tmp_path, "ru")
    rows = _cells(path)
    text = "\n".join("\t".join(r) for r in rows)

    assert rows[0][0] == "Международный антиконтрафактный форум 2021"
    assert "25–26 ноября 2021\u00a0г., Нур-Султан, Конгресс-центр «Нур-Султан»" in text
    assert "Четверг, 25 ноября 2021\u00a0г." in text
    assert "Фармацевтика: патентная охрана лекарственных средств в ЕАЭС" in text
    assert "Зал C" in text and "Hall C" not in text
    assert "Pharmaceuticals: Patent Protection" not in text  # no English title crept in
    assert openpyxl.load_workbook(path).sheetnames[:2] == ["Программа", "Сетка чт 25.11"]


def test_an_english_agenda_keeps_the_english_texts(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    text = "\n".join("\t".join(r) for r in _cells(_export(db, demo, tmp_path, "en")))
    assert "Thursday, 25 November 2021" in text
    assert "S3 · Pharmaceuticals" not in text  # the one-language sheet keeps code and title apart
    assert "Pharmaceuticals: Patent Protection of Medicines in the EAEU" in text
    assert "Фармацевтика" not in text and "Зал" not in text


def test_a_kazakh_agenda_marks_each_missing_text_and_speaks_kazakh(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    path = _export(db, demo, tmp_path, "kk")
    rows = _cells(path)
    text = "\n".join("\t".join(r) for r in rows)

    # headings, weekday and month from CLDR in Kazakh
    assert "2021\u00a0ж. 25 қараша, бейсенбі" in text
    assert "Уақыт" in text and "Модераторлар" in text
    # the demo has no Kazakh texts: the main language's, each visibly marked
    assert rows[0][0] == "International Anti-Counterfeiting Forum 2021 ⟨KK⟩"
    assert "Pharmaceuticals: Patent Protection of Medicines in the EAEU ⟨KK⟩" in text
    assert openpyxl.load_workbook(path).sheetnames[0] == "Бағдарлама"


def test_a_bilingual_agenda_puts_russian_left_and_english_right(
    db: Database, demo: DemoResult, tmp_path: Path
) -> None:
    path = _export(db, demo, tmp_path, "ru+en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Программа - Programme"
    rows = _cells(path)

    assert rows[0][1:3] == [
        "Международный антиконтрафактный форум 2021",
        "International Anti-Counterfeiting Forum 2021",
    ]
    assert rows[2] == ["Время / Time", "Сессия", "Session"]
    assert rows[3][1:3] == ["Четверг, 25 ноября 2021\u00a0г.", "Thursday, 25 November 2021"]
    s3 = next(r for r in rows if r[1].startswith("S3 · "))
    assert s3[1].splitlines() == [
        "S3 · Фармацевтика: патентная охрана лекарственных средств в ЕАЭС",
        "Зал C · Фармацевтика",
    ]
    assert s3[2].splitlines() == [
        "S3 · Pharmaceuticals: Patent Protection of Medicines in the EAEU",
        "Hall C · Pharmaceuticals",
    ]
    # every left cell is Russian and no right cell has a Cyrillic letter: people are named in
    # Latin letters on the English side
    for row in rows[2:]:
        assert not _CYRILLIC.search(row[2]), row
        if row[1]:
            assert _CYRILLIC.search(row[1]), row
    people = next(r for r in rows[rows.index(s3) :] if r[1].startswith("Модераторы:"))
    assert people[2].startswith("Moderators:")
    # the grid that follows is in the first language
    assert book.sheetnames[1] == "Сетка чт 25.11"


def test_kazakh_and_russian_side_by_side(db: Database, demo: DemoResult, tmp_path: Path) -> None:
    rows = _cells(_export(db, demo, tmp_path, "kk+ru"))
    assert rows[3][1:3] == ["2021\u00a0ж. 25 қараша, бейсенбі", "Четверг, 25 ноября 2021\u00a0г."]
    assert rows[2][0] == "Уақыт / Время"
    s3 = next(r for r in rows if r[1].startswith("S3 · "))
    # no Kazakh title yet: the main language's, marked; the Russian side has its own
    assert s3[1].splitlines()[0] == (
        "S3 · Pharmaceuticals: Patent Protection of Medicines in the EAEU ⟨KK⟩"
    )
    assert (
        s3[2].splitlines()[0] == "S3 · Фармацевтика: патентная охрана лекарственных средств в ЕАЭС"
    )
    moderators = next(r for r in rows[rows.index(s3) :] if r[2].startswith("Модераторы:"))
    assert moderators[1].splitlines()[0] == "Модераторлар:"
    assert _KAZAKH_ONLY.search(rows[0][1]) is None  # the event's name: English, marked
    assert rows[0][1].endswith("⟨KK⟩")


def test_an_unknown_language_is_refused(db: Database, demo: DemoResult, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="ru, en or kk"):
        export_agenda(db, demo.event.id, tmp_path / "x.xlsx", ExportOptions(lang="ru+de"))
    assert not (tmp_path / "x.xlsx").exists()


def test_the_command_line_exports_one_language_or_two(
    demo: DemoResult, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from forumdesk.cli.registry import build_parser

    def run(*argv: str) -> int:
        args = build_parser().parse_args(list(argv))
        return int(args.handler(args))

    target = tmp_path / "agenda.xlsx"
    assert run("--db", str(db_path), "export-agenda", str(target), "--lang", "ru+en") == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "Программа - Programme"
    assert run("--db", str(db_path), "export-agenda", str(target), "--lang", "kk") == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "Бағдарлама"
    # without --lang: the event's main language (the demo's is English)
    assert run("--db", str(db_path), "export-agenda", str(target)) == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "Programme"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export-agenda", str(target), "--lang", "de"])
