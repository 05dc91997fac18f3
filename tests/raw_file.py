"""Writing a data file's rows directly, as a test stands in for another evaldesk (or for damage that kept the
checksum whole): the connection knows the function the checksum triggers call, so the checksum follows."""

import sqlite3

from evaldesk.datafile import digest


def connect(path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    digest.register(connection)
    return connection
