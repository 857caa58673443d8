"""The search as the network grows: the same queries however many pages match, pages of
results numbered as Django's paginator numbers them, and the French matching kept (the
benchmark, bench/search.py, times it at 10,000 pages)."""

from datetime import date

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from projects.models import NewsIndexPage, NewsPage
from search import query, services
from territories.scope import RequestScope

pytestmark = pytest.mark.django_db


def hub():
    return RequestScope.for_site(
        Site.objects.get(is_default_site=True), Locale.objects.get(language_code="fr")
    )


def found(outcome):
    return [result.page.pk for result in outcome.page]


def add_news(count, word, first=0):
    """``count`` published news pages of Pau holding ``word``, through Wagtail's page API (the
    search index follows publication)."""
    parent = NewsIndexPage.objects.get(url_path__startswith="/pau/", locale__language_code="fr")
    for number in range(first, first + count):
        news = NewsPage(
            title=f"Nouvelle {word} {number}",
            slug=f"nouvelle-{word}-{number}",
            intro=f"Encore un {word} dans le réseau.",
            date=date(2025, 1, 1),
        )
        parent.add_child(instance=news)
        news.save_revision().publish()


def test_a_search_costs_the_same_queries_as_the_network_grows():
    def queries(page_number):
        services.search(hub(), query.parse("lombricomposteur"), page_number=page_number)
        with CaptureQueriesContext(connection) as captured:
            outcome = services.search(
                hub(), query.parse("lombricomposteur"), page_number=page_number
            )
        return len(captured), outcome.count, len(found(outcome))

    add_news(12, "lombricomposteur")
    small = {number: queries(number) for number in ["1", "2", "99"]}
    add_news(25, "lombricomposteur", first=12)
    large = {number: queries(number) for number in ["1", "2", "99"]}

    assert [counted for _queries, counted, _shown in small.values()] == [12, 12, 12]
    assert [counted for _queries, counted, _shown in large.values()] == [37, 37, 37]
    assert [shown for _queries, _counted, shown in large.values()] == [10, 10, 7]
    # The same number of queries with 12 matches or 37, on the first page, the second, or a
    # page beyond the last (which shows the last one).
    assert [q for q, _c, _s in small.values()] == [q for q, _c, _s in large.values()]


@pytest.mark.parametrize("page_number", [None, "", "abc", "1", "2", "3", "0", "-2", "999", "2.5"])
def test_pages_of_results_are_numbered_as_django_s_paginator_numbers_them(page_number):
    terms = query.parse("projet")
    everything = list(services.matching_pages(hub(), terms))
    assert len(everything) > 6

    outcome = services.search(hub(), terms, page_number=page_number, per_page=3)
    expected = Paginator(everything, 3).get_page(page_number)

    assert outcome.page.number == expected.number
    assert outcome.count == len(everything)
    assert outcome.page.paginator.num_pages == expected.paginator.num_pages
    assert found(outcome) == [page.pk for page in expected]


def test_nothing_found_is_one_empty_first_page():
    outcome = services.search(hub(), query.parse("xylophone"), page_number="3")

    assert (outcome.count, outcome.page.number, found(outcome)) == (0, 1, [])


def test_plurals_and_accents_find_the_same_pages():
    def pages(text):
        return {page.pk for page in services.matching_pages(hub(), query.parse(text))}

    demarche = pages("démarche")
    assert demarche
    assert pages("demarche") == pages("DEMARCHE") == demarche
    # "projets" finds the pages that say "projet" and the other way round: PostgreSQL's
    # french_unaccent, the stems in SQLite's FTS5 index.
    assert pages("projet")
    assert pages("projets") == pages("projet")
