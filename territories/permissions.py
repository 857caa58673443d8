"""Who may do what in a territory: the two groups every territory gets, and the network group.

Every grant goes through Wagtail's own permission records (page, collection and site
permissions), so Wagtail's explorer, reports and choosers scope themselves; the hooks in
``wagtail_hooks.py`` close the few places that Wagtail leaves global.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
)

# Page permissions, on the territory's home page in every language.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
PUBLISHER_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "lock_page", "unlock_page"]

# Image and document permissions, on the territory's collection.
EDITOR_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
PUBLISHER_MEDIA_PERMISSIONS = EDITOR_MEDIA_PERMISSIONS + [
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
]

# Global permissions: the admin itself, and sending the territory's own pages for
# translation (the territory check for it lives in ``isolation.py``).
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
]

# Publishers review their territory's irritants (the viewset scopes them to it), and
# delete the spam that gets past the form's protections.
PUBLISHER_GROUP_PERMISSIONS = [
    ("irritants", "view_irritant"),
    ("irritants", "change_irritant"),
    ("irritants", "delete_irritant"),
]

# Publishers edit their own site's identity, and only that one.
PUBLISHER_SITE_PERMISSIONS = [("territories", "change_territorysettings")]


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return permission("wagtailcore", codename)


def group_names(territory_name):
    """The editors' and publishers' group names, in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return (
            _("%(territory)s — Editing") % {"territory": territory_name},
            _("%(territory)s — Publishing") % {"territory": territory_name},
        )


def grant_territory_permissions(*, editors, publishers, homes, collection, site):
    """Give the territory's two groups their rights on its pages, media and settings."""
    grant_page_permissions(editors=editors, publishers=publishers, homes=homes)
    for group, media_permissions in (
        (editors, EDITOR_MEDIA_PERMISSIONS),
        (publishers, PUBLISHER_MEDIA_PERMISSIONS),
    ):
        group.permissions.add(*(permission(app, codename) for app, codename in GROUP_PERMISSIONS))
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=group, collection=collection, permission=permission(app, codename)
            )
            for app, codename in media_permissions
        )
    publishers.permissions.add(
        *(permission(app, codename) for app, codename in PUBLISHER_GROUP_PERMISSIONS)
    )
    GroupSitePermission.objects.bulk_create(
        GroupSitePermission(group=publishers, site=site, permission=permission(app, codename))
        for app, codename in PUBLISHER_SITE_PERMISSIONS
    )


def grant_page_permissions(*, editors, publishers, homes):
    """The two groups' page permissions on the territory's home page in some languages."""
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=home, permission=page_permission(codename))
        for group, codenames in (
            (editors, EDITOR_PAGE_PERMISSIONS),
            (publishers, PUBLISHER_PAGE_PERMISSIONS),
        )
        for home in homes
        for codename in codenames
    )


def ensure_network_group():
    """The network group ("Réseau"): the network team, who see and publish every territory."""
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Network")
    group, created = Group.objects.get_or_create(name=name)
    if not created:
        return group
    group.permissions.add(
        *(permission(app, codename) for app, codename in GROUP_PERMISSIONS),
        # A global setting permission covers every site.
        *(permission(app, codename) for app, codename in PUBLISHER_SITE_PERMISSIONS),
    )
    root = Page.get_first_root_node()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=root, permission=page_permission(codename))
        for codename in PUBLISHER_PAGE_PERMISSIONS
    )
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(
            group=group,
            collection=Collection.get_first_root_node(),
            permission=permission(app, codename),
        )
        for app, codename in PUBLISHER_MEDIA_PERMISSIONS
    )
    return group
