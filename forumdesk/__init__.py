"""forumdesk: plan and run a multi-session forum from a desktop."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("forumdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "forumdesk"
