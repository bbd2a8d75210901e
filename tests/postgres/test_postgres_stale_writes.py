"""Every write path the window uses, on the real PostgreSQL server: a stale write is refused
and changes nothing; on fresh data the same write passes."""

from __future__ import annotations

import pytest

from forumdesk.core.errors import ConcurrentEditError
from forumdesk.db.engine import Database
from forumdesk.services.demo import load_demo
from tests.stale_writes import WRITE_PATHS, WritePath, everything, prepare


@pytest.mark.parametrize("path", WRITE_PATHS, ids=lambda p: p.name)
def test_a_stale_write_is_refused_and_changes_nothing(pg: Database, path: WritePath) -> None:
    demo = load_demo(pg)
    prepare(pg, demo)
    seen = path.seen(pg, demo)
    path.meddle(pg, demo)
    before = everything(pg)
    with pytest.raises(ConcurrentEditError):
        path.write(pg, demo, seen)
    assert everything(pg) == before
    path.write(pg, demo, path.seen(pg, demo))
    assert everything(pg) != before
