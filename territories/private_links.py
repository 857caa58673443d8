"""Pages reached through a private link: an invitation, an agent's follow-up, a subscription's
confirmation or unsubscription. One set of rules for all of them:

- the key travels in the query string, which gunicorn's access log leaves out
  (gunicorn.conf.py), and the paths are kept out of the page cache (PAGECACHE_EXCLUDED_PREFIXES);
- only a hash of a key is stored when it need not be shown again: a copy of the database
  opens nothing;
- the answer is kept by no cache, and the pages it links to learn its origin only, never
  its address (``strict-origin``; ``no-referrer`` would make browsers send ``Origin: null``
  with the page's own forms, which the CSRF check refuses);
- a mail client's one-click unsubscription (RFC 8058) is a POST without session or form of
  ours: it is the only POST accepted without a CSRF token.
"""

import hashlib
from functools import wraps

from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def private(response):
    """A page behind a private link: kept by no cache, its address sent nowhere."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "strict-origin"
    return response


def is_one_click(request):
    return request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click"


def one_click_unsubscribe(view):
    """CSRF-checks every POST to ``view`` but RFC 8058's one-click one, whose only effect is
    to stop emails (the key in the address is its authority)."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not is_one_click(request):
            refusal = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
            if refusal is not None:
                return refusal
        return view(request, *args, **kwargs)

    return wrapper
