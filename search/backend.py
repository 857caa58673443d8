"""The database search backend, with a configurable text search configuration for autocomplete.

Wagtail's database backend picks PostgreSQL's, MySQL's or SQLite's implementation from the
database in use. Its PostgreSQL implementation always builds autocomplete prefixes with the
"simple" configuration, which keeps accents: "equi" would not suggest "Équipe". This backend
takes AUTOCOMPLETE_CONFIG from the settings instead and otherwise changes nothing.

Both read a query typed as a string (the admin's searches: explorer, choosers, bulk actions,
API) through search.query.parse, as the public search does: a stray quote, a blank or a
control character would otherwise be a database error (a 500).
"""

from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.query import Phrase, PlainText

from .query import parse


def cleaned(query, autocomplete=False):
    """``query`` with only what parse keeps; "" (no result) when nothing is left."""
    if isinstance(query, str):
        terms = parse(query)
        if autocomplete:
            return terms.as_autocomplete_text()
        return terms.as_query() if terms else ""
    if isinstance(query, PlainText | Phrase):
        # Wagtail's own parsing (the explorer's search) keeps quotes and control characters.
        text = " ".join(parse(query.query_string).all_words)
        if not text:
            return ""
        if isinstance(query, Phrase):
            return Phrase(text)
        return PlainText(text, operator=query.operator, boost=query.boost)
    return query


class ParsedQueries:
    def search(self, query, *args, **kwargs):
        return super().search(cleaned(query), *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        return super().autocomplete(cleaned(query, autocomplete=True), *args, **kwargs)


class FrenchPostgresSearchBackend(ParsedQueries, PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        return FrenchPostgresSearchBackend(params)
    # SQLite's (FTS5 or not) is chosen by a function: take the class it picks.
    return with_parsed_queries(type(DatabaseSearchBackend(params)))(params)


@cache
def with_parsed_queries(backend_class):
    return type(backend_class.__name__, (ParsedQueries, backend_class), {})
