"""Every edit as an undo command: `do()` calls a service, `undo_action()` its inverse.

The commands live in modules by what they edit; import each from the module that defines it
(this package re-exports nothing). `base` holds what they share: the versions this desk's own
steps moved each record through, `UpdateCommand`, the History's names of fields, the wait
cursor. `events` (events, the demo), `sessions` (sessions as records), `placement` (where
sessions are on the timetable, automatic placement accepted), `people` (people and their
unavailable periods), `assignments` (people in sessions, registrations), `venue` (rooms and
tracks), `imports` (an import as one step).
"""
