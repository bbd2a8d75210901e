"""The people directory shared by all events, and the organisations people belong to.

Search ignores case and treats ё as е, for Cyrillic as for Latin: each person carries a folded
`search_key` (names, organisation, e-mail, phone) kept up to date here, because SQLite's own
lower() and LIKE only fold ASCII.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVarTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from forumdesk.core import text
from forumdesk.core.countries import stored_country
from forumdesk.core.enums import Gender, RegistrationStatus, Sector
from forumdesk.core.errors import ConflictError, ValidationError
from forumdesk.core.i18n import N_, _
from forumdesk.core.rows import (
    AssignmentRow,
    OrganizationRow,
    PersonRow,
    PersonSnapshot,
    RegistrationRow,
)
from forumdesk.core.transliteration import latin_name
from forumdesk.db.engine import Database
from forumdesk.db.models import (
    Assignment,
    Event,
    Organization,
    Person,
    ProgramSession,
    Registration,
)
from forumdesk.services.records import apply_changes, check_version, load, put_back_version

_Columns = TypeVarTuple("_Columns")

# --- organisations ----------------------------------------------------------------------------


def organization_row(org: Organization) -> OrganizationRow:
    return OrganizationRow(org.id, org.name, org.country, org.sector, org.version)


def _country(value: object) -> str | None:
    """A country as the directory keeps it: its ISO code, or the name as written."""
    return stored_country(text.clean(value))


_ORG_CLEANERS = {
    "name": lambda v: text.require(v, N_("organisation name"), "name"),
    "country": _country,
    "sector": lambda v: text.optional_vocabulary(Sector, v, N_("sector"), "sector"),
}


def find_or_create_organization(
    session: Session, name: str, *, country: str | None = None, sector: Sector | None = None
) -> Organization:
    """Query helper: the organisation with this name (ignoring case), created if missing."""
    key = text.org_key(name)
    org = session.scalar(select(Organization).where(Organization.name_key == key))
    if org is None:
        org = Organization(name=name, name_key=key, country=_country(country), sector=sector)
        session.add(org)
        session.flush()
    return org


def create_organization(
    db: Database, name: str, *, country: str | None = None, sector: Sector | str | None = None
) -> OrganizationRow:
    with db.transaction() as session:
        values = {
            k: _ORG_CLEANERS[k](v)
            for k, v in {"name": name, "country": country, "sector": sector}.items()
        }
        clean_name = str(values["name"])
        if (
            session.scalar(
                select(Organization.id).where(Organization.name_key == text.org_key(clean_name))
            )
            is not None
        ):
            raise _organisation_taken(clean_name)
        org = Organization(name_key=text.org_key(clean_name), **values)
        session.add(org)
        session.flush()
        return organization_row(org)


def update_organization(
    db: Database,
    organization_id: int,
    changes: Mapping[str, object],
    *,
    expected_version: int | None,
) -> dict[str, object]:
    """Rename or re-classify an organisation; its people follow. Returns previous values."""
    with db.transaction() as session:
        org = load(session, Organization, organization_id, "organisation")
        check_version(org, expected_version, "organisation")
        previous = apply_changes(org, changes, _ORG_CLEANERS)
        if "name" in previous:
            key = text.org_key(org.name)
            with session.no_autoflush:
                clash = session.scalar(
                    select(Organization.id).where(
                        Organization.name_key == key, Organization.id != org.id
                    )
                )
            if clash is not None:
                raise _organisation_taken(org.name)
            org.name_key = key
            for person in session.scalars(select(Person).where(Person.organization_id == org.id)):
                refresh_search_key(person, org.name)
        return previous


def _organisation_taken(name: str) -> ConflictError:
    return ConflictError(
        _("The organisation '{name}' is already in the directory.").format(name=name)
    )


def delete_organization(
    db: Database, organization_id: int, *, expected_version: int | None
) -> None:
    """Delete an organisation; its people stay in the directory without one.

    Refused when the organisation changed since `expected_version`.
    """
    with db.transaction() as session:
        org = load(session, Organization, organization_id, "organisation")
        check_version(org, expected_version, "organisation")
        for person in session.scalars(select(Person).where(Person.organization_id == org.id)):
            person.organization_id = None
            refresh_search_key(person, None)
        session.delete(org)


def list_organizations(db: Database, search: str | None = None) -> list[OrganizationRow]:
    with db.reader() as session:
        query = select(Organization).order_by(Organization.name_key)
        if search and (needle := text.fold(search)):
            query = query.where(Organization.name_key.contains(needle, autoescape=True))
        return [organization_row(o) for o in session.scalars(query)]


# --- people -----------------------------------------------------------------------------------

_PERSON_CLEANERS: dict[str, text.Cleaner] = {
    "family_name": lambda v: text.require(v, N_("family name"), "family_name"),
    "given_name": text.clean,
    "patronymic": text.clean,
    "display_name": text.clean,
    "latin_name": text.clean,
    "position": text.clean,
    "country": _country,
    "sector": lambda v: text.optional_vocabulary(Sector, v, N_("sector"), "sector"),
    "gender": lambda v: text.optional_vocabulary(Gender, v, N_("gender"), "gender"),
    "email": text.normalize_email,
    "phone": text.clean,
    "language": text.clean,
    "notes": text.clean_multiline,
}
PERSON_FIELDS = (*_PERSON_CLEANERS, "organization")


def person_row(person: Person, organization: str | None) -> PersonRow:
    return PersonRow(
        id=person.id,
        family_name=person.family_name,
        given_name=person.given_name,
        patronymic=person.patronymic,
        display_name=person.display_name,
        organization_id=person.organization_id,
        organization=organization,
        position=person.position,
        country=person.country,
        sector=person.sector,
        email=person.email,
        phone=person.phone,
        language=person.language,
        notes=person.notes,
        version=person.version,
        latin_name=person.latin_name,
        gender=person.gender,
    )


def _people_query() -> Select[Person, str | None]:
    return select(Person, Organization.name).outerjoin(
        Organization, Organization.id == Person.organization_id
    )


def refresh_search_key(person: Person, organization: str | None) -> None:
    """Set the person's search key from their names, `organization`, e-mail and phone."""
    person.search_key = text.person_search_key(
        person.family_name,
        person.given_name,
        person.patronymic,
        person.display_name,
        organization,
        person.email,
        person.phone,
        person.latin_name,
    )


def _refuse_taken_email(session: Session, email: str | None, own_id: int | None) -> None:
    if email is None:
        return
    with session.no_autoflush:  # check before the pending change hits the unique constraint
        other = session.scalar(select(Person).where(Person.email == email))
    if other is not None and other.id != own_id:
        raise ConflictError(
            _("The e-mail {email} already belongs to {name}.").format(
                email=email, name=other.display_name
            )
        )


def _set_organization(session: Session, person: Person, name: object) -> str | None:
    clean_name = text.clean(name)
    if clean_name is None:
        person.organization_id = None
        return None
    org = find_or_create_organization(session, clean_name)
    person.organization_id = org.id
    return org.name


def create_person(
    db: Database,
    family_name: str,
    given_name: str | None = None,
    patronymic: str | None = None,
    *,
    register_for: int | None = None,
    **fields: Any,
) -> PersonRow:
    """Add a person to the directory (and, with `register_for`, register them for that event:
    one unit of work; delete_person undoes both).

    `fields` may hold any of display_name, organization (a name: found or created), position,
    country, sector, email, phone, language, notes, latin_name. The display name defaults to
    the person's name in the order their language writes it, the Latin name to the display name
    in Latin letters by the passport transliteration.
    """
    values: dict[str, object] = {
        "family_name": family_name,
        "given_name": given_name,
        "patronymic": patronymic,
        **fields,
    }
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise ValidationError(
            _("A person has no field {fields}.").format(fields=", ".join(sorted(unknown)))
        )
    organization = values.pop("organization", None)
    person = Person(**{k: _PERSON_CLEANERS[k](v) for k, v in values.items()})
    if not person.display_name:
        person.display_name = text.default_display_name(
            person.family_name, person.given_name, person.patronymic
        )
    if not person.latin_name:
        person.latin_name = latin_name(person.display_name)
    with db.transaction() as session:
        _refuse_taken_email(session, person.email, None)
        org_name = _set_organization(session, person, organization)
        refresh_search_key(person, org_name)
        session.add(person)
        session.flush()
        if register_for is not None:
            load(session, Event, register_for, "event")
            session.add(
                Registration(
                    event_id=register_for,
                    person_id=person.id,
                    status=RegistrationStatus.REGISTERED,
                )
            )
            session.flush()
        return person_row(person, org_name)


def update_person(
    db: Database,
    person_id: int,
    changes: Mapping[str, object],
    *,
    expected_version: int | None,
) -> dict[str, object]:
    """Change a person's fields; returns the previous values (what undo passes back).

    A display name that was the default follows name changes; one typed by hand stays. The
    Latin name likewise follows the display name while it is its transliteration.
    """
    with db.transaction() as session:
        person = load(session, Person, person_id, "person")
        check_version(person, expected_version, "person")
        changes = dict(changes)
        previous: dict[str, object] = {}
        org = session.get(Organization, person.organization_id) if person.organization_id else None
        org_name = org.name if org else None
        if "organization" in changes:
            new_org = changes.pop("organization")
            if text.clean(new_org) != org_name:
                previous["organization"] = org_name
                org_name = _set_organization(session, person, new_org)
        was_default = person.display_name == text.default_display_name(
            person.family_name, person.given_name, person.patronymic
        )
        latin_was_default = person.latin_name == latin_name(person.display_name)
        previous.update(apply_changes(person, changes, _PERSON_CLEANERS))
        if not person.display_name or (was_default and "display_name" not in changes):
            default = text.default_display_name(
                person.family_name, person.given_name, person.patronymic
            )
            if person.display_name != default:
                previous.setdefault("display_name", person.display_name)
                person.display_name = default
        if not person.latin_name or (latin_was_default and "latin_name" not in changes):
            latin = latin_name(person.display_name)
            if person.latin_name != latin:
                previous.setdefault("latin_name", person.latin_name)
                person.latin_name = latin
        if "email" in previous:
            _refuse_taken_email(session, person.email, person.id)
        refresh_search_key(person, org_name)
        return previous


def delete_person(db: Database, person_id: int, *, expected_version: int | None) -> PersonSnapshot:
    """Delete a person with their assignments and registrations; undo restores all three.

    Refused when the person is no longer at `expected_version` (the undo of a create deletes
    only the person as created).
    """
    versions = None if expected_version is None else {person_id: expected_version}
    return delete_people(db, [person_id], expected_versions=versions)[0]


def delete_people(
    db: Database,
    person_ids: Sequence[int],
    *,
    expected_versions: Mapping[int, int] | None,
) -> list[PersonSnapshot]:
    """Delete several people in one unit of work (all or none); snapshots for undo.

    A person whose version is not the one in `expected_versions` (what the user saw) was
    changed since: the deletion is refused and nobody is deleted.
    """
    with db.transaction() as session:
        snapshots = []
        for person_id in dict.fromkeys(person_ids):
            found = session.execute(_people_query().where(Person.id == person_id)).one_or_none()
            if found is None:
                load(session, Person, person_id, "person")  # raises NotFoundError
            assert found is not None
            person, org_name = found
            if expected_versions is not None:
                check_version(person, expected_versions.get(person_id), "person")
            snapshots.append(
                PersonSnapshot(
                    person=person_row(person, org_name),
                    assignments=tuple(
                        AssignmentRow(
                            a.session_id,
                            a.person_id,
                            person.display_name,
                            org_name,
                            person.position,
                            person.email,
                            a.role,
                            a.position,
                        )
                        for a in person.assignments
                    ),
                    registrations=tuple(
                        RegistrationRow(r.event_id, r.person_id, r.status)
                        for r in person.registrations
                    ),
                )
            )
            session.delete(person)
        return snapshots


def restore_person(db: Database, snapshot: PersonSnapshot) -> PersonRow:
    """Undo delete_person."""
    return restore_people(db, [snapshot])[0]


def restore_people(db: Database, snapshots: Sequence[PersonSnapshot]) -> list[PersonRow]:
    """Undo delete_people, in one unit of work."""
    with db.transaction() as session:
        return [_restore(session, snapshot) for snapshot in snapshots]


def _restore(session: Session, snapshot: PersonSnapshot) -> PersonRow:
    row = snapshot.person
    if session.get(Person, row.id) is not None:
        raise ConflictError(
            _("{name} cannot be put back: they are already there.").format(name=row.display_name)
        )
    _refuse_taken_email(session, row.email, None)
    person = Person(
        id=row.id,
        family_name=row.family_name,
        given_name=row.given_name,
        patronymic=row.patronymic,
        display_name=row.display_name,
        latin_name=row.latin_name,
        position=row.position,
        country=row.country,
        sector=row.sector,
        gender=row.gender,
        email=row.email,
        phone=row.phone,
        language=row.language,
        notes=row.notes,
    )
    org_name = _set_organization(session, person, row.organization)
    refresh_search_key(person, org_name)
    session.add(person)
    put_back_version(session, person, row.version + 1)
    for a in snapshot.assignments:
        if session.get(ProgramSession, a.session_id) is not None:
            session.add(
                Assignment(
                    session_id=a.session_id, person_id=person.id, role=a.role, position=a.position
                )
            )
    for r in snapshot.registrations:
        if session.get(Event, r.event_id) is not None:
            session.add(Registration(event_id=r.event_id, person_id=person.id, status=r.status))
    session.flush()
    return person_row(person, org_name)


def get_person(db: Database, person_id: int) -> PersonRow:
    with db.reader() as session:
        found = session.execute(_people_query().where(Person.id == person_id)).one_or_none()
        if found is None:
            load(session, Person, person_id, "person")
        assert found is not None
        return person_row(*found)


def find_person_by_email(db: Database, email: str) -> PersonRow | None:
    address = text.clean(email)
    if address is None:
        return None
    with db.reader() as session:
        found = session.execute(
            _people_query().where(Person.email == address.lower())
        ).one_or_none()
        return person_row(*found) if found else None


def search_people(
    db: Database,
    search: str | None = None,
    *,
    event_id: int | None = None,
    limit: int | None = None,
) -> list[PersonRow]:
    """People whose name, organisation, e-mail or phone contain every word of `search`.

    Case is ignored, Cyrillic included, and either alphabet finds the other: "kuznetsov" finds
    Кузнецов, «Смит» finds Smith (both sides by the passport transliteration). With `event_id`,
    only people registered for that event. Sorted by family name, then given name.
    """
    with db.reader() as session:
        # plain columns straight into rows: no ORM object per person (50,000 in a second)
        query = _filtered(
            select(*PERSON_ROW_COLUMNS).outerjoin(
                Organization, Organization.id == Person.organization_id
            ),
            search,
            event_id,
        )
        if limit is not None:
            query = query.limit(limit)
        return _person_rows(session, query)


def directory_people(session: Session, ids: Sequence[int] | None = None) -> list[PersonRow]:
    """Query helper: everyone in the directory (or the people `ids` names, those still there),
    in id order, in one query (imports match them)."""
    query = (
        select(*PERSON_ROW_COLUMNS)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .order_by(Person.id)
    )
    if ids is None:
        return _person_rows(session, query)
    found: list[PersonRow] = []
    for start in range(0, len(ids), 500):
        found.extend(_person_rows(session, query.where(Person.id.in_(ids[start : start + 500]))))
    return found


def _person_rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[PersonRow]:
    """What a query of PERSON_ROW_COLUMNS finds, straight from the driver into rows."""
    found: Sequence[Sequence[Any]] = session.connection().execute(query).all()
    return [PersonRow(*row[:-1], gender=row[-1]) for row in found]  # type: ignore[misc]


# PersonRow's fields, in its order, as one query reads them (the agenda adds the organisation's)
PERSON_ROW_COLUMNS = (
    Person.id,
    Person.family_name,
    Person.given_name,
    Person.patronymic,
    Person.display_name,
    Person.organization_id,
    Organization.name,
    Person.position,
    Person.country,
    Person.sector,
    Person.email,
    Person.phone,
    Person.language,
    Person.notes,
    Person.version,
    Person.latin_name,
    Person.gender,  # PersonRow's last field, after the organisation's two (by name)
)


def people_search_query(
    search: str | None, *, event_id: int | None = None
) -> Select[Person, str | None]:
    """Query helper behind search_people (exporters and views page through it)."""
    return _filtered(_people_query(), search, event_id)


def _filtered(
    query: Select[*_Columns], search: str | None, event_id: int | None
) -> Select[*_Columns]:
    for word in text.search_words(search):
        query = query.where(Person.search_key.contains(word, autoescape=True))
    if event_id is not None:
        query = query.join(Registration, Registration.person_id == Person.id).where(
            Registration.event_id == event_id
        )
    return query.order_by(Person.family_name, Person.given_name, Person.id)


def refresh_all_search_keys(session: Session) -> None:
    """Query helper for migrations that change how search keys are built."""
    orgs = {
        org_id: name for org_id, name in session.execute(select(Organization.id, Organization.name))
    }
    for person in session.scalars(select(Person)):
        refresh_search_key(
            person, orgs.get(person.organization_id) if person.organization_id else None
        )


__all__ = [
    "PERSON_FIELDS",
    "create_organization",
    "create_person",
    "delete_organization",
    "delete_people",
    "delete_person",
    "directory_people",
    "find_or_create_organization",
    "find_person_by_email",
    "get_person",
    "list_organizations",
    "people_search_query",
    "refresh_search_key",
    "restore_people",
    "restore_person",
    "search_people",
    "update_organization",
    "update_person",
]
