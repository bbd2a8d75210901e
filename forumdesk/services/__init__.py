"""What staff can do, as plain Python: events, venue, sessions, people, assignments, agendas.

Every public function that changes data opens exactly one unit of work (`db.transaction()`), and
returns plain rows (forumdesk.core.rows), never live ORM objects. A refused operation raises a
forumdesk.core.errors.ForumdeskError whose message can be shown to the user as it is.
"""
