"""What the apps above the page cache tell it about their content.

The page cache knows the core's pages and the territories' identity itself (signals.py).
Each feature app declares, from its own ``signals.py``, the rest: the models shown on every
site (``shared_content``), the models shown on the site of the territory they belong to
(``territory_content``), and its addresses that list a site's content (``listings``), which
a CDN in front must forget when that content changes.
"""

from django.db.models.signals import post_delete, post_save

from home.generations import NETWORK, bump
from territories.models import Territory

from .dependencies import sites_of_paths

LISTING_URL_NAMES = []


def listings(*url_names):
    LISTING_URL_NAMES.extend(name for name in url_names if name not in LISTING_URL_NAMES)


def shared_content(*models):
    """A change to one of these models can show on every site (a theme, a user type)."""
    for model in models:
        post_save.connect(_network_changed, sender=model, dispatch_uid=f"pagecache:{model}")
        post_delete.connect(_network_changed, sender=model, dispatch_uid=f"pagecache:{model}")


def _network_changed(sender, instance, **kwargs):
    bump(NETWORK)


def territory_content(model, territory_id=lambda instance: instance.territory_id, on_hub=False):
    """A change to one of these rows shows on its territory's site (``territory_id``: the
    row's territory), in every language, and on the hub too with ``on_hub`` (the network's
    figures count it)."""

    def changed(sender, instance, **kwargs):
        homes = Territory.objects.filter(pk=territory_id(instance))
        bump(*sites_of_paths(homes.values_list("home__path", flat=True), with_hub=on_hub))

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"pagecache:{model}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"pagecache:{model}")
