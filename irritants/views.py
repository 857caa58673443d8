"""The public side of a call: the form, the submission and its confirmation; the agent's
follow-up page and the link that stops the emails."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from home.privacy import is_public
from operations import ratelimit
from territories.private_links import one_click_unsubscribe, private
from territories.scope import site_for_request

from . import followup, notifications
from .forms import IrritantForm
from .models import CallStatus, Irritant
from .queries import call_results
from .services import form_terms, submit_irritant
from .similar import similar_to

CONFIRMATION_SALT = "irritants.confirmation"
CONFIRMATION_MAX_AGE = 24 * 3600


def _render(page, request, context, status=200):
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def call_page(request, page):
    """GET shows the call (with its form while it is open); POST receives a submission."""
    in_period = page.status == CallStatus.OPEN
    # Read only where a form is offered or received (a closed call's page, without one,
    # needs no query), and afresh: the form promises the territory's current terms, and
    # with the database down the page answers 503 rather than a form nobody could send.
    terms = form_terms(page) if in_period or request.method == "POST" else ()
    months, domains = terms or (None, [])
    context = {
        "results": call_results(page) if page.publish_results else None,
        "retention_months": months,
    }
    is_open = in_period and bool(terms)
    if request.method != "POST":
        if is_open:
            context["form"] = IrritantForm(retention_months=months, email_domains=domains)
        return _render(page, request, context)

    if not is_open:
        # Nothing is stored; what was typed is shown back so that it is not lost.
        context.update(
            refusal=_("This call is not open: your irritant was not recorded."),
            typed=IrritantForm(data=request.POST, retention_months=months, email_domains=domains),
        )
        return _render(page, request, context, status=403)

    form = IrritantForm(
        data=request.POST, files=request.FILES, retention_months=months, email_domains=domains
    )
    if form.is_spam:
        # A robot, or a browser's autofill: nothing is stored, the text is shown back.
        context.update(
            refusal=_("Your submission could not be accepted. Check the form and send it again."),
            form=_unbound_copy(request, months, domains),
        )
        return _render(page, request, context, status=400)
    if not form.is_valid():
        # Browsers cannot keep a chosen file across a page load: say so.
        context.update(form=form, reattach=bool(request.FILES))
        return _render(page, request, context, status=400)
    # Only complete submissions count: agents behind one address who mistype are not blocked.
    if not ratelimit.allow("irritants", request, settings.IRRITANTS_RATE_LIMIT):
        context.update(
            refusal=_(
                "Too many submissions from your connection in a short time. Nothing was "
                "recorded: please try again in an hour. What you typed is still below."
            ),
            form=_unbound_copy(request, months, domains),
        )
        return _render(page, request, context, status=429)

    irritant = submit_irritant(page, form)
    token = signing.dumps(irritant.reference, salt=CONFIRMATION_SALT)
    received = page.get_url(request) + page.reverse_subpage("irritant_received")
    return redirect(f"{received}?ref={token}")


def _unbound_copy(request, months, domains):
    """The form filled with what was posted, without errors and without the honeypot."""
    typed = {name: value for name, value in request.POST.items() if name != "website"}
    return IrritantForm(initial=typed, retention_months=months, email_domains=domains)


def confirmation(request, page):
    """The reference number, read back from a signed token (no personal data in the URL)."""
    try:
        reference = signing.loads(
            request.GET.get("ref", ""), salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.BadSignature:
        return redirect(page.get_url(request))
    # « Déjà résolu ailleurs ? », from what the agent typed: computed now, never cached.
    irritant = Irritant.objects.filter(reference=reference).first()
    response = page.render(
        request,
        template="irritants/confirmation.html",
        context_overrides={
            "reference": reference,
            "similar": similar_to(irritant) if irritant else [],
        },
    )
    # The address holds the token; the list links to other sites.
    return private(response)


# The agent's follow-up page -----------------------------------------------------------


def _key(request):
    return request.POST.get(followup.KEY_PARAMETER) or request.GET.get(followup.KEY_PARAMETER, "")


def _followup_page(request, irritant, token, **context):
    project = irritant.project
    project_is_public = project is not None and is_public(project)
    response = TemplateResponse(
        request,
        "irritants/followup.html",
        {
            "irritant": irritant,
            "token": token,
            "history": irritant.history.all(),
            "project": project if project_is_public else None,
            "project_in_preparation": project is not None and not project_is_public,
            "timeline": project.timeline() if project_is_public else [],
            "unsubscribe_key": followup.unsubscribe_key(irritant),
            **context,
        },
    )
    return private(response)


@require_GET
def irritant_followup(request):
    """What became of an irritant, for the agent who holds its key (no account)."""
    token = _key(request)
    irritant = followup.find_by_token(token, site_for_request(request))
    if irritant is None:
        raise Http404
    return _followup_page(request, irritant, token)


@require_POST
def resume_emails(request):
    """The follow-up page's button that starts the emails again (CSRF-protected)."""
    token = _key(request)
    irritant = followup.find_by_token(token, site_for_request(request))
    if irritant is None:
        raise Http404
    notifications.resume_notifications(irritant)
    return _followup_page(request, irritant, token, resumed=True)


@one_click_unsubscribe
@require_http_methods(["GET", "POST"])
def unsubscribe(request):
    """GET asks for confirmation; POST stops the emails to the agent."""
    key = _key(request)
    irritant = followup.find_by_unsubscribe_key(key, site_for_request(request))
    if irritant is None:
        raise Http404
    if request.method == "POST":
        notifications.stop_notifications(irritant)
    return private(
        TemplateResponse(
            request,
            "irritants/unsubscribe.html",
            {"irritant": irritant, "key": key, "stopped": irritant.notifications_stopped_at},
        )
    )
