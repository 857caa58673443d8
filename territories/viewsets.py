"""The "Territoires" admin screen: superusers list the territories and open new ones."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from .forms import TerritoryForm
from .members import ADMINISTRATION_KEY, delivery_failed_message, invite
from .models import Territory
from .services import create_territory


def listing_queryset():
    """Territories with what the list shows, in one query whatever their number."""
    pages = Page.objects.filter(path__startswith=OuterRef("home__path")).order_by()
    members = (
        get_user_model()
        .objects.filter(
            Q(groups=OuterRef("editors_id"))
            | Q(groups=OuterRef("publishers_id"))
            | Q(groups=OuterRef("administrators_id"))
        )
        .order_by()
    )
    return Territory.objects.select_related("site").annotate(
        page_count=Subquery(pages.values(count=aggregate("COUNT", "pk"))),
        editor_count=Subquery(members.values(count=aggregate("COUNT", "pk", distinct=True))),
        last_published_at=Subquery(pages.values(last=aggregate("MAX", "last_published_at"))),
    )


def aggregate(function, field, distinct=False):
    """An aggregate for a correlated subquery: Django's own would add a GROUP BY."""
    if distinct:
        return Func(F(field), function=function, template="%(function)s(DISTINCT %(expressions)s)")
    return Func(F(field), function=function)


class InvitationRefused(Exception):
    """The first administrator's invitation was refused: its errors belong to admin_email."""

    def __init__(self, error):
        super().__init__(error)
        self.error = error


class TerritoryIndexView(generic.IndexView):
    add_item_label = _("Add a territory")

    def get_base_queryset(self):
        return listing_queryset()


class TerritoryCreateView(generic.CreateView):
    page_title = _("Add a territory")
    submit_button_label = _("Open the territory")
    submit_button_active_label = _("Opening…")

    def form_valid(self, form):
        # Refused at save time (e.g. the slug taken meanwhile): nothing was created
        # (save_instance is one transaction). Each refusal goes to its own field.
        try:
            return super().form_valid(form)
        except InvitationRefused as refusal:
            for field_messages in refusal.error.message_dict.values():
                form.add_error("admin_email", field_messages)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, field_messages in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, field_messages)
            else:
                form.add_error(None, error.messages)
        return self.form_invalid(form)

    @transaction.atomic
    def save_instance(self):
        territory = create_territory(self.form.spec, user=self.request.user)
        territory.invitation = None
        if email := self.form.cleaned_data.get("admin_email"):
            try:
                territory.invitation = invite(
                    territory, email, [ADMINISTRATION_KEY], invited_by=self.request.user
                )
            except ValidationError as error:
                raise InvitationRefused(error) from None
        return territory

    def get_success_message(self, instance):
        message = _("Territory “%(name)s” opened at %(url)s/.") % {
            "name": instance.name,
            "url": instance.site.root_url,
        }
        invitation = instance.invitation
        if invitation is not None and invitation.delivered is False:
            # Sent once committed: the territory stays open, the invitation is cancelled.
            messages.error(self.request, delivery_failed_message(invitation))
        elif invitation is not None:
            message += " " + _("Invitation sent to %(email)s.") % {"email": invitation.email}
        return message

    def get_success_buttons(self):
        return []


class TerritoryViewSet(ModelViewSet):
    model = Territory
    index_view_class = TerritoryIndexView
    add_view_class = TerritoryCreateView
    icon = "site"
    menu_label = _("Territories")
    menu_order = 150
    add_to_admin_menu = True
    inspect_view_enabled = False
    copy_view_enabled = False
    list_filter = []
    search_fields = ["name", "slug", "site__hostname"]
    list_display = [
        TitleColumn(
            "name",
            label=_("Territory"),
            get_url=lambda territory: reverse("wagtailadmin_explore", args=[territory.home_id]),
        ),
        Column("hostname", label=_("Host name"), accessor="site.hostname"),
        NumberColumn("page_count", label=_("Pages")),
        NumberColumn("editor_count", label=_("Editors")),
        DateColumn("last_published_at", label=_("Last publication")),
        Column("status", label=_("Status"), accessor="status_label"),
    ]

    def get_form_class(self, for_update=False):
        return TerritoryForm
