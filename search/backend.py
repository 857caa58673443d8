"""The database search backend, with a configurable text search configuration for autocomplete.

Wagtail's database backend picks PostgreSQL's, MySQL's or SQLite's implementation from the
database in use. Its PostgreSQL implementation always builds autocomplete prefixes with the
"simple" configuration, which keeps accents: "equi" would not suggest "Équipe". This backend
takes AUTOCOMPLETE_CONFIG from the settings instead and otherwise changes nothing.
"""

from django.db import connection
from django.db.models.expressions import RawSQL
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")

    def candidates(self, words):
        """SQL for the ids of the objects whose index entry holds every word, in its title or
        its body, or None when no word is searchable (stop words only).

        Wagtail's backend matches a page's title and body together, a combination no index
        serves, so it reads every page of the scope. This superset of its matches is found
        through the GIN indexes on the entries' title and body; narrowing the scope to it
        leaves the backend only the candidates to match exactly and rank.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT plainto_tsquery(%s::regconfig, word)::text FROM unnest(%s::text[]) AS word",
                [self.config, list(words)],
            )
            lexemes = [row[0] for row in cursor.fetchall() if row[0]]
        if not lexemes:
            return None
        table = IndexEntry._meta.db_table
        match = " AND ".join(["(title @@ %s::tsquery OR body @@ %s::tsquery)"] * len(lexemes))
        sql = (
            f"SELECT object_id::bigint FROM {table} "  # noqa: S608 (no user text in the SQL)
            f"WHERE object_id ~ '^[0-9]+$' AND {match}"
        )
        return RawSQL(sql, [lexeme for lexeme in lexemes for _field in range(2)])


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        return FrenchPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
