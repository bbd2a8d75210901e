"""Phone numbers written one way: "+7 701 555 00 00" for Kazakhstan and Russia, the international
format (phonenumbers) for the rest, and what does not parse kept as written.

An attendee list holds thousands of numbers, nearly all distinct, so each way is made cheap.
Kazakh and Russian numbers never reach phonenumbers (the digits tell them). A foreign number
written the plain international way ("+996 555 275 9888": a plus, digits, single spaces) skips
phonenumbers' general parser, which looks for a number inside any text and is two thirds of its
cost: its country code and national number are read off the digits exactly as that parser would
read them, and wherever the parser could do something more (a national prefix such as the UK's
0 to strip, a leading zero to keep) the number goes to the parser after all. Validating and
formatting are phonenumbers' own in both cases, so the result is the parser's, only sooner.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_PHONE_CHARS = re.compile(r"^[\d\s+()\-./]+$")
_NOT_DIGITS = re.compile(r"\D+")
_WRITTEN_AS_KZ = re.compile(r"\+7 \d{3} \d{3} \d{2} \d{2}")  # what normalize_phone gives +7 numbers
# the plain international way: a plus, then digits in groups with one space between (ASCII only:
# phonenumbers reads other digits too, and those take its general way)
_PLAIN_INTERNATIONAL = re.compile(r"\+[0-9]+(?: [0-9]+)*")
# phonenumbers' bounds on a national significant number (_MIN_LENGTH_FOR_NSN, _MAX_LENGTH_FOR_NSN)
_SHORTEST_NATIONAL, _LONGEST_NATIONAL = 2, 17
_OTHER_FIRST_DIGITS = frozenset("012345689")  # what a foreign number's code starts with
_REGION = "KZ"  # where a number written without a country code is taken to be


def normalize_phone(value: str) -> str:
    """ "8 (701) 555-00-00", 87015550000 -> "+7 701 555 00 00"; other countries via phonenumbers.

    What does not parse as a phone number is kept as written.
    """
    if _WRITTEN_AS_KZ.fullmatch(value):
        return value  # already written the way the branch below would write it
    if value[:1] == "+" and value[1:2] in _OTHER_FIRST_DIGITS:
        return phonenumbers_format(value)  # a plus, then not 7: the branch below cannot apply
    if _PHONE_CHARS.match(value):
        # only digits (\d, which is what isdigit() means among these characters) are kept
        digits = _NOT_DIGITS.sub("", value)
        plus = value.lstrip().startswith("+")
        national = None
        if len(digits) == 11 and (digits[0] == "7" or (digits[0] == "8" and not plus)):
            national = digits[1:]  # +7 (Kazakhstan, Russia), or 8, the trunk prefix, instead
        elif len(digits) == 10 and not plus and digits[0] in "3456789":
            national = digits  # Kazakhstan (default region) or Russia without the 8
        if national is not None:
            return f"+7 {national[:3]} {national[3:6]} {national[6:8]} {national[8:]}"
    return phonenumbers_format(value)


def phonenumbers_format(value: str) -> str:
    """`value` in phonenumbers' international format if it is a valid number, else as it is."""
    phonenumbers = _library()
    if phonenumbers is None:
        return value
    number = _plain_international(value)
    if number is None:
        try:
            number = phonenumbers.parse(value, _REGION)
        except phonenumbers.NumberParseException:
            return value
    if not phonenumbers.is_valid_number(number):
        return value
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return str(formatted)


def parsed_the_long_way(value: str) -> str:
    """What phonenumbers_format gives with phonenumbers' general parser for every number (for
    tests: the short way must give the same)."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, _REGION)
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_valid_number(number):
        return value
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


@functools.cache
def _library() -> Any:
    """phonenumbers, its compiled patterns kept (it compiles its metadata's patterns as it goes,
    a dozen for each number, and without this relies on the re module's small cache); None
    if it is not installed (numbers are then kept as written)."""
    try:
        import phonenumbers
    except ImportError:
        return None
    keep_patterns = getattr(phonenumbers, "enable_pattern_cache", None)  # phonenumbers 9+
    if keep_patterns is not None:
        keep_patterns()
    return phonenumbers


def _plain_international(value: str) -> Any:
    """The phonenumbers.PhoneNumber that phonenumbers.parse would give `value`, read directly
    when it is written the plain international way and nothing else in parsing could apply;
    else None (parse it)."""
    if not _PLAIN_INTERNATIONAL.fullmatch(value):
        return None
    digits = value[1:].replace(" ", "")
    # the country calling code, as the parser reads it: the shortest of one to three digits that
    # is one (none starts with 0, and the parser reads such a number otherwise)
    codes = _calling_codes()
    for length in (1, 2, 3):
        code = codes.get(digits[:length])
        if code is not None:
            break
    else:
        return None
    national = digits[length:]
    if (
        not _SHORTEST_NATIONAL <= len(national) <= _LONGEST_NATIONAL
        or national[0] == "0"  # a leading zero kept (Italy) or a national prefix: the parser's
    ):
        return None
    prefix = _national_prefix(code)
    if prefix is None or prefix.match(national):
        return None  # a national prefix the parser might strip, or a country it reads otherwise
    return _library().PhoneNumber(country_code=code, national_number=int(national))


@functools.cache
def _calling_codes() -> dict[str, int]:
    """Every calling code phonenumbers knows, by its digits."""
    return {str(code): code for code in _library().COUNTRY_CODE_TO_REGION_CODE}


_NEVER = re.compile(r"(?!)")  # a country with no national prefix: nothing to strip


@functools.cache
def _national_prefix(code: int) -> re.Pattern[str] | None:
    """What the parser would take for a national prefix in a number of country `code` (a
    pattern matching nothing if none); None where the short way does not apply at all."""
    phonenumbers = _library()
    region = phonenumbers.region_code_for_country_code(code)
    if region == _REGION:
        return None  # the parser would keep the default region's metadata: take its way
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(code, region)
    if metadata is None:
        return None
    pattern = metadata.national_prefix_for_parsing
    return re.compile(pattern) if pattern else _NEVER
