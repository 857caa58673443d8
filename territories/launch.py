"""A territory in preparation, its launch checklist and its launch.

A territory opens in preparation (``Territory.launched_at`` is None): a view restriction on
its home page (restrictions.py) keeps it out of every public listing through the one privacy
rule (home/privacy.py), and preparation.py shows visitors a "coming soon" page. Launching
lifts the restriction: the only path that may (restrictions.py refuses any other).
"""

import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Page

from home.generations import NETWORK, bump, site_scope
from home.models import ContentPage

from .branding import DEFAULT_PRIMARY_COLOR
from .models import Territory, TerritorySettings
from .permissions import network_group_name
from .restrictions import lift_preparation

LOG_ACTION = "territories.launch"

# Upper apps name the page types that count as "a call or a project published" (a hook
# returning page models: irritants and projects register theirs). The territories app may
# not import them; a news item or an about page is no reason to open a site.
LAUNCH_CONTENT_HOOK = "register_launch_content"


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool
    # Where the admin fixes it.
    url: str


def launch_content_models():
    return [model for fn in hooks.get_hooks(LAUNCH_CONTENT_HOOK) for model in fn()]


def launch_checklist(territory):
    """What a territory needs before it opens to the public, computed from its content."""
    return launch_checklists([territory])[territory.pk]


def launch_checklists(territories):
    """``launch_checklist`` of each territory (``{pk: items}``), in a fixed number of queries
    however many they are (the dashboard shows one per territory in preparation)."""
    territories = list(territories)
    if not territories:
        return {}
    identities = {
        identity.site_id: identity
        for identity in TerritorySettings.objects.filter(
            site_id__in=[territory.site_id for territory in territories]
        )
    }
    homes = Page.objects.filter(pk__in=[territory.home_id for territory in territories])
    homes = {home.pk: home for home in homes.only("path", "depth")}
    abouts = {}
    for about in ContentPage.objects.filter(
        any_of(Q(path__startswith=home.path, depth=home.depth + 1) for home in homes.values())
    ).order_by("path"):
        abouts.setdefault(about.path[: -Page.steplen], about)
    content_types = ContentType.objects.get_for_models(*launch_content_models()).values()
    published = set(
        Page.objects.live()
        .filter(content_type__in=list(content_types))
        .filter(any_of(Q(path__startswith=home.path) for home in homes.values()))
        .annotate(home_path=Substr("path", 1, Page.steplen * HOME_DEPTH))
        .values_list("home_path", flat=True)
        .distinct()
    )
    return {
        territory.pk: checklist(
            territory,
            identities.get(territory.site_id) or TerritorySettings(site_id=territory.site_id),
            abouts.get(homes[territory.home_id].path),
            homes[territory.home_id].path in published,
        )
        for territory in territories
    }


# A territory's home page is a root's child (services.create_pages).
HOME_DEPTH = 2


def any_of(conditions):
    return reduce(operator.or_, conditions, Q(pk__in=[]))


def checklist(territory, identity, about, has_content):
    identity_url = reverse(
        "wagtailsettings:edit", args=["territories", "territorysettings", territory.site_id]
    )
    return [
        ChecklistItem(_("Logo chosen"), identity.logo_id is not None, identity_url),
        ChecklistItem(
            _("Colour chosen"),
            identity.primary_color.lower() != DEFAULT_PRIMARY_COLOR.lower(),
            identity_url,
        ),
        ChecklistItem(_("Contact address given"), bool(identity.contact_email), identity_url),
        ChecklistItem(
            _("“About” page written and published"),
            about is not None and about.live and bool(about.body),
            reverse("wagtailadmin_pages:edit", args=[about.pk])
            if about is not None
            else reverse("wagtailadmin_explore", args=[territory.home_id]),
        ),
        ChecklistItem(
            _("At least one call for irritants or one project published"),
            has_content,
            reverse("wagtailadmin_explore", args=[territory.home_id]),
        ),
    ]


def launchers_territories(user):
    """Who may launch a territory, the one rule: its Administration group, the network
    group, superusers (active accounts)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Territory.objects.none()
    if user.is_superuser:
        return Territory.objects.all()
    groups = user.groups.all()
    network = Group.objects.filter(name=network_group_name())
    return Territory.objects.filter(
        Exists(groups.filter(pk__in=network)) | Q(administrators__in=groups)
    )


def may_launch(user, territory):
    return launchers_territories(user).filter(pk=territory.pk).exists()


def launchable_territories(user):
    """The territories in preparation (not archived) this user may launch."""
    return launchers_territories(user).filter(launched_at__isnull=True, archived_at__isnull=True)


@transaction.atomic
def launch(territory, user=None):
    """Open a territory in preparation to the public, and log it.

    ``user`` is who asks: refused unless they may launch it and its checklist is complete.
    ``user=None`` is the operator (the demo loader, the test builders, a shell), trusted as
    elsewhere (acting.py): the checklist is not required of them.
    """
    territory = Territory.objects.select_for_update().get(pk=territory.pk)
    if user is not None and not may_launch(user, territory):
        raise ValidationError(
            _("Only the territory's administrators or the network can put %(territory)s online.")
            % {"territory": territory}
        )
    if territory.is_launched:
        raise ValidationError(_("%(territory)s is already online.") % {"territory": territory})
    if territory.is_archived:
        raise ValidationError(
            _("%(territory)s is archived: restore it before putting it online.")
            % {"territory": territory}
        )
    if user is not None:
        missing = [item.label for item in launch_checklist(territory) if not item.done]
        if missing:
            raise ValidationError(
                _("%(territory)s is not ready to go online. Still to do: %(missing)s.")
                % {"territory": territory, "missing": "; ".join(missing)}
            )
    lift_preparation(territory)
    territory.launched_at = timezone.now()
    territory.save(update_fields=["launched_at"])
    # The hub lists it from now on, and the site's pages change for every visitor.
    bump(NETWORK, site_scope(territory.site_id))
    log(instance=territory, action=LOG_ACTION, user=user)
    return territory
