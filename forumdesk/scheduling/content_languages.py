"""The rule "every text in every content language": a warning for each title, description or
name that the event's main language has and one of its other languages lacks ("S3 has no title
in English"). Pure Python: services.content_languages reads the texts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from forumdesk.core.content_languages import as_row, in_language
from forumdesk.core.i18n import _
from forumdesk.scheduling.model import Problem, ProblemKind, Severity, fingerprint


@dataclass(frozen=True, slots=True)
class ContentTexts:
    """One record's texts: its main-language texts by field and its stored translations."""

    table: str  # "program_sessions", "rooms", "tracks", "events"
    record_id: int
    label: str  # how a message names it: "S3 «Пленарное заседание»", "Зал 1"
    texts: Mapping[str, str | None]
    translations: Mapping[str, Mapping[str, str]] | None


def _messages() -> dict[tuple[str, str], str]:
    """Whole sentences for each kind of text, so that a translation agrees with its noun."""
    return {
        ("program_sessions", "title"): _("{name} has no title {in_language}."),
        ("program_sessions", "description"): _("{name} has no description {in_language}."),
        ("rooms", "name"): _("The room «{name}» has no name {in_language}."),
        ("tracks", "name"): _("The track «{name}» has no name {in_language}."),
        ("events", "name"): _("The event «{name}» has no name {in_language}."),
        ("events", "venue"): _("The event «{name}» has no venue {in_language}."),
        ("events", "city"): _("The event «{name}» has no city {in_language}."),
    }


def missing_translation_problems(
    languages: Sequence[str], records: Sequence[ContentTexts]
) -> list[Problem]:
    """A warning for each text written in the main language (`languages[0]`) and missing in
    one of the others. A text empty in the main language is not asked for elsewhere. The
    fingerprint is the main text: an accepted warning comes back when the text changes."""
    messages = _messages()
    problems = []
    for record in records:
        have = {(lang, name) for lang, name, _text in as_row(record.translations)}
        for name, main_text in record.texts.items():
            if not main_text:
                continue
            for language in languages[1:]:
                if (language, name) in have:
                    continue
                problems.append(
                    Problem(
                        ProblemKind.MISSING_TRANSLATION,
                        Severity.WARNING,
                        messages[record.table, name].format(
                            name=record.label,
                            in_language=in_language(language),
                        ),
                        (record.record_id,) if record.table == "program_sessions" else (),
                        (),
                        f"missing_translation:{record.table}:{record.record_id}:{name}:{language}",
                        fingerprint(main_text),
                    )
                )
    return problems
