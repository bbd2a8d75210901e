"""Pure scheduling logic, free of the database and of Qt: the problem checker (and, later,
automatic placement). Services feed it plain frozen rows and present what it returns."""

from forumdesk.scheduling.checker import (
    CheckAssignment,
    CheckPerson,
    CheckRoom,
    CheckSession,
    CheckSettings,
    Problem,
    ProblemKind,
    Severity,
    Unavailability,
    find_problems,
    fingerprint,
    is_accepted,
)

__all__ = [
    "CheckAssignment",
    "CheckPerson",
    "CheckRoom",
    "CheckSession",
    "CheckSettings",
    "Problem",
    "ProblemKind",
    "Severity",
    "Unavailability",
    "find_problems",
    "fingerprint",
    "is_accepted",
]
