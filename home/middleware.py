"""Middleware of the core layer."""

from .generations import changes_seen_everywhere


class ChangesSeenEverywhereMiddleware:
    """A request that changed what the sites show is answered only once no process can serve
    what it replaced (home/generations.py): the editor who sees a publication done, and
    anyone they tell, get the new page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with changes_seen_everywhere():
            return self.get_response(request)
