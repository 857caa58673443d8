"""Every change of the core's and the territories' content that can show on a public page,
and the scopes it makes obsolete (the feature apps declare theirs through registry.py).

Content (pages) costs its own site, the hub and the sites linking to it; a site's identity
costs that site; what every site shows (sites, themes, user types) costs the network.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.generations import NETWORK, bump, site_scope
from home.privacy import covered_by
from territories.models import TerritorySettings, TerritorySettingsTranslation

from .dependencies import hub_scopes, sites_referencing, sites_showing_pages
from .frontend import purge_listings


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    scopes = sites_showing_pages([instance])
    bump(*scopes)
    # Wagtail's frontend cache app purges the page itself from a CDN in front.
    purge_listings(instance, scopes)


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # The old place's listings and menus lose it, the new place's gain it.
    bump(*sites_showing_pages([instance, parent_page_before, parent_page_after]))


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    # Sent once per model of the page's inheritance chain: the base Page row is enough.
    if sender is Page:
        bump(*sites_showing_pages([instance]))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def view_restriction_changed(sender, instance, **kwargs):
    # A restriction hides the page in every language and everything under it, wherever it
    # was shown (home/privacy.py); lifting it shows them again. Pages the restriction came
    # down with (a deleted section) are no longer there to list.
    pages = list(covered_by(instance.page_id))
    if not pages:
        return
    scopes = sites_showing_pages(pages)
    bump(*scopes)
    purge_listings(pages[0], scopes, pages=pages)


@receiver(pre_save, sender=TerritorySettings)
def remember_logo(sender, instance, **kwargs):
    stored = TerritorySettings.objects.filter(pk=instance.pk).values_list("logo_id", flat=True)
    instance._logo_before = stored.first() if instance.pk else None


@receiver(post_save, sender=TerritorySettings)
@receiver(post_delete, sender=TerritorySettings)
def identity_changed(sender, instance, **kwargs):
    scopes = [site_scope(instance.site_id)]
    # The hub's home shows each territory's logo; the rest of an identity is its site's own.
    if instance.logo_id != getattr(instance, "_logo_before", None) or "created" not in kwargs:
        scopes += hub_scopes()
    bump(*scopes)


@receiver(post_save, sender=TerritorySettingsTranslation)
@receiver(post_delete, sender=TerritorySettingsTranslation)
def identity_translation_changed(sender, instance, **kwargs):
    site_id = TerritorySettings.objects.filter(pk=instance.identity_id).values("site_id")
    bump(*[site_scope(pk) for pk in site_id.values_list("site_id", flat=True)])


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, instance, **kwargs):
    bump(NETWORK)


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
@receiver(post_delete, sender=get_document_model())
def media_changed(sender, instance, **kwargs):
    scopes = sites_referencing(instance)
    if sender is get_image_model():
        # A site's logo (in its header, and on the hub's home) or its home's banner.
        identities = TerritorySettings.objects.filter(
            Q(logo_id=instance.pk) | Q(banner_id=instance.pk)
        ).values_list("site_id", "logo_id")
        for site_id, logo_id in identities:
            scopes.append(site_scope(site_id))
            if logo_id == instance.pk:
                scopes += hub_scopes()
    bump(*scopes)
