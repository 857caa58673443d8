"""Who may see a page: view restrictions are a publisher's decision, hold in every language
of the page (home/privacy.py reads them so), and open a page to its own territory's groups
and the network's only. A territory in preparation is hidden by a restriction on its home
page that only its launch lifts (launch.py). Receivers connected in signals.py.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib import messages
from django.contrib.auth.models import Group
from django.db.models.signals import pre_save
from django.utils.translation import gettext as _
from wagtail.models import (
    CollectionViewRestriction,
    GroupPagePermission,
    Page,
    PageViewRestriction,
)

from .acting import PublishRefused, acting_request, acting_user
from .models import Territory
from .permissions import network_group_name

# Set while the rules below keep restrictions in step across languages.
_privacy_sync = ContextVar("privacy_sync", default=False)
# Set while a territory is opened (its preparation restriction is set) or launched (lifted).
_preparation_write = ContextVar("preparation_write", default=False)


# A territory in preparation ---------------------------------------------------------------


def preparation_viewers(territory):
    """Who sees a territory in preparation: its own role groups and the network group
    (superusers see every restricted page)."""
    return [
        *territory.role_groups().values(),
        Group.objects.get_or_create(name=network_group_name())[0],
    ]


def hide_in_preparation(territory):
    """Restrict the territory's home page, and so the whole site in every language
    (home/privacy.py), and its media collection (its documents, served on every host name),
    to its members and the network's, until ``lift_preparation``."""
    viewers = preparation_viewers(territory)
    with preparation_write(), privacy_sync():
        restriction = PageViewRestriction.objects.create(
            page=territory.home, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(viewers)
    # Wagtail's own check (before_serve_document) then refuses its documents to others.
    CollectionViewRestriction.objects.create(
        collection=territory.collection, restriction_type=CollectionViewRestriction.GROUPS
    ).groups.set(viewers)
    return restriction


def lift_preparation(territory):
    """Remove the preparation restrictions (on the home page in every language, and on the
    media collection): the one way out of preparation, called by ``launch.launch`` only."""
    with preparation_write(), privacy_sync():
        PageViewRestriction.objects.filter(
            page__translation_key=territory.home.translation_key
        ).delete()
    CollectionViewRestriction.objects.filter(
        collection=territory.collection, restriction_type=CollectionViewRestriction.GROUPS
    ).delete()


def keep_preparation_restriction(sender, instance, **kwargs):
    """The restriction that hides a territory in preparation is not a publisher's privacy
    setting: the privacy dialog, a script or a bulk action may not change or remove it;
    only the launch (launch.py) lifts it, after its checklist and by an administrator."""
    if _preparation_write.get():
        return
    if kwargs.get("signal") is pre_save and instance.pk is None:
        return  # A new restriction hides more; the home page's own one stays as it is.
    territory = Territory.objects.filter(home_id=instance.page_id, launched_at__isnull=True)
    if territory.exists():
        raise PublishRefused(
            _(
                "This site is in preparation: it is opened to the public with “Put online” on the "
                "dashboard, not from the privacy settings."
            )
        )


def keep_preparation_viewers(sender, instance, action, **kwargs):
    """The same rule for the restriction's groups changed without saving it."""
    if isinstance(instance, PageViewRestriction) and action in (
        "pre_add",
        "pre_remove",
        "pre_clear",
    ):
        keep_preparation_restriction(sender, instance)


@contextmanager
def preparation_write():
    token = _preparation_write.set(True)
    try:
        yield
    finally:
        _preparation_write.reset(token)


def refuse_unreviewed_privacy_change(sender, instance, **kwargs):
    """Making a page public again, or changing who may see it, is a publisher's decision,
    also when wagtail-localize copies restrictions between languages. Copying a language
    version's restriction is allowed: it changes nothing (``keep_one_restriction_per_page``
    removes the copy)."""
    user = acting_user()
    if user is None or _privacy_sync.get():
        return
    page = restricted_page(instance)
    if page is None or page.permissions_for_user(user).can_set_view_restrictions():
        return
    if kwargs.get("signal") is pre_save and instance.pk is None and restricted_versions(page):
        return
    raise PublishRefused(
        _("Only this territory's publishers can change who may see “%(title)s”.")
        % {"title": page.get_admin_display_title()}
    )


def drop_foreign_viewers(sender, instance, action, pk_set, **kwargs):
    """A page restricted to groups is shown to the territory's own groups and the network
    group only: a Pau group chosen on a Var page would open it to Pau's accounts. Such a
    group is taken off again (raising here would break the transaction of the form that
    saves the restriction): the page stays private, to fewer people, and the editor is told."""
    user = acting_user()
    if action != "post_add" or user is None or user.is_superuser or not pk_set:
        return
    page = restricted_page(instance)
    if page is None:
        return
    territory = Territory.of_page(page)
    allowed = set(
        GroupPagePermission.objects.filter(page__depth=1).values_list("group_id", flat=True)
    )
    if territory is not None:
        allowed |= {territory.editors_id, territory.publishers_id, territory.administrators_id}
    foreign = set(pk_set) - allowed
    if foreign:
        instance.groups.remove(*foreign)
        request = acting_request()
        if hasattr(request, "_messages"):
            messages.error(
                request,
                _("“%(title)s” can only be opened to this territory's groups and the network's.")
                % {"title": page.get_admin_display_title()},
            )


def restricted_page(restriction):
    """The page a restriction is set on, or None when a cascade has already taken it."""
    return Page.objects.filter(pk=restriction.page_id).first()


def restricted_versions(page):
    """The restrictions set on the page's other language versions."""
    return PageViewRestriction.objects.filter(page__translation_key=page.translation_key).exclude(
        page_id=page.pk
    )


def refuse_a_second_restriction(sender, instance, **kwargs):
    """A restriction already applies in every language (home/privacy.py): a second one set
    from the privacy dialog on another language version would ask visitors twice, and could
    not be kept anyway. Refused before the save (removing it after would break the dialog's
    own saving of its groups). wagtail-localize's copy of a version's restriction is no
    decision: ``keep_one_restriction_per_page`` removes it."""
    if instance.pk is not None or _privacy_sync.get() or not from_privacy_dialog():
        return
    page = restricted_page(instance)
    if page is not None and restricted_versions(page).exists():
        raise PublishRefused(
            _(
                "“%(title)s” is already private in another language, and a page's privacy "
                "holds in all its languages: change it on that version."
            )
            % {"title": page.get_admin_display_title()}
        )


def from_privacy_dialog():
    request = acting_request()
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name == "wagtailadmin_pages:set_privacy"


def keep_one_restriction_per_page(sender, instance, created, **kwargs):
    """The copy that wagtail-localize makes of a restriction on a translation would ask
    visitors for the password twice and stay behind when the publisher lifts the original:
    it goes (the original covers every language)."""
    if not created or _privacy_sync.get():
        return
    page = restricted_page(instance)
    if page is not None and restricted_versions(page).exists():
        with privacy_sync():
            instance.delete()


def lift_in_every_language(sender, instance, **kwargs):
    """Lifting a restriction lifts it on every language version of the page (copies made
    before the rule above included)."""
    if _privacy_sync.get():
        return
    page = restricted_page(instance)
    if page is not None:
        with privacy_sync():
            restricted_versions(page).delete()


@contextmanager
def privacy_sync():
    token = _privacy_sync.set(True)
    try:
        yield
    finally:
        _privacy_sync.reset(token)
