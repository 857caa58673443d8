"""Whatever arrives in the query string, the search answers a normal page, never an error."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_LENGTH, MAX_TERMS, parse

pytestmark = pytest.mark.django_db

# Any text a browser can send (lone surrogates cannot be encoded in a URL).
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=1000)
NASTY = st.sampled_from(
    [
        "",
        " ",
        "x" * 1000,
        "é" * 1000,
        "composteurs " * 100,
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        '"unbalanced',
        'a "b" "c',
        "« guillemets",
        "NEAR(a b) AND NOT c OR d*",
        "a & b | !c <-> d:*",
        "title:rsa body:^2",
        "{title body}: x",
        "\x00\x01\x7f",
        "%00%27",
        "🧺♻️",
        "\\",
        "'",
        '"',
        "-",
    ]
)
HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@HYPOTHESIS
@given(q=st.one_of(NASTY, TEXT), page=st.one_of(NASTY, TEXT), other=st.one_of(NASTY, TEXT))
def test_the_search_page_never_fails(client, q, page, other):
    params = {"q": q, "page": page, "type": other, "phase": other, "theme": other}
    for host in ["var.localhost", "localhost"]:
        response = client.get("/recherche/", params, HTTP_HOST=host)
        assert response.status_code == 200
        assert response.context["outcome"].terms.text == parse(q).text


@HYPOTHESIS
@given(q=st.one_of(NASTY, TEXT))
def test_the_autocomplete_endpoint_never_fails(client, q):
    response = client.get("/recherche/suggestions/", {"q": q}, HTTP_HOST="pau.localhost")
    assert response.status_code == 200
    assert isinstance(json.loads(response.content)["results"], list)


@given(raw=st.one_of(NASTY, TEXT))
@settings(database=None)
def test_parsed_queries_hold_only_letters_and_digits_within_limits(raw):
    terms = parse(raw)

    assert len(terms.text) <= MAX_QUERY_LENGTH
    assert len(terms.all_words) <= MAX_TERMS
    for word in terms.all_words:
        assert word.isalnum()


def test_a_thousand_characters_are_shortened_with_a_notice(client):
    response = client.get("/recherche/", {"q": "composteurs " * 90}, HTTP_HOST="pau.localhost")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Votre recherche était trop longue" in html
    assert "Poubelles Battle" in html  # the word, said ninety times, is still searched


def test_an_empty_query_asks_for_words(client):
    response = client.get("/recherche/", {"q": "  «» ' "}, HTTP_HOST="var.localhost")

    assert response.status_code == 200
    assert "Saisissez au moins un mot" in response.content.decode()
    assert response.context["outcome"].count == 0


def test_operators_are_searched_as_words_not_obeyed(client):
    injected = client.get("/recherche/", {"q": "composteurs' OR '1'='1"}, HTTP_HOST="pau.localhost")
    assert injected.context["outcome"].count == 0
    quoted = client.get("/recherche/", {"q": '"composteurs'}, HTTP_HOST="pau.localhost")
    assert quoted.context["outcome"].count >= 1
