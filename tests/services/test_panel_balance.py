"""The balance of each panel: sectors (a person's own, else their organisation's), countries
and, where recorded, genders of moderators and speakers; the audience is left out."""

from __future__ import annotations

import pytest

from forumdesk.core.enums import Gender, Role, Sector
from forumdesk.core.errors import ValidationError
from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.scheduling.panel_balance import (
    PanelMember,
    describe_countries,
    describe_genders,
    describe_sectors,
    panel_balance,
)
from forumdesk.services import assignments, people, sessions
from forumdesk.services import panel_balance as balances


def test_counts_most_first_and_leaves_the_audience_out() -> None:
    balance = panel_balance(
        [
            PanelMember(Role.MODERATOR, Sector.GOVERNMENT, "Kazakhstan", Gender.FEMALE),
            PanelMember(Role.SPEAKER, Sector.BUSINESS, "Russia", None),
            PanelMember(Role.PANELIST, Sector.BUSINESS, "Kazakhstan", Gender.MALE),
            PanelMember(Role.PARTICIPANT, Sector.MEDIA, "France", Gender.MALE),
        ]
    )
    assert balance.people == 3
    assert balance.sectors == ((Sector.BUSINESS, 2), (Sector.GOVERNMENT, 1))
    assert balance.countries == (("Kazakhstan", 2), ("Russia", 1))
    assert describe_sectors(balance) == "business 2, government 1"
    assert describe_genders(balance) == "female 1, male 1, not recorded 1"
    assert balance.single_sector is None


def test_one_sector_only_needs_two_people_of_it_and_no_other() -> None:
    two = [PanelMember(Role.MODERATOR, Sector.GOVERNMENT, None)] * 2
    assert panel_balance(two).single_sector is Sector.GOVERNMENT
    assert panel_balance(two[:1]).single_sector is None
    unknown = [*two, PanelMember(Role.SPEAKER, None, None)]
    assert panel_balance(unknown).single_sector is Sector.GOVERNMENT  # unknowns do not mix it
    assert describe_genders(panel_balance(two)) == ""  # no gender recorded: nothing to say


def test_a_session_balance_reads_organisations_and_genders(db: Database, event: EventRow) -> None:
    people.create_organization(db, "ФТС", country="Kazakhstan", sector=Sector.GOVERNMENT)
    moderator = people.create_person(db, "Иванова", "Анна", organization="ФТС", gender="female")
    speaker = people.create_person(
        db, "Smith", "John", organization="Nike", sector="rights holder", gender=Gender.MALE
    )
    talk = sessions.create_session(db, event.id, "Marketplaces", code="S1")
    assignments.assign_people(db, talk.id, [moderator.id], Role.MODERATOR, expected_version=None)
    assignments.assign_people(db, talk.id, [speaker.id], Role.SPEAKER, expected_version=None)

    [found] = balances.programme_balance(db, event.id)

    assert found.code == "S1"
    assert found.balance.sectors == ((Sector.GOVERNMENT, 1), (Sector.RIGHTS_HOLDER, 1))
    assert found.balance.countries == (("KZ", 1), (None, 1))  # stored as ISO codes
    assert describe_countries(found.balance) == "Kazakhstan 1, not recorded 1"  # shown by name
    assert found.balance.genders == ((Gender.FEMALE, 1), (Gender.MALE, 1))
    unsaved = balances.balance_of(db, [(moderator.id, Role.MODERATOR)])
    assert unsaved.people == 1 and unsaved.sectors == ((Sector.GOVERNMENT, 1),)


def test_a_gender_outside_the_vocabulary_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError):
        people.create_person(db, "Иванова", "Анна", gender="unknown-word")
    person = people.create_person(db, "Иванова", "Анна", gender="Female")
    assert people.get_person(db, person.id).gender is Gender.FEMALE
    people.update_person(db, person.id, {"gender": None}, expected_version=person.version)
    assert people.get_person(db, person.id).gender is None


def test_the_one_sector_warning_is_off_until_the_event_asks_for_it(
    db: Database, event: EventRow
) -> None:
    from forumdesk.scheduling.model import ProblemKind
    from forumdesk.services import events, problems

    minister = people.create_person(db, "Иванов", "Иван", sector=Sector.GOVERNMENT)
    deputy = people.create_person(db, "Петров", "Пётр", sector=Sector.GOVERNMENT)
    talk = sessions.create_session(db, event.id, "Customs", code="S1")
    assignments.assign_people(db, talk.id, [minister.id], Role.MODERATOR, expected_version=None)
    assignments.assign_people(db, talk.id, [deputy.id], Role.SPEAKER, expected_version=None)

    def one_sector() -> list[str]:
        return [
            p.message
            for p in problems.check_event(db, event.id)
            if p.kind is ProblemKind.ONE_SECTOR_PANEL
        ]

    assert one_sector() == []
    events.update_event(db, event.id, {"one_sector_warning": True}, expected_version=None)
    [message] = one_sector()
    assert "S1" in message and "government" in message
    business = people.create_person(db, "Smith", "Ann", sector=Sector.BUSINESS)
    assignments.assign_people(db, talk.id, [business.id], Role.SPEAKER, expected_version=None)
    assert one_sector() == []
