"""The search backend comes from the environment: the database by default, or a search server."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import get_search_backend

from search.config import FRENCH_INDEX_SETTINGS, search_backends

SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"


def test_sqlite_searches_with_the_database_backend():
    assert search_backends({}, SQLITE) == {"default": {"BACKEND": "search.backend"}}


def test_postgresql_searches_in_french_without_accents():
    assert search_backends({"SEARCH_URL": ""}, POSTGRESQL) == {
        "default": {
            "BACKEND": "search.backend",
            "SEARCH_CONFIG": "french_unaccent",
            "AUTOCOMPLETE_CONFIG": "simple_unaccent",
        }
    }


@pytest.mark.parametrize(
    "url, module, server",
    [
        (
            "elasticsearch+https://user:secret@es.example.org:9243",
            "modelsearch.backends.elasticsearch9",
            "https://user:secret@es.example.org:9243",
        ),
        (
            "elasticsearch8://10.0.0.5:9200",
            "modelsearch.backends.elasticsearch8",
            "http://10.0.0.5:9200",
        ),
        (
            "opensearch://search.internal:9200/",
            "modelsearch.backends.opensearch3",
            "http://search.internal:9200/",
        ),
        (
            "opensearch2+https://search.internal",
            "modelsearch.backends.opensearch2",
            "https://search.internal",
        ),
    ],
)
def test_a_search_url_selects_elasticsearch_or_opensearch(url, module, server):
    backend = search_backends({"SEARCH_URL": url}, POSTGRESQL)["default"]

    assert backend["BACKEND"] == module
    assert backend["URLS"] == [server]
    assert backend["INDEX_PREFIX"] == "incubateurs_"
    assert backend["INDEX_SETTINGS"] == FRENCH_INDEX_SETTINGS


def test_the_elasticsearch_backend_is_built_from_the_setting_without_a_server(settings):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        {
            "SEARCH_URL": "elasticsearch+https://user:secret@es.example.org:9243",
            "SEARCH_INDEX_PREFIX": "reseau_",
            "SEARCH_TIMEOUT": "5",
        },
        POSTGRESQL,
    )

    backend = get_search_backend()

    assert type(backend).__name__ == "Elasticsearch9SearchBackend"
    assert backend.hosts == [
        {"host": "es.example.org", "port": 9243, "path_prefix": "", "scheme": "https"}
    ]
    assert backend.timeout == 5
    assert backend.index_prefix == "reseau_"
    # Every text field is analysed in French: elisions, accents, light stemming.
    analyzer = backend.settings["settings"]["analysis"]["analyzer"]["default"]
    assert analyzer["filter"] == ["french_elision", "lowercase", "asciifolding", "french_stemmer"]
    assert "ngram_analyzer" in backend.settings["settings"]["analysis"]["analyzer"]


@pytest.mark.parametrize(
    "environ",
    [
        {"SEARCH_URL": "solr://search.internal:8983"},
        {"SEARCH_URL": "elasticsearch+ftp://search.internal"},
        {"SEARCH_URL": "elasticsearch://"},
        {"SEARCH_URL": "elasticsearch://es:9200", "SEARCH_TIMEOUT": "soon"},
        {"SEARCH_URL": "elasticsearch://es:9200", "SEARCH_TIMEOUT": "0"},
    ],
)
def test_a_wrong_search_setting_stops_the_start_with_a_clear_message(environ):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_"):
        search_backends(environ, SQLITE)
