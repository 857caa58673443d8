"""Which pages an admin user may reach: one rule, used by every hook that scopes a listing.

A territory's editors hold page permissions on their home page (in each language) and
nothing above it, so "pages under one of my permission roots" is exactly their territory.
Superusers and the network group, whose permissions sit on the tree's root, see everything.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page


def permission_roots(user):
    """The pages the user's groups hold permissions on (cached on the user per request)."""
    if not hasattr(user, "_territory_permission_roots"):
        user._territory_permission_roots = list(
            Page.objects.filter(
                pk__in=GroupPagePermission.objects.filter(group__user=user).values("page")
            ).values_list("path", flat=True)
        )
    return user._territory_permission_roots


def sees_everything(user):
    return user.is_superuser or Page.get_first_root_node().path in permission_roots(user)


def reachable_pages(user, pages):
    """``pages`` narrowed to those under the user's permission roots."""
    if sees_everything(user):
        return pages
    condition = Q(pk__in=[])
    for path in permission_roots(user):
        condition |= Q(path__startswith=path)
    return pages.filter(condition)


def explorable_pages(user, pages):
    """Like ``reachable_pages``, plus the ancestors one walks through to get there."""
    if sees_everything(user):
        return pages
    condition = Q(pk__in=[])
    for path in permission_roots(user):
        condition |= Q(path__startswith=path)
        ancestors = [path[:end] for end in range(Page.steplen, len(path), Page.steplen)]
        condition |= Q(path__in=ancestors)
    return pages.filter(condition)


def can_reach_page(user, page):
    return sees_everything(user) or any(
        page.path.startswith(path) for path in permission_roots(user)
    )
