"""The Qt Widgets user interface. Only this package (and forumdesk.app) imports PySide6."""
