"""The data file: the SQLite store, its schema and upgrades, lock, backups, checksums and errors. No Qt."""
