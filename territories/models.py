from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import footer_link_blocks, key_figure_blocks
from home.models import SiteHomePage

from .branding import DEFAULT_PRIMARY_COLOR, validate_primary_color
from .email_domains import NoDomainWarning, normalise_domains, split_domains
from .link_labels import validate_link_labels
from .reference_forms import TerritorySettingsForm


class TerritoryKind(models.TextChoices):
    DEPARTEMENT = "departement", _("Department")
    REGION = "region", _("Region")
    AGGLOMERATION = "agglomeration", _("Conurbation")
    COMMUNE = "commune", _("Municipality")


class TerritoryHomePage(SiteHomePage):
    """Root of one territory's site. Its title is the territory's official name."""

    kind = models.CharField(
        _("kind of local government"), max_length=20, choices=TerritoryKind.choices
    )
    key_figures = StreamField(
        key_figure_blocks(),
        blank=True,
        max_num=4,
        verbose_name=_("key figures"),
        help_text=_("Up to four figures that sum up the incubator."),
    )

    content_panels = SiteHomePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("key_figures"),
        # The projects app adds the highlighted projects' panel (projects/apps.py).
    ]
    search_fields = SiteHomePage.search_fields + [index.FilterField("kind")]

    # Its sections declare it as their parent (``parent_page_types``): a new page type needs
    # no edit here to be offered in every territory.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("territory home page")
        verbose_name_plural = _("territory home pages")


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Network name"), max_length=40)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


@register_setting(icon="site")
class TerritorySettings(BaseSiteSetting, ClusterableModel):
    """The identity a site shows on every page: the hub's and each territory's.

    Written in the default language; its name, footer text and link texts can be given in
    each other language (``translations``), which the pages in that language show instead.
    """

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Short name shown in the header. Defaults to the home page's title."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The home page's wide picture: the territory at a glance, above the fold.
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A wide picture of the territory shown at the top of the home page (at least "
            "1920 × 720 pixels; it is cropped to that shape around its focal point)."
        ),
    )
    banner_alt = models.CharField(
        _("banner's alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the banner shows, for people who cannot see it. Required with a banner."),
    )
    primary_color = models.CharField(
        _("primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY_COLOR,
        validators=[validate_primary_color],
        help_text=_(
            "The colour of the header, buttons and links. White text must stay readable on it "
            "(contrast of at least 4.5:1)."
        ),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    footer_text = models.CharField(_("footer text"), max_length=300, blank=True)
    footer_links = StreamField(
        footer_link_blocks(),
        blank=True,
        max_num=8,
        verbose_name=_("footer links"),
        help_text=_(
            "Legal notices, personal data, partners… The accessibility statement is "
            "linked automatically."
        ),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )
    agent_email_domains = models.TextField(
        _("agents' email domains"),
        blank=True,
        max_length=2000,
        help_text=_(
            "The domains of your agents' work addresses, one per line or separated by commas, "
            "for example “var.fr, departement83.fr”. The irritant form accepts only these "
            "addresses and those of their subdomains (“social.var.fr”)."
        ),
    )
    irritant_retention_months = models.PositiveSmallIntegerField(
        _("retention of submitters' data (months)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "How long the name, email and service of agents who report an irritant are kept. "
            "Stated on the form; past it, purge_irritants erases them."
        ),
    )

    panels = [
        FieldPanel("display_name"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("banner"), FieldPanel("banner_alt")], heading=_("Banner")),
        FieldPanel("primary_color", widget=forms.TextInput(attrs={"type": "color"})),
        FieldPanel("contact_email"),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [
                FieldPanel("agent_email_domains", widget=forms.Textarea(attrs={"rows": 3})),
                NoDomainWarning(),
                FieldPanel("irritant_retention_months"),
            ],
            heading=_("Irritant form"),
        ),
        InlinePanel(
            "translations",
            heading=_("In other languages"),
            label=_("Language"),
            help_text=_(
                "The name, footer text and link texts that pages in another language show."
            ),
        ),
    ]

    # Refuses a logo or footer link out of the territory's reach.
    base_form_class = TerritorySettingsForm

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")

    def clean(self):
        super().clean()
        try:
            self.agent_email_domains = normalise_domains(self.agent_email_domains)
        except ValidationError as error:
            raise ValidationError({"agent_email_domains": error}) from error
        self.banner_alt = self.banner_alt.strip()
        if self.banner_id is not None and not self.banner_alt:
            raise ValidationError(
                {"banner_alt": _("Describe the banner for people who cannot see it.")}
            )

    @property
    def email_domains(self):
        """The domains whose addresses the territory's public forms accept (none: any)."""
        return split_domains(self.agent_email_domains)


def other_languages():
    """The content languages but the default one (the identity's own language)."""
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class TerritorySettingsTranslation(Orderable):
    identity = ParentalKey(TerritorySettings, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=15, choices=other_languages)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    footer_text = models.CharField(_("footer text"), max_length=300, blank=True)
    banner_alt = models.CharField(_("banner's alternative text"), max_length=250, blank=True)
    # The footer's and social links' texts: the links themselves (pages, addresses) are the
    # default language's, only their words change (territories/link_labels.py).
    link_labels = models.TextField(
        _("link texts"),
        blank=True,
        max_length=3000,
        validators=[validate_link_labels],
        help_text=_(
            "One link of the footer or of the social networks per line: its French text, "
            "“=”, then its text in this language, for example “Qui sommes-nous ? = About us”. "
            "A link not listed keeps its French text."
        ),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("display_name"),
        FieldPanel("footer_text"),
        FieldPanel("banner_alt"),
        FieldPanel("link_labels", widget=forms.Textarea(attrs={"rows": 4})),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("identity in another language")
        verbose_name_plural = _("identity in other languages")
        constraints = [
            models.UniqueConstraint(
                fields=["identity", "language"], name="one_identity_translation_per_language"
            )
        ]


class Territory(models.Model):
    """A territory's editorial space: what create_territory opened for it, in one record.

    The public face is the TerritoryHomePage; this record ties it to the site, the
    collection, the two groups and the workflow, so that permissions, the admin list and
    archiving never have to guess them from names.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.PROTECT, related_name="territory"
    )
    home = models.OneToOneField(
        TerritoryHomePage, on_delete=models.PROTECT, related_name="territory_space"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="territory"
    )
    editors = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="edited_territory"
    )
    publishers = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="published_territory"
    )
    administrators = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="administered_territory"
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", on_delete=models.PROTECT, related_name="territory"
    )
    created_at = models.DateTimeField(_("opened on"), auto_now_add=True)
    # None while the site is in preparation: only the territory's and the network's accounts
    # see it (launch.py), and no public listing shows it.
    launched_at = models.DateTimeField(_("online since"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived on"), null=True, blank=True)
    # Page id → id of the revision that was live when the territory was archived, so that
    # restoring publishes exactly what citizens saw, not drafts written since.
    archived_revisions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def is_launched(self):
        return self.launched_at is not None

    @property
    def status_label(self):
        if self.is_archived:
            return _("Archived")
        return _("Online") if self.is_launched else _("In preparation")

    def role_groups(self):
        """The territory's groups, one per role, in the order the roles are declared."""
        return {
            "editing": self.editors,
            "publishing": self.publishers,
            "administration": self.administrators,
        }

    def pages(self):
        """Every page of the territory, in every language."""
        return territory_pages(self.home)

    @classmethod
    def of_page(cls, page):
        """The territory whose tree, in any language, holds ``page`` (None on the hub)."""
        homes = TerritoryHomePage.objects.ancestor_of(page, inclusive=True)
        territories = cls.objects.select_related("site")
        return territories.filter(home__translation_key__in=homes.values("translation_key")).first()


def territory_pages(home):
    """The pages under a territory home page and under each of its translations."""
    paths = home.get_translations(inclusive=True).values_list("path", flat=True)
    return Page.objects.filter(under_paths(paths))


def under_paths(paths):
    """A condition matching the pages in the subtrees rooted at ``paths``."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


class Invitation(models.Model):
    """An invitation to join a territory in some of its roles: a one-time link, valid a
    week, that lets the person choose a password (or confirm theirs). Only the token's hash
    is stored: the link is in the email and nowhere else."""

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("territory")
    )
    email = models.EmailField(_("email"))
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    # Keys of territories.permissions.TERRITORY_ROLES.
    roles = models.JSONField(_("roles"), default=list)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email
