"""Dates in words as French writes them: « 1er janvier », not « 1 janvier » (home/dates.py)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from home.dates import written_date
from home.models import AccessibilityPage

NEW_YEAR = datetime.date(2026, 1, 1)


def test_the_first_of_a_month_is_an_ordinal_in_french_only():
    with translation.override("fr"):
        assert written_date(NEW_YEAR) == "1er janvier 2026"
        assert written_date(datetime.date(2026, 1, 2)) == "2 janvier 2026"
        assert written_date(datetime.date(2026, 3, 11)) == "11 mars 2026"
        morning = datetime.datetime(2026, 1, 1, 9)
        assert written_date(morning, "j F Y, H:i") == "1er janvier 2026, 09:00"
    with translation.override("en"):
        assert written_date(datetime.date(2026, 3, 1), "j F Y") == "1 March 2026"


def test_a_moment_is_written_on_its_local_day():
    # 23:30 in UTC on 31 December is already New Year's Day in Paris.
    moment = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC)
    template = Template('{% load dates %}{{ moment|written_date:"DATETIME_FORMAT" }}')
    with translation.override("fr"):
        assert template.render(Context({"moment": moment})) == "1er janvier 2026 00:30"
        assert written_date(moment, "DATETIME_FORMAT") == "1er janvier 2026 00:30"
        assert written_date(None) == ""


@pytest.mark.django_db
def test_the_statement_made_on_the_first_says_1er(client):
    statement = AccessibilityPage.objects.get(url_path="/pau/accessibilite/")
    statement.statement_date = NEW_YEAR
    statement.save_revision().publish()

    html = client.get("/accessibilite/", HTTP_HOST="pau.localhost").content.decode()

    assert "1er janvier 2026" in html
    assert "1 janvier" not in html
