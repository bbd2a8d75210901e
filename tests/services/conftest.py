"""Fixtures for the service tests: a two-day event (and a second one) on the `db` file."""

from __future__ import annotations

import pytest

from forumdesk.core.rows import EventRow
from forumdesk.db.engine import Database
from forumdesk.services.events import create_event


@pytest.fixture
def event(db: Database) -> EventRow:
    """A two-day forum in Asia/Almaty (UTC+6 in 2021), 25-26 November 2021."""
    return create_event(
        db,
        "Anti-Counterfeiting Forum",
        "2021-11-25",
        "2021-11-26",
        city="Nur-Sultan",
        timezone="Asia/Almaty",
    )


@pytest.fixture
def other_event(db: Database, event: EventRow) -> EventRow:
    """A second event in the same database (created after `event`)."""
    return create_event(db, "IP Week", "2022-03-01", "2022-03-03", timezone="Europe/Moscow")
