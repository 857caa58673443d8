"""A Rédaction translation goes through the territory's review, like any other edit.

wagtail-localize's editor offers only "Publish" (to publishers) and, when it saves a
translation, writes the translated text into the page's live row, which the publication
check refuses to editors (``publication.py``). So editors get their own step: the strings
translated so far become a draft revision of the translated page (the live row untouched),
and the page enters the territory's workflow, where a publisher approves and so publishes it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Locale, Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments

from .acting import PublishRefused, may_publish
from .isolation import can_reach_page
from .publication import editable_fields
from .references import refused_references, territory_of


def translation_of(page):
    """The wagtail-localize record that fills this page from its source, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def may_submit(user, page):
    permissions = page.permissions_for_user(user)
    return (
        can_reach_page(user, page)
        and permissions.can_edit()
        and page.get_workflow() is not None
        and translation_of(page) is not None
    )


@transaction.atomic
def submit_translation_for_review(page, user):
    """Make a draft revision of ``page`` from its translated strings and start its review."""
    page = page.specific
    translation = translation_of(page)
    if translation is None or not may_submit(user, page):
        raise PermissionDenied
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(page.locale, fallback=True)
    ingest_segments(original, page, source.locale, page.locale, segments)
    # Overrides of chosen objects bypass the page form: check them as the form would.
    refused = refused_references(
        page, user=user, territory=territory_of(page), fields=editable_fields(page)
    )
    if refused:
        raise PublishRefused(str(refused[0][1]))
    revision = page.save_revision(user=user, log_action=True)
    if page.current_workflow_state is not None:
        page.current_workflow_state.cancel(user=user)
    page.get_workflow().start(page, user)
    return revision


@require_http_methods(["GET", "POST"])
def submit_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_submit(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        try:
            submit_translation_for_review(page, request.user)
        except PublishRefused:  # its reason is in the request's messages
            return redirect("territory_submit_translation", page.pk)
        messages.success(
            request,
            _("The translation “%(title)s” was submitted for review.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "territories/admin/submit_translation.html",
        {"page": page, "submit_url": reverse("territory_submit_translation", args=[page.pk])},
    )


class SubmitTranslationButton(PageMenuItem):
    """In the page's "More" menus, for those who translate but may not publish."""

    label = gettext_lazy("Submit the translation for review")
    icon_name = "globe"
    url_name = "territory_submit_translation"
    priority = 5

    def is_shown(self, user):
        page = self.page
        if page.alias_of_id is not None or page.locale_id == Locale.get_default().pk:
            return False
        return not may_publish(user, page) and may_submit(user, page)
