"""The Problems dock lists a missing translation as a warning of its own kind, and it goes
away when the translation is typed in (issue 17)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from forumdesk.db.engine import Database
from forumdesk.scheduling.checker import ProblemKind, Severity
from forumdesk.services import assignments, events, sessions
from forumdesk.services.demo import DemoResult
from forumdesk.services.session_editing import SessionEdit, SessionPerson
from forumdesk.ui.commands.sessions import SaveSessionCommand
from forumdesk.ui.main_window import MainWindow
from forumdesk.ui.problems_tree_model import kind_title
from tests.ui.prompts import ScriptedPrompts


def test_a_missing_translation_is_a_warning_in_the_dock_until_typed_in(
    qtbot: QtBot, db: Database, demo: DemoResult, prompts: ScriptedPrompts
) -> None:
    s4 = next(s for s in sessions.list_sessions(db, demo.event.id) if s.code == "S4")
    # S4 loses its Russian title
    sessions.update_session(db, s4.id, {"translations": None}, expected_version=s4.version)
    window = MainWindow(db, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    dock = window.problems_dock
    qtbot.waitUntil(lambda: bool(window.problems_label.text()))

    missing = [r for r in dock.open_rows() if r.kind == ProblemKind.MISSING_TRANSLATION]
    assert [r.message for r in missing] == [
        "S4 «Creative Industries and Copyright in the Digital Age» has no title in Russian.",
        "S4 «Creative Industries and Copyright in the Digital Age» has no description in Russian.",
    ]
    assert all(r.severity == Severity.WARNING for r in missing)
    model = dock.model
    group = model.group_index(Severity.WARNING, ProblemKind.MISSING_TRANSLATION)
    assert group.isValid() and kind_title(ProblemKind.MISSING_TRANSLATION) in str(group.data())

    row = sessions.get_session(db, s4.id)
    with qtbot.waitSignal(dock.checked, timeout=5000):
        assert window.ctx.run(
            SaveSessionCommand(
                window.ctx,
                "Translate",
                row,
                SessionEdit(
                    {
                        "translations": {
                            "ru": {
                                "title": "Креативные индустрии",
                                "description": "Авторское право",
                            }
                        }
                    }
                ),
                [
                    SessionPerson(a.person_id, a.role, a.position)
                    for a in assignments.session_people(db, s4.id)
                ],
            )
        )
    assert not [r for r in dock.open_rows() if r.kind == ProblemKind.MISSING_TRANSLATION]
    assert events.get_event(db, demo.event.id).content_languages == ("en", "ru")
