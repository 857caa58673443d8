"""Subscribing, confirming, unsubscribing, and sending the news: one place for the views,
the ``send_news`` command and the scheduled job.

The rules:

- double opt-in: a request stores a pending subscription and emails a link valid 48 hours
  (only the token's hash is stored); an address never confirmed is erased 7 days after its
  last request (``purge_unconfirmed``);
- the page that received the request never says whether the address was already there: a
  confirmed address gets a reminder instead of a new confirmation, at most one email per
  address and page every ``RESEND_INTERVAL``;
- a news item goes out once (``SentNews``: its language versions share one
  ``translation_key``, taken before anything is sent, so a second run skips it), to the
  subscribers of its territory and of the projects it names confirmed before it was first
  published; one email per address even if several of its subscriptions match;
- each subscriber gets the news in the language of the page they subscribed from: the
  version that language's site shows (its translation, or the alias carrying the original's
  text until it is translated, as the feeds do); none live in that language, nothing;
- daily digests go once a day, after ``SUBSCRIPTIONS_DIGEST_HOUR`` (local time), one email per
  address and territory listing what went out since its previous digest;
- an unsubscribe link erases every subscription of its address on that territory's site:
  one click stops every email of that site.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta
from itertools import groupby

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from home.privacy import published
from projects.models import NewsIndexPage, NewsPage, NewsPageProject, ProjectPage
from territories.emails import build_email, send_emails
from territories.models import Territory
from territories.private_links import hash_token

from .models import Frequency, SentNews, Subscription

CONFIRMATION_VALIDITY = timedelta(hours=48)
UNCONFIRMED_RETENTION = timedelta(days=7)
# At most one email per address and followed page in this interval, however often the form
# is sent: the form cannot be used to flood someone's inbox.
RESEND_INTERVAL = timedelta(minutes=10)
# News first published longer ago than this are not sent (a scheduler stopped for a while
# does not send stale news when it restarts).
LOOKBACK = timedelta(days=3)


class LinkError(Exception):
    """A confirmation or unsubscribe link that cannot be used, with the reader's message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def digest_hour():
    return settings.SUBSCRIPTIONS_DIGEST_HOUR


def normalised_email(email):
    return (email or "").strip().lower()


# What one follows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Followed:
    page: Page  # the news index or the project page the request came from
    territory: Territory

    @property
    def project(self):
        return self.page if isinstance(self.page, ProjectPage) else None

    @property
    def language(self):
        return self.page.locale.language_code


def followed_page(page_id, site=None):
    """The published, public news index or project page ``page_id`` of a launched territory
    (on ``site`` when given), or None: nothing else can be followed."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    page = published(Page.objects.filter(pk=page_id)).select_related("locale").first()
    if page is None:
        return None
    page = page.specific
    if not isinstance(page, NewsIndexPage | ProjectPage):
        return None
    territory = Territory.of_page(page)
    if territory is None or territory.launched_at is None or territory.archived_at is not None:
        return None
    if site is not None and territory.site_id != site.pk:
        return None
    return Followed(page=page, territory=territory)


def followed_title(subscription):
    """What a subscription follows, as its emails name it."""
    if subscription.project_id:
        return subscription.project.title
    return _("the news of “%(territory)s”") % {"territory": subscription.territory.name}


# Subscribing --------------------------------------------------------------------------------


def subscribe(followed, email, frequency, now=None):
    """Store a pending subscription (or find the existing one) and email its owner, once the
    transaction commits: a confirmation link, or a reminder when it is already confirmed."""
    now = now or timezone.now()
    email = normalised_email(email)
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update(of=("self",)).get_or_create(
            email=email,
            territory=followed.territory,
            project=followed.project,
            defaults={
                "language": followed.language,
                "frequency": frequency,
                "created_at": now,
                "requested_at": now,
                "nonce": secrets.token_hex(16),
            },
        )
        if not created and now - subscription.requested_at < RESEND_INTERVAL:
            return subscription
        subscription.requested_at = now
        if subscription.confirmed_at:
            subscription.save(update_fields=["requested_at"])
            transaction.on_commit(lambda: send_reminder(subscription))
        else:
            token = secrets.token_urlsafe(32)
            subscription.confirmation_hash = hash_token(token)
            subscription.frequency = frequency
            subscription.language = followed.language
            subscription.save()
            transaction.on_commit(lambda: send_confirmation(subscription, token))
    return subscription


def find_by_confirmation(token, queryset=None, site=None):
    """The subscription of a confirmation token (on ``site``'s territory when given: a link
    works on its own site only), or LinkError."""
    queryset = Subscription.objects.all() if queryset is None else queryset
    if site is not None:
        queryset = queryset.filter(territory__site=site)
    subscription = (
        queryset.filter(confirmation_hash=hash_token(token)).first()
        if token and len(token) < 100
        else None
    )
    if subscription is None:
        raise LinkError(
            _(
                "This link is not valid: the subscription it confirms was cancelled or erased. "
                "You can subscribe again from the page you wanted to follow."
            )
        )
    return subscription


def is_expired(subscription, now=None):
    now = now or timezone.now()
    return subscription.confirmed_at is None and (
        now - subscription.requested_at > CONFIRMATION_VALIDITY
    )


def expired_message():
    return _(
        "This link has expired: a confirmation link is valid 48 hours. Subscribe again from "
        "the page you wanted to follow to receive a new one."
    )


def confirm(token, now=None):
    """Confirm the subscription of ``token`` (once; confirming again changes nothing)."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = find_by_confirmation(
            token, Subscription.objects.select_for_update(of=("self",))
        )
        if subscription.confirmed_at is None:
            if is_expired(subscription, now):
                raise LinkError(expired_message())
            subscription.confirmed_at = now
            subscription.save(update_fields=["confirmed_at"])
    return subscription


def purge_unconfirmed(now=None):
    """Erase the addresses never confirmed, 7 days after their last request."""
    now = now or timezone.now()
    deleted, _by_model = Subscription.objects.filter(
        confirmed_at=None, requested_at__lt=now - UNCONFIRMED_RETENTION
    ).delete()
    return deleted


def erase_territory_subscribers(territory):
    """An archived territory sends no news: its subscribers' addresses have no purpose left
    (a restored territory starts without subscribers)."""
    deleted, _by_model = Subscription.objects.filter(territory=territory).delete()
    return deleted


# Unsubscribing ------------------------------------------------------------------------------


def _mac(subscription):
    value = f"{subscription.pk}:{subscription.nonce}:{subscription.email}"
    return salted_hmac("subscriptions.unsubscribe", value, algorithm="sha256").hexdigest()[:40]


def unsubscribe_token(subscription):
    """A token that works as long as its subscription exists (computed: nothing to store)."""
    return f"{subscription.pk}.{_mac(subscription)}"


def find_by_unsubscribe_token(token, site=None):
    """The subscription of an unsubscribe token (on ``site``'s territory when given: a link
    works on its own site only), or LinkError."""
    pk, _dot, mac = (token or "").partition(".")
    subscriptions = Subscription.objects.select_related("territory", "project")
    if site is not None:
        subscriptions = subscriptions.filter(territory__site=site)
    subscription = (
        subscriptions.filter(pk=pk).first() if pk.isdigit() and len(token) < 100 else None
    )
    if subscription is None or not constant_time_compare(mac, _mac(subscription)):
        raise LinkError(
            _(
                "This link is not valid, or this address has already been unsubscribed: "
                "it receives nothing more from this site."
            )
        )
    return subscription


def same_site_subscriptions(subscription):
    """Every subscription of this address on this territory's site: what one unsubscribe
    link stops."""
    return Subscription.objects.filter(
        email=subscription.email, territory_id=subscription.territory_id
    )


def unsubscribe(token):
    """Erase every subscription of the token's address on its territory's site (the address
    is personal data: nothing is kept). Returns how many were erased."""
    subscription = find_by_unsubscribe_token(token)
    deleted, _by_model = same_site_subscriptions(subscription).delete()
    return deleted


# Links and emails ---------------------------------------------------------------------------


def _link(subscription, name, token):
    with translation.override(subscription.language):
        path = reverse(f"subscriptions:{name}")
    base = subscription.territory.site.root_url.rstrip("/")
    return f"{base}{path}?{urlencode({'cle': token})}"


def confirmation_url(subscription, token):
    return _link(subscription, "confirm", token)


def unsubscribe_url(subscription):
    return _link(subscription, "unsubscribe", unsubscribe_token(subscription))


def _email(subscription, subject, template, context):
    return build_email(
        subject,
        template,
        {"subscription": subscription, "territory": subscription.territory, **context},
        subscription.email,
        language=subscription.language,
        unsubscribe_url=unsubscribe_url(subscription),
    )


SUBJECT_CONFIRM = gettext_lazy("Confirm your subscription: %(followed)s")
SUBJECT_REMINDER = gettext_lazy("You already follow %(followed)s")
SUBJECT_DIGEST = gettext_lazy("%(territory)s: the news of the day")


def _subject(subscription, text, **values):
    with translation.override(subscription.language):
        return str(text) % values


def _titles(subscriptions):
    """What the subscriptions follow, in the first one's language (its emails')."""
    with translation.override(subscriptions[0].language):
        return [followed_title(s) for s in subscriptions]


def send_confirmation(subscription, token):
    (followed,) = _titles([subscription])
    return send_emails(
        [
            _email(
                subscription,
                _subject(subscription, SUBJECT_CONFIRM, followed=followed),
                "subscriptions/emails/confirm.txt",
                {
                    "followed": followed,
                    "confirm_url": confirmation_url(subscription, token),
                    "frequency": subscription.get_frequency_display(),
                },
            )
        ]
    )


def send_reminder(subscription):
    (followed,) = _titles([subscription])
    return send_emails(
        [
            _email(
                subscription,
                _subject(subscription, SUBJECT_REMINDER, followed=followed),
                "subscriptions/emails/already.txt",
                {"followed": followed, "frequency": subscription.get_frequency_display()},
            )
        ]
    )


# Sending the news ---------------------------------------------------------------------------


@dataclass
class Delivery:
    """What one run sent: a news item (or a digest) and how many emails went out."""

    title: str
    territory: str
    emails: int


def _news_candidates(now):
    taken = SentNews.objects.values("news_key")
    news = published(
        NewsPage.objects.filter(
            alias_of=None, first_published_at__gte=now - LOOKBACK, first_published_at__lte=now
        )
    ).exclude(translation_key__in=taken)
    seen = set()
    for item in news.order_by("first_published_at", "pk"):
        if item.translation_key not in seen:
            seen.add(item.translation_key)
            yield item


def _claim(news, territory, now):
    """Take the news item for sending, or None if another run has (the unique key)."""
    project_keys = sorted(
        {
            str(key)
            for key in NewsPageProject.objects.filter(
                page__translation_key=news.translation_key
            ).values_list("project__translation_key", flat=True)
        }
    )
    try:
        with transaction.atomic():
            return SentNews.objects.create(
                news_key=news.translation_key,
                territory=territory,
                published_at=news.first_published_at,
                sent_at=now,
                project_keys=project_keys,
            )
    except IntegrityError:
        return None


def _matches(subscription, claim):
    return (
        subscription.territory_id == claim.territory_id
        and subscription.confirmed_at is not None
        and subscription.confirmed_at <= claim.published_at
        and (
            subscription.project_id is None
            or str(subscription.project.translation_key) in claim.project_keys
        )
    )


def _public_projects(subscriptions):
    """The ids of the followed projects that are still published and public."""
    ids = {s.project_id for s in subscriptions if s.project_id}
    if not ids:
        return set()
    return set(published(ProjectPage.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def _followable(subscriptions):
    """Drop the subscriptions to a project since unpublished or made private."""
    public_projects = _public_projects(subscriptions)
    return [s for s in subscriptions if s.project_id is None or s.project_id in public_projects]


def _by_email(subscriptions):
    ordered = sorted(subscriptions, key=lambda s: (s.email, s.project_id is not None, s.pk))
    return {email: list(group) for email, group in groupby(ordered, key=lambda s: s.email)}


def _versions(keys, language):
    """``{translation_key: page}``: the published versions of news ``keys`` in ``language``."""
    news = published(
        NewsPage.objects.filter(translation_key__in=keys, locale__language_code=language)
    )
    return {page.translation_key: page for page in news}


def send_news(now=None):
    """Send each news item published since the last run to its immediate subscribers."""
    now = now or timezone.now()
    deliveries = []
    for news in _news_candidates(now):
        territory = Territory.of_page(news)
        if territory is None or territory.launched_at is None or territory.archived_at:
            continue
        claim = _claim(news, territory, now)
        if claim is None:
            continue
        claim.recipients = _send_claim(claim)
        claim.save(update_fields=["recipients"])
        deliveries.append(Delivery(news.title, territory.name, claim.recipients))
    return deliveries


def _send_claim(claim):
    subscriptions = Subscription.objects.filter(
        Q(project=None) | Q(project__translation_key__in=claim.project_keys),
        territory_id=claim.territory_id,
        confirmed_at__lte=claim.published_at,
        frequency=Frequency.IMMEDIATE,
    ).select_related("territory__site", "project")
    subscriptions = [s for s in _followable(subscriptions) if _matches(s, claim)]
    versions = {}
    messages = []
    for own in _by_email(subscriptions).values():
        # The territory's subscription first: its language and its unsubscribe link.
        chosen = own[0]
        if chosen.language not in versions:
            versions[chosen.language] = _versions([claim.news_key], chosen.language)
        news = versions[chosen.language].get(claim.news_key)
        if news is None:
            continue
        messages.append(
            _email(
                chosen,
                news.title,
                "subscriptions/emails/news.txt",
                {
                    "news": news,
                    "news_url": news.get_full_url(),
                    "followed": _titles(own),
                },
            )
        )
    return send_emails(messages)


def _take_digest(subscription, now):
    """Mark the subscription's digest as done for today, unless another run just did
    (compare and set: one digest per day even if two runs overlap)."""
    previous = subscription.last_digest_at
    condition = Q(last_digest_at=None) if previous is None else Q(last_digest_at=previous)
    taken = Subscription.objects.filter(condition, pk=subscription.pk).update(last_digest_at=now)
    return taken == 1


def send_digests(now=None):
    """Once a day, after the digest hour: to each address following a territory's site with
    a daily digest, the news that went out since its previous digest."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < digest_hour():
        return []
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    due = list(
        Subscription.objects.filter(
            Q(last_digest_at=None) | Q(last_digest_at__lt=day_start),
            frequency=Frequency.DAILY,
            confirmed_at__isnull=False,
        ).select_related("territory__site", "project")
    )
    if not due:
        return []
    immediate = list(
        Subscription.objects.filter(
            email__in={s.email for s in due},
            frequency=Frequency.IMMEDIATE,
            confirmed_at__isnull=False,
        ).select_related("project")
    )
    since = min(s.last_digest_at or s.confirmed_at for s in due)
    claims = list(SentNews.objects.filter(sent_at__gt=since, sent_at__lte=now).order_by("sent_at"))
    followable = _public_projects(due + immediate)
    deliveries = []
    messages = []
    groups = {}
    for subscription in due:
        groups.setdefault((subscription.email, subscription.territory_id), []).append(subscription)
    for (email, _territory), own in groups.items():
        own.sort(key=lambda s: (s.project_id is not None, s.pk))
        starts = {s.pk: s.last_digest_at or s.confirmed_at for s in own}
        taken = [s for s in own if _take_digest(s, now)]
        if not taken:
            continue
        already_sent = [
            s
            for s in immediate
            if s.email == email and (s.project_id is None or s.project_id in followable)
        ]
        keys = []
        for claim in claims:
            wanted = any(
                _matches(s, claim)
                and claim.sent_at > starts[s.pk]
                and (s.project_id is None or s.project_id in followable)
                for s in taken
            )
            if wanted and not any(_matches(s, claim) for s in already_sent):
                keys.append(claim.news_key)
        if not keys:
            continue
        chosen = taken[0]
        versions = _versions(keys, chosen.language)
        items = [versions[key] for key in keys if key in versions]
        if not items:
            continue
        messages.append(
            _email(
                chosen,
                _subject(chosen, SUBJECT_DIGEST, territory=chosen.territory.name),
                "subscriptions/emails/digest.txt",
                {
                    "items": [(item, item.get_full_url()) for item in items],
                    "followed": _titles(taken),
                },
            )
        )
        deliveries.append(Delivery(f"digest: {len(items)} news", chosen.territory.name, 1))
    send_emails(messages)
    return deliveries


def run(now=None):
    """The scheduled job and the command: erase the unconfirmed, send the news and the
    digests due. Returns (addresses erased, deliveries)."""
    now = now or timezone.now()
    erased = purge_unconfirmed(now)
    return erased, send_news(now) + send_digests(now)
