"""Phone numbers: the short way through plain international numbers gives what phonenumbers'
general parser gives, for every country's numbers and for random digits."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from forumdesk.io.phones import (
    _plain_international,
    normalize_phone,
    parsed_the_long_way,
    phonenumbers_format,
)


def _every_region_example() -> list[str]:
    """Each region's example numbers, of each type, written internationally and as E.164, with
    the national number's groups run together and split again."""
    written: list[str] = []
    types = (
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.VOIP,
    )
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in types:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is None:
                continue
            international = phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
            )
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            code, national = str(number.country_code), str(number.national_number)
            written += [
                international,
                e164,
                f"+{code} {national}",
                f"+{code} 0{national}",  # the national prefix left in
                f"+{code} {national[:-1]}",  # a digit short
                f"+{code} {national}9",  # a digit too many
            ]
    return written


def test_every_countrys_numbers_read_the_short_way_as_the_parser_reads_them() -> None:
    examples = _every_region_example()
    assert len(examples) > 1_000
    short = 0
    for value in examples:
        assert phonenumbers_format(value) == parsed_the_long_way(value), value
        short += _plain_international(value) is not None
    # most of them take the short way (else it would prove nothing)
    assert short > len(examples) // 2


@given(
    st.sampled_from(["", "1", "7", "44", "49", "86", "90", "374", "375", "996", "998", "800"]),
    st.lists(st.text(alphabet="0123456789", min_size=1, max_size=5), min_size=1, max_size=6),
)
def test_random_digits_read_the_short_way_as_the_parser_reads_them(
    code: str, groups: list[str]
) -> None:
    value = "+" + code + " ".join(groups) if not code else f"+{code} " + " ".join(groups)
    assert phonenumbers_format(value) == parsed_the_long_way(value)


@pytest.mark.parametrize(
    ("value", "short"),
    [
        ("+996 555 275 9888", True),
        ("+44 20 7946 0958", True),
        ("+44 020 7946 0958", False),  # the UK's national prefix: the parser strips it
        ("+1 1202 555 0100", False),  # the US's 1 as a national prefix
        ("+39 06 6982 0000", False),  # Italy keeps a leading zero
        ("+7 701 555 00 00", True),  # read with Russia's metadata, as the parser reads it
        ("+44  20 7946 0958", False),  # two spaces: not the plain way
        ("(+44) 20 7946 0958", False),
        ("+٤٤ 20 7946 0958", False),  # Arabic-Indic digits
    ],
)
def test_which_numbers_take_the_short_way(value: str, short: bool) -> None:
    assert (_plain_international(value) is not None) is short
    assert phonenumbers_format(value) == parsed_the_long_way(value)


def test_foreign_numbers_are_written_internationally_and_bad_ones_kept() -> None:
    assert normalize_phone("+996555275988") == "+996 555 275 988"
    assert normalize_phone("+44 20 7946 0958") == "+44 20 7946 0958"
    assert normalize_phone("+44 020 7946 0958") == "+44 20 7946 0958"
    assert normalize_phone("+996 1") == "+996 1"  # too short: as written
    assert normalize_phone("+999 555 275 9888") == "+999 555 275 9888"  # no such country


def _by_the_rule(value: str) -> str:
    """normalize_phone's rule, written plainly: +7/8 and ten-digit numbers as Kazakhstan and
    Russia write them, the rest as phonenumbers' parser reads them."""
    if set(value) <= set("0123456789 +()-./"):
        digits = "".join(c for c in value if c.isdigit())
        plus = value.lstrip().startswith("+")
        national = None
        if len(digits) == 11 and (digits[0] == "7" or (digits[0] == "8" and not plus)):
            national = digits[1:]
        elif len(digits) == 10 and not plus and digits[0] in "3456789":
            national = digits
        if national is not None:
            return f"+7 {national[:3]} {national[3:6]} {national[6:8]} {national[8:]}"
    return parsed_the_long_way(value)


@given(st.text(alphabet="+0123456789 ()-", min_size=1, max_size=18))
def test_every_number_is_written_by_the_rule(value: str) -> None:
    assert normalize_phone(value) == _by_the_rule(value)


@pytest.mark.parametrize(
    "value", ["+ 7 701 555 00 00", "+(7) 701 555 00 00", "+996 555 275 9888", "+7 701 5550000"]
)
def test_numbers_with_a_plus_are_written_by_the_rule(value: str) -> None:
    assert normalize_phone(value) == _by_the_rule(value)
