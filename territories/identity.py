"""What a public page shows of the site it belongs to: name, logo, menu, footer."""

from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Page

from pagecache.generations import cached_for_site, site_for_request

from .models import TerritoryHomePage, TerritorySettings


@dataclass
class SiteIdentity:
    name: str
    home: Page | None
    is_territory: bool
    settings: TerritorySettings | None
    menu: list = field(default_factory=list)
    footer_text: str = ""

    @classmethod
    def for_request(cls, request):
        """The request's identity, computed once per site, language and generation of the
        site's content (pagecache/): no query after the first request."""
        return cached_for_site(request, "identity", lambda: cls.build(request))

    @classmethod
    def build(cls, request):
        site = site_for_request(request)
        if site is None:
            return cls(name="", home=None, is_territory=False, settings=None)
        home = site.root_page.localized.specific
        settings, _created = TerritorySettings.objects.select_related("logo").get_or_create(
            site=site
        )
        menu = list(home.get_children().live().public().in_menu())
        name, footer_text = settings.display_name, settings.footer_text
        language = get_language()
        if language != django_settings.LANGUAGE_CODE:
            # The identity in the page's language, where it is given; otherwise the home
            # page's title and no footer text, rather than French on an English page.
            other = settings.translations.filter(language=language).first()
            name = other.display_name if other else ""
            footer_text = other.footer_text if other else ""
        return cls(
            name=name or home.title,
            home=home,
            is_territory=isinstance(home, TerritoryHomePage),
            settings=settings,
            menu=menu,
            footer_text=footer_text,
        )


def site_identity(request):
    """Context processor: the identity is only looked up when a template uses it."""
    return {"identity": SimpleLazyObject(lambda: SiteIdentity.for_request(request))}
