"""The balance of a panel: the mix of its moderators' and speakers' sectors, countries and,
where recorded, genders.

Pure: the session editor feeds it the people being edited, the programme summary every
session's people, the checker the rule "a panel from one sector only". A person's sector and
country are their own, else their organisation's (as agendas list them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from forumdesk.core.countries import country_label
from forumdesk.core.enums import LEADING_ROLES, SPEAKING_ROLES, Gender, Role, Sector
from forumdesk.core.i18n import _, language
from forumdesk.scheduling.model import Problem, ProblemKind, Severity, fingerprint

PANEL_ROLES = frozenset((*LEADING_ROLES, *SPEAKING_ROLES))


@dataclass(frozen=True, slots=True)
class PanelMember:
    """What the balance reads of one person on a panel."""

    role: Role
    sector: Sector | None
    country: str | None
    gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class PanelBalance:
    """Counts, most first (ties in vocabulary or alphabetical order); None: not known."""

    people: int
    sectors: tuple[tuple[Sector | None, int], ...] = ()
    countries: tuple[tuple[str | None, int], ...] = ()
    genders: tuple[tuple[Gender | None, int], ...] = ()

    @property
    def single_sector(self) -> Sector | None:
        """The one sector of a panel of two or more whose every known sector is the same."""
        known = [(sector, count) for sector, count in self.sectors if sector is not None]
        if len(known) == 1 and known[0][1] >= 2:
            return known[0][0]
        return None

    @property
    def genders_recorded(self) -> bool:
        return any(gender is not None for gender, _count in self.genders)


def panel_balance(members: Iterable[PanelMember]) -> PanelBalance:
    """The balance of the moderators and speakers among `members` (the audience is left out)."""
    panel = [m for m in members if m.role in PANEL_ROLES]
    sector_order = {sector: n for n, sector in enumerate(Sector)}
    gender_order = {gender: n for n, gender in enumerate(Gender)}
    sectors = Counter(m.sector for m in panel)
    countries = Counter(m.country.strip() if m.country else None for m in panel)
    genders = Counter(m.gender for m in panel)
    return PanelBalance(
        len(panel),
        tuple(
            sorted(
                sectors.items(),
                key=lambda item: (-item[1], sector_order.get(item[0], 99)),  # type: ignore[arg-type]
            )
        ),
        tuple(
            sorted(countries.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))
        ),
        tuple(
            sorted(
                genders.items(),
                key=lambda item: (-item[1], gender_order.get(item[0], 99)),  # type: ignore[arg-type]
            )
        ),
    )


def one_sector_problems(
    panels: Mapping[int, Sequence[tuple[int, PanelMember]]], labels: Mapping[int, str]
) -> list[Problem]:
    """A warning for each session whose moderators and speakers are all of one sector.

    `panels` holds each session's people (person id, what is known of them) and `labels` how a
    message names each session. The fingerprint covers who is on the panel and their sectors,
    so an accepted warning comes back when the panel changes.
    """
    problems = []
    for session_id, people in panels.items():
        balance = panel_balance(member for _person_id, member in people)
        sector = balance.single_sector
        if sector is None:
            continue
        on_panel = sorted(
            (person_id, member.sector or "")
            for person_id, member in people
            if member.role in PANEL_ROLES
        )
        problems.append(
            Problem(
                ProblemKind.ONE_SECTOR_PANEL,
                Severity.WARNING,
                _(
                    "{session}: all {count} moderators and speakers are from one sector ({sector})."
                ).format(
                    session=labels.get(session_id, str(session_id)),
                    count=balance.people,
                    sector=sector.translated_label,
                ),
                (session_id,),
                (),
                f"one_sector_panel:{session_id}",
                fingerprint(*(f"{p}={s}" for p, s in on_panel)),
            )
        )
    return problems


def describe_sectors(balance: PanelBalance) -> str:
    return _counts(
        (sector.translated_label if sector else None, count) for sector, count in balance.sectors
    )


def describe_countries(balance: PanelBalance) -> str:
    """The countries by name in the language messages are written in (they are stored as codes)."""
    return _counts((country_label(code, language()), count) for code, count in balance.countries)


def describe_genders(balance: PanelBalance) -> str:
    """ "" when no one's gender is recorded (the field is optional)."""
    if not balance.genders_recorded:
        return ""
    return _counts(
        (gender.translated_label if gender else None, count) for gender, count in balance.genders
    )


def _counts(items: Iterable[tuple[str | None, int]]) -> str:
    unknown = _("not recorded")
    return ", ".join(f"{label or unknown} {count}" for label, count in items)
