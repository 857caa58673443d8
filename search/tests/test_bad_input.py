"""Whatever arrives in the query string, the search answers a normal page, never an error."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_LENGTH, MAX_TERMS, parse
from testing import make_project, make_territory

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


@pytest.fixture
def territory(django_capture_on_commit_callbacks):
    # The search index is updated on commit.
    with django_capture_on_commit_callbacks(execute=True):
        territory = make_territory()
        make_project(
            territory,
            "Des composteurs partagés dans chaque quartier",
            pitch="Des composteurs de quartier, tenus par les habitants.",
        )
    return territory


def search(client, territory, **params):
    response = client.get("/recherche/", params, HTTP_HOST=territory.site.hostname)
    assert response.status_code == 200
    return response


@HYPOTHESIS
@given(q=st.one_of(NASTY, TEXT), page=st.one_of(NASTY, TEXT), other=st.one_of(NASTY, TEXT))
def test_the_search_page_never_fails(client, territory, q, page, other):
    params = {"q": q, "page": page, "type": other, "phase": other, "theme": other}
    for host in [territory.site.hostname, "localhost"]:
        response = client.get("/recherche/", params, HTTP_HOST=host)
        assert response.status_code == 200
        assert response.context["outcome"].terms.text == parse(q).text


@HYPOTHESIS
@given(q=st.one_of(NASTY, TEXT))
def test_the_autocomplete_endpoint_never_fails(client, territory, q):
    host = territory.site.hostname
    response = client.get("/recherche/suggestions/", {"q": q}, HTTP_HOST=host)
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


def test_a_thousand_characters_are_shortened_with_a_notice(client, territory):
    html = search(client, territory, q="composteurs " * 90).content.decode()

    assert "Votre recherche était trop longue" in html
    # The word, said ninety times, is still searched.
    assert "Des composteurs partagés dans chaque quartier" in html


def test_an_empty_query_asks_for_words(client, territory):
    response = search(client, territory, q="  «» ' ")

    assert "Saisissez au moins un mot" in response.content.decode()
    assert response.context["outcome"].count == 0


def test_operators_are_searched_as_words_not_obeyed(client, territory):
    assert search(client, territory, q="composteurs' OR '1'='1").context["outcome"].count == 0
    assert search(client, territory, q='"composteurs').context["outcome"].count == 1


def test_invalid_filters_are_ignored_not_an_error(client, territory):
    plain = search(client, territory, q="composteurs")
    odd = search(client, territory, q="composteurs", type="x", phase="'; --", theme="nope")

    assert plain.context["outcome"].count == 1
    assert [r.page for r in odd.context["search_results"]] == [
        r.page for r in plain.context["search_results"]
    ]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1e309", "", "%00"])
def test_any_page_number_gives_a_page_of_results(client, territory, page):
    response = search(client, territory, q="composteurs", page=page)

    assert [r.page.title for r in response.context["search_results"]] == [
        "Des composteurs partagés dans chaque quartier"
    ]
