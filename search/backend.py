"""The database search backend, with a configurable text search configuration for autocomplete.

Wagtail's database backend picks PostgreSQL's, MySQL's or SQLite's implementation from the
database in use. Its PostgreSQL implementation always builds autocomplete prefixes with the
"simple" configuration, which keeps accents: "equi" would not suggest "Équipe". This backend
takes AUTOCOMPLETE_CONFIG from the settings instead and otherwise changes nothing.

Both read a query typed as a string (the admin's searches: explorer, choosers, bulk actions,
API) through search.query.parse, as the public search does: a stray quote, a blank or a
control character would otherwise be a database error (a 500).

On PostgreSQL, two changes for speed at 10,000 pages: the matched text vector is a filter only
(Wagtail selects it too: a concatenation of every match's title and body, computed and then
thrown away, and a count wrapped around the whole query), and a page of results comes with
the number of matches from the same query (``page_with_total``), where a paginator would run
the search twice, and a page number beyond the last gets the last page from it too.
"""

from functools import cache
from operator import attrgetter

from django.db import connection
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.search.query import And, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from .query import parse, stem


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


def stemmed(query):
    """``query`` with each word replaced by its French stem, as SQLite's FTS5 index holds
    titles and bodies (search/sqlite.py)."""
    if isinstance(query, PlainText):
        words = " ".join(stem(word) for word in query.query_string.split())
        return PlainText(words, operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(" ".join(stem(word) for word in query.query_string.split()))
    if isinstance(query, And | Or):
        return type(query)([stemmed(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(stemmed(query.subquery))
    return query


class StemmedQueries:
    """SQLite with FTS5: the words searched for, stemmed as the index holds them."""

    def search(self, query, *args, **kwargs):
        return super().search(stemmed(query), *args, **kwargs)


class FilteredVector:
    """Wagtail's full-text search, with the text vector as an alias: filtered on (through the
    GIN index on title || body, search/migrations/0002), never selected."""

    def search(self, config, start, stop, score_field=None, backend=None):
        query = self.query
        if isinstance(query, MatchAll | Fuzzy) or (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        queryset = self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class FrenchPostgresSearchQueryCompiler(FilteredVector, PostgresSearchQueryCompiler):
    pass


class FrenchPostgresAutocompleteQueryCompiler(FilteredVector, PostgresAutocompleteQueryCompiler):
    pass


# The annotations carrying, on each row of a page of results, the number of matches and the
# row's position among them.
TOTAL = "search_total"
POSITION = "search_position"


class FrenchPostgresSearchResults(PostgresSearchResults):
    def page_with_total(self, number, per_page):
        """The page ``number`` of results, or the last one when there is no such page (as
        Django's ``Paginator.get_page`` answers), its number and the number of matches in
        all, in one query: ``(rows, number, total)``.

        The results are ranked once: the rows of the page asked for, and those of the last
        page, are picked by their position among them.
        """
        compiler = self.query_compiler
        queryset = compiler.search(
            compiler.get_config(self.backend), None, None, self._score_field, self.backend
        )
        start, stop = (number - 1) * per_page, number * per_page
        positioned = queryset.annotate(
            **{
                TOTAL: Window(Count("*")),
                POSITION: Window(RowNumber(), order_by=queryset.query.order_by),
            }
        )
        wanted = Q(**{f"{POSITION}__gt": start, f"{POSITION}__lte": stop})
        if number > 1:
            wanted |= Q(**{f"{POSITION}__gt": F(TOTAL) - per_page})
        rows = sorted(positioned.filter(wanted), key=attrgetter(POSITION))
        if not rows:
            return [], 1, 0
        total = getattr(rows[0], TOTAL)
        if getattr(rows[-1], POSITION) <= start:  # beyond the last page
            number = -(-total // per_page)
            start = (number - 1) * per_page
        return [row for row in rows if getattr(row, POSITION) > start][:per_page], number, total

    def counts_of(self, queries):
        """How many of these results each of ``queries`` matches, in one query (a search for
        an ``Or`` of them: each count is then that of a search for the query alone)."""
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        matches = compiler.search(config, None, None, None, self.backend).order_by()
        counts = matches.aggregate(
            **{
                f"matches_{index}": Count(
                    "pk", filter=Q(_vector_=compiler.build_tsquery(query, config=config))
                )
                for index, query in enumerate(queries)
            }
        )
        return [counts[f"matches_{index}"] for index in range(len(queries))]


class FrenchPostgresSearchBackend(ParsedQueries, PostgresSearchBackend):
    query_compiler_class = FrenchPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchPostgresAutocompleteQueryCompiler
    results_class = FrenchPostgresSearchResults

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
    bases = (ParsedQueries, backend_class)
    if connection.vendor == "sqlite":
        # Its module reads a model that exists on SQLite with FTS5 only: imported here.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if issubclass(backend_class, SQLiteSearchBackend):
            # Without FTS5, Wagtail's fallback searches the raw text with LIKE: no stems.
            bases = (ParsedQueries, StemmedQueries, backend_class)
    return type(backend_class.__name__, bases, {})
