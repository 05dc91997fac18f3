"""The data file's errors: what a caller may meet using a data file, each kind its own class. Light to import (no
SQLAlchemy): the window names them before its first paint."""

from __future__ import annotations


class StoreError(Exception):
    """The data file cannot be used; ``str(err)`` says what happened and what to do, in Chinese."""


class CannotWrite(StoreError):
    """The file can be read but not written now (read-only file or folder, full disk, another writer holds the
    lock): the window offers to open it read-only."""


class DamagedFile(StoreError):
    """The file is damaged: it is never written to; the window offers the newest good backup."""


class DamagedReport(StoreError):
    """One report's rows cannot be read or no longer match its checksum: that report is never written and cannot be
    opened; the file's other reports open normally."""


class ChangedElsewhere(StoreError):
    """Another program changed the file since this one read it: nothing was written; read the report again."""


class UnfinishedSave(StoreError):
    """A save was cut short (the program was killed or the power failed) and its journal is still beside the file;
    opening the file for writing (the window, a command that writes) rolls it back to the last whole save."""


class UnreadableRow(StoreError):
    """Inside the data file layer: a row or value the store cannot trust (``why``, in Chinese) — an unreadable value,
    a value not of its place's kind, rows that no longer match their checksum. The store decides whose damage it
    is: the report's being read (DamagedReport), else the file's (DamagedFile)."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why
