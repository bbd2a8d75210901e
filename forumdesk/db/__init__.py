"""The database layer: ORM models, engine set-up, migrations and the unit of work."""
