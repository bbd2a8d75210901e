"""The bottom floor: vocabularies, row types, text cleaning, errors and the core's language.

Plain Python that every layer (db, io, scheduling, services, cli, ui) may import and that imports
nothing of forumdesk's from outside this package.
"""
