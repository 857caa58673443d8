"""What the network's home page shows besides its listings: the network in figures and each
territory's logo, in a fixed number of queries whatever the network's size."""

from dataclasses import dataclass

from django.db.models import F, OuterRef, Subquery
from wagtail.images import get_image_model

from irritants.figures import open_calls_count, received_in
from projects.figures import PhaseFigures, network_phase_figures
from territories.models import TerritorySettings

# The territory cards' logo: shown 48 px tall, sharp on high-density screens.
LOGO_SPEC = "height-96|format-webp"


@dataclass(frozen=True)
class NetworkFigures:
    territories: int
    projects: PhaseFigures
    open_calls: int
    irritants_received: int


def network_figures(territories, locale):
    """The live territories, their projects per phase, the calls open today and the
    irritants received: three queries (the territories are already listed)."""
    return NetworkFigures(
        territories=len(territories),
        projects=network_phase_figures(locale),
        open_calls=open_calls_count(locale),
        irritants_received=received_in(territories),
    )


def territory_logos(territories):
    """``{territory home page pk: its logo's WebP rendition}`` for the territories that have
    one: the identities with their renditions' files in one query (a missing rendition is
    made once, then found)."""
    by_key = {territory.translation_key: territory for territory in territories}
    if not by_key:
        return {}
    rendition_model = get_image_model().get_rendition_model()
    stored = rendition_model.objects.filter(image_id=OuterRef("logo_id"), filter_spec=LOGO_SPEC)
    identities = (
        TerritorySettings.objects.filter(
            site__root_page__translation_key__in=by_key, logo__isnull=False
        )
        .select_related("logo")
        .annotate(
            key=F("site__root_page__translation_key"),
            logo_file=Subquery(stored.values("file")[:1]),
            logo_width=Subquery(stored.values("width")[:1]),
            logo_height=Subquery(stored.values("height")[:1]),
        )
    )
    return {
        by_key[identity.key].pk: (
            rendition_model(
                image=identity.logo,
                filter_spec=LOGO_SPEC,
                file=identity.logo_file,
                width=identity.logo_width,
                height=identity.logo_height,
            )
            if identity.logo_file
            else identity.logo.get_rendition(LOGO_SPEC)
        )
        for identity in identities
    }


def territory_cards(territories):
    """``[(territory, its logo's rendition or None)]``, in the territories' order."""
    logos = territory_logos(territories)
    return [(territory, logos.get(territory.pk)) for territory in territories]
