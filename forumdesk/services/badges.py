"""Badges and table tents: who gets one, what it says, and writing the PDF.

Badges go to a chosen set of people: everyone registered for the event (cancelled registrations
left out), the people of one session, or a list of people (the People page's selection). Each
badge's colour band is the most prominent role the person has in the event's sessions:
moderator (and co-moderator), then speaker (speaker, panelist, rapporteur), then press (a person
or organisation of the media sector), else participant; staff badges are asked for by choosing
that role for the whole set. The QR code holds the person's check-in code
(services.checkin.checkin_codes), so the badge is what the Check-in page scans.

Table tents go to each moderator and speaker of each session (or of one session), in programme
order, those who lead a session first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from forumdesk.core.countries import country_label
from forumdesk.core.enums import (
    BREAK_KINDS,
    LEADING_ROLES,
    SPEAKING_ROLES,
    RegistrationStatus,
    Role,
    Sector,
)
from forumdesk.core.errors import NotFoundError, ValidationError
from forumdesk.core.i18n import _
from forumdesk.core.progress import Progress
from forumdesk.core.transliteration import latin_name
from forumdesk.db.engine import Database
from forumdesk.db.models import (
    Assignment,
    Event,
    Organization,
    Person,
    ProgramSession,
    Registration,
    Room,
)
from forumdesk.io.badges import (
    LAYOUTS,
    Badge,
    BadgeRole,
    Lang,
    Layout,
    Tent,
    write_badges,
    write_tents,
)
from forumdesk.io.collation import name_key
from forumdesk.services.checkin import checkin_codes
from forumdesk.services.records import load

__all__ = [
    "LAYOUTS",
    "BadgeResult",
    "BadgeRole",
    "badges_for",
    "export_badges",
    "export_tents",
    "session_id_for_code",
    "tents_for",
]

_RANK = {
    **{role: BadgeRole.MODERATOR for role in LEADING_ROLES},
    **{role: BadgeRole.SPEAKER for role in (*SPEAKING_ROLES, Role.RAPPORTEUR)},
    Role.PARTICIPANT: BadgeRole.PARTICIPANT,
}
_ORDER = list(BadgeRole)  # most prominent first


@dataclass(frozen=True)
class BadgeResult:
    path: Path
    count: int  # badges or tents written
    pages: int


def session_id_for_code(db: Database, event_id: int, code: str) -> int:
    """The id of the event's session with this code (compared ignoring case and spaces)."""
    wanted = "".join(code.split()).casefold()
    with db.reader() as session:
        load(session, Event, event_id, "event")
        found = session.execute(
            select(ProgramSession.id, ProgramSession.code).where(
                ProgramSession.event_id == event_id, ProgramSession.code.is_not(None)
            )
        ).all()
    for session_id, stored in found:
        if "".join((stored or "").split()).casefold() == wanted:
            return int(session_id)
    raise NotFoundError(_("The event has no session with the code «{code}».").format(code=code))


def _session_of_event(session: Session, event_id: int, session_id: int) -> ProgramSession:
    programme_session = load(session, ProgramSession, session_id, "session")
    if programme_session.event_id != event_id:
        raise NotFoundError(_("That session belongs to another event."))
    return programme_session


def _chosen_people(
    session: Session,
    event_id: int,
    session_id: int | None,
    person_ids: Sequence[int] | None,
    lang: Lang,
) -> list[int]:
    if person_ids is not None:
        known = set(session.scalars(select(Person.id).where(Person.id.in_(list(person_ids)))))
        return [person_id for person_id in dict.fromkeys(person_ids) if person_id in known]
    if session_id is not None:
        _session_of_event(session, event_id, session_id)
        return list(
            session.scalars(
                select(Assignment.person_id)
                .where(Assignment.session_id == session_id)
                .order_by(Assignment.position, Assignment.person_id)
            )
        )
    registered = session.execute(
        select(Person.id, Person.display_name)
        .join(Registration, Registration.person_id == Person.id)
        .where(
            Registration.event_id == event_id,
            Registration.status != RegistrationStatus.CANCELLED,
        )
    ).all()
    # the order staff hand badges out in: by name, as the event's language sorts them
    return [row[0] for row in sorted(registered, key=lambda row: name_key(row[1], lang))]


def _roles(session: Session, event_id: int, person_ids: list[int]) -> dict[int, BadgeRole]:
    """Each person's most prominent role in the event's sessions."""
    best: dict[int, BadgeRole] = {}
    rows = session.execute(
        select(Assignment.person_id, Assignment.role)
        .join(ProgramSession, ProgramSession.id == Assignment.session_id)
        .where(ProgramSession.event_id == event_id, Assignment.person_id.in_(person_ids))
    )
    for person_id, role in rows:
        badge_role = _RANK.get(role, BadgeRole.PARTICIPANT)
        held = best.get(person_id)
        if held is None or _ORDER.index(badge_role) < _ORDER.index(held):
            best[person_id] = badge_role
    return best


def badges_for(
    db: Database,
    event_id: int,
    *,
    session_id: int | None = None,
    person_ids: Sequence[int] | None = None,
    lang: Lang = "ru",
    role: BadgeRole | None = None,
) -> list[Badge]:
    """The badges of the people chosen: `person_ids` if given, else the session's people if
    `session_id`, else everyone registered for the event. `role` puts one role on them all."""
    with db.reader() as session:
        load(session, Event, event_id, "event")
        chosen = _chosen_people(session, event_id, session_id, person_ids, lang)
        roles = _roles(session, event_id, chosen)
        rows = {
            row[0]: row
            for row in session.execute(
                select(
                    Person.id,
                    Person.display_name,
                    Person.latin_name,
                    Organization.name,
                    Person.country,
                    Person.sector,
                    Organization.sector,
                )
                .outerjoin(Organization, Organization.id == Person.organization_id)
                .where(Person.id.in_(chosen))
            )
        }
    codes = checkin_codes(db, event_id, chosen)
    badges = []
    for person_id in chosen:
        _id, name, latin, organization, country, sector, organization_sector = rows[person_id]
        badge_role = role or roles.get(person_id)
        if badge_role is None:
            media = Sector.MEDIA in (sector, organization_sector)
            badge_role = BadgeRole.PRESS if media else BadgeRole.PARTICIPANT
        badges.append(
            Badge(
                name=name,
                latin_name=latin or latin_name(name),
                organization=organization,
                country=country_label(country, lang),
                role=badge_role,
                code=codes[person_id],
            )
        )
    return badges


def tents_for(db: Database, event_id: int, *, session_id: int | None = None) -> list[Tent]:
    """A tent for each moderator and speaker of each session (or of one), in programme order;
    breaks and sessions called off have none."""
    table_roles = (*LEADING_ROLES, *SPEAKING_ROLES)
    with db.reader() as session:
        load(session, Event, event_id, "event")
        query = (
            select(
                ProgramSession.id,
                ProgramSession.code,
                ProgramSession.title,
                Person.display_name,
                Person.latin_name,
                Organization.name,
                Assignment.role,
            )
            .join(Assignment, Assignment.session_id == ProgramSession.id)
            .join(Person, Person.id == Assignment.person_id)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .outerjoin(Room, Room.id == ProgramSession.room_id)
            .where(ProgramSession.event_id == event_id, Assignment.role.in_(table_roles))
            .order_by(
                ProgramSession.starts_at.is_(None),
                ProgramSession.starts_at,
                Room.position,
                ProgramSession.code,
                ProgramSession.id,
                Assignment.position,
            )
        )
        if session_id is not None:
            _session_of_event(session, event_id, session_id)
            query = query.where(ProgramSession.id == session_id)
        else:
            query = query.where(
                ProgramSession.kind.not_in(BREAK_KINDS), ProgramSession.cancelled.is_(False)
            )
        rows = session.execute(query).all()
    # within a session, those who lead it first; otherwise in the query's order
    session_rank: dict[int, int] = {}
    for row in rows:
        session_rank.setdefault(row[0], len(session_rank))
    leading = set(LEADING_ROLES)
    ranked = sorted(
        range(len(rows)), key=lambda i: (session_rank[rows[i][0]], rows[i][6] not in leading, i)
    )
    tents = []
    for index in ranked:
        _sid, code, title, name, latin, organization, _role = rows[index]
        tents.append(
            Tent(
                name=name,
                latin_name=latin or latin_name(name),
                organization=organization,
                session=" · ".join(part for part in (code, title) if part),
            )
        )
    return tents


def _event_name(db: Database, event_id: int) -> str:
    with db.reader() as session:
        return load(session, Event, event_id, "event").name


def export_badges(
    db: Database,
    event_id: int,
    path: Path,
    *,
    layout: Layout = "a6",
    lang: Lang = "ru",
    session_id: int | None = None,
    person_ids: Sequence[int] | None = None,
    role: BadgeRole | None = None,
    progress: Progress | None = None,
) -> BadgeResult:
    """Write the chosen people's badges to `path` (see badges_for); none chosen is refused."""
    if layout not in LAYOUTS:
        raise ValidationError(
            _("Unknown badge layout «{layout}»; choose one of {layouts}.").format(
                layout=layout, layouts=", ".join(LAYOUTS)
            )
        )
    badges = badges_for(
        db, event_id, session_id=session_id, person_ids=person_ids, lang=lang, role=role
    )
    if not badges:
        raise ValidationError(_("Nobody was chosen, so there are no badges to print."))
    pages = write_badges(
        Path(path), _event_name(db, event_id), badges, layout=layout, lang=lang, progress=progress
    )
    return BadgeResult(Path(path), len(badges), pages)


def export_tents(
    db: Database,
    event_id: int,
    path: Path,
    *,
    session_id: int | None = None,
    progress: Progress | None = None,
) -> BadgeResult:
    """Write the table tents of the event's sessions (or of one) to `path`."""
    tents = tents_for(db, event_id, session_id=session_id)
    if not tents:
        raise ValidationError(
            _("No session has moderators or speakers yet, so there are no table tents to print.")
        )
    pages = write_tents(Path(path), _event_name(db, event_id), tents, progress=progress)
    return BadgeResult(Path(path), len(tents), pages)
