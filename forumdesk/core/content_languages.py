"""The languages of an event's content, and its texts kept in each of them.

An event chooses its content languages, in order: the first is the main one ("ru" for a
Russian-speaking forum). A session's title and description, a room's and a track's name, the
event's name, venue and city are each written in the main language in their own column (so
everything that reads `title` keeps working and costs what it did), and in the other languages in
the record's `translations`: {"en": {"title": "..."}, "kk": {"title": "..."}}.

A text missing in a language is never silently replaced: `text_in` says it is missing (None),
and whoever shows it (an agenda, the editor) falls back to the main language's text *visibly*
(`fallback`), while the Problems dock lists it.

Rows carry translations as a sorted tuple of (language, field, text): immutable and comparable,
as rows must be.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from forumdesk.core.errors import ValidationError
from forumdesk.core.i18n import N_, _, gettext

RUSSIAN, ENGLISH, KAZAKH = "ru", "en", "kk"
# the languages content may be kept in, in the order the window offers them
CONTENT_LANGUAGES = (RUSSIAN, ENGLISH, KAZAKH)
DEFAULT_LANGUAGES = (RUSSIAN,)

# each language named in its own words (what a language chooser lists) and in English (for
# messages, translated with gettext like any other word)
NATIVE_NAMES = {RUSSIAN: "Русский", ENGLISH: "English", KAZAKH: "Қазақша"}
LANGUAGE_NAMES = {RUSSIAN: N_("Russian"), ENGLISH: N_("English"), KAZAKH: N_("Kazakh")}
# "in English" as a message puts it; Russian needs the phrase, not the word («на английском»)
_IN_LANGUAGE = {RUSSIAN: N_("in Russian"), ENGLISH: N_("in English"), KAZAKH: N_("in Kazakh")}

# the fields kept per language, per kind of record
SESSION_FIELDS = ("title", "description")
EVENT_FIELDS = ("name", "venue", "city")
ROOM_FIELDS = ("name",)
TRACK_FIELDS = ("name",)

# what a missing translation is marked with where the main language's text stands in for it
FALLBACK_MARK = "⟨{language}⟩"

Translations = tuple[tuple[str, str, str], ...]


def language_name(code: str) -> str:
    """The language's name in the current language of messages ("English", «английский»)."""
    name = LANGUAGE_NAMES.get(code)
    return gettext(name) if name else code


def in_language(code: str) -> str:
    """ "in English" in the current language of messages («на английском»)."""
    phrase = _IN_LANGUAGE.get(code)
    return gettext(phrase) if phrase else code


def parse_languages(value: object) -> tuple[str, ...]:
    """The content languages as written ("ru,en", ["ru", "en"]) checked: known, each once,
    at least one. None or "" gives the default (Russian only)."""
    if value is None or value == "":
        return DEFAULT_LANGUAGES
    parts = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    codes = [str(part).strip().lower() for part in parts if str(part).strip()]
    unknown = [code for code in codes if code not in CONTENT_LANGUAGES]
    if unknown:
        raise ValidationError(
            _("Unknown content language {code}; choose from {known}.").format(
                code=unknown[0], known=", ".join(CONTENT_LANGUAGES)
            ),
            field="content_languages",
        )
    if not codes:
        return DEFAULT_LANGUAGES
    if len(set(codes)) != len(codes):
        raise ValidationError(_("A content language is listed twice."), field="content_languages")
    return tuple(codes)


def stored_languages(value: object) -> str:
    """The content languages as the `content_languages` column keeps them: "ru,en"."""
    return ",".join(parse_languages(value))


def clean_translations(value: object, fields: Sequence[str]) -> dict[str, dict[str, str]] | None:
    """Translations as a record stores them: {language: {field: text}}, trimmed, with empty
    texts, unknown fields and empty languages left out; None when nothing is left.

    Accepts the stored form, a row's tuple form or None."""
    if value is None or value == ():
        return None
    items: Iterable[tuple[str, str, object]]
    if isinstance(value, Mapping):
        items = (
            (str(lang), str(name), text)
            for lang, texts in value.items()
            for name, text in (texts or {}).items()
        )
    else:
        items = value  # type: ignore[assignment]
    cleaned: dict[str, dict[str, str]] = {}
    for lang, name, raw in items:
        if lang not in CONTENT_LANGUAGES:
            raise ValidationError(
                _("Unknown content language {code}; choose from {known}.").format(
                    code=lang, known=", ".join(CONTENT_LANGUAGES)
                ),
                field="translations",
            )
        if name not in fields:
            continue
        text = " ".join(str(raw).split()) if name != "description" else str(raw or "").strip()
        if text:
            cleaned.setdefault(lang, {})[name] = text
    if not cleaned:
        return None
    return {lang: dict(sorted(texts.items())) for lang, texts in sorted(cleaned.items())}


def as_row(stored: Mapping[str, Mapping[str, str]] | None) -> Translations:
    """A record's stored translations as a row carries them."""
    if not stored:
        return ()
    return tuple(
        sorted((lang, name, text) for lang, texts in stored.items() for name, text in texts.items())
    )


def with_text(
    translations: Translations, language: str, field: str, text: str | None
) -> Translations:
    """The translations with one text set (or, when empty, removed)."""
    kept = [t for t in translations if not (t[0] == language and t[1] == field)]
    if text and text.strip():
        kept.append((language, field, text.strip()))
    return tuple(sorted(kept))


def text_in(
    translations: Translations,
    language: str,
    field: str,
    *,
    main_language: str,
    main_text: str | None,
) -> str | None:
    """The field's text in `language`, or None when it has none there (never a stand-in)."""
    if language == main_language:
        return main_text or None
    for lang, name, text in translations:
        if lang == language and name == field:
            return text
    return None


def fallback(main_text: str, language: str) -> str:
    """The main language's text standing in for a missing one, marked as such: "Пленарное
    заседание ⟨EN⟩" — a reader sees at a glance that the English is missing."""
    return f"{main_text} {FALLBACK_MARK.format(language=language.upper())}"


def shown_text(
    translations: Translations,
    language: str,
    field: str,
    *,
    main_language: str,
    main_text: str | None,
) -> tuple[str, bool]:
    """The text to show in `language` and whether it is a fallback (marked, see `fallback`)."""
    found = text_in(translations, language, field, main_language=main_language, main_text=main_text)
    if found is not None:
        return found, False
    if not main_text:
        return "", False
    return fallback(main_text, language), True
