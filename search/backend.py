"""The database search backend, with a configurable text search configuration for autocomplete.

Wagtail's database backend picks PostgreSQL's, MySQL's or SQLite's implementation from the
database in use. Its PostgreSQL implementation always builds autocomplete prefixes with the
"simple" configuration, which keeps accents: "equi" would not suggest "Équipe". This backend
takes AUTOCOMPLETE_CONFIG from the settings instead and otherwise changes nothing.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        return FrenchPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
