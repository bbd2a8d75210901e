"""Every write path the window uses refuses a write based on a version another desk has moved
on (ConcurrentEditError, nothing changed), and lets the same write pass on fresh data."""

from __future__ import annotations

import pytest

from forumdesk.core.errors import ConcurrentEditError
from forumdesk.db.engine import Database
from forumdesk.services.demo import DemoResult
from tests.stale_writes import WRITE_PATHS, WritePath, everything, prepare


@pytest.mark.parametrize("path", WRITE_PATHS, ids=lambda p: p.name)
def test_a_stale_write_is_refused_and_changes_nothing(
    db: Database, demo: DemoResult, path: WritePath
) -> None:
    prepare(db, demo)
    seen = path.seen(db, demo)
    path.meddle(db, demo)
    before = everything(db)
    with pytest.raises(ConcurrentEditError) as refused:
        path.write(db, demo, seen)
    assert everything(db) == before
    assert str(refused.value)  # a message the window can show
    path.write(db, demo, path.seen(db, demo))  # on fresh data it passes
    assert everything(db) != before
