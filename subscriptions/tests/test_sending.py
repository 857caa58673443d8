"""Sending the news: once, to the right people, in their language; the daily digest."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail_localize.operations import translate_object

from operations.scheduler import run_scheduled_jobs
from subscriptions import services
from subscriptions.models import Frequency, SentNews
from testing import make_news, make_project, make_territory

from .helpers import recipients, subscription

pytestmark = pytest.mark.django_db


def test_a_news_item_goes_once_to_territory_and_project_subscribers(territory, project):
    other_project = make_project(territory, title="Un autre projet")
    subscription("both@example.org", territory)
    subscription("both@example.org", territory, project=project)
    subscription("project@example.org", territory, project=project)
    subscription("other-project@example.org", territory, project=other_project)
    subscription("pending@example.org", territory, confirmed=False)
    subscription("elsewhere@example.org", make_territory())
    news = make_news(territory, title="Le service est ouvert", projects=[project])

    deliveries = services.send_news()

    assert recipients() == ["both@example.org", "project@example.org"]
    assert [(d.title, d.emails) for d in deliveries] == [("Le service est ouvert", 2)]
    message = mail.outbox[0]
    assert message.subject == "Le service est ouvert"
    assert news.get_full_url() in message.body
    assert "/abonnement/desabonner/?cle=" in message.extra_headers["List-Unsubscribe"]
    # A second run, and a republication, send nothing more.
    news.save_revision().publish()
    assert services.send_news() == []
    assert len(mail.outbox) == 2
    assert SentNews.objects.get(news_key=news.translation_key).recipients == 2


def test_only_news_published_after_the_confirmation_are_sent(territory):
    news = make_news(territory)
    late = subscription("late@example.org", territory)
    late.confirmed_at = news.first_published_at + timedelta(minutes=1)
    late.save()
    services.send_news()
    assert not mail.outbox


def test_the_scheduled_job_sends_and_the_command_reports(territory):
    subscription("a@example.org", territory)
    make_news(territory, title="Premier")
    run_scheduled_jobs()
    assert recipients() == ["a@example.org"]

    make_news(territory, title="Second")
    out = StringIO()
    call_command("send_news", stdout=out)
    assert "Second — 1 email(s)" in out.getvalue()
    assert len(mail.outbox) == 2


def test_restricted_unpublished_and_preparing_news_are_not_sent(territory):
    subscription("a@example.org", territory)
    restricted = make_news(territory, title="Réservé")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    unpublished = make_news(territory, title="Retiré")
    unpublished.unpublish()
    preparing = make_territory(launched=False)
    subscription("a@example.org", preparing)
    make_news(preparing, title="En préparation")

    assert services.send_news() == []
    assert not mail.outbox
    # The restriction lifted, the news item goes out (it was not taken).
    PageViewRestriction.objects.filter(page=restricted).delete()
    assert [d.title for d in services.send_news()] == ["Réservé"]


def test_each_subscriber_gets_the_version_of_their_language(
    territory, english, django_capture_on_commit_callbacks
):
    subscription("fr@example.org", territory)
    subscription("en@example.org", territory, language="en")
    # Untranslated: the English site shows the alias (the French text, at its English address).
    news = make_news(territory, title="Nouvelle")
    services.send_news()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert news.get_full_url() in by_address["fr@example.org"].body
    english_url = news.get_translation(english).get_full_url()
    assert "/en/" in english_url
    assert english_url in by_address["en@example.org"].body
    assert "/en/abonnement/desabonner/" in by_address["en@example.org"].body

    # Translated: the English text.
    mail.outbox.clear()
    translated = make_news(territory, title="Deuxième nouvelle")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(translated, [english])
    version = translated.get_translation(english)
    version.title = "Second news"
    version.save_revision().publish()
    services.send_news()
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["en@example.org"] == "Second news"
    assert subjects["fr@example.org"] == "Deuxième nouvelle"


def test_a_followed_project_made_private_no_longer_counts(territory, project):
    subscription("a@example.org", territory, project=project)
    PageViewRestriction.objects.create(page=project, restriction_type="password", password="x")
    make_news(territory, projects=[project])
    services.send_news()
    assert not mail.outbox


def test_the_daily_digest_goes_once_a_day_after_its_hour(territory, project, settings):
    settings.SUBSCRIPTIONS_DIGEST_HOUR = 7
    subscription("daily@example.org", territory, frequency=Frequency.DAILY)
    subscription("daily@example.org", territory, project=project, frequency=Frequency.DAILY)
    # Immediate for the project: its news are not repeated in the digest.
    subscription("mixed@example.org", territory, frequency=Frequency.DAILY)
    subscription("mixed@example.org", territory, project=project)
    make_news(territory, title="Première", projects=[project])
    make_news(territory, title="Deuxième")

    services.send_news()
    assert recipients() == ["mixed@example.org"]  # the immediate one only
    mail.outbox.clear()

    today = timezone.localtime()
    morning = today.replace(hour=6, minute=0) + timedelta(days=1)
    assert services.send_digests(morning) == []
    evening = today.replace(hour=20, minute=0) + timedelta(days=1)
    services.send_digests(evening)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["daily@example.org", "mixed@example.org"]
    daily = by_address["daily@example.org"].body
    assert "Première" in daily and "Deuxième" in daily
    assert daily.count("Première") == 1  # followed twice, listed once
    mixed = by_address["mixed@example.org"].body
    assert "Première" not in mixed and "Deuxième" in mixed
    assert (
        "/abonnement/desabonner/"
        in by_address["daily@example.org"].extra_headers["List-Unsubscribe"]
    )
    # Once a day: the same evening again sends nothing; the next day, nothing new to say.
    assert services.send_digests(evening + timedelta(minutes=5)) == []
    assert services.send_digests(evening + timedelta(days=1)) == []
    assert len(mail.outbox) == 2
