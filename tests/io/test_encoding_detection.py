"""Which 8-bit encoding a CSV file is read in (forumdesk.io.encoding_detection, through
forumdesk.io.tables.read_table as the import reads it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumdesk.io import encoding_detection
from forumdesk.io.encoding_detection import AmbiguousEncodingError, detect_8bit_encoding
from forumdesk.io.tables import ImportFileError, read_table
from tests.io.spreadsheets import Rows, write_csv

# what Russian Excel saves as "CSV (разделители — точка с запятой)"
RUSSIAN = [
    ["Фамилия", "Имя", "Отчество", "Организация", "Должность", "Город", "Эл. почта"],
    ["Иванов", "Пётр", "Сергеевич", "Евразийская экономическая комиссия", "Эксперт", "Москва",
     "ivanov@example.ru"],
    ["Садыкова", "Динара", "Нурлановна", "Министерство юстиции", "Директор департамента",
     "Астана", "dinara@example.kz"],
    ["Смирнов", "Алексей", "", 'ООО "Ромашка"', "Генеральный директор", "Санкт-Петербург",
     "smirnov@example.ru"],
    ["Smith", "John", "", "WIPO", "Counsel", "Женева", "john@example.com"],
]  # fmt: skip
# cp1251 has «» and №, which KOI8-R and cp866 do not
RUSSIAN_EXCEL = [
    *RUSSIAN,
    ["Ким", "Ольга", "", "АО «Казпочта», отдел №2", "Менеджер", "Алматы", "kim@example.kz"],
]
# Kazakh names and places, in the Russian letters cp1251 has
KAZAKH = [
    ["ФИО", "Организация", "Город"],
    ["Жаксыбеков Ерлан Нурланович", "ТОО «Казахтелеком»", "Шымкент"],
    ["Кусаинова Гульмира Жумабековна", "АО НК «КазМунайГаз»", "Усть-Каменогорск"],
    ["Шыныбеков Ербол Муратулы", "Акимат Кызылординской области", "Кызылорда"],
    ["Ыскаков Куаныш", "ИП Ыскаков", "Актобе"],
]
WESTERN = [
    ["Nom", "Prénom", "Organisation", "Ville"],
    ["Mahé", "Hélène", "Ministère de la Culture", "Orléans"],
    ["Müller", "Jürgen", "Bäckerei Groß GmbH", "München"],
    ["Lefèvre", "François", "Société Générale", "Besançon"],
]
GREEK = [
    ["Επώνυμο", "Όνομα", "Οργανισμός", "Πόλη"],
    ["Παπαδόπουλος", "Γιώργος", "Υπουργείο Οικονομικών", "Αθήνα"],
    ["Κωνσταντίνου", "Μαρία", "Πανεπιστήμιο Αθηνών", "Θεσσαλονίκη"],
]


def _cells(path: Path, encoding: str | None = None) -> list[list[str]]:
    return [cells for _n, cells in read_table(path, encoding=encoding).rows]


@pytest.mark.parametrize(
    ("rows", "written", "read_as"),
    [
        (RUSSIAN_EXCEL, "cp1251", {"cp1251"}),
        (KAZAKH, "cp1251", {"cp1251"}),
        (RUSSIAN, "koi8-r", {"koi8-r"}),
        (RUSSIAN, "cp866", {"cp866"}),
        (WESTERN, "cp1252", {"cp1252"}),
        # the same letters at the same bytes: either name reads it right
        (WESTERN, "iso-8859-1", {"cp1252", "iso-8859-1", "iso-8859-15"}),
        (GREEK, "iso-8859-7", {"iso-8859-7", "cp1253"}),
        (GREEK, "cp1253", {"iso-8859-7", "cp1253"}),
    ],
)
def test_an_8bit_csv_is_read_in_the_encoding_it_was_written_in(
    tmp_path: Path, rows: Rows, written: str, read_as: set[str]
) -> None:
    path = write_csv(tmp_path / "list.csv", rows, encoding=written, delimiter=";")
    table = read_table(path)
    assert table.encoding in read_as
    assert [cells for _n, cells in table.rows] == [[c for c in row] for row in rows]


def test_western_names_are_not_read_as_cyrillic(tmp_path: Path) -> None:
    """The issue's own examples: «Hélène Mahé» in ISO-8859-1, «Müller» from Western Excel."""
    latin1 = write_csv(tmp_path / "fr.csv", [["Nom"], ["Hélène Mahé"]], encoding="iso-8859-1")
    assert _cells(latin1)[1] == ["Hélène Mahé"]
    cp1252 = write_csv(
        tmp_path / "de.csv", [["Name", "Firma"], ["Müller", "Siemens AG"]], encoding="cp1252"
    )
    assert _cells(cp1252)[1] == ["Müller", "Siemens AG"]
    # a control character, the same byte in every code page, does not throw detection off
    tab = tmp_path / "vt.csv"
    tab.write_bytes("Name;Note\nMüller;erste\x0bzweite\n".encode("cp1252"))
    assert _cells(tab)[1] == ["Müller", "erste\x0bzweite"]
    # Windows's own signs, which ISO-8859-1 has no letters for, say cp1252
    euro = write_csv(
        tmp_path / "fee.csv", [["Name", "Fee"], ["Müller", "100 €"]], encoding="cp1252"
    )
    assert read_table(euro).encoding == "cp1252"


def test_a_short_russian_file_is_read_without_a_question(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "list.csv",
        [["ФИО", "E-mail"], ["Иванов Иван", "i@x.kz"], ["Петров", "broken"]],
        encoding="cp1251",
        delimiter=";",
    )
    table = read_table(path)
    assert table.encoding == "cp1251" and table.rows[1][1] == ["Иванов Иван", "i@x.kz"]


def test_a_file_that_reads_sensibly_two_ways_is_not_guessed(tmp_path: Path) -> None:
    """«Да» in cp1251 is «Äà» in cp1252: two letters cannot tell them apart."""
    rows = [["Name", "E-mail", "Visa"], ["Smith", "john@example.com", "Да"]]
    path = write_csv(tmp_path / "visa.csv", rows, encoding="cp1251", delimiter=";")
    with pytest.raises(AmbiguousEncodingError) as caught:
        read_table(path)
    error = caught.value
    assert isinstance(error, ImportFileError)
    assert error.candidates[:2] == ["cp1251", "cp1252"] or set(error.candidates[:2]) == {
        "cp1251",
        "cp1252",
    }
    assert "cp1251" in str(error) and "cp1252" in str(error) and "--encoding" in str(error)
    assert error.previews["cp1251"].splitlines()[1] == "Smith;john@example.com;Да"
    assert error.previews["cp1252"].splitlines()[1] == "Smith;john@example.com;Äà"
    assert error.samples()["cp1251"] == "Smith;john@example.com;Да"
    # told which, it reads it that way
    assert _cells(path, "cp1251")[1][2] == "Да"
    assert _cells(path, "cp1252")[1][2] == "Äà"


def test_wrong_readings_are_judged_implausible() -> None:
    """Each of the classic misreadings, seen as text, is what the letters check turns down."""
    for word in ("Mьller", "Hйlиne", "Mahй"):  # Latin and Cyrillic in one word
        assert encoding_detection._odd_word(word)
    assert encoding_detection._odd_word("йЧБОПЧ")  # KOI8-R «Иванов» read as cp1251
    assert encoding_detection._odd_word("Èâàíîâ")  # cp1251 «Иванов» read as cp1252
    assert encoding_detection._odd_word("Ï¸òð")  # cp1251 «Пётр» read as cp1252
    assert encoding_detection._odd_word("ξςξ")  # a final sigma inside a word
    for word in ("Müller", "Hélène", "Иванов", "Пётр", "«Ромашка»", "Παπαδόπουλος", "Groß"):
        assert not encoding_detection._odd_word(word), word


def test_letters_in_no_language_are_not_guessed_at() -> None:
    """No reading makes words of it: the user is asked, not given the least bad guess."""
    data = "Name\nЪьЫъ ЩщЪь ЁъЬщ\n".encode("cp1251") * 20
    with pytest.raises(AmbiguousEncodingError) as caught:
        detect_8bit_encoding(data, "«noise.csv»")
    assert 1 < len(caught.value.candidates) <= 4


def test_only_the_head_of_a_large_file_is_examined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = encoding_detection._read

    def spy(sample: bytes, encoding: str) -> object:
        seen.append(len(sample))
        return real(sample, encoding)

    monkeypatch.setattr(encoding_detection, "_read", spy)
    line = "Иванов;Пётр;Евразийская экономическая комиссия;Москва\n".encode("cp1251")
    data = line * (2_000_000 // len(line))
    assert detect_8bit_encoding(data, "«big.csv»") == "cp1251"
    assert seen and max(seen) <= encoding_detection.SAMPLE_BYTES < len(data)


def test_a_byte_the_detected_encoding_lacks_past_the_sample_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "tail.csv"
    line = "Παπαδόπουλος;Αθήνα\n".encode("iso-8859-7")
    # 0xFF is no letter in ISO-8859-7 (nor in cp1253): beyond the sample, it cannot be read
    path.write_bytes(line * (encoding_detection.SAMPLE_BYTES // len(line) + 10) + b"\xff\n")
    with pytest.raises(ImportFileError, match="Try another encoding"):
        read_table(path)
