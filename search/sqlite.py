"""French stemming for SQLite's full-text index (FTS5), which has no French stemmer of its own.

The FTS5 table Wagtail fills from its index entries by triggers receives the French stems of
each title and body (search/migrations/0003 rewrites the triggers), through the SQL function
``french_stems`` that every SQLite connection gets here; the search backend stems the words
searched for the same way (search/backend.py). The index entries themselves keep the text as
written: the excerpts of the results come from them. Autocomplete matches title prefixes as
typed, unstemmed.
"""

from django.db.backends.signals import connection_created
from django.dispatch import receiver

from .query import stemmed_text

FUNCTION = "french_stems"


def add_function(sqlite_connection):
    sqlite_connection.create_function(FUNCTION, 1, stemmed_text, deterministic=True)


@receiver(connection_created, dispatch_uid="search.french_stems")
def add_french_stems(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        add_function(connection.connection)
