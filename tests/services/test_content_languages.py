"""Content in several languages: what the services keep per language, undo, the journal, the
main language moving, and the Problems dock's warning of a missing translation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from forumdesk.core.content_languages import shown_text, text_in
from forumdesk.core.errors import ConcurrentEditError, ValidationError
from forumdesk.db.engine import Database
from forumdesk.db.models import JournalEntry
from forumdesk.scheduling.checker import ProblemKind, Severity
from forumdesk.services import events, sessions, venue
from forumdesk.services.import_common import ImportOptions
from forumdesk.services.problems import check_event
from forumdesk.services.programme_import import import_programme
from forumdesk.services.session_editing import SessionEdit, save_session


def _bilingual(db: Database) -> int:
    return events.create_event(
        db,
        "Евразийский форум",
        "2021-11-25",
        "2021-11-26",
        city="Нур-Султан",
        content_languages=("ru", "en"),
        translations={"en": {"name": "Eurasian Forum", "city": "Nur-Sultan"}},
    ).id


def test_an_event_keeps_its_languages_and_texts_per_language(db: Database) -> None:
    event = events.get_event(db, _bilingual(db))

    assert event.content_languages == ("ru", "en")
    assert event.main_language == "ru"
    assert event.name == "Евразийский форум"
    found = {(lang, name): t for lang, name, t in event.translations}
    assert found == {("en", "city"): "Nur-Sultan", ("en", "name"): "Eurasian Forum"}


def test_an_event_of_old_has_one_language_russian(db: Database) -> None:
    event = events.get_event(db, events.create_event(db, "Форум", "2021-11-25").id)
    assert event.content_languages == ("ru",)
    assert event.translations == ()


def test_an_unknown_content_language_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="xx"):
        events.create_event(db, "Форум", "2021-11-25", content_languages="ru,xx")
    with pytest.raises(ValidationError, match="twice"):
        events.create_event(db, "Форум", "2021-11-25", content_languages="ru,en,ru")


def test_a_session_title_in_english_is_saved_undone_and_journalled(db: Database) -> None:
    event_id = _bilingual(db)
    row = sessions.create_session(db, event_id, "Пленарное заседание", code="P1")
    assert row.translations == ()

    saved = save_session(
        db,
        row.id,
        SessionEdit({"translations": {"en": {"title": "  Plenary   session "}}}),
        expected_version=row.version,
    )
    after = sessions.get_session(db, row.id)
    assert text_in(
        after.translations, "en", "title", main_language="ru", main_text=after.title
    ) == ("Plenary session")
    assert after.title == "Пленарное заседание"  # the main language's column is untouched

    # a stale write is refused: the version the editor saw has moved
    with pytest.raises(ConcurrentEditError):
        save_session(
            db,
            row.id,
            SessionEdit({"translations": {"en": {"title": "Other"}}}),
            expected_version=row.version,
        )

    with db.reader() as session:
        entry = session.scalars(
            select(JournalEntry)
            .where(JournalEntry.table_name == "program_sessions", JournalEntry.kind == "update")
            .order_by(JournalEntry.id.desc())
        ).first()
        assert entry is not None
        assert json.loads(entry.after or "{}")["translations"] == {
            "en": {"title": "Plenary session"}
        }

    save_session(db, row.id, saved.undo, expected_version=saved.version)
    assert sessions.get_session(db, row.id).translations == ()


def test_rooms_and_tracks_keep_their_names_per_language_and_undo(db: Database) -> None:
    event_id = _bilingual(db)
    room = venue.add_room(db, event_id, "Зал 1", translations={"en": {"name": "Hall 1"}})
    track = venue.add_track(db, event_id, "Торговля")
    assert room.translations == (("en", "name", "Hall 1"),)

    previous = venue.update_track(
        db,
        track.id,
        {"translations": {"en": {"name": "Trade"}}},
        expected_version=track.version,
    )
    changed = venue.list_tracks(db, event_id)[0]
    assert changed.translations == (("en", "name", "Trade"),)
    venue.update_track(db, track.id, previous, expected_version=changed.version)
    assert venue.list_tracks(db, event_id)[0].translations == ()

    # deleted and put back (undo): the English name comes back too
    snapshot = venue.delete_room(db, room.id, expected_version=room.version)
    assert venue.restore_room(db, snapshot).translations == (("en", "name", "Hall 1"),)


def test_a_missing_translation_is_a_warning_naming_the_session_and_language(
    db: Database,
) -> None:
    event_id = _bilingual(db)
    sessions.create_session(
        db, event_id, "Торговля", code="S3", translations={"en": {"title": "Trade"}}
    )
    sessions.create_session(db, event_id, "Цифровая повестка", code="S4")

    missing = [p for p in check_event(db, event_id) if p.kind == ProblemKind.MISSING_TRANSLATION]

    # the event's name and city are in English, its venue is in no language; S3 has its title
    assert [p.message for p in missing] == ["S4 «Цифровая повестка» has no title in English."]
    assert all(p.severity == Severity.WARNING for p in missing)
    s4 = next(p for p in missing if "S4" in p.message)
    assert len(s4.session_ids) == 1


def test_one_language_events_get_no_translation_warnings(db: Database) -> None:
    event_id = events.create_event(db, "Форум", "2021-11-25").id
    sessions.create_session(db, event_id, "Торговля", code="S3")
    assert not [p for p in check_event(db, event_id) if p.kind == ProblemKind.MISSING_TRANSLATION]


def test_making_english_the_main_language_moves_the_texts_and_back(db: Database) -> None:
    event_id = _bilingual(db)
    row = sessions.create_session(
        db, event_id, "Торговля", code="S3", translations={"en": {"title": "Trade"}}
    )
    venue.add_room(db, event_id, "Зал 1", translations={"en": {"name": "Hall 1"}})
    event = events.get_event(db, event_id)

    previous = events.update_event(
        db, event_id, {"content_languages": "en,ru"}, expected_version=event.version
    )

    moved = sessions.get_session(db, row.id)
    assert moved.title == "Trade"
    assert moved.translations == (("ru", "title", "Торговля"),)
    assert venue.list_rooms(db, event_id)[0].name == "Hall 1"
    assert events.get_event(db, event_id).name == "Eurasian Forum"
    assert events.get_event(db, event_id).main_language == "en"

    events.update_event(
        db, event_id, previous, expected_version=events.get_event(db, event_id).version
    )
    back = sessions.get_session(db, row.id)
    assert back.title == "Торговля"
    assert back.translations == (("en", "title", "Trade"),)


def test_the_main_language_cannot_move_to_one_lacking_a_title(db: Database) -> None:
    event_id = _bilingual(db)
    sessions.create_session(db, event_id, "Торговля", code="S3")
    event = events.get_event(db, event_id)

    with pytest.raises(ValidationError, match="Торговля"):
        events.update_event(
            db, event_id, {"content_languages": "en,ru"}, expected_version=event.version
        )
    assert events.get_event(db, event_id).main_language == "ru"


def test_a_missing_text_falls_back_visibly() -> None:
    shown, is_fallback = shown_text((), "en", "title", main_language="ru", main_text="Торговля")
    assert is_fallback and shown.startswith("Торговля") and "EN" in shown
    assert shown_text(
        (("en", "title", "Trade"),), "en", "title", main_language="ru", main_text="Торговля"
    ) == ("Trade", False)


def test_the_demo_forum_is_in_english_and_russian_with_nothing_missing(db: Database) -> None:
    from forumdesk.services.demo import load_demo

    event = load_demo(db).event
    assert event.content_languages == ("en", "ru")
    assert ("ru", "name", "Международный антиконтрафактный форум 2021") in event.translations
    titles = {
        s.code: text_in(s.translations, "ru", "title", main_language="en", main_text=s.title)
        for s in sessions.list_sessions(db, event.id)
    }
    assert titles["S3"] == "Фармацевтика: патентная охрана лекарственных средств в ЕАЭС"
    assert all(titles.values())
    assert {r.name: r.translations for r in venue.list_rooms(db, event.id)}["Hall A"] == (
        ("ru", "name", "Зал A"),
    )
    assert all(t.translations for t in venue.list_tracks(db, event.id))
    assert not [p for p in check_event(db, event.id) if p.kind == ProblemKind.MISSING_TRANSLATION]


# --- imports: language-tagged headers --------------------------------------------------------


def test_a_programme_with_titles_in_three_languages_fills_each(
    db: Database, tmp_path: Path
) -> None:
    from tests.io.spreadsheets import write_xlsx

    event = events.create_event(
        db, "Форум", "2021-11-25", "2021-11-26", content_languages="ru,en,kk"
    )
    path = write_xlsx(
        tmp_path / "programme.xlsx",
        [
            [
                "Код",
                "Название",
                "Title EN",
                "Атауы",
                "Description (English)",
                "Дата",
                "Начало",
                "Окончание",
            ],
            [
                "S1",
                "Торговля",
                "Trade",
                "Сауда",
                "Illicit trade",
                dt.date(2021, 11, 25),
                dt.time(10),
                dt.time(11),
            ],
            ["S2", "Маркировка", None, None, None, dt.date(2021, 11, 25), dt.time(11), dt.time(12)],
        ],
    )
    summary = import_programme(db, path, event_id=event.id)
    assert summary.created == 2

    found = {s.code: s for s in sessions.list_sessions(db, event.id)}
    assert found["S1"].title == "Торговля"
    assert found["S1"].translations == (
        ("en", "description", "Illicit trade"),
        ("en", "title", "Trade"),
        ("kk", "title", "Сауда"),
    )
    assert found["S2"].translations == ()
    missing = {
        p.message for p in check_event(db, event.id) if p.kind == ProblemKind.MISSING_TRANSLATION
    }
    assert "S2 «Маркировка» has no title in English." in missing
    assert "S2 «Маркировка» has no title in Kazakh." in missing
    assert not any(m.startswith("S1 «Торговля» has no title") for m in missing)


def test_tagged_headers_are_recognised_in_each_language() -> None:
    from forumdesk.io.header_words import PROGRAMME_SYNONYMS
    from forumdesk.io.headers import header_key

    def field_of(header: str) -> list[str]:
        key = header_key(header)
        return [f for f, words in PROGRAMME_SYNONYMS.items() if key in map(header_key, words)]

    assert field_of("Название (англ.)") == ["title_en"]
    assert field_of("Title EN") == ["title_en"]
    assert field_of("Title (English)") == ["title_en"]
    assert field_of("English title") == ["title_en"]
    assert field_of("Название (каз.)") == ["title_kk"]
    assert field_of("Атауы") == ["title_kk"]
    assert field_of("Title RU") == ["title_ru"]
    assert field_of("Description EN") == ["description_en"]
    assert field_of("Название") == ["title"]
    assert field_of("Title") == ["title"]


def test_an_english_main_title_column_is_the_sessions_own(db: Database, tmp_path: Path) -> None:
    from tests.io.spreadsheets import write_xlsx

    event = events.create_event(db, "Forum", "2021-11-25", content_languages="en,ru")
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [["Title (English)", "Название (рус.)"], ["Trade", "Торговля"], [None, "Только русский"]],
    )
    summary = import_programme(db, path, event_id=event.id, options=ImportOptions())
    # the second row has no title in English, the event's main language: refused, and said so
    assert not summary.written
    assert sessions.list_sessions(db, event.id) == []
    assert any("main language (English)" in p.message for p in summary.problems)
    path = write_xlsx(
        tmp_path / "p2.xlsx", [["Title (English)", "Название (рус.)"], ["Trade", "Торговля"]]
    )
    assert import_programme(db, path, event_id=event.id).created == 1
    (row,) = sessions.list_sessions(db, event.id)
    assert (row.title, row.translations) == ("Trade", (("ru", "title", "Торговля"),))
