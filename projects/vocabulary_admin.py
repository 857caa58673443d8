"""The network's shared vocabulary in the admin: themes and user types, for the accounts
that hold their model permissions (network administrators), with wagtail-localize's
« Traduire » on each term. Territory accounts neither see nor translate them
(territories/middleware.py guards the translation views)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Theme, UserType


class TermViewSet(SnippetViewSet):
    # The row's own name, not the one the admin's language would give it (an English row
    # must read in English to its translator).
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"


class UserTypeViewSet(TermViewSet):
    model = UserType
    icon = "group"


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, UserTypeViewSet)
    menu_label = _("Vocabulary")
    menu_icon = "tag"
    menu_order = 800
