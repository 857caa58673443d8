"""The public side of a call: the form, the submission and its confirmation."""

from django.core import signing
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from territories.models import Territory

from . import ratelimit
from .forms import IrritantForm
from .models import CallStatus
from .queries import call_results
from .services import retention_months, submit_irritant

CONFIRMATION_SALT = "irritants.confirmation"
CONFIRMATION_MAX_AGE = 24 * 3600


def _render(page, request, context, status=200):
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def call_page(request, page):
    """GET shows the call (with its form while it is open); POST receives a submission."""
    territory = Territory.of_page(page)
    months = retention_months(territory) if territory else None
    context = {
        "results": call_results(page) if page.publish_results else None,
        "retention_months": months,
    }
    is_open = page.status == CallStatus.OPEN and territory is not None
    if request.method != "POST":
        if is_open:
            context["form"] = IrritantForm(retention_months=months)
        return _render(page, request, context)

    if not is_open:
        # Nothing is stored; what was typed is shown back so that it is not lost.
        context.update(
            refusal=_("This call is not open: your irritant was not recorded."),
            typed=IrritantForm(data=request.POST, retention_months=months),
        )
        return _render(page, request, context, status=403)

    form = IrritantForm(data=request.POST, files=request.FILES, retention_months=months)
    if form.is_spam:
        # A robot, or a browser's autofill: nothing is stored, the text is shown back.
        context.update(
            refusal=_("Your submission could not be accepted. Check the form and send it again."),
            form=_unbound_copy(request, months),
        )
        return _render(page, request, context, status=400)
    if not form.is_valid():
        # Browsers cannot keep a chosen file across a page load: say so.
        context.update(form=form, reattach=bool(request.FILES))
        return _render(page, request, context, status=400)
    # Only complete submissions count: agents behind one address who mistype are not blocked.
    if not ratelimit.allow("irritants", request):
        context.update(
            refusal=_(
                "Too many submissions from your connection in a short time. Nothing was "
                "recorded: please try again in an hour. What you typed is still below."
            ),
            form=_unbound_copy(request, months),
        )
        return _render(page, request, context, status=429)

    irritant = submit_irritant(page, form)
    token = signing.dumps(irritant.reference, salt=CONFIRMATION_SALT)
    received = page.get_url(request) + page.reverse_subpage("irritant_received")
    return redirect(f"{received}?ref={token}")


def _unbound_copy(request, months):
    """The form filled with what was posted, without errors and without the honeypot."""
    typed = {name: value for name, value in request.POST.items() if name != "website"}
    return IrritantForm(initial=typed, retention_months=months)


def confirmation(request, page):
    """The reference number, read back from a signed token (no personal data in the URL)."""
    try:
        reference = signing.loads(
            request.GET.get("ref", ""), salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.BadSignature:
        return redirect(page.get_url(request))
    return page.render(
        request,
        template="irritants/confirmation.html",
        context_overrides={"reference": reference},
    )
