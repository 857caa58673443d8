"""The request being served, for the rules checked where content is written: who acts,
whether they may publish, and how a refusal reaches them.

The middleware remembers the request; its user is resolved only when content is written, so
it costs nothing on the public pages. Outside requests (the scheduler, management commands,
the demo loader) there is no acting user: the operator is trusted.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

_acting_request = ContextVar("acting_request", default=None)


class PublishRefused(PermissionDenied):
    """A write refused by a rule (publication.py, restrictions.py). Wagtail's admin turns any
    PermissionDenied into a generic "no permission" message; the reason is added to the
    request's messages so the editor reads why (forms and JSON requests show it their own
    way)."""

    def __init__(self, message):
        super().__init__(message)
        request = acting_request()
        if (
            request is not None
            and getattr(request, "method", None) in ("GET", "POST")
            and hasattr(request, "_messages")
            and request.headers.get("x-requested-with") != "XMLHttpRequest"
        ):
            messages.error(request, message)


class ActingRequestMiddleware:
    """Remembers which request is being served, for the write-time checks.

    Its user is resolved only when content is written, so the middleware costs nothing on
    the public pages. Placed after Django's AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_for(request):
            return self.get_response(request)


@contextmanager
def acting_for(request):
    """Writes made inside are checked against ``request``'s user (also what runs after the
    view's transaction commits, such as wagtail-localize's publications)."""
    token = _acting_request.set(request)
    try:
        yield
    finally:
        _acting_request.reset(token)


def acting_request():
    return _acting_request.get()


def acting_user():
    """The user of the request being served; None outside requests (trusted operators)."""
    request = acting_request()
    if request is None:
        return None
    return getattr(request, "user", None) or AnonymousUser()


def may_publish(user, page):
    """The one question: may this user make this page (or its new content) public?"""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return page.permissions_for_user(user).can_publish()
