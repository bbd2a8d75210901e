"""Tests for forumdesk/io/font_metrics.py: the shipped fonts load, the widest stand-in wins."""

from __future__ import annotations

from forumdesk.core.resources import resource_path
from forumdesk.io.font_metrics import _FILES, STAND_INS, font_face, load_face, wrapped_lines


def test_every_shipped_face_loads_with_its_licence_beside_it() -> None:
    for family, faces in _FILES.items():
        for (bold, italic), name in faces.items():
            assert resource_path("fonts", name).is_file()
            face = load_face(family, bold, italic)
            assert face.widths["a"] > 0 and face.widths["д"] > 0  # Latin and Cyrillic
            assert 1.0 < face.line < 1.4
        licence = resource_path("fonts", f"{faces[(False, False)].split('-')[0].split('.')[0]}")
        assert licence.with_name(licence.name + "-copyright.txt").is_file()
    for stand_ins in STAND_INS.values():
        assert set(stand_ins) <= set(_FILES)


def test_the_widest_stand_in_wins_per_character_in_column_digits() -> None:
    calibri = font_face("Calibri")
    carlito = load_face("Carlito")
    dejavu = load_face("DejaVu Sans")
    scale = carlito.digit / dejavu.digit
    for char in "aWд0 ,.":
        assert calibri.widths[char] == max(carlito.widths[char], dejavu.widths[char] * scale)
    assert calibri.line == max(carlito.line, dejavu.line)


def test_wrapping_breaks_at_spaces_and_long_words_anywhere() -> None:
    face = font_face("Calibri")
    zero = face.widths["0"]
    assert wrapped_lines("00 00", 5 * zero, face) == 1
    assert wrapped_lines("00 00", 4 * zero, face) == 2
    assert wrapped_lines("0" * 10, 4 * zero, face) == 3  # 4 + 4 + 2
    assert wrapped_lines("00 " + "0" * 10, 4 * zero, face) == 4
    assert wrapped_lines("a\nb\n", 10 * zero, face) == 3
    assert wrapped_lines("中文", 10 * zero, face) == 1  # a character no face has: one em
