"""The demo forum shipped in resources/demo/forum.json: loaded in one unit of work, once.

Its content is in English and Russian, as the real forum's was: English is its main language
(the records' own columns), Russian its second (their translations).

Loading it again finds the event by name and first day and adds nothing. People already in the
directory (same e-mail, or same name and organisation) are reused, not duplicated. With
`undoable`, loading records what it creates as an import does (DemoResult.changes), so the window
can undo and redo it as one step with forumdesk.services.import_undo (what="demo").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forumdesk.core import content_languages as langs
from forumdesk.core import text
from forumdesk.core.countries import stored_country
from forumdesk.core.enums import RegistrationStatus, Role, Sector, SessionKind
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import _
from forumdesk.core.resources import resource_path
from forumdesk.core.rows import EventRow
from forumdesk.core.transliteration import latin_name
from forumdesk.db.engine import Database
from forumdesk.db.journal import as_one_entry
from forumdesk.db.models import (
    Assignment,
    Event,
    Organization,
    Person,
    ProgramSession,
    Registration,
    Room,
    Track,
)
from forumdesk.services.events import event_row
from forumdesk.services.import_undo import ChangeRecorder, ImportChanges
from forumdesk.services.people import find_or_create_organization, refresh_search_key


@dataclass(frozen=True, slots=True)
class DemoResult:
    event: EventRow
    created: bool
    sessions: int
    people_added: int
    # what loading created, for undo_import(..., what="demo"); None unless asked for and created
    changes: ImportChanges | None = None


def demo_path() -> Path:
    return resource_path("demo", "forum.json")


def load_demo(db: Database, path: Path | None = None, *, undoable: bool = False) -> DemoResult:
    """Load the demo forum (or another file of the same shape) unless it is already there."""
    source = path or demo_path()
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError(
            _("The demo forum file {path} cannot be read: {error}").format(path=source, error=exc)
        ) from exc
    spec = data["event"]
    first_day = dt.date.fromisoformat(spec["first_day"])
    with db.transaction() as session:
        existing = session.scalar(
            select(Event).where(Event.name == spec["name"], Event.first_day == first_day)
        )
        if existing is not None:
            count = len(existing.sessions)
            return DemoResult(event_row(existing), False, count, 0)
        # loaded as an import is: one entry in the journal
        as_one_entry(session, "demo", None)
        recorder = ChangeRecorder(active=undoable)
        event = Event(
            name=spec["name"],
            city=spec["city"],
            venue=spec["venue"],
            first_day=first_day,
            last_day=dt.date.fromisoformat(spec["last_day"]),
            timezone=text.check_timezone(spec["timezone"]),
            organizers=spec["organizers"],
            description=spec["description"],
            content_languages=langs.stored_languages(spec.get("content_languages")),
            translations=langs.clean_translations(spec.get("translations"), langs.EVENT_FIELDS),
        )
        session.add(event)
        session.flush()
        recorder.created("events", [event.id])
        rooms = _add_rooms(session, event, data["rooms"])
        tracks = _add_tracks(session, event, data["tracks"])
        recorder.created("rooms", rooms.values())
        recorder.created("tracks", tracks.values())
        people, added = _add_people(session, data["organizations"], data["people"], recorder)
        for key, status in ((p["key"], p["registration"]) for p in data["people"]):
            session.add(
                Registration(
                    event_id=event.id, person_id=people[key], status=RegistrationStatus(status)
                )
            )
            recorder.created("registrations", [(event.id, people[key])])
        for spec_session in data["sessions"]:
            _add_session(session, event, spec_session, rooms, tracks, people, recorder)
        session.flush()
        return DemoResult(
            event_row(event), True, len(data["sessions"]), added, recorder.finish(session)
        )


def _add_rooms(session: Session, event: Event, specs: list[dict[str, Any]]) -> dict[str, int]:
    rooms = {}
    for position, spec in enumerate(specs):
        room = Room(
            event_id=event.id,
            name=spec["name"],
            capacity=spec["capacity"],
            position=position,
            notes=spec.get("notes") or None,
            translations=langs.clean_translations(spec.get("translations"), langs.ROOM_FIELDS),
        )
        session.add(room)
        session.flush()
        rooms[room.name] = room.id
    return rooms


def _add_tracks(session: Session, event: Event, specs: list[dict[str, Any]]) -> dict[str, int]:
    tracks: dict[str, int] = {}
    for spec in specs:
        track = Track(
            event_id=event.id,
            name=spec["name"],
            color=text.normalize_color(spec["color"]),
            position=len(tracks),
            translations=langs.clean_translations(spec.get("translations"), langs.TRACK_FIELDS),
        )
        session.add(track)
        session.flush()
        tracks[track.name] = track.id
    return tracks


def _add_people(
    session: Session,
    org_specs: list[dict[str, Any]],
    specs: list[dict[str, Any]],
    recorder: ChangeRecorder,
) -> tuple[dict[str, int], int]:
    known = set(session.scalars(select(Organization.id)))
    orgs = {
        spec["name"]: find_or_create_organization(
            session, spec["name"], country=spec["country"], sector=Sector(spec["sector"])
        )
        for spec in org_specs
    }
    recorder.created("organizations", [o.id for o in orgs.values() if o.id not in known])
    people: dict[str, int] = {}
    added = 0
    for spec in specs:
        org = orgs[spec["organization"]] if spec["organization"] else None
        email = text.normalize_email(spec["email"])
        person = _existing_person(session, email, spec, org.id if org else None)
        if person is None:
            person = Person(
                family_name=spec["family_name"],
                given_name=spec["given_name"],
                patronymic=spec["patronymic"],
                display_name=text.default_display_name(
                    spec["family_name"], spec["given_name"], spec["patronymic"]
                ),
                organization_id=org.id if org else None,
                position=spec["position"],
                country=stored_country(spec["country"]),
                sector=Sector(spec["sector"]),
                email=email,
                phone=spec["phone"],
                language=spec["language"],
            )
            person.latin_name = latin_name(person.display_name)
            refresh_search_key(person, org.name if org else None)
            session.add(person)
            session.flush()
            recorder.created("people", [person.id])
            added += 1
        people[spec["key"]] = person.id
    return people, added


def _existing_person(
    session: Session, email: str | None, spec: dict[str, Any], organization_id: int | None
) -> Person | None:
    if email is not None:
        return session.scalar(select(Person).where(Person.email == email))
    return session.scalar(
        select(Person).where(
            Person.family_name == spec["family_name"],
            Person.given_name == spec["given_name"],
            Person.organization_id == organization_id,
        )
    )


def _add_session(
    session: Session,
    event: Event,
    spec: dict[str, Any],
    rooms: dict[str, int],
    tracks: dict[str, int],
    people: dict[str, int],
    recorder: ChangeRecorder,
) -> None:
    day = dt.date.fromisoformat(spec["day"])
    record = ProgramSession(
        event_id=event.id,
        code=spec["code"],
        title=spec["title"],
        kind=SessionKind(spec["kind"]),
        track_id=tracks[spec["track"]] if spec["track"] else None,
        room_id=rooms[spec["room"]] if spec["room"] else None,
        starts_at=dt.datetime.combine(day, dt.time.fromisoformat(spec["start"])),
        ends_at=dt.datetime.combine(day, dt.time.fromisoformat(spec["end"])),
        description=spec["description"],
        expected_audience=spec["expected_audience"],
        # breaks and registration are for the whole venue: across all rooms, booking none
        all_rooms=bool(spec.get("all_rooms", False)),
        translations=langs.clean_translations(spec.get("translations"), langs.SESSION_FIELDS),
    )
    session.add(record)
    session.flush()
    recorder.created("program_sessions", [record.id])
    recorder.created(
        "assignments", [(record.id, people[link["person"]]) for link in spec["people"]]
    )
    for position, link in enumerate(spec["people"]):
        session.add(
            Assignment(
                session_id=record.id,
                person_id=people[link["person"]],
                role=Role(link["role"]),
                position=position,
            )
        )
