"""The public side of subscriptions: the form (``?page=`` the followed page), the
confirmation and the unsubscribe pages.

The pages that show « Suivre par courriel » only link here: a form on them would carry a
CSRF token and make every project page uncacheable (pagecache/middleware.py). These
addresses are outside the page cache (PAGECACHE_EXCLUDED_PREFIXES); every answer is private
(``no-store``, no referrer: the confirmation and unsubscribe links carry a token).
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from operations import ratelimit
from projects.models import ProjectPage
from territories.private_links import one_click_unsubscribe, private
from territories.scope import site_for_request

from . import services
from .forms import SubscribeForm


def _page(request, template, context, status=200):
    return private(render(request, template, context, status=status))


def feed_urls(page):
    """The feeds next to « Suivre par courriel »: the project's, or the territory's site's."""
    if isinstance(page, ProjectPage):
        return (
            reverse("projects:project_news_rss", args=[page.slug]),
            reverse("projects:project_news_atom", args=[page.slug]),
        )
    return reverse("projects:news_rss"), reverse("projects:news_atom")


def subscribe_url(page):
    return f"{reverse('subscriptions:subscribe')}?{urlencode({'page': page.pk})}"


@require_http_methods(["GET", "POST"])
def subscribe(request):
    followed = services.followed_page(request.GET.get("page"), site=site_for_request(request))
    if followed is None:
        raise Http404
    rss_url, atom_url = feed_urls(followed.page)
    context = {"followed": followed, "rss_url": rss_url, "atom_url": atom_url}
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if ratelimit.allow("subscribe", request, settings.SUBSCRIPTIONS_RATE_LIMIT):
                services.subscribe(
                    followed, form.cleaned_data["email"], form.cleaned_data["frequency"]
                )
                # The same answer whether the address was new, pending or confirmed.
                return _page(
                    request,
                    "subscriptions/sent.html",
                    {**context, "email": services.normalised_email(form.cleaned_data["email"])},
                )
            form.add_error(
                None,
                _("Too many requests came from your connection. Please try again in an hour."),
            )
            status = 429
    else:
        form = SubscribeForm()
    context.update(form=form, action=subscribe_url(followed.page))
    return _page(request, "subscriptions/subscribe.html", context, status)


def _site(request):
    # No site (an unknown host): nothing can match.
    return site_for_request(request) or Site(pk=0)


def _link_error(request, error, status):
    return _page(request, "subscriptions/link_error.html", {"message": error.message}, status)


@require_http_methods(["GET", "POST"])
def confirm(request):
    """GET shows a button (mail scanners open links: only a person confirms); POST confirms."""
    token = request.GET.get("cle", "")
    try:
        subscription = services.find_by_confirmation(token, site=_site(request))
    except services.LinkError as error:
        return _link_error(request, error, 404)
    context = {
        "subscription": subscription,
        "followed_title": services.followed_title(subscription),
        "action": f"{request.path}?{urlencode({'cle': token})}",
    }
    if request.method == "POST":
        already = subscription.confirmed_at is not None
        try:
            subscription = services.confirm(token)
        except services.LinkError as error:
            return _link_error(request, error, 410)
        return _page(
            request,
            "subscriptions/confirmed.html",
            {**context, "already": already, "unsubscribe_url": _unsubscribe_path(subscription)},
        )
    if subscription.confirmed_at is not None:
        return _page(
            request,
            "subscriptions/confirmed.html",
            {**context, "already": True, "unsubscribe_url": _unsubscribe_path(subscription)},
        )
    if services.is_expired(subscription):
        return _link_error(request, services.LinkError(services.expired_message()), 410)
    return _page(request, "subscriptions/confirm.html", context)


def _unsubscribe_path(subscription):
    token = services.unsubscribe_token(subscription)
    return f"{reverse('subscriptions:unsubscribe')}?{urlencode({'cle': token})}"


@one_click_unsubscribe
@require_http_methods(["GET", "POST"])
def unsubscribe(request):
    """GET shows what stops and a button; POST erases (a mail client's one-click too)."""
    token = request.GET.get("cle", "")
    try:
        subscription = services.find_by_unsubscribe_token(token, site=_site(request))
    except services.LinkError as error:
        return _link_error(request, error, 404)
    if request.method == "POST":
        erased = services.unsubscribe(token)
        return _page(
            request,
            "subscriptions/unsubscribed.html",
            {"territory": subscription.territory, "erased": erased},
        )
    followed = list(
        services.same_site_subscriptions(subscription)
        .filter(confirmed_at__isnull=False)
        .select_related("territory", "project")
        .order_by("project_id", "pk")
    ) or [subscription]
    return _page(
        request,
        "subscriptions/unsubscribe.html",
        {
            "territory": subscription.territory,
            "followed": [services.followed_title(s) for s in followed],
            "action": f"{request.path}?{urlencode({'cle': token})}",
        },
    )
