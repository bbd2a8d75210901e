"""The session editor's undo command for a change of fields only, for tests of other views."""

from __future__ import annotations

from forumdesk.core.rows import SessionRow
from forumdesk.services import assignments
from forumdesk.services.session_editing import SessionEdit, SessionPerson
from forumdesk.ui.commands.sessions import SaveSessionCommand
from forumdesk.ui.context import AppContext


def edit_session(
    ctx: AppContext, row: SessionRow, changes: dict[str, object]
) -> SaveSessionCommand:
    """What the editor's OK pushes when only `changes` were made to the session's fields."""
    people = [
        SessionPerson(a.person_id, a.role, a.position)
        for a in assignments.session_people(ctx.db, row.id)
    ]
    return SaveSessionCommand(ctx, f"Edit {row.label}", row, SessionEdit(changes), people)
