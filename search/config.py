"""Which search backend the platform uses, chosen from the environment.

Imported by the settings module, so it must not import Django models or anything that needs
configured settings.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

# PostgreSQL text search configurations created by search/migrations/0001: French stemming
# after accent removal for the full text, accent removal alone for the autocomplete prefixes.
POSTGRES_SEARCH_CONFIG = "french_unaccent"
POSTGRES_AUTOCOMPLETE_CONFIG = "simple_unaccent"

# The engines of SEARCH_URL's scheme: an unversioned name means the newest client supported.
SEARCH_ENGINES = {
    "elasticsearch": "modelsearch.backends.elasticsearch9",
    "elasticsearch7": "modelsearch.backends.elasticsearch7",
    "elasticsearch8": "modelsearch.backends.elasticsearch8",
    "elasticsearch9": "modelsearch.backends.elasticsearch9",
    "opensearch": "modelsearch.backends.opensearch3",
    "opensearch2": "modelsearch.backends.opensearch2",
    "opensearch3": "modelsearch.backends.opensearch3",
}

# Elasticsearch and OpenSearch analyse every text field in French unless told otherwise:
# elided articles dropped (l’équipe), lowercased, accents folded, lightly stemmed.
FRENCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c"],
                },
                "french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                "default": {
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "french_stemmer"],
                }
            },
        }
    }
}


def search_backends(environ, database_engine):
    """The WAGTAILSEARCH_BACKENDS setting for this environment and database engine.

    SEARCH_URL (``elasticsearch+https://user:password@host:9200``, ``opensearch://host:9200``…)
    selects Elasticsearch or OpenSearch; without it, the database does the searching: PostgreSQL
    with the French configurations above, or SQLite's FTS5 extension.
    """
    url = environ.get("SEARCH_URL", "").strip()
    if url:
        return {"default": _external_backend(url, environ)}
    backend = {"BACKEND": "search.backend"}
    if "postgresql" in database_engine:
        backend["SEARCH_CONFIG"] = POSTGRES_SEARCH_CONFIG
        backend["AUTOCOMPLETE_CONFIG"] = POSTGRES_AUTOCOMPLETE_CONFIG
    return {"default": backend}


def _external_backend(url, environ):
    parts = urlsplit(url)
    engine, _plus, transport = parts.scheme.partition("+")
    if engine not in SEARCH_ENGINES or transport not in {"", "http", "https"}:
        raise ImproperlyConfigured(
            f"SEARCH_URL's scheme {parts.scheme!r} is not supported: use one of "
            f"{', '.join(sorted(SEARCH_ENGINES))}, optionally followed by +https "
            "(for example elasticsearch+https://user:password@search.example.org:9200)."
        )
    if not parts.hostname:
        raise ImproperlyConfigured(f"SEARCH_URL {url!r} has no host name.")
    server = urlunsplit((transport or "http", parts.netloc, parts.path, "", ""))
    return {
        "BACKEND": SEARCH_ENGINES[engine],
        "URLS": [server],
        "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "incubateurs_"),
        "TIMEOUT": _seconds(environ.get("SEARCH_TIMEOUT", "10")),
        "INDEX_SETTINGS": FRENCH_INDEX_SETTINGS,
    }


def _seconds(value):
    try:
        seconds = int(value)
    except ValueError:
        seconds = 0
    if seconds <= 0:
        raise ImproperlyConfigured(f"SEARCH_TIMEOUT={value!r} is not a number of seconds.")
    return seconds
