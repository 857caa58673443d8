"""Opening a territory: its site, its home page and the standard sections under it."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from home.models import ContentPage
from projects.models import CallIndexPage, NewsIndexPage, ProjectIndexPage, ResultsPage

from .models import TerritoryHomePage, TerritoryKind, TerritorySettings

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


@dataclass(frozen=True)
class Section:
    page_class: type
    slug: str
    title: str


def standard_sections():
    """The sections every territory starts with, in menu order."""
    return [
        Section(CallIndexPage, "appels", _("Calls for irritants")),
        Section(ProjectIndexPage, "projets", _("Projects")),
        Section(NewsIndexPage, "actualites", _("News")),
        Section(ResultsPage, "resultats", _("Results")),
        Section(ContentPage, "a-propos", _("About")),
    ]


@dataclass
class TerritorySpec:
    name: str
    slug: str
    hostname: str
    kind: str = TerritoryKind.DEPARTEMENT
    port: int = 80
    intro: str = ""


def validate_spec(spec):
    errors = {}
    if not spec.name.strip():
        errors["name"] = _("Give the territory's name.")
    if spec.slug != slugify(spec.slug) or not spec.slug:
        errors["slug"] = _("The slug may only hold lowercase letters, digits and hyphens.")
    elif Page.objects.filter(depth=2, slug=spec.slug).exists():
        errors["slug"] = _("A territory already uses the slug “%(slug)s”.") % {"slug": spec.slug}
    if not HOSTNAME_RE.match(spec.hostname):
        errors["hostname"] = _("“%(hostname)s” is not a valid host name.") % {
            "hostname": spec.hostname
        }
    elif Site.objects.filter(hostname=spec.hostname, port=spec.port).exists():
        errors["hostname"] = _("A site already answers at %(hostname)s:%(port)s.") % {
            "hostname": spec.hostname,
            "port": spec.port,
        }
    if spec.kind not in TerritoryKind.values:
        errors["kind"] = _("Unknown kind of local government: %(kind)s.") % {"kind": spec.kind}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_territory(spec):
    """Create the site, the home page and the standard sections, all or nothing."""
    validate_spec(spec)
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=TerritoryHomePage(
            title=spec.name,
            slug=spec.slug,
            kind=spec.kind,
            intro=spec.intro,
            locale=Locale.get_default(),
        )
    )
    home.save_revision().publish()
    for section in standard_sections():
        page = home.add_child(
            instance=section.page_class(title=section.title, slug=section.slug, show_in_menus=True)
        )
        page.save_revision().publish()
    site = Site.objects.create(
        hostname=spec.hostname, port=spec.port, root_page=home, site_name=spec.name
    )
    TerritorySettings.objects.create(site=site)
    return home


def section_of(territory, page_class):
    """The territory's section of a given type (its calls index, its news index…)."""
    return page_class.objects.child_of(territory).first()
