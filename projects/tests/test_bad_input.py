"""Whatever page number arrives, the news index answers a page of news."""

import datetime

import pytest

from projects.models import NewsIndexPage
from testing import make_news, make_territory

pytestmark = pytest.mark.django_db

# The page number asked for → the page shown, out of three.
PAGES = {"abc": 1, "": 1, "1.5": 1, "%00": 1, "0": 3, "-1": 3, "999": 3, "9" * 30: 3, "2": 2}


def test_the_news_index_never_fails_on_a_bad_page_number(client, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)  # three pages out of five news items
    territory = make_territory()
    for number in range(5):
        make_news(territory, f"Nouvelle {number}", date=datetime.date(2024, 1, 1 + number))

    for page, expected in PAGES.items():
        response = client.get(f"/actualites/?page={page}", HTTP_HOST=territory.site.hostname)
        assert response.status_code == 200, page
        assert response.context["news"].number == expected, page
        assert response.context["news"].paginator.num_pages == 3
