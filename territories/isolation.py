"""Which pages an admin user may reach: one rule, used by every hook that scopes a listing.

A territory's editors hold page permissions on their home page (in each language) and
nothing above it, so "pages under one of my permission roots" is exactly their territory.
Superusers and the network group, whose permissions sit on the tree's root, see everything.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page

from .models import under_paths


def permission_roots(user):
    """Paths of the pages the user's groups hold permissions on (cached on the user)."""
    if not hasattr(user, "_territory_permission_roots"):
        user._territory_permission_roots = list(
            Page.objects.filter(
                pk__in=GroupPagePermission.objects.filter(group__user=user).values("page")
            ).values_list("path", flat=True)
        )
    return user._territory_permission_roots


def sees_everything(user):
    # A permission on the tree's root (depth 1: one path step) covers every territory.
    return user.is_superuser or any(len(path) == Page.steplen for path in permission_roots(user))


def reachable_pages(user, pages):
    """``pages`` narrowed to those under the user's permission roots."""
    if sees_everything(user):
        return pages
    return pages.filter(under_paths(permission_roots(user)))


def explorable_pages(user, pages):
    """Like ``reachable_pages``, plus the ancestors one walks through to get there."""
    if sees_everything(user):
        return pages
    roots = permission_roots(user)
    ancestors = {
        path[:end] for path in roots for end in range(Page.steplen, len(path), Page.steplen)
    }
    return pages.filter(under_paths(roots) | Q(path__in=ancestors))


def can_reach_page(user, page):
    return sees_everything(user) or any(
        page.path.startswith(path) for path in permission_roots(user)
    )


def can_explore_page(user, page):
    """Whether ``page`` is one's own or an ancestor one walks through to reach one's own."""
    return can_reach_page(user, page) or any(
        path.startswith(page.path) for path in permission_roots(user)
    )
