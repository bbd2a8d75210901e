"""Readers and writers: spreadsheet import, agenda export, iCalendar, CSV."""
