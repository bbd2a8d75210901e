"""Badges and table tents as PDF (forumdesk/io/badges.py), read back as a person would: pages
rendered by poppler, QR codes decoded by zxing-cpp, text by pdftotext."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from forumdesk.core.errors import CancelledError
from forumdesk.io.badge_text import BOLD, Block, fit_block, text_width
from forumdesk.io.badges import (
    LAYOUTS,
    SHEETS,
    Badge,
    BadgeRole,
    Tent,
    badge_face,
    badges_per_page,
    write_badges,
    write_tents,
)
from tests.pdf_pages import pdf_text, qr_texts, render_pages

LONG_NAME = "Мухаммедкалиева-Турсынбаева Айгерим-Гульнара Нурсултановна-Кызы"
LONG_ORG = (
    "Министерство юстиции Республики Казахстан, Комитет по правам интеллектуальной "
    "собственности, Департамент международного сотрудничества и евразийской интеграции"
)


def _badges(count: int) -> list[Badge]:
    roles = list(BadgeRole)
    return [
        Badge(
            name=f"Қасымұлы Әсет {index}",
            latin_name=f"Qasymuly Aset {index}",
            organization="Министерство юстиции",
            country="Казахстан",
            role=roles[index % len(roles)],
            code=f"FD1:7:{index}:ABCDEF",
        )
        for index in range(count)
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_puts_its_number_of_badges_on_a_page_with_a_readable_qr_each(
    tmp_path: Path, layout: str
) -> None:
    per_page = badges_per_page(layout)  # type: ignore[arg-type]
    badges = _badges(per_page + 1)
    target = tmp_path / f"{layout}.pdf"

    pages = write_badges(target, "Форум", badges, layout=layout, lang="ru")  # type: ignore[arg-type]

    assert pages == 2
    rendered = render_pages(target, dpi=200 if layout == "card10" else 150)
    decoded = [sorted(qr_texts(page)) for page in rendered]
    assert [len(found) for found in decoded] == [per_page, 1]
    assert sorted(decoded[0] + decoded[1]) == sorted(badge.code for badge in badges)
    # the paper is what the layout says
    width, height = SHEETS[layout].page  # type: ignore[index]
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(width), round(height))


def test_the_names_print_in_cyrillic_with_kazakh_letters_and_the_latin_form_beneath(
    tmp_path: Path,
) -> None:
    target = tmp_path / "badges.pdf"
    write_badges(target, "Евразийский форум", _badges(2), layout="a6", lang="ru")
    text = " ".join(pdf_text(target).split())
    assert "Қасымұлы Әсет 0" in text
    assert "Qasymuly Aset 1" in text
    assert "Министерство юстиции" in text and "Казахстан" in text
    assert "МОДЕРАТОР" in text and "СПИКЕР" in text  # the bands' labels, in the badge's language
    assert "Евразийский форум" in text
    assert text.index("Қасымұлы Әсет 0") < text.index("Qasymuly Aset 0")


def test_the_latin_form_is_left_out_when_it_is_the_name_itself(tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    badge = Badge("John Smith", "John Smith", "WIPO", "Switzerland", BadgeRole.PRESS, "FD1:1:1:X")
    write_badges(target, "Forum", [badge], layout="a6", lang="en")
    text = pdf_text(target)
    assert text.count("John Smith") == 1
    assert "PRESS" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_long_name_and_organisation_shrink_and_wrap_inside_the_badge(layout: str) -> None:
    sheet = SHEETS[layout]  # type: ignore[index]
    badge = Badge(
        LONG_NAME,
        "Mukhammedkalieva-Tursynbaeva",
        LONG_ORG,
        "Казахстан",
        BadgeRole.SPEAKER,
        "FD1:1:1:AAAAAA",
    )
    left, bottom = sheet.origins()[-1]
    width, height = sheet.box

    face = badge_face(badge, "Форум", "ru", left, bottom, width, height)

    band_top = face.band[1] + face.band[3]
    qr_left, qr_bottom, qr_side = face.qr
    for line in face.lines:
        # measured again in the embedded font: every line lies inside the badge, above the band
        assert line.width == pytest.approx(text_width(line.text, line.font, line.size))
        assert left < line.x and line.x + line.width < left + width, line
        assert band_top < line.y - line.size * 0.25 and line.y + line.size < bottom + height
        # and clear of the QR code
        overlaps_qr_rows = line.y + line.size > qr_bottom and line.y < qr_bottom + qr_side
        if overlaps_qr_rows:
            assert line.x + line.width <= qr_left, line
    printed = " ".join(line.text for line in face.lines if line.font == BOLD)
    # all of the name, nothing cut off (lines break between words or after a hyphen)
    assert "".join(printed.split()) == "".join(LONG_NAME.split())
    assert (
        "".join(line.text for line in face.lines).replace(" ", "").count(LONG_ORG.replace(" ", ""))
        == 1
    )
    # the lines do not overlap one another
    ordered = sorted(face.lines, key=lambda line: -line.y)
    for upper, lower in itertools.pairwise(ordered):
        if upper.x + upper.width > lower.x and lower.x + lower.width > upper.x:
            assert upper.y - lower.y >= lower.size * 0.95


def test_a_word_longer_than_the_box_at_the_smallest_size_is_broken_not_cut() -> None:
    word = "Ы" * 60
    lines, size = fit_block(Block(word, BOLD, 20, 6, 2), 40 * mm)
    assert "".join(lines) == word
    assert all(text_width(line, BOLD, size) <= 40 * mm for line in lines)
    assert size == 6


def test_cancelling_stops_and_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    with pytest.raises(CancelledError):
        write_badges(target, "F", _badges(5), progress=lambda done, _total: done < 2)
    assert list(tmp_path.iterdir()) == []


def test_a_tent_is_a_folded_landscape_a4_with_the_upper_face_upside_down(tmp_path: Path) -> None:
    target = tmp_path / "tents.pdf"
    tents = [
        Tent(
            "Абенова Дана Ерлановна",
            "Abenova Dana Erlanovna",
            "Eurasia Business Review",
            "P1 · Opening",
        ),
        Tent(LONG_NAME, "Mukhammedkalieva", LONG_ORG, "S2 · Border"),
    ]

    assert write_tents(target, "Форум", tents) == 2

    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width) / mm), round(float(box.height) / mm)) == (297, 210)
    text = pdf_text(target)
    assert text.count("Abenova Dana Erlanovna") == 2  # once on each face
    assert "Eurasia Business Review" in text
    for page in render_pages(target, dpi=60):
        height = page.shape[0]
        keep = height // 2 - 4  # each face, without the dashed fold line between them
        lower = page[height - keep :]
        upper = page[:keep]
        assert (lower < 128).mean() > 0.01  # there is a name on it

        # turned by 180 degrees, the upper face is the lower one: the same ink row by row and
        # column by column (compared as profiles: a pixel's rounding may differ between faces)
        def profiles(face: np.ndarray) -> np.ndarray:
            ink = (face < 128).astype(float)
            smooth = np.ones(9) / 9  # forgives the pixel or two the faces' rounding differs by
            rows, columns = ink.sum(axis=1), ink.sum(axis=0)
            return np.concatenate(
                [np.convolve(rows, smooth, "same"), np.convolve(columns, smooth, "same")]
            )

        turned = profiles(np.rot90(upper, 2))
        assert np.corrcoef(turned, profiles(lower))[0, 1] > 0.93
        # and not merely alike: read without turning, the upper face does not match
        assert np.corrcoef(profiles(upper), profiles(lower))[0, 1] < 0.7
