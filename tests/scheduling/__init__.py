"""Tests of forumdesk.scheduling: pure logic, no database."""
