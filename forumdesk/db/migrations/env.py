"""Alembic environment for forumdesk.

forumdesk runs migrations itself when it opens a database (forumdesk.db.migrate), passing an open
connection in `config.attributes["connection"]`. For a developer's `alembic revision
--autogenerate`, the database comes from FORUMDESK_DB or the default location.
"""

from __future__ import annotations

from alembic import context

from forumdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # a developer running the alembic command line
    from forumdesk.config import resolve_database_url
    from forumdesk.db.engine import create_database_engine

    engine = create_database_engine(resolve_database_url(config.get_main_option("sqlalchemy.url")))
    with engine.begin() as conn:
        _run(conn)
