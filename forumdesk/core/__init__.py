"""The bottom floor: vocabularies, rows, text cleaning, errors, progress, the core's language.

Plain Python that every layer (db, io, scheduling, services, cli, ui) may import and that imports
nothing of forumdesk's from outside this package.
"""
