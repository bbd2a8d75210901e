"""forumdesk: plan and run a multi-session forum from a desktop."""

# The one place the version is written: hatchling reads it from here when building (see
# pyproject.toml), and the app does not pay for importlib.metadata on every start.
__version__ = "0.1.0"

APP_NAME = "forumdesk"
