"""The forum's data model as SQLAlchemy 2 typed ORM classes.

One database holds many events and one people directory shared by all of them. Session times are
the event's local wall-clock times (naive datetimes in the event's IANA zone): staff plan "10:00 in
Nur-Sultan", and an event's sessions all share its zone. Every editable table carries a version
counter so that workstations sharing a PostgreSQL database cannot silently overwrite each other.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from forumdesk.core.enums import Gender, RegistrationStatus, Role, Sector, SessionKind
from forumdesk.db.desks import DESK_OPTION, default_desk_name

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _vocabulary(enum_class: type, name: str) -> Enum:
    """A string column limited to an enum's values by a CHECK constraint (portable, no PG type)."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> dt.datetime:
    """Now in UTC, naive (as `updated_at` stores it on every database)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _writing_desk(context: Any) -> str:
    """The name of the desk whose connection writes (the Database's `desk`, see db.desks)."""
    return context.execution_options.get(DESK_OPTION) or default_desk_name()


class Versioned:
    """Mixin: an optimistic-locking counter that SQLAlchemy bumps on every UPDATE, and when and
    from which desk the record was last written (set on every INSERT and UPDATE, ORM or Core,
    so that a refused edit can say "changed at 14:02 from the desk reception-2")."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime, default=utc_now, onupdate=utc_now
    )  # UTC
    updated_by: Mapped[str | None] = mapped_column(
        String(200), default=_writing_desk, onupdate=_writing_desk
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Event(Versioned, Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(200))
    venue: Mapped[str | None] = mapped_column(String(300))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64))
    organizers: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    # the least time, in minutes, a person needs between sessions in different rooms
    changeover_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the secret behind the check of each badge's check-in code (services.checkin): a code
    # cannot be made up from an event's and a person's ids alone
    # the Problems dock warns of a panel whose moderators and speakers are all of one sector
    one_sector_warning: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    checkin_key: Mapped[str | None] = mapped_column(
        String(32), default=lambda: secrets.token_hex(16)
    )
    # the languages of the event's content, main first ("ru,en"; NULL: Russian only), see
    # core.content_languages
    content_languages: Mapped[str | None] = mapped_column(String(64))
    # name, venue and city in the other content languages: {"en": {"name": "..."}}
    translations: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    rooms: Mapped[list[Room]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Room.position",
    )
    tracks: Mapped[list[Track]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Track.position",
    )
    sessions: Mapped[list[ProgramSession]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="days_in_order"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint("changeover_minutes >= 0", name="changeover_not_negative"),
    )


class Room(Versioned, Base):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    # the name in the event's other content languages: {"en": {"name": "..."}}
    translations: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    event: Mapped[Event] = relationship(back_populates="rooms")

    __table_args__ = (
        UniqueConstraint("event_id", "name"),
        # lets sessions reference (event_id, room_id), so a session's room is its event's room
        UniqueConstraint("event_id", "id"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
    )


class Track(Versioned, Base):
    __tablename__ = "tracks"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    color: Mapped[str | None] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the name in the event's other content languages: {"en": {"name": "..."}}
    translations: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    event: Mapped[Event] = relationship(back_populates="tracks")

    __table_args__ = (
        UniqueConstraint("event_id", "name"),
        UniqueConstraint("event_id", "id"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
    )


class ProgramSession(Versioned, Base):
    """A session of the programme (plenary, discussion, break, ...). Never called `Session`."""

    __tablename__ = "program_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    code: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[SessionKind] = mapped_column(
        _vocabulary(SessionKind, "kind"), default=SessionKind.DISCUSSION
    )
    track_id: Mapped[int | None] = mapped_column(Integer)
    room_id: Mapped[int | None] = mapped_column(Integer)
    starts_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    description: Mapped[str | None] = mapped_column(Text)
    expected_audience: Mapped[int | None] = mapped_column(Integer)
    # how long the session is meant to last: what a drop on the timetable gives it
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    # across the whole venue (a coffee break): books no room, so room_id stays NULL
    all_rooms: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # called off after it was announced: it stays in the programme, struck through
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # title and description in the event's other content languages: {"en": {"title": "..."}}
    translations: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    event: Mapped[Event] = relationship(back_populates="sessions")
    room: Mapped[Room | None] = relationship(viewonly=True)
    track: Mapped[Track | None] = relationship(viewonly=True)
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Assignment.position",
    )

    __table_args__ = (
        ForeignKeyConstraint(["event_id", "room_id"], ["rooms.event_id", "rooms.id"]),
        ForeignKeyConstraint(["event_id", "track_id"], ["tracks.event_id", "tracks.id"]),
        UniqueConstraint("event_id", "code"),
        CheckConstraint(
            "(starts_at IS NULL AND ends_at IS NULL)"
            " OR (starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at)",
            name="times_valid",
        ),
        CheckConstraint(
            "expected_audience IS NULL OR expected_audience >= 0", name="audience_not_negative"
        ),
        CheckConstraint("length(title) > 0", name="title_not_empty"),
        Index(None, "event_id", "starts_at"),
        Index(None, "room_id", "starts_at"),
        Index(None, "track_id"),
    )


class Organization(Versioned, Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # casefolded, whitespace-collapsed name: "WIPO" and "wipo " are one organisation
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    country: Mapped[str | None] = mapped_column(String(100))
    sector: Mapped[Sector | None] = mapped_column(_vocabulary(Sector, "sector"))

    __table_args__ = (CheckConstraint("length(name) > 0", name="name_not_empty"),)


class Person(Versioned, Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str | None] = mapped_column(String(200))
    patronymic: Mapped[str | None] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(400))
    # as a passport or badge writes it; filled by the passport transliteration, editable
    latin_name: Mapped[str | None] = mapped_column(String(400))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[str | None] = mapped_column(String(400))
    # an ISO 3166 alpha-2 code ("KZ"), or a name no country matched, kept as written
    country: Mapped[str | None] = mapped_column(String(100))
    sector: Mapped[Sector | None] = mapped_column(_vocabulary(Sector, "sector"))
    # where recorded (NULL: not recorded). Checked by the services, not by a CHECK constraint:
    # adding one to an existing table would make SQLite copy the people table (see 0007)
    gender: Mapped[Gender | None] = mapped_column(
        Enum(
            Gender,
            name="gender",
            native_enum=False,
            create_constraint=False,
            length=24,
            values_callable=lambda members: [m.value for m in members],
            validate_strings=True,
        )
    )
    # stored lower-cased, so the unique constraint is "unique ignoring case"
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    phone: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)
    # casefolded names, organisation and e-mail: case-insensitive search that covers Cyrillic,
    # which SQLite's own lower()/LIKE do not
    search_key: Mapped[str] = mapped_column(Text, default="")

    organization: Mapped[Organization | None] = relationship()
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("length(family_name) > 0", name="family_name_not_empty"),
        Index(None, "family_name", "given_name"),
    )


class Registration(Versioned, Base):
    """A person at an event."""

    __tablename__ = "registrations"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    status: Mapped[RegistrationStatus] = mapped_column(
        _vocabulary(RegistrationStatus, "status"), default=RegistrationStatus.REGISTERED
    )

    event: Mapped[Event] = relationship(back_populates="registrations")
    person: Mapped[Person] = relationship(back_populates="registrations")


class Assignment(Versioned, Base):
    """A person in a session with a role; one role per person per session."""

    __tablename__ = "assignments"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("program_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[Role] = mapped_column(_vocabulary(Role, "role"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[ProgramSession] = relationship(back_populates="assignments")
    person: Mapped[Person] = relationship(back_populates="assignments")

    __table_args__ = (CheckConstraint("position >= 0", name="position_not_negative"),)


class CheckIn(Versioned, Base):
    """A person's arrival, marked at the door: at the event on a day (`session_id` NULL,
    `scope` "day"), or at a session (`scope` "session:<id>").

    One arrival per person, scope and day: two desks scanning the same badge at once store
    one row (the second insert meets the unique constraint and reads the first).
    """

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("program_sessions.id", ondelete="CASCADE"), index=True
    )
    scope: Mapped[str] = mapped_column(String(32))
    day: Mapped[dt.date] = mapped_column(Date)  # the event-local day of the arrival
    checked_in_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC

    __table_args__ = (UniqueConstraint("event_id", "person_id", "scope", "day"),)


class PersonUnavailability(Versioned, Base):
    """A period in which a person cannot take part in an event (event-local times)."""

    __tablename__ = "person_unavailability"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("ends_at > starts_at", name="times_in_order"),)


class AcceptedProblem(Versioned, Base):
    """A schedule problem staff have looked at and accepted, as it was when they did.

    `key` names the problem (its kind and the ids involved) and `fingerprint` the facts that
    caused it: the acceptance holds only while the checker reports the same fingerprint.
    """

    __tablename__ = "accepted_problems"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    accepted_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC

    __table_args__ = (UniqueConstraint("event_id", "key"),)


class JournalEntry(Base):
    """One change to the programme, written in the same transaction as the change itself.

    `record` names the row (its key as JSON); `before` and `after` hold the fields that changed
    (JSON, None for an insert's before and a delete's after). A bulk write (an import, the undo
    of one) is a single entry of kind "bulk" whose `after` counts the rows per table.
    """

    __tablename__ = "change_journal"

    id: Mapped[int] = mapped_column(primary_key=True)
    # no index: every edit writes an entry, and an index page more per commit is a cost every
    # edit pays, for a table read rarely (and in order of id)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    desk: Mapped[str | None] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(40))
    record: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # insert, update, delete, bulk
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class ProgrammeVersion(Base):
    """A published version of an event's programme: what was sent, frozen.

    `snapshot` is the programme as compact JSON (sessions, and who is in each with which role):
    comparing two versions reads two of these, never the journal. Never changed once written.
    """

    __tablename__ = "programme_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(String(200))
    published_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    published_by: Mapped[str | None] = mapped_column(String(200))
    # the last journal entry the version includes
    journal_id: Mapped[int | None] = mapped_column(Integer)
    snapshot: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("event_id", "number"),
        CheckConstraint("number > 0", name="number_positive"),
    )


# Ids are never reused (SQLite's AUTOINCREMENT; PostgreSQL's sequences never go back): an undo
# that puts a deleted session or person back must neither collide with a newer record nor
# leave an old command pointing at a stranger that inherited the id.
for _table in (  # Table objects: __table__ is typed as the wider FromClause
    Event.__table__,
    Room.__table__,
    Track.__table__,
    ProgramSession.__table__,
    Organization.__table__,
    Person.__table__,
    PersonUnavailability.__table__,
    AcceptedProblem.__table__,
    JournalEntry.__table__,
    ProgrammeVersion.__table__,
    CheckIn.__table__,
):
    cast(Table, _table).dialect_kwargs["sqlite_autoincrement"] = True
