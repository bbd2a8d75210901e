"""What import undo and redo say when they refuse (forumdesk.services.import_undo).

Whole sentences for each case and for the demo forum's loading, which is undone the same way:
a translation must agree with its subject, which a sentence built around it could not.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from forumdesk.core.errors import ConcurrentEditError, ConflictError
from forumdesk.core.i18n import N_, _, gettext, ngettext
from forumdesk.services.bulk_rows import Key, table_named

# What a message calls a record that can no longer be read.
_UNNAMED = {
    "events": N_("an event that was added"),
    "organizations": N_("an organisation the import added"),
    "people": N_("a person the import added or changed"),
    "rooms": N_("a room the import added"),
    "tracks": N_("a track the import added"),
    "program_sessions": N_("a session the import added or changed"),
    "registrations": N_("a registration the import added"),
    "assignments": N_("a place in a session the import gave"),
    "person_unavailability": N_("an unavailable period the import added"),
}


def refusal(
    session: Session,
    records: list[tuple[str, Key]],
    what: str,
    *,
    redo: bool,
    present: bool = False,
) -> ConflictError:
    """The refusal naming the first of `records` (and how many others): stale ones, or with
    `present` ones already back; `redo` for a redo. `what`: "import" or "demo"."""
    record = describe(session, *records[0])
    others = len(records) - 1
    if what == "demo":
        return _demo_refusal(record, others, redo=redo, present=present)
    if present:
        return ConflictError(
            ngettext(
                "The import cannot be redone: {record} and {count} other record are already there "
                "again. Nothing was changed.",
                "The import cannot be redone: {record} and {count} other records are already there "
                "again. Nothing was changed.",
                others,
            ).format(record=record, count=others)
            if others
            else _(
                "The import cannot be redone: {record} is already there again. Nothing was changed."
            ).format(record=record)
        )
    if redo:
        return ConcurrentEditError(
            ngettext(
                "The import cannot be redone: {record} and {count} other record have been changed "
                "since it was undone. Nothing was changed.",
                "The import cannot be redone: {record} and {count} other records have been changed "
                "since it was undone. Nothing was changed.",
                others,
            ).format(record=record, count=others)
            if others
            else _(
                "The import cannot be redone: {record} has been changed since it "
                "was undone. Nothing was changed."
            ).format(record=record)
        )
    return ConcurrentEditError(
        ngettext(
            "The import cannot be undone: {record} and {count} other record have been changed or "
            "deleted since. Nothing was undone.",
            "The import cannot be undone: {record} and {count} other records have been changed or "
            "deleted since. Nothing was undone.",
            others,
        ).format(record=record, count=others)
        if others
        else _(
            "The import cannot be undone: {record} has been changed or deleted "
            "since. Nothing was undone."
        ).format(record=record)
    )


def _demo_refusal(record: str, others: int, *, redo: bool, present: bool) -> ConflictError:
    """The refusals of _refusal, for the demo forum's loading."""
    if present:
        return ConflictError(
            ngettext(
                "The demo forum cannot be opened again: {record} and {count} other record are "
                "already there again. Nothing was changed.",
                "The demo forum cannot be opened again: {record} and {count} other records are "
                "already there again. Nothing was changed.",
                others,
            ).format(record=record, count=others)
            if others
            else _(
                "The demo forum cannot be opened again: {record} is already there again. "
                "Nothing was changed."
            ).format(record=record)
        )
    if redo:
        return ConcurrentEditError(
            ngettext(
                "The demo forum cannot be opened again: {record} and {count} other record have "
                "been changed since it was undone. Nothing was changed.",
                "The demo forum cannot be opened again: {record} and {count} other records have "
                "been changed since it was undone. Nothing was changed.",
                others,
            ).format(record=record, count=others)
            if others
            else _(
                "The demo forum cannot be opened again: {record} has been changed since it was "
                "undone. Nothing was changed."
            ).format(record=record)
        )
    return ConcurrentEditError(
        ngettext(
            "Opening the demo forum cannot be undone: {record} and {count} other record have "
            "been changed or deleted since. Nothing was undone.",
            "Opening the demo forum cannot be undone: {record} and {count} other records have "
            "been changed or deleted since. Nothing was undone.",
            others,
        ).format(record=record, count=others)
        if others
        else _(
            "Opening the demo forum cannot be undone: {record} has been changed or deleted "
            "since. Nothing was undone."
        ).format(record=record)
    )


def describe(session: Session, table: str, key: Key) -> str:
    """How a message names a record: «name» for a person, a session, a room…"""
    names = {
        "events": ("events", "name"),
        "people": ("people", "display_name"),
        "program_sessions": ("program_sessions", "title"),
        "rooms": ("rooms", "name"),
        "tracks": ("tracks", "name"),
        "organizations": ("organizations", "name"),
        "registrations": ("people", "display_name"),
        "assignments": ("people", "display_name"),
        "person_unavailability": ("people", "display_name"),
    }
    source, column = names[table]
    record_id = key[1] if table in ("registrations", "assignments") else key[0]
    if table == "person_unavailability":  # named by its person
        periods = table_named(table)
        record_id = session.scalar(select(periods.c.person_id).where(periods.c.id == key[0]))
    source_table = table_named(source)
    name = session.scalar(select(source_table.c[column]).where(source_table.c.id == record_id))
    if name is None:
        return gettext(_UNNAMED[table])
    if table == "events":
        return _("the event «{name}»").format(name=name)
    if table == "people":
        return _("the person «{name}»").format(name=name)
    if table == "program_sessions":
        return _("the session «{title}»").format(title=name)
    if table == "rooms":
        return _("the room «{name}»").format(name=name)
    if table == "tracks":
        return _("the track «{name}»").format(name=name)
    if table == "organizations":
        return _("the organisation «{name}»").format(name=name)
    if table == "registrations":
        return _("the registration of «{name}»").format(name=name)
    if table == "person_unavailability":
        return _("an unavailable period of «{name}»").format(name=name)
    return _("the place of «{name}» in a session").format(name=name)
