"""The report as data, its validation and its SQLite store. No Qt."""
