"""What a public page shows of the site it belongs to: name, logo, colour, menu, footer."""

from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, Subquery
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.images.models import Rendition
from wagtail.models import Page, Site

from home.generations import cached_for_site
from home.models import AccessibilityPage
from home.privacy import private_q, public
from home.templatetags.content_language import text_language

from .branding import DEFAULT_PRIMARY_COLOR, HEX_COLOR_RE
from .link_labels import label_in, parse_link_labels
from .models import TerritoryHomePage, TerritorySettings, TerritorySettingsTranslation
from .scope import hub_url, scope_for, site_for_request


@dataclass
class FooterLink:
    label: str
    url: str


@dataclass
class SiteIdentity:
    name: str
    home: Page | None
    is_territory: bool
    settings: TerritorySettings | None
    menu: list = field(default_factory=list)
    footer_text: str = ""
    primary_color: str = DEFAULT_PRIMARY_COLOR
    footer_links: list = field(default_factory=list)
    social_links: list = field(default_factory=list)
    accessibility: AccessibilityPage | None = None
    network_url: str = "/"
    logo: "LogoRenditions | None" = None
    banner: "BannerRenditions | None" = None
    # The language ``name`` is written in: the site's (French) unless the page's language
    # has its translation, or the home's title's when that stands in for it.
    name_language: str = django_settings.LANGUAGE_CODE

    @classmethod
    def for_request(cls, request):
        """The request's identity, computed once per site, language and generation of the
        site's content (home/generations.py): no query after the first request."""
        return cached_for_site(
            request, site_for_request(request), "identity", lambda: cls.build(request)
        )

    @classmethod
    def build(cls, request):
        scope = scope_for(request)
        if scope is None:
            return cls(name="", home=None, is_territory=False, settings=None)
        site, home = scope.site, scope.root
        language = get_language()
        other = language != django_settings.LANGUAGE_CODE
        settings = _settings_of(site, language if other else None)
        _prefetch_renditions(settings.logo, settings.banner)
        menu, accessibility = _menu_and_accessibility(home)
        name, footer_text = settings.display_name, settings.footer_text
        labels = {}
        name_language = django_settings.LANGUAGE_CODE
        if other:
            # The identity in the page's language, where it is given; otherwise the home
            # page's title and no footer text, rather than French on an English page.
            name = settings.translated_name or ""
            name_language = language if name else text_language(home)
            footer_text = settings.translated_footer_text or ""
            # A link without its translation keeps its text: it still leads somewhere.
            labels = parse_link_labels(settings.translated_link_labels)
        return cls(
            name=name or home.title,
            name_language=name_language,
            home=home,
            is_territory=isinstance(home, TerritoryHomePage),
            settings=settings,
            menu=menu,
            footer_text=footer_text,
            # Guarded here too: the value goes into a style element.
            primary_color=(
                settings.primary_color
                if HEX_COLOR_RE.match(settings.primary_color)
                else DEFAULT_PRIMARY_COLOR
            ),
            footer_links=footer_links(settings, request, scope.locale, labels),
            social_links=[
                FooterLink(label=label_in(labels, link.value["label"]), url=link.value["url"])
                for link in settings.social_links
            ],
            accessibility=accessibility,
            network_url=network_url(site, request),
            logo=LogoRenditions.of(settings.logo),
            # On a page in another language, its alternative text there, else the French one
            # (which the template marks as French: alt_language).
            banner=BannerRenditions.of(
                settings.banner,
                (settings.translated_banner_alt if other else None) or settings.banner_alt,
                alt_language=(
                    django_settings.LANGUAGE_CODE
                    if other and not settings.translated_banner_alt
                    else None
                ),
            ),
        )


def _settings_of(site, language):
    """The site's settings with its logo, and its name, footer text and link texts in
    ``language`` when one is given (None where not translated), in one query."""
    queryset = TerritorySettings.objects.select_related("logo", "banner")
    if language is not None:
        translation = TerritorySettingsTranslation.objects.filter(
            identity=OuterRef("pk"), language=language
        )
        queryset = queryset.annotate(
            translated_name=Subquery(translation.values("display_name")[:1]),
            translated_footer_text=Subquery(translation.values("footer_text")[:1]),
            translated_link_labels=Subquery(translation.values("link_labels")[:1]),
            translated_banner_alt=Subquery(translation.values("banner_alt")[:1]),
        )
    settings = queryset.filter(site=site).first()
    if settings is None:
        settings, _created = TerritorySettings.objects.get_or_create(site=site)
        settings.translated_name = settings.translated_footer_text = None
        settings.translated_link_labels = settings.translated_banner_alt = None
    return settings


def _prefetch_renditions(*images):
    """The renditions of the logo and the banner in one query (Wagtail's get_renditions
    then reads them from ``prefetched_renditions``)."""
    images = [image for image in images if image is not None]
    if not images:
        return
    found = {image.pk: [] for image in images}
    renditions = images[0].get_rendition_model().objects.filter(image_id__in=list(found))
    for rendition in renditions:
        found[rendition.image_id].append(rendition)
    for image in images:
        image.prefetched_renditions = found[image.pk]


def _menu_and_accessibility(home):
    """The home page's live, public children shown in the menu, and its accessibility
    statement (in the page's language: an alias of the French one until translated), in one
    query: the statement carries what the footer shows of it (its compliance status)."""
    statement = AccessibilityPage.objects.filter(pk=OuterRef("pk"))
    children = (
        public(home.get_children().live())
        .filter(Q(show_in_menus=True) | Q(pk__in=AccessibilityPage.objects.values("pk")))
        .annotate(compliance_status=Subquery(statement.values("compliance_status")[:1]))
        .order_by("path")
    )
    menu, accessibility = [], None
    for child in children:
        if child.show_in_menus:
            menu.append(child)
        if child.compliance_status is not None and accessibility is None:
            # The statement without a query of its own: its other fields are read on demand.
            accessibility = child.specific_deferred
            accessibility.compliance_status = child.compliance_status
    return menu, accessibility


@dataclass
class LogoRenditions:
    """The header's logo in WebP with a PNG fallback (96 px tall for high-density screens,
    shown at 48) and the picture link previews show: found once, with the identity."""

    webp: Rendition
    png: Rendition
    shared: Rendition

    SPECS = ("height-96|format-webp", "height-96|format-png", "max-600x600|format-png")

    @classmethod
    def of(cls, image):
        if image is None:
            return None
        renditions = image.get_renditions(*cls.SPECS)
        return cls(*(renditions[spec] for spec in cls.SPECS))


@dataclass
class BannerRenditions:
    """The home page's banner as WebP renditions of one shape (8:3), from phone to wide
    screen: found once, with the identity. The template's ``srcset`` and the head's preload
    (``imagesrcset``) are both written from ``srcset`` so that the browser fetches once."""

    renditions: list
    alt: str
    alt_language: str | None = None  # when it differs from the page's

    WIDTHS = (640, 960, 1280, 1920)
    RATIO = (8, 3)
    # The banner spans the content column: the page's width on phones, at most the
    # container's (home/static/css/site.css, .container) elsewhere.
    SIZES = "(min-width: 64rem) 62rem, calc(100vw - 2rem)"

    @classmethod
    def specs(cls, original_width):
        # No upscaling: widths beyond the original collapse into one (the first that does).
        widths = [width for width in cls.WIDTHS if width < original_width]
        widths.append(min(original_width, cls.WIDTHS[-1]) if widths else cls.WIDTHS[0])
        ratio_w, ratio_h = cls.RATIO
        return [
            f"fill-{width}x{width * ratio_h // ratio_w}|format-webp"
            for width in dict.fromkeys(widths)
        ]

    @classmethod
    def of(cls, image, alt, alt_language=None):
        if image is None:
            return None
        specs = cls.specs(image.width)
        found = image.get_renditions(*specs)
        return cls([found[spec] for spec in specs], alt, alt_language)

    @property
    def srcset(self):
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in self.renditions)

    @property
    def fallback(self):
        # The middle width for browsers that ignore srcset.
        return self.renditions[min(1, len(self.renditions) - 1)]


def network_url(site, request=None):
    """The hub's address, which every territory's footer links to."""
    if site.is_default_site:
        return site.root_url
    if request is not None:
        return hub_url(request)
    hub = Site.objects.filter(is_default_site=True).first()
    return hub.root_url if hub else "/"


def footer_links(settings, request, locale, labels=None):
    """The footer's links, each to a live, public page (in the current language) or an
    address, with its text in that language where ``labels`` give it: the pages and their
    translations, and whether each is public, in one query."""
    blocks = [block["value"] for block in settings.footer_links.raw_data]
    ids = {block["page"] for block in blocks if block.get("page")}
    pages, translated = {}, {}
    if ids:
        candidates = Page.objects.filter(
            Q(pk__in=ids)
            | Q(
                translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
                locale_id=locale.pk,
            )
        ).annotate(private=ExpressionWrapper(private_q(), output_field=BooleanField()))
        for page in candidates:
            if page.pk in ids:
                pages[page.pk] = page
            if page.locale_id == locale.pk:
                translated[page.translation_key] = page
    links = []
    for block in blocks:
        url = block.get("url") or ""
        if block.get("page"):
            page = pages.get(block["page"])
            if page is None:
                continue  # deleted since
            # Page.localized: the translation when it is live, else the page itself.
            translation = translated.get(page.translation_key)
            if translation is not None and translation.live:
                page = translation
            if not page.live or page.private:
                continue
            url = page.get_url(request)
        links.append(FooterLink(label=label_in(labels or {}, block.get("label", "")), url=url))
    return links


def site_identity(request):
    """Context processor: the identity is only looked up when a template uses it."""
    return {"identity": SimpleLazyObject(lambda: SiteIdentity.for_request(request))}
