"""The balance of each panel, read from the database: what the session editor shows for the
people being edited and the programme summary for every session (scheduling.panel_balance
does the counting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forumdesk.core.enums import BREAK_KINDS, Role
from forumdesk.db.engine import Database
from forumdesk.db.models import Assignment, Organization, Person, ProgramSession
from forumdesk.scheduling.model import Problem
from forumdesk.scheduling.panel_balance import (
    PANEL_ROLES,
    PanelBalance,
    PanelMember,
    one_sector_problems,
    panel_balance,
)


@dataclass(frozen=True, slots=True)
class SessionBalance:
    session_id: int
    code: str | None
    title: str
    starts_at: dt.datetime | None
    balance: PanelBalance


def _member_columns() -> tuple[object, ...]:
    return (
        Person.id,
        func.coalesce(Person.sector, Organization.sector),
        func.coalesce(Person.country, Organization.country),
        Person.gender,
    )


def _members(session: Session, person_ids: Sequence[int]) -> dict[int, tuple[object, ...]]:
    found: dict[int, tuple[object, ...]] = {}
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), 500):
        query = (
            select(*_member_columns())  # type: ignore[call-overload]
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(Person.id.in_(ids[start : start + 500]))
        )
        found.update({row[0]: tuple(row[1:]) for row in session.execute(query)})
    return found


def _member(role: Role, facts: tuple[object, ...]) -> PanelMember:
    sector, country, gender = facts
    return PanelMember(role, sector, country, gender)  # type: ignore[arg-type]


def balance_of(db: Database, people: Sequence[tuple[int, Role]]) -> PanelBalance:
    """The balance of these people in these roles (the session editor's list, unsaved)."""
    with db.reader() as session:
        facts = _members(session, [person_id for person_id, _role in people])
    return panel_balance(
        _member(role, facts[person_id]) for person_id, role in people if person_id in facts
    )


def one_sector_warnings(session: Session, event_id: int, labels: dict[int, str]) -> list[Problem]:
    """Query helper: the warning "a panel from one sector only" for each such session."""
    panels: dict[int, list[tuple[int, Role]]] = {}
    query = (
        select(Assignment.session_id, Assignment.person_id, Assignment.role)
        .join(ProgramSession, ProgramSession.id == Assignment.session_id)
        .where(ProgramSession.event_id == event_id, Assignment.role.in_(PANEL_ROLES))
    )
    for session_id, person_id, role in session.execute(query):
        panels.setdefault(session_id, []).append((person_id, role))
    facts = _members(session, [p for panel in panels.values() for p, _role in panel])
    return one_sector_problems(
        {
            session_id: [(p, _member(role, facts[p])) for p, role in panel if p in facts]
            for session_id, panel in panels.items()
        },
        labels,
    )


def programme_balance(db: Database, event_id: int) -> list[SessionBalance]:
    """Every session with a panel (breaks left out), in programme order, with its balance."""
    with db.reader() as session:
        sessions = session.execute(
            select(
                ProgramSession.id,
                ProgramSession.code,
                ProgramSession.title,
                ProgramSession.starts_at,
            )
            .where(ProgramSession.event_id == event_id, ProgramSession.kind.not_in(BREAK_KINDS))
            .order_by(
                ProgramSession.starts_at.is_(None), ProgramSession.starts_at, ProgramSession.id
            )
        ).all()
        panels: dict[int, list[tuple[int, Role]]] = {}
        query = (
            select(Assignment.session_id, Assignment.person_id, Assignment.role)
            .join(ProgramSession, ProgramSession.id == Assignment.session_id)
            .where(ProgramSession.event_id == event_id, Assignment.role.in_(PANEL_ROLES))
        )
        for session_id, person_id, role in session.execute(query):
            panels.setdefault(session_id, []).append((person_id, role))
        facts = _members(session, [p for panel in panels.values() for p, _role in panel])
    return [
        SessionBalance(
            row.id,
            row.code,
            row.title,
            row.starts_at,
            panel_balance(_member(role, facts[p]) for p, role in panels.get(row.id, [])),
        )
        for row in sessions
    ]
