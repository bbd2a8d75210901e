"""Qt fixtures: QSettings kept in the test's own folder under an organisation of its own, and
the window's prompts scripted (tests/ui/prompts.py) instead of shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from tests.ui.prompts import ScriptedPrompts


@pytest.fixture(autouse=True)
def isolated_settings(qapp: object, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName("forumdesk-tests")
    QCoreApplication.setApplicationName("forumdesk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder
    QSettings().clear()


@pytest.fixture
def prompts() -> ScriptedPrompts:
    """The window's prompts for one test: answers prepared by the test, everything recorded."""
    return ScriptedPrompts()
