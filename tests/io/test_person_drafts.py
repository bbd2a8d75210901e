"""new_person gives what PersonRow(...) gives, every field of it."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from forumdesk.core.enums import Gender, Sector
from forumdesk.core.rows import PersonRow
from forumdesk.io.person_drafts import new_person

_TEXT = st.none() | st.text(max_size=12)


@given(
    st.text(max_size=12),
    st.lists(_TEXT, min_size=10, max_size=10),
    st.none() | st.sampled_from(list(Sector)),
    _TEXT,
    st.none() | st.sampled_from(list(Gender)),
)
def test_a_new_person_is_the_person_the_dataclass_makes(
    family: str,
    values: list[str | None],
    sector: Sector | None,
    latin: str | None,
    gender: Gender | None,
) -> None:
    (
        given_name,
        patronymic,
        display,
        organization,
        position,
        country,
        email,
        phone,
        language,
        notes,
    ) = values
    display = display or family
    made = new_person(
        family,
        given_name,
        patronymic,
        display,
        organization,
        position,
        country,
        sector,
        email,
        phone,
        language,
        notes,
        latin_name=latin,
        gender=gender,
    )
    expected = PersonRow(
        0,
        family,
        given_name,
        patronymic,
        display,
        None,
        organization,
        position,
        country,
        sector,
        email,
        phone,
        language,
        notes,
        0,
        latin_name=latin,
        gender=gender,
    )
    assert type(made) is PersonRow
    # every field, one by one (a field new_person did not set would raise AttributeError here)
    for field in dataclasses.fields(PersonRow):
        assert getattr(made, field.name) == getattr(expected, field.name), field.name
    assert made == expected
    assert hash(made) == hash(expected)
    assert dataclasses.replace(made, notes="x") == dataclasses.replace(expected, notes="x")


def test_a_new_person_stays_frozen() -> None:
    person = new_person(
        "Иванов", None, None, "Иванов", None, None, None, None, None, None, None, None
    )
    try:
        person.family_name = "Петров"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a new person could be changed")


def test_person_row_has_nothing_new_person_would_skip() -> None:
    # new_person bypasses __init__: that is only safe while __init__ does nothing else
    assert not hasattr(PersonRow, "__post_init__")
    assert [f.name for f in dataclasses.fields(PersonRow)] == [
        "id",
        "family_name",
        "given_name",
        "patronymic",
        "display_name",
        "organization_id",
        "organization",
        "position",
        "country",
        "sector",
        "email",
        "phone",
        "language",
        "notes",
        "version",
        "latin_name",
        "organization_country",
        "organization_sector",
        "gender",
    ]
