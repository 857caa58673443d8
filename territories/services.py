"""Opening, archiving and restoring a territory: one place for each, used by the admin
screen, the management commands and the demo loader alike."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowTask,
    get_page_models,
)
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from home.models import ContentPage

# Archiving and restoring live in archive.py; imported from here by the apps above.
from .archive import archive_territory, restore_territory, territory_archived  # noqa: F401
from .models import Territory, TerritoryHomePage, TerritoryKind, TerritorySettings
from .permissions import apply_access_model, apply_network_role, apply_territory_roles, group_names
from .restrictions import hide_in_preparation

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)

# Group names append " — Publication" (14 characters) and must fit Django's 150.
NAME_MAX_LENGTH = 100
SLUG_MAX_LENGTH = 50


def standard_sections():
    """The page types every territory opens with, in menu order: those that declare a
    ``standard_section`` (home/models.py) and may live under a territory's home page."""
    page_classes = [
        model
        for model in get_page_models()
        if getattr(model, "standard_section", None) is not None
        and TerritoryHomePage in model.allowed_parent_page_models()
    ]
    return sorted(page_classes, key=lambda model: model.standard_section.order)


@dataclass
class TerritorySpec:
    name: str
    slug: str
    hostname: str
    kind: str = TerritoryKind.DEPARTEMENT
    port: int = 80
    intro: str = ""

    def __post_init__(self):
        self.name = " ".join(self.name.split())
        self.slug = self.slug.strip()
        self.hostname = self.hostname.strip().lower()


def validate_spec(spec):
    errors = {}
    if not spec.name:
        errors["name"] = _("Give the territory's name.")
    elif len(spec.name) > NAME_MAX_LENGTH:
        errors["name"] = _("The name is too long: %(max)d characters at most.") % {
            "max": NAME_MAX_LENGTH
        }
    elif Group.objects.filter(name__in=group_names(spec.name)).exists():
        errors["name"] = _("A territory named “%(name)s” already exists.") % {"name": spec.name}
    if spec.slug != slugify(spec.slug) or not spec.slug:
        errors["slug"] = _("The slug may only hold lowercase letters, digits and hyphens.")
    elif len(spec.slug) > SLUG_MAX_LENGTH:
        errors["slug"] = _("The slug is too long: %(max)d characters at most.") % {
            "max": SLUG_MAX_LENGTH
        }
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
    if not 0 < spec.port < 65536:
        errors["port"] = _("The port must be a number between 1 and 65535.")
    if spec.kind not in TerritoryKind.values:
        errors["kind"] = _("Unknown kind of local government: %(kind)s.") % {"kind": spec.kind}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_territory(spec, user=None):
    """Open a territory, all or nothing: its pages, site, media, groups, workflow and settings.

    Raises ValidationError (with one French message per field) before touching anything when
    the spec is refused; any later failure rolls the whole transaction back.
    """
    validate_spec(spec)
    content_locales()  # before the pages, so that the synchronisation sees them being added
    # What is created is content, named in the site's default language whatever the
    # language of the administrator who opens the territory.
    with translation.override(settings.LANGUAGE_CODE):
        return create_space(spec, user)


def create_space(spec, user):
    home = create_pages(spec)
    site = Site.objects.create(
        hostname=spec.hostname, port=spec.port, root_page=home, site_name=spec.name
    )
    TerritorySettings.objects.create(
        site=site,
        display_name=spec.name,
        footer_text=_("%(territory)s — incubator of public services") % {"territory": spec.name},
    )
    translate_home(home, user)
    for section in home.get_children():
        create_aliases_for_new_page(section)
    collection = Collection.get_first_root_node().add_child(name=spec.name)
    editors_name, publishers_name, administrators_name = group_names(spec.name)
    territory = Territory.objects.create(
        name=spec.name,
        slug=spec.slug,
        site=site,
        home=home,
        collection=collection,
        editors=Group.objects.create(name=editors_name),
        publishers=Group.objects.create(name=publishers_name),
        administrators=Group.objects.create(name=administrators_name),
        workflow=create_workflow(spec.name),
    )
    apply_territory_roles(territory)
    apply_network_role()
    # In preparation until its launch (launch.py): its members and the network see it, no
    # public listing does.
    hide_in_preparation(territory)
    return territory


# Sections that are nothing but what their authors write: published empty, they would show
# a blank page. The indexes and the results page list what the territory publishes, and the
# accessibility statement holds the law's wording and the facts as they stand (no audit
# yet): those are published from the start.
DRAFT_UNTIL_WRITTEN = (ContentPage,)


def create_pages(spec):
    """The territory's home page and its standard sections (in French: the sections reach
    the other languages' trees in ``create_space``), published unless they start empty."""
    home = Page.get_first_root_node().add_child(
        instance=TerritoryHomePage(
            title=spec.name,
            slug=spec.slug,
            kind=spec.kind,
            intro=spec.intro,
            locale=Locale.get_default(),
        )
    )
    home.save_revision().publish()
    for page_class in standard_sections():
        section = page_class.standard_section
        draft = issubclass(page_class, DRAFT_UNTIL_WRITTEN)
        page = home.add_child(
            instance=page_class(
                title=str(section.title),
                slug=section.slug,
                show_in_menus=section.in_menu,
                live=not draft,
            )
        )
        revision = page.save_revision()
        if not draft:
            revision.publish()
    return home


def translate_home(home, user):
    """The home page in every other content language, through wagtail-localize.

    The copies start in French and are published at once (wagtail-localize would publish
    them after the commit, outside this transaction), so that each language's tree exists
    from day one; translators then replace the text in wagtail-localize's editor.
    """
    source, _created = TranslationSource.get_or_create_from_instance(home)
    translations = []
    for locale in content_locales():
        if locale == home.locale:
            continue
        Translation.objects.create(source=source, target_locale=locale).save_target(
            user=user, publish=False
        )
        copy = home.get_translation(locale)
        copy.latest_revision.publish(user=user)
        translations.append(copy)
    return translations


def content_locales():
    """One Locale per configured content language, created on first use.

    Every other language's tree is synchronised from the default language's: a page added
    in French appears at once in the other trees as an alias (wagtail-localize's synctree,
    which shows the French content there until someone translates the page). Aliases are
    no translation: the language switcher and the hreflang links leave them out.
    """
    default = Locale.get_default()
    locales = [default]
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == default.language_code:
            continue
        locale = Locale.objects.get_or_create(language_code=code)[0]
        # Saving a new synchronisation aliases the existing tree (wagtail-localize's signal).
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
        locales.append(locale)
    return locales


def after_migrate(**kwargs):
    """After every ``migrate``: a language added to LANGUAGES reaches the territories already
    open (its tree is synchronised from French, home pages included), then the access model
    is applied again (``permissions.py``), so each territory's groups and workflow extend to
    the new home page and hold exactly their declared rights.

    Not after a ``migrate`` to an earlier migration (undoing one): today's models would read
    columns the database no longer has. The next full ``migrate`` applies the model."""
    if not fully_migrated(kwargs.get("using", DEFAULT_DB_ALIAS)):
        return
    # The roles name permissions of apps whose own post_migrate may not have run yet.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    if Territory.objects.exists():
        content_locales()
    apply_access_model()


def fully_migrated(using):
    executor = MigrationExecutor(connections[using])
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def create_workflow(territory_name):
    """Moderation: the publication group approves what the editors submit (the reviewers
    and the pages it covers come from the access model)."""
    workflow = Workflow.objects.create(
        name=_("%(territory)s — Moderation") % {"territory": territory_name}
    )
    task = GroupApprovalTask.objects.create(
        name=_("%(territory)s — Approval by the publishers") % {"territory": territory_name}
    )
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def section_of(territory, page_class):
    """The territory's section of a given type (its calls index, its news index…)."""
    return page_class.objects.child_of(territory).first()
