"""Subscribing, confirming and unsubscribing over HTTP, with the emails' own links."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from subscriptions import services
from subscriptions.models import Frequency, Subscription
from territories.services import archive_territory
from testing import make_news, make_territory

from .helpers import follow, link_in, split, subscribe, subscription

pytestmark = pytest.mark.django_db

EMAIL = "camille@example.org"


def private(response):
    return (
        response["Cache-Control"] == "private, no-store"
        and response["Referrer-Policy"] == "strict-origin"
        and '<meta name="robots" content="noindex">' in response.content.decode()
    )


def test_subscribe_confirm_by_the_emails_link(
    client, news_index, territory, django_capture_on_commit_callbacks
):
    form = client.get(f"/abonnement/?page={news_index.pk}", HTTP_HOST=territory.site.hostname)
    assert form.status_code == 200 and private(form)
    assert "csrfmiddlewaretoken" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, news_index, " Camille@Example.org ", Frequency.DAILY)

    assert response.status_code == 200 and private(response)
    row = Subscription.objects.get()
    assert (row.email, row.territory, row.project, row.language, row.frequency) == (
        EMAIL,
        territory,
        None,
        "fr",
        Frequency.DAILY,
    )
    assert row.confirmed_at is None
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    unsubscribe = link_in(message, "desabonner")
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert split(message.extra_headers["List-Unsubscribe"][1:-1]) == unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm = link_in(message, "confirmer")
    assert confirm[0] == territory.site.hostname
    # Only the hash of the token is stored.
    assert confirm[2] not in str(Subscription.objects.values_list())

    # A mail scanner's GET confirms nothing: it shows a button.
    page = follow(client, confirm)
    assert page.status_code == 200 and private(page)
    assert Subscription.objects.get().confirmed_at is None

    done = follow(client, confirm, "post")
    assert done.status_code == 200 and private(done)
    assert Subscription.objects.get().confirmed_at is not None
    # Again: still confirmed, nothing else changes.
    assert follow(client, confirm, "post").status_code == 200
    assert Subscription.objects.count() == 1


def test_a_project_subscription_is_in_the_pages_language(
    client, project, territory, english, django_capture_on_commit_callbacks
):
    english_project = project.get_translation(english)
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, english_project, EMAIL, prefix="/en")
    assert response.status_code == 200
    row = Subscription.objects.get()
    assert (row.project_id, row.language) == (english_project.pk, "en")
    # The links of the email lead to the English pages.
    assert link_in(mail.outbox[0], "confirmer")[1] == "/en/abonnement/confirmer/"


def test_the_answer_never_says_whether_the_address_was_there(
    client, news_index, territory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = subscribe(client, news_index, EMAIL)
    Subscription.objects.update(
        confirmed_at=timezone.now(), requested_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        again = subscribe(client, news_index, EMAIL)

    assert again.status_code == first.status_code == 200
    assert again.templates[0].name == first.templates[0].name == "subscriptions/sent.html"
    # The confirmed address gets a reminder, not a new confirmation link.
    confirmation, reminder = mail.outbox
    assert "/abonnement/confirmer/" in confirmation.body
    assert "/abonnement/confirmer/" not in reminder.body
    assert "/abonnement/desabonner/" in reminder.body
    assert Subscription.objects.count() == 1


def test_repeated_requests_do_not_flood_an_inbox(
    client, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(3):
            assert subscribe(client, news_index, EMAIL).status_code == 200
    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1


def test_the_rate_limit_refuses_and_stores_nothing(
    client, news_index, settings, django_capture_on_commit_callbacks
):
    settings.SUBSCRIPTIONS_RATE_LIMIT = "2/3600"
    with django_capture_on_commit_callbacks(execute=True):
        assert subscribe(client, news_index, "a@example.org").status_code == 200
        assert subscribe(client, news_index, "b@example.org").status_code == 200
        refused = subscribe(client, news_index, "c@example.org")
    assert refused.status_code == 429
    assert 'value="c@example.org"' in refused.content.decode()  # what was typed is kept
    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "a@example.org",
        "b@example.org",
    ]
    assert len(mail.outbox) == 2


def test_a_bad_address_is_refused_with_the_form_again(client, news_index):
    response = subscribe(client, news_index, "pas-une-adresse")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Subscription.objects.exists()


def test_only_a_public_news_index_or_project_of_this_site_can_be_followed(
    client, territory, other_territory, project, news_index
):
    host = territory.site.hostname
    news = make_news(territory)
    restricted = make_news(territory, title="Réservé")
    PageViewRestriction.objects.create(page=project, restriction_type="password", password="x")
    other_project = other_territory.home  # another site's page
    for page_id in [news.pk, restricted.pk, project.pk, other_project.pk, "x", ""]:
        response = client.get(f"/abonnement/?page={page_id}", HTTP_HOST=host)
        assert response.status_code == 404, page_id
        response = client.post(
            f"/abonnement/?page={page_id}",
            {"email": EMAIL, "frequency": "immediate"},
            HTTP_HOST=host,
        )
        assert response.status_code == 404, page_id
    # The other territory's news index, asked on this site.
    other_index = news_index.__class__.objects.descendant_of(other_territory.home).get()
    assert client.get(f"/abonnement/?page={other_index.pk}", HTTP_HOST=host).status_code == 404
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_an_expired_confirmation_link_is_refused_clearly(
    client, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, news_index, EMAIL)
    confirm = link_in(mail.outbox[0], "confirmer")
    Subscription.objects.update(requested_at=timezone.now() - timedelta(hours=49))

    shown = follow(client, confirm)
    posted = follow(client, confirm, "post")

    assert shown.status_code == posted.status_code == 410
    assert posted.context["message"] == services.expired_message()
    assert Subscription.objects.get().confirmed_at is None
    # Asking again sends a new link, which works.
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, news_index, EMAIL)
    assert follow(client, link_in(mail.outbox[1], "confirmer"), "post").status_code == 200
    assert Subscription.objects.get().confirmed_at is not None


def test_unconfirmed_addresses_are_erased_after_seven_days(territory, project):
    old = subscription("old@example.org", territory, confirmed=False, days_ago=8)
    recent = subscription("recent@example.org", territory, confirmed=False, days_ago=6)
    confirmed = subscription("kept@example.org", territory, project=project, days_ago=30)

    assert services.purge_unconfirmed() == 1

    assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
    assert not Subscription.objects.filter(pk=old.pk).exists()


def test_one_click_unsubscribe_erases_without_csrf(territory, project):
    mine = subscription(EMAIL, territory)
    also_mine = subscription(EMAIL, territory, project=project)
    someone_else = subscription("autre@example.org", territory)
    host, path, token = split(services.unsubscribe_url(mine))
    # A mail client's RFC 8058 POST: no cookie, no CSRF token.
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"{path}?cle={token}",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=host,
    )

    assert response.status_code == 200 and private(response)
    # The address is erased from the whole site (its project subscription too).
    assert list(Subscription.objects.all()) == [someone_else]
    assert not Subscription.objects.filter(pk__in=[mine.pk, also_mine.pk]).exists()
    # The link again: nothing left, a clear page.
    again = client.post(
        f"{path}?cle={token}",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=host,
    )
    assert again.status_code == 404
    # Any other POST without a CSRF token is refused (the page's own button carries one).
    kept = subscription("garde@example.org", territory)
    _host, path, token = split(services.unsubscribe_url(kept))
    assert client.post(f"{path}?cle={token}", HTTP_HOST=host).status_code == 403
    assert Subscription.objects.filter(pk=kept.pk).exists()


def test_the_unsubscribe_page_asks_before_erasing(client, territory):
    mine = subscription(EMAIL, territory)
    link = split(services.unsubscribe_url(mine))
    page = follow(client, link)
    assert page.status_code == 200 and private(page)
    assert f'action="/abonnement/desabonner/?cle={link[2]}"' in page.content.decode()
    assert Subscription.objects.filter(pk=mine.pk).exists()


def test_a_wrong_token_changes_nothing(client, territory, news_index):
    pending = subscription(EMAIL, territory, confirmed=False, confirmation_hash="a" * 64)
    kept = subscription("autre@example.org", territory)
    host, path, token = split(services.unsubscribe_url(kept))
    forged = [
        f"{kept.pk}.{'0' * 40}",
        f"{pending.pk}.{token.partition('.')[2]}",  # another row's signature
        "",
        "abc",
        "1." + "x" * 200,
    ]
    for bad in forged:
        assert client.post(f"{path}?cle={bad}", HTTP_HOST=host).status_code == 404
        assert client.get(f"{path}?cle={bad}", HTTP_HOST=host).status_code == 404
        for method in ("get", "post"):
            response = getattr(client, method)(f"/abonnement/confirmer/?cle={bad}", HTTP_HOST=host)
            assert response.status_code == 404
    assert Subscription.objects.count() == 2
    assert Subscription.objects.get(pk=pending.pk).confirmed_at is None


def test_the_links_work_on_their_own_territory_s_site_only(client, territory):
    elsewhere = make_territory().site.hostname
    token = "jeton-de-confirmation-1234567890"
    pending = subscription(
        EMAIL, territory, confirmed=False, confirmation_hash=services.hash_token(token)
    )
    confirmed = subscription("kept@example.org", territory)
    _host, path, key = split(services.unsubscribe_url(confirmed))

    # The other territory's host, GET and POST: nothing found, nothing changed.
    for method in (client.get, client.post):
        assert method(f"{path}?cle={key}", HTTP_HOST=elsewhere).status_code == 404
        confirm = f"/abonnement/confirmer/?cle={token}"
        assert method(confirm, HTTP_HOST=elsewhere).status_code == 404
    assert Subscription.objects.filter(pk=confirmed.pk).exists()
    assert Subscription.objects.get(pk=pending.pk).confirmed_at is None
    # On their own site, both links work.
    host = territory.site.hostname
    assert client.get(f"/abonnement/confirmer/?cle={token}", HTTP_HOST=host).status_code == 200
    assert client.get(f"{path}?cle={key}", HTTP_HOST=host).status_code == 200


def test_archiving_a_territory_erases_its_subscribers(territory, project):
    other = make_territory()
    subscription(EMAIL, territory)
    subscription(EMAIL, territory, project=project)
    elsewhere = subscription(EMAIL, other)

    archive_territory(territory)

    assert list(Subscription.objects.all()) == [elsewhere]
