"""An event's content languages inside the services: the main language moving, and the texts
each language still lacks (what the Problems dock warns of; scheduling.content_languages words it).

Query helpers take a session and never commit (the caller's unit of work does).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forumdesk.core import content_languages as langs
from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import _
from forumdesk.db.models import Event, ProgramSession, Room, Track
from forumdesk.scheduling.content_languages import ContentTexts, missing_translation_problems
from forumdesk.scheduling.model import Problem

# the field each kind of record cannot do without (its column is NOT NULL and never empty)
_REQUIRED = {Event: "name", Room: "name", Track: "name", ProgramSession: "title"}
_FIELDS: dict[type, Sequence[str]] = {
    Event: langs.EVENT_FIELDS,
    Room: langs.ROOM_FIELDS,
    Track: langs.TRACK_FIELDS,
    ProgramSession: langs.SESSION_FIELDS,
}


def move_main_language(session: Session, event: Event, previous_languages: str) -> None:
    """After the event's first content language changed: each text of the new main language
    moves into its record's own column, and the former main language's text into the
    translations, so that `title` is always the main language's title.

    Refused, changing nothing, while a session, room or track has no title or name in the
    new main language (the column cannot be left empty).
    """
    old_main = langs.parse_languages(previous_languages)[0]
    new_main = langs.parse_languages(event.content_languages)[0]
    if old_main == new_main:
        return
    records: list[Any] = [event]
    for model in (Room, Track, ProgramSession):
        records += session.scalars(select(model).where(model.event_id == event.id)).all()
    lacking = [r for r in records if not _stored(r, new_main, _REQUIRED[type(r)])]
    if lacking:
        raise ValidationError(
            _(
                "{count} titles and names have no text {in_language} yet (the first is "
                "«{text}»); fill them in before making it the main language."
            ).format(
                count=len(lacking),
                in_language=langs.in_language(new_main),
                text=getattr(lacking[0], _REQUIRED[type(lacking[0])]),
            ),
            field="content_languages",
        )
    for record in records:
        stored = {lang: dict(texts) for lang, texts in (record.translations or {}).items()}
        for name in _FIELDS[type(record)]:
            main_text = getattr(record, name)
            new_text = stored.get(new_main, {}).pop(name, None)
            if main_text:
                stored.setdefault(old_main, {})[name] = main_text
            setattr(record, name, new_text)
        record.translations = langs.clean_translations(stored, _FIELDS[type(record)])


def _stored(record: Any, language: str, name: str) -> str | None:
    return ((record.translations or {}).get(language) or {}).get(name)


def missing_translation_warnings(session: Session, event: Event) -> list[Problem]:
    """Query helper: a warning for each text the event's other content languages lack."""
    languages = langs.parse_languages(event.content_languages)
    if len(languages) < 2:
        return []
    texts: list[ContentTexts] = [
        ContentTexts(
            "events", event.id, event.name, _texts(event, langs.EVENT_FIELDS), event.translations
        )
    ]
    for model, table in ((Room, "rooms"), (Track, "tracks")):
        query = select(model.id, model.name, model.translations).where(model.event_id == event.id)
        texts += [
            ContentTexts(table, record_id, name, {"name": name}, stored)
            for record_id, name, stored in session.execute(query)
        ]
    query = select(
        ProgramSession.id,
        ProgramSession.code,
        ProgramSession.title,
        ProgramSession.description,
        ProgramSession.translations,
    ).where(ProgramSession.event_id == event.id)
    texts += [
        ContentTexts(
            "program_sessions",
            record_id,
            f"{code} «{title}»" if code else f"«{title}»",
            {"title": title, "description": description},
            stored,
        )
        for record_id, code, title, description, stored in session.execute(query)
    ]
    return missing_translation_problems(languages, texts)


def _texts(record: Any, fields: Sequence[str]) -> dict[str, str | None]:
    return {name: getattr(record, name) for name in fields}
